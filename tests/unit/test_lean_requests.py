"""The two hottest calls skip the generated operation (`kbapi._core.ops.read_json`): a job poll
(`status`) and a signal create (`send`). What they put on the wire must be what the generated
operation, derived from the spec, would send; the answers must read the same.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from kbapi._core.client import TransportOptions, wire
from kbapi._core.errors import APIResponseValidationError, NotFoundError, RateLimitError
from kbapi._generated.q_api.api.signals import create_signal
from kbapi._generated.q_api.client import AuthenticatedClient
from kbapi._generated.q_api.models import Signal
from kbapi._generated.qmk_api.api.compile_ import get_compile_job
from kbapi._generated.qmk_api.client import Client
from kbapi.daskeyboard import QClient
from kbapi.daskeyboard.signals import SIGNALS_PATH
from kbapi.qmk import JobStatus, QMKClient

BASE = "http://127.0.0.1:9"
JOB = "ea1514b3-bdfc-4a7b-9b5c-08752684f7f6"
JOB_BODY = {
    "id": JOB,
    "created_at": "Sun, 03 Apr 2022 18:04:13 GMT",
    "enqueued_at": None,
    "is_failed": None,
    "status": "running",
    "result": None,
}
SIGNAL = {
    "id": 7, "name": "", "pid": "DK5QPID", "zoneId": "2,2", "color": "#FF0000",
    "createdAt": 1, "updatedAt": 1, "effect": "SET_COLOR", "message": "", "clientName": "kbapi",
    "zoneConfiguration": {"passiveEffect": {"name": 0, "color": "#FF0000"}},
}  # fmt: skip


class Capture:
    """A transport that keeps every request and answers each with one canned response."""

    def __init__(self, status: int, body: Any) -> None:
        self.status, self.body = status, body
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(self.status, json=self.body)

    def options(self) -> TransportOptions:
        return TransportOptions(transport=httpx.MockTransport(self), sleep=lambda _: None)


def _wire_form(request: httpx.Request) -> tuple[str, str, str | None, Any]:
    body = json.loads(request.content) if request.content else None
    return request.method, str(request.url), request.headers.get("content-type"), body


def test_send_puts_on_the_wire_what_the_generated_create_signal_sends() -> None:
    lean, generated = Capture(200, SIGNAL), Capture(200, SIGNAL)
    with QClient.local(BASE, rate_limiter=None, http_options=lean.options()) as q:
        signal = q.send("KEY_Q", "red")
        body = q._core.signal_body("KEY_Q", "red", q._core.spec())
    with generated.options().sync_client(BASE) as http:
        api = wire(AuthenticatedClient(base_url=BASE, token=""), http)
        answer = create_signal.sync_detailed(client=api, body=body).parsed
    assert _wire_form(lean.requests[0]) == _wire_form(generated.requests[0])
    assert lean.requests[0].url.path == SIGNALS_PATH
    assert signal == answer == Signal.from_dict(SIGNAL)


def test_status_puts_on_the_wire_what_the_generated_get_compile_job_sends() -> None:
    lean, generated = Capture(200, JOB_BODY), Capture(200, JOB_BODY)
    odd_id = "a/b c?é"
    with QMKClient(BASE, build_history=None, http_options=lean.options()) as qmk:
        status = qmk.status(odd_id)
    with generated.options().sync_client(BASE) as http:
        get_compile_job.sync_detailed(odd_id, client=wire(Client(base_url=BASE), http))
    assert _wire_form(lean.requests[0]) == _wire_form(generated.requests[0])
    assert status == JobStatus.from_body(JOB_BODY)


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (404, {"message": "no such signal"}, NotFoundError),
        (429, "Too Many Requests", RateLimitError),
        (200, {"id": 7}, APIResponseValidationError),  # the generated parser refuses it
        (200, [1, 2], APIResponseValidationError),
    ],
)
def test_send_raises_what_the_generated_operation_would(
    status: int, body: Any, error: type[Exception]
) -> None:
    answer = Capture(status, body)
    options = TransportOptions(
        transport=httpx.MockTransport(answer), sleep=lambda _: None, retries=None
    )
    with (
        QClient.local(BASE, rate_limiter=None, http_options=options) as q,
        pytest.raises(error, match=r"\S") as caught,
    ):
        q.send("KEY_Q", "red")
    assert getattr(caught.value, "request_url", None) == httpx.URL(BASE + SIGNALS_PATH)
