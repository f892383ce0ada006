"""Keep secrets out of logs, reprs and error messages: headers, URLs, bodies, `Secret`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, Final
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

REDACTED: Final = "**********"

SENSITIVE_HEADERS: Final = frozenset(
    {"authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie"}
)
SENSITIVE_PARAMS: Final = frozenset(
    {
        "apikey",
        "api_key",
        "api-key",
        "key",
        "token",
        "access_token",
        "refresh_token",
        "id_token",
        "code",
        "client_secret",
        "password",
        "secret",
        "sig",
        "signature",
        "x-amz-signature",
        "x-amz-credential",
    }
)
# JSON and form bodies: the same names, less those that name ordinary fields there (a keymap's
# custom keycodes have a `key`) or appear only in URLs (signatures, the header-style api-key).
SENSITIVE_BODY_KEYS: Final = SENSITIVE_PARAMS - {
    "api-key",
    "key",
    "sig",
    "signature",
    "x-amz-signature",
    "x-amz-credential",
}


class Secret:
    """A string whose `repr` and `str` never show the value; call `get_secret_value()` to use it."""

    __slots__ = ("_value",)

    def __init__(self, value: str | Secret) -> None:
        self._value = value.get_secret_value() if isinstance(value, Secret) else str(value)

    def get_secret_value(self) -> str:
        """Return the wrapped value. Only call this where the value is sent, never to print it."""
        return self._value

    def __repr__(self) -> str:
        return f"Secret('{REDACTED}')"

    def __str__(self) -> str:
        return REDACTED

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Secret):
            return self._value == other._value
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __reduce__(self) -> Any:
        # Pickling would carry the plain value into files or other processes.
        raise TypeError("a Secret cannot be pickled")


def as_secret(value: str | Secret) -> Secret:
    """Wrap `value` in a `Secret` (idempotent)."""
    return value if isinstance(value, Secret) else Secret(value)


def redact_headers(
    headers: httpx.Headers | Mapping[str, str] | Iterable[tuple[str, str]],
) -> dict[str, str]:
    """Return a copy of `headers` with credential-bearing values replaced by `REDACTED`."""
    items = headers.items() if isinstance(headers, (httpx.Headers, Mapping)) else headers
    return {
        name: (REDACTED if name.lower() in SENSITIVE_HEADERS else value) for name, value in items
    }


def redact_url(url: str | httpx.URL) -> str:
    """Return `url` with userinfo and sensitive query parameter values replaced."""
    parts = urlsplit(str(url))
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{REDACTED}@{netloc.rsplit('@', 1)[1]}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode(
            [(k, REDACTED if k.lower() in SENSITIVE_PARAMS else v) for k, v in pairs], safe="*"
        )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def redact_body(data: Any) -> Any:
    """Return a deep copy of decoded JSON `data` with the values of sensitive keys replaced."""
    if isinstance(data, Mapping):
        return {
            k: (REDACTED if str(k).lower() in SENSITIVE_BODY_KEYS else redact_body(v))
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [redact_body(v) for v in data]
    return data


def redact_text(text: str) -> str:
    """Redact a raw body: JSON objects and form-encoded bodies are cleaned, other text is kept."""
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        try:
            decoded = json.loads(stripped)
        except (ValueError, RecursionError):
            return text
        return json.dumps(redact_body(decoded))
    if "=" in stripped and " " not in stripped and "\n" not in stripped:
        pairs = parse_qsl(stripped, keep_blank_values=True)
        if pairs:
            cleaned = [(k, REDACTED if k.lower() in SENSITIVE_BODY_KEYS else v) for k, v in pairs]
            return urlencode(cleaned, safe="*")
    return text
