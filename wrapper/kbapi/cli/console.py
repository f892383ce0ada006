"""The one place the `kbapi` commands get their consoles and report errors.

Exit status of every command (docs/cli.md):

- 0 ok;
- 1 the operation failed: the server refused or broke down, the build failed, a check found
  problems, a contract failed;
- 2 bad input or usage: bad options, files or keymaps, an unknown job id, and a URL where no
  server answers at all (connection refused, unknown host): nothing was done, fix the command.

Consoles are made per command run, not at import, so that ``COLUMNS`` / ``NO_COLOR`` and
typer's test runner (which swaps the standard streams) are honoured.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Final, NoReturn

import httpx
import typer
from rich.console import Console
from rich.text import Text

from kbapi._core.errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    InputError,
    KbapiError,
)

OK: Final = 0
FAILED: Final = 1
USAGE: Final = 2
INTERRUPTED: Final = 130


def out_console() -> Console:
    """Standard output: results. Rich wraps prose at word boundaries to the terminal width."""
    return Console(highlight=False)


def err_console() -> Console:
    """Standard error: progress, errors and hints."""
    return Console(highlight=False, stderr=True)


@dataclass(frozen=True)
class Service:
    """What the error reporter says about the server a command talks to."""

    name: str
    """e.g. ``QMK compile API``."""
    url: str
    """The base URL in use (already redacted of secrets by the caller if it had any)."""
    env_var: str
    """The environment variable that sets the URL, e.g. ``KBAPI_QMK_URL``."""
    check: str = ""
    """One more thing to check when nothing answers (e.g. "is Q Desktop running?")."""


def exit_code(exc: BaseException) -> int:
    """The exit status for an error that ended a command (see the module docstring)."""
    # Imported here: qmk is not needed to report Q or contract errors.
    from kbapi.qmk.errors import JobNotFoundError, UnknownKeyboardError

    usage = InputError | JobNotFoundError | UnknownKeyboardError | OSError
    return USAGE if isinstance(exc, usage) or unreachable(exc) else FAILED


def unreachable(exc: BaseException) -> bool:
    """True for a connection that could not even be opened (refused, unknown host)."""
    if not isinstance(exc, APIConnectionError) or isinstance(exc, APITimeoutError):
        return False
    return isinstance(exc.__cause__, httpx.ConnectError)


def looks_like_html(exc: BaseException) -> bool:
    """True when the server answered with a web page instead of the API's JSON."""
    body = getattr(exc, "body_text", None)
    if not isinstance(exc, APIResponseValidationError | APIStatusError) or not body:
        return False
    head = body.lstrip()[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head


def guidance(exc: BaseException, service: Service | None) -> list[str]:
    """Hint lines for an error: what to check, naming the URL and the ways to change it."""
    if service is None or not isinstance(exc, APIError):
        return []
    where = f"set another with --base-url or {service.env_var}"
    if unreachable(exc):
        lines = [f"hint: nothing answers at {service.url}."]
        if service.check:
            lines.append(f"hint: {service.check}")
        return [*lines, f"hint: is that the right URL? {where}."]
    if isinstance(exc, APITimeoutError):
        return [
            f"hint: {service.url} did not answer in time; try a larger --timeout, "
            f"or check the URL ({where})."
        ]
    if looks_like_html(exc):
        return [
            f"hint: {service.url} answered with a web page: it does not look like the "
            f"{service.name}; {where}."
        ]
    return []


def print_error(exc: BaseException, service: Service | None = None) -> None:
    """Print `exc` as ``error: ...``, its notes and the guidance lines, on standard error."""
    err = err_console()
    message = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    if isinstance(exc, OSError) and exc.filename:
        message = f"{exc.filename}: {message}"
    err.print(Text.assemble(("error: ", "red"), message))
    for note in getattr(exc, "__notes__", []):
        err.print(Text(note))
    for line in guidance(exc, service):
        err.print(Text(line, style="yellow"))


def fail(exc: BaseException, service: Service | None = None) -> NoReturn:
    """Report `exc` and end the command with its exit status."""
    print_error(exc, service)
    raise typer.Exit(exit_code(exc)) from exc


@contextmanager
def reporting(service: Service | None = None) -> Iterator[None]:
    """End the command readably on a kbapi error (or an unreadable file): message, hints, status."""
    try:
        yield
    except (KbapiError, OSError) as exc:
        fail(exc, service)
