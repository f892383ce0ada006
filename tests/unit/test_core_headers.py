"""Retry-After and request-id headers: the edges of parsing them (`kbapi._core.headers`)."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from kbapi._core.headers import (
    parse_retry_after,
    request_id_from_headers,
    retry_after_from_headers,
)

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.mark.parametrize("value", ["-inf", "NaN", "   "])
def test_infinite_nan_and_blank_delays_are_unreadable(value: str) -> None:
    assert parse_retry_after(value) is None


def test_zero_and_negative_zero_delays_are_zero() -> None:
    assert parse_retry_after("0") == 0.0
    assert parse_retry_after("-0.0") == 0.0


def test_an_http_date_without_a_zone_is_read_as_utc() -> None:
    # "-0000" means "no zone information": parsedate_to_datetime returns a naive datetime.
    assert parse_retry_after("Fri, 02 Jan 2026 03:04:15 -0000", now=NOW) == 10.0


def test_an_http_date_in_another_zone_counts_from_now() -> None:
    assert parse_retry_after("Fri, 02 Jan 2026 04:04:15 +0100", now=NOW) == 10.0


def test_an_http_date_is_counted_from_the_real_clock_without_now() -> None:
    # A date long past is 0 whatever the clock says; one far ahead is more than a year.
    assert parse_retry_after("Fri, 02 Jan 2026 03:04:15 GMT") == 0.0
    assert parse_retry_after("Fri, 02 Jan 2099 03:04:15 GMT") > 365 * 24 * 3600


def test_retry_after_ms_is_milliseconds() -> None:
    assert retry_after_from_headers(httpx.Headers({"retry-after-ms": "1500"})) == 1.5


def test_an_unreadable_retry_after_ms_falls_back_to_retry_after() -> None:
    headers = httpx.Headers({"retry-after-ms": "soon", "Retry-After": "3"})
    assert retry_after_from_headers(headers) == 3.0


def test_retry_after_dates_use_the_given_now() -> None:
    headers = httpx.Headers({"Retry-After": "Fri, 02 Jan 2026 03:04:25 GMT"})
    assert retry_after_from_headers(headers, now=NOW) == 20.0


def test_no_retry_headers_is_none() -> None:
    assert retry_after_from_headers(httpx.Headers({})) is None


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"x-request-id": "a", "request-id": "b"}, "a"),
        ({"request-id": "b", "x-correlation-id": "d"}, "b"),
        ({"x-amzn-requestid": "c"}, "c"),
        ({"x-correlation-id": "d"}, "d"),
        ({"x-request-id": "", "request-id": "b"}, "b"),
        ({"x-other": "e"}, None),
    ],
)
def test_the_request_id_is_the_first_non_empty_known_header(
    headers: dict[str, str], expected: str | None
) -> None:
    assert request_id_from_headers(httpx.Headers(headers)) == expected


def test_now_is_keyword_only() -> None:
    with pytest.raises(TypeError, match="positional argument"):
        parse_retry_after("1", NOW)  # type: ignore[misc]
    with pytest.raises(TypeError, match="positional argument"):
        retry_after_from_headers({}, NOW)  # type: ignore[misc]
