"""What the real qmk_api answered (tests/fixtures/recorded/qmk/) against spec/qmk.yaml and kbapi.

Every recorded response must be documented (status and media type) and valid against its
schema, parse through the generated client, and read into the job state and outcome kbapi
reports for it.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from kbapi._core.calls import PARSE_ERRORS
from kbapi._generated.qmk_api import Client
from kbapi._generated.qmk_api.models import CompileJob
from kbapi.qmk.errors import (
    CompileFailed,
    CompileInfrastructureError,
    UnknownKeyboardError,
)
from kbapi.qmk.jobs import JobStatus, outcome

from tests.support.recorded import body_bytes, fixture, fixtures
from tests.unit.spec_checks import (
    Operation,
    load_spec,
    operation_module,
    operations,
    resolve,
    schema_errors,
    to_plain,
)

SPEC = load_spec("qmk.yaml")
PACKAGE = "kbapi._generated.qmk_api"
RECORDED = [f for f in fixtures() if f["operation"]]
COMMIT = re.compile(r"^[0-9a-f]{40}$")


def _operation(operation_id: str) -> Operation:
    return next(op for op in operations(SPEC) if op.operation_id == operation_id)


def _media(recorded: dict[str, Any]) -> str:
    return str(recorded["headers"].get("content-type", "")).split(";")[0].strip()


def _parse(op: Operation, recorded: dict[str, Any]) -> Any:
    module = operation_module(PACKAGE, op)
    client = Client(base_url="http://127.0.0.1")
    response = httpx.Response(
        recorded["status"], content=body_bytes(recorded), headers=recorded["headers"]
    )
    return module._parse_response(client=client, response=response)


def test_every_fixture_names_the_upstream_commits_it_came_from() -> None:
    assert len(fixtures()) >= 100
    for item in fixtures():
        upstream = item["upstream"]
        assert COMMIT.match(upstream["qmk/qmk_api"]), item["name"]
        assert COMMIT.match(upstream["qmk/qmk_compiler"]), item["name"]
        assert item["how"] and item["base_url"].startswith("http://127.0.0.1"), item["name"]


def test_every_operation_of_the_spec_was_recorded() -> None:
    recorded = {f["operation"] for f in RECORDED}
    assert {op.operation_id for op in operations(SPEC)} <= recorded


@pytest.mark.parametrize("item", RECORDED, ids=[f["name"] for f in RECORDED])
def test_recorded_response_is_documented_and_valid(item: dict[str, Any]) -> None:
    op = _operation(item["operation"])
    recorded = item["response"]
    status = str(recorded["status"])
    assert status in op.node["responses"], f"{op.label} does not document {status}"
    content = resolve(SPEC, op.node["responses"][status]).get("content")
    if content is None:  # redirects: only the Location header is documented
        assert recorded["headers"]["location"]
        return
    media = _media(recorded)
    assert media in content, f"{op.label} {status} does not document {media}"
    if "json" in recorded:
        errors = schema_errors(SPEC, content[media]["schema"], recorded["json"])
        assert errors == [], errors


@pytest.mark.parametrize("item", RECORDED, ids=[f["name"] for f in RECORDED])
def test_recorded_response_parses_through_the_generated_client(item: dict[str, Any]) -> None:
    op = _operation(item["operation"])
    recorded = item["response"]
    try:
        parsed = _parse(op, recorded)
    except PARSE_ERRORS:
        # The generated client reads only the first documented media type (JSON); kbapi's
        # translate_errors() turns such an error page into the status's APIStatusError.
        assert recorded["status"] >= 400 and "json" not in recorded, item["name"]
        return
    if recorded["status"] == 200 and "json" in recorded:
        assert to_plain(parsed) == recorded["json"]


# Recorded job status -> what kbapi makes of it: the state, and the outcome's error (None: ok).
JOB_READINGS: dict[str, tuple[str, type[Exception] | None]] = {
    "ok_status_finished": ("finished", None),
    "expired_ok_status": ("finished", None),
    "fail_status_finished": ("finished", CompileFailed),
    "nofw_status_finished": ("finished", CompileInfrastructureError),
    "unknown_kb_status_finished": ("finished", UnknownKeyboardError),
    "exception_status_finished": ("finished", CompileInfrastructureError),
    "rq_failed_status_failed": ("failed", CompileInfrastructureError),
    "canceled_status": ("unknown", CompileInfrastructureError),
    "unknown_kb_status_unknown": ("unknown", CompileInfrastructureError),
}


@pytest.mark.parametrize(("name", "reading"), JOB_READINGS.items(), ids=list(JOB_READINGS))
def test_kbapi_reads_each_recorded_job_state(
    name: str, reading: tuple[str, type[Exception] | None]
) -> None:
    state, error = reading
    item = fixture(name)
    parsed = _parse(_operation("getCompileJob"), item["response"])
    assert isinstance(parsed, CompileJob)
    status = JobStatus.from_model(parsed)
    assert status.status == state and status.done
    if error is None:
        result = outcome(status)
        assert result.firmware_filename == item["response"]["json"]["result"]["firmware_filename"]
        assert result.firmware_url is not None
    else:
        with pytest.raises(error) as caught:
            outcome(status)
        assert caught.value.job_id == status.job_id


@pytest.mark.parametrize("name", ["late_status_queued", "ok_status_running"])
def test_kbapi_reads_pending_recorded_states(name: str) -> None:
    parsed = _parse(_operation("getCompileJob"), fixture(name)["response"])
    status = JobStatus.from_model(parsed)
    assert status.status == fixture(name)["state"] and not status.done
    assert status.is_failed is None and status.result is None
