"""The recorded exchanges of the real qmk_api (tests/fixtures/recorded/qmk/, tools/record_qmk.py).

`fixtures()` loads them; `ReplayServer` answers their requests with their responses, in the order
the server gave them, so that our clients can be pointed at what the real server said.
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response

from tests.support.recorder import Receive, Scope, Send

RECORDED = Path(__file__).resolve().parents[1] / "fixtures" / "recorded" / "qmk"
# Order of the answers to one request path: a job's statuses as they came (`unknown` was seen
# between `running` and `finished`).
STATE_ORDER = {"queued": 0, "running": 1, "unknown": 2, "finished": 3, "failed": 3, "expired": 4}
STORAGE_PREFIX = "/storage"


@cache
def _load_all() -> tuple[dict[str, Any], ...]:
    return tuple(
        json.loads(path.read_text(encoding="utf-8")) for path in sorted(RECORDED.glob("*.json"))
    )


def fixtures() -> list[dict[str, Any]]:
    """Every recorded exchange (fresh copies)."""
    return [json.loads(json.dumps(fixture)) for fixture in _load_all()]


def fixture(name: str) -> dict[str, Any]:
    """One recorded exchange by file stem."""
    return next(f for f in fixtures() if f["name"] == name)


def body_bytes(response: dict[str, Any]) -> bytes:
    """The recorded body as the server sent it (JSON re-serialised compactly)."""
    if "json" in response:
        return (json.dumps(response["json"], separators=(",", ":")) + "\n").encode()
    return str(response.get("text", "")).encode()


def job_id(fixture: dict[str, Any]) -> str:
    """The job id in a recorded `/v1/compile/{id}...` path."""
    return str(fixture["request"]["path"].split("/")[3])


class ReplayServer:
    """An ASGI app answering recorded GETs in recorded order (the last answer repeats).

    Redirects to the recorded storage host point at `/storage/...` here instead, answered with
    the storage's recorded status and type (and a body of the recorded size).
    """

    def __init__(self, recorded: list[dict[str, Any]]) -> None:
        answers: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        ordered = sorted(recorded, key=lambda f: STATE_ORDER.get(str(f.get("state")), 3))
        for item in ordered:
            request = item["request"]
            answers[(request["method"], request["path"])].append(item)
        self.answers = dict(answers)
        self.storage: dict[str, dict[str, Any]] = {}
        self.hits: list[tuple[str, str]] = []

    def _respond(self, item: dict[str, Any]) -> Response:
        recorded = item["response"]
        headers = dict(recorded["headers"])
        location = headers.get("location")
        if location and "storage" in item:
            path = STORAGE_PREFIX + urlsplit(location).path
            self.storage[path] = item["storage"]
            headers["location"] = path
        return Response(body_bytes(recorded), recorded["status"], headers=headers)

    def _storage(self, path: str) -> Response:
        stored = self.storage.get(path)
        if stored is None:
            return Response(b"", 404)
        body = b"x" * stored["bytes"] if stored["status"] == 200 else stored["text"].encode()
        return Response(body, stored["status"], media_type=stored["content_type"])

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        method, path = request.method, request.url.path
        self.hits.append((method, path))
        if path.startswith(STORAGE_PREFIX):
            response = self._storage(path)
        else:
            queue = self.answers.get((method, path))
            if not queue:
                response = Response(b"not recorded", 599)
            else:
                response = self._respond(queue.pop(0) if len(queue) > 1 else queue[0])
        await response(scope, receive, send)

    def count(self, path: str) -> int:
        """Requests made for `path`."""
        return sum(1 for _, hit in self.hits if hit == path)
