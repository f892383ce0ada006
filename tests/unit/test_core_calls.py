"""check_response and translate_errors on in-memory responses (no network)."""

from __future__ import annotations

from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

import httpx
import pytest
from kbapi._core import errors
from kbapi._core.calls import check_response, translate_errors
from kbapi._core.context import note_request, note_response


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


def test_a_deeply_nested_body_is_a_validation_error() -> None:
    with (
        pytest.raises(errors.APIResponseValidationError, match="RecursionError"),
        translate_errors(),
    ):
        raise RecursionError("maximum recursion depth exceeded")


def test_other_exceptions_pass_through_untouched() -> None:
    original = RuntimeError("a bug")
    with pytest.raises(RuntimeError, match="a bug") as info, translate_errors():
        raise original
    assert info.value is original
    assert info.value.__cause__ is None


def test_a_body_that_breaks_its_content_encoding_is_a_validation_error() -> None:
    request = httpx.Request("GET", "http://127.0.0.1:1/gz")
    with pytest.raises(errors.APIResponseValidationError) as info, translate_errors():
        raise httpx.DecodingError("bad gzip", request=request)
    assert str(info.value) == (
        "GET http://127.0.0.1:1/gz: response body does not match its Content-Encoding"
        " (DecodingError: bad gzip)"
    )


def test_too_many_redirects_is_an_api_error_not_a_connection_error() -> None:
    request = httpx.Request("GET", "http://127.0.0.1:1/loop")
    with pytest.raises(errors.APIError) as info, translate_errors():
        raise httpx.TooManyRedirects("loop", request=request)
    assert type(info.value) is errors.APIError
    assert str(info.value) == "GET http://127.0.0.1:1/loop: request failed (TooManyRedirects: loop)"


def test_connection_errors_name_their_cause() -> None:
    request = httpx.Request("POST", "http://127.0.0.1:1/x")
    with pytest.raises(errors.APIConnectionError) as info, translate_errors():
        raise httpx.ConnectError("refused", request=request)
    assert str(info.value) == "POST http://127.0.0.1:1/x: connection failed (ConnectError: refused)"
    with pytest.raises(errors.APITimeoutError) as slow, translate_errors():
        raise httpx.PoolTimeout("busy", request=request)
    assert str(slow.value) == "POST http://127.0.0.1:1/x: request timed out (PoolTimeout)"


def test_an_error_without_its_request_takes_the_target_from_the_record() -> None:
    request = httpx.Request("DELETE", "http://127.0.0.1:1/job/7")
    with pytest.raises(errors.APIConnectionError) as info, translate_errors():
        note_request(request)
        raise httpx.ConnectError("refused")
    assert (info.value.request_method, info.value.request_url) == (
        "DELETE",
        "http://127.0.0.1:1/job/7",
    )


def _note(status: int, body: bytes, *, read: bool = True) -> httpx.Response:
    request = httpx.Request("GET", "http://127.0.0.1:1/jobs/9")
    if read:
        response = httpx.Response(status, content=body, request=request)
    else:
        response = httpx.Response(status, stream=httpx.ByteStream(body), request=request)
    note_response(request, response, 0)
    return response


def test_a_parse_error_on_an_unexpected_status_raises_that_status() -> None:
    with pytest.raises(errors.NotFoundError) as info, translate_errors(ok=(200,)):
        _note(404, b"<html>no such job</html>")
        raise KeyError("id")
    assert str(info.value) == "GET http://127.0.0.1:1/jobs/9: 404 Not Found"
    assert info.value.body_text == "<html>no such job</html>"


def test_a_parse_error_on_an_expected_status_is_a_validation_error_with_the_body() -> None:
    with pytest.raises(errors.APIResponseValidationError) as info, translate_errors(ok=(200,)):
        _note(200, b'{"id": 5}')
        raise TypeError("id is not a str")
    assert info.value.status_code == 200
    assert info.value.body_text == '{"id": 5}'
    assert str(info.value) == (
        "GET http://127.0.0.1:1/jobs/9: 200: response body does not match the documented schema"
        " (TypeError: id is not a str)"
    )


def test_a_parse_error_without_ok_is_a_validation_error_whatever_the_status() -> None:
    with pytest.raises(errors.APIResponseValidationError) as info, translate_errors():
        _note(404, b"{}")
        raise KeyError("id")
    assert info.value.status_code == 404


def test_an_unread_body_is_left_out_of_the_errors() -> None:
    with pytest.raises(errors.APIResponseValidationError) as info, translate_errors():
        _note(200, b'{"id": 5}', read=False)
        raise KeyError("id")
    assert info.value.body_text is None
    with pytest.raises(errors.NotFoundError) as missing, translate_errors(ok=(200,)):
        _note(404, b"gone", read=False)
        raise KeyError("id")
    assert missing.value.body_text == ""


def test_validation_body_excerpts_are_4096_bytes() -> None:
    with pytest.raises(errors.APIResponseValidationError) as info, translate_errors():
        _note(200, b"a" * 5000)
        raise KeyError("id")
    assert info.value.body_text == "a" * 4096
    response = GeneratedResponse(HTTPStatus.OK, b"b" * 5000, parsed=None)
    with pytest.raises(errors.APIResponseValidationError) as checked:
        check_response(response, expect=Job)
    assert checked.value.body_text == "b" * 4096


def test_check_response_names_every_expected_type() -> None:
    response = GeneratedResponse(HTTPStatus.OK, b"{}", parsed=3)
    with pytest.raises(errors.APIResponseValidationError, match=r"expected Job \| str, got int"):
        check_response(response, expect=(Job, str))
    assert check_response(GeneratedResponse(HTTPStatus.OK, b"{}", parsed="x"), expect=(Job, str))


def test_a_list_type_needs_a_json_list_body() -> None:
    empty = GeneratedResponse(HTTPStatus.OK, b" {}", parsed=[])
    with pytest.raises(errors.APIResponseValidationError, match="expected a list, got an object"):
        check_response(empty, expect=list[str])
    listed = GeneratedResponse(HTTPStatus.OK, b' ["a"]', parsed=["a"])
    assert check_response(listed, expect=list[str]) is listed
    wrong = GeneratedResponse(HTTPStatus.OK, b"[1]", parsed=[1])
    with pytest.raises(errors.APIResponseValidationError, match="expected str, got int"):
        check_response(wrong, expect=list[str])


def test_check_response_reads_the_target_from_the_record() -> None:
    with translate_errors():
        note_request(httpx.Request("PATCH", "http://127.0.0.1:1/q"))
        response = GeneratedResponse(HTTPStatus.CONFLICT, b"")
        with pytest.raises(errors.ConflictError) as info:
            check_response(response)
    assert str(info.value) == "PATCH http://127.0.0.1:1/q: 409 Conflict"


def test_a_list_type_refuses_a_json_string_body_read_as_a_list() -> None:
    # A generated list parser iterates a string too: "ab" would come back as ["a", "b"].
    response = GeneratedResponse(HTTPStatus.OK, b'"ab"', parsed=["a", "b"])
    with pytest.raises(errors.APIResponseValidationError, match="expected a list"):
        check_response(response, expect=list[str])
