"""Error mapping and messages."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator

import httpx
import pytest
from kbapi._core import errors
from kbapi._core.errors import (
    APIStatusError,
    InputError,
    KbapiError,
    error_for_response,
    raise_for_status,
    status_error,
)


def _response(
    status: int, body: bytes = b"", headers: dict[str, str] | None = None
) -> httpx.Response:
    request = httpx.Request("GET", "https://api.example/v1/x?apiKey=SECRETKEY")
    return httpx.Response(status, content=body, headers=headers or {}, request=request)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (409, errors.ConflictError),
        (413, errors.PayloadTooLargeError),
        (422, errors.UnprocessableEntityError),
        (429, errors.RateLimitError),
        (500, errors.InternalServerError),
        (503, errors.InternalServerError),
        (418, APIStatusError),
    ],
)
def test_status_maps_to_class(status: int, cls: type[APIStatusError]) -> None:
    err = error_for_response(_response(status))
    assert type(err) is cls
    assert err.status_code == status
    assert isinstance(err, errors.APIError)
    assert isinstance(err, KbapiError)


def test_message_is_one_readable_line_without_secrets() -> None:
    body = b'{"message": "No such\\njob", "access_token": "TOK"}'
    err = error_for_response(_response(404, body, {"content-type": "application/json"}))
    text = str(err)
    assert "\n" not in text
    assert text.startswith("GET https://api.example/v1/x?apiKey=")
    assert "404 Not Found: No such job" in text
    assert "SECRETKEY" not in text
    assert "TOK" not in text + err.body_text + repr(err.body)
    assert err.body["message"] == "No such\njob"


def test_plain_text_body_and_request_id_and_retry_after() -> None:
    response = _response(429, b"Over quota", {"Retry-After": "2", "x-request-id": "req-1"})
    err = error_for_response(response)
    assert isinstance(err, errors.RateLimitError)
    assert err.retry_after == 2.0
    assert err.request_id == "req-1"
    assert err.body is None
    assert "Over quota" in str(err)
    assert "req-1" in str(err)


def test_html_body_not_used_as_message() -> None:
    err = error_for_response(_response(404, b"<html>Cannot GET /x</html>"))
    assert str(err).endswith("404 Not Found")


def test_body_text_truncated() -> None:
    err = status_error(500, {}, b"x" * 100_000)
    assert len(err.body_text) < 5000
    assert err.body_text.endswith("[truncated]")
    assert err.request_method is None
    assert str(err).startswith("500 Internal Server Error")


def test_raise_for_status() -> None:
    raise_for_status(_response(200))
    raise_for_status(_response(302))
    with pytest.raises(errors.NotFoundError, match="404 Not Found"):
        raise_for_status(_response(404))


def test_input_error_is_value_error() -> None:
    assert issubclass(InputError, ValueError)
    assert issubclass(errors.APITimeoutError, errors.APIConnectionError)


def test_validation_error_mentions_status_and_cause() -> None:
    err = errors.APIResponseValidationError(
        "bad body", status_code=200, body_text='{"password": "pw9"}', error=KeyError("id")
    )
    assert "200" in str(err)
    assert "KeyError" in str(err)
    assert "pw9" not in str(err) + (err.body_text or "")


def _subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _subclasses(sub)
    return found


def test_the_whole_library_exception_tree_is_exported_from_kbapi() -> None:
    import kbapi

    for package in ("kbapi._core", "kbapi.qmk", "kbapi.daskeyboard"):
        # Load every module that may define an error: the clients import most of them lazily.
        for module in pkgutil.iter_modules(importlib.import_module(package).__path__):
            importlib.import_module(f"{package}.{module.name}")
    library = {
        cls
        for cls in _subclasses(kbapi.KbapiError)
        if cls.__module__.startswith(("kbapi._core", "kbapi.qmk", "kbapi.daskeyboard"))
    }
    assert len(library) >= 30
    missing = sorted(
        cls.__name__ for cls in library if getattr(kbapi, cls.__name__, None) is not cls
    )
    assert missing == []


def test_one_unknown_layout_error_for_both_apis() -> None:
    from kbapi.daskeyboard import UnknownLayoutError as QLayoutError
    from kbapi.daskeyboard import get_layout
    from kbapi.qmk import UnknownLayoutError as QMKLayoutError

    assert QLayoutError is QMKLayoutError
    with pytest.raises(QMKLayoutError, match="unknown keyboard layout") as caught:
        get_layout("xx-XX")
    assert isinstance(caught.value, InputError)


def test_a_server_message_of_300_characters_is_kept_whole() -> None:
    err = status_error(400, {}, b"m" * 300)
    assert str(err) == "400 Bad Request: " + "m" * 300


def test_a_longer_server_message_is_cut_to_300_characters_with_an_ellipsis() -> None:
    err = status_error(400, {}, b"m" * 301)
    assert str(err) == "400 Bad Request: " + "m" * 297 + "..."


def test_a_body_of_4096_characters_is_kept_whole_and_a_short_one_as_it_is() -> None:
    assert status_error(500, {}, b"x" * 4096).body_text == "x" * 4096
    assert status_error(500, {}, b"nope").body_text == "nope"


def test_the_excerpt_counts_characters_not_bytes() -> None:
    # 4097 three-byte characters: the first 4096 are kept, then the marker.
    err = status_error(500, {}, "\u20ac".encode() * 4097)
    assert err.body_text == "\u20ac" * 4096 + "...[truncated]"


@pytest.mark.parametrize(("status", "raises"), [(399, False), (400, True), (401, True)])
def test_raise_for_status_starts_at_400(status: int, raises: bool) -> None:
    if raises:
        with pytest.raises(APIStatusError, match=f"^GET .* {status} "):
            raise_for_status(_response(status))
    else:
        raise_for_status(_response(status))


def test_statuses_below_500_are_not_server_errors() -> None:
    assert type(status_error(499, {}, b"")) is APIStatusError
    assert type(status_error(500, {}, b"")) is errors.InternalServerError


def test_a_status_without_a_standard_phrase_is_shown_as_its_number() -> None:
    assert str(status_error(599, {}, b"")) == "599"


def test_plain_mapping_headers_are_read_case_insensitively() -> None:
    headers = {"X-Request-Id": "req-9", "Retry-After": "4", "Content-Type": "application/json"}
    err = status_error(429, headers, b'"slow down"')
    assert err.request_id == "req-9"
    assert err.retry_after == 4.0
    assert err.body == "slow down"


@pytest.mark.parametrize("body", [b'{"message": "boom"}', b'["boom"]'])
def test_a_json_looking_body_is_decoded_whatever_its_content_type(body: bytes) -> None:
    err = status_error(500, {"content-type": "text/plain"}, body)
    assert err.body is not None
    assert "boom" in repr(err.body)


def test_a_body_that_only_starts_like_json_and_fails_to_decode_is_none() -> None:
    err = status_error(500, {}, b"{oops")
    assert err.body is None
    assert str(err) == "500 Internal Server Error: {oops"


def test_empty_and_non_string_message_fields_are_passed_over() -> None:
    body = b'{"message": "", "error_description": 42, "error": "bad token"}'
    err = status_error(401, {"content-type": "application/json"}, body)
    assert str(err) == "401 Unauthorized: bad token"


def test_a_response_without_a_request_has_no_target() -> None:
    err = error_for_response(httpx.Response(404, content=b"gone"))
    assert (err.request_method, err.request_url) == (None, None)
    assert str(err) == "404 Not Found: gone"


def test_an_unread_streamed_body_is_read_for_the_error() -> None:
    request = httpx.Request("GET", "https://api.example/v1/x")
    response = httpx.Response(503, stream=httpx.ByteStream(b"maintenance"), request=request)
    err = error_for_response(response)
    assert str(err) == "GET https://api.example/v1/x: 503 Service Unavailable: maintenance"


class _FailingStream(httpx.SyncByteStream):
    def __init__(self, error: Exception) -> None:
        self.error = error

    def __iter__(self) -> Iterator[bytes]:
        raise self.error


@pytest.mark.parametrize(
    "error",
    [errors.ResponseTooLargeError(10), httpx.ReadError("dropped"), httpx.StreamConsumed()],
)
def test_a_body_that_cannot_be_read_leaves_the_error_without_one(error: Exception) -> None:
    response = httpx.Response(502, stream=_FailingStream(error))
    err = error_for_response(response)
    assert (type(err), err.body_text, str(err)) == (
        errors.InternalServerError,
        "",
        "502 Bad Gateway",
    )


def test_error_options_are_keyword_only() -> None:
    calls: list[Callable[[], object]] = [
        lambda: errors.UnknownLayoutError("m", "LAYOUT"),  # type: ignore[misc]
        lambda: errors.APIError("m", "GET"),  # type: ignore[misc]
        lambda: errors.ResponseTooLargeError(10, "GET"),  # type: ignore[misc]
        lambda: errors.APIResponseValidationError("m", 200),  # type: ignore[misc]
        lambda: APIStatusError(404, "body"),  # type: ignore[misc]
        lambda: status_error(404, {}, b"", "GET"),  # type: ignore[misc]
    ]
    for call in calls:
        with pytest.raises(TypeError, match="positional argument"):
            call()
