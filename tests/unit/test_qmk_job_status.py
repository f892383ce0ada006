"""What a compile job's status and result are as values: shapes read, fields kept, immutability."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from kbapi._core.conform import ShapeError
from kbapi._generated.qmk_api.models import CompileJob
from kbapi.qmk import CompileInfrastructureError
from kbapi.qmk.jobs import JobStatus, WorkerResult, outcome

JOB_ID = "0b1d8e5c-5a4c-4c25-9a43-0d0c1f1e2a3b"
URL = f"https://api.qmk.fm/v1/compile/{JOB_ID}/download"
RESULT = {
    "keyboard": "planck/rev6",
    "keymap": "default",
    "layout": "LAYOUT_ortho_4x12",
    "returncode": 0,
    "output": "ok",
    "firmware_filename": "planck_rev6_default.bin",
    "firmware_binary_url": [URL],
}


def status(body: dict[str, Any]) -> JobStatus:
    base = {"id": JOB_ID, "created_at": "Sun, 03 Apr 2022 18:04:13 GMT", "enqueued_at": None}
    return JobStatus.from_model(CompileJob.from_dict({**base, **body}))


def finished(result: dict[str, Any]) -> JobStatus:
    return status({"status": "finished", "is_failed": False, "result": result})


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ({"is_finished": True, "is_started": True, "is_queued": False}, "finished"),
        ({"is_finished": False, "is_started": True, "is_queued": False}, "running"),
        ({"is_finished": False, "is_started": False, "is_queued": True}, "queued"),
        ({"is_finished": False, "is_started": False, "is_queued": False}, "unknown"),
    ],
)
def test_the_stored_metadata_shape_reads_its_booleans(
    flags: dict[str, bool], expected: str
) -> None:
    job = status({"is_failed": False, "result": None, **flags})
    assert job.status == expected
    assert job.done is (expected not in {"queued", "running"})


def test_the_whole_body_is_readable_as_a_mapping() -> None:
    job = finished(RESULT)
    assert job.raw["id"] == JOB_ID
    assert job.raw["result"]["firmware_filename"] == "planck_rev6_default.bin"
    assert set(job.raw) >= {"id", "status", "result"} and len(job.raw) == len(set(job.raw))
    assert repr(job.raw).startswith("{") and JOB_ID in repr(job.raw)


@pytest.mark.parametrize("code", ["0", True, 0.5, None, [0]])
def test_a_returncode_that_is_not_an_integer_is_refused_or_no_returncode(code: Any) -> None:
    # A poll's body is held to the spec's types; a result read directly is read leniently.
    with pytest.raises(ShapeError, match=r"^result\.returncode: expected int"):
        finished({**RESULT, "returncode": code})
    result = WorkerResult.from_mapping({**RESULT, "returncode": code})
    assert result.returncode is None
    job = dataclasses.replace(finished(RESULT), result=result)
    with pytest.raises(CompileInfrastructureError, match="no integer returncode"):
        outcome(job)


def test_an_integral_float_returncode_is_an_integer() -> None:
    job = finished({**RESULT, "returncode": 0.0})  # 0.0 is an integer to JSON Schema
    assert job.result is not None and type(job.result.returncode) is int
    assert outcome(job).firmware_filename == "planck_rev6_default.bin"


@pytest.mark.parametrize(
    ("urls", "expected"),
    [([URL, None], URL), ([URL, URL + "2"], URL), (URL, None), ([], None), ([None, URL], None)],
)
def test_an_artifact_url_is_the_first_entry_when_it_is_a_string(urls: Any, expected: Any) -> None:
    result = WorkerResult.from_mapping({**RESULT, "firmware_binary_url": urls})
    assert result.firmware_url == expected


def test_statuses_and_results_are_immutable_values_compared_without_their_raw_body() -> None:
    first, second = finished(RESULT), finished({**RESULT, "extra": 1})
    assert first.result is not None and second.result is not None
    assert first.result == second.result and hash(first.result) == hash(second.result)
    assert outcome(first) == outcome(second)
    assert first.result.raw != second.result.raw
    for value in (first, first.result, outcome(first)):
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign"):
            value.job_id = "other"  # type: ignore[misc,union-attr]


def test_reprs_leave_out_the_raw_bodies() -> None:
    job = finished({**RESULT, "secret_looking": "RAW-ONLY"})
    assert job.result is not None
    for value in (job, job.result, outcome(job)):
        assert "RAW-ONLY" not in repr(value) and "raw=" not in repr(value)
    assert "worker=" not in repr(outcome(job))


def test_a_status_that_is_not_finished_is_reported_as_such() -> None:
    for state in ("failed", "unknown"):
        with pytest.raises(CompileInfrastructureError, match=f"reports status '{state}'"):
            outcome(status({"status": state, "is_failed": True, "result": None}))
