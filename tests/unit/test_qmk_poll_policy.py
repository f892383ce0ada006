"""The poll schedule at its edges: the policies accepted, the delays, the deadline, the queue."""

from __future__ import annotations

from typing import Any

import pytest
from kbapi._core.errors import InputError, RateLimitError
from kbapi._generated.qmk_api.models import CompileJob
from kbapi.qmk import PollPolicy
from kbapi.qmk.errors import CompileTimeout
from kbapi.qmk.jobs import JobStatus
from kbapi.qmk.polling import Forecast, Measured, Poller

JOB_ID = "5d3c1b7e-2f4a-4b8c-9d0e-1f2a3b4c5d6e"


def status(state: str) -> JobStatus:
    body = {"id": JOB_ID, "created_at": "2022-04-03", "enqueued_at": None, "status": state}
    return JobStatus.from_model(CompileJob.from_dict({**body, "is_failed": None, "result": None}))


@pytest.mark.parametrize(
    "fields",
    [
        {"initial": 3.0, "max_interval": 3.0, "factor": 1.0},
        {"jitter": 0.0},
        {"jitter": 0.99},
        {"timeout": 0.0},
        {"timeout": None},
        {"max_poll_failures": 0},
        {"margin": 0.0},
        {"min_interval": 1.0, "window_interval": 1.0},
        {"min_interval": 0.01},
    ],
)
def test_policies_at_the_edges_are_accepted(fields: dict[str, Any]) -> None:
    policy = PollPolicy(**fields)
    assert all(getattr(policy, name) == value for name, value in fields.items())


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"initial": 0.0}, "0 < initial <= max_interval"),
        ({"initial": -1.0}, "0 < initial <= max_interval"),
        ({"initial": 3.0, "max_interval": 2.9}, "0 < initial <= max_interval"),
        ({"factor": 0.99}, "factor >= 1"),
        ({"jitter": 1.0}, r"jitter must be in \[0, 1\)"),
        ({"jitter": -0.01}, r"jitter must be in \[0, 1\)"),
        ({"timeout": -0.1}, "timeout must not be negative"),
        ({"max_poll_failures": -1}, "max_poll_failures must not be negative"),
        ({"margin": -0.01}, "margin >= 0"),
        ({"min_interval": 0.0}, "0 < min_interval <= window_interval"),
        ({"min_interval": 1.5, "window_interval": 1.0}, "0 < min_interval <= window_interval"),
    ],
)
def test_policies_past_the_edges_are_refused(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=message):
        PollPolicy(**fields)


def test_each_delay_is_the_capped_geometric_step_scaled_by_the_jitter() -> None:
    policy = PollPolicy(initial=1.0, factor=3.0, max_interval=10.0, jitter=0.2)
    assert [policy.interval(n, 0.5) for n in range(5)] == pytest.approx([1, 3, 9, 10, 10])
    assert policy.interval(1, 0.0) == pytest.approx(2.4)
    assert policy.interval(1, 0.25) == pytest.approx(2.7)
    assert policy.interval(2, 0.75) == pytest.approx(9.9)


def test_the_default_policy_polls_every_three_seconds_for_twenty_minutes() -> None:
    policy = PollPolicy()
    assert [policy.interval(n, 0.5) for n in range(3)] == [3.0, 3.0, 3.0]
    assert (policy.interval(0, 0.0), policy.interval(0, 1.0)) == pytest.approx((2.55, 3.45))
    assert (policy.timeout, policy.queue_interval, policy.max_poll_failures) == (1200, 10, 5)
    assert (policy.margin, policy.window_interval, policy.min_interval) == (0.1, 1.0, 0.25)


def test_the_queue_length_is_asked_once_per_interval_while_queued() -> None:
    poller = Poller(JOB_ID, PollPolicy(queue_interval=10.0), started=0.0, timeout=None)
    queued = status("queued")
    assert not poller.wants_queue_length(queued, 9.99)
    assert poller.wants_queue_length(queued, 10.0)
    poller.observe(queued, 10.0, queue_length=4)
    assert not poller.wants_queue_length(queued, 19.99)
    assert poller.wants_queue_length(queued, 20.0)
    assert not poller.wants_queue_length(status("running"), 30.0)
    never = Poller(JOB_ID, PollPolicy(queue_interval=None), started=0.0, timeout=None)
    assert not never.wants_queue_length(queued, 1000.0)


def test_progress_is_reported_for_a_new_status_or_a_new_queue_length_only() -> None:
    poller = Poller(JOB_ID, PollPolicy(), started=100.0, timeout=None)
    first = poller.observe(status("queued"), 101.0, queue_length=5)
    assert first is not None
    assert (first.status, first.elapsed, first.polls, first.queue_length) == ("queued", 1, 1, 5)
    assert poller.observe(status("queued"), 102.0, queue_length=5) is None
    assert poller.observe(status("queued"), 103.0) is None
    fewer = poller.observe(status("queued"), 104.0, queue_length=2)
    assert fewer is not None and (fewer.queue_length, fewer.polls) == (2, 4)
    running = poller.observe(status("running"), 105.0, queue_length=1)
    assert running is not None and (running.status, running.queue_length) == ("running", None)
    assert poller.observe(status("running"), 106.0, queue_length=0) is None


def test_no_poll_failure_is_tolerated_when_none_may_be() -> None:
    poller = Poller(JOB_ID, PollPolicy(max_poll_failures=0), started=0.0, timeout=None)
    assert not poller.tolerate(RateLimitError(429))
    lenient = Poller(JOB_ID, PollPolicy(max_poll_failures=1), started=0.0, timeout=None)
    assert lenient.tolerate(RateLimitError(429)) and lenient.polls == 1
    assert not lenient.tolerate(RateLimitError(429)) and lenient.polls == 1


def test_the_deadline_is_reached_at_its_very_second() -> None:
    poller = Poller(JOB_ID, PollPolicy(), started=10.0, timeout=5.0, rand=lambda: 0.5)
    poller.observe(status("running"), 11.0)
    assert poller.next_delay(14.0) == pytest.approx(1.0)
    with pytest.raises(CompileTimeout, match=JOB_ID) as caught:
        poller.next_delay(15.0)
    assert caught.value.last_status == "running"
    assert caught.value.waited == pytest.approx(5.0)


def test_without_history_the_first_poll_is_at_once() -> None:
    poller = Poller(JOB_ID, PollPolicy(), started=0.0, timeout=None, forecast=Forecast())
    assert poller.first_delay(0.0) == 0.0
    remembered = Poller(JOB_ID, PollPolicy(margin=0.5), 0.0, None, forecast=Forecast((40.0,)))
    assert remembered.first_delay(5.0) == pytest.approx(15.0)  # 40 * (1 - 0.5) - 5
    assert remembered.first_delay(30.0) == 0.0


def test_others_ahead_in_the_queue_mean_the_longest_plain_delay() -> None:
    policy = PollPolicy(initial=1.0, factor=2.0, max_interval=8.0, jitter=0.0, queue_interval=1)
    forecast = Forecast(totals=(60.0,), runs=(50.0,))
    poller = Poller(JOB_ID, policy, 0.0, timeout=None, rand=lambda: 0.5, forecast=forecast)
    poller.observe(status("queued"), 40.0, queue_length=3)
    assert poller.next_delay(40.0) == 8.0
    poller.observe(status("queued"), 41.0, queue_length=1)
    assert poller.next_delay(41.0) == 1.0  # next in line: the plain schedule


@pytest.mark.parametrize(
    ("pending_last", "done_first", "total"),
    [
        (8.0, 10.0, 9.0),  # 2 s apart: close enough for the midpoint
        (7.9, 10.0, 10.0),  # more than 2 s (and a fifth of 10 s) apart: the upper bound
        (40.0, 50.0, 45.0),  # 10 s apart is a fifth of 50 s
        (39.9, 50.0, 50.0),
    ],
)
def test_the_end_is_the_midpoint_of_close_polls_else_the_first_done_poll(
    pending_last: float, done_first: float, total: float
) -> None:
    poller = Poller(JOB_ID, PollPolicy(), started=0.0, timeout=None)
    poller.observe(status("running"), pending_last)
    poller.observe(status("finished"), done_first)
    measured = poller.measured()
    assert measured is not None and measured.total == pytest.approx(total)


def test_the_run_is_measured_from_the_midpoint_of_the_last_queued_and_first_running_polls() -> None:
    poller = Poller(JOB_ID, PollPolicy(), started=0.0, timeout=None)
    for at, state in ((1.0, "queued"), (3.0, "queued"), (5.0, "running"), (25.0, "running")):
        poller.observe(status(state), at)
    poller.observe(status("finished"), 27.0)
    assert poller.measured() == Measured(total=26.0, run=22.0)  # end 26, start (3 + 5) / 2
    far = Poller(JOB_ID, PollPolicy(), started=0.0, timeout=None)
    for at, state in ((1.0, "queued"), (20.0, "running"), (29.0, "running"), (30.0, "finished")):
        far.observe(status(state), at)
    assert far.measured() == Measured(total=29.5, run=None)  # the start is not pinned down
