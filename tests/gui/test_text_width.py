"""The widest of many texts, found by laying out only a few of them (:mod:`text_width`)."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from timeclock.gui.text_width import EXACT, TextWidths


@pytest.fixture
def metrics(qapp: QApplication) -> QFontMetrics:
    font = QFont(qapp.font())
    font.setBold(True)
    return QFontMetrics(font)


def test_the_widest_is_found_among_texts_of_the_same_length(metrics: QFontMetrics) -> None:
    """Characters count by their width: eight W are wider than any eight i or l."""
    texts = [f"{'il' * 3}{n:02d}" for n in range(40)] + ["WWWWWWWW"] + ["iiiiiiii"] * 5
    assert metrics.horizontalAdvance("WWWWWWWW") > max(
        metrics.horizontalAdvance(text) for text in texts if text != "WWWWWWWW"
    )
    assert TextWidths(metrics).widest(texts) == metrics.horizontalAdvance("WWWWWWWW")


@pytest.mark.parametrize("seed", range(20))
def test_the_widest_of_any_texts_is_their_widest_measured_in_full(
    seed: int, metrics: QFontMetrics
) -> None:
    rng = random.Random(seed)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZäöüßÄÖÜ 0123456789:.,-·"
    texts = ["".join(rng.choices(alphabet, k=rng.randrange(1, 30))) for _ in range(60)]
    assert TextWidths(metrics).widest(texts) == max(map(metrics.horizontalAdvance, texts))


def test_nothing_is_no_width(metrics: QFontMetrics) -> None:
    assert TextWidths(metrics).widest([]) == 0


class Counting:
    """Metrics that say how much was measured: one unit a character."""

    def __init__(self) -> None:
        self.measured: list[str] = []

    def horizontalAdvance(self, text: str, /) -> int:  # noqa: N802 - Qt's name
        self.measured.append(text)
        return len(text)


def test_only_a_few_texts_are_laid_out_in_full_and_each_character_once() -> None:
    counting = Counting()
    widths = TextWidths(counting)
    texts = [f"entry {n}" for n in range(500)]

    assert widths.widest(texts) == len("entry 499")
    assert widths.widest(reversed(texts)) == len("entry 499")
    whole = [text for text in counting.measured if len(text) > 1]
    assert len(whole) == 2 * EXACT
    characters = [text for text in counting.measured if len(text) == 1]
    assert sorted(characters) == sorted(set("entry 0123456789"))
