"""Helpers the window, session and model tests share: a settable clock, sessions, entries.

Every session talks to a real sandbox over HTTP; the helpers only save typing. Whatever
they open (sessions, windows) they also close, so the leak check of ``conftest`` holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import shiboken6
from PySide6.QtCore import QEvent, QLocale, QObject, QSettings, SignalInstance
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from timeclock.api.credentials import Credentials
from timeclock.domain.attendance import Attendance, Location
from timeclock.gui.app import Launcher
from timeclock.gui.main_window import MainWindow
from timeclock.gui.session import ClockSession
from timeclock.gui.single_instance import SingleInstance
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.records import NewAttendance
from timeclock.services.account import Account
from timeclock.services.demo_process import DemoProcess
from timeclock.services.desk import Desk
from timeclock.store.breaks import BreakStore
from timeclock.store.outbox import Outbox, OutboxItem

BERLIN = ZoneInfo("Europe/Berlin")
WAIT = 5000  # milliseconds any single round trip to the sandbox may take at most


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """An aware UTC instant."""
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


class SettableClock:
    """A clock the test moves: ``clock()`` is now, ``advance(minutes=15)`` moves it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **span: float) -> datetime:
        """Move the clock on by ``timedelta(**span)``; the new now."""
        self.now += timedelta(**span)
        return self.now


def emissions(signal: SignalInstance) -> list[tuple[Any, ...]]:
    """A list that fills with the arguments of every emission of ``signal``."""
    seen: list[tuple[Any, ...]] = []
    signal.connect(lambda *args: seen.append(args))
    return seen


class Paints(QObject):
    """Counts the paints of a widget (a table's viewport, say)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def outbox_items(qtbot: QtBot, session: ClockSession) -> list[OutboxItem]:
    """What waits in the session's outbox now (read by the session's worker)."""
    items: list[list[OutboxItem]] = []
    session.load_outbox(items.append)
    qtbot.waitUntil(lambda: bool(items), timeout=WAIT)
    return items[0]


def wait_idle(qtbot: QtBot, session: ClockSession) -> None:
    """Wait until the session has answered every request it was given."""
    qtbot.waitUntil(lambda: not session._runner.busy, timeout=WAIT)


def entry(
    entry_id: int,
    start: datetime,
    end: datetime | None = None,
    *,
    user: str = "hansm",
    break_minutes: int = 0,
    notes: str = "",
    manual: bool = False,
    start_location: Location | None = None,
    end_location: Location | None = None,
) -> Attendance:
    """A domain entry (``end=None``: an open one, as stamping in makes it)."""
    return Attendance(
        id=entry_id,
        user=user,
        start=start,
        end=start if end is None else end,
        break_minutes=break_minutes,
        notes=notes,
        manual=manual,
        start_location=start_location,
        end_location=end_location,
    )


def seed(
    server: SandboxServer,
    start: datetime,
    end: datetime | None = None,
    *,
    user: str = "hansm",
    break_minutes: int = 0,
    notes: str = "",
    manual: bool = True,
) -> int:
    """Put an entry into the sandbox's store (as another desk would have); its id."""
    stored = server.store.create(
        NewAttendance(
            user=user,
            start=start,
            end=start if end is None else end,
            break_minutes=break_minutes,
            notes=notes,
            manual=manual,
        )
    )
    return stored.id


def account_of(
    server_or_url: SandboxServer | str,
    user: str = "hansm",
    credentials: Credentials | None = None,
) -> Account:
    """The account of ``user`` on a sandbox (or on any base URL, with given credentials)."""
    if isinstance(server_or_url, SandboxServer):
        url = server_or_url.base_url
        credentials = credentials or Credentials(server_or_url.api_key, server_or_url.api_secret)
    else:
        url = server_or_url
        credentials = credentials or Credentials("key-that-no-one-checks", "secret-no-one-checks")
    return Account(url, user, credentials)


@dataclass
class Sessions:
    """Opens sessions (and windows) for a test and closes them all afterwards."""

    qtbot: QtBot
    folder: Path
    opened: list[ClockSession] = field(default_factory=list)
    windows: list[MainWindow] = field(default_factory=list)
    stores: list[BreakStore] = field(default_factory=list)

    def open(
        self,
        account: Account,
        clock: Callable[[], datetime],
        breaks: BreakStore | None = None,
        outbox: Outbox | None = None,
    ) -> ClockSession:
        """A session of ``account`` on the clock ``clock`` (with an outbox in memory unless
        ``outbox`` is given)."""
        desk = Desk(in_memory=True, outbox=outbox, breaks=breaks)  # in memory unless given
        if breaks is None:
            self.stores.append(desk.breaks)
        session = ClockSession(account, desk, clock=clock)
        self.opened.append(session)
        return session

    def window_state(self) -> QSettings:
        """The window's remembered state, in an ini file of the test's own."""
        return QSettings(str(self.folder / "w.ini"), QSettings.Format.IniFormat)

    def window(
        self,
        account: Account,
        clock: Callable[[], datetime],
        *,
        start: bool = True,
    ) -> MainWindow:
        """A real main window on its own session, shown (and started unless ``start=False``)."""
        window = MainWindow(self.open(account, clock), BERLIN, self.window_state())
        self.windows.append(window)
        window.show()
        if start:
            with self.qtbot.waitSignals(
                [window.session.status_changed, window.session.entries_loaded], timeout=WAIT
            ):
                window.start()
        return window

    def close_all(self) -> None:
        """Close every window and session this test opened; their threads stop."""
        for window in self.windows:
            if shiboken6.isValid(window):
                window.close()
                window.deleteLater()
        for session in self.opened:
            session.close()
        for store in self.stores:
            store.close()


@contextmanager
def launched(qapp: QApplication, name: str, demo: DemoProcess | None = None) -> Iterator[Launcher]:
    """A launcher on a desk in memory; its window, first-run settings, worker and language
    undone after."""
    desk = Desk(in_memory=True)
    made = Launcher(qapp, desk, SingleInstance(name), demo=demo)
    default_locale = QLocale()
    try:
        yield made
    finally:
        made.runner.shutdown()
        if made.first_run is not None:
            made.first_run.rejected.disconnect()  # would quit the application
            made.first_run.close()
        if made.window is not None:
            made.window.close()
            made.window.deleteLater()
        made.change_language("en")
        QLocale.setDefault(default_locale)
        desk.close()
