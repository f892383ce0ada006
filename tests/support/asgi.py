"""ASGI helpers for tests: record what reached a server."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Any, Any], Awaitable[None]]


class RequestLog:
    """Wrap an ASGI app and remember ``(method, path)`` of every HTTP request it receives."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.requests: list[tuple[str, str]] = []

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            self.requests.append((scope["method"], scope["path"]))
        await self.app(scope, receive, send)

    def count(self, method: str, path_prefix: str = "") -> int:
        """How many `method` requests had a path starting with `path_prefix`."""
        return sum(1 for m, p in self.requests if m == method and p.startswith(path_prefix))
