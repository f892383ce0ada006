"""Errors of QMK compile jobs and artifact downloads (all part of the kbapi exception tree).

KbapiError
├── CompileError                     a compile job did not produce firmware; has `job_id`
│   ├── CompileFailed                the build ran and failed (`returncode`, `output`)
│   ├── UnknownKeyboardError         the service does not know the keyboard
│   ├── CompileInfrastructureError   the service failed (status failed/unknown, worker crash)
│   ├── CompileTimeout               still not finished at the deadline (resume with the id)
│   └── JobNotFoundError             unknown or expired job id
└── APIError
    └── DownloadError                an artifact could not be saved
        ├── UnsafeFileNameError      the server's file name would escape the target folder
        └── EmptyDownloadError       the server sent an empty file
"""

from __future__ import annotations

from typing import Final

from kbapi._core.errors import APIError, KbapiError


class CompileError(KbapiError):
    """A compile job ended (or was given up on) without firmware. `job_id` may be None."""

    def __init__(self, message: str, *, job_id: str | None = None) -> None:
        self.job_id = job_id
        super().__init__(f"job {job_id}: {message}" if job_id else message)


class CompileFailed(CompileError):
    """The build ran and failed: `returncode` is non-zero and `output` is the build log.

    `output` has its ANSI colour codes stripped; `output_tail` is its last lines, for messages.
    """

    def __init__(self, returncode: int, output: str, *, job_id: str | None = None) -> None:
        self.returncode = returncode
        self.output = output
        super().__init__(
            f"build failed (returncode {returncode}):\n{self.output_tail}", job_id=job_id
        )

    @property
    def output_tail(self) -> str:
        """The last 15 lines of the build output."""
        return "\n".join(self.output.rstrip().splitlines()[-15:])


class UnknownKeyboardError(CompileError):
    """The keyboard is not in the service's keyboard tree (`returncode: -1`) or metadata."""

    def __init__(self, keyboard: str, *, job_id: str | None = None, hint: str = "") -> None:
        self.keyboard = keyboard
        detail = f"unknown keyboard {keyboard!r}"
        super().__init__(f"{detail}; {hint}" if hint else detail, job_id=job_id)


class CompileInfrastructureError(CompileError):
    """The service failed, not the build: status `failed` or `unknown`, or a worker exception.

    `status` is the job status seen; `exception` the worker's exception class name, if any.
    Submitting the same keymap again later usually works.
    """

    def __init__(
        self,
        message: str,
        *,
        job_id: str | None = None,
        status: str | None = None,
        exception: str | None = None,
    ) -> None:
        self.status = status
        self.exception = exception
        super().__init__(message, job_id=job_id)


class CompileTimeout(CompileError, TimeoutError):
    """The job was not finished when the deadline passed; it may still finish.

    Resume with ``client.job(err.job_id).wait()``. `last_status` is the status seen last.
    """

    job_id: str  # always known: the job was submitted

    def __init__(self, job_id: str, waited: float, last_status: str | None) -> None:
        self.waited = waited
        self.last_status = last_status
        super().__init__(
            f"not finished after {waited:.1f}s (last status {last_status or 'unknown'}); "
            f"resume with client.job({job_id!r}).wait()",
            job_id=job_id,
        )


class JobNotFoundError(CompileError):
    """The service does not know the job id: never submitted, or expired (results last ~24 h).

    The documented answer is a JSON 404, but the live service answers an HTML
    `500 Internal Server Error` for an unknown or expired id; kbapi reads that 500 as "not
    found" for a job this client never saw alive.
    """

    job_id: str

    def __init__(self, message: str, *, job_id: str) -> None:
        super().__init__(message, job_id=job_id)


JOB_NOT_FOUND: Final = "no such job (or it expired)"
LIVE_500_NOTE: Final = (
    "the live service answers 500 Internal Server Error for an unknown or expired job id"
)


class DownloadError(APIError):
    """An artifact download failed after the server answered."""


class UnsafeFileNameError(DownloadError):
    """The server proposed a file name that is not a plain name inside the target folder."""


class EmptyDownloadError(DownloadError):
    """The server sent an empty file where firmware, a keymap or a source archive was due."""


class CorruptFirmwareError(DownloadError):
    """A downloaded file breaks what its format promises, or is shorter than declared.

    `reason` says what is wrong (a bad record checksum, no end-of-file record, a UF2 block
    count that does not match, fewer bytes than Content-Length). Nothing is left on disk.
    """

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason
