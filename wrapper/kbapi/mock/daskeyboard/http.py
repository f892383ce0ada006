"""Request parsing and response helpers of the Q mocks.

Errors are raised as `ApiError` and rendered as ``{"code": <status>, "message": "<text>"}``.
Bodies are JSON or (where the API accepts it) `application/x-www-form-urlencoded`.
"""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import Response

FORM_TYPE = "application/x-www-form-urlencoded"


class ApiError(Exception):
    """A client error the mock answers with a JSON `{code, message}` body."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def json_response(data: Any, status: int = 200) -> Response:
    """Compact JSON, as the Spring/Express servers send it."""
    body = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    return Response(body, status_code=status, media_type="application/json")


def error_response(error: ApiError) -> Response:
    """The JSON error body of an `ApiError`."""
    response = json_response({"code": error.status, "message": error.message}, error.status)
    response.headers.update(error.headers)
    return response


async def api_error(request: Request, exc: Exception) -> Response:
    """The exception handler of both Q mocks for `ApiError`."""
    assert isinstance(exc, ApiError)
    return error_response(exc)


def text_response(body: str, status: int = 200) -> Response:
    """A `text/plain` body (local health texts, colours, quota and start-up errors)."""
    return Response(body, status_code=status, media_type="text/plain")


def empty_response() -> Response:
    """200 with an empty body (the documented answer of DELETEs and revoke)."""
    return Response(b"", status_code=200)


def express_not_found(method: str, path: str) -> Response:
    """Express's default 404 page, e.g. `Cannot GET /api/1.0/signals`."""
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Error</title>\n</head>\n<body>\n"
        f"<pre>Cannot {html.escape(method)} {html.escape(path)}</pre>\n</body>\n</html>\n"
    )
    return Response(page, status_code=404, media_type="text/html")


async def read_body(request: Request, limit: int) -> bytes:
    """The raw body; 413 as soon as it passes `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"request body larger than {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"request body larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json_object(body: bytes) -> dict[str, Any]:
    """A JSON object body; 400 for anything else (bad JSON, NaN, arrays, deep nesting, strings
    that are not Unicode)."""
    try:
        data = json.loads(body, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        raise ApiError(400, "request body is not valid JSON") from None
    if not isinstance(data, dict):
        raise ApiError(400, "request body must be a JSON object")
    # A lone surrogate comes from a \u escape or from non-ASCII bytes (json.loads decodes
    # bytes with "surrogatepass"): a plain ASCII body without one needs no second pass.
    if not body.isascii() or b"\\u" in body:
        ensure_unicode(data, "request body")
    return data


def ensure_unicode(data: Any, what: str) -> None:
    """400 if a string in `data` holds a lone surrogate (`"\\ud800"` is JSON, but not UTF-8, so
    it could be neither stored nor sent back)."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ApiError(400, f"{what} holds a lone surrogate (\\ud800-\\udfff)") from None


def parse_form(body: bytes) -> dict[str, Any]:
    """A form-urlencoded body (the last value of a repeated field wins)."""
    try:
        text = body.decode("utf-8")
        pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text))
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "request body is not valid form data") from None
    return dict(pairs)


def is_form(request: Request) -> bool:
    """True if the request says its body is form-urlencoded."""
    content_type = request.headers.get("content-type", "")
    return content_type.split(";")[0].strip().lower() == FORM_TYPE


async def read_fields(request: Request, limit: int, *, allow_form: bool) -> dict[str, Any]:
    """The body's fields from JSON, or from a form when `allow_form` and it is one."""
    body = await read_body(request, limit)
    if allow_form and is_form(request):
        return parse_form(body)
    if not body.strip():
        raise ApiError(400, "request body is required")
    return parse_json_object(body)


INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def parse_int(value: str, name: str) -> int:
    """An int64 path/query value (optionally negative, like the spec's `format: int64`); 400
    otherwise."""
    text = value[1:] if value.startswith("-") else value
    if not text.isascii() or not text.isdigit() or len(text) > 19:
        raise ApiError(400, f"{name} must be an integer, got {value!r}")
    number = int(value)
    if not INT64_MIN <= number <= INT64_MAX:
        raise ApiError(400, f"{name} must be a 64-bit integer, got {value!r}")
    return number
