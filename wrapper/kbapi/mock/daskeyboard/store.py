"""In-memory signal store shared by the cloud and local mocks (one instance per app)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Light:
    """One zone a signal lights: effective device pid, zone key, shown zone id, colour, effect."""

    pid: str
    zone: str
    zone_id: str
    color: str
    effect: str


@dataclass
class StoredSignal:
    """A signal: its public JSON `body`, its owner (cloud user id, None locally) and its lights."""

    id: int
    owner: int | None
    body: dict[str, Any]
    lights: list[Light]
    seq: int = 0

    @property
    def archived(self) -> bool:
        """Archived signals stay listed but are not displayed (no shadow)."""
        return bool(self.body.get("isArchived"))

    def render(self, light: Light) -> dict[str, Any]:
        """The body as a shadow entry for one of its lights."""
        shown = dict(self.body)
        shown.update(zoneId=light.zone_id, color=light.color, effect=light.effect)
        return shown


@dataclass
class SignalStore:
    """Signals with ids allocated upward from 1 (cloud) or downward from -1 (local)."""

    negative_ids: bool = False
    clock: Callable[[], float] = time.time
    _signals: dict[int, StoredSignal] = field(default_factory=dict)
    _last_id: int = 0
    _seq: int = 0
    # Bumped by every change, so that sorted listings can be cached until the next one.
    version: int = 0
    _lock: threading.RLock = field(default_factory=threading.RLock)

    def reset(self) -> None:
        """Forget every signal and restart the ids."""
        with self._lock:
            self._signals.clear()
            self._last_id = 0
            self._seq = 0
            self.version += 1

    def now_ms(self) -> int:
        """Epoch milliseconds, the unit of `createdAt`/`updatedAt`/`readAt`."""
        return int(self.clock() * 1000)

    def add(self, owner: int | None, body: dict[str, Any], lights: list[Light]) -> StoredSignal:
        """Store a new signal; fills `id`, `createdAt` and `updatedAt` in `body`."""
        with self._lock:
            self._last_id += 1
            self._seq += 1
            signal_id = -self._last_id if self.negative_ids else self._last_id
            now = self.now_ms()
            body.update(id=signal_id, createdAt=now, updatedAt=now)
            signal = StoredSignal(signal_id, owner, body, lights, self._seq)
            self._signals[signal_id] = signal
            self.version += 1
            return signal

    def get(self, signal_id: int, owner: int | None) -> StoredSignal | None:
        """The signal if it exists and belongs to `owner`."""
        with self._lock:
            signal = self._signals.get(signal_id)
            return signal if signal is not None and signal.owner == owner else None

    def remove(self, signal_id: int, owner: int | None) -> bool:
        """Delete one signal of `owner`; False if there is none with that id."""
        with self._lock:
            if self.get(signal_id, owner) is None:
                return False
            del self._signals[signal_id]
            self.version += 1
            return True

    def owned(self, owner: int | None) -> list[StoredSignal]:
        """Every signal of `owner`, oldest first."""
        with self._lock:
            return [s for s in self._signals.values() if s.owner == owner]

    def shadows(self, owner: int | None, pid: str | None) -> list[tuple[StoredSignal, Light]]:
        """The latest non-archived signal per (device, zone): what the keyboards display."""
        latest: dict[tuple[str, str], tuple[StoredSignal, Light]] = {}
        for signal in self.owned(owner):
            if signal.archived:
                continue
            for light in signal.lights:
                if pid is None or light.pid == pid:
                    latest[(light.pid, light.zone)] = (signal, light)
        return sorted(latest.values(), key=lambda pair: pair[0].seq)

    def in_zone(
        self, owner: int | None, pid: str | None, zone: str
    ) -> tuple[StoredSignal, Light] | None:
        """The signal displayed in one zone, if any."""
        found = [pair for pair in self.shadows(owner, pid) if pair[1].zone == zone]
        return found[-1] if found else None

    def remove_zone(self, owner: int | None, pid: str | None, zone: str) -> int:
        """Take the zone off every signal of `owner`; signals left with no zone are deleted."""
        removed = 0
        with self._lock:
            for signal in self.owned(owner):
                kept = [
                    light
                    for light in signal.lights
                    if not (light.zone == zone and (pid is None or light.pid == pid))
                ]
                if len(kept) == len(signal.lights):
                    continue
                removed += 1
                signal.lights = kept
                if not kept:
                    del self._signals[signal.id]
            self.version += removed
        return removed

    def touch(self) -> None:
        """Note an in-place change of a stored body (status flags, timestamps)."""
        with self._lock:
            self.version += 1

    def snapshot(self) -> list[dict[str, Any]]:
        """Copies of every stored body (all owners), for test assertions."""
        with self._lock:
            return [dict(signal.body) for signal in self._signals.values()]
