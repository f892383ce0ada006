"""Wire generated clients to kbapi's transport policy and run their operations in the error tree.

    options = TransportOptions(timeout=10)
    api = wire(Client(base_url=url), options.sync_client(url))
    job = parsed(get_compile_job.sync_detailed, job_id, client=api, expect=CompileJob)

`parsed` / `aparsed` run one generated ``*_detailed`` operation inside `translate_errors()`,
check the status and the parsed type, and return the parsed model; `call` / `acall` return the
whole generated ``Response`` for operations whose body is not a model (redirects, text).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol, TypeVar, cast

import anyio
import attrs
import httpx

from kbapi._core.calls import ResponseLike, check_response, translate_errors
from kbapi._core.http import DEFAULT_RETRIES, DEFAULT_TIMEOUT, build_async_client, build_client
from kbapi._core.limits import DEFAULT_MAX_RESPONSE_BYTES
from kbapi._core.ratelimit import RateLimiter
from kbapi._core.retry import RetryPolicy

R = TypeVar("R", bound=ResponseLike)
T = TypeVar("T")
G = TypeVar("G", bound="Wirable")


class Wirable(Protocol):
    """What every generated ``Client`` offers for swapping in our httpx clients."""

    def set_httpx_client(self, client: httpx.Client) -> Any: ...

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Any: ...


@attrs.frozen(kw_only=True)
class TransportOptions:
    """How a kbapi client talks HTTP; the defaults are the production policy.

    `transport` / `async_transport` replace the network layer under the retry and size-cap
    layers (tests, `httpx.MockTransport`); `rate_limiter` paces every attempt; `sleep` /
    `async_sleep` are what the retry layer waits with (tests record or skip the waits).
    """

    timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT
    retries: RetryPolicy | None = DEFAULT_RETRIES
    headers: Mapping[str, str] = attrs.field(factory=dict)
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    rate_limiter: RateLimiter | None = None
    transport: httpx.BaseTransport | None = None
    async_transport: httpx.AsyncBaseTransport | None = None
    sleep: Callable[[float], None] = time.sleep
    async_sleep: Callable[[float], Awaitable[None]] = anyio.sleep

    def sync_client(
        self, base_url: str = "", auth: httpx.Auth | None = None, *, follow_redirects: bool = False
    ) -> httpx.Client:
        """A new `httpx.Client` for `base_url` with this policy."""
        return build_client(
            base_url,
            timeout=self.timeout,
            retries=self.retries,
            headers=self.headers,
            auth=auth,
            follow_redirects=follow_redirects,
            max_response_bytes=self.max_response_bytes,
            transport=self.transport,
            rate_limiter=self.rate_limiter,
            sleep=self.sleep,
        )

    def async_client(
        self, base_url: str = "", auth: httpx.Auth | None = None, *, follow_redirects: bool = False
    ) -> httpx.AsyncClient:
        """A new `httpx.AsyncClient` for `base_url` with this policy."""
        return build_async_client(
            base_url,
            timeout=self.timeout,
            retries=self.retries,
            headers=self.headers,
            auth=auth,
            follow_redirects=follow_redirects,
            max_response_bytes=self.max_response_bytes,
            transport=self.async_transport,
            rate_limiter=self.rate_limiter,
            sleep=self.async_sleep,
        )


def wire(generated: G, http: httpx.Client | httpx.AsyncClient) -> G:
    """Make the generated client send through `http` (sync or async) and return it."""
    if isinstance(http, httpx.AsyncClient):
        generated.set_async_httpx_client(http)
    else:
        generated.set_httpx_client(http)
    return generated


def call(operation: Callable[..., R], *args: Any, ok: tuple[int, ...] = (200,), **kwargs: Any) -> R:
    """Run a generated ``sync_detailed`` operation; raise kbapi errors unless its status is ok."""
    with translate_errors(ok) as record:
        response = operation(*args, **kwargs)
    return check_response(response, ok, record=record)


async def acall(
    operation: Callable[..., Awaitable[R]],
    *args: Any,
    ok: tuple[int, ...] = (200,),
    **kwargs: Any,
) -> R:
    """Async twin of `call`, for ``asyncio_detailed`` operations."""
    with translate_errors(ok) as record:
        response = await operation(*args, **kwargs)
    return check_response(response, ok, record=record)


def parsed(
    operation: Callable[..., Any],
    *args: Any,
    expect: type[T],
    ok: tuple[int, ...] = (200,),
    **kwargs: Any,
) -> T:
    """Run a generated ``sync_detailed`` operation and return its parsed body as `expect`.

    A body the generated client parsed into something else (an error model, None, a raw dict
    from a lenient union) raises `APIResponseValidationError`.
    """
    with translate_errors(ok) as record:
        response = operation(*args, **kwargs)
    return cast(T, check_response(response, ok, expect=expect, record=record).parsed)


async def aparsed(
    operation: Callable[..., Awaitable[Any]],
    *args: Any,
    expect: type[T],
    ok: tuple[int, ...] = (200,),
    **kwargs: Any,
) -> T:
    """Async twin of `parsed`, for ``asyncio_detailed`` operations."""
    with translate_errors(ok) as record:
        response = await operation(*args, **kwargs)
    return cast(T, check_response(response, ok, expect=expect, record=record).parsed)
