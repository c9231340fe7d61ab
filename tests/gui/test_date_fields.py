"""Date fields that type like one field (#11): a whole date typed over the selected text
lands in every section, and Tab leaves the field at once, in either language's format."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from timeclock.gui.date_fields import DateField, DateTimeField

UTC = QTimeZone(QTimeZone.Initialization.UTC)


def form(qtbot: QtBot, field: QWidget) -> tuple[QWidget, QLineEdit, QLineEdit]:
    """``field`` between two line edits, shown, with the focus in the field."""
    widget = QWidget()
    qtbot.addWidget(widget)
    layout = QVBoxLayout(widget)
    before, after = QLineEdit(widget), QLineEdit(widget)
    for child in (before, field, after):
        layout.addWidget(child)
    QWidget.setTabOrder(before, field)
    QWidget.setTabOrder(field, after)
    widget.show()
    widget.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return widget, before, after


@pytest.mark.parametrize(
    ("display", "typed", "expected"),
    [
        ("dd.MM.yyyy HH:mm", "15.11.2026 17:00", (2026, 11, 15, 17, 0)),
        ("dd/MM/yyyy HH:mm", "15/11/2026 17:00", (2026, 11, 15, 17, 0)),
        ("dd.MM.yyyy HH:mm", "5.1.2026 7:05", (2026, 1, 5, 7, 5)),
        ("M/d/yyyy h:mm AP", "11/15/2026 5:30 PM", (2026, 11, 15, 17, 30)),
    ],
    ids=["german", "british", "short-parts", "american"],
)
def test_a_whole_date_typed_over_the_selection_replaces_every_part(
    qtbot: QtBot, display: str, typed: str, expected: tuple[int, ...]
) -> None:
    field = DateTimeField()
    field.setTimeZone(UTC)
    field.setDisplayFormat(display)
    field.setDateTime(QDateTime(QDate(2026, 11, 3), QTime(8, 0), UTC))
    _widget = form(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, typed)
    value = field.dateTime()
    year, month, day, hour, minute = expected
    assert value.date() == QDate(year, month, day)
    assert value.time() == QTime(hour, minute)


def test_a_date_typed_over_the_selection_replaces_the_day_too(qtbot: QtBot) -> None:
    field = DateField(QDate(2026, 11, 3))
    field.setDisplayFormat("dd.MM.yyyy")
    _widget = form(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "24.12.2026")
    assert field.date() == QDate(2026, 12, 24)


@pytest.mark.parametrize("make", [DateTimeField, DateField], ids=["date-time", "date"])
def test_tab_leaves_the_field_from_its_first_part(qtbot: QtBot, make: type) -> None:
    field = make()
    field.setDisplayFormat("dd.MM.yyyy HH:mm" if make is DateTimeField else "dd.MM.yyyy")
    _widget, before, after = form(qtbot, field)
    field.setCurrentSectionIndex(0)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert after.hasFocus()
    qtbot.keyClick(after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert field.hasFocus()
    field.setCurrentSectionIndex(1)
    qtbot.keyClick(field, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert before.hasFocus()


def test_the_arrow_keys_still_move_between_parts(qtbot: QtBot) -> None:
    field = DateTimeField()
    field.setDisplayFormat("dd.MM.yyyy HH:mm")
    _widget = form(qtbot, field)
    field.setCurrentSectionIndex(0)
    qtbot.keyClick(field, Qt.Key.Key_Right)
    qtbot.keyClick(field, Qt.Key.Key_Right)
    qtbot.keyClick(field, Qt.Key.Key_Right)
    assert field.currentSection() != DateTimeField.Section.DaySection
