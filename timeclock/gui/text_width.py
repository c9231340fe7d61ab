"""The width of the widest of many texts, laying out only a few of them.

Laying out a text (shaping it with HarfBuzz) is most of what measuring it costs, and the
list's columns are fitted to hundreds of sample texts as a new list arrives, in the same
turn of the event loop as its first paint. Each text's width is therefore estimated from
its characters' (each character measured once), and only the few widest by that estimate
are measured in full: kerning and shaping change a width by a few pixels, so the widest
text is among them.
"""

from __future__ import annotations

from collections.abc import Iterable
from heapq import nlargest
from typing import Protocol

EXACT = 4  # the texts measured in full, of each call's widest by estimate


class Metrics(Protocol):
    """What is used of :class:`QFontMetrics`."""

    def horizontalAdvance(self, text: str, /) -> int: ...  # noqa: N802 - Qt's name


class TextWidths:
    """Widths of texts in one font (for as long as the font is the same)."""

    def __init__(self, metrics: Metrics, exact: int = EXACT) -> None:
        self._metrics = metrics
        self._exact = exact
        self._characters: dict[str, int] = {}

    def widest(self, texts: Iterable[str]) -> int:
        """The width of the widest of ``texts`` (0 for none)."""
        candidates = nlargest(self._exact, dict.fromkeys(texts), key=self._estimate)
        return max((self._metrics.horizontalAdvance(text) for text in candidates), default=0)

    def _estimate(self, text: str) -> int:
        widths = self._characters
        total = 0
        for character in text:
            width = widths.get(character)
            if width is None:
                width = widths[character] = self._metrics.horizontalAdvance(character)
            total += width
        return total
