"""The reconcile rule without I/O: `ResendPlan.steps` and `may_have_applied`."""

from __future__ import annotations

import dataclasses

import httpx
import pytest
from kbapi._core.errors import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    BadRequestError,
    InputError,
    InternalServerError,
    KbapiError,
    RateLimitError,
)
from kbapi._core.resend import LOOK, SEND, Outcome, ResendPlan, may_have_applied


def connection_error(cause: Exception) -> APIConnectionError:
    error = APIConnectionError("connection failed")
    error.__cause__ = cause
    return error


def timeout_error(cause: Exception) -> APITimeoutError:
    error = APITimeoutError("timed out")
    error.__cause__ = cause
    return error


def test_which_failures_may_have_been_applied() -> None:
    assert may_have_applied(InternalServerError(500))
    assert may_have_applied(InternalServerError(503))
    assert may_have_applied(connection_error(httpx.RemoteProtocolError("peer closed")))
    assert may_have_applied(timeout_error(httpx.ReadTimeout("read")))
    assert not may_have_applied(connection_error(httpx.ConnectError("refused")))
    assert not may_have_applied(timeout_error(httpx.ConnectTimeout("connect")))
    assert not may_have_applied(BadRequestError(400))
    assert not may_have_applied(RateLimitError(429))


def run(plan: ResendPlan, answers: list[object]) -> tuple[list[str], Outcome[object]]:
    """Drive `plan`, answering each step from `answers`; return the steps seen and the outcome."""
    steps = plan.steps()
    seen = [next(steps)]
    try:
        for answer in answers:
            seen.append(steps.send(answer))
    except StopIteration as done:
        return seen, done.value
    raise AssertionError(f"the plan wants more than {answers}: {seen}")


def dropped() -> APIConnectionError:
    return connection_error(httpx.RemoteProtocolError("peer closed"))


def test_success_is_returned_at_once() -> None:
    seen, outcome = run(ResendPlan(can_look=True), ["signal"])
    assert seen == [SEND] and outcome == Outcome("signal", sends=1)


def test_an_applied_send_is_adopted_without_a_resend() -> None:
    seen, outcome = run(ResendPlan(can_look=True), [dropped(), "found"])
    assert seen == [SEND, LOOK]
    assert (outcome.value, outcome.adopted, outcome.sends) == ("found", True, 1)
    assert outcome.ambiguous == ("APIConnectionError",)


def test_a_send_not_found_is_resent() -> None:
    seen, outcome = run(ResendPlan(can_look=True), [InternalServerError(503), None, "signal"])
    assert seen == [SEND, LOOK, SEND]
    assert (outcome.value, outcome.adopted, outcome.sends, outcome.extra) == ("signal", False, 2, 0)


def test_without_anything_to_look_at_each_ambiguous_failure_is_resent_and_counted() -> None:
    seen, outcome = run(ResendPlan(can_look=False, resends=3), [dropped(), dropped(), "job"])
    assert seen == [SEND, SEND, SEND]
    assert (outcome.value, outcome.sends, outcome.extra) == ("job", 3, 2)


@pytest.mark.parametrize("error", [BadRequestError(400), connection_error(httpx.ConnectError("x"))])
def test_a_failure_that_proves_nothing_was_applied_is_raised(error: KbapiError) -> None:
    steps = ResendPlan(can_look=True).steps()
    assert next(steps) == SEND
    with pytest.raises(type(error)) as caught:
        steps.send(error)
    assert caught.value is error


def test_the_last_ambiguous_failure_is_raised_with_what_was_done() -> None:
    errors = [InternalServerError(500) for _ in range(3)]
    steps = ResendPlan(can_look=True, resends=2).steps()
    assert next(steps) == SEND
    with pytest.raises(InternalServerError) as caught:
        for error in errors:
            assert steps.send(error) == LOOK
            steps.send(None)
    assert caught.value is errors[-1]
    assert "sent 3 times" in caught.value.__notes__[-1]


def test_a_look_that_fails_raises_the_send_error_with_a_note() -> None:
    steps = ResendPlan(can_look=True).steps()
    next(steps)
    assert steps.send(dropped()) == LOOK
    with pytest.raises(APIConnectionError) as caught:
        steps.send(InternalServerError(500))
    assert "could not check" in caught.value.__notes__[-1]


def test_errors_that_are_neither_statuses_nor_connections_were_not_applied() -> None:
    assert not may_have_applied(APIResponseValidationError("bad body", status_code=200))
    assert not may_have_applied(InputError("bad colour"))


@pytest.mark.parametrize(("resends", "can_look"), [(0, False), (1, False), (0, True), (1, True)])
def test_the_number_of_sends_is_resends_plus_one(resends: int, can_look: bool) -> None:
    steps = ResendPlan(can_look=can_look, resends=resends).steps()
    last = dropped()
    with pytest.raises(APIConnectionError) as caught:
        assert next(steps) == SEND
        for _ in range(resends):
            if can_look:
                assert steps.send(dropped()) == LOOK
                assert steps.send(None) == SEND
            else:
                assert steps.send(dropped()) == SEND
        if can_look:
            assert steps.send(last) == LOOK
            steps.send(None)
        else:
            steps.send(last)
    assert caught.value is last
    checked = "and the server shows no result of it" if can_look else "(nothing to check)"
    assert caught.value.__notes__ == [
        f"kbapi: sent {resends + 1} times, each may have been applied {checked}"
    ]


@pytest.mark.parametrize(
    ("status", "applied"),
    [(500, True), (501, False), (502, True), (503, True), (504, True), (505, False)],
)
def test_which_server_errors_may_have_been_applied(status: int, applied: bool) -> None:
    assert may_have_applied(InternalServerError(status)) is applied


def test_by_default_a_post_is_resent_twice() -> None:
    steps = ResendPlan(can_look=False).steps()
    assert next(steps) == SEND
    assert steps.send(dropped()) == SEND
    assert steps.send(dropped()) == SEND
    with pytest.raises(APIConnectionError) as caught:
        steps.send(dropped())
    assert "sent 3 times" in caught.value.__notes__[-1]


def test_an_outcome_defaults_to_one_send_and_plans_and_outcomes_are_frozen() -> None:
    outcome = Outcome("value")
    assert (outcome.sends, outcome.adopted, outcome.extra, outcome.ambiguous) == (1, False, 0, ())
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'sends'"):
        outcome.sends = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'resends'"):
        ResendPlan(can_look=True).resends = 5  # type: ignore[misc]


def test_a_first_send_outcome_is_the_default_outcome_made_without_its_init() -> None:
    made = Outcome.first_send("value")
    assert made == Outcome("value") and hash(made) == hash(Outcome("value"))
    assert vars(made) == vars(Outcome("value"))  # every field, none extra
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'value'"):
        made.value = "other"  # type: ignore[misc]
