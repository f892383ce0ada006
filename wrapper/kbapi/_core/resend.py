"""Reconcile before resending, without I/O: what to do after a POST may have been applied.

The transport resends a POST only when the server cannot have seen it (connect errors, 429).
After a dropped connection, a timeout or a 5xx, the server may have acted; resending blindly
could do the work twice, giving up loses work the server did. `ResendPlan.steps` decides:

- the POST succeeded: done;
- it failed in a way that proves nothing was applied (4xx, connect error): raise;
- it may have been applied and the API can show the result (`can_look`, e.g. Q signals):
  yield `LOOK`; the caller searches the server's state for what it sent and sends back the
  thing found (adopted, no resend) or None (resend);
- it may have been applied and there is nothing to look at (QMK compile jobs): resend, and count
  the resend in `Outcome.extra`, the possible duplicates the caller accepts.

At most `resends` resends; the last ambiguous error is raised with a note saying what was done.
`drive` in `kbapi._core.async_reconcile` (and its sync twin) runs the steps for both faces.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, fields
from typing import Final, Generic, TypeVar

from kbapi._core.errors import APIConnectionError, APIStatusError, APITimeoutError, KbapiError
from kbapi._core.frozen import frozen_instance
from kbapi._core.retry import NOT_SENT_ERRORS

T = TypeVar("T")

SEND: Final = "send"
LOOK: Final = "look"
# 5xx after which the server may have done the work before failing (or a proxy gave up on it).
MAYBE_APPLIED_STATUSES: Final = frozenset({500, 502, 503, 504})


def may_have_applied(error: BaseException) -> bool:
    """True if the server may have acted on the request that raised `error`."""
    if isinstance(error, APIStatusError):
        return error.status_code in MAYBE_APPLIED_STATUSES
    if isinstance(error, APIConnectionError | APITimeoutError):
        return not isinstance(error.__cause__, NOT_SENT_ERRORS)
    return False


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a reconciled POST gave: the value, how many sends, and what happened on the way."""

    value: T
    sends: int = 1
    adopted: bool = False
    extra: int = 0
    ambiguous: tuple[str, ...] = ()

    @classmethod
    def first_send(cls, value: T) -> Outcome[T]:
        """``Outcome(value)``: the first send worked (the common case, made on every send)."""
        return frozen_instance(cls, {"value": value} | _OUTCOME_DEFAULTS)


# The defaults of every field but `value`, read from the class so first_send cannot drift.
_OUTCOME_DEFAULTS: Final = {f.name: f.default for f in fields(Outcome) if f.name != "value"}


Step = Generator[str, object, Outcome[T]]


@dataclass(frozen=True)
class ResendPlan:
    """`resends` resends at most; `can_look` if the server's state shows a POST's result."""

    can_look: bool
    resends: int = 2

    def steps(self) -> Step[T]:
        """Yield `SEND` (receive the value or the `KbapiError`) or `LOOK` (receive the thing
        found, None, or the `KbapiError` of the look); return the `Outcome`."""
        seen: list[str] = []
        extra = 0
        for sends in range(1, self.resends + 2):
            result = yield SEND
            if not isinstance(result, KbapiError):
                return Outcome(result, sends, False, extra, tuple(seen))  # type: ignore[arg-type]
            if not may_have_applied(result):
                raise result
            seen.append(_kind(result))
            if self.can_look:
                found = yield LOOK
                if isinstance(found, KbapiError):
                    result.add_note(f"kbapi: could not check whether it was applied: {found}")
                    raise result
                if found is not None:
                    return Outcome(found, sends, True, extra, tuple(seen))  # type: ignore[arg-type]
            if sends > self.resends:
                result.add_note(_gave_up(sends, self.can_look))
                raise result
            if not self.can_look:
                extra += 1
        raise AssertionError("unreachable: the last send returns or raises")


def _kind(error: KbapiError) -> str:
    if isinstance(error, APIStatusError):
        return str(error.status_code)
    return type(error).__name__


def _gave_up(sends: int, looked: bool) -> str:
    checked = "and the server shows no result of it" if looked else "(nothing to check)"
    return f"kbapi: sent {sends} times, each may have been applied {checked}"
