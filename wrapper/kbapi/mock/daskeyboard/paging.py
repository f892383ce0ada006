"""The cloud's custom page envelope and its `page`/`size`/`sort` query parameters (§4.8)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kbapi.mock.daskeyboard.http import ApiError

DEFAULT_SIZE = 50
MAX_SIZE = 1000  # kbapi's cap, documented as the spec's `maximum` of `size`
MAX_PAGE = 2**31 - 1  # the spec's `format: int32`
SORT_FIELDS = (
    "id",
    "createdAt",
    "updatedAt",
    "readAt",
    "zoneId",
    "pid",
    "name",
    "color",
    "effect",
    "clientName",
)
DEFAULT_SORT = (("createdAt", False), ("zoneId", False))


@dataclass(frozen=True)
class PageRequest:
    """0-based page number, page size and sort order ((field, descending) pairs)."""

    page: int = 0
    size: int = DEFAULT_SIZE
    sort: tuple[tuple[str, bool], ...] = DEFAULT_SORT

    @property
    def sort_label(self) -> str:
        """How the envelope spells the order, e.g. `createdAt: ASC,zoneId: ASC`."""
        return ",".join(f"{name}: {'DESC' if desc else 'ASC'}" for name, desc in self.sort)


def _bounded_int(raw: str | None, name: str, default: int, low: int, high: int) -> int:
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or len(raw) > 10 or not low <= int(raw) <= high:
        raise ApiError(400, f"{name} must be an integer between {low} and {high}")
    return int(raw)


def _sort_terms(values: Sequence[str]) -> tuple[tuple[str, bool], ...]:
    terms: list[tuple[str, bool]] = []
    for value in values:
        parts = [part.strip() for part in value.split(",") if part.strip()]
        descending = False
        if parts and parts[-1].upper() in ("ASC", "DESC"):
            descending = parts.pop().upper() == "DESC"
        if not parts:
            raise ApiError(400, f"sort must be field[,ASC|DESC], got {value!r}")
        for name in parts:
            if name not in SORT_FIELDS:
                raise ApiError(400, f"sort: unknown field {name!r} ({', '.join(SORT_FIELDS)})")
            terms.append((name, descending))
    return tuple(terms) or DEFAULT_SORT


def page_request(page: str | None, size: str | None, sort: Sequence[str]) -> PageRequest:
    """Parse the query parameters; 400 for a bad page, size or sort."""
    return PageRequest(
        page=_bounded_int(page, "page", 0, 0, MAX_PAGE),
        size=_bounded_int(size, "size", DEFAULT_SIZE, 1, MAX_SIZE),
        sort=_sort_terms(sort),
    )


def _sort_key(name: str) -> Any:
    def key(item: Mapping[str, Any]) -> tuple[bool, str, Any]:
        value = item.get(name)
        # None sorts last and mixed types never meet: compare type name first.
        return (value is None, type(value).__name__, value if value is not None else 0)

    return key


def sorted_items(
    items: Sequence[Mapping[str, Any]], sort: tuple[tuple[str, bool], ...]
) -> list[Mapping[str, Any]]:
    """Items ordered by `sort`, ties broken by id."""
    ordered = sorted(items, key=lambda item: item.get("id") or 0)
    for name, descending in reversed(sort):
        ordered.sort(key=_sort_key(name), reverse=descending)
    return ordered


class SortedListings:
    """Sorted listings kept until the store changes, so paging through n signals sorts once.

    Without it every page sorted every stored signal again: O(n^2 log n) for a full listing.
    `get(key, version, sort, items)` returns the cached order for `key` (the filter, e.g. the
    owner and pid) if the store's `version` has not moved, else sorts `items()` and keeps it.
    """

    def __init__(self, limit: int = 64) -> None:
        self._limit = limit
        self._version = -1
        self._cache: dict[Any, list[Mapping[str, Any]]] = {}

    def get(
        self,
        key: Any,
        version: int,
        sort: tuple[tuple[str, bool], ...],
        items: Callable[[], Sequence[Mapping[str, Any]]],
    ) -> list[Mapping[str, Any]]:
        """The items for `key`, ordered by `sort`."""
        if version != self._version:
            self._cache.clear()
            self._version = version
        found = self._cache.get((key, sort))
        if found is None:
            if len(self._cache) >= self._limit:
                self._cache.clear()
            found = self._cache[(key, sort)] = sorted_items(items(), sort)
        return found


def envelope(ordered: Sequence[Mapping[str, Any]], request: PageRequest) -> dict[str, Any]:
    """One page of already `sorted_items`: `content,size,sort,hasNextPage,page,totalElements,
    totalPages`."""
    total = len(ordered)
    pages = math.ceil(total / request.size)
    start = request.page * request.size
    return {
        "content": list(ordered[start : start + request.size]),
        "size": request.size,
        "sort": request.sort_label,
        "hasNextPage": request.page + 1 < pages,
        "page": request.page,
        "totalElements": total,
        "totalPages": pages,
    }


def single_page(items: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The legacy shadows envelope: everything on page 0 (`size` is its length), `sort` empty."""
    whole = PageRequest(size=max(len(items), 1), sort=())
    return {**envelope(items, whole), "size": len(items)}
