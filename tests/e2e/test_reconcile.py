"""Reconcile before resending, per operation, against the mocks with scripted faults.

Each test scripts the faults of the next POSTs (`FaultInjector.script`: deterministic, no seed,
held answers released by the test instead of slept), then checks both what kbapi returned and
what the mock stored: a signal applied before the fault is adopted (one POST, one signal), one
that was not is resent (two POSTs, one signal), and a compile job is resent once per ambiguous
failure with the extra job counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from kbapi._core.errors import APIConnectionError, InternalServerError
from kbapi.mock.daskeyboard import DEMO_API_KEY, create_cloud_app, create_local_app
from kbapi.mock.faults import FaultConfig, FaultInjector, with_faults
from kbapi.mock.qmk import QMKMockConfig, create_qmk_app
from kbapi.testing import serve

from tests.support.faces import Face, options

POSTS = FaultConfig(methods=("POST",))
SHORT_READ = httpx.Timeout(10.0, read=1.0)  # shorter than a held answer (held until release)
SUPER16 = {
    "keyboard": "1upkeyboards/super16",
    "keymap": "reconcile",
    "layout": "LAYOUT_ortho_4x4",
    "layers": [["KC_A"] * 16],
}


@contextmanager
def faulty(app: Any) -> Iterator[tuple[str, FaultInjector]]:
    injector = with_faults(app, POSTS)
    with serve(injector) as base:
        try:
            yield base, injector
        finally:
            # Before the server stops: a held answer would keep its shutdown waiting.
            injector.release()


# Backoff between attempts is recorded, not slept (the transport's injectable sleep).
NO_WAIT = options(sleep=lambda seconds: None)


def q_client(face: Face, target: str, base: str, **kw: Any) -> Any:
    kw.setdefault("http_options", NO_WAIT)
    if target == "local":
        return face.q("local", base, rate_limiter=None, **kw)
    return face.q("cloud", DEMO_API_KEY, base_url=base, **kw)


def stored_names(injector: FaultInjector) -> list[str]:
    return [body["name"] for body in injector.app.state.store.snapshot()]  # type: ignore[attr-defined]


APPS = {"local": create_local_app, "cloud": create_cloud_app}


@pytest.mark.parametrize("target", ["local", "cloud"])
@pytest.mark.parametrize(
    ("fault", "posts"),
    [
        ("drop_after", 1),  # applied, the answer lost: found and adopted
        ("late_error", 1),  # applied, then a 500: adopted
        ("late_latency", 1),  # applied, the client timed out: adopted
        ("error", 2),  # a 500 before the mock acted: not there, resent
        ("drop", 2),  # dropped before the mock acted: resent
    ],
)
def test_a_signal_is_adopted_if_applied_else_resent(
    face: Face, target: str, fault: str, posts: int
) -> None:
    with faulty(APPS[target]()) as (base, injector):
        injector.script(fault)
        with q_client(face, target, base, timeout=SHORT_READ) as q:
            signal = q.send("KEY_Q", "#FF0000", name=f"sig-{fault}", message="m")
        assert injector.stats.matched == posts
        assert stored_names(injector) == [f"sig-{fault}"]
        assert signal.id == injector.app.state.store.snapshot()[0]["id"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("target", ["local", "cloud"])
def test_an_identical_earlier_signal_is_not_adopted(face: Face, target: str) -> None:
    # The client's own earlier signal with the same content is known: the lost send is resent.
    with faulty(APPS[target]()) as (base, injector):
        with q_client(face, target, base) as q:
            first = q.send("KEY_W", "#00FF00", name="same", message="m")
            injector.script("error")
            second = q.send("KEY_W", "#00FF00", name="same", message="m")
        assert injector.stats.matched == 2  # counted from the script on: the failed send, resent
        assert stored_names(injector) == ["same", "same"]
        assert first.id != second.id


@pytest.mark.parametrize("target", ["local", "cloud"])
def test_a_signal_that_never_arrives_fails_with_what_was_tried(face: Face, target: str) -> None:
    with faulty(APPS[target]()) as (base, injector):
        injector.script("error", "error", "error", "error")
        with q_client(face, target, base) as q, pytest.raises(InternalServerError) as caught:
            q.send("KEY_E", "#0000FF", name="never", message="m")
        assert "sent 4 times" in " ".join(caught.value.__notes__)
        assert injector.stats.matched == 4
        assert stored_names(injector) == []


def qmk_app() -> Any:
    return create_qmk_app(QMKMockConfig(queue_seconds=0, run_seconds=0))


def jobs_of(injector: FaultInjector) -> list[str]:
    return [j.id for j in injector.app.state.mock.jobs.all()]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("faults", "jobs", "extra"),
    [
        (("drop_after",), 2, 1),  # applied, answer lost: resent once, the extra job counted
        (("late_latency",), 2, 1),  # applied, the client timed out: the same
        (("late_error",), 2, 1),
        (("error",), 1, 1),  # a 500 before the mock acted: resent, counted though not made
        (("429",), 1, 0),  # not ambiguous: the transport's retry, no extra job
        (("drop_after", "drop_after"), 3, 2),  # once per ambiguous failure
    ],
)
def test_a_compile_job_is_resent_once_per_ambiguous_failure(
    face: Face, faults: tuple[str, ...], jobs: int, extra: int
) -> None:
    with faulty(qmk_app()) as (base, injector):
        injector.script(*faults)
        with face.qmk(base, timeout=SHORT_READ, build_history=None, http_options=NO_WAIT) as qmk:
            job = qmk.compile(SUPER16, check=False)
            assert (job.extra_jobs, qmk.extra_jobs) == (extra, extra)
        assert len(jobs_of(injector)) == jobs
        assert job.id in jobs_of(injector)
        assert jobs - 1 <= extra <= len(faults)


def test_a_compile_that_never_gets_an_answer_gives_up_after_three_resends(face: Face) -> None:
    with faulty(qmk_app()) as (base, injector):
        injector.script(*["drop_after"] * 4)
        with (
            face.qmk(base, build_history=None, http_options=NO_WAIT) as qmk,
            pytest.raises(APIConnectionError) as caught,
        ):
            qmk.compile(SUPER16, check=False)
        assert "sent 4 times" in " ".join(caught.value.__notes__)
        assert qmk.extra_jobs == 3
        assert len(jobs_of(injector)) == 4
