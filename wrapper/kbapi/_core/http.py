"""The HTTP defaults of every kbapi client: timeout, retry policy, User-Agent.

`build_client` / `build_async_client` (in `kbapi._core.transport` / `async_transport`) use them.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Final

import httpx

from kbapi._core.retry import DEFAULT_POLICY
from kbapi._version import __version__

DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)
DEFAULT_RETRIES: Final = DEFAULT_POLICY


def user_agent() -> str:
    """``kbapi/<version> python/<x.y> httpx/<version>``."""
    py = f"{sys.version_info.major}.{sys.version_info.minor}"
    return f"kbapi/{__version__} python/{py} httpx/{httpx.__version__}"


def merged_headers(headers: Mapping[str, str] | None) -> httpx.Headers:
    """Our User-Agent, then `headers` (which may replace it)."""
    merged = httpx.Headers({"User-Agent": user_agent()})
    merged.update(headers or {})
    return merged
