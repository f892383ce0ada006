"""`kbapi qmk compile` interrupted and resumed, `wait`, `download`, `status` and what they print.

The QMK mock runs on a simulated clock that only the command's injected sleep advances, so a
build "takes" 7 s without anyone waiting, and Ctrl-C is the `KeyboardInterrupt` a sleep
raises, exactly where a real Ctrl-C lands while a job is polled.
"""

from __future__ import annotations

import json
import os
import shlex
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from kbapi._data import data_file
from kbapi.cli import app
from kbapi.cli.options import Runtime
from kbapi.cli.progress import JobProgress
from kbapi.mock.qmk import QMKMockConfig, create_qmk_app
from kbapi.qmk import Progress, QMKClient
from kbapi.testing import serve
from rich.console import Console
from typer.testing import CliRunner, Result

runner = CliRunner()
KEYMAP = Path(str(data_file("qmk_keymaps", "crkbd_rev1_default.json")))


class Clock:
    """Simulated seconds; `sleep` advances them, and raises Ctrl-C after `interrupt_after`."""

    def __init__(self) -> None:
        self.now = 1_000_000.0
        self.sleeps = 0
        self.interrupt_after: int | None = None

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps += 1
        if self.interrupt_after is not None and self.sleeps > self.interrupt_after:
            raise KeyboardInterrupt
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def url(clock: Clock) -> Iterator[str]:
    config = QMKMockConfig(queue_seconds=2, run_seconds=5)
    with serve(create_qmk_app(config, clock=clock)) as base:
        yield base


def qmk(url: str, clock: Clock, *args: str, columns: int = 120) -> Result:
    env = {"KBAPI_QMK_URL": url, "COLUMNS": str(columns)}
    return runner.invoke(app, ["qmk", *args], env=env, obj=Runtime(sleep=clock.sleep, clock=clock))


def test_ctrl_c_prints_the_job_and_the_command_that_resumes_it(
    url: str, clock: Clock, tmp_path: Path
) -> None:
    clock.interrupt_after = 1
    interrupted = qmk(url, clock, "compile", str(KEYMAP), "--out", str(tmp_path))
    assert interrupted.exit_code == 130, interrupted.output
    job_id = interrupted.stderr.split("job ", 1)[1].split()[0]
    assert f"interrupted: job {job_id} goes on on the server." in interrupted.stderr
    resume = interrupted.stderr.split("resume with: ", 1)[1].splitlines()[0]
    assert resume == f"kbapi qmk wait {job_id} --out {tmp_path} --base-url {url}"
    assert list(tmp_path.iterdir()) == []

    clock.interrupt_after = None
    resumed = runner.invoke(app, shlex.split(resume)[1:], obj=Runtime(clock.sleep, clock))
    assert resumed.exit_code == 0, resumed.output
    [firmware] = tmp_path.iterdir()
    assert firmware.name == "crkbd_rev1_default.hex"
    assert resumed.stdout.strip() == str(firmware)


def test_progress_lines_follow_the_job_and_end_on_its_real_status(
    url: str, clock: Clock, tmp_path: Path
) -> None:
    result = qmk(url, clock, "compile", str(KEYMAP), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    lines = [line.split() for line in result.stderr.splitlines() if line.strip().endswith(
        ("queued", "running", "finished"))]  # fmt: skip
    assert [words[-1] for words in lines] == ["queued", "running", "finished"]
    seconds = [float(words[0].rstrip("s")) for words in lines]
    assert seconds == sorted(seconds) and seconds[-1] >= 7.0  # 2 s queued + 5 s running
    assert f"built crkbd_rev1_default.hex in {clock.now - 1_000_000.0:.1f}s" in result.stderr
    assert result.stdout.strip() == str(tmp_path / "crkbd_rev1_default.hex")


def test_nothing_is_wrapped_inside_a_word_at_80_columns(
    url: str, clock: Clock, tmp_path: Path
) -> None:
    deep = tmp_path / ("a-rather-long-folder-name-" * 3) / "firmware"
    result = qmk(url, clock, "compile", str(KEYMAP), "--out", str(deep), columns=80)
    assert result.exit_code == 0, result.output
    words = " ".join(result.stderr.split())
    job_id = words.split("job ", 1)[1].split()[0]
    assert f"job {job_id} submitted for crkbd/rev1:default" in words
    assert all(len(line) <= 80 for line in result.stderr.splitlines())
    assert result.stdout.strip() == str(deep / "crkbd_rev1_default.hex")  # one line, unbroken


@pytest.mark.parametrize(
    ("what", "name"),
    [("firmware", "crkbd_rev1_default.hex"), ("keymap", None), ("source", None)],
)
def test_download_waits_then_saves_the_chosen_file(
    url: str, clock: Clock, tmp_path: Path, what: str, name: str | None
) -> None:
    with QMKClient(url) as client:
        job = client.compile(KEYMAP)
    result = qmk(url, clock, "download", job.id, "--out", str(tmp_path), "--what", what)
    assert result.exit_code == 0, result.output
    [saved] = tmp_path.iterdir()
    assert result.stdout.strip() == str(saved)
    if name is not None:
        assert saved.name == name
    else:
        assert saved.suffix in (".json", ".zip") and saved.stat().st_size > 0
    if what == "keymap":
        assert json.loads(saved.read_text())["keyboard"] == "crkbd/rev1"


def test_wait_without_out_only_waits(url: str, clock: Clock, tmp_path: Path) -> None:
    with QMKClient(url) as client:
        job = client.compile(KEYMAP)
    result = qmk(url, clock, "wait", job.id)
    assert result.exit_code == 0, result.output
    assert "built crkbd_rev1_default.hex" in result.stderr and result.stdout == ""


def test_status_exits_1_for_a_failed_build(url: str, clock: Clock, tmp_path: Path) -> None:
    body = json.loads(KEYMAP.read_text())
    body["layers"][0][0] = "KC-NOPE"
    with QMKClient(url) as client:
        failed = client.compile(body, check=False)
        good = client.compile(KEYMAP)
    clock.now += 60
    bad = qmk(url, clock, "status", failed.id)
    assert bad.exit_code == 1, bad.output
    assert "finished" in bad.stdout and "build failed (returncode" in bad.stderr
    ok = qmk(url, clock, "status", good.id)
    assert ok.exit_code == 0, ok.output
    assert "returncode 0, crkbd_rev1_default.hex" in ok.stdout


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_downloaded_files_get_the_process_umask(
    url: str, clock: Clock, tmp_path: Path, mask: int, mode: int
) -> None:
    old = os.umask(mask)
    try:
        result = qmk(url, clock, "compile", str(KEYMAP), "--out", str(tmp_path))
        source = qmk(url, clock, "download", result.stderr.split("job ")[1].split()[0],
                     "--out", str(tmp_path), "--what", "source")  # fmt: skip
    finally:
        os.umask(old)
    assert result.exit_code == 0 and source.exit_code == 0, result.output + source.output
    modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in tmp_path.iterdir()}
    assert len(modes) == 2 and set(modes.values()) == {mode}, modes


def test_the_live_line_shows_status_elapsed_and_how_old_it_is(clock: Clock) -> None:
    progress = JobProgress(Console(force_terminal=True, width=80), clock)
    assert progress.line().plain == "submitting  0.0s"
    clock.now += 2.5
    progress.update(Progress("job", "running", elapsed=2.5, polls=2))
    clock.now += 0.4
    assert progress.line().plain == "running  2.9s  (checked 0.4s ago)"
