"""Build durations this client has seen, per service and keyboard, kept in a small JSON file.

`wait()` uses them to poll less and notice the end sooner (`kbapi.qmk.polling`). The file
holds numbers only (seconds), at most `MAX_ENTRIES` keyboards with the last `KEEP` builds
each, and is rewritten atomically. Turn it off with ``QMKClient(build_history=None)`` or the
environment variable ``KBAPI_BUILD_HISTORY=off``; point it elsewhere with
``KBAPI_BUILD_HISTORY=/path/file.json``. A broken or unreadable file is ignored, never an
error: it only makes polling start from the plain schedule.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Any, Final

from kbapi.qmk.polling import Forecast, Measured

ENV: Final = "KBAPI_BUILD_HISTORY"
KEEP: Final = 8
MAX_ENTRIES: Final = 200
_OFF: Final = frozenset({"", "0", "off", "no", "false", "none"})


def default_path() -> Path | None:
    """Where the history lives: `$KBAPI_BUILD_HISTORY`, else the user's cache folder."""
    setting = os.environ.get(ENV)
    if setting is not None:
        return None if setting.strip().lower() in _OFF else Path(setting).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(cache) / "kbapi" / "qmk-build-times.json"


def _numbers(value: Any) -> tuple[float, ...]:
    if not isinstance(value, list):
        return ()
    kept = [float(v) for v in value if isinstance(v, int | float) and 0 < v < 86_400]
    return tuple(kept[-KEEP:])


class BuildHistory:
    """Remembered build durations; `path=None` keeps them in memory for this process only."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._lock = threading.Lock()
        self._entries: dict[str, dict[str, tuple[float, ...]]] | None = None

    @classmethod
    def default(cls) -> BuildHistory | None:
        """The history at `default_path()`, or None when turned off."""
        path = default_path()
        return None if path is None else cls(path)

    def forecast(self, service: str, keyboard: str | None) -> Forecast | None:
        """What earlier builds of `keyboard` on `service` took (None if never seen)."""
        if keyboard is None:
            return None
        with self._lock:
            entry = self._load().get(_key(service, keyboard))
        if not entry:
            return None
        return Forecast(totals=entry.get("totals", ()), runs=entry.get("runs", ()))

    def record(self, service: str, keyboard: str | None, measured: Measured | None) -> None:
        """Remember one build; the file is rewritten (best effort)."""
        if keyboard is None or measured is None:
            return
        with self._lock:
            entries = self._load()
            key = _key(service, keyboard)
            entry = entries.pop(key, {})
            entry = dict(entry, totals=(*entry.get("totals", ()), measured.total)[-KEEP:])
            if measured.run is not None:
                entry["runs"] = (*entry.get("runs", ()), measured.run)[-KEEP:]
            entries[key] = entry  # newest last: the oldest keyboards go first
            while len(entries) > MAX_ENTRIES:
                del entries[next(iter(entries))]
            self._save(entries)

    def _load(self) -> dict[str, dict[str, tuple[float, ...]]]:
        if self._entries is None:
            self._entries = {}
            if self.path is not None:
                self._entries = _read(self.path)
        return self._entries

    def _save(self, entries: dict[str, dict[str, tuple[float, ...]]]) -> None:
        if self.path is None:
            return
        document = {"version": 1, "builds": {k: dict(v) for k, v in entries.items()}}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        except OSError:
            return  # a cache: losing it costs a few polls, never the build
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(document, out)
            os.replace(temporary, self.path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)


def _key(service: str, keyboard: str) -> str:
    # Per service: a mock on loopback builds in seconds, api.qmk.fm in a minute.
    return f"{service.rstrip('/')} {keyboard}"


def _read(path: Path) -> dict[str, dict[str, tuple[float, ...]]]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        builds = document["builds"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    if not isinstance(builds, dict):
        return {}
    entries: dict[str, dict[str, tuple[float, ...]]] = {}
    for key, entry in list(builds.items())[-MAX_ENTRIES:]:
        if isinstance(key, str) and isinstance(entry, dict):
            kept = {name: _numbers(entry.get(name)) for name in ("totals", "runs")}
            entries[key] = {name: values for name, values in kept.items() if values}
    return entries
