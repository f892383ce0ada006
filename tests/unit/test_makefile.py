"""The Makefile: every declared .PHONY target has a rule, and `make help` lists every target."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEXT = (ROOT / "Makefile").read_text(encoding="utf-8")
RULES = set(re.findall(r"^([a-z][a-z-]*):(?!=)", TEXT, re.MULTILINE))


def make(*args: str) -> str:
    done = subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


def phony() -> set[str]:
    joined = TEXT.replace("\\\n", " ")
    declared = re.findall(r"^\.PHONY:(.*)$", joined, re.MULTILINE)
    return {name for line in declared for name in line.split()}


def test_every_phony_target_has_a_rule_and_every_rule_is_phony() -> None:
    assert "typecheck" in phony()
    assert phony() == RULES


def test_help_lists_every_target_with_a_description() -> None:
    listed = {}
    for line in make("-s", "help").splitlines():
        match = re.fullmatch(r"make (\S+)\s+(\S.*)", line)
        assert match, line
        listed[match[1]] = match[2]
    assert set(listed) == RULES


def test_typecheck_runs_mypy() -> None:
    commands = make("-n", "typecheck").splitlines()
    assert commands[-1].endswith("/mypy")


def test_coverage_omits_exactly_the_generated_sync_twins() -> None:
    import tomllib

    from tools.unasync import PAIRS

    omit = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["coverage"]
    twins = {f"*/{twin}" for _, twin in PAIRS}
    assert set(omit["run"]["omit"]) == twins | {"*/kbapi/_generated/*", "*/generated/*"}


def test_test_target_prints_branch_coverage() -> None:
    assert "--cov=kbapi --cov-branch --cov-report=term" in make("-n", "test")


def test_unasync_leaves_async_only_blocks_out_of_the_twin() -> None:
    from tools.unasync import unasync_text

    source = (
        "class AsyncC:\n"
        "    async def aclose(self) -> None:\n"
        "        await self._http.aclose()\n"
        "\n"
        "    # unasync: async only (a deprecated alias)\n"
        "    async def close(self) -> None:\n"
        "        await self.aclose()\n"
        "\n"
        "    # unasync: end\n"
        "    x = 1\n"
    )
    twin = "class C:\n    def close(self) -> None:\n        self._http.close()\n\n    x = 1\n"
    assert unasync_text(source) == twin
