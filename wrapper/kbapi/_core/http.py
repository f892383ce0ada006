"""The HTTP defaults of every kbapi client: timeout, retry policy, User-Agent, no server cookies.

`build_client` / `build_async_client` (in `kbapi._core.transport` / `async_transport`) use them.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from http.cookiejar import CookieJar
from typing import Any, Final

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


class ServerCookiesIgnored(CookieJar):
    """A cookie jar that keeps no cookie a server sets; cookies set on it by hand are sent.

    Neither API uses cookies (the real qmk_api at f5e9a630 has no session or cookie code), and
    their clients keep none: run against a mock that set a cookie on every answer, the Das
    Keyboard applet, py5Q and the Go client never sent one back
    (tests/fixtures/recorded/daskeyboard/); the QMK Configurator calls api.qmk.fm cross-origin
    with `fetch`'s default credentials mode, which neither stores nor sends cookies. Reading
    every ``Set-Cookie`` as httpx's default jar does costs about 3 % of a poll's client CPU.
    """

    def extract_cookies(self, response: Any, request: Any) -> None:
        """Keep nothing from `response`."""
