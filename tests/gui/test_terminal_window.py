"""The shared terminal's window against the sandbox (real HTTP): a badge scanned on the
idle screen, names picked, PINs, the choice of stamping out or a break, notices, leaving
with the administrator's PIN, German, and an accessible name on every control."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from tests.api.staff import staffed
from tests.conftest import credentials_of
from tests.gui.helpers import WAIT, SettableClock, utc
from timeclock.api.client import TimeTrackClient
from timeclock.gui import i18n
from timeclock.gui.terminal_window import TerminalWindow
from timeclock.sandbox import NewAttendance, SandboxServer
from timeclock.sandbox.people_quirks import PeopleQuirks
from timeclock.services.desk import Desk
from timeclock.services.terminal import CONFIRMED_SECONDS, NOTICE_SECONDS, Phase, Terminal
from timeclock.services.terminal_clock import TerminalClock
from timeclock.store.terminal_pins import TerminalPins

BERLIN = ZoneInfo("Europe/Berlin")
MORNING = utc(2026, 12, 3, 6, 58)  # 07:58 in Berlin
ADMIN_PIN = "9876"
ANNA_PIN = "2468"


class Ticks:
    """The window's monotonic clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def staff(server: SandboxServer) -> Iterator[SandboxServer]:
    """hansm (#1001), ivan, lenab and annak (#1003); emptied again after."""
    staffed(server)
    server.directory.add_user("annak", "Anna", "Kowalski", personal_number=1003)
    yield server
    server.directory.reset()


@pytest.fixture
def pins(tmp_path: Path) -> TerminalPins:
    pins = TerminalPins(tmp_path / "terminal.json")
    pins.set_admin_pin(ADMIN_PIN)
    pins.set_pin("annak", ANNA_PIN)
    return pins


@pytest.fixture
def ticks() -> Ticks:
    return Ticks()


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(MORNING)


@pytest.fixture
def make_window(
    qtbot: QtBot, staff: SandboxServer, pins: TerminalPins, ticks: Ticks, clock: SettableClock
) -> Iterator[type[TerminalWindow]]:
    """Call to open the terminal (shown at 1024x600, the employees read)."""
    opened: list[tuple[TerminalWindow, TimeTrackClient, Desk]] = []

    def make(*, start: bool = True) -> TerminalWindow:
        client = TimeTrackClient(staff.base_url, credentials_of(staff))
        desk = Desk(in_memory=True)
        service = TerminalClock(desk, client, BERLIN, clock)
        window = TerminalWindow(service, Terminal(pins), BERLIN, clock=clock, monotonic=ticks)
        opened.append((window, client, desk))
        window.resize(1024, 600)
        window.show()
        if start:
            window.start()
            qtbot.waitUntil(lambda: window.people_read, timeout=WAIT)
        return window

    yield make  # type: ignore[misc]
    for window, client, desk in opened:
        window.allow_close()
        window.close()
        window.deleteLater()
        client.close()
        desk.close()


def scan(qtbot: QtBot, window: TerminalWindow, digits: str, where: QWidget | None = None) -> None:
    """Type ``digits`` and Enter as a badge reader does, into whatever has the focus (or
    ``where``)."""
    target = where or window.focusWidget() or window
    qtbot.keyClicks(target, digits)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Return)


def confirmed(window: TerminalWindow) -> str:
    """The confirmation as one line (it is shown as two)."""
    return window.confirmation.text().replace("\n", " ")


def wait_for(qtbot: QtBot, window: TerminalWindow, phase: Phase) -> None:
    qtbot.waitUntil(lambda: window.terminal.phase is phase, timeout=WAIT)


def entries_of(server: SandboxServer, user: str) -> list[tuple[object, object]]:
    return [(e.start, e.end) for e in server.store.query() if e.user == user]


def test_a_badge_scanned_anywhere_on_the_idle_screen_stamps_in_and_confirms_then_idles(
    qtbot: QtBot, make_window: type[TerminalWindow], staff: SandboxServer, ticks: Ticks
) -> None:
    window = make_window()
    assert window.pages.currentWidget() is window.idle_page
    assert window.hint_label.text() == "Pick your name or scan your badge"
    # The digits go to the list (not the search field): the terminal takes them anyway.
    scan(qtbot, window, "1003", where=window.names)
    wait_for(qtbot, window, Phase.CONFIRMED)
    assert window.pages.currentWidget() is window.confirmed_page
    assert confirmed(window) == "Good morning, Anna — clocked in 07:58"
    assert entries_of(staff, "annak") == [(MORNING, MORNING)]  # open: from = to
    ticks.now += CONFIRMED_SECONDS
    wait_for(qtbot, window, Phase.IDLE)
    assert window.pages.currentWidget() is window.idle_page
    assert window.search.text() == ""


def test_a_badge_scanned_before_the_names_are_read_is_looked_up_once_they_are(
    qtbot: QtBot, make_window: type[TerminalWindow], staff: SandboxServer
) -> None:
    window = make_window(start=False)
    scan(qtbot, window, "1003")
    assert window.pages.currentWidget() is window.busy_page
    assert window.terminal.phase is Phase.IDLE  # not told "unknown badge"
    window.start()
    wait_for(qtbot, window, Phase.CONFIRMED)
    assert entries_of(staff, "annak") == [(MORNING, MORNING)]


def test_the_next_scan_ends_the_confirmation_at_once(
    qtbot: QtBot, make_window: type[TerminalWindow], staff: SandboxServer
) -> None:
    window = make_window()
    scan(qtbot, window, "1003")
    wait_for(qtbot, window, Phase.CONFIRMED)
    scan(qtbot, window, "1001")
    qtbot.waitUntil(lambda: bool(entries_of(staff, "hansm")), timeout=WAIT)
    wait_for(qtbot, window, Phase.CONFIRMED)
    assert confirmed(window) == "Good morning, Hans — clocked in 07:58"


def test_someone_in_chooses_a_break_or_stamping_out_and_hears_todays_time(
    qtbot: QtBot,
    make_window: type[TerminalWindow],
    staff: SandboxServer,
    clock: SettableClock,
    ticks: Ticks,
) -> None:
    staff.store.create(NewAttendance(user="annak", start=MORNING, end=MORNING, manual=False))
    clock.advance(hours=4)
    window = make_window()
    scan(qtbot, window, "1003")
    wait_for(qtbot, window, Phase.CHOICE)
    assert window.choice_title.text() == "Kowalski, Anna"
    assert window.choice_standing.text() == "Clocked in since 07:58"
    shown = [b.text() for b in window.choice_buttons.values() if not b.isHidden()]
    assert shown == ["Clock out", "Start break"]
    qtbot.mouseClick(window.choice_buttons[window.terminal.choices[1]], Qt.MouseButton.LeftButton)
    wait_for(qtbot, window, Phase.CONFIRMED)
    assert confirmed(window) == "Enjoy your break, Anna — break from 11:58"
    ticks.now += CONFIRMED_SECONDS
    wait_for(qtbot, window, Phase.IDLE)
    clock.advance(minutes=30)
    scan(qtbot, window, "1003")
    wait_for(qtbot, window, Phase.CHOICE)
    assert window.choice_standing.text() == "On a break (clocked in since 07:58)"
    scan(qtbot, window, "1003")  # the same badge again: the first choice, end the break
    wait_for(qtbot, window, Phase.CONFIRMED)
    assert confirmed(window) == "Welcome back, Anna — break ended 12:28"
    ticks.now += CONFIRMED_SECONDS
    wait_for(qtbot, window, Phase.IDLE)
    clock.advance(hours=4)
    scan(qtbot, window, "1003")
    wait_for(qtbot, window, Phase.CHOICE)
    scan(qtbot, window, "1003")
    wait_for(qtbot, window, Phase.CONFIRMED)
    assert confirmed(window) == "Goodbye, Anna — clocked out 16:28"
    assert window.confirmation_detail.text() == "Worked today: 8:00 h"
    stored = [e for e in staff.store.query() if e.user == "annak"]
    assert [(e.end, e.break_minutes) for e in stored] == [(clock.now, 30)]


def test_a_picked_name_confirms_with_a_pin_and_a_wrong_one_waits(
    qtbot: QtBot,
    make_window: type[TerminalWindow],
    staff: SandboxServer,
    pins: TerminalPins,
    ticks: Ticks,
) -> None:
    pins.require_employee_pins(True)
    window = make_window()
    qtbot.keyClicks(window.search, "kowal")
    assert [window.names.item(i).text() for i in range(window.names.count())] == ["Kowalski, Anna"]
    qtbot.mouseClick(
        window.names.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.names.visualItemRect(window.names.item(0)).center(),
    )
    wait_for(qtbot, window, Phase.PIN)
    assert window.pin_title.text() == "Anna, please type your PIN"
    qtbot.keyClicks(window.pin_field, "1111")
    qtbot.keyClick(window.pin_field, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.pin_message.text() == "Wrong PIN. Please wait 1 s.", timeout=WAIT
    )
    assert window.pin_field.isReadOnly()
    assert window.pin_field.hasFocus()  # an Enter typed meanwhile reaches no button
    assert entries_of(staff, "annak") == []
    ticks.now += 1.0
    qtbot.waitUntil(lambda: not window.pin_field.isReadOnly(), timeout=WAIT)
    assert window.pin_message.text() == "Wrong PIN. Please try again."
    for digit in ANNA_PIN:  # the on-screen keys
        key = next(b for b in window.pin_page.findChildren(QAbstractButton) if b.text() == digit)
        qtbot.mouseClick(key, Qt.MouseButton.LeftButton)
    assert window.pin_field.text() == ANNA_PIN
    qtbot.mouseClick(window.pin_ok, Qt.MouseButton.LeftButton)
    wait_for(qtbot, window, Phase.CONFIRMED)
    assert entries_of(staff, "annak") == [(MORNING, MORNING)]


def test_an_unknown_badge_says_so_and_the_terminal_idles_again(
    qtbot: QtBot, make_window: type[TerminalWindow], staff: SandboxServer, ticks: Ticks
) -> None:
    window = make_window()
    scan(qtbot, window, "4242")
    wait_for(qtbot, window, Phase.NOTICE)
    assert window.pages.currentWidget() is window.notice_page
    assert window.notice.text() == (
        "This badge or personal number is not known: 4242. Nothing was stamped."
    )
    assert list(staff.store.query()) == []
    ticks.now += NOTICE_SECONDS
    wait_for(qtbot, window, Phase.IDLE)


def test_a_personal_number_typed_shows_no_names(
    qtbot: QtBot, make_window: type[TerminalWindow]
) -> None:
    window = make_window()
    qtbot.keyClicks(window.search, "10")
    assert window.names.count() == 0  # nobody learns whose number starts so


def test_leaving_asks_for_the_administrators_pin(
    qtbot: QtBot, make_window: type[TerminalWindow], ticks: Ticks
) -> None:
    window = make_window()
    qtbot.keyClicks(window.search, "kow")
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)  # first clears what was typed
    assert (window.search.text(), window.terminal.phase) == ("", Phase.IDLE)
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    wait_for(qtbot, window, Phase.ADMIN_PIN)
    assert window.pin_title.text() == "Administrator PIN to end the terminal"
    qtbot.keyClicks(window.pin_field, ANNA_PIN)
    qtbot.keyClick(window.pin_field, Qt.Key.Key_Return)
    assert window.terminal.phase is Phase.ADMIN_PIN
    ticks.now += 1.0
    qtbot.waitUntil(lambda: not window.pin_field.isReadOnly(), timeout=WAIT)
    with qtbot.waitSignal(window.left, timeout=WAIT):
        qtbot.keyClicks(window.pin_field, ADMIN_PIN)
        qtbot.keyClick(window.pin_field, Qt.Key.Key_Return)
    assert window.terminal.phase is Phase.LEFT


def test_closing_the_window_asks_for_the_administrators_pin_too(
    qtbot: QtBot, make_window: type[TerminalWindow]
) -> None:
    window = make_window()
    assert not window.close()  # Alt+F4, the window manager's close button
    assert window.isVisible()
    wait_for(qtbot, window, Phase.ADMIN_PIN)


def test_the_corner_button_and_cancel(qtbot: QtBot, make_window: type[TerminalWindow]) -> None:
    window = make_window()
    qtbot.mouseClick(window.leave_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, window, Phase.ADMIN_PIN)
    qtbot.mouseClick(window.pin_cancel, Qt.MouseButton.LeftButton)
    wait_for(qtbot, window, Phase.IDLE)


def test_without_users_the_user_name_is_typed(
    qtbot: QtBot, make_window: type[TerminalWindow], staff: SandboxServer
) -> None:
    staff.directory.quirks = PeopleQuirks(forbidden=frozenset({"users"}))
    terminal_window = make_window()
    assert terminal_window.hint_label.text() == "Type your user name and press Enter"
    assert terminal_window.names.isHidden()
    qtbot.keyClicks(terminal_window.search, "lenab")
    qtbot.keyClick(terminal_window.search, Qt.Key.Key_Return)
    wait_for(qtbot, terminal_window, Phase.CONFIRMED)
    assert entries_of(staff, "lenab") == [(MORNING, MORNING)]


def test_every_control_has_an_accessible_name(make_window: type[TerminalWindow]) -> None:
    window = make_window()
    controls = window.findChildren(QAbstractButton) + window.findChildren(QLineEdit)
    controls += window.findChildren(QListWidget)
    assert len(controls) > 15
    unnamed = [c for c in controls if not c.accessibleName().strip()]
    assert unnamed == []


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    translators = i18n.install_translators(qapp, "de")
    yield
    i18n.remove_translators(qapp, translators)
    i18n.install_translators(qapp, "en")


def test_in_german(
    qtbot: QtBot, german: None, make_window: type[TerminalWindow], clock: SettableClock
) -> None:
    window = make_window()
    assert window.hint_label.text() == "Namen wählen oder Ausweis scannen"
    scan(qtbot, window, "1003")
    wait_for(qtbot, window, Phase.CONFIRMED)
    assert confirmed(window) == "Guten Morgen, Anna — eingestempelt 07:58"
    assert clock.now - MORNING == timedelta()


def test_without_timetrack_a_typed_user_name_stamps_on_this_computer_and_says_so(
    qtbot: QtBot,
    make_server: Callable[..., SandboxServer],
    pins: TerminalPins,
    ticks: Ticks,
    clock: SettableClock,
) -> None:
    gone = make_server()
    url, credentials = gone.base_url, credentials_of(gone)
    gone.stop()  # nothing answers: neither the names nor the stamp get through
    with Desk(in_memory=True) as desk, TimeTrackClient(url, credentials) as client:
        service = TerminalClock(desk, client, BERLIN, clock)
        window = TerminalWindow(service, Terminal(pins), BERLIN, clock=clock, monotonic=ticks)
        try:
            window.show()
            window.start()
            qtbot.waitUntil(lambda: window.people_read, timeout=WAIT)
            assert window.hint_label.text() == "Type your user name and press Enter"
            qtbot.keyClicks(window.search, "lenab")
            qtbot.keyClick(window.search, Qt.Key.Key_Return)
            wait_for(qtbot, window, Phase.CONFIRMED)
            assert confirmed(window) == "Good morning, lenab — clocked in 07:58"
            assert window.confirmation_detail.text() == (
                "Saved on this computer; it goes to TimeTrack as soon as TimeTrack answers."
            )
            assert len(desk.outbox.items(url)) == 1
        finally:
            window.allow_close()
            window.close()
            window.deleteLater()
