"""Auto-paging over the cloud's signal list: pages are fetched lazily, as you iterate.

    async for signal in client.signals(size=100):    # fetches page after page as needed
        ...

When to stop is decided by `kbapi.daskeyboard.paging.next_page`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

from kbapi._generated.q_api.models import Signal, SignalPage
from kbapi.daskeyboard.paging import check_pager_args, next_page

AsyncFetchPage = Callable[[int], Awaitable[SignalPage]]


class AsyncSignalPager:
    """Iterate over every signal of every page; pages are fetched lazily, one at a time.

    `pages()` yields the raw `SignalPage` envelopes instead. `max_pages` bounds the number of
    requests (None: until the server says there is no next page).
    """

    def __init__(
        self, fetch: AsyncFetchPage, *, start_page: int = 0, max_pages: int | None = None
    ) -> None:
        check_pager_args(start_page, max_pages)
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
