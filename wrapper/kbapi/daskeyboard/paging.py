"""Paging over the cloud's signal page envelope: when to stop, without I/O.

`AsyncSignalPager` (`kbapi.daskeyboard.async_pager`) and its generated twin `SignalPager` fetch
the pages; the decisions are here.

The envelope is ``{content, size, sort, hasNextPage, page, totalElements, totalPages}`` with a
0-based ``page``. `next_page` decides, from one page, whether and which page comes next; it
also stops on an empty page, a page number the server did not echo, or past ``totalPages``, so
a misbehaving server cannot make the loop run forever.
"""

from __future__ import annotations

from kbapi._core.errors import InputError
from kbapi._core.text import shown
from kbapi._generated.q_api.models import SignalPage


def next_page(page: SignalPage, requested: int) -> int | None:
    """The number of the page after `page` (fetched as page `requested`), or None at the end."""
    if not page.has_next_page or not page.content:
        return None
    if page.page != requested:
        return None
    following = requested + 1
    if page.total_pages and following >= page.total_pages:
        return None
    return following


def check_pager_args(start_page: int, max_pages: int | None) -> None:
    """Refuse a negative `start_page` or a `max_pages` below 1 (`InputError`)."""
    if not isinstance(start_page, int) or start_page < 0:
        raise InputError(f"start_page must be an int >= 0, got {shown(start_page, 40)}")
    if max_pages is not None and (not isinstance(max_pages, int) or max_pages < 1):
        raise InputError(f"max_pages must be an int >= 1 or None, got {shown(max_pages, 40)}")
