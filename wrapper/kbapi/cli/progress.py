"""What `kbapi qmk compile` / `wait` / `download` show while a job runs.

On a terminal: one live line, a spinner, the job's last status, the time since the wait began
and how long ago the server was last asked (so a stale status is visibly stale). Elsewhere
(piped, CI logs): one line per change. Always on standard error, so that standard output holds
only the result (the firmware's path), for ``fw=$(kbapi qmk compile ...)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console, RenderableType
from rich.live import Live
from rich.spinner import Spinner
from rich.text import Text

from kbapi.qmk import Progress


class JobProgress:
    """The state of the live line; `update` is the `on_progress` callback of `wait()`."""

    def __init__(self, console: Console, clock: Callable[[], float]) -> None:
        self.console = console
        self.clock = clock
        self.started = clock()
        self.checked = self.started
        self.status = "submitting"
        self._spinner = Spinner("dots", style="cyan")

    def elapsed(self) -> float:
        """Seconds since the wait began, on the injected clock."""
        return self.clock() - self.started

    def update(self, progress: Progress) -> None:
        """Record a change seen by the poller (and print it when not on a terminal)."""
        queue = f", {progress.queue_length} in queue" if progress.queue_length is not None else ""
        self.status = f"{progress.status}{queue}"
        self.checked = self.clock()
        if not self.console.is_terminal:
            self.console.print(f"{self.elapsed():6.1f}s  {self.status}")

    def line(self) -> Text:
        """``running  12.3s  (checked 0.4s ago)``."""
        now = self.clock()
        text = Text(self.status, style="bold")
        text.append(f"  {now - self.started:.1f}s", style="cyan")
        if self.status != "submitting":
            text.append(f"  (checked {now - self.checked:.1f}s ago)", style="dim")
        return text

    def __rich__(self) -> RenderableType:
        self._spinner.update(text=self.line())
        return self._spinner

    @contextmanager
    def live(self) -> Iterator[JobProgress]:
        """Show the live line (terminals only) while the block runs; it vanishes afterwards."""
        if not self.console.is_terminal:
            yield self
            return
        with Live(self, console=self.console, transient=True, refresh_per_second=8):
            yield self
