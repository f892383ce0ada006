# Generated from wrapper/kbapi/qmk/async_job.py by tools/unasync.py: do not edit.
# Change the async source and run `make generate`.
"""A submitted QMK compile job: poll it, wait for it, download what it built.

Written once, as async code; tools/unasync.py generates the blocking twin (`CompileJob`). The
waiting loop carries out the steps of `kbapi.qmk.polling.watch_steps` (sans-I/O, shared by both
faces); the client it belongs to sends the requests.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kbapi._core.errors import APIError
from kbapi.qmk import common
from kbapi.qmk.errors import CompileError
from kbapi.qmk.jobs import CompileResult, JobStatus, offers, outcome
from kbapi.qmk.polling import (
    POLL,
    QUEUE,
    USE_POLICY,
    Progress,
    ProgressCallback,
    WatchReply,
    watch_steps,
)

if TYPE_CHECKING:
    from kbapi.qmk.client import QMKClient
    from kbapi.qmk.downloads import Artifact


class CompileJob:
    """A submitted compile job: poll it, wait for it, download what it built."""

    def __init__(self, client: QMKClient, job_id: str, *, keyboard: str | None = None) -> None:
        self.id = job_id
        self.keyboard = keyboard
        self.result: CompileResult | None = None
        self._client = client
        self._last: JobStatus | None = None
        # When this client submitted it (its clock); None for a job resumed by id.
        self.submitted_at: float | None = None
        # Earlier submissions of the same keymap that may have created a job too (see
        # docs/reliability.md): the API cannot tell, so kbapi resent once and counts it here.
        self.extra_jobs = 0

    def __repr__(self) -> str:
        return f"CompileJob(id={self.id!r}, keyboard={self.keyboard!r})"

    def status(self) -> JobStatus:
        """Poll the job once."""
        self._last = self._client.status(self.id)
        return self._last

    def watch(self, timeout: float | None = USE_POLICY) -> Iterator[Progress]:
        """Poll until the job is done, yielding each `Progress` (status or queue change).

        Raises `CompileTimeout` at the deadline (`timeout` seconds; default: the client's
        poll policy). A poll that still fails after the transport's retries is tolerated up to
        `PollPolicy.max_poll_failures` times in a row if the error is transient.
        """
        client = self._client
        plan = common.wait_plan(
            self.id,
            self.keyboard,
            self.submitted_at,
            policy=client.poll,
            timeout=timeout,
            now=client.clock(),
            history=client.build_history,
            service=client.base_url,
        )
        steps = watch_steps(plan.poller, client.clock)
        reply: WatchReply = None
        while True:
            try:
                step = steps.send(reply)
            except StopIteration as done:
                self._last = done.value
                plan.done()
                return
            reply = None
            if isinstance(step, Progress):
                yield step
            elif step == POLL:
                reply = self._poll()
            elif step == QUEUE:
                reply = (client.api_status()).queue_length
            else:
                client.sleep(float(step))

    def wait(
        self,
        *,
        timeout: float | None = USE_POLICY,
        on_progress: ProgressCallback | None = None,
    ) -> CompileResult:
        """Poll until done; return the `CompileResult` or raise the matching `CompileError`."""
        for change in self.watch(timeout):
            if on_progress is not None:
                on_progress(change)
        assert self._last is not None
        self.result = outcome(self._last, self.keyboard)
        return self.result

    def download_firmware(self, folder: str | os.PathLike[str]) -> Path:
        """Wait for a successful build if needed, then save the firmware into `folder`."""
        return self._download("firmware", folder)

    def download_keymap(self, folder: str | os.PathLike[str]) -> Path:
        """Save the submitted keymap JSON into `folder` (after a failed build too)."""
        return self._download("keymap", folder)

    def download_source(self, folder: str | os.PathLike[str]) -> Path:
        """Save the source zip of the build (failed builds included) into `folder`."""
        return self._download("source", folder)

    def _download(self, artifact: Artifact, folder: str | os.PathLike[str]) -> Path:
        # A failed build offers no firmware: its `CompileError` is raised.
        try:
            worker = (self.result or self.wait()).worker
        except CompileError:
            last = self._last.result if self._last is not None else None
            if last is None or not offers(last, artifact):
                raise
            worker = last  # a failed build's keymap and source: the service serves both
        name = common.artifact_name(worker, artifact)
        return self._client.download(self.id, artifact, folder, expected_name=name)

    def _poll(self) -> JobStatus | APIError:
        """One poll; a failure is returned for `watch_steps` to judge."""
        try:
            return self.status()
        except APIError as exc:
            return exc
