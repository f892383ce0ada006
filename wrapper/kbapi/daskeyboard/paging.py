"""Auto-paging over the cloud's signal page envelope, sync and async.

    for signal in client.signals(size=100):          # fetches page after page as needed
        ...
    async for signal in aclient.signals():
        ...

The envelope is ``{content, size, sort, hasNextPage, page, totalElements, totalPages}`` with a
0-based ``page``. `next_page` decides, from one page, whether and which page comes next; it
also stops on an empty page, a page number the server did not echo, or past ``totalPages``, so
a misbehaving server cannot make the loop run forever.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator

from kbapi._core.errors import InputError
from kbapi._core.text import shown
from kbapi._generated.q_api.models import Signal, SignalPage

FetchPage = Callable[[int], SignalPage]
AsyncFetchPage = Callable[[int], Awaitable[SignalPage]]


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


def _check(start_page: int, max_pages: int | None) -> None:
    if not isinstance(start_page, int) or start_page < 0:
        raise InputError(f"start_page must be an int >= 0, got {shown(start_page, 40)}")
    if max_pages is not None and (not isinstance(max_pages, int) or max_pages < 1):
        raise InputError(f"max_pages must be an int >= 1 or None, got {shown(max_pages, 40)}")


class SignalPager:
    """Iterate over every signal of every page; pages are fetched lazily, one at a time.

    `pages()` yields the raw `SignalPage` envelopes instead. `max_pages` bounds the number of
    requests (None: until the server says there is no next page).
    """

    def __init__(self, fetch: FetchPage, *, start_page: int = 0, max_pages: int | None = None):
        _check(start_page, max_pages)
        self._fetch = fetch
        self._start = start_page
        self._max_pages = max_pages

    def pages(self) -> Iterator[SignalPage]:
        """Yield the page envelopes, from `start_page` on."""
        number: int | None = self._start
        fetched = 0
        while number is not None and (self._max_pages is None or fetched < self._max_pages):
            page = self._fetch(number)
            if fetched and page.page != number:
                return  # the server ignored `page` and would repeat itself
            fetched += 1
            yield page
            number = next_page(page, number)

    def __iter__(self) -> Iterator[Signal]:
        for page in self.pages():
            yield from page.content

    def first_page(self) -> SignalPage:
        """Only the first page (one request)."""
        return self._fetch(self._start)


class AsyncSignalPager:
    """Async twin of `SignalPager`: ``async for signal in pager`` and ``pager.pages()``."""

    def __init__(self, fetch: AsyncFetchPage, *, start_page: int = 0, max_pages: int | None = None):
        _check(start_page, max_pages)
        self._fetch = fetch
        self._start = start_page
        self._max_pages = max_pages

    async def pages(self) -> AsyncIterator[SignalPage]:
        """Yield the page envelopes, from `start_page` on."""
        number: int | None = self._start
        fetched = 0
        while number is not None and (self._max_pages is None or fetched < self._max_pages):
            page = await self._fetch(number)
            if fetched and page.page != number:
                return  # the server ignored `page` and would repeat itself
            fetched += 1
            yield page
            number = next_page(page, number)

    async def __aiter__(self) -> AsyncIterator[Signal]:
        async for page in self.pages():
            for signal in page.content:
                yield signal

    async def first_page(self) -> SignalPage:
        """Only the first page (one request)."""
        return await self._fetch(self._start)

    async def to_list(self) -> list[Signal]:
        """Every signal of every page, in a list."""
        return [signal async for signal in self]
