# Generated from wrapper/kbapi/qmk/async_fetch.py by tools/unasync.py: do not edit.
# Change the async source and run `make generate`.
"""Stream a compile artifact from its storage URL into a folder (see `kbapi.qmk.downloads`).

The chunks go to disk with plain writes: artifacts are firmware-sized (well under the response
cap), so a write never holds an event loop for long.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import httpx

from kbapi._core.calls import translate_errors
from kbapi._core.errors import raise_for_status
from kbapi._core.retry import STREAM_EXTENSION
from kbapi.qmk.downloads import AtomicFile, choose_name, target_path

BODY_ATTEMPTS: Final = 3
_STREAMED: Final = {STREAM_EXTENSION: True}


class _BodyBrokeOff(Exception):
    """The headers arrived, then the connection failed: worth fetching the file again."""


def save(http: httpx.Client, url: httpx.URL, folder: Path, expected: str | None) -> Path:
    """Stream `url` into `folder` and return the file's path (written atomically, safe name).

    `expected` is the file name the job result announced. A body that breaks off after the
    headers is fetched again, up to `BODY_ATTEMPTS` times in all (failures before the headers
    are the transport's to retry; a presigned GET is safe to repeat).
    """
    for attempt in range(1, BODY_ATTEMPTS + 1):
        try:
            with translate_errors():
                return _save_once(http, url, folder, expected, attempt < BODY_ATTEMPTS)
        except _BodyBrokeOff:
            continue
    raise AssertionError("unreachable: the last attempt raises instead")


def _save_once(
    http: httpx.Client, url: httpx.URL, folder: Path, expected: str | None, again: bool
) -> Path:
    with http.stream("GET", url, extensions=_STREAMED) as response:
        if response.status_code >= 400:
            response.read()  # the error body, for the exception's message
        raise_for_status(response)
        target = target_path(folder, choose_name(expected, response.headers, response.url))
        with AtomicFile(target) as out:
            try:
                for chunk in response.iter_bytes():
                    out.write(chunk)
            except httpx.TransportError:
                if again:
                    raise _BodyBrokeOff from None
                raise
    return target
