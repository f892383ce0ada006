"""The QMK compile API client: check a keymap, compile it, wait, download the firmware.

    async with AsyncQMKClient() as qmk:
        path = await qmk.compile_and_download("my_keymap.json", "firmware/")

Written once, as async code; tools/unasync.py generates the blocking twin from it (DESIGN: the
two faces are one implementation). The decisions (polling, outcomes, file names) are pure
functions of `kbapi.qmk.jobs`, `polling` and `downloads`.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from kbapi._core.async_ops import acall, aparsed, aparsed_or_null, aread_json
from kbapi._core.calls import translate_errors
from kbapi._core.errors import APIError
from kbapi._core.timing import AsyncSleep, Clock, async_default_sleep
from kbapi._lazy import defer
from kbapi.qmk import common
from kbapi.qmk.common import KeymapLike, job_path
from kbapi.qmk.policy import DEFAULT_POLL, USE_POLICY, PollPolicy

# Importing this module costs what the class statement needs: job statuses load with the
# first client, the generated client and its models (attrs), jobs, keymap checks and
# downloads with the first method that uses them (tests/unit/test_lazy_imports.py).
if TYPE_CHECKING:
    from kbapi._core import client as core_client
    from kbapi._core.client import TransportOptions
    from kbapi._generated.qmk_api import Client
    from kbapi.qmk.async_job import AsyncCompileJob
    from kbapi.qmk.downloads import Artifact
    from kbapi.qmk.history import BuildHistory
    from kbapi.qmk.jobs import CompileResult, JobStatus
    from kbapi.qmk.keyboard_info import KeyboardInfo
    from kbapi.qmk.keymap import Keymap, KeymapProblem
    from kbapi.qmk.polling import ProgressCallback
    from kbapi.qmk.service import ApiStatus, BuildResult
else:  # the transport stack (retry policy, size cap, pacing) loads with the first client
    defer(globals(), core_client="kbapi._core.client")

# A submit that may have created a job is sent once more (the API lists no jobs to look at),
# and again after each ambiguous failure, 3 times at most; each resend is counted.
SUBMIT_RESENDS = 3


class AsyncQMKClient:
    """Client for the QMK compile API (api.qmk.fm v1 or a compatible server).

    `metadata_url` is the keyboards.qmk.fm-style metadata server used to check keymaps; by
    default it is found from the API's own `/v1/keyboards/all` redirect. `timeout` (seconds or
    an `httpx.Timeout`) overrides the one in `http_options` (`TransportOptions`: retries,
    headers, size cap, transports for tests); `poll` is the job polling schedule, and
    `sleep` / `clock` (attributes of the same names) drive its waits (tests pass simulated ones).
    """

    def __init__(
        self,
        base_url: str = common.DEFAULT_BASE_URL,
        *,
        metadata_url: str | None = None,
        timeout: httpx.Timeout | float | None = None,
        http_options: TransportOptions | None = None,
        poll: PollPolicy = DEFAULT_POLL,
        sleep: AsyncSleep = async_default_sleep,
        clock: Clock = time.monotonic,
        build_history: BuildHistory | None = common.DEFAULT_HISTORY,
    ) -> None:
        self.base_url = common.api_root(base_url)
        self.poll = poll
        self._options = http_options or core_client.TransportOptions()
        if timeout is not None:
            self._options = dataclasses.replace(self._options, timeout=timeout)
        self._http = self._options.async_client(self.base_url)
        # A poll is the hot path of wait(): its reader is bound once, not imported per call.
        from kbapi.qmk.jobs import JobStatus

        self._read_status = JobStatus.from_body
        # status() polls jobs it never saw alive through this one, with one retry at most.
        self._probe_http = common.probe_options(self._options).async_client(self.base_url)
        self._alive: set[str] = set()
        self._metadata_url = common.api_root(metadata_url) if metadata_url else None
        self._metadata: httpx.AsyncClient | None = None
        self._downloads: httpx.AsyncClient | None = None
        self._infos: dict[str, KeyboardInfo] = {}
        self._keyboards: list[str] | None = None
        self.sleep = sleep
        self.clock = clock
        self.build_history = common.history_from(build_history)
        # Submits resent after they may have created a job (see `compile`), over the client's life.
        self.extra_jobs = 0

    def __repr__(self) -> str:
        return f"AsyncQMKClient(base_url={self.base_url!r})"

    @functools.cached_property
    def _api(self) -> Client:
        """The generated client over `_http`, made on first use."""
        from kbapi._generated.qmk_api import Client

        return core_client.wire(Client(base_url=self.base_url), self._http)

    async def __aenter__(self) -> AsyncQMKClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close every connection pool of this client."""
        for http in (self._http, self._probe_http, self._metadata, self._downloads):
            if http is not None:
                await http.aclose()

    # -- compile jobs ------------------------------------------------------------------------

    async def compile(self, keymap: KeymapLike, *, check: bool = True) -> AsyncCompileJob:
        """Submit `keymap` (a `Keymap`, dict or JSON file path); return the job handle.

        With `check` (the default) the keymap is validated first against the keyboard's
        info.json, and a `KeymapError` listing every problem is raised before anything is sent.
        A submit that failed after it may have created a job (dropped connection, timeout,
        5xx) is sent again; `extra_jobs` on the returned job counts those resends.
        """
        from kbapi._core.async_reconcile import drive
        from kbapi._core.resend import ResendPlan
        from kbapi._generated.qmk_api.api.compile_ import submit_compile
        from kbapi._generated.qmk_api.models import CompileEnqueued

        km = common.as_keymap(keymap)
        if check:
            await self.check(km)
        body = common.compile_body(km)
        sends = 0

        async def submit() -> CompileEnqueued:
            nonlocal sends
            sends += 1
            if sends > 1:  # a resend after an ambiguous failure: maybe a second job
                self.extra_jobs += 1
            return await aparsed(
                submit_compile.asyncio_detailed, client=self._api, body=body, expect=CompileEnqueued
            )

        from kbapi.qmk.async_job import AsyncCompileJob

        sent = await drive(ResendPlan(can_look=False, resends=SUBMIT_RESENDS), submit)
        self._alive.add(sent.value.job_id)
        job = AsyncCompileJob(self, sent.value.job_id, keyboard=km.keyboard)
        job.submitted_at = self.clock()
        job.extra_jobs = sent.extra
        return job

    async def compile_and_wait(
        self,
        keymap: KeymapLike,
        *,
        check: bool = True,
        timeout: float | None = USE_POLICY,
        on_progress: ProgressCallback | None = None,
    ) -> CompileResult:
        """`compile` then `AsyncCompileJob.wait`: the successful result, or a `CompileError`."""
        job = await self.compile(keymap, check=check)
        return await job.wait(timeout=timeout, on_progress=on_progress)

    async def compile_and_download(
        self,
        keymap: KeymapLike,
        folder: str | os.PathLike[str],
        *,
        check: bool = True,
        timeout: float | None = USE_POLICY,
        on_progress: ProgressCallback | None = None,
    ) -> Path:
        """Check, compile, wait and save the firmware into `folder`; return the file's path."""
        job = await self.compile(keymap, check=check)
        await job.wait(timeout=timeout, on_progress=on_progress)
        return await job.download_firmware(folder)

    def job(self, job_id: str, *, keyboard: str | None = None) -> AsyncCompileJob:
        """A handle on an existing job, e.g. to resume waiting after a `CompileTimeout`."""
        from kbapi.qmk.async_job import AsyncCompileJob

        return AsyncCompileJob(self, job_id, keyboard=keyboard)

    async def status(self, job_id: str) -> JobStatus:
        """One poll of `GET /v1/compile/{job_id}`; `JobNotFoundError` for unknown ids: also the
        live 500 on a job this client never saw alive (polled with one retry at most)."""
        alive = job_id in self._alive
        http = self._http if alive else self._probe_http
        try:
            # The lean path (no generated model): a poll is the hot path of wait().
            status = await aread_json(http, "GET", job_path(job_id), self._read_status)
        except APIError as exc:
            from kbapi.qmk.jobs import job_not_found

            missing = job_not_found(job_id, exc, alive)
            if missing is None:
                raise
            raise missing from exc
        self._alive.add(job_id)
        return status

    async def download(
        self,
        job_id: str,
        artifact: Artifact,
        folder: str | os.PathLike[str],
        *,
        expected_name: str | None = None,
    ) -> Path:
        """Save a job's `firmware`, `keymap` JSON or `source` zip into `folder`.

        Follows the API's 302 to the storage host without our headers, writes atomically and
        refuses unsafe file names; `expected_name` is the name the job result announced.
        """
        from kbapi._generated.qmk_api.api.compile_ import (
            download_firmware,
            download_keymap,
            download_source,
        )
        from kbapi.qmk.async_fetch import asave
        from kbapi.qmk.downloads import ARTIFACT_LIMITS, prepare_folder, redirect_target

        target = prepare_folder(folder)
        operation = {
            "firmware": download_firmware,
            "keymap": download_keymap,
            "source": download_source,
        }[artifact].asyncio_detailed
        redirect = await acall(operation, job_id, client=self._api, ok=(302,))
        url = redirect_target(redirect.headers, self._http.base_url)
        return await asave(
            self._download_client(), url, target, expected_name, ARTIFACT_LIMITS[artifact]
        )

    # -- service and keyboards ---------------------------------------------------------------

    async def api_status(self) -> ApiStatus:
        """`GET /v1`: service status and queue length."""
        from kbapi._generated.qmk_api.api.status import get_api_status
        from kbapi._generated.qmk_api.models import ApiRoot
        from kbapi.qmk.service import RULES, ApiStatus

        operation = get_api_status.asyncio_detailed
        root = await aparsed(operation, client=self._api, expect=ApiRoot, rules=RULES)
        return ApiStatus.from_model(root)

    async def keyboards(self) -> list[str]:
        """Every keyboard name the service knows (cached for the client's lifetime)."""
        from kbapi._generated.qmk_api.api.keyboards import list_keyboards

        if self._keyboards is None:
            operation = list_keyboards.asyncio_detailed
            self._keyboards = await aparsed(operation, client=self._api, expect=list[str])
        return list(self._keyboards)

    async def search(self, text: str) -> list[str]:
        """Keyboard names containing every word of `text`, case-insensitively."""
        return common.search(await self.keyboards(), text)

    async def info(self, keyboard: str) -> KeyboardInfo:
        """The keyboard's info.json (layouts, key counts, processor), cached per keyboard."""
        if keyboard not in self._infos:
            path = common.info_path(keyboard)
            metadata = await self._metadata_client()
            with translate_errors():
                response = await metadata.get(path)
            self._infos[keyboard] = common.read_info(response, keyboard)
        return self._infos[keyboard]

    async def validate(self, keymap: KeymapLike) -> list[KeymapProblem]:
        """Every problem in `keymap`, layer lengths and layout checked against its info.json."""
        km = common.as_keymap(keymap)
        syntax = km.validate()
        if any(p.field == "keyboard" for p in syntax):
            return syntax
        return km.validate(await self.info(km.keyboard))

    async def check(self, keymap: KeymapLike) -> Keymap:
        """Return the keymap if `validate` finds nothing, else raise `KeymapError`."""
        km = common.as_keymap(keymap)
        problems = await self.validate(km)
        if problems:
            from kbapi.qmk.keymap import KeymapError

            raise KeymapError(problems)
        return km

    async def build_status(self) -> dict[str, bool]:
        """Whether each keyboard built in the service's last test run."""
        from kbapi._generated.qmk_api.api.keyboards import get_build_status
        from kbapi._generated.qmk_api.models import BuildStatus
        from kbapi.qmk import service

        operation = get_build_status.asyncio_detailed
        found = await aparsed_or_null(operation, client=self._api, expect=BuildStatus)
        return service.build_status(found)

    async def build_log(self) -> dict[str, BuildResult]:
        """The service's last test build of every keyboard."""
        from kbapi._generated.qmk_api.api.keyboards import get_build_log
        from kbapi._generated.qmk_api.models import BuildLog
        from kbapi.qmk import service

        operation = get_build_log.asyncio_detailed
        return service.build_log(
            await aparsed_or_null(operation, client=self._api, expect=BuildLog)
        )

    async def keyboard_build(self, keyboard: str) -> BuildResult | None:
        """The service's last test build of one keyboard, or None if it has none."""
        from kbapi._generated.qmk_api.api.keyboards import get_keyboard_build_log
        from kbapi._generated.qmk_api.models import BuildLogEntry
        from kbapi.qmk import service

        common.info_path(keyboard)  # validates the name
        operation = get_keyboard_build_log.asyncio_detailed
        entry = await aparsed_or_null(operation, keyboard, client=self._api, expect=BuildLogEntry)
        return service.keyboard_build(entry)

    # -- plumbing ----------------------------------------------------------------------------

    async def _metadata_client(self) -> httpx.AsyncClient:
        if self._metadata is None:
            base = self._metadata_url or await self._discover_metadata_url()
            self._metadata = self._options.async_client(base)
        return self._metadata

    async def _discover_metadata_url(self) -> str:
        from kbapi._generated.qmk_api.api.keyboards import redirect_all_keyboards

        operation = redirect_all_keyboards.asyncio_detailed
        response = await acall(operation, client=self._api, ok=(302,))
        return common.metadata_base(response.headers.get("location"))

    def _download_client(self) -> httpx.AsyncClient:
        if self._downloads is None:
            self._downloads = common.bare_options(self._options).async_client(follow_redirects=True)
        return self._downloads


def __getattr__(name: str) -> Any:
    # The job class lives in kbapi.qmk.async_job; its old address here loads it on first use.
    if name == "AsyncCompileJob":
        from kbapi.qmk.async_job import AsyncCompileJob

        return AsyncCompileJob
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
