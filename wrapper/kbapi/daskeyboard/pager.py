# Generated from wrapper/kbapi/daskeyboard/async_pager.py by tools/unasync.py: do not edit.
# Change the async source and run `make generate`.
"""Auto-paging over the cloud's signal list: pages are fetched lazily, as you iterate.

    for signal in client.signals(size=100):    # fetches page after page as needed
        ...

When to stop is decided by `kbapi.daskeyboard.paging.next_page`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kbapi._generated.q_api.models import Signal, SignalPage
from kbapi.daskeyboard.paging import check_pager_args, next_page

FetchPage = Callable[[int], SignalPage]


class SignalPager:
    """Iterate over every signal of every page; pages are fetched lazily, one at a time.

    `pages()` yields the raw `SignalPage` envelopes instead. `max_pages` bounds the number of
    requests (None: until the server says there is no next page).
    """

    def __init__(
        self, fetch: FetchPage, *, start_page: int = 0, max_pages: int | None = None
    ) -> None:
        check_pager_args(start_page, max_pages)
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

    def to_list(self) -> list[Signal]:
        """Every signal of every page, in a list."""
        return [signal for signal in self]
