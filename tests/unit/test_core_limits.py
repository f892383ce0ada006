"""The response cap's parts (`kbapi._core.limits`): its default, Content-Length, the error."""

from __future__ import annotations

import httpx
import pytest
from kbapi._core.errors import ResponseTooLargeError
from kbapi._core.limits import (
    DEFAULT_MAX_RESPONSE_BYTES,
    LIMIT_EXTENSION,
    declared_length,
    too_large,
)


def test_the_default_cap_is_32_mib_as_documented() -> None:
    # docs/qmk.md: "a 32 MiB response cap".
    assert DEFAULT_MAX_RESPONSE_BYTES == 33_554_432
    assert LIMIT_EXTENSION == "kbapi_max_bytes"


@pytest.mark.parametrize(
    ("headers", "expected"),
    [({"content-length": "120"}, 120), ({"content-length": "lots"}, None), ({}, None)],
)
def test_declared_length(headers: dict[str, str], expected: int | None) -> None:
    assert declared_length(httpx.Response(200, headers=headers)) == expected


def test_the_error_names_the_request_and_the_limit() -> None:
    error = too_large(httpx.Request("GET", "http://127.0.0.1:1/big?token=T"), 1024)
    assert isinstance(error, ResponseTooLargeError)
    assert error.limit == 1024
    assert (
        str(error)
        == "GET http://127.0.0.1:1/big?token=**********: response body larger than 1024 bytes"
    )
