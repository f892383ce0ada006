"""The QMK service's CORS behaviour (flask-cors): every answer allows any origin."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.datastructures import State
from starlette.types import Message, Receive, Scope, Send


class CORSEverywhere:
    """Add `Access-Control-Allow-Origin: *` everywhere and answer preflights, like flask-cors."""

    def __init__(self, app: Starlette) -> None:
        self.app = app

    @property
    def state(self) -> State:
        """The wrapped app's state (`state.mock` is the `QMKMock`, like on the Q mock apps)."""
        return self.app.state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        if scope["method"] == "OPTIONS" and b"access-control-request-method" in headers:
            await self._preflight(headers, send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *message.get("headers", []),
                    (b"access-control-allow-origin", b"*"),
                ]
            await send(message)

        await self.app(scope, receive, send_with_cors)

    @staticmethod
    async def _preflight(headers: dict[bytes, bytes], send: Send) -> None:
        allow_headers = headers.get(b"access-control-request-headers", b"")
        response_headers = [
            (b"access-control-allow-origin", b"*"),
            (b"access-control-allow-methods", b"DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"),
            (b"content-length", b"0"),
        ]
        if allow_headers:
            response_headers.append((b"access-control-allow-headers", allow_headers))
        await send({"type": "http.response.start", "status": 200, "headers": response_headers})
        await send({"type": "http.response.body", "body": b""})
