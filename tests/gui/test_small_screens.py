"""Small screens (#11, item 7): the window fits 1024x600 in every state, in German too (the
lines wrap instead of widening it), and a dialog's wrapped message never overlaps the form
or the buttons, however narrow the dialog is."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale, QRect, QSize
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import credentials_of
from tests.gui.helpers import BERLIN, Sessions, SettableClock, account_of, seed, utc
from timeclock.api.errors import NetworkError
from timeclock.gui import i18n
from timeclock.gui.entry_dialog import EntryDialog, wall_qdatetime
from timeclock.gui.main_window import FRAME_ALLOWANCE, MainWindow, default_size
from timeclock.gui.messages import explain
from timeclock.gui.session import ClockSession
from timeclock.gui.settings_dialog import SettingsDialog
from timeclock.sandbox import SandboxServer
from timeclock.services.account import Account

SMALL_SCREEN = QSize(1024, 600)
ROOM = SMALL_SCREEN - FRAME_ALLOWANCE  # what the window may take, the frame aside
LONG_NAME = "Müller-Lüdenscheidt, Hans-Joachim Friedrich (hjmueller)"


@pytest.fixture(params=["de", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    installed = i18n.install_translators(qapp, request.param)
    before = QLocale()
    yield request.param
    i18n.remove_translators(qapp, installed)
    QLocale.setDefault(before)


def everything_shown(qtbot: QtBot, window: MainWindow) -> None:
    """All users grouped by employee, a long problem, waiting changes, a long name."""
    window.filter_bar.all_users.setChecked(True)
    window.filter_bar.group.setChecked(True)
    problem = explain(NetworkError("connection refused"))
    window.message_bar.show_problem(" ".join([problem] * 4), lambda: None)
    window.footer.show_waiting(12, 3, utc(2026, 3, 10, 6, 0))
    window.stamp_panel.show_list_owner(LONG_NAME)
    qtbot.wait(50)


def test_the_first_size_comes_from_the_screen() -> None:
    size = default_size(SMALL_SCREEN)
    assert size.width() <= ROOM.width() and size.height() <= ROOM.height()


def test_the_window_fits_a_small_screen_in_every_state(
    qtbot: QtBot, server: SandboxServer, sessions: Sessions, language: str
) -> None:
    seed(server, utc(2026, 3, 9, 7, 0), utc(2026, 3, 9, 15, 0), break_minutes=30, notes="Lager")
    seed(server, utc(2026, 3, 9, 7, 0), utc(2026, 3, 9, 16, 0), user="annak", break_minutes=45)
    window = sessions.window(account_of(server), SettableClock(utc(2026, 3, 10, 7, 0)))
    everything_shown(qtbot, window)
    wanted = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert wanted.width() <= ROOM.width(), f"{language}: {wanted.width()} px wide"
    assert wanted.height() <= ROOM.height(), f"{language}: {wanted.height()} px high"
    window.resize(ROOM)
    qtbot.wait(50)
    assert window.size() == ROOM
    # The footer is there and its lines are whole (wrapped, not cut).
    for label in (window.totals_label, window.waiting_label, window.stamp_panel.status_label):
        assert label.isVisible()
        assert visible_in(label, window)
        assert label.height() >= label.heightForWidth(label.width())


def visible_in(widget: QWidget, window: QWidget) -> bool:
    """Whether all of ``widget`` lies inside the window's central area."""
    central = window.centralWidget()
    assert central is not None
    top_left = widget.mapTo(central, widget.rect().topLeft())
    return central.rect().contains(QRect(top_left, widget.size()))


def overlaps(first: QWidget, second: QWidget) -> bool:
    a = QRect(first.mapTo(first.window(), first.rect().topLeft()), first.size())
    b = QRect(second.mapTo(second.window(), second.rect().topLeft()), second.size())
    return a.intersects(b)


def assert_laid_out_apart(widgets: list[QWidget]) -> None:
    shown = [widget for widget in widgets if widget.isVisible()]
    for index, first in enumerate(shown):
        if isinstance(first, QLabel) and first.wordWrap():
            assert first.height() >= first.heightForWidth(first.width()), "a line is cut"
        for second in shown[index + 1 :]:
            assert not overlaps(first, second), f"{first.accessibleName()} overlaps"


@pytest.fixture
def session(server: SandboxServer) -> Iterator[ClockSession]:
    opened = ClockSession(
        Account(server.base_url, "hansm", credentials_of(server)),
        clock=lambda: datetime(2021, 3, 29, 12, 0, tzinfo=UTC),
    )
    yield opened
    opened.close()


@pytest.mark.parametrize("width", [0, 320, 480])  # 0: its narrowest
def test_a_wrapped_problem_never_overlaps_the_entry_form(
    qtbot: QtBot, session: ClockSession, width: int
) -> None:
    dialog = EntryDialog(session, BERLIN, day=date(2021, 3, 22))
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.resize(width or dialog.minimumSizeHint().width(), 10)  # as small as it goes
    dialog.end_edit.setDateTime(wall_qdatetime(datetime(2021, 3, 22, 7, 0)))  # a problem
    dialog.break_spin.setValue(0)
    dialog.end_edit.setDateTime(wall_qdatetime(datetime(2021, 3, 22, 17, 0)))  # a warning
    dialog.message.show_message("The end lies before the start. " * 8)
    qtbot.wait(20)
    assert dialog.warning.isVisible() and dialog.message.isVisible()
    assert_laid_out_apart([dialog.form, dialog.message, dialog.warning, dialog.buttons])
    rows = [dialog.user_edit, dialog.start_edit, dialog.end_edit, dialog.break_spin]
    assert_laid_out_apart([*rows, dialog.notes_edit, dialog.worked_label])


def test_a_wrapped_problem_never_overlaps_the_settings(qtbot: QtBot) -> None:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    dialog.resize(dialog.minimumSizeHint().width(), 10)
    dialog.account_edit.setText("not an address")
    dialog.problem.show_message("The TimeTrack account is not a valid address. " * 6)
    qtbot.wait(20)
    assert_laid_out_apart([dialog.tabs, dialog.problem, dialog.buttons])
