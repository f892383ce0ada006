"""Compile job states and outcomes, decided without I/O.

`JobStatus.from_model` reads any documented status shape (the live queue shape and the stored
metadata shape served after ~500 s, which has no `status`); `outcome()` turns a finished status
into a `CompileResult` or raises the matching `CompileError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from kbapi._core.errors import APIError, APIStatusError, NotFoundError
from kbapi._generated.qmk_api.models import CompileJob as RawJob
from kbapi._generated.qmk_api.types import Unset
from kbapi.qmk.errors import (
    JOB_NOT_FOUND,
    LIVE_500_NOTE,
    CompileFailed,
    CompileInfrastructureError,
    JobNotFoundError,
    UnknownKeyboardError,
)

PENDING: Final = frozenset({"queued", "running"})
STATUSES: Final = frozenset({"queued", "running", "finished", "failed", "unknown"})
RETURNCODE_UNKNOWN_KEYBOARD: Final = -1
RETURNCODE_EXCEPTION: Final = -3
# CSI sequences (colours, cursor moves) as `qmk compile` prints them.
_ANSI: Final = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


def strip_ansi(text: str) -> str:
    """`text` without ANSI escape sequences."""
    return _ANSI.sub("", text)


@dataclass(frozen=True)
class WorkerResult:
    """The worker's result object of a job, read leniently: a missing or mistyped field is empty.

    Only `returncode` and `output` are always sent; the URL fields are the API's redirect
    routes of the artifacts (the first of the service's one-element lists); `raw` is the object
    as received.
    """

    returncode: int | None
    output: str
    keyboard: str
    keymap: str
    layout: str
    firmware_filename: str
    keymap_archive: str
    source_archive: str
    firmware_url: str | None
    keymap_url: str | None
    source_url: str | None
    exception: str | None
    raw: Mapping[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_mapping(cls, result: Mapping[str, Any]) -> WorkerResult:
        """Read the ``result`` object of a job body."""
        code = result.get("returncode")
        return cls(
            returncode=code if isinstance(code, int) and not isinstance(code, bool) else None,
            output=_text(result, "output"),
            keyboard=_text(result, "keyboard"),
            keymap=_text(result, "keymap"),
            layout=_text(result, "layout"),
            firmware_filename=_text(result, "firmware_filename"),
            keymap_archive=_text(result, "keymap_archive"),
            source_archive=_text(result, "source_archive"),
            firmware_url=_first_url(result, "firmware_binary_url"),
            keymap_url=_first_url(result, "firmware_keymap_url"),
            source_url=_first_url(result, "firmware_source_url"),
            exception=_text(result, "exception") or None,
            raw=result,
        )


@dataclass(frozen=True)
class JobStatus:
    """One poll of a compile job. `status` is always one of `STATUSES`.

    `result` is the worker's result (None until finished); `raw` the whole body.
    """

    job_id: str
    status: str
    is_failed: bool | None
    result: WorkerResult | None
    created_at: str
    raw: Mapping[str, Any] = field(repr=False, compare=False)

    @property
    def done(self) -> bool:
        """True once the job left the queue for good (finished, failed or unknown)."""
        return self.status not in PENDING

    @classmethod
    def from_model(cls, job: RawJob) -> JobStatus:
        """Read a generated `CompileJob` of either documented shape.

        The whole body (`raw`) is rebuilt from the model only if someone reads it: a poll of
        a pending job is the hot path of `wait()`, and its result is null.
        """
        result = job.result.to_dict() if job.result is not None else None
        return cls(
            job_id=job.id,
            status=_status(job),
            is_failed=job.is_failed,
            result=WorkerResult.from_mapping(result) if isinstance(result, Mapping) else None,
            created_at=job.created_at,
            raw=_Body(job),
        )


class _Body(Mapping[str, Any]):
    """A job body as a mapping, converted from its model on first access."""

    def __init__(self, job: RawJob) -> None:
        self._job = job
        self._body: dict[str, Any] | None = None

    def _dict(self) -> dict[str, Any]:
        if self._body is None:
            self._body = self._job.to_dict()
        return self._body

    def __getitem__(self, key: str) -> Any:
        return self._dict()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._dict())

    def __repr__(self) -> str:
        return repr(self._dict())


def _status(job: RawJob) -> str:
    if not isinstance(job.status, Unset):
        # The generated client does not check primitive types: `status` may be any JSON value.
        return job.status if isinstance(job.status, str) and job.status in STATUSES else "unknown"
    # Stored metadata shape: booleans instead of `status`.
    if job.is_finished is True:
        return "finished"
    if job.is_started is True:
        return "running"
    if job.is_queued is True:
        return "queued"
    return "unknown"


@dataclass(frozen=True)
class CompileResult:
    """A successful build. URLs are the API's redirect routes (None when not offered).

    `output` is the build log with ANSI colour codes stripped; `worker` the worker's result,
    `raw` its object as received.
    """

    job_id: str
    keyboard: str
    keymap: str
    layout: str
    firmware_filename: str
    output: str
    firmware_url: str | None
    keymap_url: str | None
    source_url: str | None
    worker: WorkerResult = field(repr=False, compare=False)
    raw: Mapping[str, Any] = field(repr=False, compare=False)


def _text(result: Mapping[str, Any], key: str) -> str:
    value = result.get(key)
    return value if isinstance(value, str) else ""


def _first_url(result: Mapping[str, Any], key: str) -> str | None:
    value = result.get(key)
    if isinstance(value, list) and value and isinstance(value[0], str):
        return value[0]
    return None


def outcome(status: JobStatus, keyboard: str | None = None) -> CompileResult:
    """The result of a job that is `done`, or the `CompileError` that explains why there is none.

    `keyboard` (the submitted one, if known) names the board in `UnknownKeyboardError`; the
    service's unknown-keyboard result does not carry it.
    """
    job_id, result = status.job_id, status.result
    if status.status != "finished":
        raise CompileInfrastructureError(
            f"the service reports status {status.status!r} (its infrastructure failed, not "
            "the build); submitting again later usually works",
            job_id=job_id,
            status=status.status,
        )
    if result is None:
        raise CompileInfrastructureError(
            "finished without a result", job_id=job_id, status=status.status
        )
    returncode = result.returncode
    if returncode is None:
        raise CompileInfrastructureError(
            f"finished with no integer returncode ({result.raw.get('returncode')!r})",
            job_id=job_id,
            status="finished",
        )
    _raise_for_failure(status, result, returncode, keyboard)
    return _success(job_id, result)


def _raise_for_failure(
    status: JobStatus, result: WorkerResult, returncode: int, keyboard: str | None
) -> None:
    job_id = status.job_id
    if returncode == RETURNCODE_UNKNOWN_KEYBOARD:
        name = keyboard or result.keyboard or "?"
        raise UnknownKeyboardError(name, job_id=job_id, hint="the service has no such folder")
    if returncode == RETURNCODE_EXCEPTION or "exception" in result.raw:
        exception = result.exception
        raise CompileInfrastructureError(
            f"the compile worker crashed ({exception or 'exception'}); try again later",
            job_id=job_id,
            status="finished",
            exception=exception,
        )
    if returncode != 0 or status.is_failed is True:
        raise CompileFailed(returncode, strip_ansi(result.output), job_id=job_id)
    if not result.firmware_filename:
        raise CompileInfrastructureError(
            "the build reported success but produced no firmware file",
            job_id=job_id,
            status="finished",
        )


def _success(job_id: str, result: WorkerResult) -> CompileResult:
    return CompileResult(
        job_id=job_id,
        keyboard=result.keyboard,
        keymap=result.keymap,
        layout=result.layout,
        firmware_filename=result.firmware_filename,
        output=strip_ansi(result.output),
        firmware_url=result.firmware_url,
        keymap_url=result.keymap_url,
        source_url=result.source_url,
        worker=result,
        raw=result.raw,
    )


def job_not_found(job_id: str, error: APIError, seen_alive: bool) -> JobNotFoundError | None:
    """The `JobNotFoundError` that a failed `GET /v1/compile/{id}` stands for, or None.

    The documented 404 always means "not found". The live service answers a 500 for an unknown
    or expired id instead, so a 500 means "not found" for a job this client never saw alive;
    for a job it saw alive a 500 stays a (transient) server error.
    """
    if isinstance(error, NotFoundError):
        return JobNotFoundError(JOB_NOT_FOUND, job_id=job_id)
    if not seen_alive and isinstance(error, APIStatusError) and error.status_code == 500:
        return JobNotFoundError(f"{JOB_NOT_FOUND}; {LIVE_500_NOTE}", job_id=job_id)
    return None


def offers(result: WorkerResult | None, artifact: str) -> bool:
    """True if a finished job's result offers `artifact`: a failed build still offers its
    keymap and source (reference §4.2), and the service serves both."""
    if result is None:
        return False
    urls = {
        "firmware": result.firmware_url,
        "keymap": result.keymap_url,
        "source": result.source_url,
    }
    return bool(urls[artifact])
