"""The Q clients' arguments checked, and what the constructors build from them (no I/O).

`QClient` and `AsyncQClient` share these: where `from_env` finds its URL and key, the auth an
API key makes, the transport policy (timeout, shared local rate limiter), the layout of a tag,
and the checks of epochs, page sizes and concurrency.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from datetime import datetime
from typing import Final

import httpx

from kbapi._core.client import TransportOptions
from kbapi._core.credentials import ApiKeyAuth
from kbapi._core.errors import InputError
from kbapi._core.ratelimit import RateLimiter
from kbapi._core.redact import Secret
from kbapi._core.text import shown
from kbapi.daskeyboard.options import LayoutLike, LimiterChoice
from kbapi.daskeyboard.targets import (
    API_KEY_HEADER,
    CLOUD_URL,
    DEFAULT_CONCURRENCY,
    DEFAULT_LOCAL_URL,
    TargetKind,
    shared_local_limiter,
)
from kbapi.daskeyboard.zones import Layout, get_layout

ENV_URL: Final = "KBAPI_Q_URL"
ENV_API_KEY: Final = "KBAPI_Q_API_KEY"


def env_target(
    base_url: str | None, api_key: str | Secret | None, environ: Mapping[str, str] | None
) -> tuple[str, str | Secret | None]:
    """``(url, api key)`` for `from_env`: the arguments, else ``KBAPI_Q_URL`` and
    ``KBAPI_Q_API_KEY``, else the default host of the target (cloud when there is a key)."""
    env = os.environ if environ is None else environ
    key = api_key if api_key is not None else (env.get(ENV_API_KEY) or None)
    url = base_url or env.get(ENV_URL) or (CLOUD_URL if key else DEFAULT_LOCAL_URL)
    return url, key


def resolve_layout(layout: LayoutLike, device: str) -> Layout:
    """A `Layout` from a tag (on `device`) or a `Layout` itself."""
    if isinstance(layout, Layout):
        return layout
    return get_layout(layout, device)


def transport_options(
    target: TargetKind,
    base_url: str,
    http_options: TransportOptions | None,
    timeout: httpx.Timeout | float | None,
    rate_limiter: LimiterChoice,
) -> TransportOptions:
    """The client's transport policy: `http_options` (or the defaults), `timeout` if given,
    and locally the shared limiter that keeps every client of one app under its quota."""
    options = http_options or TransportOptions()
    if timeout is not None:
        options = dataclasses.replace(options, timeout=timeout)
    if options.rate_limiter is None and target == "local" and rate_limiter is not None:
        limiter = shared_local_limiter(base_url) if rate_limiter == "shared" else rate_limiter
        options = dataclasses.replace(options, rate_limiter=limiter)
    elif isinstance(rate_limiter, RateLimiter) and options.rate_limiter is None:
        options = dataclasses.replace(options, rate_limiter=rate_limiter)
    return options


def make_auth(api_key: str | Secret | None, auth: httpx.Auth | None) -> httpx.Auth | None:
    """`auth`, or an `X-API-KEY` auth for `api_key`; never both."""
    if api_key is not None and auth is not None:
        raise InputError("give api_key or auth, not both")
    if api_key is None:
        return auth
    if not isinstance(api_key, str | Secret) or not api_key:
        raise InputError("api_key must be a non-empty string")
    return ApiKeyAuth(API_KEY_HEADER, api_key)


def epoch_millis(when: int | datetime) -> int:
    """Epoch milliseconds for an int (taken as milliseconds already) or an aware datetime."""
    if isinstance(when, datetime):
        if when.tzinfo is None:
            raise InputError("datetime must be timezone-aware (e.g. datetime.now(UTC))")
        return int(when.timestamp() * 1000)
    if isinstance(when, bool) or not isinstance(when, int) or when < 0:
        raise InputError(f"epoch must be milliseconds since 1970 (int >= 0), got {shown(when, 40)}")
    return when


def check_page_size(size: int) -> int:
    """A page size between 1 and 1000."""
    if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= 1000:
        raise InputError(f"size must be an int from 1 to 1000, got {shown(size, 40)}")
    return size


def check_concurrency(value: int | None, target: TargetKind) -> int:
    """`max_concurrency` checked (1-64), else the default of `target`."""
    if value is None:
        return DEFAULT_CONCURRENCY[target]
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 64:
        raise InputError(f"max_concurrency must be an int from 1 to 64, got {shown(value, 40)}")
    return value
