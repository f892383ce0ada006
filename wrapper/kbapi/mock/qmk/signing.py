"""Presigned download URLs, S3 style: `/files/<id>/<name>?expires=<epoch>&signature=<hmac>`."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import quote, urlencode
from xml.sax.saxutils import escape


class URLSigner:
    """Signs and checks download paths with a per-app random secret."""

    def __init__(self, ttl: float, secret: bytes | None = None) -> None:
        self._ttl = ttl
        self._secret = secret if secret is not None else secrets.token_bytes(32)

    def _signature(self, key: str, expires: int) -> str:
        message = f"{key}\n{expires}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def sign(self, job_id: str, name: str, now: float) -> str:
        """Return the signed path (with query) for object `<job_id>/<name>`."""
        expires = int(now + self._ttl)
        query = urlencode(
            {"expires": expires, "signature": self._signature(f"{job_id}/{name}", expires)}
        )
        return f"/files/{quote(job_id, safe='')}/{quote(name, safe='')}?{query}"

    def check(self, job_id: str, name: str, expires: str, signature: str, now: float) -> str | None:
        """Return None if the URL is valid, else the S3 error message."""
        try:
            deadline = int(expires)
        except ValueError:
            return "Query-string authentication requires the Signature and Expires parameters"
        expected = self._signature(f"{job_id}/{name}", deadline)
        if not hmac.compare_digest(expected, signature):
            return "The request signature we calculated does not match the signature you provided."
        if now > deadline:
            return "Request has expired"
        return None


def s3_error_xml(code: str, message: str, key: str) -> str:
    """An S3-style XML error document."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<Error><Code>{escape(code)}</Code><Message>{escape(message)}</Message>"
        f"<Key>{escape(key)}</Key><RequestId>mock</RequestId></Error>"
    )
