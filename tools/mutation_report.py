"""Kill rates of the `make mutation` sessions (build/mutation/*.sqlite), per module and in total.

The kill rate is killed / (mutants - excluded): a mutant excluded as equivalent by rule
(tools/mutation_equivalent.py) is counted apart, never as killed.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import resource
import sqlite3
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "build" / "mutation"
TIMES = OUT / "times.json"


@dataclass
class Tally:
    """One module's session: how its mutants ended."""

    module: str
    mutants: int = 0
    killed: int = 0
    excluded: Counter[str] = field(default_factory=Counter)
    survivors: list[tuple[int, str, str, str]] = field(default_factory=list)
    pending: int = 0

    @property
    def survived(self) -> int:
        return len(self.survivors)

    @property
    def judged(self) -> int:
        return self.killed + self.survived

    @property
    def rate(self) -> float:
        return 100 * self.killed / self.judged if self.judged else 0.0


def stem(module: str) -> str:
    return module.replace("/", "_").removesuffix(".py")


def diff(original: str, mutant: str, module: str) -> str:
    lines = difflib.unified_diff(
        original.splitlines(keepends=True), mutant.splitlines(keepends=True), module, module, n=0
    )
    return "".join(list(lines)[2:])


def children_cpu() -> float:
    """CPU seconds (user and system) of every child process that has ended so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _digest(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()


def _times() -> dict[str, dict[str, Any]]:
    known = json.loads(TIMES.read_text()) if TIMES.exists() else {}
    return {m: t if isinstance(t, dict) else {"wall": t} for m, t in known.items()}


def same_source(module: str, source: str) -> bool:
    """Whether the last session of `module` mutated this very source."""
    return _times().get(module, {}).get("source") == _digest(source)


def save_time(module: str, source: str, spent: tuple[float, float], again: bool) -> None:
    """Remember what a session cost (wall and CPU seconds) and which source it mutated."""
    times = _times()
    entry = times.get(module, {}) if again else {}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    wall, cpu = round(spent[0], 1), round(spent[1], 1)
    entry.update({"source": _digest(source), "commit": commit.stdout.strip()})
    if again:
        entry["again_wall"] = round(entry.get("again_wall", 0) + wall, 1)
        entry["again_cpu"] = round(entry.get("again_cpu", 0) + cpu, 1)
    else:
        entry.update(wall=wall, cpu=cpu)
    times[module] = entry
    TIMES.write_text(json.dumps(times, indent=1, sort_keys=True))


def forget_survivors(module: str) -> Path:
    """Make the survivors of the last session of `module` pending again; return its database."""
    database = OUT / f"{stem(module)}.sqlite"
    with sqlite3.connect(database) as connection:
        connection.execute("DELETE FROM work_results WHERE test_outcome = 'SURVIVED'")
    return database


def tally(module: str) -> Tally:
    """Read one module's session."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome

    found = Tally(module)
    database = OUT / f"{stem(module)}.sqlite"
    if not database.exists():
        return found
    with use_db(str(database), WorkDB.Mode.open) as db:
        found.mutants = db.num_work_items
        done = list(db.completed_work_items)
    found.pending = found.mutants - len(done)
    for item, result in done:
        spec = item.mutations[0]
        if result.worker_outcome == WorkerOutcome.NO_TEST:  # cosmic-ray could not make it
            found.mutants -= 1
        elif result.worker_outcome == WorkerOutcome.SKIPPED:
            found.excluded[(result.output or "").removeprefix("equivalent: ")] += 1
        elif result.test_outcome == TestOutcome.SURVIVED:
            name = spec.operator_name.removeprefix("core/")
            found.survivors.append(
                (spec.start_pos[0], name, result.output or "", result.diff or "")
            )
        else:
            found.killed += 1
    found.survivors.sort()
    return found


def print_report(modules: list[str], diffs: bool = True) -> None:
    """The table of kill rates, then (with `diffs`) every survivor."""
    tallies = [tally(m) for m in modules]
    # A module's cost: its last full session plus the survivor runs since (--survivors).
    wall = {m: t.get("wall", 0) + t.get("again_wall", 0) for m, t in _times().items()}
    cpu = {m: t.get("cpu", 0) + t.get("again_cpu", 0) for m, t in _times().items()}
    if diffs:
        for t in tallies:
            for line, name, output, change in t.survivors:
                print(f"-- {t.module}:{line} survived {name} ({output})")
                print(change.rstrip())
    header = f"{'module':28} {'mutants':>7} {'excl.':>5} {'killed':>6} {'surv.':>5} {'rate':>6}"
    print("\n" + header + f" {'wall s':>7} {'CPU s':>6}")
    for t in tallies:
        note = f"  ({t.pending} not run)" if t.pending else ""
        print(
            f"{t.module:28} {t.mutants:7} {sum(t.excluded.values()):5} {t.killed:6} "
            f"{t.survived:5} {t.rate:5.1f}% {wall.get(t.module, 0):7.0f} "
            f"{cpu.get(t.module, 0):6.0f}{note}"
        )
    killed = sum(t.killed for t in tallies)
    judged = sum(t.judged for t in tallies)
    excluded = sum((t.excluded for t in tallies), Counter())
    rate = 100 * killed / judged if judged else 0.0
    spent = [sum(d.get(t.module, 0) for t in tallies) for d in (wall, cpu)]
    print(
        f"{'total':28} {sum(t.mutants for t in tallies):7} {sum(excluded.values()):5} {killed:6} "
        f"{judged - killed:5} {rate:5.1f}% {spent[0]:7.0f} {spent[1]:6.0f}"
    )
    rules = ", ".join(f"{rule} {count}" for rule, count in sorted(excluded.items()))
    print(f"excluded as equivalent by rule: {rules or 'none'}")
    modules_run = f"{len(tallies)} module(s)"
    print(f"mutation: {killed} of {judged} mutants killed ({rate:.1f} %) over {modules_run}")


def markdown(modules: list[str]) -> str:
    """The kill-rate table as Markdown, for docs/contributing.md."""
    tallies = [tally(m) for m in modules]
    times = _times()
    rows = [
        "| module | mutants | excluded (rule) | killed | survived | kill rate | wall s | CPU s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for t in tallies:
        spent = times.get(t.module, {})
        wall = spent.get("wall", 0) + spent.get("again_wall", 0)
        cpu = spent.get("cpu", 0) + spent.get("again_cpu", 0)
        rules = ", ".join(f"{n} {r}" for r, n in sorted(t.excluded.items())) or "0"
        note = f" ({t.pending} not run)" if t.pending else ""
        rows.append(
            f"| `{t.module}` | {t.mutants} | {rules} | {t.killed} | {t.survived}{note} "
            f"| {t.rate:.1f} % | {wall:.0f} | {cpu:.0f} |"
        )
    killed, judged = sum(t.killed for t in tallies), sum(t.judged for t in tallies)
    excluded = sum(sum(t.excluded.values()) for t in tallies)
    wall = sum(v.get("wall", 0) + v.get("again_wall", 0) for m, v in times.items() if m in modules)
    cpu = sum(v.get("cpu", 0) + v.get("again_cpu", 0) for m, v in times.items() if m in modules)
    rate = 100 * killed / judged if judged else 0.0
    rows.append(
        f"| **total** | {sum(t.mutants for t in tallies)} | {excluded} | {killed} "
        f"| {judged - killed} | **{rate:.1f} %** | {wall:.0f} | {cpu:.0f} |"
    )
    return "\n".join(rows)
