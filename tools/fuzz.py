"""`make fuzz`: the schemathesis CLI against the mock servers, one run per spec and deployment.

Starts the three mocks on free loopback ports (short compile jobs, the local Q quota off), then
runs `schemathesis run` for spec/qmk.yaml (`/v1`), spec/qmk-keyboards.yaml (the `/metadata`
mirror) and the Q spec as the local server serves it (no credentials) and as the cloud serves it
(demo `X-API-KEY`): phases examples, coverage, fuzzing and stateful, schemathesis' default
checks (all on; tests/contract/schemathesis.toml only tunes which statuses some of them expect
where the spec documents them), one worker (two crash the coverage phase), JUnit reports in
build/fuzz/<run>/.

Each `make fuzz` draws a fresh seed and prints it; `SEED=<n> make fuzz` replays a run, and
`RUNS=qmk,q-local` picks runs by name. Prints
one summary line per run; exits 1 if a run failed, timed out or generated too few cases.
"""

from __future__ import annotations

import logging
import os
import random
import re
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kbapi.mock.daskeyboard import DEMO_API_KEY, QMockConfig  # noqa: E402
from kbapi.mock.qmk import QMKMockConfig  # noqa: E402
from kbapi.mock.runner import MockSettings, RunningMocks, running_mocks  # noqa: E402

from tests.support.contract import CONFIG_FILE, SPEC_DIR, q_target_spec  # noqa: E402

OUT_DIR = ROOT / "build" / "fuzz"
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
PHASES = "examples,coverage,fuzzing,stateful"
MIN_CASES = 1000
RUN_TIMEOUT = 900.0
COUNTS = re.compile(r"^\s*(\d+) generated, (.*)$", re.MULTILINE)


@dataclass(frozen=True)
class Run:
    """One schemathesis run: a spec file, the mock it targets and the examples per operation."""

    name: str
    spec: Path
    server: str
    path: str = ""
    max_examples: int = 40
    headers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """What one run reported."""

    run: Run
    returncode: int
    generated: int
    passed: int
    seconds: float

    @property
    def ok(self) -> bool:
        """Exit 0 and enough cases."""
        return self.returncode == 0 and self.generated >= MIN_CASES

    def line(self) -> str:
        """The summary line printed for this run."""
        failed = self.generated - self.passed
        verdict = "ok" if self.ok else f"FAILED (exit {self.returncode})"
        if self.returncode == 0 and self.generated < MIN_CASES:
            verdict = f"FAILED (fewer than {MIN_CASES} cases)"
        return (
            f"{self.run.name:14} {self.generated:6} cases generated, {self.passed:6} passed, "
            f"{failed:4} failed, {self.seconds:6.1f} s  {verdict}"
        )


def write_q_spec(target: str) -> Path:
    """The Q spec as one deployment serves it (see tests/support/contract.py), as a file."""
    path = OUT_DIR / f"q-{target}" / f"daskeyboard-q.{target}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(q_target_spec(target), sort_keys=False), encoding="utf-8")
    return path


def runs(environ: Mapping[str, str] = os.environ) -> list[Run]:
    """The runs of `make fuzz`: every one, or those named in `RUNS`."""
    chosen = {name.strip() for name in environ.get("RUNS", "").split(",") if name.strip()}
    return [run for run in _all_runs() if not chosen or run.name in chosen]


def _all_runs() -> list[Run]:
    return [
        Run("qmk", SPEC_DIR / "qmk.yaml", "qmk", max_examples=30),
        Run("qmk-keyboards", SPEC_DIR / "qmk-keyboards.yaml", "qmk", "/metadata", 150),
        Run("q-local", write_q_spec("local"), "q_local", max_examples=40),
        Run(
            "q-cloud",
            write_q_spec("cloud"),
            "q_cloud",
            max_examples=40,
            headers=(f"X-API-KEY: {DEMO_API_KEY}",),
        ),
    ]


def pick_seed(environ: Mapping[str, str] = os.environ) -> int:
    """`SEED` from the environment (a replay), else a fresh random seed."""
    given = environ.get("SEED", "").strip()
    if given:
        return int(given)
    return random.SystemRandom().randrange(1, 2**31)


def command(run: Run, url: str, seed: int) -> list[str]:
    """The `schemathesis run` command line of one run."""
    args = [str(SCHEMATHESIS), "--config-file", str(CONFIG_FILE), "--no-color", "run"]
    args += [str(run.spec), "--url", url + run.path, "--phases", PHASES, "--workers", "1"]
    args += ["--max-examples", str(run.max_examples), "--seed", str(seed)]
    args += ["--report", "junit", "--report-dir", str(OUT_DIR / run.name)]
    for header in run.headers:
        args += ["--header", header]
    return args


def execute(run: Run, mocks: RunningMocks, seed: int) -> Outcome:
    """Run schemathesis for one spec; its output goes to build/fuzz/<run>/output.txt."""
    url = getattr(mocks, run.server)
    log = OUT_DIR / run.name / "output.txt"
    log.parent.mkdir(parents=True, exist_ok=True)
    for old in log.parent.glob("junit-*.xml"):
        old.unlink()  # one report per run, not one per `make fuzz`
    started = time.monotonic()
    try:
        done = subprocess.run(
            command(run, url, seed),
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT,
            check=False,
        )
        output, returncode = done.stdout + done.stderr, done.returncode
    except subprocess.TimeoutExpired as exc:
        output, returncode = f"timed out after {RUN_TIMEOUT:g} s\n{exc.stdout or ''}", -1
    seconds = time.monotonic() - started
    log.write_text(output, encoding="utf-8")
    generated, passed = parse_counts(output)
    return Outcome(run, returncode, generated, passed, seconds)


def parse_counts(output: str) -> tuple[int, int]:
    """Generated and passed cases from the `Test cases:` summary (`12 generated, 11 passed...`)."""
    found = COUNTS.findall(output)
    if not found:
        return 0, 0
    generated, rest = found[-1]
    passed = re.search(r"(\d+) passed", rest)
    if passed:
        return int(generated), int(passed.group(1))
    failed = re.search(r"(\d+) unique failures", rest)
    return int(generated), int(generated) - int(failed.group(1)) if failed else 0


def main() -> int:
    settings = MockSettings(
        qmk_port=0,
        q_local_port=0,
        q_cloud_port=0,
        qmk=QMKMockConfig(queue_seconds=0.1, run_seconds=0.2, workers=4),
        q=QMockConfig(local_quota_per_second=0),
    )
    seed = pick_seed()
    print(f"fuzz seed {seed} (replay: SEED={seed} make fuzz)", flush=True)
    outcomes: list[Outcome] = []
    with running_mocks(settings) as mocks:
        # schemathesis sends malformed HTTP on purpose; uvicorn would log a warning for each one.
        logging.getLogger("uvicorn.error").setLevel(logging.ERROR)
        for run in runs():
            outcome = execute(run, mocks, seed)
            outcomes.append(outcome)
            print(outcome.line(), flush=True)
    total = sum(o.seconds for o in outcomes)
    failed = [o.run.name for o in outcomes if not o.ok]
    print(
        f"fuzz: {len(outcomes) - len(failed)}/{len(outcomes)} runs ok in {total:.1f} s, "
        f"seed {seed}",
        end="",
    )
    print(f"; see {OUT_DIR.relative_to(ROOT)}/<run>/output.txt" if failed else "")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
