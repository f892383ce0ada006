"""Remember the last request/response of the current call, so parse errors can say what failed.

`calls.translate_errors()` opens a record; the kbapi transports fill it. Context variables keep
concurrent threads and asyncio tasks apart.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Final

import httpx


class CallRecord:
    """What the transport saw for the call in progress (latest attempt wins).

    A plain class whose defaults are class attributes: every API call makes one, and with no
    `__init__` to run, making one costs about 100 ns.
    """

    method: str | None = None
    url: httpx.URL | None = None
    response: httpx.Response | None = None
    retries: int = 0

    def __repr__(self) -> str:
        return (
            f"CallRecord(method={self.method!r}, url={self.url!r}, "
            f"response={self.response!r}, retries={self.retries!r})"
        )


_CURRENT: ContextVar[CallRecord | None] = ContextVar("kbapi_call_record", default=None)
close_record: Final = _CURRENT.reset
"""Close the record a `recording` block opened, given its token (what its `__exit__` does)."""


def current_call() -> CallRecord | None:
    """The record opened by the innermost `recording()` block of this context, if any."""
    return _CURRENT.get()


class recording:
    """Open a fresh `CallRecord` for the duration of the block.

    A class rather than a generator-based context manager: it wraps every API call, and a
    generator costs a frame and two extra calls each time.
    """

    __slots__ = ("_token", "record")

    def __enter__(self) -> CallRecord:
        self.record = record = CallRecord()
        self._token = _CURRENT.set(record)
        return record

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        close_record(self._token)


def note_request(request: httpx.Request) -> None:
    """Store the request target in the current record, if one is open."""
    record = _CURRENT.get()
    if record is not None:
        record.method = request.method
        record.url = request.url


def note_response(request: httpx.Request, response: httpx.Response, retries: int) -> None:
    """Store the final response of an attempt loop in the current record, if one is open."""
    record = _CURRENT.get()
    if record is not None:
        record.method = request.method
        record.url = request.url
        record.response = response
        record.retries = retries
