"""`make bench`: every figure of the README's Benchmarks section, measured in one run.

Against the mocks on loopback: kbapi's per-call overhead over raw httpx (as ratios measured in
the same run, interleaved), a 104-key paint against the naive loop, compile polling against the
QMK Configurator's loop on simulated jobs of 1-90 s, import times, mock throughput and the
contract-suite duration. Prints tables and writes build/bench/results.json. Timings are
reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools"), str(ROOT)]

import bench_misc  # noqa: E402
import bench_q  # noqa: E402
import bench_qmk  # noqa: E402
from bench_util import machine  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

OUT = ROOT / "build" / "bench" / "results.json"


def table(title: str, rows: list[dict[str, Any]]) -> Table:
    """A rich table with one column per key of the rows."""
    grid = Table(title=title, title_justify="left")
    for key in rows[0]:
        grid.add_column(key, justify="left" if key in ("measure", "paint") else "right")
    for row in rows:
        grid.add_row(*(str(value) for value in row.values()))
    return grid


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a smoke run)")
    parser.add_argument("--no-contract", action="store_true", help="skip the contract suite")
    args = parser.parse_args(argv)
    rounds, per_round = (3, 50) if args.quick else (15, 200)
    console = Console()
    started = time.perf_counter()
    results: dict[str, Any] = {"machine": machine()}
    sections = [
        ("overhead", "Per-call overhead over raw httpx (median of interleaved blocks)",
         lambda: bench_qmk.status_overhead(rounds, per_round)
         + bench_q.create_overhead(rounds, per_round)),
        ("paint", "Full-keyboard paint, 104 keys, local mock with its 50 req/s quota",
         bench_q.paint),
        ("polling", "Compile polling on simulated jobs (means over 5 seeds)",
         lambda: bench_qmk.polling(2 if args.quick else bench_qmk.SEEDS)),
        ("imports", "Import time in fresh processes (net of interpreter start)",
         lambda: bench_misc.import_times(5 if args.quick else 15)),
        ("mock_throughput", "Mock throughput (16 concurrent clients, loopback)",
         lambda: bench_misc.mock_throughput(1.0 if args.quick else 3.0)),
    ]  # fmt: skip
    for key, title, measure in sections:
        results[key] = measure()
        console.print(table(title, results[key]))
    if not args.no_contract:
        results["contract_suite_s"] = round(bench_misc.contract_suite_seconds(), 1)
        seconds = results["contract_suite_s"]
        console.print(f"contract-test suite (tests/contract, -n 2): {seconds} s")
    results["bench_s"] = round(time.perf_counter() - started, 1)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    console.print(f"machine: {results['machine']}")
    console.print(f"{results['bench_s']} s in all; figures in {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
