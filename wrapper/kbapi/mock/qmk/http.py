"""Responses shaped like Flask/Werkzeug (errors included), and body reading with a size cap."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import quote

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

WERKZEUG_PAGES = {
    400: (
        "Bad Request",
        "The browser (or proxy) sent a request that this server could not understand.",
    ),
    404: (
        "Not Found",
        "The requested URL was not found on the server. If you entered the URL manually please "
        "check your spelling and try again.",
    ),
    405: ("Method Not Allowed", "The method is not allowed for the requested URL."),
    500: (
        "Internal Server Error",
        "The server encountered an internal error and was unable to complete your request. "
        "Either the server is overloaded or there is an error in the application.",
    ),
}


class BodyTooLarge(Exception):
    """The request body exceeded the configured cap."""


class NotJSON(Exception):
    """The request body is not JSON (answered with the Werkzeug HTML 400)."""


def json_response(data: Any, status: int = 200) -> Response:
    """Compact JSON plus a trailing newline, like Flask's `jsonify`."""
    body = json.dumps(data, separators=(",", ":")) + "\n"
    return Response(body, status_code=status, media_type="application/json")


def error(message: str, code: int = 400) -> Response:
    """The API's error body: ``{"code": <int>, "message": "<text>"}``."""
    return json_response({"code": code, "message": message}, code)


def html_error(status: int) -> Response:
    """A Werkzeug-style HTML error page."""
    title, text = WERKZEUG_PAGES.get(status, WERKZEUG_PAGES[500])
    page = (
        "<!doctype html>\n<html lang=en>\n"
        f"<title>{status} {title}</title>\n<h1>{title}</h1>\n<p>{text}</p>\n"
    )
    return Response(page, status_code=status, media_type="text/html")


async def read_body(request: Request, limit: int) -> bytes:
    """Read the body, raising `BodyTooLarge` as soon as it passes `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def parse_json(body: bytes) -> Any:
    """Parse a JSON body; None when it is not valid JSON (or too deeply nested)."""
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


def attachment(filename: str) -> str:
    """A Content-Disposition value that survives non-ASCII and quote characters."""
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "_").replace("\\", "_")
    value = f'attachment; filename="{ascii_name}"'
    if ascii_name != filename:
        value += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return value


def base_url(request: Request, fixed: str | None) -> str:
    """The public base URL: the configured one, else scheme and Host of the request."""
    if fixed:
        return fixed.rstrip("/")
    host = request.headers.get("host") or f"{request.url.hostname}:{request.url.port}"
    return f"{request.url.scheme}://{host}"


def client_ip(request: Request) -> str | None:
    """The submitter IP: first `X-Forwarded-For` entry, else the peer address."""
    forwarded = request.headers.get("x-forwarded-for")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.client.host if request.client else None


async def _http_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, HTTPException):
        return html_error(500)
    # Keep the router's headers: a 405 carries `Allow` (RFC 9110), as Werkzeug's does.
    response = html_error(exc.status_code)
    response.headers.update(exc.headers or {})
    return response


async def _not_json(request: Request, exc: Exception) -> Response:
    return html_error(400)


async def _too_large(request: Request, exc: Exception) -> Response:
    return error("Request body too large", 413)


async def _crash(request: Request, exc: Exception) -> Response:
    return html_error(500)


ERROR_HANDLERS: Mapping[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
    HTTPException: _http_error,
    BodyTooLarge: _too_large,
    NotJSON: _not_json,
    Exception: _crash,
}
