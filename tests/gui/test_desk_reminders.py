"""Reminders at work (gui/desk_reminders.py): shown in the tray or in a small window, and
their one step done through the window's own paths, against the sandbox.

When a reminder is due is the engine's (tests/services/test_reminders.py); here the clock
is moved to make one due, and the tests check what a person sees and what their click does
to the entries on the sandbox.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time, timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.helpers import WAIT, Sessions, SettableClock, account_of, seed, utc
from timeclock.domain.refs import server_ref
from timeclock.gui.desk_reminders import DeskReminders
from timeclock.gui.desk_setup import attach_desk
from timeclock.gui.entry_dialog import EntryDialog
from timeclock.gui.main_window import MainWindow
from timeclock.gui.tray import DeskTray
from timeclock.gui.tray_icons import ClockState
from timeclock.gui.window_dialogs import WindowDialogs
from timeclock.sandbox import SandboxServer
from timeclock.services.reminders import Kind, ReminderRules
from timeclock.services.working_model import WorkingModel
from timeclock.store.settings import Settings

MORNING = utc(2026, 3, 10, 7, 0)  # Tuesday 08:00 in Berlin
ONE_HOUR = ReminderRules(after=timedelta(hours=1), no_break=False)


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(MORNING)


@pytest.fixture
def window(server: SandboxServer, sessions: Sessions, clock: SettableClock) -> Iterator[MainWindow]:
    shown = sessions.window(account_of(server), clock)
    WindowDialogs(
        shown,
        on_account_changed=lambda _account: None,
        on_language_changed=lambda _language: None,
        settings_account=None,
    )
    yield shown
    if shiboken6.isValid(shown):
        shown.close_for_good()


def stamp_in(qtbot: QtBot, window: MainWindow) -> None:
    window.stamp()
    qtbot.waitUntil(
        lambda: window.session.status is not None and window.session.status.shift.stamped_in,
        timeout=WAIT,
    )


def test_an_entry_open_since_yesterday_is_shown_at_start_and_its_end_entered_in_one_step(
    qtbot: QtBot, server: SandboxServer, sessions: Sessions, clock: SettableClock
) -> None:
    """No tray: a small window that is not modal; *Enter the end…* opens the entry dialog
    on that entry with the cursor in its end, as Needs attention does."""
    yesterday = seed(server, utc(2026, 3, 9, 7, 0), manual=False)  # Monday 08:00, open
    window = sessions.window(account_of(server), clock, start=False)
    WindowDialogs(
        window,
        on_account_changed=lambda _account: None,
        on_language_changed=lambda _language: None,
        settings_account=None,
    )
    reminders = DeskReminders(window, ReminderRules(), WorkingModel())
    with qtbot.waitSignal(window.session.status_changed, timeout=WAIT):
        window.start()  # the first status is the start
    fallback = reminders.fallback
    assert fallback is not None and fallback.isVisible()
    assert not fallback.isModal() and window.isEnabled()
    assert fallback.title_label.text() == "Entry still open"
    assert "08:00 was never clocked out" in fallback.text_label.text()
    assert fallback.act_button.text() == "&Enter the end…"
    assert fallback.snooze_button.text() == "S&nooze 15 min"

    qtbot.mouseClick(fallback.act_button, Qt.MouseButton.LeftButton)
    assert fallback.isHidden()
    [dialog] = window.findChildren(EntryDialog)
    assert dialog.isVisible()
    assert dialog.focusWidget() is dialog.end_edit
    assert dialog._entry is not None and dialog._entry.ref == server_ref(yesterday)
    dialog.reject()
    reminders.look()
    assert fallback.isHidden()  # once per occasion, not every minute
    window.close_for_good()


def test_a_long_shift_reminder_snoozes_and_comes_back_and_clocks_out(
    qtbot: QtBot, server: SandboxServer, window: MainWindow, clock: SettableClock
) -> None:
    reminders = DeskReminders(window, ONE_HOUR, WorkingModel())
    stamp_in(qtbot, window)
    assert reminders.fallback is None
    clock.advance(minutes=59)
    reminders.look()
    assert reminders.fallback is None
    clock.advance(minutes=1)
    reminders.look()
    fallback = reminders.fallback
    assert fallback is not None and fallback.isVisible()
    assert fallback.title_label.text() == "Still clocked in"
    assert fallback.text_label.text() == "You have been clocked in for 1:00 h, since 08:00."

    qtbot.mouseClick(fallback.snooze_button, Qt.MouseButton.LeftButton)
    assert fallback.isHidden()
    clock.advance(minutes=14)
    reminders.look()
    assert fallback.isHidden()
    clock.advance(minutes=1)
    reminders.look()
    assert fallback.isVisible()
    assert fallback.text_label.text() == "You have been clocked in for 1:15 h, since 08:00."

    qtbot.mouseClick(fallback.act_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.session.status.shift.stamped_in, timeout=WAIT)
    [stored] = server.store.all()
    assert stored.end == MORNING + timedelta(hours=1, minutes=15)


def test_a_step_that_no_longer_fits_does_nothing(
    qtbot: QtBot, server: SandboxServer, window: MainWindow, clock: SettableClock
) -> None:
    """Stamped out elsewhere after the reminder came: its *Clock out* stamps nobody in."""
    reminders = DeskReminders(window, ONE_HOUR, WorkingModel())
    stamp_in(qtbot, window)
    clock.advance(hours=2)
    reminders.look()
    assert reminders.current is not None
    window.stamp()
    qtbot.waitUntil(lambda: not window.session.status.shift.stamped_in, timeout=WAIT)
    assert reminders.fallback is not None
    qtbot.mouseClick(reminders.fallback.act_button, Qt.MouseButton.LeftButton)
    qtbot.wait(300)
    assert len(server.store.all()) == 1
    assert not window.session.status.shift.stamped_in


def test_in_the_tray_a_click_on_the_notification_starts_the_break_and_snooze_is_in_the_menu(
    qtbot: QtBot, server: SandboxServer, window: MainWindow, clock: SettableClock
) -> None:
    tray = DeskTray(window, close_to_tray=True)
    shown: list[tuple[str, str]] = []
    tray.show_message = lambda title, text, _ms=0: shown.append((title, text))  # type: ignore[method-assign]
    reminders = DeskReminders(window, ReminderRules(after=None), WorkingModel(), tray)
    stamp_in(qtbot, window)
    clock.advance(hours=6)
    reminders.look()
    assert reminders.fallback is None  # the tray shows it
    assert shown == [
        (
            "Time for a break",
            "You have worked 6:00 h since 08:00 without a break.\nClick here to start a break.",
        )
    ]
    assert reminders.snooze_action.isVisible()
    assert reminders.snooze_action in tray.menu.actions()
    assert reminders.current is not None and reminders.current.kind is Kind.NO_BREAK

    tray.icon.messageClicked.emit()
    qtbot.waitUntil(lambda: tray.state is ClockState.ON_BREAK, timeout=WAIT)
    assert not reminders.snooze_action.isVisible()
    clock.advance(minutes=5)
    reminders.look()
    assert len(shown) == 1


def test_the_tray_menus_snooze_brings_the_reminder_back_later(
    qtbot: QtBot, window: MainWindow, clock: SettableClock
) -> None:
    tray = DeskTray(window, close_to_tray=True)
    shown: list[str] = []
    tray.show_message = lambda title, _text, _ms=0: shown.append(title)  # type: ignore[method-assign]
    rules = ReminderRules(
        after=None, end_of_day=time(8, 30), no_break=False, snooze=timedelta(minutes=5)
    )
    reminders = DeskReminders(window, rules, WorkingModel(), tray)
    assert reminders.snooze_action.text() == "Snooze the reminder (5 min)"
    stamp_in(qtbot, window)
    clock.advance(minutes=30)  # 08:30 in Berlin: the end of the day set
    reminders.look()
    assert shown == ["End of the day"]
    reminders.snooze_action.trigger()
    clock.advance(minutes=4)
    reminders.look()
    assert shown == ["End of the day"]
    clock.advance(minutes=1)
    reminders.look()
    assert shown == ["End of the day", "End of the day"]


def test_the_desk_follows_the_settings(qtbot: QtBot, window: MainWindow) -> None:
    """Offscreen there is no tray: no icon, the reminders in their window, rules as set."""
    settings = Settings().updated(
        remind_after_hours="8", remind_end_of_day="17:00", remind_no_break="off", work_hours="x"
    )
    tray, reminders = attach_desk(window, settings, state="BE")
    assert tray is None and reminders.tray is None
    assert reminders.engine.rules == ReminderRules(
        after=timedelta(hours=8), end_of_day=time(17), no_break=False
    )
    assert reminders.engine.model == WorkingModel(state="BE")  # unreadable hours: the default


def test_a_new_window_of_the_same_person_does_not_show_the_start_reminder_again(
    qtbot: QtBot, server: SandboxServer, sessions: Sessions, clock: SettableClock
) -> None:
    """Another language or saved settings build the window anew: the reminders shown in
    the old one are not shown again."""
    seed(server, utc(2026, 3, 9, 7, 0), manual=False)  # open since Monday
    first = sessions.window(account_of(server), clock)
    _tray, reminders = attach_desk(first, Settings())
    reminders.look()
    assert reminders.fallback is not None and reminders.fallback.isVisible()
    second = sessions.window(account_of(server), clock)
    _tray, again = attach_desk(second, Settings(), earlier=reminders)
    first.close_for_good()
    again.look()
    assert again.fallback is None
    _tray, afresh = attach_desk(second, Settings())
    afresh.look()
    assert afresh.fallback is not None and afresh.fallback.isVisible()
    second.close_for_good()
