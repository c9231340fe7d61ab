"""On unlock, the window asks whether the locked time was a break; "yes" records it on the
sandbox. The desktop's signals come over a private D-Bus daemon, sent with ``dbus-send``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.helpers import (
    BERLIN,
    WAIT,
    Sessions,
    SettableClock,
    account_of,
    emissions,
    utc,
    wait_idle,
)
from tests.gui.private_bus import PrivateBus, private_bus, start_qtdbus_thread
from timeclock.gui.i18n import install_translators, remove_translators
from timeclock.gui.lock_break_prompt import LockBreakPrompt, lock_text, watch_screen_lock
from timeclock.gui.main_window import MainWindow
from timeclock.gui.screen_lock_watch import ScreenLockWatch
from timeclock.sandbox import SandboxServer
from timeclock.services.screen_lock import LockQuestion, LockSpan
from timeclock.store.settings import Settings, save_settings

START = utc(2026, 11, 16, 7, 0)  # 08:00 in Berlin
THRESHOLD = timedelta(minutes=15)


@pytest.fixture(scope="module", autouse=True)
def qtdbus_thread(qapp: QApplication) -> None:
    start_qtdbus_thread()


@pytest.fixture
def bus(tmp_path: Path) -> Iterator[PrivateBus]:
    with private_bus(tmp_path / "bus") as started:
        yield started


class Desk:
    """A window on the sandbox, its prompt listening on the private bus, and the clock."""

    def __init__(self, qtbot: QtBot, sessions: Sessions, server: SandboxServer, bus: PrivateBus):
        self.qtbot, self.server, self.bus = qtbot, server, bus
        self.clock = SettableClock(START)
        self.window: MainWindow = sessions.window(account_of(server), self.clock)
        self.watch = ScreenLockWatch(bus.connect())
        self.prompt = LockBreakPrompt(self.window, self.watch, lambda: THRESHOLD)
        self.locks = emissions(self.watch.locked)
        self.unlocks = emissions(self.watch.unlocked)

    def stamp(self) -> None:
        with self.qtbot.waitSignal(self.window.session.status_changed, timeout=WAIT):
            self.window.session.stamp()

    def screen_saver(self, active: bool) -> None:
        """The desktop's screen saver says it went on (locked) or off (unlocked)."""
        heard = self.locks if active else self.unlocks
        count = len(heard)
        self.bus.dbus_send(
            "--type=signal",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.ActiveChanged",
            f"boolean:{'true' if active else 'false'}",
        )
        self.qtbot.waitUntil(lambda: len(heard) > count, timeout=WAIT)

    def locked_for(self, minutes: float) -> None:
        self.screen_saver(True)
        self.clock.advance(minutes=minutes)
        self.screen_saver(False)

    def stamp_out_break_minutes(self) -> int:
        """Stamp out; the break minutes TimeTrack got."""
        self.clock.advance(hours=1)
        self.stamp()
        [entry] = self.server.store.all()
        assert entry.end == self.clock.now
        return entry.break_minutes


@pytest.fixture
def desk(qtbot: QtBot, sessions: Sessions, server: SandboxServer, bus: PrivateBus) -> Desk:
    return Desk(qtbot, sessions, server, bus)


def test_yes_records_the_locked_time_as_a_break(qtbot: QtBot, desk: Desk) -> None:
    desk.stamp()
    desk.clock.advance(hours=4)

    desk.locked_for(20)

    dialog = desk.prompt.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.isModal()
    assert dialog.text.text() == (
        "The screen was locked from 12:00 to 12:20 (20 min) while you were clocked in."
    )
    assert desk.window.isEnabled()  # the window goes on working meanwhile
    with qtbot.waitSignal(desk.window.session.status_changed, timeout=WAIT) as arrived:
        dialog.yes_button.click()

    status = arrived.args[0]
    assert status.shift.break_time(desk.clock.now) == timedelta(minutes=20)
    assert not dialog.isVisible()
    assert desk.stamp_out_break_minutes() == 20


def test_no_records_nothing(qtbot: QtBot, desk: Desk) -> None:
    desk.stamp()
    desk.clock.advance(hours=4)
    desk.locked_for(30)
    dialog = desk.prompt.dialog
    assert dialog is not None

    dialog.no_button.click()

    assert not dialog.isVisible()
    assert desk.stamp_out_break_minutes() == 0


def test_a_shorter_lock_is_not_asked_about(desk: Desk) -> None:
    desk.stamp()
    desk.clock.advance(hours=1)

    desk.locked_for(14.9)

    assert desk.prompt.dialog is None


def test_no_question_when_not_clocked_in(desk: Desk) -> None:
    desk.locked_for(60)

    assert desk.prompt.dialog is None


def test_a_question_left_open_is_asked_again_with_the_next_lock(qtbot: QtBot, desk: Desk) -> None:
    desk.stamp()
    desk.clock.advance(hours=3)
    desk.locked_for(20)  # 11:00-11:20
    first = desk.prompt.dialog
    assert first is not None
    first.close()  # no answer
    desk.clock.advance(hours=2)

    desk.locked_for(25)  # 13:20-13:45

    dialog = desk.prompt.dialog
    assert dialog is not None and dialog is not first and dialog.isVisible()
    assert dialog.text.text() == (
        "The screen was locked 11:00\u201311:20, 13:20\u201313:45 (45 min in all) "
        "while you were clocked in."
    )
    with qtbot.waitSignal(desk.window.session.status_changed, timeout=WAIT):
        dialog.yes_button.click()
    assert desk.stamp_out_break_minutes() == 45


def test_stamping_out_closes_the_question(desk: Desk) -> None:
    desk.stamp()
    desk.clock.advance(hours=2)
    desk.locked_for(20)
    dialog = desk.prompt.dialog
    assert dialog is not None and dialog.isVisible()

    desk.stamp_out_break_minutes()

    assert desk.prompt.dialog is None


def test_the_prompt_is_made_only_while_the_setting_is_on(
    qtbot: QtBot, sessions: Sessions, server: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("XDG_SESSION_ID", raising=False)
    window = sessions.window(account_of(server), SettableClock(START), start=False)

    assert watch_screen_lock(window) is None  # off by default
    save_settings(Settings(lock_break_minutes="15"))
    prompt = watch_screen_lock(window)

    assert prompt is not None
    assert prompt.watch.sources == []  # no bus here: nothing heard, nothing said


def test_the_text_in_german(qapp: QApplication) -> None:
    question = LockQuestion((LockSpan(START, START + timedelta(minutes=38)),))
    before = QLocale()
    installed = install_translators(qapp, "de")
    try:
        text = lock_text(question, BERLIN)
    finally:
        remove_translators(qapp, installed)
        QLocale.setDefault(before)

    assert text.startswith("Der Bildschirm war von 08:00 bis 08:38 (38 min) gesperrt")


def test_a_stray_enter_answers_nothing(qtbot: QtBot, desk: Desk) -> None:
    desk.stamp()
    desk.clock.advance(hours=2)
    desk.locked_for(20)
    dialog = desk.prompt.dialog
    assert dialog is not None
    answers = emissions(dialog.answered)

    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.yes_button, Qt.Key.Key_Return)

    assert answers == []
    assert dialog.isVisible()
    qtbot.keyClick(dialog.yes_button, Qt.Key.Key_Space)  # the keyboard's way to press it
    assert answers == [(True,)]
    wait_idle(qtbot, desk.window.session)  # the break it records is written before the end
