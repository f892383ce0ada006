"""Cap response sizes so a hostile or broken server cannot exhaust memory.

The transports that apply the cap are in `kbapi._core.async_transport` (and its sync twin).
"""

from __future__ import annotations

from typing import Final

import httpx

from kbapi._core.errors import ResponseTooLargeError

DEFAULT_MAX_RESPONSE_BYTES: Final = 32 * 1024 * 1024
LIMIT_EXTENSION: Final = "kbapi_max_bytes"
"""A request extension that sets the cap for one response (a streamed download), in bytes."""


def declared_length(response: httpx.Response) -> int | None:
    """The Content-Length of `response`, or None when it is missing or not a number."""
    try:
        return int(response.headers.get("content-length", ""))
    except ValueError:
        return None


def too_large(request: httpx.Request, limit: int) -> ResponseTooLargeError:
    """The error for a response to `request` whose body passed `limit` bytes."""
    return ResponseTooLargeError(limit, request_method=request.method, request_url=request.url)
