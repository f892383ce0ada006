"""Which test runs which line: the map `make mutation` picks each mutant's tests from.

Run as a script (a process of its own, so its imports never reach the mutation runs):

    python tools/mutation_map.py OUT.json --targets wrapper/kbapi/qmk/jobs.py ... --tests FILE ...

It runs the given test files once under coverage with one context per test (its setup, call and
teardown) and writes, for each target file, the tests that executed each of its lines, each
test's duration, and the third-party modules the run imported (the mutation runner imports
those once, before it forks a process per mutant).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import coverage
import pytest

# Passed to every pytest run of `make mutation`: no cache writes, no coverage or xdist plugin,
# plain asserts (no rewriting of every kbapi module pytest imports), no gc sweeps at exit for
# unraisable exceptions, the hypothesis profile with a fixed seed and no database
# (tests/conftest.py).
PYTEST_ARGS = (
    "-q",
    "-p",
    "no:cacheprovider",
    "-p",
    "no:cov",
    "-p",
    "no:xdist",
    "-p",
    "no:randomly",
    "-p",
    "no:unraisableexception",
    "-p",
    "no:threadexception",
    "--assert=plain",
    "--hypothesis-profile=mutation",
)
OWN_PACKAGES = ("kbapi", "tests", "conftest", "__main__", "mutation")


class ContextPerTest:
    """pytest plugin: switch the coverage context to each test's node id; time each test."""

    def __init__(self, cov: coverage.Coverage) -> None:
        self.cov = cov
        self.durations: dict[str, float] = {}
        self.failed: list[str] = []

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item) -> Iterator[None]:
        self.cov.switch_context(item.nodeid)
        start = time.perf_counter()
        yield
        self.durations[item.nodeid] = time.perf_counter() - start
        self.cov.switch_context("")

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.failed:
            self.failed.append(report.nodeid)


def third_party_modules() -> list[str]:
    """Modules imported so far that are not kbapi's or the tests' own."""
    return [
        name
        for name in list(sys.modules)
        if name.split(".")[0] not in OWN_PACKAGES and not name.startswith("_pytest.")
    ] + [name for name in list(sys.modules) if name.startswith("_pytest.")]


def collect(targets: list[Path], tests: list[str]) -> dict[str, Any]:
    """Run `tests` under coverage; return the map of target lines to the tests that ran them."""
    cov = coverage.Coverage(data_file=None, include=[str(t) for t in targets], branch=False)
    plugin = ContextPerTest(cov)
    cov.start()
    try:
        code = pytest.main([*PYTEST_ARGS, *tests], plugins=[plugin])
    finally:
        cov.stop()
    data = cov.get_data()
    lines: dict[str, dict[int, list[str]]] = {}
    for target in targets:
        by_line = data.contexts_by_lineno(str(target))
        # "" stands for code run outside any test: imports, collection, cached values.
        lines[str(target)] = {n: sorted(ctx) for n, ctx in by_line.items()}
    return {
        "exit_code": int(code),
        "failed": plugin.failed,
        "durations": plugin.durations,
        "lines": lines,
        "preload": third_party_modules(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--targets", nargs="+", type=Path, required=True)
    parser.add_argument("--tests", nargs="+", required=True)
    args = parser.parse_args()
    result = collect([t.resolve() for t in args.targets], args.tests)
    args.out.write_text(json.dumps(result), encoding="utf-8")
    return 0 if result["exit_code"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
