"""`JobStatus.from_body` reads a job poll without the generated model: it must accept and refuse
exactly the bodies kbapi's checked parse does (an object, the generated `CompileJob.from_dict`,
its values held to their annotated types by `kbapi._core.conform`), and read what a reader of
that model reads. The oracle here reads the generated model the way kbapi did before the lean
path.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from kbapi._core.conform import ShapeError, conform
from kbapi._generated.qmk_api.models import CompileJob, CompileResult
from kbapi._generated.qmk_api.types import Unset
from kbapi.qmk.common import job_path
from kbapi.qmk.jobs import STATUSES, JobStatus, WorkerResult

from tests.support.depth import examples

FUZZ = settings(
    max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
REQUIRED = ("id", "created_at", "enqueued_at", "is_failed", "result")

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-4, 4), st.floats(allow_nan=False), st.text(max_size=8)
)
values = st.recursive(
    st.one_of(scalars, st.sampled_from(sorted(STATUSES))),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=6,
)
result_keys = [
    "returncode", "output", "keyboard", "keymap", "layout", "firmware", "firmware_filename",
    "keymap_archive", "source_archive", "firmware_binary_url", "firmware_keymap_url",
    "firmware_source_url", "exception", "command",
]  # fmt: skip
results = st.one_of(
    st.none(),
    values,
    st.dictionaries(st.sampled_from(result_keys), values, max_size=8),
    st.fixed_dictionaries(
        {"returncode": st.one_of(st.integers(-3, 2), st.booleans(), st.text(max_size=2)),
         "output": st.one_of(st.text(max_size=5), st.none())},
        optional={key: values for key in result_keys[2:]},
    ),
)  # fmt: skip
job_keys = (*REQUIRED, "status", "is_finished", "is_queued", "is_started", "extra")
bodies = st.one_of(
    st.dictionaries(st.sampled_from(job_keys), values).flatmap(
        lambda d: results.map(lambda r: d | {"result": r}) if "result" in d else st.just(d)
    ),
    st.fixed_dictionaries(
        {key: values for key in REQUIRED} | {"result": results},
        optional={key: values for key in job_keys[5:]},
    ),
    values,
    st.lists(st.tuples(st.sampled_from(job_keys), values), max_size=7),
)


def checked_model(body: Any) -> CompileJob:
    """What kbapi's checked parse makes of a body: an object, parsed, its types held."""
    if type(body) is not dict:
        raise TypeError("not an object")
    return conform(CompileJob.from_dict(body))


def read_model(job: CompileJob) -> dict[str, Any]:
    """What kbapi read from the generated model before `from_body` (the oracle)."""
    if not isinstance(job.status, Unset):
        status = job.status if isinstance(job.status, str) and job.status in STATUSES else "unknown"
    elif job.is_finished is True:
        status = "finished"
    elif job.is_started is True:
        status = "running"
    elif job.is_queued is True:
        status = "queued"
    else:
        status = "unknown"
    raw = job.result
    result = raw.to_dict() if isinstance(raw, CompileResult) else raw
    worker = WorkerResult.from_mapping(result) if isinstance(result, dict) else None
    return {
        "job_id": job.id,
        "status": status,
        "is_failed": job.is_failed,
        "created_at": job.created_at,
        "result": worker,
        "raw": job.to_dict(),
    }


def read_body(status: JobStatus) -> dict[str, Any]:
    return {
        "job_id": status.job_id,
        "status": status.status,
        "is_failed": status.is_failed,
        "created_at": status.created_at,
        "result": status.result,
        "raw": dict(status.raw),
    }


@given(bodies)
@example({"id": "j", "created_at": "t", "enqueued_at": None, "is_failed": None, "result": None})
@example([("id", 1), ("created_at", 2), ("enqueued_at", 3), ("is_failed", 4), ("result", 5)])
@example({"id": 1, "created_at": 2, "enqueued_at": 3, "is_failed": 4, "result": {"output": 1}})
@example("id")
@FUZZ
@example({"id": "j", "created_at": "t", "enqueued_at": None, "is_failed": 1.0, "result": None})
@example({"id": "j", "created_at": "t", "enqueued_at": None, "is_failed": False, "result": {
    "returncode": 2.0, "output": "x"}})  # fmt: skip
@example({"id": "j", "created_at": "t", "enqueued_at": None, "is_failed": False, "result": {
    "returncode": -3, "output": "", "exception": "", "firmware_binary_url": [],
    "firmware_filename": None}})  # fmt: skip
@example({"id": "j", "created_at": "t", "enqueued_at": None, "is_failed": False})  # no result
@example({"id": "j", "created_at": "t", "enqueued_at": "e", "is_failed": False, "result": {
    "returncode": 0, "output": "o", "keyboard": "kb", "keymap": "km", "layout": "l",
    "firmware_filename": "f", "keymap_archive": "ka", "source_archive": "sa",
    "firmware_binary_url": ["fu"], "firmware_keymap_url": ["ku"], "firmware_source_url": ["su"],
    "exception": "x"}})  # fmt: skip
def test_from_body_accepts_refuses_and_reads_what_the_checked_model_does(body: Any) -> None:
    try:
        model = checked_model(body)
    except (KeyError, TypeError, ValueError) as exc:
        with pytest.raises(type(exc)) as caught:
            JobStatus.from_body(body)
        assert type(caught.value) is type(exc)  # the very class, not a subclass of it
        return
    status = JobStatus.from_body(body)
    assert read_body(status) == read_model(model)
    if status.result is not None:
        # WorkerResult's equality leaves `raw` out: compare it too.
        assert dict(status.result.raw) == dict(read_model(model)["result"].raw)


def test_a_result_that_is_not_the_documented_object_is_refused() -> None:
    body = {"id": "j", "created_at": "t", "enqueued_at": None, "is_failed": False}
    with pytest.raises(ShapeError, match=r"^result: .* got an object without its fields"):
        JobStatus.from_body(body | {"status": "finished", "result": {"returncode": 0}})
    with pytest.raises(ShapeError, match=r"^result: expected CompileResult \| null, got list"):
        JobStatus.from_body(body | {"status": "finished", "result": [1]})
    with pytest.raises(ShapeError, match=r"^result\.output: expected str, got int"):
        JobStatus.from_body(body | {"status": "finished", "result": {"returncode": 0, "output": 1}})


def test_from_model_reads_the_same_as_from_body() -> None:
    body = {"id": "j", "created_at": "t", "enqueued_at": None, "is_failed": None, "result": None}
    for shape in ({"status": "running"}, {"is_queued": True}, {"status": "?"}):
        expected = JobStatus.from_body(body | shape)
        assert JobStatus.from_model(CompileJob.from_dict(body | shape)) == expected


@pytest.mark.parametrize(
    ("job_id", "path"),
    [
        (
            "ea1514b3-bdfc-4a7b-9b5c-08752684f7f6",
            "/v1/compile/ea1514b3-bdfc-4a7b-9b5c-08752684f7f6",
        ),
        ("a/b c?d", "/v1/compile/a%2Fb%20c%3Fd"),
        ("é", "/v1/compile/%C3%A9"),
    ],
)
def test_job_path_quotes_the_id_like_the_generated_operation(job_id: str, path: str) -> None:
    from kbapi._generated.qmk_api.api.compile_ import get_compile_job

    assert job_path(job_id) == path == get_compile_job._get_kwargs(job_id)["url"]


def test_statuses_read_from_a_body_are_whole_frozen_dataclasses() -> None:
    body = {"id": "j", "created_at": "t", "enqueued_at": None, "is_failed": False}
    result = {"returncode": 0, "output": ""}
    done = JobStatus.from_body(body | {"status": "finished", "result": result})
    assert done.result is not None
    for instance in (done, done.result):
        assert set(vars(instance)) == {f.name for f in dataclasses.fields(instance)}
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign"):
            instance.raw = {}  # type: ignore[misc]
    assert dataclasses.replace(done, status="failed").status == "failed"
    assert done == JobStatus(**{f.name: getattr(done, f.name) for f in dataclasses.fields(done)})
    assert hash(done.result) == hash(dataclasses.replace(done.result))
