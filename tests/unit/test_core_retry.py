"""Retry decisions and Retry-After parsing, without any I/O."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from kbapi._core.context import recording
from kbapi._core.headers import parse_retry_after, retry_after_from_headers
from kbapi._core.retry import NO_RETRIES, RETRIES_EXTENSION, SEND, RetryPlan, RetryPolicy

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_retry_after_seconds_and_http_date() -> None:
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(" 1.5 ") == 1.5
    assert parse_retry_after("-3") == 0.0
    later = format_datetime(NOW + timedelta(seconds=30), usegmt=True)
    assert parse_retry_after(later, now=NOW) == 30.0
    earlier = format_datetime(NOW - timedelta(seconds=30), usegmt=True)
    assert parse_retry_after(earlier, now=NOW) == 0.0


@pytest.mark.parametrize("value", [None, "", "soon", "nan", "inf"])
def test_retry_after_unreadable_is_none(value: str | None) -> None:
    assert parse_retry_after(value) is None


def test_retry_after_ms_header_wins() -> None:
    headers = httpx.Headers({"Retry-After": "9", "retry-after-ms": "250"})
    assert retry_after_from_headers(headers) == 0.25


def test_backoff_grows_with_equal_jitter_and_caps() -> None:
    policy = RetryPolicy()
    assert policy.backoff(0, 0.0) == 0.25
    assert policy.backoff(0, 1.0) == 0.5
    assert policy.backoff(2, 1.0) == 2.0
    assert policy.backoff(10, 1.0) == 8.0
    assert policy.backoff(10, 0.0) == 4.0


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_retry_statuses_for_get(status: int) -> None:
    assert RetryPolicy().delay_for_response("GET", status, {}, 0, 0.0) == 0.25


@pytest.mark.parametrize("status", [200, 400, 401, 404, 409, 422, 501])
def test_no_retry_for_other_statuses(status: int) -> None:
    assert RetryPolicy().delay_for_response("GET", status, {}, 0, 0.0) is None


@pytest.mark.parametrize("status", [408, 500, 502, 503, 504])
def test_post_not_retried_after_5xx_unless_opted_in(status: int) -> None:
    assert RetryPolicy().delay_for_response("POST", status, {}, 0, 0.0) is None
    assert RetryPolicy(retry_unsafe=True).delay_for_response("POST", status, {}, 0, 0.0) == 0.25


def test_post_retried_after_429_honouring_retry_after() -> None:
    delay = RetryPolicy().delay_for_response("POST", 429, {"Retry-After": "3"}, 0, 0.9)
    assert delay == 3.0


def test_long_retry_after_means_give_up() -> None:
    policy = RetryPolicy(max_retry_after=60)
    assert policy.delay_for_response("GET", 503, {"Retry-After": "60"}, 0, 0.0) == 60.0
    assert policy.delay_for_response("GET", 503, {"Retry-After": "61"}, 0, 0.0) is None


def test_retry_budget_is_respected() -> None:
    policy = RetryPolicy(max_retries=2)
    assert policy.delay_for_response("GET", 503, {}, 1, 0.0) is not None
    assert policy.delay_for_response("GET", 503, {}, 2, 0.0) is None
    assert policy.delay_for_error("POST", httpx.ConnectError("x"), 2, 0.0) is None


@pytest.mark.parametrize(
    "error", [httpx.ConnectError("x"), httpx.ConnectTimeout("x"), httpx.PoolTimeout("x")]
)
def test_connect_errors_retried_for_every_method(error: Exception) -> None:
    for method in ("GET", "POST", "PATCH"):
        assert RetryPolicy().delay_for_error(method, error, 0, 0.0) == 0.25


@pytest.mark.parametrize(
    "error",
    [
        httpx.ReadError("x"),
        httpx.ReadTimeout("x"),
        httpx.WriteError("x"),
        httpx.RemoteProtocolError("x"),
    ],
)
def test_maybe_sent_errors_retried_only_when_safe(error: Exception) -> None:
    assert RetryPolicy().delay_for_error("GET", error, 0, 0.0) == 0.25
    assert RetryPolicy().delay_for_error("PUT", error, 0, 0.0) == 0.25
    assert RetryPolicy().delay_for_error("POST", error, 0, 0.0) is None
    assert RetryPolicy().delay_for_error("PATCH", error, 0, 0.0) is None
    assert RetryPolicy(retry_unsafe=True).delay_for_error("POST", error, 0, 0.0) == 0.25


def test_protocol_mistakes_are_never_retried() -> None:
    error = httpx.UnsupportedProtocol("ftp")
    assert RetryPolicy().delay_for_error("GET", error, 0, 0.0) is None


def test_no_delay_past_the_retry_budget() -> None:
    policy = RetryPolicy(max_retries=2)
    assert policy.delay_for_response("GET", 503, {}, 3, 0.0) is None
    assert policy.delay_for_error("GET", httpx.ConnectError("x"), 3, 0.0) is None


class _Clock:
    def __init__(self) -> None:
        self.now = 10.0

    def __call__(self) -> float:
        self.now += 0.25
        return self.now


REQUEST = httpx.Request("GET", "http://127.0.0.1:1/r?token=T")


def _plan(policy: RetryPolicy | None = None) -> RetryPlan:
    return RetryPlan(policy or RetryPolicy(), rand=lambda: 0.0, clock=_Clock())


def test_a_first_response_that_is_never_retried_is_settled_with_zero_retries() -> None:
    response = httpx.Response(200, request=REQUEST)
    with recording() as record:
        assert _plan().settled(REQUEST, response, 10.0)
    assert response.extensions[RETRIES_EXTENSION] == 0
    assert (record.response, record.retries) == (response, 0)


def test_a_retryable_status_is_not_settled_unless_retries_are_off() -> None:
    assert not _plan().settled(REQUEST, httpx.Response(503, request=REQUEST), 10.0)
    assert _plan(NO_RETRIES).settled(REQUEST, httpx.Response(503, request=REQUEST), 10.0)


def test_without_retries_the_steps_send_once() -> None:
    steps = _plan(NO_RETRIES).steps(REQUEST)
    assert next(steps) == SEND
    response = httpx.Response(503, request=REQUEST)
    with pytest.raises(StopIteration) as done:
        steps.send(response)
    assert done.value.value is response
    assert response.extensions[RETRIES_EXTENSION] == 0


def test_an_error_not_retried_at_once_has_no_note() -> None:
    steps = _plan().steps(REQUEST)
    assert next(steps) == SEND
    error = httpx.UnsupportedProtocol("ftp")
    with pytest.raises(httpx.UnsupportedProtocol) as info:
        steps.send(error)
    assert getattr(info.value, "__notes__", []) == []


def test_an_error_retried_then_final_notes_the_retries_once() -> None:
    steps = _plan(RetryPolicy(max_retries=1)).steps(REQUEST)
    assert next(steps) == SEND
    first = httpx.ConnectError("refused")
    assert steps.send(first) == 0.25
    assert getattr(first, "__notes__", []) == []
    assert next(steps) == SEND
    last = httpx.ConnectError("refused again")
    with pytest.raises(httpx.ConnectError) as info:
        steps.send(last)
    assert info.value.__notes__ == ["kbapi: gave up after 1 retries"]


def test_attempts_are_logged_with_their_time_and_redacted_url(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="kbapi.http")
    steps = _plan(RetryPolicy(max_retries=1)).steps(REQUEST)
    next(steps)  # the clock reads 10.25 when the attempt starts
    assert steps.send(httpx.Response(503, request=REQUEST)) == 0.25
    next(steps)  # 10.75
    final = httpx.Response(200, request=REQUEST)
    with pytest.raises(StopIteration) as done:
        steps.send(final)
    assert done.value.value is final
    assert caplog.messages == [
        "GET http://127.0.0.1:1/r?token=********** -> 503 in 0.250s (attempt 1); retrying in 0.25s",
        "GET http://127.0.0.1:1/r?token=********** -> 200 in 0.250s (attempt 2)",
    ]


def test_a_first_outcome_given_is_timed_from_its_start(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="kbapi.http")
    response = httpx.Response(200, request=REQUEST)
    steps = _plan().steps(REQUEST, first=response, started=0.5)
    with pytest.raises(StopIteration) as done:
        next(steps)
    assert done.value.value is response
    assert caplog.messages == [
        "GET http://127.0.0.1:1/r?token=********** -> 200 in 9.750s (attempt 1)"
    ]
    caplog.clear()
    first = httpx.Response(200, request=REQUEST)
    untimed = _plan().steps(REQUEST, first=first)
    with pytest.raises(StopIteration) as done:
        next(untimed)
    assert done.value.value is first
    assert caplog.messages == [
        "GET http://127.0.0.1:1/r?token=********** -> 200 in 0.250s (attempt 1)"
    ]
