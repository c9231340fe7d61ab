"""List answers kept whole while the store stays the same.

Clients ask the same page again and again (a window refreshing its list, paging from the
start after each change). While nothing is written, the answer to the same query string
under the same quirks is the same bytes, so it is kept under the store's
:attr:`~timeclock.sandbox.store.AttendanceStore.version` and served without touching
SQLite. A new version empties the cache, so what is kept never outlives a write.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Final

# Distinct queries kept for one store version, and their bytes together (a page is a few
# hundred bytes an entry: a page of 1,000 entries ~300 KB; the entries' own JSON is kept
# by list_body as well).
PAGES_KEPT: Final = 64
BYTES_KEPT: Final = 8 * 1024 * 1024


class PageCache:
    """Answers kept for the current store version: at most ``size`` of them and ``budget``
    bytes together (the oldest go first; a larger answer is not kept). Used from the
    server's event loop only."""

    def __init__(self, size: int = PAGES_KEPT, budget: int = BYTES_KEPT) -> None:
        if size < 1:
            raise ValueError("a page cache keeps at least one page")
        self._size = size
        self._budget = budget
        self._bytes = 0
        self._version: Hashable = None
        self._pages: dict[Hashable, bytes] = {}

    def get(self, version: Hashable, key: Hashable) -> bytes | None:
        """The answer kept for ``key`` under ``version``, or None (the cache empties when
        ``version`` is new)."""
        if version != self._version:
            self._pages.clear()
            self._bytes = 0
            self._version = version
            return None
        return self._pages.get(key)

    def put(self, version: Hashable, key: Hashable, body: bytes) -> None:
        """Keep ``body`` for ``key``; ``version`` must be the one read before the query that
        made it (an answer of another version than the cache's is not kept)."""
        if version != self._version or len(body) > self._budget or key in self._pages:
            return
        while len(self._pages) >= self._size or self._bytes + len(body) > self._budget:
            self._bytes -= len(self._pages.pop(next(iter(self._pages))))
        self._pages[key] = body
        self._bytes += len(body)
