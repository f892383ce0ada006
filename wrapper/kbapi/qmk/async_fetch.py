"""Stream a compile artifact from its storage URL into a folder (see `kbapi.qmk.downloads`).

The chunks go to disk with plain writes as they arrive, so memory stays flat whatever the
artifact's size (each kind has its own cap, `kbapi.qmk.downloads.ARTIFACT_LIMITS`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import httpx

from kbapi._core.calls import translate_errors
from kbapi._core.errors import raise_for_status
from kbapi._core.limits import DEFAULT_MAX_RESPONSE_BYTES, LIMIT_EXTENSION
from kbapi._core.retry import STREAM_EXTENSION
from kbapi.qmk.downloads import AtomicFile, choose_name, declared_length, target_path

BODY_ATTEMPTS: Final = 3


class _BodyBrokeOff(Exception):
    """The headers arrived, then the connection failed: worth fetching the file again."""


async def asave(
    http: httpx.AsyncClient,
    url: httpx.URL,
    folder: Path,
    expected: str | None,
    max_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
) -> Path:
    """Stream `url` into `folder` and return the file's path (written atomically, safe name).

    `expected` is the file name the job result announced. A body that breaks off after the
    headers is fetched again, up to `BODY_ATTEMPTS` times in all (failures before the headers
    are the transport's to retry; a presigned GET is safe to repeat). A body past `max_bytes`
    (the artifact kind's cap) raises `ResponseTooLargeError`.
    """
    for attempt in range(1, BODY_ATTEMPTS + 1):
        try:
            with translate_errors():
                again = attempt < BODY_ATTEMPTS
                return await _save_once(http, url, folder, expected, max_bytes, again)
        except _BodyBrokeOff:
            continue
    raise AssertionError("unreachable: the last attempt raises instead")


async def _save_once(
    http: httpx.AsyncClient,
    url: httpx.URL,
    folder: Path,
    expected: str | None,
    max_bytes: int,
    again: bool,
) -> Path:
    extensions = {STREAM_EXTENSION: True, LIMIT_EXTENSION: max_bytes}
    async with http.stream("GET", url, extensions=extensions) as response:
        if response.status_code >= 400:
            await response.aread()  # the error body, for the exception's message
        raise_for_status(response)
        target = target_path(folder, choose_name(expected, response.headers, response.url))
        with AtomicFile(target, declared_length(response.headers)) as out:
            try:
                async for chunk in response.aiter_bytes():
                    out.write(chunk)
            except httpx.TransportError:
                if again:
                    raise _BodyBrokeOff from None
                raise
    return target
