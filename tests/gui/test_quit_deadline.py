"""Quitting never waits long for a worker: not for a server that drips, not for stuck work."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from tests.gui.helpers import WAIT, Sessions, account_of, utc
from timeclock.gui.tasks import TaskRunner
from timeclock.sandbox import SandboxServer, ServerQuirks

NOW = utc(2026, 3, 10, 7)


def test_the_window_quits_at_once_while_a_request_drips(
    qtbot: QtBot, sessions: Sessions, make_server: Callable[..., SandboxServer]
) -> None:
    server = make_server()
    window = sessions.window(account_of(server), lambda: NOW)
    server.quirks = ServerQuirks(drip_seconds=2.0)  # from now on, a byte every 2 s
    with qtbot.waitSignal(window.session.busy_changed, timeout=WAIT):
        window.session.refresh_status()
    time.sleep(0.5)  # the worker now waits for the answer's next byte

    started = time.monotonic()
    window.quit_action.trigger()  # Ctrl+Q
    took = time.monotonic() - started

    assert not window.isVisible()
    # The request is stopped, not waited for: well inside the 2 s a worker is given.
    assert took < 1.0, f"quitting took {took:.1f} s"
    # (the autouse fixture checks that the worker thread has ended too)


def test_shutdown_stops_waiting_for_stuck_work_after_two_seconds(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    answers: list[object] = []
    runner.run(lambda: release.wait(20), answers.append)
    time.sleep(0.2)

    started = time.monotonic()
    stopped = runner.shutdown()
    took = time.monotonic() - started

    assert stopped is False
    assert 1.8 < took < 2.8, f"shutdown took {took:.1f} s"
    release.set()
    assert runner.wait_stopped(5)  # it ends on its own once the work is done
    qtbot.wait(50)
    assert answers == []  # and nobody is called back after shutdown


def test_shutdown_of_a_quick_task_returns_as_soon_as_it_is_done(qtbot: QtBot) -> None:
    runner = TaskRunner()
    runner.run(lambda: time.sleep(0.3), lambda _result: None)
    time.sleep(0.05)

    started = time.monotonic()
    assert runner.shutdown() is True
    assert time.monotonic() - started < 1.0
