"""Seeded fault injection around any ASGI app: errors, 429s, latency, dropped connections.

`with_faults(app, FaultConfig(...))` returns a `FaultInjector` (an ASGI app) whose `stats`
count what was injected. Off by default (all rates 0). With a `seed`, the same request sequence
gets the same faults: every HTTP request that matches `paths` draws exactly four random numbers.

Environment: `KBAPI_MOCK_FAULTS="error=0.2,429=0.05,retry_after=1,latency=0.1,latency_rate=0.1,
drop=0.02,drop_after=1,seed=7,paths=^/v1/compile"` (`paths` must come last: the regex may
contain commas). `FaultConfig.from_env()` reads it.

A dropped connection starts the response (status and a Content-Length) and then returns
without a body, so uvicorn closes the socket and the client sees an incomplete message. With
`drop_after_processing`, the wrapped app handles the request first (e.g. a job is created)
and only the answer is lost, to test that clients do not blindly resend POSTs.

Two more faults come after the wrapped app applied the request, the other ambiguous cases a
client meets: `late_error_rate` answers 500/503 instead of the app's answer (a server that
failed after it acted), and `late_latency_rate` holds the app's answer for `late_latency`
seconds (longer than the client's timeout: the client times out on an applied request). Their
draws (one each) are made only when their rate is set, so older seeded sequences stay the same.
Environment keys: ``late_error``, ``late_latency``, ``late_latency_rate``.

`FaultStats` counts each kind; `FaultStats.after_applied` is how many came after the app acted.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import random
import re
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Final

from starlette.types import ASGIApp, Message, Receive, Scope, Send

ENV_VAR = "KBAPI_MOCK_FAULTS"


@dataclass(frozen=True)
class FaultConfig:
    """What to inject, and how often (rates are probabilities per matching request)."""

    error_rate: float = 0.0
    rate_limit_rate: float = 0.0
    retry_after: float = 1.0
    latency: float = 0.0
    latency_rate: float = 0.0
    drop_rate: float = 0.0
    drop_after_processing: bool = False
    seed: int | None = None
    paths: str | None = None
    error_statuses: tuple[int, ...] = (500, 503)
    late_error_rate: float = 0.0
    late_latency: float = 0.0
    late_latency_rate: float = 0.0
    methods: tuple[str, ...] | None = None
    """Only requests with these methods (e.g. ``("POST",)``) get faults; None: every method."""

    def __post_init__(self) -> None:
        rates = ("error_rate", "rate_limit_rate", "latency_rate", "drop_rate", "late_error_rate")
        for name in (*rates, "late_latency_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, got {value}")
        if min(self.latency, self.retry_after, self.late_latency) < 0:
            raise ValueError("latency, late_latency and retry_after must not be negative")
        if self.paths is not None:
            try:
                re.compile(self.paths)
            except re.error as exc:
                raise ValueError(f"paths is not a valid regex: {exc}") from exc

    @property
    def enabled(self) -> bool:
        """True if any fault can happen."""
        rates = (self.error_rate, self.rate_limit_rate, self.drop_rate, self.late_error_rate)
        slow = (self.latency, self.latency_rate), (self.late_latency, self.late_latency_rate)
        return any(rates) or any(delay > 0 and rate > 0 for delay, rate in slow)

    @classmethod
    def parse(cls, spec: str, **overrides: Any) -> FaultConfig:
        """Parse ``key=value,...`` (see the module docstring); `overrides` win."""
        values: dict[str, Any] = {}
        parts = spec.split(",")
        for index, part in enumerate(parts):
            key, _, raw = part.strip().partition("=")
            if not key:
                continue
            if key == "paths":
                values["paths"] = ",".join([raw, *parts[index + 1 :]])
                break
            if key not in _SPEC_KEYS:
                raise ValueError(f"unknown fault setting {key!r} in {spec!r}")
            values[_SPEC_KEYS[key]] = _convert(_SPEC_KEYS[key], raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> FaultConfig:
        """Read `KBAPI_MOCK_FAULTS`; no variable = no faults."""
        env = os.environ if environ is None else environ
        return cls.parse(env.get(ENV_VAR, ""))


# The keys of a fault spec: every setting by its field name (but `paths`, read apart, and the
# tuples), and the short forms of the module docstring.
_SPEC_KEYS: Final = {
    **{
        f.name: f.name
        for f in fields(FaultConfig)
        if f.name not in ("paths", "error_statuses", "methods")
    },
    "error": "error_rate",
    "429": "rate_limit_rate",
    "rate_limit": "rate_limit_rate",
    "drop": "drop_rate",
    "drop_after": "drop_after_processing",
    "late_error": "late_error_rate",
}


def _convert(name: str, raw: str) -> Any:
    raw = raw.strip()
    if name == "seed":
        return int(raw)
    if name == "drop_after_processing":
        return raw.lower() in ("1", "true", "yes", "on")
    return float(raw)


@dataclass
class FaultStats:
    """Counters of what the injector did (read by tests and benchmarks)."""

    requests: int = 0
    matched: int = 0
    errors: int = 0
    rate_limited: int = 0
    delayed: int = 0
    dropped: int = 0
    late_errors: int = 0
    late_delayed: int = 0
    dropped_after: int = 0
    by_status: dict[int, int] = field(default_factory=dict)

    @property
    def injected(self) -> int:
        """Requests that got an error (before or after the app), a 429, a drop or a late delay
        (latency before the app alone is not counted)."""
        return self.errors + self.rate_limited + self.dropped + self.late_errors + self.late_delayed

    @property
    def after_applied(self) -> int:
        """Faults that came after the app handled the request (late errors and delays, drops
        after processing)."""
        return self.late_errors + self.late_delayed + self.dropped_after

    def as_dict(self) -> dict[str, Any]:
        """A plain snapshot."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["by_status"] = dict(self.by_status)
        data["injected"] = self.injected
        data["after_applied"] = self.after_applied
        return data


@dataclass(frozen=True)
class _Decision:
    drop: bool
    status: int | None
    delay: float
    late_status: int | None = None
    late_delay: float = 0.0
    drop_after: bool | None = None  # None: as the config says


SCRIPTED: Final[dict[str, _Decision]] = {
    "pass": _Decision(False, None, 0.0),
    "error": _Decision(False, 500, 0.0),
    "429": _Decision(False, 429, 0.0),
    "latency": _Decision(False, None, math.inf),
    "drop": _Decision(True, None, 0.0, drop_after=False),
    "drop_after": _Decision(True, None, 0.0, drop_after=True),
    "late_error": _Decision(False, None, 0.0, late_status=500),
    "late_latency": _Decision(False, None, 0.0, late_delay=math.inf),
}
"""The faults `FaultInjector.script` takes by name; latencies are held until `release()`."""


class FaultInjector:
    """ASGI middleware that injects the faults of `config` into HTTP requests."""

    def __init__(
        self,
        app: ASGIApp,
        config: FaultConfig,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.app = app
        # Latency is served with this (tests pass an event's wait to hold without a clock).
        self.sleep = sleep
        self._script: deque[_Decision] = deque()
        self._scripted = False
        self._holds: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []
        self.configure(config)

    def configure(self, config: FaultConfig) -> None:
        """Inject the faults of `config` from now on (counters and random sequence restart)."""
        self.config = config
        self._paths = re.compile(config.paths) if config.paths else None
        self.reset()

    def reset(self) -> None:
        """Zero the counters and restart the random sequence from the seed."""
        self.stats = FaultStats()
        self._rng = random.Random(self.config.seed)
        self._script.clear()

    def _matches(self, scope: Scope) -> bool:
        methods = self.config.methods
        if methods is not None and scope.get("method") not in methods:
            return False
        return self._paths is None or bool(self._paths.search(scope.get("path", "")))

    def script(self, *faults: str) -> None:
        """Give the next matching requests these faults (names of `SCRIPTED`), in order, before
        the random ones resume: a deterministic schedule for tests. Scripted latencies wait
        for `release()` (or `sleep`, if it returns), so no test sleeps for real."""
        unknown = [name for name in faults if name not in SCRIPTED]
        if unknown:
            raise ValueError(f"unknown scripted faults {unknown}; known: {sorted(SCRIPTED)}")
        self._script.extend(SCRIPTED[name] for name in faults)
        self._scripted = True  # from now on requests are counted, scripted or not

    def release(self) -> None:
        """End every scripted latency that is holding a request (thread-safe)."""
        for loop, event in list(self._holds):
            loop.call_soon_threadsafe(event.set)

    async def _hold(self, seconds: float) -> None:
        if not math.isinf(seconds):
            await self.sleep(seconds)
            return
        event = asyncio.Event()
        hold = (asyncio.get_running_loop(), event)
        self._holds.append(hold)
        try:
            await event.wait()
        finally:
            self._holds.remove(hold)

    def _decide(self) -> _Decision:
        if self._script:
            return self._script.popleft()
        cfg = self.config
        # Always four draws, so that the sequence does not depend on earlier outcomes.
        drop, fail, limit, slow = (self._rng.random() for _ in range(4))
        status: int | None = None
        if fail < cfg.error_rate:
            status = cfg.error_statuses[int(fail * 1e6) % len(cfg.error_statuses)]
        elif limit < cfg.rate_limit_rate:
            status = 429
        delay = cfg.latency if slow < cfg.latency_rate else 0.0
        late_status, late_delay = None, 0.0
        if cfg.late_error_rate and self._rng.random() < cfg.late_error_rate:
            late_status = cfg.error_statuses[self._rng.getrandbits(8) % len(cfg.error_statuses)]
        if cfg.late_latency_rate and self._rng.random() < cfg.late_latency_rate:
            late_delay = cfg.late_latency
        return _Decision(drop < cfg.drop_rate, status, delay, late_status, late_delay)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not (self.config.enabled or self._scripted):
            await self.app(scope, receive, send)
            return
        self.stats.requests += 1
        if not self._matches(scope):
            await self.app(scope, receive, send)
            return
        self.stats.matched += 1
        decision = self._decide()
        if decision.delay:
            self.stats.delayed += 1
            await self._hold(decision.delay)
        if decision.drop:
            await self._drop(scope, receive, send, decision.drop_after)
        elif decision.status is not None:
            await self._fail(decision.status, send)
        elif decision.late_status is not None or decision.late_delay:
            await self._late(decision, scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def _late(self, decision: _Decision, scope: Scope, receive: Receive, send: Send) -> None:
        """Let the app apply the request, then fail or hold its answer."""
        held: list[Message] = []

        async def keep(message: Message) -> None:
            held.append(message)

        await self.app(scope, receive, keep)
        if decision.late_status is not None:
            self.stats.late_errors += 1
            await self._fail(decision.late_status, send, count=False)
            return
        self.stats.late_delayed += 1
        await self._hold(decision.late_delay)
        for message in held:
            await send(message)

    async def _drop(
        self, scope: Scope, receive: Receive, send: Send, after: bool | None = None
    ) -> None:
        self.stats.dropped += 1
        if self.config.drop_after_processing if after is None else after:
            self.stats.dropped_after += 1

            async def discard(message: Message) -> None:
                return None

            await self.app(scope, receive, discard)
        # Promise a body and never send it: uvicorn then closes the connection.
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", b"64")],
            }
        )

    async def _fail(self, status: int, send: Send, *, count: bool = True) -> None:
        if count and status == 429:
            self.stats.rate_limited += 1
        elif count:
            self.stats.errors += 1
        self.stats.by_status[status] = self.stats.by_status.get(status, 0) + 1
        message = "Too many requests (injected fault)" if status == 429 else "Injected fault"
        body = json.dumps({"code": status, "message": message}).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
        if status == 429:
            seconds = math.ceil(self.config.retry_after)
            headers.append((b"retry-after", str(seconds).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def with_faults(app: ASGIApp, config: FaultConfig | None = None) -> FaultInjector:
    """Wrap `app` with fault injection (`config` None = `FaultConfig.from_env()`)."""
    return FaultInjector(app, config if config is not None else FaultConfig.from_env())
