"""The one exception tree of kbapi. Every error kbapi raises on purpose derives from KbapiError.

    KbapiError
    ├── InputError (also ValueError)        the caller passed a value kbapi refuses
    │   └── UnknownLayoutError              a QMK layout macro or a Q layout tag / device
    └── APIError                            something went wrong talking to a server
        ├── APIConnectionError              no usable response (refused, reset, DNS, ...)
        │   └── APITimeoutError
        ├── APIStatusError                  the server answered with an error status
        │   ├── BadRequestError 400, AuthenticationError 401, PermissionDeniedError 403,
        │   ├── NotFoundError 404, ConflictError 409, PayloadTooLargeError 413,
        │   └── UnprocessableEntityError 422, RateLimitError 429, InternalServerError >= 500
        ├── APIResponseValidationError      the body did not match the documented schema
        └── ResponseTooLargeError           the body exceeded the client's size cap

Messages and attributes only ever hold redacted URLs and bodies.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any, Final

import httpx

from kbapi._core.headers import request_id_from_headers, retry_after_from_headers
from kbapi._core.redact import redact_body, redact_text, redact_url

BODY_EXCERPT_CHARS: Final = 4096
MESSAGE_CHARS: Final = 300


class KbapiError(Exception):
    """Base class of every error raised by kbapi."""


class InputError(KbapiError, ValueError):
    """The caller passed a value kbapi refuses before sending anything (bad zone, colour, ...)."""


class UnknownLayoutError(InputError):
    """A layout kbapi does not know: one concept for both APIs, so one class.

    For QMK a keyboard's layout macro (``LAYOUT_ortho_5x5``: `keyboard`, `layout` and the
    `available` names are set); for the Das Keyboard Q a layout tag or device (``en-GB``,
    ``Q_MATRIX``), whose known names the message lists.
    """

    def __init__(
        self,
        message: str,
        *,
        layout: str | None = None,
        keyboard: str | None = None,
        available: Sequence[str] = (),
    ) -> None:
        self.layout = layout
        self.keyboard = keyboard
        self.available = list(available)
        super().__init__(message)


class APIError(KbapiError):
    """A request to a server failed. `request_url` is redacted."""

    def __init__(
        self,
        message: str,
        *,
        request_method: str | None = None,
        request_url: str | httpx.URL | None = None,
    ) -> None:
        self.message = message
        self.request_method = request_method
        self.request_url = redact_url(request_url) if request_url is not None else None
        super().__init__(message)

    def _target(self) -> str:
        return " ".join(p for p in (self.request_method, self.request_url) if p)

    def __str__(self) -> str:
        target = self._target()
        return f"{target}: {self.message}" if target else self.message


class APIConnectionError(APIError):
    """The request got no usable response: connection refused, reset, dropped, DNS failure, ..."""


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool)."""


class ResponseTooLargeError(APIError):
    """The response body exceeded the client's `max_response_bytes` cap."""

    def __init__(
        self,
        limit: int,
        *,
        request_method: str | None = None,
        request_url: str | httpx.URL | None = None,
    ) -> None:
        self.limit = limit
        super().__init__(
            f"response body larger than {limit} bytes",
            request_method=request_method,
            request_url=request_url,
        )


class APIResponseValidationError(APIError):
    """The response body did not match the documented schema. `__cause__` is the parse error."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        body_text: str | None = None,
        error: BaseException | None = None,
        request_method: str | None = None,
        request_url: str | httpx.URL | None = None,
    ) -> None:
        self.status_code = status_code
        self.body_text = _excerpt(redact_text(body_text)) if body_text is not None else None
        self.error = error
        detail = f"{message} ({type(error).__name__}: {error})" if error is not None else message
        if status_code is not None:
            detail = f"{status_code}: {detail}"
        super().__init__(detail, request_method=request_method, request_url=request_url)


class APIStatusError(APIError):
    """The server answered with a status kbapi treats as an error."""

    def __init__(
        self,
        status_code: int,
        *,
        body_text: str = "",
        body: Any = None,
        request_id: str | None = None,
        retry_after: float | None = None,
        request_method: str | None = None,
        request_url: str | httpx.URL | None = None,
    ) -> None:
        self.status_code = status_code
        self.body_text = _excerpt(redact_text(body_text))
        self.body = redact_body(body)
        self.request_id = request_id
        self.retry_after = retry_after
        message = _status_line(status_code)
        server_message = _server_message(self.body, self.body_text)
        if server_message:
            message = f"{message}: {server_message}"
        super().__init__(message, request_method=request_method, request_url=request_url)

    def __str__(self) -> str:
        text = super().__str__()
        return f"{text} (request id {self.request_id})" if self.request_id else text


class BadRequestError(APIStatusError):
    """400 Bad Request."""


class AuthenticationError(APIStatusError):
    """401 Unauthorized: missing, wrong or expired credentials."""


class PermissionDeniedError(APIStatusError):
    """403 Forbidden."""


class NotFoundError(APIStatusError):
    """404 Not Found."""


class ConflictError(APIStatusError):
    """409 Conflict."""


class PayloadTooLargeError(APIStatusError):
    """413 Payload Too Large."""


class UnprocessableEntityError(APIStatusError):
    """422 Unprocessable Entity."""


class RateLimitError(APIStatusError):
    """429 Too Many Requests; `retry_after` holds the server's hint in seconds, if any."""


class InternalServerError(APIStatusError):
    """Any 5xx status."""


STATUS_ERRORS: Final[Mapping[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_class_for_status(status_code: int) -> type[APIStatusError]:
    """The `APIStatusError` subclass for `status_code`."""
    if status_code >= 500:
        return InternalServerError
    return STATUS_ERRORS.get(status_code, APIStatusError)


def status_error(
    status_code: int,
    headers: Mapping[str, str],
    content: bytes,
    *,
    request_method: str | None = None,
    request_url: str | httpx.URL | None = None,
) -> APIStatusError:
    """Build the right `APIStatusError` from the parts of a response."""
    hdrs = headers if isinstance(headers, httpx.Headers) else httpx.Headers(headers)
    text = content[: BODY_EXCERPT_CHARS * 4].decode("utf-8", errors="replace")
    return error_class_for_status(status_code)(
        status_code,
        body_text=text,
        body=_json_or_none(content, hdrs),
        request_id=request_id_from_headers(hdrs),
        retry_after=retry_after_from_headers(hdrs),
        request_method=request_method,
        request_url=request_url,
    )


def error_for_response(response: httpx.Response) -> APIStatusError:
    """Build the right `APIStatusError` for an httpx response (its body is read if needed)."""
    method, url = request_target(response)
    return status_error(
        response.status_code,
        response.headers,
        _read(response),
        request_method=method,
        request_url=url,
    )


def raise_for_status(response: httpx.Response) -> None:
    """Raise the matching `APIStatusError` unless the status is 1xx, 2xx or 3xx."""
    if response.status_code >= 400:
        raise error_for_response(response)


def request_target(response: httpx.Response) -> tuple[str | None, httpx.URL | None]:
    """The (method, URL) of the request behind `response`, or (None, None) if unknown."""
    try:
        request = response.request
    except RuntimeError:
        return None, None
    return request.method, request.url


def _read(response: httpx.Response) -> bytes:
    try:
        return response.content
    except httpx.ResponseNotRead:
        try:
            return response.read()
        except (httpx.HTTPError, RuntimeError, KbapiError):
            return b""


def _json_or_none(content: bytes, headers: httpx.Headers) -> Any:
    if "json" not in headers.get("content-type", "") and content[:1] not in (b"{", b"["):
        return None
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        return None


def _status_line(status_code: int) -> str:
    try:
        return f"{status_code} {HTTPStatus(status_code).phrase}"
    except ValueError:
        return str(status_code)


def _server_message(body: Any, body_text: str) -> str:
    if isinstance(body, Mapping):
        for key in ("message", "error_description", "error", "detail", "title"):
            value = body.get(key)
            if isinstance(value, str) and value:
                return _one_line(value)
            if isinstance(value, Mapping) and isinstance(value.get("message"), str):
                return _one_line(value["message"])
    if body is None and body_text and not body_text.lstrip().startswith("<"):
        return _one_line(body_text)
    return ""


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= MESSAGE_CHARS else line[: MESSAGE_CHARS - 3] + "..."


def _excerpt(text: str) -> str:
    return text if len(text) <= BODY_EXCERPT_CHARS else text[:BODY_EXCERPT_CHARS] + "...[truncated]"
