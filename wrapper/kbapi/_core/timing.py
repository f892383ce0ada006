"""The sleeps kbapi waits with, as types and defaults; injectable everywhere, so tests never wait.

`async_default_sleep` is what the async sources use; their generated sync twins use
`default_sleep` (tools/unasync.py maps one name onto the other).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Final, TypeAlias

Sleep: TypeAlias = Callable[[float], None]
AsyncSleep: TypeAlias = Callable[[float], Awaitable[None]]
Clock: TypeAlias = Callable[[], float]

default_sleep: Final[Sleep] = time.sleep


async def async_default_sleep(seconds: float) -> None:
    """`anyio.sleep`, imported on first use: sync users never load an event loop library."""
    import anyio

    await anyio.sleep(seconds)
