"""The entry dialog's break field takes the window language's digits only.

In English and German, digits of other scripts (Arabic-Indic "٣٥") are not taken as a
number: typed into the field, they leave it as it was, instead of silently meaning 35.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import credentials_of
from timeclock.gui.entry_dialog import EntryDialog
from timeclock.gui.session import ClockSession
from timeclock.sandbox import SandboxServer
from timeclock.services.account import Account


@pytest.fixture
def session(server: SandboxServer) -> Iterator[ClockSession]:
    clock_session = ClockSession(
        Account(server.base_url, "hansm", credentials_of(server)),
        clock=lambda: datetime(2021, 3, 29, 12, 0, tzinfo=UTC),
    )
    yield clock_session
    clock_session.close()


def type_text(widget: object, text: str) -> None:
    """Key presses carrying ``text`` (QTest's keyClicks knows ASCII only)."""
    for char in text:
        event = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
        QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


@pytest.mark.parametrize("language", [QLocale.Language.English, QLocale.Language.German])
@pytest.mark.parametrize("typed", ["\u0663\u0665", "\uff13\uff15", "\u00b3"])
def test_other_digits_typed_into_the_break_field_change_nothing(
    qtbot: QtBot, session: ClockSession, language: QLocale.Language, typed: str
) -> None:
    dialog = EntryDialog(session, ZoneInfo("Europe/Berlin"))
    qtbot.addWidget(dialog)
    spin = dialog.break_spin
    spin.setLocale(QLocale(language))
    spin.setValue(30)
    spin.lineEdit().selectAll()
    type_text(spin, typed)
    spin.interpretText()
    assert spin.value() == 30
    spin.lineEdit().selectAll()
    type_text(spin, "45")  # ASCII digits are typed as ever
    spin.interpretText()
    assert spin.value() == 45
