"""Counted words in the right form (#11): "1 change", "2 changes", "1 Änderung",
"2 Änderungen" (Qt's plural forms: tr with a count, numerus forms in the .ts files),
never "change(s)" or "Änderung(en)", in either language."""

from __future__ import annotations

from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from timeclock.gui import i18n
from timeclock.gui.status_widgets import StatusFooter


@pytest.fixture
def speak(qapp: QApplication) -> Iterator:
    installed: list = []
    before = QLocale()

    def use(language: str) -> None:
        i18n.remove_translators(qapp, installed)
        installed[:] = i18n.install_translators(qapp, language)

    yield use
    i18n.remove_translators(qapp, installed)
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "1 change saved here", "2 changes saved here"),
        ("de", "1 Änderung hier gespeichert", "2 Änderungen hier gespeichert"),
    ],
)
def test_the_footer_counts_waiting_changes_in_the_right_form(
    qtbot: QtBot, speak, language: str, one: str, two: str
) -> None:
    speak(language)
    footer = StatusFooter(ZoneInfo("Europe/Berlin"))
    qtbot.addWidget(footer)
    footer.show_waiting(1, 0, None)
    assert footer.waiting_label.text().startswith(one)
    footer.show_waiting(2, 0, None)
    assert footer.waiting_label.text().startswith(two)
    assert "(" not in footer.waiting_label.text().split("·")[0]
