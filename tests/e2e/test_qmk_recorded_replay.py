"""kbapi's QMK clients (both faces) and CLI pointed at what the real qmk_api answered (replayed
recordings)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from kbapi.cli import app
from kbapi.qmk import CorruptFirmwareError, PollPolicy
from kbapi.qmk.errors import (
    CompileFailed,
    CompileInfrastructureError,
    JobNotFoundError,
    UnknownKeyboardError,
)
from kbapi.testing import serve
from typer.testing import CliRunner

from tests.support.faces import Face
from tests.support.recorded import ReplayServer, fixture, fixtures, job_id

FAST = PollPolicy(initial=0.01, max_interval=0.02, queue_interval=None)
UNKNOWN = job_id(fixture("unknown_id_status"))


@pytest.fixture
def replay() -> Iterator[tuple[str, ReplayServer]]:
    server = ReplayServer(fixtures())
    with serve(server) as url:
        yield url, server


def test_unknown_id_raises_job_not_found_within_two_requests(
    face: Face, replay: tuple[str, ReplayServer]
) -> None:
    url, server = replay
    with face.qmk(url, poll=FAST) as qmk, pytest.raises(JobNotFoundError) as caught:
        qmk.job(UNKNOWN).wait()
    assert "no such job (or it expired)" in str(caught.value)
    assert "live service answers 500" in str(caught.value)
    assert server.count(f"/v1/compile/{UNKNOWN}") <= 2


def test_one_status_of_the_unknown_id_is_job_not_found(
    face: Face, replay: tuple[str, ReplayServer]
) -> None:
    url, server = replay
    with face.qmk(url, poll=FAST) as qmk, pytest.raises(JobNotFoundError, match="answers 500"):
        qmk.status(UNKNOWN)
    assert server.count(f"/v1/compile/{UNKNOWN}") <= 2


def test_keymap_and_source_download_after_a_failed_build(
    face: Face, replay: tuple[str, ReplayServer], tmp_path: Path
) -> None:
    url, _ = replay
    failed = job_id(fixture("fail_status_finished"))
    with face.qmk(url, poll=FAST) as qmk:
        job = qmk.job(failed)
        keymap = job.download_keymap(tmp_path)
        source = job.download_source(tmp_path)
        with pytest.raises(CompileFailed, match="build failed \\(returncode 2\\)"):
            job.download_firmware(tmp_path)
    assert (
        keymap.name
        == fixture("fail_status_finished")["response"]["json"]["result"]["keymap_archive"]
    )
    assert keymap.stat().st_size == fixture("fail_after_keymap")["storage"]["bytes"]
    assert source.stat().st_size == fixture("fail_after_source")["storage"]["bytes"]


def test_a_build_without_firmware_file_still_offers_its_keymap(
    face: Face, replay: tuple[str, ReplayServer], tmp_path: Path
) -> None:
    url, _ = replay
    nofw = job_id(fixture("nofw_status_finished"))
    with face.qmk(url, poll=FAST) as qmk:
        job = qmk.job(nofw)
        with pytest.raises(CompileInfrastructureError, match="no firmware file"):
            job.wait()
        assert job.download_keymap(tmp_path).exists()


def test_a_successful_recorded_job_downloads_its_firmware(
    face: Face, replay: tuple[str, ReplayServer], tmp_path: Path
) -> None:
    # The recording's firmware comes from the stand-in build of tools/real-qmk-api (STUB_QMK=1),
    # which is not Intel HEX: the whole real download path runs, and the integrity check then
    # refuses the file and leaves nothing behind.
    url, _ = replay
    with face.qmk(url, poll=FAST) as qmk:
        job = qmk.job(job_id(fixture("ok_status_finished")))
        with pytest.raises(CorruptFirmwareError, match=r"clueboard_66_rev3_default\.hex: line 1"):
            job.download_firmware(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_moment_of_unknown_between_running_and_finished_is_waited_out(
    face: Face, replay: tuple[str, ReplayServer]
) -> None:
    # Recorded: running, then `unknown` with the result already there, then finished.
    url, _ = replay
    with (
        face.qmk(url, poll=FAST) as qmk,
        pytest.raises(UnknownKeyboardError, match="unknown keyboard"),
    ):
        qmk.job(job_id(fixture("unknown_kb_status_unknown"))).wait()


def test_cli_status_says_no_such_job(replay: tuple[str, ReplayServer]) -> None:
    url, _ = replay
    result = CliRunner().invoke(app, ["qmk", "status", UNKNOWN, "--base-url", url])
    assert result.exit_code == 2  # the CLI's exit status for a job id it cannot find
    assert "no such job (or it expired)" in result.output
