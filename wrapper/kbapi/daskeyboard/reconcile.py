"""Signals sent again only if the server does not show them, pure (see `kbapi._core.resend`).

When ``POST /signals`` fails after it may have been applied (dropped connection, timeout, 5xx),
both Q clients look at the server before resending: locally the device's shadows, in the cloud
the signals created since the send (newest first). A signal there that carries what we sent
(pid, zone in any form, colour, effect, name, message), created no earlier than the send
minus `SKEW_MS`, and not already known to this client, is adopted as the answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from kbapi._core.resend import ResendPlan
from kbapi._generated.q_api.models import Signal, SignalCreate
from kbapi.daskeyboard.colors import normalized_or_raw
from kbapi.daskeyboard.signals import LayoutFor
from kbapi.daskeyboard.zones import ZoneError

SIGNAL_PLAN: Final = ResendPlan(can_look=True, resends=3)
SKEW_MS: Final = 30_000
"""How much earlier than our clock's send time the server's ``createdAt`` may read."""
LOOK_SIZE: Final = 100
LOOK_PAGES: Final = 5
"""The cloud look reads at most this many pages of `LOOK_SIZE`, newest first."""
NEWEST_FIRST: Final = "createdAt,DESC"


def _zone(zone_id: str, pid: str, layout_for: LayoutFor) -> str:
    try:
        return layout_for(pid).resolve(zone_id).xy
    except ZoneError:
        return f"raw:{zone_id}"


def same_signal(signal: Signal, body: SignalCreate, layout_for: LayoutFor) -> bool:
    """True if `signal` (from the server) carries what `body` sent."""
    sent = (body.pid, body.effect, body.name, body.message, normalized_or_raw(body.color))
    held = (signal.pid, signal.effect, signal.name, signal.message, normalized_or_raw(signal.color))
    if sent != held:
        return False
    return _zone(signal.zone_id, signal.pid, layout_for) == _zone(
        body.zone_id, body.pid, layout_for
    )


def find_sent(
    signals: Iterable[Signal],
    body: SignalCreate,
    since_ms: int,
    known: set[int],
    layout_for: LayoutFor,
) -> Signal | None:
    """The newest of `signals` that is `body`, created since `since_ms`, not in `known`."""
    earliest = since_ms - SKEW_MS
    found = [
        s
        for s in signals
        if s.created_at >= earliest and s.id not in known and same_signal(s, body, layout_for)
    ]
    return max(found, key=lambda s: s.created_at, default=None)


def older_than_send(page: list[Signal], since_ms: int) -> bool:
    """True once a newest-first page reaches signals created before the send: stop reading."""
    return not page or min(s.created_at for s in page) < since_ms - SKEW_MS
