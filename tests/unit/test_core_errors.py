"""Error mapping and messages."""

from __future__ import annotations

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
    import kbapi.daskeyboard.client
    import kbapi.qmk.client  # load every module that defines an error

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
