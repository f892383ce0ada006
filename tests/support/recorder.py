"""An ASGI wrapper that counts what reaches a mock: requests, statuses, concurrency.

    recorder = Recorder(create_local_app(), v2=False)   # v2=False: answer /api/2.0 with 404
    with serve(recorder) as url:
        ...
    recorder.count(status=429)

It sees the requests exactly as the server does (after every client-side retry), so tests can
assert that no 429 was ever produced, how many requests a paint made, or how many ran at once.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

EXPRESS_404 = (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n'
    "</head>\n<body>\n<pre>Cannot {method} {path}</pre>\n</body>\n</html>\n"
)


@dataclass(frozen=True)
class Hit:
    """One request as the server answered it."""

    method: str
    path: str
    status: int


class Recorder:
    """Wrap `app`; record every request; optionally pretend there is no v2 API.

    `delay` (seconds) holds every request before the app sees it, so that concurrent requests
    overlap and `max_in_flight` shows how many a client really runs at once.
    """

    def __init__(self, app: App, *, v2: bool = True, delay: float = 0.0) -> None:
        self.app = app
        self.v2 = v2
        self.delay = delay
        self.hits: list[Hit] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()

    def reset(self) -> None:
        """Forget what was recorded."""
        with self._lock:
            self.hits.clear()
            self.in_flight = 0
            self.max_in_flight = 0

    def count(
        self, *, method: str | None = None, path: str | None = None, status: int | None = None
    ) -> int:
        """How many recorded requests match all the given filters (path: prefix)."""
        with self._lock:
            return sum(
                1
                for hit in self.hits
                if (method is None or hit.method == method)
                and (path is None or hit.path.startswith(path))
                and (status is None or hit.status == status)
            )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method, path = scope["method"], scope["path"]
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

        async def recording_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                with self._lock:
                    self.hits.append(Hit(method, path, int(message["status"])))
            await send(message)

        try:
            if self.delay:
                await asyncio.sleep(self.delay)
            if not self.v2 and path.lower().startswith("/api/2.0"):
                await _express_404(method, path, recording_send)
            else:
                await self.app(scope, receive, recording_send)
        finally:
            with self._lock:
                self.in_flight -= 1


async def _express_404(method: str, path: str, send: Send) -> None:
    body = EXPRESS_404.format(method=method, path=path).encode()
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", b"%d" % len(body)),
    ]
    await send({"type": "http.response.start", "status": 404, "headers": headers})
    await send({"type": "http.response.body", "body": body})
