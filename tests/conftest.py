"""Shared pytest configuration."""

import os
import sys
import threading
from collections.abc import Generator, Iterator
from typing import Any

import pytest
from hypothesis import Phase, settings

from tests.support.faces import FACES, Face, face_named

# kbapi's own pytest plugin (its pytest11 entry point is off for this suite: see pyproject.toml).
pytest_plugins = ["kbapi.testing"]

settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
# `make mutation` (tools/mutation.py): the same examples for the unmutated and every mutated
# run, no example database written by the many runs at once, no shrinking of a failure (the
# first failing example kills the mutant as well as the smallest one).
settings.register_profile(
    "mutation",
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# Tests never read or write the user's build-time cache (kbapi.qmk.history); the tests of
# that cache pass their own files.
os.environ["KBAPI_BUILD_HISTORY"] = "off"


@pytest.fixture(params=FACES)
def face(request: pytest.FixtureRequest) -> Iterator[Face]:
    """The sync face, then the async one (its calls awaited in an event loop of its own)."""
    with face_named(request.param) as chosen:
        yield chosen


# Modules whose tests run for seconds to a minute each (builds in other languages, a browser,
# fresh venvs, subprocess pytest runs, schemathesis): collected first, so that pytest-xdist
# starts them early and no worker is left with one of them at the end of the run.
# Longest first.
LONG_RUNNING = (
    "tests/other_lang/",
    "tests/e2e/test_docs_site.py",
    "tests/install/",
    "tests/e2e/test_testing_plugin.py",
    "tests/e2e/test_doc_examples.py",
    "tests/contract/test_q_contract.py",
    "tests/contract/test_qmk_contract.py",
)


def _start_rank(item: pytest.Item) -> int:
    for rank, prefix in enumerate(LONG_RUNNING):
        if item.nodeid.startswith(prefix):
            return rank
    return len(LONG_RUNNING)


def _is_property_test(item: pytest.Item) -> bool:
    return hasattr(getattr(item, "obj", None), "hypothesis")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Long-running modules first (a stable sort: each module's own order is kept); property
    tests (hypothesis) not traced by coverage: under the tracer the data generation costs twice
    the CPU, and the coverage printed is that of the example-based tests."""
    items.sort(key=_start_rank)
    for item in items:
        if _is_property_test(item):
            item.add_marker(pytest.mark.no_cover)


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, object, object]:
    """Run a `no_cover` test with no tracer at all.

    pytest-cov pauses coverage for these, but in a pytest-xdist worker its tracer is back before
    the test body runs (measured: a marked loop ran 6.6 times slower there, as traced code does,
    and at full speed without xdist), so the marked property and contract tests cost twice their
    CPU. Innermost of the wrappers, this takes the tracer off this thread and off new threads for
    the test alone, then puts back what was there.
    """
    if item.get_closest_marker("no_cover") is None:
        return (yield)
    tracer, thread_tracer = sys.gettrace(), threading.gettrace()
    sys.settrace(None)
    threading.settrace(None)  # type: ignore[arg-type]
    try:
        return (yield)
    finally:
        threading.settrace(thread_tracer)  # type: ignore[arg-type]
        sys.settrace(tracer)


# Tests that check data rather than behaviour: a packaged table, a spec's own examples, shipped
# fixture data. `make test` prints how many of the tests that ran are none of these.
DATA_MARKERS = {
    "table_check": "checks a packaged table (zone labels, layouts) against documented values",
    "spec_example": "checks a spec, its examples or the clients generated from it",
    "fixture_check": "checks shipped mock data against reference facts or real recordings",
}


def pytest_configure(config: pytest.Config) -> None:
    for name, text in DATA_MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {text}")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print "behaviour tests: N of M" from the reports (under xdist: the controller's copies)."""
    keywords: dict[str, set[str]] = {}
    for kind in ("passed", "failed", "skipped", "xfailed", "xpassed"):
        for report in terminalreporter.stats.get(kind, []):
            if getattr(report, "nodeid", None) and hasattr(report, "keywords"):
                keywords.setdefault(report.nodeid, set()).update(report.keywords)
    if not keywords:
        return
    data = {name: sum(name in words for words in keywords.values()) for name in DATA_MARKERS}
    behaviour = sum(not (words & DATA_MARKERS.keys()) for words in keywords.values())
    counts = ", ".join(f"{name} {count}" for name, count in data.items())
    terminalreporter.write_line(f"behaviour tests: {behaviour} of {len(keywords)} ({counts})")
