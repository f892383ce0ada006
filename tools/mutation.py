"""`make mutation`: cosmic-ray over kbapi's pure decision modules, each against its own unit tests.

For every module chosen (``MODULES="qmk/jobs.py daskeyboard/zones.py"``, paths under
wrapper/kbapi; default: all of MUTANT_TESTS) cosmic-ray writes each mutant into the source
file in place, runs only that module's fast unit tests (``pytest -x``) and records whether
they failed (killed) or passed (survived). Printed: the kill rate per module and the diff of
every surviving mutant. Sessions go to build/mutation/<module>.sqlite. The original source is
written back afterwards whatever happened, so an interrupted run leaves no mutant behind.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "wrapper" / "kbapi"
OUT = ROOT / "build" / "mutation"
# Module under wrapper/kbapi -> the unit tests that exercise it (fast, no servers).
MUTANT_TESTS: dict[str, tuple[str, ...]] = {
    "qmk/jobs.py": ("tests/unit/test_qmk_jobs.py",),
    "qmk/polling.py": ("tests/unit/test_qmk_jobs.py",),
    "daskeyboard/zones.py": ("tests/unit/test_zones.py",),
    "daskeyboard/zone_ids.py": ("tests/unit/test_zones.py",),
    "daskeyboard/paint.py": ("tests/unit/test_q_paint.py",),
    "_core/retry.py": ("tests/unit/test_core_retry.py",),
}
CONFIG = """\
[cosmic-ray]
module-path = "{module}"
timeout = {timeout}
excluded-modules = []
test-command = "{python} -m pytest -x -q -p no:cacheprovider -p no:randomly {tests}"

[cosmic-ray.distributor]
name = "local"
"""


def bin_path(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def session(module: str, timeout: float) -> tuple[Path, Path]:
    """Write the cosmic-ray config of one module; return (config, fresh session database)."""
    OUT.mkdir(parents=True, exist_ok=True)
    config, database = session_paths(module)
    tests = " ".join(MUTANT_TESTS[module])
    text = CONFIG.format(
        module=f"wrapper/kbapi/{module}", timeout=timeout, python=sys.executable, tests=tests
    )
    config.write_text(text, encoding="utf-8")
    database.unlink(missing_ok=True)
    return config, database


def run(module: str, timeout: float) -> None:
    """Mutate one module and run its tests against every mutant, restoring the source after."""
    config, database = session(module, timeout)
    source = PACKAGE / module
    original = source.read_bytes()
    try:
        subprocess.run([bin_path("cosmic-ray"), "init", str(config), str(database)], check=True)
        subprocess.run(
            [bin_path("cosmic-ray"), "exec", str(config), str(database)], cwd=ROOT, check=True
        )
    finally:
        if source.read_bytes() != original:
            source.write_bytes(original)


def report(module: str) -> tuple[int, int]:
    """Print the kill rate and the surviving mutants of one module; return (killed, total)."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome

    _, database = session_paths(module)
    survivors, killed, total = [], 0, 0
    with use_db(str(database), WorkDB.Mode.open) as db:
        for item, result in db.completed_work_items:
            if result.test_outcome is None:
                continue
            total += 1
            if result.test_outcome == TestOutcome.SURVIVED:
                survivors.append((item, result))
            else:
                killed += 1
    rate = 100 * killed / total if total else 0.0
    print(f"\n== {module}: {killed} of {total} mutants killed ({rate:.1f} %)")
    for item, result in survivors:
        mutation = item.mutations[0]
        line = mutation.start_pos[0]
        print(f"-- survived: {mutation.operator_name} at line {line}")
        print("".join(result.diff or "").rstrip())
    return killed, total


def session_paths(module: str) -> tuple[Path, Path]:
    stem = module.replace("/", "_").removesuffix(".py")
    return OUT / f"{stem}.toml", OUT / f"{stem}.sqlite"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", default=list(MUTANT_TESTS))
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per test run")
    parser.add_argument("--report-only", action="store_true", help="print the last sessions")
    args = parser.parse_args()
    unknown = sorted(set(args.modules) - set(MUTANT_TESTS))
    if unknown:
        parser.error(f"no tests known for {unknown}; choose from {sorted(MUTANT_TESTS)}")
    if not args.report_only:
        for module in args.modules:
            run(module, args.timeout)
    totals = [report(module) for module in args.modules]
    killed, total = sum(k for k, _ in totals), sum(t for _, t in totals)
    print(f"\nmutation: {killed} of {total} mutants killed over {len(totals)} module(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
