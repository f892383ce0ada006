"""Wire generated clients to kbapi's transport policy.

    options = TransportOptions(timeout=10)
    api = wire(Client(base_url=url), options.sync_client(url))
    job = parsed(get_compile_job.sync_detailed, job_id, client=api, expect=CompileJob)

`parsed` / `call` (and `aparsed` / `acall`) are in `kbapi._core.ops` (`async_ops`); they are
re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

import httpx

from kbapi._core.async_ops import acall, aparsed
from kbapi._core.http import DEFAULT_RETRIES, DEFAULT_TIMEOUT
from kbapi._core.limits import DEFAULT_MAX_RESPONSE_BYTES
from kbapi._core.ops import call, parsed
from kbapi._core.ratelimit import RateLimiter
from kbapi._core.retry import RetryPolicy
from kbapi._core.timing import AsyncSleep, Sleep, async_default_sleep, default_sleep
from kbapi._core.transport import build_client

__all__ = ["TransportOptions", "Wirable", "acall", "aparsed", "call", "parsed", "wire"]

G = TypeVar("G", bound="Wirable")


class Wirable(Protocol):
    """What every generated ``Client`` offers for swapping in our httpx clients."""

    def set_httpx_client(self, client: httpx.Client) -> Any: ...

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Any: ...


@dataclass(frozen=True, kw_only=True)
class TransportOptions:
    """How a kbapi client talks HTTP; the defaults are the production policy.

    `transport` / `async_transport` replace the network layer under the retry and size-cap
    layers (tests, `httpx.MockTransport`); `rate_limiter` paces every attempt; `sleep` /
    `async_sleep` are what the retry layer waits with (tests record or skip the waits).
    """

    # httpx.Timeout is unhashable, which dataclasses take for mutable: hence the factory.
    timeout: httpx.Timeout | float | None = field(default_factory=lambda: DEFAULT_TIMEOUT)
    retries: RetryPolicy | None = DEFAULT_RETRIES
    headers: Mapping[str, str] = field(default_factory=dict)
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    rate_limiter: RateLimiter | None = None
    transport: httpx.BaseTransport | None = None
    async_transport: httpx.AsyncBaseTransport | None = None
    sleep: Sleep = default_sleep
    async_sleep: AsyncSleep = async_default_sleep

    # DESIGN: sync_client and async_client are written out twice on purpose: each hands its own
    # builder its own transport and sleep types, checked argument by argument by mypy.
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
        from kbapi._core.async_transport import build_async_client  # only async users load it

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
