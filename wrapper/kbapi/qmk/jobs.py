"""Compile job states and outcomes, decided without I/O.

`JobStatus.from_body` reads any documented status shape (the live queue shape and the stored
metadata shape served after ~500 s, which has no `status`); `outcome()` turns a finished status
into a `CompileResult` or raises the matching `CompileError`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from kbapi._core.conform import fields_of
from kbapi._core.errors import APIError, APIStatusError, NotFoundError
from kbapi._core.frozen import frozen_instance
from kbapi._core.readers import ObjectReader, object_reader
from kbapi.qmk.errors import (
    JOB_NOT_FOUND,
    LIVE_500_NOTE,
    CompileFailed,
    CompileInfrastructureError,
    JobNotFoundError,
    UnknownKeyboardError,
)
from kbapi.qmk.job_body import JOB_FIELDS, checked_result, result_model

if TYPE_CHECKING:
    from kbapi._generated.qmk_api.models import CompileJob as RawJob

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
    """The worker's result object of a job; a missing field is empty (a poll's body is held to the
    spec's types before it is read: `kbapi.qmk.job_body`).

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
        get = result.get
        code = get("returncode")
        # Each poll of a finished job reads these: the checks are inline, not a call each.
        return frozen_instance(cls, {
            "returncode": code if isinstance(code, int) and not isinstance(code, bool) else None,
            "output": v if isinstance(v := get("output"), str) else "",
            "keyboard": v if isinstance(v := get("keyboard"), str) else "",
            "keymap": v if isinstance(v := get("keymap"), str) else "",
            "layout": v if isinstance(v := get("layout"), str) else "",
            "firmware_filename": v if isinstance(v := get("firmware_filename"), str) else "",
            "keymap_archive": v if isinstance(v := get("keymap_archive"), str) else "",
            "source_archive": v if isinstance(v := get("source_archive"), str) else "",
            "firmware_url": _first_url(get("firmware_binary_url")),
            "keymap_url": _first_url(get("firmware_keymap_url")),
            "source_url": _first_url(get("firmware_source_url")),
            "exception": v if isinstance(v := get("exception"), str) and v else None,
            "raw": result,
        })  # fmt: skip


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
    def from_body(cls, body: Any) -> JobStatus:
        """Read a ``GET /v1/compile/{id}`` JSON body of either documented shape.

        It accepts and refuses what the generated ``CompileJob.from_dict`` does once kbapi
        checked its values (`kbapi._core.conform`), without building the model, which cost as
        much as the rest of a poll (the hot path of `wait()`): an object with the spec's
        required keys (else `TypeError` or `KeyError`) whose values are of the spec's types
        (else `ShapeError`, a `ValueError` naming the field), a `result` included.
        """
        if type(body) is not dict:
            raise TypeError(f"a job is an object, got {type(body).__name__}")
        job = body
        # Every poll: read and checked in one pass (`kbapi._core.readers`), a result included.
        fields = _job_reader().checked(job)
        result: Any = None if fields is None else fields[-1]
        values = None if result is None else _result_reader().checked(result)
        if fields is None or (values is None and result is not None):
            # A value in doubt: checked one by one, which raises or converts.
            fields, result, values = _checked_read(job)
        job_id, created_at, is_failed, status, _ = fields
        return frozen_instance(cls, {
            "job_id": job_id,
            "status": status if status in STATUSES else _status(job),
            "is_failed": is_failed,
            "result": None if values is None else _worker(result, values),
            "created_at": created_at,
            "raw": job,
        })  # fmt: skip

    @classmethod
    def from_model(cls, job: RawJob) -> JobStatus:
        """Read a generated `CompileJob` (through the body it stands for)."""
        return cls.from_body(job.to_dict())


# What a poll reads of a job and of its result (with the value read for an absent key); the
# result's in `_worker`'s order.
_JOB_KEYS: Final = dict.fromkeys(("id", "created_at", "is_failed", "status", "result"))
_RESULT_KEYS: Final = {
    "returncode": None, "output": None, "keyboard": "", "keymap": "", "layout": "",
    "firmware_filename": None, "keymap_archive": "", "source_archive": "",
    "firmware_binary_url": None, "firmware_keymap_url": None, "firmware_source_url": None,
    "exception": None,
}  # fmt: skip


@cache
def _job_reader() -> ObjectReader:
    return object_reader(JOB_FIELDS, _JOB_KEYS)


@cache
def _result_reader() -> ObjectReader:
    """Written on first use, with the generated model (a pending job has no result)."""
    return object_reader(fields_of(result_model()), _RESULT_KEYS)


def _checked_read(job: dict[str, Any]) -> tuple[tuple[Any, ...], Any, tuple[Any, ...] | None]:
    """A job's `_JOB_KEYS`, its result and the result's `_RESULT_KEYS`, each value checked
    alone (`checked_result`), as conform checks a model: this raises or converts."""
    # The spec's required keys, looked up in the generated parser's order.
    job["id"], job["created_at"], job["enqueued_at"], job["is_failed"], job["result"]
    result = checked_result(job)
    values = None if result is None else _result_reader().values(result)
    return _job_reader().values(job), result, values


def _worker(result: dict[str, Any], values: tuple[Any, ...]) -> WorkerResult:
    """`WorkerResult.from_mapping` of a result held to the spec's types, from the values of its
    `_RESULT_KEYS`: none needs its class checked again."""
    (code, output, keyboard, keymap, layout, filename, keymap_archive, source_archive,
     firmware, keymap_url, source, exception) = values  # fmt: skip
    return frozen_instance(WorkerResult, {
        "returncode": code,
        "output": output,
        "keyboard": keyboard,
        "keymap": keymap,
        "layout": layout,
        "firmware_filename": filename or "",  # null after a -4 build
        "keymap_archive": keymap_archive,
        "source_archive": source_archive,
        "firmware_url": firmware[0] if firmware else None,  # lists of one URL
        "keymap_url": keymap_url[0] if keymap_url else None,
        "source_url": source[0] if source else None,
        "exception": exception or None,
        "raw": result,
    })  # fmt: skip


def _status(job: Mapping[str, Any]) -> str:
    if "status" in job:
        # A string (checked_result), maybe one kbapi does not know.
        status = job["status"]
        return status if isinstance(status, str) and status in STATUSES else "unknown"
    # Stored metadata shape: booleans instead of `status`.
    if job.get("is_finished") is True:
        return "finished"
    if job.get("is_started") is True:
        return "running"
    if job.get("is_queued") is True:
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


def _first_url(value: object) -> str | None:
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
