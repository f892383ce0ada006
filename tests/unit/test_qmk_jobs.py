"""Pure parts of the QMK wrapper: job shapes and outcomes, the poll schedule, file names."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from kbapi._core.errors import APIConnectionError, InputError
from kbapi._generated.qmk_api.models import CompileJob
from kbapi.qmk import (
    CompileFailed,
    CompileInfrastructureError,
    CompileTimeout,
    EmptyDownloadError,
    PollPolicy,
    Progress,
    UnknownKeyboardError,
    UnsafeFileNameError,
)
from kbapi.qmk.downloads import AtomicFile, choose_name, redirect_target, safe_file_name
from kbapi.qmk.history import KEEP, MAX_ENTRIES, BuildHistory, default_path
from kbapi.qmk.jobs import JobStatus, outcome, strip_ansi
from kbapi.qmk.polling import POLL, QUEUE, Forecast, Measured, Poller, watch_steps

JOB_ID = "ea1514b3-bdfc-4a7b-9b5c-08752684f7f6"
SUCCESS = {
    "keyboard": "newgame40",
    "returncode": 0,
    "output": "Linking: .build/newgame40.elf \x1b[32;01m[OK]\x1b[0m\n",
    "firmware": None,
    "firmware_filename": "newgame40_default.hex",
    "layout": "LAYOUT_ortho_4x10",
    "keymap": "default",
    "keymap_archive": "newgame40-default.json",
    "source_archive": "qmk_firmware-newgame40-default.zip",
    "firmware_binary_url": [f"https://api.qmk.fm/v1/compile/{JOB_ID}/download"],
    "firmware_keymap_url": [f"https://api.qmk.fm/v1/compile/{JOB_ID}/keymap"],
    "firmware_source_url": [f"https://api.qmk.fm/v1/compile/{JOB_ID}/source"],
}


def status(body: dict[str, Any]) -> JobStatus:
    base = {"id": JOB_ID, "created_at": "Sun, 03 Apr 2022 18:04:13 GMT", "enqueued_at": None}
    return JobStatus.from_model(CompileJob.from_dict({**base, **body}))


def finished(result: dict[str, Any] | None, is_failed: bool | None = False) -> JobStatus:
    return status({"status": "finished", "is_failed": is_failed, "result": result})


# -- status shapes -------------------------------------------------------------------------------


def test_queued_shape_has_null_is_failed_and_is_pending() -> None:
    job = status({"status": "queued", "is_failed": None, "result": None})
    assert (job.status, job.is_failed, job.done) == ("queued", None, False)


def test_stored_metadata_shape_without_status_reads_as_finished() -> None:
    job = status(
        {"is_failed": False, "is_finished": True, "is_queued": False, "is_started": False}
        | {"result": SUCCESS, "created_at": "2022-04-03 18:04:13 UTC"}
    )
    assert job.status == "finished" and job.done
    assert outcome(job).firmware_filename == "newgame40_default.hex"


def test_unknown_status_values_are_reported_as_unknown() -> None:
    job = status({"status": "deferred", "is_failed": None, "result": None})
    assert job.status == "unknown" and job.done


# -- outcomes ------------------------------------------------------------------------------------


def test_success_strips_ansi_and_keeps_urls() -> None:
    result = outcome(finished(SUCCESS))
    assert result.output == "Linking: .build/newgame40.elf [OK]\n"
    assert result.firmware_url == SUCCESS["firmware_binary_url"][0]  # type: ignore[index]
    assert (result.keyboard, result.keymap, result.job_id) == ("newgame40", "default", JOB_ID)


def test_build_failure_raises_compile_failed_with_returncode_and_clean_output() -> None:
    body = {**SUCCESS, "returncode": 2, "firmware_filename": "", "cmd": ["make"]}
    body["output"] = "\x1b[31merror\x1b[0m: 'KC_FOO' undeclared\n"
    del body["firmware_binary_url"]
    with pytest.raises(CompileFailed) as caught:
        outcome(finished(body, is_failed=True))
    assert caught.value.returncode == 2 and caught.value.job_id == JOB_ID
    assert caught.value.output == "error: 'KC_FOO' undeclared\n"
    assert "KC_FOO" in str(caught.value)


def test_unknown_keyboard_result_names_the_submitted_keyboard() -> None:
    body = {"returncode": -1, "command": "", "output": "Unknown keyboard!", "firmware": None}
    with pytest.raises(UnknownKeyboardError) as caught:
        outcome(finished(body, is_failed=True), keyboard="nope/rev1")
    assert caught.value.keyboard == "nope/rev1" and caught.value.job_id == JOB_ID


def test_worker_exception_is_an_infrastructure_error() -> None:
    body = {"returncode": -3, "output": "Unknown error", "exception": "CalledProcessError"}
    with pytest.raises(CompileInfrastructureError) as caught:
        outcome(finished(body | {"stacktrace": "Traceback"}, is_failed=True))
    assert caught.value.exception == "CalledProcessError"


def test_returncode_minus_3_alone_is_a_worker_crash() -> None:
    # Reference §returncode: -3 is the worker exception, even without the `exception` key.
    with pytest.raises(CompileInfrastructureError, match="compile worker crashed"):
        outcome(finished({"returncode": -3, "output": "Unknown error"}, is_failed=True))


def test_a_negative_returncode_is_never_success() -> None:
    # -2: the worker never set it (reference); the build did not report success.
    with pytest.raises(CompileFailed) as caught:
        outcome(finished({**SUCCESS, "returncode": -2}, is_failed=False))
    assert caught.value.returncode == -2


def test_the_first_of_several_urls_is_used() -> None:
    first, second = (f"https://api.qmk.fm/v1/compile/{JOB_ID}/{n}" for n in ("a", "b"))
    result = outcome(finished({**SUCCESS, "firmware_binary_url": [first, second]}))
    assert result.firmware_url == first


@pytest.mark.parametrize("state", ["failed", "unknown"])
def test_failed_and_unknown_are_infrastructure_errors(state: str) -> None:
    with pytest.raises(CompileInfrastructureError) as caught:
        outcome(status({"status": state, "is_failed": True, "result": None}))
    assert caught.value.status == state


def test_success_without_firmware_file_is_not_reported_as_success() -> None:
    body = {**SUCCESS, "firmware_filename": "", "return_code": -4}
    with pytest.raises(CompileInfrastructureError, match="no firmware file"):
        outcome(finished(body))


def test_strip_ansi_handles_cursor_and_colour_sequences() -> None:
    assert strip_ansi("\x1b[2K\x1b[1;32mok\x1b[0m done\x1b[?25h") == "ok done"


# -- poll schedule -------------------------------------------------------------------------------


def test_poll_intervals_grow_to_the_cap_within_the_jitter() -> None:
    policy = PollPolicy(initial=0.5, factor=2, max_interval=4, jitter=0.25)
    assert [policy.interval(n, 0.5) for n in range(6)] == [0.5, 1, 2, 4, 4, 4]
    assert policy.interval(0, 0.0) == pytest.approx(0.375)
    assert policy.interval(9, 0.999999) == pytest.approx(5.0, rel=1e-5)


@pytest.mark.parametrize(
    "bad",
    [{"initial": 0}, {"initial": 2, "max_interval": 1}, {"factor": 0.5}, {"jitter": 1.0}],
)
def test_poll_policy_rejects_nonsense(bad: dict[str, float]) -> None:
    with pytest.raises(InputError, match=r"poll (policy needs|jitter must be)"):
        PollPolicy(**bad)


def test_poller_reports_changes_and_queue_lengths_once() -> None:
    poller = Poller(JOB_ID, PollPolicy(queue_interval=10), started=100.0, timeout=None)
    queued = status({"status": "queued", "is_failed": None, "result": None})
    assert not poller.wants_queue_length(queued, 100.0)  # a short queue is not worth asking
    assert poller.observe(queued, 100.0) is not None
    assert poller.wants_queue_length(queued, 110.0)
    first = poller.observe(queued, 110.5, queue_length=3)
    assert first is not None and (first.status, first.queue_length, first.polls) == ("queued", 3, 2)
    assert not poller.wants_queue_length(queued, 115.0)
    assert poller.observe(queued, 115.0) is None
    assert poller.observe(queued, 121.0, queue_length=2) is not None
    running = poller.observe(status({"status": "running", "is_failed": None, "result": None}), 122)
    assert running is not None and running.queue_length is None and running.elapsed == 22


def test_poller_clips_the_last_sleep_to_the_deadline_then_times_out() -> None:
    poller = Poller(JOB_ID, PollPolicy(initial=5, max_interval=5), 0.0, timeout=7, rand=lambda: 0.5)
    running = status({"status": "running", "is_failed": None, "result": None})
    poller.observe(running, 0.0)
    assert poller.next_delay(0.0) == 5
    poller.observe(running, 5.0)
    assert poller.next_delay(5.0) == 2
    poller.observe(running, 7.0)
    with pytest.raises(CompileTimeout) as caught:
        poller.next_delay(7.0)
    assert caught.value.job_id == JOB_ID and caught.value.last_status == "running"
    assert f"client.job('{JOB_ID}')" in str(caught.value)


# -- file names and atomic writes ----------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["../evil.hex", "..", ".", "", "a/b.bin", "a\\b.bin", "C:evil", ".hidden", " x.bin", "x\n"],
)
def test_unsafe_server_file_names_are_refused(name: str) -> None:
    with pytest.raises(
        UnsafeFileNameError, match=f"refusing file name {re.escape(repr(name))} from the server"
    ):
        safe_file_name(name)


def test_plain_names_pass_and_caller_names_raise_input_errors() -> None:
    assert safe_file_name("planck_rev6_default.bin") == "planck_rev6_default.bin"
    with pytest.raises(InputError, match=r"'\.\./x' from the caller"):
        safe_file_name("../x", origin="the caller")


def test_name_comes_from_the_result_then_disposition_then_url() -> None:
    url = httpx.URL("https://s3.example/bucket/id/from_url.hex?X-Amz-Signature=abc")
    headers = httpx.Headers({"content-disposition": 'attachment; filename="from_header.hex"'})
    assert choose_name("from_result.hex", headers, url) == "from_result.hex"
    assert choose_name(None, headers, url) == "from_header.hex"
    assert choose_name(None, httpx.Headers(), url) == "from_url.hex"
    hostile = httpx.Headers({"content-disposition": "attachment; filename=../../etc/passwd"})
    with pytest.raises(UnsafeFileNameError, match="etc/passwd"):
        choose_name(None, hostile, url)


def test_redirect_target_resolves_relative_locations() -> None:
    base = httpx.URL("http://127.0.0.1:5001")
    target = redirect_target(httpx.Headers({"location": "/files/a/b.bin?x=1"}), base)
    assert str(target) == "http://127.0.0.1:5001/files/a/b.bin?x=1"


def test_atomic_file_leaves_nothing_on_failure_or_when_empty(tmp_path: Path) -> None:
    target = tmp_path / "fw.bin"
    with pytest.raises(RuntimeError, match="connection dropped"), AtomicFile(target) as out:
        out.write(b"partial")
        raise RuntimeError("connection dropped")
    with pytest.raises(EmptyDownloadError, match=r"empty file for fw\.bin"), AtomicFile(target):
        pass
    assert list(tmp_path.iterdir()) == []
    with AtomicFile(target) as out:
        out.write(b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01" and list(tmp_path.iterdir()) == [target]


def test_poller_tolerates_a_few_transient_poll_failures_in_a_row() -> None:
    from kbapi._core.errors import APIConnectionError, BadRequestError, InternalServerError

    poller = Poller(JOB_ID, PollPolicy(max_poll_failures=2), 0.0, timeout=None)
    assert poller.tolerate(APIConnectionError("reset"))
    assert poller.tolerate(InternalServerError(503))
    assert not poller.tolerate(InternalServerError(503))
    poller.observe(status({"status": "running", "is_failed": None, "result": None}), 1.0)
    assert poller.tolerate(APIConnectionError("reset"))  # a good poll resets the count
    assert not poller.tolerate(BadRequestError(400))  # not transient: never tolerated


# -- polling with remembered builds ----------------------------------------------------------

RUNNING = {"status": "running", "is_failed": None, "result": None}
QUEUED = {"status": "queued", "is_failed": None, "result": None}


def test_remembered_builds_skip_the_polls_before_the_earliest_end() -> None:
    policy = PollPolicy(margin=0.1, window_interval=1.0, jitter=0)
    forecast = Forecast(totals=(40.0, 50.0))
    poller = Poller(JOB_ID, policy, 0.0, timeout=None, rand=lambda: 0.5, forecast=forecast)
    assert poller.first_delay(0.0) == pytest.approx(36.0)
    poller.observe(status(RUNNING), 36.0)
    assert poller.next_delay(36.0) == 1.0  # inside the window 36..55: every window_interval
    poller.observe(status(RUNNING), 56.0)
    assert poller.next_delay(56.0) == policy.initial  # overran every build seen: plain schedule


def test_a_job_still_queued_cannot_end_before_the_shortest_run() -> None:
    forecast = Forecast(totals=(12.0,), runs=(10.0,))
    policy = PollPolicy(margin=0, jitter=0)
    poller = Poller(JOB_ID, policy, 0.0, timeout=None, rand=lambda: 0.5, forecast=forecast)
    poller.observe(status(QUEUED), 12.0)
    assert poller.next_delay(12.0) == policy.initial  # min(shortest run, plain schedule)
    poller.observe(status(RUNNING), 15.0)
    assert poller.next_delay(15.0) == pytest.approx(7.0)  # queued at 12 + a 10 s run


def test_measured_durations_come_from_the_bracketing_polls() -> None:
    poller = Poller(JOB_ID, PollPolicy(), 0.0, timeout=None)
    for at, state in ((0.0, QUEUED), (3.0, RUNNING), (60.0, RUNNING)):
        poller.observe(status(state), at)
    assert poller.measured() is None
    poller.observe(status({"status": "finished", "is_failed": False, "result": SUCCESS}), 62.0)
    assert poller.measured() == Measured(total=61.0, run=59.5)
    late = Poller(JOB_ID, PollPolicy(), 0.0, timeout=None)
    late.observe(status({"status": "finished", "is_failed": False, "result": SUCCESS}), 30.0)
    assert late.measured() == Measured(total=30.0, run=None)  # only an upper bound


def test_build_history_round_trips_through_its_file(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "builds.json"
    history = BuildHistory(path)
    assert history.forecast("http://qmk", "planck/rev6") is None
    history.record("http://qmk/", "planck/rev6", Measured(total=61.0, run=59.5))
    history.record("http://qmk", "planck/rev6", Measured(total=30.0, run=None))
    again = BuildHistory(path).forecast("http://qmk", "planck/rev6")
    assert again == Forecast(totals=(61.0, 30.0), runs=(59.5,))
    assert BuildHistory(path).forecast("http://other", "planck/rev6") is None


def test_build_history_is_bounded_and_ignores_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "builds.json"
    path.write_text("{not json", encoding="utf-8")
    history = BuildHistory(path)
    assert history.forecast("s", "kb") is None
    for n in range(MAX_ENTRIES + 5):
        history.record("s", f"kb{n}", Measured(total=float(n + 1), run=None))
    for _ in range(KEEP + 3):
        history.record("s", "kb0", Measured(total=5.0, run=None))
    document = json.loads(path.read_text(encoding="utf-8"))
    assert len(document["builds"]) == MAX_ENTRIES
    assert len(document["builds"]["s kb0"]["totals"]) == KEEP
    assert "s kb1" not in document["builds"]  # the oldest keyboards go first


def test_build_history_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KBAPI_BUILD_HISTORY", "off")
    assert default_path() is None and BuildHistory.default() is None
    monkeypatch.setenv("KBAPI_BUILD_HISTORY", str(tmp_path / "h.json"))
    assert default_path() == tmp_path / "h.json"
    monkeypatch.delenv("KBAPI_BUILD_HISTORY")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_path() == tmp_path / "kbapi" / "qmk-build-times.json"


def test_watch_steps_poll_fetch_the_queue_report_sleep_and_return_the_last_status() -> None:
    now = [0.0]
    policy = PollPolicy(initial=1, max_interval=1, jitter=0, queue_interval=0)
    steps = watch_steps(Poller(JOB_ID, policy, 0.0, timeout=None), lambda: now[0])
    queued = status({"status": "queued", "is_failed": None, "result": None})
    done = finished(SUCCESS)
    assert next(steps) == 0  # first_delay: nothing remembered, poll at once
    assert steps.send(None) == POLL
    assert steps.send(queued) == QUEUE
    report = steps.send(4)
    assert isinstance(report, Progress) and (report.status, report.queue_length) == ("queued", 4)
    assert steps.send(None) == 1.0  # sleep one second
    now[0] = 1.0
    assert steps.send(None) == POLL
    report = steps.send(done)
    assert isinstance(report, Progress) and report.status == "finished"
    with pytest.raises(StopIteration) as stop:
        steps.send(None)
    assert stop.value.value is done


def test_watch_steps_raise_an_intolerable_poll_error_with_the_resume_hint() -> None:
    policy = PollPolicy(max_poll_failures=1)
    steps = watch_steps(Poller(JOB_ID, policy, 0.0, timeout=None), lambda: 0.0)
    assert next(steps) == 0  # first_delay: nothing remembered, poll at once
    assert steps.send(None) == POLL
    first = APIConnectionError("connection failed")
    assert isinstance(steps.send(first), float)  # tolerated: sleep, then poll again
    assert steps.send(None) == POLL
    second = APIConnectionError("connection failed again")
    with pytest.raises(APIConnectionError, match="again") as caught:
        steps.send(second)
    assert any(f"client.job('{JOB_ID}')" in note for note in caught.value.__notes__)


def test_watch_steps_look_again_after_one_unknown_status() -> None:
    # The real service answers `unknown` for a moment between `running` and `finished`.
    policy = PollPolicy(initial=1, max_interval=1, jitter=0, queue_interval=None)
    steps = watch_steps(Poller(JOB_ID, policy, 0.0, timeout=None), lambda: 0.0)
    unknown = status({"status": "unknown", "is_failed": None, "result": None})
    done = finished(SUCCESS)
    assert next(steps) == 0
    assert steps.send(None) == POLL
    assert isinstance(steps.send(unknown), Progress)
    assert steps.send(None) == 1.0  # not the end: sleep and poll once more
    assert steps.send(None) == POLL
    assert isinstance(steps.send(done), Progress)
    with pytest.raises(StopIteration) as stop:
        steps.send(None)
    assert stop.value.value is done


def test_watch_steps_end_on_a_second_unknown_status() -> None:
    policy = PollPolicy(initial=1, max_interval=1, jitter=0, queue_interval=None)
    steps = watch_steps(Poller(JOB_ID, policy, 0.0, timeout=None), lambda: 0.0)
    unknown = status({"status": "unknown", "is_failed": None, "result": None})
    assert next(steps) == 0
    assert steps.send(None) == POLL
    assert isinstance(steps.send(unknown), Progress)
    assert steps.send(None) == 1.0
    assert steps.send(None) == POLL
    with pytest.raises(StopIteration) as stop:
        steps.send(unknown)  # still unknown: the job really is (canceled, say)
    assert stop.value.value is unknown
