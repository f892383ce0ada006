"""check_response and translate_errors on in-memory responses (no network)."""

from __future__ import annotations

from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

import httpx
import pytest
from kbapi._core import errors
from kbapi._core.calls import check_response, translate_errors


@dataclass
class GeneratedResponse:
    """The shape of openapi-python-client's ``Response``."""

    status_code: HTTPStatus
    content: bytes
    headers: httpx.Headers = field(default_factory=httpx.Headers)
    parsed: Any = None


class Job:
    pass


def test_ok_status_returns_response() -> None:
    response = GeneratedResponse(HTTPStatus.OK, b"{}", parsed=Job())
    assert check_response(response, expect=Job) is response


def test_error_status_raises_mapped_error() -> None:
    response = GeneratedResponse(
        HTTPStatus.NOT_FOUND,
        b'{"message": "no such job"}',
        httpx.Headers({"content-type": "application/json"}),
    )
    with pytest.raises(errors.NotFoundError, match="no such job"):
        check_response(response)


def test_unexpected_parsed_type_is_validation_error() -> None:
    response = GeneratedResponse(HTTPStatus.OK, b'{"odd": 1}', parsed=None)
    with pytest.raises(errors.APIResponseValidationError, match="expected Job, got NoneType"):
        check_response(response, expect=Job)


def test_accepts_httpx_response_and_custom_ok() -> None:
    request = httpx.Request("PUT", "http://127.0.0.1/x")
    response = httpx.Response(202, request=request)
    assert check_response(response, ok=(200, 202)) is response
    with pytest.raises(errors.APIStatusError) as info:
        check_response(httpx.Response(204, request=request))
    assert str(info.value).startswith("PUT http://127.0.0.1/x: 204")


def test_parse_errors_become_validation_errors() -> None:
    for exc in (KeyError("id"), TypeError("t"), ValueError("v"), AttributeError("a")):
        with pytest.raises(errors.APIResponseValidationError) as info, translate_errors():
            raise exc
        assert info.value.__cause__ is exc


def test_kbapi_errors_pass_through_untouched() -> None:
    original = errors.InputError("bad colour")
    with pytest.raises(errors.InputError) as info, translate_errors():
        raise original
    assert info.value is original


def test_httpx_errors_translated() -> None:
    request = httpx.Request("GET", "http://127.0.0.1:1/v1?token=SEKRIT")
    with pytest.raises(errors.APITimeoutError) as info, translate_errors():
        raise httpx.ReadTimeout("slow", request=request)
    assert "SEKRIT" not in str(info.value)
    assert str(info.value).startswith("GET http://127.0.0.1:1/v1?token=")
    with pytest.raises(errors.APIConnectionError) as conn, translate_errors():
        raise httpx.ConnectError("refused", request=request)
    assert not isinstance(conn.value, errors.APITimeoutError)
