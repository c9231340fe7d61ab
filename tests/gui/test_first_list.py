"""What a new window leaves until it has shown its first list (the tray, the reminders and
the screen-lock question): it runs once, after that list was painted, or once the window
was told why there is none, or after a while, and never for a window that is gone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from tests.api.faults import unused_port
from tests.gui.helpers import WAIT, Paints, Sessions, SettableClock, account_of
from timeclock.gui import first_list
from timeclock.gui.first_list import after_first_list
from timeclock.gui.main_window import MainWindow
from timeclock.sandbox import SandboxServer


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(datetime(2026, 3, 10, 7, 0, tzinfo=UTC))  # a Tuesday morning


def _recorder(paints: Paints) -> tuple[list[int], Callable[[], None]]:
    """The paints seen at each call, and the action that records them."""
    calls: list[int] = []
    return calls, lambda: calls.append(paints.count)


def test_it_runs_once_after_the_first_list_was_painted(
    qtbot: QtBot, server: SandboxServer, sessions: Sessions, clock: SettableClock
) -> None:
    window = sessions.window(account_of(server), clock, start=False)
    paints = Paints(window.table.viewport())
    calls, action = _recorder(paints)
    after_first_list(window, action)
    qtbot.wait(50)
    assert calls == []  # the window is shown, but no list yet

    at_list: list[int] = []
    window.session.entries_loaded.connect(lambda _listing: at_list.append(paints.count))
    with qtbot.waitSignal(window.session.entries_loaded, timeout=WAIT):
        window.start()
    qtbot.waitUntil(lambda: calls != [], timeout=WAIT)
    assert calls[0] > at_list[0]  # the table painted the list first

    with qtbot.waitSignal(window.session.entries_loaded, timeout=WAIT):
        window.reload_entries()
    qtbot.wait(50)
    assert len(calls) == 1  # once


def test_it_runs_when_the_window_is_told_why_there_is_no_list(
    qtbot: QtBot, sessions: Sessions, clock: SettableClock
) -> None:
    nobody = account_of(f"http://127.0.0.1:{unused_port()}/api/v2/ext")
    window = sessions.window(nobody, clock, start=False)
    calls: list[str] = []
    after_first_list(window, lambda: calls.append("ran"))

    window.start()

    qtbot.waitUntil(lambda: calls == ["ran"], timeout=WAIT)


@pytest.fixture
def unstarted(
    server: SandboxServer,
    sessions: Sessions,
    clock: SettableClock,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[MainWindow, list[str]]:
    """A window never started (no list comes), its action due after 30 ms; the calls."""
    monkeypatch.setattr(first_list, "LATEST_MS", 30)
    window = sessions.window(account_of(server), clock, start=False)
    calls: list[str] = []
    after_first_list(window, lambda: calls.append("ran"))
    return window, calls


def test_it_runs_after_a_while_without_a_list(
    qtbot: QtBot, unstarted: tuple[MainWindow, list[str]]
) -> None:
    _window, calls = unstarted

    qtbot.waitUntil(lambda: calls == ["ran"], timeout=WAIT)


def test_it_never_runs_for_a_window_that_is_gone(
    qtbot: QtBot, sessions: Sessions, unstarted: tuple[MainWindow, list[str]]
) -> None:
    window, calls = unstarted
    window.close()
    window.deleteLater()
    sessions.windows.remove(window)

    qtbot.wait(200)

    assert calls == []
