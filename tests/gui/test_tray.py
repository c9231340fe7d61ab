"""The tray icon (gui/tray.py) on a real window and session against the sandbox.

Offscreen there is no tray to sit in, so the tests that need one say that there is one
(``tray_available``); the icon, its menu and its actions are Qt's and the window's own.
What the menu stamps is checked in the sandbox's store.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.gui.helpers import WAIT, Sessions, SettableClock, account_of, emissions, utc
from timeclock.gui import tray as tray_module
from timeclock.gui.main_window import MainWindow
from timeclock.gui.tray import NOTICE_KEY, DeskTray
from timeclock.gui.tray_icons import ClockState, state_icon
from timeclock.sandbox import SandboxServer

MORNING = utc(2026, 3, 10, 7, 0)  # Tuesday 08:00 in Berlin


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(MORNING)


@pytest.fixture
def window(server: SandboxServer, sessions: Sessions, clock: SettableClock) -> Iterator[MainWindow]:
    shown = sessions.window(account_of(server), clock)
    yield shown
    if shiboken6.isValid(shown):
        shown.close_for_good()  # a plain close would only hide it in the tray


@pytest.fixture
def with_a_tray(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tray_module, "tray_available", lambda: True)


def test_the_menu_stamps_in_takes_a_break_and_stamps_out_as_the_window_does(
    qtbot: QtBot, server: SandboxServer, window: MainWindow, clock: SettableClock
) -> None:
    tray = DeskTray(window, close_to_tray=True)
    assert tray.state is ClockState.OUT
    assert tray.stamp_action.text() == "Clock in"
    assert not tray.break_action.isEnabled()
    assert "Not clocked in" in tray.icon.toolTip()

    tray.stamp_action.trigger()
    qtbot.waitUntil(lambda: tray.state is ClockState.IN, timeout=WAIT)
    [stored] = server.store.all()
    assert stored.start == MORNING and stored.end == MORNING and not stored.manual
    assert window.stamp_panel.stamp_button.text() == "Clock out"  # the window follows
    tray.update_actions()
    assert tray.stamp_action.text() == "Clock out"
    assert tray.break_action.text() == "Start break" and tray.break_action.isEnabled()
    assert "Clocked in since 08:00" in tray.icon.toolTip()

    clock.advance(hours=2)
    tray.break_action.trigger()
    qtbot.waitUntil(lambda: tray.state is ClockState.ON_BREAK, timeout=WAIT)
    tray.update_actions()
    assert tray.break_action.text() == "End break"
    assert "On a break since 10:00" in tray.icon.toolTip()
    assert "Today: 2:00 h worked" in tray.icon.toolTip()

    clock.advance(minutes=30)
    tray.break_action.trigger()
    qtbot.waitUntil(lambda: tray.state is ClockState.IN, timeout=WAIT)
    clock.advance(minutes=30)
    tray.stamp_action.trigger()
    qtbot.waitUntil(lambda: tray.state is ClockState.OUT, timeout=WAIT)
    [stored] = server.store.all()
    assert stored.end == utc(2026, 3, 10, 10, 0) and stored.break_minutes == 30
    assert "Today: 2:30 h worked" in tray.icon.toolTip()


def test_a_stamp_asked_twice_from_the_menu_is_one_stamp(
    qtbot: QtBot, server: SandboxServer, window: MainWindow
) -> None:
    tray = DeskTray(window, close_to_tray=True)
    tray.stamp_action.trigger()
    tray.update_actions()
    assert not tray.stamp_action.isEnabled()  # as the window's button, until the answer
    tray.stamp_action.trigger()
    qtbot.waitUntil(lambda: tray.state is ClockState.IN, timeout=WAIT)
    qtbot.wait(200)
    assert len(server.store.all()) == 1


def test_the_three_states_have_three_different_icons() -> None:
    images = [state_icon(state).pixmap(22, 22).toImage() for state in ClockState]
    assert all(isinstance(image, QImage) and not image.isNull() for image in images)
    assert len({bytes(image.constBits()) for image in images}) == 3


def test_closing_the_window_keeps_timeclock_in_the_tray_and_says_so_once(
    qtbot: QtBot, window: MainWindow, with_a_tray: None
) -> None:
    tray = DeskTray(window, close_to_tray=True)
    messages = emissions(tray.icon.messageClicked)  # unused: just that nothing breaks
    told: list[str] = []
    tray.show_message = lambda title, text, milliseconds=0: told.append(title)  # type: ignore[method-assign]
    closed = emissions(window.closed)
    window.close()
    assert window.isHidden() and closed == []
    assert told == ["TimeClock keeps running"]
    assert window.session.state is not None and not window.session._runner.is_shut_down

    tray.show_action.trigger()
    assert window.isVisible()
    window.close()
    assert window.isHidden() and told == ["TimeClock keeps running"]  # once only
    assert window.window_state.value(NOTICE_KEY) in (True, "true")

    tray.quit_action.trigger()  # as Ctrl+Q: the window closes for good
    assert closed == [()]
    assert window.session._runner.is_shut_down
    assert not tray.icon.isVisible()
    assert messages == []


def test_without_the_setting_closing_the_window_quits(
    qtbot: QtBot, window: MainWindow, with_a_tray: None
) -> None:
    DeskTray(window, close_to_tray=False)
    closed = emissions(window.closed)
    window.close()
    assert closed == [()]
    assert window.session._runner.is_shut_down


def test_without_a_tray_closing_the_window_quits(qtbot: QtBot, window: MainWindow) -> None:
    assert not tray_module.tray_available()  # offscreen: no tray
    DeskTray(window, close_to_tray=True)
    closed = emissions(window.closed)
    window.close()
    assert closed == [()]


def test_a_click_on_the_icon_brings_the_window_back(
    qtbot: QtBot, window: MainWindow, with_a_tray: None
) -> None:
    tray = DeskTray(window, close_to_tray=True)
    tray.show_message = lambda *_args: None  # type: ignore[method-assign]
    window.close()
    assert window.isHidden()
    tray.icon.activated.emit(tray.icon.ActivationReason.Trigger)
    assert window.isVisible()
