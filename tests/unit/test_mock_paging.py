"""The Q cloud mock's listing cache: one sort per store change, however many pages are read."""

from __future__ import annotations

from typing import Any

from kbapi.mock.daskeyboard.paging import SortedListings, envelope, page_request
from kbapi.mock.daskeyboard.store import Light, SignalStore

SORT = (("zoneId", True),)


def _store(count: int) -> SignalStore:
    store = SignalStore(clock=lambda: 1_700_000_000.0)
    for n in range(count):
        light = Light("DK5QPID", f"KEY_{n}", str(n), "#FF0000", "SET_COLOR")
        store.add(7, {"zoneId": f"{n:03d}", "pid": "DK5QPID"}, [light])
    return store


def test_pages_of_one_listing_sort_once_until_the_store_changes() -> None:
    store, listings, calls = _store(30), SortedListings(), []

    def items() -> list[dict[str, Any]]:
        calls.append(1)
        return [s.body for s in store.owned(7)]

    seen = []
    for page in range(3):
        ordered = listings.get("all", store.version, SORT, items)
        seen += [
            item["zoneId"]
            for item in envelope(ordered, page_request(str(page), "10", []))["content"]
        ]
    assert len(calls) == 1
    assert seen == [f"{n:03d}" for n in reversed(range(30))]
    store.touch()
    listings.get("all", store.version, SORT, items)
    assert len(calls) == 2


def test_every_change_of_the_store_moves_its_version() -> None:
    store = _store(2)
    versions = [store.version]
    store.touch()
    versions.append(store.version)
    store.remove(1, 7)
    versions.append(store.version)
    store.remove_zone(7, None, "KEY_1")
    versions.append(store.version)
    store.reset()
    versions.append(store.version)
    assert versions == sorted(set(versions))
