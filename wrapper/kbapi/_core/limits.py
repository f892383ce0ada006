"""Cap response sizes so a hostile or broken server cannot exhaust memory."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Final

import httpx

from kbapi._core.errors import ResponseTooLargeError

DEFAULT_MAX_RESPONSE_BYTES: Final = 32 * 1024 * 1024


def _declared_length(response: httpx.Response) -> int | None:
    try:
        return int(response.headers.get("content-length", ""))
    except ValueError:
        return None


def _too_large(request: httpx.Request, limit: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(limit, request_method=request.method, request_url=request.url)


class _LimitedStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream, limit: int, request: httpx.Request) -> None:
        self._inner = inner
        self._limit = limit
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        seen = 0
        for chunk in self._inner:
            seen += len(chunk)
            if seen > self._limit:
                self._inner.close()
                raise _too_large(self._request, self._limit)
            yield chunk

    def close(self) -> None:
        self._inner.close()


class _AsyncLimitedStream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream, limit: int, request: httpx.Request) -> None:
        self._inner = inner
        self._limit = limit
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        seen = 0
        async for chunk in self._inner:
            seen += len(chunk)
            if seen > self._limit:
                await self._inner.aclose()
                raise _too_large(self._request, self._limit)
            yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()


class SizeLimitTransport(httpx.BaseTransport):
    """Raise `ResponseTooLargeError` once a response body (as sent on the wire) passes `limit`."""

    def __init__(self, transport: httpx.BaseTransport, limit: int = DEFAULT_MAX_RESPONSE_BYTES):
        self._transport = transport
        self._limit = limit

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`; wrap the body stream in a byte counter."""
        response = self._transport.handle_request(request)
        declared = _declared_length(response)
        if declared is not None and declared > self._limit:
            response.close()
            raise _too_large(request, self._limit)
        if not isinstance(response.stream, httpx.SyncByteStream):
            return response
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_LimitedStream(response.stream, self._limit, request),
            extensions=response.extensions,
            request=request,
        )

    def close(self) -> None:
        """Close the wrapped transport."""
        self._transport.close()


class AsyncSizeLimitTransport(httpx.AsyncBaseTransport):
    """Async twin of `SizeLimitTransport`."""

    def __init__(
        self, transport: httpx.AsyncBaseTransport, limit: int = DEFAULT_MAX_RESPONSE_BYTES
    ):
        self._transport = transport
        self._limit = limit

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`; wrap the body stream in a byte counter."""
        response = await self._transport.handle_async_request(request)
        declared = _declared_length(response)
        if declared is not None and declared > self._limit:
            await response.aclose()
            raise _too_large(request, self._limit)
        if not isinstance(response.stream, httpx.AsyncByteStream):
            return response
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_AsyncLimitedStream(response.stream, self._limit, request),
            extensions=response.extensions,
            request=request,
        )

    async def aclose(self) -> None:
        """Close the wrapped transport."""
        await self._transport.aclose()
