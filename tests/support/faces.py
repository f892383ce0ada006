"""Run one test against both faces of a kbapi client: the sync client and the async one.

The `face` fixture (tests/conftest.py) yields a `Face`. `face.qmk(url, ...)` / `face.q(...)`
build the sync client, or the async client wrapped in `Blocking`, which awaits every coroutine
and iterates every async iterator in one event loop (an anyio blocking portal), so a test body
written once in plain calls exercises both:

    def test_compile(face: Face) -> None:
        with face.qmk(url) as qmk:                # QMKClient, or AsyncQMKClient behind Blocking
            job = qmk.compile(keymap)             # awaited on the async face
            assert [p.status for p in job.watch()][-1] == "finished"

Sleeps given to a face's clients are plain functions; the async face wraps them in coroutines.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal

from anyio.from_thread import BlockingPortal, start_blocking_portal
from kbapi._core import build_async_client, build_client
from kbapi._core.client import TransportOptions
from kbapi.daskeyboard import AsyncQClient, QClient
from kbapi.qmk import AsyncQMKClient, QMKClient

FaceName = Literal["sync", "async"]
FACES: tuple[FaceName, ...] = ("sync", "async")


async def _await(awaitable: Any) -> Any:
    return await awaitable


def async_of(sleep: Callable[[float], object]) -> Callable[[float], Any]:
    """An async sleep that calls the plain `sleep` (a recorder, a simulated clock's advance)."""

    async def run(seconds: float) -> None:
        sleep(seconds)

    return run


class Blocking:
    """An async kbapi object driven from plain code: same attributes, every call awaited."""

    def __init__(self, target: Any, portal: BlockingPortal) -> None:
        self._target = target
        self._portal = portal

    def __repr__(self) -> str:
        return f"Blocking({self._target!r})"

    def __getattr__(self, name: str) -> Any:
        if name == "close":  # the blocking face's close() is aclose() on the async one
            name = "aclose"
        value = getattr(self._target, name)
        if callable(value) and not isinstance(value, type):
            return lambda *args, **kwargs: self._wrap(value(*args, **kwargs))
        return self._wrap(value)

    def __iter__(self) -> Iterator[Any]:
        return self._iterate(self._target)

    def __enter__(self) -> Blocking:
        self._wrap(self._target.__aenter__())
        return self

    def __exit__(self, *exc: object) -> None:
        self._wrap(self._target.__aexit__(*exc))

    def _wrap(self, value: Any) -> Any:
        if inspect.isawaitable(value):
            return self._wrap(self._portal.call(_await, value))
        if hasattr(value, "__anext__"):
            return self._iterate(value)
        if type(value).__name__.startswith("Async") and type(value).__module__.startswith("kbapi"):
            return Blocking(value, self._portal)
        return value

    def _iterate(self, iterable: Any) -> Iterator[Any]:
        iterator = iterable.__aiter__()
        while True:
            try:
                item = self._portal.call(iterator.__anext__)
            except StopAsyncIteration:
                return
            yield self._wrap(item)


@dataclass
class Face:
    """One face of the clients: ``"sync"``, or ``"async"`` driven through a portal."""

    name: FaceName
    portal: BlockingPortal | None = None

    @property
    def is_async(self) -> bool:
        return self.name == "async"

    def wrap(self, client: Any) -> Any:
        """`client` as plain calls: itself on the sync face, behind `Blocking` on the async one."""
        if self.portal is None:
            return client
        return Blocking(client, self.portal)

    def qmk(self, *args: Any, sleep: Callable[[float], object] | None = None, **kw: Any) -> Any:
        """A `QMKClient`, or an `AsyncQMKClient` behind `Blocking`."""
        if sleep is not None:
            kw["sleep"] = async_of(sleep) if self.is_async else sleep
        cls = AsyncQMKClient if self.is_async else QMKClient
        return self.wrap(cls(*args, **kw))

    def q(self, constructor: str = "__call__", *args: Any, **kw: Any) -> Any:
        """``QClient.<constructor>(...)``, or the `AsyncQClient` one behind `Blocking`."""
        cls = AsyncQClient if self.is_async else QClient
        make = cls if constructor == "__call__" else getattr(cls, constructor)
        return self.wrap(make(*args, **kw))

    def http(
        self, base_url: str = "", *, sleep: Callable[[float], object] | None = None, **kw: Any
    ) -> Any:
        """`kbapi._core.build_client(...)`, or `build_async_client(...)` behind `Blocking`."""
        if sleep is not None:
            kw["sleep"] = async_of(sleep) if self.is_async else sleep
        build = build_async_client if self.is_async else build_client
        return self.wrap(build(base_url, **kw))


def options(sleep: Callable[[float], object] | None = None, **kw: Any) -> TransportOptions:
    """`TransportOptions` for either face: `sleep` serves as the sync and the async sleep."""
    if sleep is not None:
        kw |= {"sleep": sleep, "async_sleep": async_of(sleep)}
    return TransportOptions(**kw)


@contextmanager
def face_named(name: FaceName) -> Iterator[Face]:
    """A `Face`; the async one owns an event loop in a thread for as long as the block runs."""
    if name == "sync":
        yield Face("sync")
        return
    with start_blocking_portal() as portal:
        yield Face("async", portal)
