"""Save compile artifacts: pick a safe file name, stream to a temporary file, rename atomically.

The API answers each download route with a 302 to a presigned storage URL on another host. That
URL is fetched with a separate client that carries none of the API client's headers, and the
file appears in the target folder only once it is complete: a failed or empty download leaves
nothing behind. `kbapi.qmk.async_fetch` (and its sync twin) does the streaming.
"""

from __future__ import annotations

import os
import re
import tempfile
from email.message import Message
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Final, Literal

import httpx

from kbapi._core.errors import (
    APIResponseValidationError,
    InputError,
)
from kbapi.qmk.errors import EmptyDownloadError, UnsafeFileNameError
from kbapi.qmk.integrity import check_artifact

Artifact = Literal["firmware", "keymap", "source"]
MIB: Final = 1024 * 1024
ARTIFACT_LIMITS: Final[dict[Artifact, int]] = {
    "firmware": 16 * MIB,  # the largest flash QMK boards have is a few MiB (UF2 doubles it)
    "keymap": 32 * MIB,  # JSON: the response cap every other JSON body has
    "source": 1024 * MIB,  # the qmk_firmware tree with its submodules, zipped
}
"""The size cap of each artifact kind, in bytes; downloads stream to disk, so memory stays flat."""
# Which result field names each artifact's file (reference §4.2).
NAME_FIELDS: Final[dict[Artifact, str]] = {
    "firmware": "firmware_filename",
    "keymap": "keymap_archive",
    "source": "source_archive",
}
MAX_NAME_CHARS: Final = 255
_UNSAFE: Final = re.compile(r"[\x00-\x1f\x7f/\\:]")


def safe_file_name(name: str, *, origin: str = "the server") -> str:
    """Return `name` if it is a plain file name that stays inside any folder, else raise.

    Refused: empty names, `.`/`..`, path separators, drive colons, control characters, leading
    dots (hidden files, `..`-tricks) and surrounding spaces.
    """
    problem = _name_problem(name)
    if problem is None:
        return name
    shown = repr(name) if isinstance(name, str) else f"<{type(name).__name__}>"
    message = f"refusing file name {shown} from {origin}: {problem}"
    if origin == "the server":
        raise UnsafeFileNameError(message)
    raise InputError(message)


def _name_problem(name: object) -> str | None:
    if not isinstance(name, str):
        return "not a string"
    if not name or name.startswith(".") or name != name.strip():
        return "not a plain file name"
    if _UNSAFE.search(name):
        return "contains a path separator or control character"
    try:
        size = len(name.encode("utf-8"))
    except UnicodeEncodeError:  # a lone surrogate (JSON can carry "\ud800"): no file has it
        return "not valid Unicode text"
    if size > MAX_NAME_CHARS:
        return "too long"
    return None


def disposition_name(headers: httpx.Headers) -> str | None:
    """The ``filename`` of a Content-Disposition header, if any."""
    value = headers.get("content-disposition")
    if not value:
        return None
    message = Message()
    message["content-disposition"] = value
    name = message.get_filename()
    return name if isinstance(name, str) else None


def choose_name(expected: str | None, headers: httpx.Headers, url: httpx.URL) -> str:
    """The file name to save under: the job result's, else Content-Disposition, else the URL's."""
    name = expected or disposition_name(headers) or url.path.rsplit("/", 1)[-1]
    return safe_file_name(name)


def redirect_target(response_headers: httpx.Headers, base_url: httpx.URL) -> httpx.URL:
    """The absolute URL a 302 download answer points to."""
    location = response_headers.get("location")
    if not location:
        raise APIResponseValidationError("download redirect without a Location header")
    return base_url.join(location)


def process_umask() -> int:
    """The process umask, read without changing it where the system tells it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o077)  # elsewhere: set and restore, with a strict mask in between
    os.umask(mask)
    return mask


class AtomicFile:
    """Write `target` through a temporary sibling; rename on success, delete on any failure.

    Before the rename the whole file is checked (`kbapi.qmk.integrity.check_artifact`: the
    length the response declared in `declared`, then what its format promises).
    """

    def __init__(self, target: Path, declared: int | None = None) -> None:
        self.target = target
        self.declared = declared
        self.size = 0
        self._tmp: Path | None = None
        self._file: BinaryIO | None = None

    def __enter__(self) -> AtomicFile:
        fd, tmp = tempfile.mkstemp(dir=self.target.parent, prefix=".kbapi-", suffix=".part")
        # mkstemp makes the file 0600; the saved file gets the mode any new file would get.
        os.fchmod(fd, 0o666 & ~process_umask())
        self._tmp = Path(tmp)
        self._file = os.fdopen(fd, "wb")
        return self

    def write(self, chunk: bytes) -> None:
        """Append `chunk` to the temporary file."""
        assert self._file is not None, "write() outside the with block"
        self._file.write(chunk)
        self.size += len(chunk)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._file is not None and self._tmp is not None
        try:
            if exc_type is None:
                self._file.flush()
                os.fsync(self._file.fileno())
            self._file.close()
            if exc_type is None and self.size == 0:
                raise EmptyDownloadError(f"the server sent an empty file for {self.target.name}")
            if exc_type is None:
                check_artifact(self.target.name, self._tmp.read_bytes(), self.declared)
                os.replace(self._tmp, self.target)
        finally:
            self._tmp.unlink(missing_ok=True)


def prepare_folder(folder: str | os.PathLike[str]) -> Path:
    """Create the target folder if needed and return it resolved."""
    path = Path(folder).expanduser()
    if path.exists() and not path.is_dir():
        raise InputError(f"{path} exists and is not a folder")
    path.mkdir(parents=True, exist_ok=True)
    return path.resolve()


def target_path(folder: Path, name: str) -> Path:
    """``folder / name``, refused if it resolves outside `folder` (a link, a case trick)."""
    target = folder / name
    if target.resolve().parent != folder:
        raise UnsafeFileNameError(f"refusing file name {name!r}: it resolves outside {folder}")
    return target


def declared_length(headers: httpx.Headers) -> int | None:
    """The Content-Length of an unencoded body (a compressed one is longer once decoded)."""
    if headers.get("content-encoding", "identity").strip().lower() != "identity":
        return None
    try:
        value = int(headers.get("content-length", ""))
    except ValueError:
        return None
    return value if value >= 0 else None
