"""Turn the exact request we sent into a copy-pasteable `curl` line (credentials redacted)."""

from __future__ import annotations

import shlex
from collections.abc import Iterable

import httpx

from kbapi._core.redact import REDACTED, redact_headers

# Headers every client adds by itself; leaving them out keeps the line readable.
_NOISE = frozenset(
    {"accept-encoding", "connection", "user-agent", "content-length", "host", "accept"}
)
_INTERNAL_PREFIX = "x-schemathesis-"


def curl_line(
    request: httpx.Request, *, show_secrets: bool = False, secrets: Iterable[str] = ()
) -> str:
    """A `curl` command reproducing `request`; credentials are masked unless `show_secrets`."""
    headers = {
        name: value
        for name, value in request.headers.items()
        if name.lower() not in _NOISE and not name.lower().startswith(_INTERNAL_PREFIX)
    }
    if not show_secrets:
        headers = redact_headers(headers)
    parts = ["curl", "-X", request.method]
    for name, value in headers.items():
        parts += ["-H", f"{_title(name)}: {value}"]
    body = request.content
    if body:
        parts += ["--data-binary", body.decode("utf-8", errors="replace")]
    parts.append(str(request.url))
    line = shlex.join(parts)
    if not show_secrets:
        for secret in secrets:
            if secret:
                line = line.replace(secret, REDACTED)
    return line


def _title(name: str) -> str:
    return "-".join(word.capitalize() for word in name.split("-"))
