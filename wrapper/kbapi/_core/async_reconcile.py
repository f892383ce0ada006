"""Drive a `ResendPlan` (kbapi._core.resend): send a POST, look before resending it.

    outcome = await drive(ResendPlan(can_look=True), send, look)

`send()` makes the request once; `look()` searches the server's state for what was sent and
returns it or None. Both raise kbapi errors, which are handed to the plan to decide.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from kbapi._core.errors import KbapiError
from kbapi._core.resend import SEND, Outcome, ResendPlan, Step

T = TypeVar("T")


async def drive(
    plan: ResendPlan,
    send: Callable[[], Awaitable[T]],
    look: Callable[[], Awaitable[T | None]] | None = None,
) -> Outcome[T]:
    """Run `plan` with `send` and `look` (needed when ``plan.can_look``); return its outcome."""
    result: object
    try:
        return Outcome.first_send(await send())  # the common case: nothing to decide
    except KbapiError as exc:
        result = exc
    steps: Step[T] = plan.steps()
    first = next(steps)
    assert first == SEND, "a plan starts with a send"
    while True:
        try:
            step = steps.send(result)
        except StopIteration as done:
            outcome: Outcome[T] = done.value
            return outcome
        action = send if step == SEND else look
        assert action is not None, "a plan that looks needs look()"
        try:
            result = await action()
        except KbapiError as exc:
            result = exc
