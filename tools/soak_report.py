"""The soak's fault mix, its tallies and its table per workload and fault kind (tools/soak.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kbapi._core.errors import APIConnectionError, APIStatusError, APITimeoutError, KbapiError
from kbapi._core.resend import may_have_applied
from kbapi.mock.faults import FaultConfig, FaultStats

FAULT_LATENCY = 1.5  # seconds; longer than the soak clients' timeout
# Share of the fault rate per kind; 45 % of the faults come after the request was applied.
MIX = {
    "error_rate": 0.25,  # 500/503 before the mock handles the request
    "rate_limit_rate": 0.20,  # 429 with Retry-After 1 s
    "latency_rate": 0.10,  # held before the mock reads the request: the client times out
    "late_error_rate": 0.15,  # 500/503 after the mock applied the request
    "drop_rate": 0.20,  # connection dropped after the mock applied the request
    "late_latency_rate": 0.10,  # answer held after the mock applied the request
}
# (label, FaultStats field, after the request was applied)
KINDS = (
    ("5xx before", "errors", False),
    ("429", "rate_limited", False),
    ("latency before", "delayed", False),
    ("5xx after applied", "late_errors", True),
    ("drop after applied", "dropped_after", True),
    ("latency after applied", "late_delayed", True),
)


def faults(rate: float, seed: int) -> FaultConfig:
    """`rate` of requests get a fault, shared between the kinds of `MIX`."""
    return FaultConfig(
        **{name: rate * share for name, share in MIX.items()},
        drop_after_processing=True,
        retry_after=1,
        latency=FAULT_LATENCY,
        late_latency=FAULT_LATENCY,
        seed=seed,
    )


def error_kind(exc: KbapiError) -> str:
    """A short name for what ended an operation."""
    if isinstance(exc, APIStatusError):
        return f"HTTP {exc.status_code}"
    if isinstance(exc, APITimeoutError):
        return "timeout"
    if isinstance(exc, APIConnectionError):
        return "connection dropped"
    return type(exc).__name__


@dataclass
class Tally:
    """What the client saw for one workload."""

    attempted: int = 0
    completed: dict[str, str] = field(default_factory=dict)  # unique name -> server id
    failures: Counter[str] = field(default_factory=Counter)
    failed_names: set[str] = field(default_factory=set)
    ambiguous_failures: int = 0
    unclear: list[str] = field(default_factory=list)
    examples: dict[str, str] = field(default_factory=dict)

    def run(self, name: str, operation: Callable[[], str]) -> None:
        """Run one operation and file its outcome."""
        self.attempted += 1
        try:
            self.completed[name] = operation()
        except KbapiError as exc:
            kind = error_kind(exc)
            self.failures[kind] += 1
            self.examples.setdefault(kind, " | ".join([str(exc), *getattr(exc, "__notes__", [])]))
            self.ambiguous_failures += may_have_applied(exc)
            self.failed_names.add(name)
        except Exception as exc:  # a bug: report it, keep soaking
            self.unclear.append(f"{name}: {type(exc).__name__}: {exc}")


def verdict(
    tally: Tally,
    stored: Counter[str],
    stored_ids: set[str],
    stats: FaultStats,
    *,
    jobs: bool = False,
    extra: int = 0,
) -> dict[str, Any]:
    """Compare what the client saw with what the server stored, and judge the goals."""
    names = set(tally.completed) | tally.failed_names
    lost = [n for n, server_id in tally.completed.items() if server_id not in stored_ids]
    copies = sum(stored[n] - 1 for n in names if stored[n] > 1)
    applied_failed = sum(1 for n in tally.failed_names if stored[n])
    row: dict[str, Any] = {
        "attempted": tally.attempted,
        "completed": len(tally.completed),
        "completed_share": len(tally.completed) / tally.attempted if tally.attempted else 0.0,
        "failed_clear_error": sum(tally.failures.values()),
        "failures_by_kind": dict(tally.failures),
        "failure_examples": tally.examples,
        "failed_but_applied": applied_failed,
        "lost": len(lost),
        "unclear": tally.unclear[:5],
        "injected": {label: getattr(stats, name) for label, name, _ in KINDS},
        "requests": stats.matched,
    }
    goals = row["completed_share"] >= 0.99 and not lost and not tally.unclear
    if jobs:
        # Jobs on the server beyond one per completed compile; failed compiles' jobs count too.
        server_extra = copies + applied_failed
        ambiguous = extra + tally.ambiguous_failures
        row |= {"extra_jobs": server_extra, "extra_counted": extra, "ambiguous": ambiguous}
        goals = goals and server_extra <= extra + applied_failed and server_extra <= ambiguous
    else:
        row["duplicated"] = copies
        goals = goals and copies == 0
    row["goals_met"] = goals
    return row


WORKLOADS = ("compile jobs", "signals (local)", "signals (cloud)")


def print_rate(report: dict[str, Any]) -> bool:
    """Print the tables of one soak; True if every workload met the goals."""
    print(f"\n== {report['rate']:.0%} faults ({report['seconds']} s): {report['faults']}")
    print(f"{'fault kind':24}" + "".join(f"{w:>18}" for w in WORKLOADS))
    rows = [report[w] for w in WORKLOADS]
    for label, _, after in KINDS:
        cells = "".join(f"{row['injected'][label]:>18}" for row in rows)
        print(f"{label + (' *' if after else ''):24}{cells}")
    print(f"{'requests':24}" + "".join(f"{row['requests']:>18}" for row in rows))
    print("(* after the request was applied)")
    for name, row in zip(WORKLOADS, rows, strict=True):
        _print_row(name, row)
    return all(row["goals_met"] for row in rows)


def _print_row(name: str, row: dict[str, Any]) -> None:
    if "extra_jobs" in row:
        dup = (
            f"extra jobs {row['extra_jobs']} (kbapi counted {row['extra_counted']}, "
            f"ambiguous failures {row['ambiguous']})"
        )
    else:
        dup = f"duplicated {row['duplicated']}"
    print(
        f"{name:16} {row['completed']}/{row['attempted']} completed "
        f"({row['completed_share']:.2%}), lost {row['lost']}, {dup}, "
        f"unclear {len(row['unclear'])}: goals {'met' if row['goals_met'] else 'NOT met'}"
    )
    for kind, count in sorted(row["failures_by_kind"].items()):
        print(f"    failed {count} x {kind}: {row['failure_examples'][kind][:150]}")
    if row["failed_but_applied"]:
        print(f"    {row['failed_but_applied']} of the failed were applied on the server")
    for line in row["unclear"]:
        print(f"    unclear: {line}")
