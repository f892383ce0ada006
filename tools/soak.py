"""`make soak`: compile jobs and signals through kbapi while the mocks inject 20 % faults.

Every operation carries a unique name, so afterwards the mocks' own state says what happened:

- completed: kbapi returned success (firmware on disk, signal id);
- failed (clear error): kbapi raised one of its documented errors; counted by type;
- lost: kbapi reported success but the server has no such job or signal;
- duplicated: the server holds one operation twice (a POST resent blindly after the server
  may have processed it);
- unclear: anything else escaped (a bug).

Requests that a dropped connection interrupted after the server processed them show up as a
failure on the client and one stored copy on the server ("maybe processed"): reported, never
resent. Exits 1 if anything was lost, duplicated or unclear. Bounded by counts and --seconds.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kbapi._core.errors import KbapiError
from kbapi._data import data_file
from kbapi.daskeyboard import QClient
from kbapi.mock.daskeyboard import DEMO_API_KEY, QMockConfig
from kbapi.mock.faults import FaultConfig
from kbapi.mock.qmk import QMKMockConfig
from kbapi.mock.runner import MockSettings, RunningMocks, running_mocks
from kbapi.qmk import Keymap, PollPolicy, QMKClient

ROOT = Path(__file__).resolve().parent.parent
KEYMAP = Keymap.load(str(data_file("qmk_keymaps", "1upkeyboards_super16_default.json")))
ZONES = ("2,2", "3,2", "4,2", "5,2", "6,2", "7,2", "8,2", "9,2")


def faults(seed: int) -> FaultConfig:
    """20 % of requests fail: 10 % 500/503, 5 % 429 (Retry-After 1 s), 5 % dropped after the
    server processed them; 5 % get 50 ms of extra latency."""
    return FaultConfig(
        error_rate=0.10,
        rate_limit_rate=0.05,
        drop_rate=0.05,
        drop_after_processing=True,
        retry_after=1,
        latency=0.05,
        latency_rate=0.05,
        seed=seed,
    )


@dataclass
class Tally:
    """What the client saw for one workload."""

    attempted: int = 0
    completed: dict[str, str] = field(default_factory=dict)  # unique name -> server id
    failures: Counter[str] = field(default_factory=Counter)
    failed_names: set[str] = field(default_factory=set)
    unclear: list[str] = field(default_factory=list)

    def run(self, name: str, operation: Callable[[], str]) -> None:
        """Run one operation and file its outcome."""
        self.attempted += 1
        try:
            self.completed[name] = operation()
        except KbapiError as exc:
            self.failures[type(exc).__name__] += 1
            self.failed_names.add(name)
        except Exception as exc:  # a bug: report it, keep soaking
            self.unclear.append(f"{name}: {type(exc).__name__}: {exc}")


class RetryCounter(logging.Handler):
    """Counts the retries the kbapi transport logs (logger ``kbapi.http``, DEBUG)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.retries = 0

    def emit(self, record: logging.LogRecord) -> None:
        if "retrying in" in record.getMessage():
            self.retries += 1


def run_all(items: Iterable[str], work: Callable[[str], None], deadline: float) -> None:
    """Run `work` for each item on 8 threads; items not started by `deadline` are skipped."""

    def guarded(item: str) -> None:
        if time.monotonic() < deadline:
            work(item)

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(guarded, items))


def soak_compiles(mocks: RunningMocks, count: int, deadline: float) -> Tally:
    """`count` compile jobs, each waited for and its firmware downloaded."""
    tally = Tally()
    poll = PollPolicy(initial=0.05, max_interval=0.2, timeout=60)
    with QMKClient(mocks.qmk, poll=poll) as qmk, tempfile.TemporaryDirectory() as tmp:

        def compile_one(name: str) -> str:
            keymap = Keymap.from_dict(KEYMAP.to_dict() | {"keymap": name})
            job = qmk.compile(keymap, check=False)
            job.wait()
            path = job.download_firmware(Path(tmp) / name)
            assert path.stat().st_size > 0
            return job.id

        run_all(
            (f"soak_{n}" for n in range(count)),
            lambda name: tally.run(name, lambda: compile_one(name)),
            deadline,
        )
    return tally


def soak_signals(client: QClient, prefix: str, count: int, deadline: float) -> Tally:
    """`count` signals, each with a unique name."""
    tally = Tally()

    def send_one(name: str) -> str:
        zone = ZONES[hash(name) % len(ZONES)]
        return str(client.send(zone, "#00FF00", name=name, message="soak").id)

    run_all(
        (f"{prefix}-{n}" for n in range(count)),
        lambda name: tally.run(name, lambda: send_one(name)),
        deadline,
    )
    return tally


def verdict(tally: Tally, stored: Counter[str], stored_ids: set[str]) -> dict[str, Any]:
    """Compare what the client saw with what the server stored."""
    ours = [name for name in stored if name in tally.completed or name in tally.failed_names]
    lost = [n for n, server_id in tally.completed.items() if server_id not in stored_ids]
    maybe = [n for n in tally.failed_names if stored[n]]
    return {
        "attempted": tally.attempted,
        "completed": len(tally.completed),
        "failed_clear_error": sum(tally.failures.values()),
        "failures_by_type": dict(tally.failures),
        "failed_but_maybe_processed": len(maybe),
        "lost": len(lost),
        "duplicated": sum(1 for name in ours if stored[name] > 1),
        "unclear": tally.unclear[:5],
    }


def stored_jobs(mocks: RunningMocks) -> tuple[Counter[str], set[str]]:
    jobs = mocks.injectors["qmk"].app.state.mock.jobs.all()  # type: ignore[attr-defined]
    return Counter(job.request.payload.get("keymap") for job in jobs), {job.id for job in jobs}


def stored_signals(mocks: RunningMocks, app: str) -> tuple[Counter[str], set[str]]:
    bodies = mocks.injectors[app].app.state.store.snapshot()  # type: ignore[attr-defined]
    return Counter(b.get("name") for b in bodies), {str(b.get("id")) for b in bodies}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=300)
    parser.add_argument("--signals", type=int, default=1500, help="per target (local, cloud)")
    parser.add_argument("--seconds", type=float, default=600, help="stop starting new work")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    counter = RetryCounter()
    http_log = logging.getLogger("kbapi.http")
    http_log.setLevel(logging.DEBUG)
    http_log.addHandler(counter)
    http_log.propagate = False
    settings = MockSettings(
        qmk_port=0,
        q_local_port=0,
        q_cloud_port=0,
        qmk=QMKMockConfig(queue_seconds=0.05, run_seconds=0.1, workers=8, max_jobs=100_000),
        q=QMockConfig(local_quota_per_second=0),
        faults=faults(args.seed),
    )
    started = time.monotonic()
    deadline = started + args.seconds
    report: dict[str, Any] = {"faults": str(settings.faults)}
    with running_mocks(settings) as mocks:
        # Each dropped connection makes uvicorn log an error; they are the point of the exercise.
        logging.getLogger("uvicorn.error").setLevel(logging.CRITICAL)
        tally = soak_compiles(mocks, args.jobs, deadline)
        report["compile jobs"] = verdict(tally, *stored_jobs(mocks))
        assert mocks.q_local and mocks.q_cloud
        with QClient.local(mocks.q_local, rate_limiter=None) as local:
            tally = soak_signals(local, "local", args.signals, deadline)
        report["signals (local)"] = verdict(tally, *stored_signals(mocks, "q_local"))
        with QClient.cloud(DEMO_API_KEY, base_url=mocks.q_cloud) as cloud:
            tally = soak_signals(cloud, "cloud", args.signals, deadline)
        report["signals (cloud)"] = verdict(tally, *stored_signals(mocks, "q_cloud"))
        report["injected"] = {k: v.stats.as_dict() for k, v in mocks.injectors.items()}
    report["retries"] = counter.retries
    report["seconds"] = round(time.monotonic() - started, 1)
    return _print(report)


def _print(report: dict[str, Any]) -> int:
    out = ROOT / "build" / "soak" / "results.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"faults: {report['faults']}")
    bad = False
    for name in ("compile jobs", "signals (local)", "signals (cloud)"):
        row = report[name]
        bad = bad or bool(row["lost"] or row["duplicated"] or row["unclear"])
        print(
            f"{name:16} attempted {row['attempted']:5}  completed {row['completed']:5}  "
            f"failed (clear error) {row['failed_clear_error']:4} "
            f"[{row['failed_but_maybe_processed']} maybe processed]  "
            f"lost {row['lost']}  duplicated {row['duplicated']}  unclear {len(row['unclear'])}"
        )
        for line in row["unclear"]:
            print(f"    unclear: {line}")
    print(f"transport retries: {report['retries']}; {report['seconds']} s; details in {out}")
    print("FAILED: something was lost, duplicated or unclear" if bad else "OK: nothing lost")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
