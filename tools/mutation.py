"""`make mutation`: cosmic-ray mutants of kbapi's decision modules against the tests that run them.

For every module chosen (``MODULES="qmk/jobs.py _core/retry.py"``, paths under wrapper/kbapi;
default: all of MUTANT_TESTS):

1. cosmic-ray (pinned in requirements/mutation.txt) lists the mutants in
   build/mutation/<module>.sqlite;
2. mutants that only change annotations, or swap ``==`` and ``is`` against an interned literal,
   are recorded as skipped, equivalent by rule (tools/mutation_equivalent.py);
3. each other mutant runs the tests that executed its statement (tools/mutation_select.py, from
   a coverage map of the test files in MUTANT_TESTS, tools/mutation_map.py), in a process forked
   from one that imported pytest and the libraries once; the mutant is served to the import
   system, never written to disk (tools/mutation_fork.py). A failing test kills it.

Printed: per module, the mutants, those excluded as equivalent, killed, survived and the kill
rate (killed / (mutants - excluded)), then every survivor's diff. ``--report-only`` prints the
last sessions again; ``--workers`` sets how many mutants run at once (2); ``--survivors`` runs
again only the survivors of a module whose source has not changed since its last session (new
tests cannot revive a killed mutant).
"""

from __future__ import annotations

import argparse
import ast
import gc
import hashlib
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import mutation_fork
import mutation_report
from mutation_equivalent import equivalence
from mutation_map import PYTEST_ARGS
from mutation_select import choose_tests, statement_at

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "wrapper" / "kbapi"
OUT = ROOT / "build" / "mutation"
MAP = OUT / "map.json"
E2E_CORE = (
    "tests/e2e/test_core_transport.py",
    "tests/e2e/test_core_oauth.py",
    "tests/e2e/test_hostile_server.py",
)
E2E_CLIENTS = ("tests/e2e/test_qmk_client.py", "tests/e2e/test_q_client.py")
CLIENTS_OFFLINE = ("tests/unit/test_q_client_offline.py",)
QMK_JOBS = (
    "tests/unit/test_qmk_jobs.py",
    "tests/unit/test_qmk_job_status.py",
    "tests/unit/test_qmk_poll_policy.py",
)
KEYMAP = (
    "tests/unit/test_keymap.py",
    "tests/unit/test_keymap_files.py",
    "tests/unit/test_keymap_shape.py",
    "tests/unit/test_keymap_problems.py",
    "tests/unit/test_keycode_rules.py",
    "tests/unit/test_keymap_corpus.py",
    "tests/unit/test_cli_migrate.py",
    "tests/unit/test_gen_qmk_keycodes.py",
)
ZONES = (
    "tests/unit/test_zones.py",
    "tests/unit/test_zone_bounds.py",
    "tests/unit/test_q_signals.py",
)
CORE = (
    "tests/unit/test_core_auth.py",
    "tests/unit/test_core_oauth_flow.py",
    "tests/unit/test_core_calls.py",
    "tests/unit/test_core_conform.py",
    "tests/unit/test_core_context.py",
    "tests/unit/test_core_credentials.py",
    "tests/unit/test_core_errors.py",
    "tests/unit/test_core_headers.py",
    "tests/unit/test_core_http.py",
    "tests/unit/test_core_limits.py",
    "tests/unit/test_core_ratelimit.py",
    "tests/unit/test_core_redact.py",
    "tests/unit/test_core_resend.py",
    "tests/unit/test_core_retry.py",
    "tests/unit/test_core_text.py",
    *CLIENTS_OFFLINE,
    *QMK_JOBS,
    *E2E_CORE,
    *E2E_CLIENTS,
)
# Module under wrapper/kbapi -> the test files that may run against its mutants. A mutant inside
# a function runs the tests of these files that executed its statement; a mutant run at import
# (module or class level) runs those that executed any of the module's lines and every test of
# the unit files. The sync twins (_core/transport.py, ops.py, reconcile.py) are generated from the
# async sources mutated here, so only tests that drive the async face can kill those mutants.
MUTANT_TESTS: dict[str, tuple[str, ...]] = {
    **{
        f"_core/{name}.py": CORE
        for name in (
            "__init__",
            "auth",
            "credentials",
            "conform",
            "calls",
            "client",
            "context",
            "errors",
            "headers",
            "http",
            "limits",
            "ratelimit",
            "redact",
            "resend",
            "retry",
            "text",
            "timing",
            "async_transport",
            "async_ops",
        )
    },
    "_core/async_reconcile.py": ("tests/e2e/test_reconcile.py", "tests/unit/test_core_resend.py"),
    "qmk/jobs.py": (*QMK_JOBS, "tests/e2e/test_qmk_client.py"),
    "qmk/polling.py": (*QMK_JOBS, "tests/e2e/test_qmk_client.py"),
    "qmk/policy.py": (*QMK_JOBS, "tests/e2e/test_qmk_client.py"),
    **{
        f"qmk/{name}.py": KEYMAP
        for name in (
            "keymap",
            "keymap_shape",
            "keymap_checks",
            "keymap_problems",
            "keycode_syntax",
            "keycodes",
        )
    },
    "daskeyboard/zones.py": ZONES,
    "daskeyboard/zone_ids.py": ZONES,
    "daskeyboard/paint.py": (
        "tests/unit/test_q_paint.py",
        "tests/unit/test_q_paint_plan.py",
        "tests/unit/test_q_signals.py",
        *CLIENTS_OFFLINE,
        "tests/e2e/test_q_client.py",
    ),
}
CONFIG = """\
[cosmic-ray]
module-path = "{module}"
timeout = 60
excluded-modules = []
test-command = "false"

[cosmic-ray.distributor]
name = "local"
"""


def bin_path(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def dotted(module: str) -> str:
    return "kbapi." + module.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def map_inputs() -> tuple[list[str], list[str], str, dict[str, str]]:
    """The map's test files and targets (every module, whichever are run), the digest of what
    every test depends on (kbapi, tests/support, conftest) and the digest of each test file."""
    tests = sorted({t for files in MUTANT_TESTS.values() for t in files})
    targets = [str(PACKAGE / m) for m in MUTANT_TESTS]
    shared = [*PACKAGE.glob("**/*.py"), *ROOT.glob("tests/support/*.py"), *ROOT.glob("tests/*.py")]
    shared.append(ROOT / "tools" / "mutation_map.py")
    base = _digest([p for p in shared if "_generated" not in p.parts])
    return tests, targets, base, {t: _digest([ROOT / t]) for t in tests}


def build_map() -> dict:
    """Who runs which line (map.json): the test files of every module once under coverage.

    While kbapi and the shared test code are unchanged, only new or changed test files run."""
    OUT.mkdir(parents=True, exist_ok=True)
    tests, targets, base, files = map_inputs()
    known = json.loads(MAP.read_text(encoding="utf-8")) if MAP.exists() else {}
    if known.get("base") != base:
        known = {"durations": {}, "lines": {}, "files": {}, "preload": []}
    stale = [t for t in tests if known["files"].get(t) != files[t]]
    if stale:
        command = [sys.executable, str(ROOT / "tools" / "mutation_map.py"), str(MAP)]
        started = time.monotonic()
        subprocess.run([*command, "--targets", *targets, "--tests", *stale], cwd=ROOT, check=True)
        print(f"coverage map of {len(stale)} test files: {time.monotonic() - started:.0f} s")
        known = _merge(known, json.loads(MAP.read_text(encoding="utf-8")), stale)
    known.update(base=base, files=files)
    MAP.write_text(json.dumps(known), encoding="utf-8")
    return known


def _merge(known: dict, fresh: dict, stale: list[str]) -> dict:
    """`known` with the tests of the `stale` files replaced by those of the `fresh` run."""

    def kept(test: str) -> bool:
        return test.split("::")[0] not in stale

    durations = {t: d for t, d in known["durations"].items() if kept(t)} | fresh["durations"]
    lines: dict[str, dict[str, list[str]]] = {}
    for target in set(known["lines"]) | set(fresh["lines"]):
        old, new = known["lines"].get(target, {}), fresh["lines"].get(target, {})
        lines[target] = {
            n: sorted({t for t in old.get(n, []) if kept(t)} | set(new.get(n, [])))
            for n in set(old) | set(new)
        }
    preload = list(dict.fromkeys([*known["preload"], *fresh["preload"]]))
    return {**known, "durations": durations, "lines": lines, "preload": preload}


def init(module: str) -> Path:
    """A fresh cosmic-ray session of `module`: every mutant as a pending work item."""
    stem = mutation_report.stem(module)
    config, database = OUT / f"{stem}.toml", OUT / f"{stem}.sqlite"
    config.write_text(CONFIG.format(module=f"wrapper/kbapi/{module}"), encoding="utf-8")
    database.unlink(missing_ok=True)
    subprocess.run(
        [bin_path("cosmic-ray"), "init", str(config), str(database)], cwd=ROOT, check=True
    )
    return database


def jobs(
    module: str, database: Path, coverage: dict, timeout: float
) -> Iterator[mutation_fork.Job]:
    """Record the equivalent mutants; yield a job for every other one."""
    from cosmic_ray.mutating import mutate_code
    from cosmic_ray.plugins import get_operator
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkResult

    path = PACKAGE / module
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    lines, pool = candidates(module, coverage)
    durations = coverage["durations"]
    with use_db(str(database), WorkDB.Mode.open) as db:
        items = list(db.pending_work_items)
    for item in items:
        spec = item.mutations[0]
        try:
            mutant = mutate_code(source, get_operator(spec.operator_name)(), spec.occurrence)
        except AttributeError:
            # cosmic-ray's exception replacer offers, then cannot rename, a dotted name in an
            # except tuple (`except (httpx.HTTPError, ...)`): a mutant it cannot make.
            mutant = None
        rule = None if mutant is None else equivalence(source, mutant)
        if mutant is None or rule is not None:
            outcome = WorkerOutcome.NO_TEST if mutant is None else WorkerOutcome.SKIPPED
            result = WorkResult(worker_outcome=outcome, output=f"equivalent: {rule}")
            with use_db(str(database), WorkDB.Mode.open) as db:
                db.set_result(item.job_id, result)
            continue
        statement = statement_at(source, tree, *spec.start_pos)
        wanted = choose_tests(statement, lines, pool, durations)
        if not wanted:
            result = WorkResult(
                worker_outcome=WorkerOutcome.NORMAL,
                test_outcome=TestOutcome.SURVIVED,
                output=f"no test runs line {statement.first}",
                diff=mutation_report.diff(source, mutant, module),
            )
            with use_db(str(database), WorkDB.Mode.open) as db:
                db.set_result(item.job_id, result)
            continue
        files = tuple(dict.fromkeys(t.split("::")[0] for t in wanted))
        budget = timeout + 5 * sum(durations.get(t, 1.0) for t in wanted)
        yield mutation_fork.Job(
            item.job_id, dotted(module), path, mutant, files, tuple(wanted), budget
        )


PASSED_POOLS: set[tuple[str, ...]] = set()


def candidates(module: str, coverage: dict) -> tuple[dict[int, list[str]], list[str]]:
    """The tests of `module`'s files: by line they executed, and those of its unit files."""
    allowed = set(MUTANT_TESTS[module])
    by_line = coverage["lines"].get(str(PACKAGE / module), {})
    lines = {
        int(n): [t for t in ts if not t or t.split("::")[0] in allowed] for n, ts in by_line.items()
    }
    unit = [t for t in coverage["durations"] if t.split("::")[0] in allowed]
    return lines, [t for t in unit if t.startswith("tests/unit/")]


def baseline(module: str, coverage: dict) -> None:
    """The unmutated module must pass every test its mutants may get, or no kill means anything.

    Checked once per set of tests in a run: the unmutated code is the same for every module."""
    path = PACKAGE / module
    lines, pool = candidates(module, coverage)
    every = tuple(sorted(set(pool).union(*lines.values()) - {""}))
    if every in PASSED_POOLS:
        return
    files = tuple(dict.fromkeys(t.split("::")[0] for t in every))
    job = mutation_fork.Job("baseline", dotted(module), path, path.read_text(), files, every, 900)
    for _, outcome in mutation_fork.run([job], PYTEST_ARGS, 1):
        if outcome.code != 0:
            raise SystemExit(f"{module}: the unmutated tests fail ({outcome.failed})")
    PASSED_POOLS.add(every)


def run(
    module: str, coverage: dict, workers: int, timeout: float, again: bool, recheck: bool = True
) -> None:
    """Run every mutant of `module`; with `again`, only the last session's survivors, if the
    module's source is the one that session mutated (else every mutant)."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkResult

    started, cpu = time.monotonic(), mutation_report.children_cpu()
    source = (PACKAGE / module).read_text(encoding="utf-8")
    again = again and mutation_report.same_source(module, source)
    database = mutation_report.forget_survivors(module) if again else init(module)
    baseline(module, coverage)
    todo = list(jobs(module, database, coverage, timeout))
    fast_outcomes = fast(module, source, todo, workers)
    killed_fast = {k: o for k, o in fast_outcomes.items() if o.code not in (0, 5, 99)}
    done = killed_fast if recheck else {k: o for k, o in fast_outcomes.items() if o.code != 99}
    slow = [job for job in todo if job.key not in done]
    outcomes = mutation_fork.run(slow, (*PYTEST_ARGS, "-x"), workers)
    results = [*((j, done[j.key]) for j in todo if j.key in done), *outcomes]
    for job, outcome in results:
        killed = outcome.code not in (0, 5)  # 5: none of the chosen tests was collected
        where = "" if job.key not in done else " (fast path)"
        output = f"killed by {outcome.failed or f'exit {outcome.code}'}{where}"
        result = WorkResult(
            worker_outcome=WorkerOutcome.NORMAL,
            test_outcome=TestOutcome.KILLED if killed else TestOutcome.SURVIVED,
            output=(output if killed else f"{outcome.ran} tests passed{where}")
            + f" in {outcome.seconds:.1f} s",
            diff=mutation_report.diff(source, job.source, module),
        )
        with use_db(str(database), WorkDB.Mode.open) as db:
            db.set_result(job.key, result)
    spent = (time.monotonic() - started, mutation_report.children_cpu() - cpu)
    mutation_report.save_time(module, source, spent, again)


def fast(
    module: str, source: str, todo: list[mutation_fork.Job], workers: int
) -> dict[str, mutation_fork.Outcome]:
    """Run the mutants that change only function bodies in one collected pytest session
    (tools/mutation_fast.py); return their outcomes (code 99: it could not apply the mutant)."""
    from mutation_fast import changed_functions

    path = str(PACKAGE / module)
    batch = []
    for job in todo:
        changed = changed_functions(path, source, job.source)
        if changed:
            batch.append({**job_dict(job), "changed": changed})
    if not batch:
        return {}
    stem = mutation_report.stem(module)
    jobs_file, out = OUT / f"{stem}.fast-jobs.json", OUT / f"{stem}.fast-results.jsonl"
    jobs_file.write_text(json.dumps(batch), encoding="utf-8")
    out.unlink(missing_ok=True)
    files = sorted({t.split("::")[0] for job in batch for t in job["wanted"]})
    command = [sys.executable, str(ROOT / "tools" / "mutation_fast.py"), str(jobs_file), str(out)]
    subprocess.run([*command, str(workers), "--", *PYTEST_ARGS, *files], cwd=ROOT, check=False)
    outcomes = {}
    for line in out.read_text(encoding="utf-8").splitlines() if out.exists() else []:
        key, code, failed, ran = json.loads(line)
        outcomes[key] = mutation_fork.Outcome(code, failed, ran, 0.0)
    killed = sum(o.code not in (0, 5, 99) for o in outcomes.values())
    print(f"{module}: {killed} of {len(batch)} mutants killed on the fast path")
    return outcomes


def job_dict(job: mutation_fork.Job) -> dict:
    return {
        "key": job.key,
        "module": job.module,
        "path": str(job.path),
        "source": job.source,
        "wanted": list(job.wanted or ()),
        "timeout": job.timeout,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", default=list(MUTANT_TESTS))
    parser.add_argument(
        "--timeout", type=float, default=20.0, help="seconds per run beyond 5x its tests' time"
    )
    parser.add_argument("--workers", type=int, default=2, help="mutants run at once")
    parser.add_argument("--report-only", action="store_true", help="print the last sessions")
    parser.add_argument(
        "--survivors", action="store_true", help="run only the last survivors of unchanged modules"
    )
    parser.add_argument(
        "--no-recheck",
        action="store_true",
        help="count the fast path's survivors without running them again the slow way",
    )
    parser.add_argument("--quiet", action="store_true", help="no survivor diffs")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args()
    unknown = sorted(set(args.modules) - set(MUTANT_TESTS))
    if unknown:
        parser.error(f"no tests known for {unknown}; choose from {sorted(MUTANT_TESTS)}")
    if not args.report_only:
        coverage = build_map()
        sys.dont_write_bytecode = False  # children import kbapi from cached bytecode
        mutation_fork.preload(coverage["preload"])
        gc.freeze()  # the preloaded objects stay out of every child's garbage collections
        for module in args.modules:
            run(module, coverage, args.workers, args.timeout, args.survivors, not args.no_recheck)
    if args.markdown:
        print(mutation_report.markdown(args.modules))
        return 0
    mutation_report.print_report(args.modules, diffs=not args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
