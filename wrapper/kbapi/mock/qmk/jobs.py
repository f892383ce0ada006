"""Compile jobs on a clock: a FIFO queue served by a fixed number of workers.

A job submitted at `t` starts when a worker is free, but not before `t + queue_seconds`, and
runs for `run_seconds`. Start and end times are fixed at submission (every job takes the same
time), so the state at any instant is a pure function of the clock: no background tasks.
"""

from __future__ import annotations

import heapq
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import formatdate
from typing import Any

from kbapi.mock.qmk.build import BuildOutcome, BuildRequest, run_build
from kbapi.mock.qmk.config import QMKMockConfig
from kbapi.mock.qmk.fixtures import KeyboardInfo


@dataclass
class Job:
    """One compile job and, once finished, its outcome."""

    request: BuildRequest
    created_at: float
    start_at: float
    end_at: float
    outcome: BuildOutcome | None = None

    @property
    def id(self) -> str:
        """The job id (uuid4 string)."""
        return self.request.job_id


def rfc822(timestamp: float) -> str:
    """Format an epoch as Flask does: ``Sun, 03 Apr 2022 18:04:13 GMT``."""
    return formatdate(timestamp, usegmt=True)


def s3_date(timestamp: float) -> str:
    """Format an epoch as the stored metadata does: ``2022-04-03 18:04:13 UTC``."""
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(timestamp))


class JobQueue:
    """In-memory job store; state is computed from `clock`."""

    def __init__(
        self,
        config: QMKMockConfig,
        keyboards: Mapping[str, KeyboardInfo],
        clock: Callable[[], float],
    ) -> None:
        self._config = config
        self._keyboards = keyboards
        self._clock = clock
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._free_at: list[float] = [0.0] * config.workers

    def submit(self, payload: Mapping[str, Any], source_ip: str | None, base_url: str) -> Job:
        """Enqueue a job for `payload` and return it."""
        now = self._clock()
        free = heapq.heappop(self._free_at)
        start = max(now + self._config.queue_seconds, free)
        end = start + self._config.run_seconds
        heapq.heappush(self._free_at, end)
        request = BuildRequest(str(uuid.uuid4()), payload, source_ip, base_url)
        job = Job(request, created_at=now, start_at=start, end_at=end)
        self._jobs[job.id] = job
        while len(self._jobs) > self._config.max_jobs:
            self._jobs.popitem(last=False)
        return job

    def all(self) -> list[Job]:
        """Every job still in memory, oldest first (for test and soak assertions)."""
        return list(self._jobs.values())

    def get(self, job_id: str) -> Job | None:
        """Return the job with `job_id`, or None."""
        return self._jobs.get(job_id)

    def state(self, job: Job) -> str:
        """`queued`, `running`, or the outcome status (`finished` / `failed`)."""
        now = self._clock()
        if now < job.start_at:
            return "queued"
        if now < job.end_at:
            return "running"
        return self.outcome(job).status

    def outcome(self, job: Job) -> BuildOutcome:
        """Build (once) and return the job's outcome; call only when the job has ended."""
        if job.outcome is None:
            job.outcome = run_build(job.request, self._keyboards)
        return job.outcome

    def finished_outcome(self, job: Job) -> BuildOutcome | None:
        """The outcome if the job has ended, else None."""
        return self.outcome(job) if self._clock() >= job.end_at else None

    def expired(self, job: Job) -> bool:
        """True once the RQ result is gone and only stored metadata remains."""
        return self._clock() >= job.end_at + self._config.result_ttl

    def queue_length(self) -> int:
        """Number of jobs still waiting for a worker."""
        now = self._clock()
        return sum(1 for job in self._jobs.values() if now < job.start_at)

    def status_body(self, job: Job) -> dict[str, Any] | None:
        """The `GET /v1/compile/{id}` body, or None when the job is gone (-> 404)."""
        state = self.state(job)
        if state in ("queued", "running"):
            return self._rq_body(job, state, None, None)
        outcome = self.outcome(job)
        if not self.expired(job):
            return self._rq_body(job, state, outcome.is_failed, outcome.result)
        if not outcome.has_metadata:
            return None
        return {
            "created_at": s3_date(job.created_at),
            "enqueued_at": s3_date(job.created_at),
            "id": job.id,
            "is_failed": outcome.is_failed,
            "is_finished": True,
            "is_queued": False,
            "is_started": False,
            "result": outcome.result,
        }

    @staticmethod
    def _rq_body(
        job: Job, state: str, is_failed: bool | None, result: dict[str, Any] | None
    ) -> dict[str, Any]:
        return {
            "created_at": rfc822(job.created_at),
            "enqueued_at": rfc822(job.created_at),
            "id": job.id,
            "is_failed": is_failed,
            "status": state,
            "result": result,
        }
