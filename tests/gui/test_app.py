"""The launcher: one window per account, rebuilt in another language on request."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import credentials_of
from tests.gui.helpers import launched
from timeclock.api.client import TimeTrackClient
from timeclock.api.errors import NetworkError
from timeclock.cli.demo_server import demo_server_command
from timeclock.domain import foreground
from timeclock.domain.ranges import DayRange, Preset
from timeclock.gui.app import Launcher, go_first
from timeclock.sandbox import DEMO_USER, SandboxServer
from timeclock.services.account import Account
from timeclock.services.demo_process import DemoProcess
from timeclock.store.settings import load_settings

WAIT = 5000


@pytest.fixture
def launcher(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[Launcher]:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    with launched(qapp, "launcher-test") as made:
        yield made


def _clock_button_text(launcher: Launcher) -> str:
    assert launcher.window is not None
    return launcher.window.stamp_panel.stamp_button.text()


def test_a_window_per_account_and_a_new_one_in_another_language(
    qtbot: QtBot, launcher: Launcher, server: SandboxServer
) -> None:
    account = Account(server.base_url, "hansm", credentials_of(server))
    launcher.change_language("en")
    launcher.open_window(account)
    first = launcher.window
    assert first is not None
    qtbot.waitUntil(first.stamp_panel.stamp_button.isEnabled, timeout=WAIT)
    assert _clock_button_text(launcher) == "Clock in"

    launcher.switch_language("de")
    second = launcher.window
    assert second is not None and second is not first
    assert not first.isVisible()
    qtbot.waitUntil(second.stamp_panel.stamp_button.isEnabled, timeout=WAIT)
    assert _clock_button_text(launcher) == "Kommen"
    assert second.session.account == account
    assert launcher.secrets() == [server.api_key, server.api_secret] * 2


def test_another_start_raises_the_window(
    qtbot: QtBot, launcher: Launcher, server: SandboxServer
) -> None:
    launcher.open_window(Account(server.base_url, "hansm", credentials_of(server)))
    window = launcher.window
    assert window is not None
    window.showMinimized()
    launcher.raise_window()
    assert not window.isMinimized()


def test_the_language_menu_remembers_the_choice_and_rebuilds_the_window(
    qtbot: QtBot, launcher: Launcher, server: SandboxServer
) -> None:
    launcher.change_language("en")
    launcher.open_window(Account(server.base_url, "hansm", credentials_of(server)))
    first = launcher.window
    assert first is not None
    assert first.language_actions["en"].isChecked()
    first.language_actions["de"].trigger()
    qtbot.waitUntil(lambda: launcher.window is not first, timeout=WAIT)
    second = launcher.window
    assert second is not None
    qtbot.waitUntil(second.stamp_panel.stamp_button.isEnabled, timeout=WAIT)
    assert second.stamp_panel.stamp_button.text() == "Kommen"
    assert second.language_actions["de"].isChecked()
    assert load_settings().language == "de"


def test_the_demo_window_runs_on_its_demo_server_in_a_process_of_its_own(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    server = DemoProcess.start(demo_server_command())
    with launched(qapp, "launcher-demo-test", server) as launcher:
        with server:
            launcher.change_language("en")
            launcher.start()
            qtbot.waitUntil(lambda: launcher.window is not None, timeout=WAIT)
            window = launcher.window
            assert window is not None
            account = window.session.account
            assert account.user == DEMO_USER
            qtbot.waitUntil(window.stamp_panel.stamp_button.isEnabled, timeout=WAIT)
            assert _clock_button_text(launcher) == "Clock in"  # the demo user is not in
            launcher.runner.shutdown()
        # Closing the demo's server stopped it.
        with (
            TimeTrackClient(account.base_url, account.credentials) as client,
            pytest.raises(NetworkError),
        ):
            client.list_attendances(user=account.user)


def test_a_demo_that_cannot_start_says_why_in_the_window_and_ends_with_status_1(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = [sys.executable, "-c", "import sys; sys.exit('the port is taken')"]
    exits: list[int] = []
    # Recorded instead: the test's own event loop goes on.
    monkeypatch.setattr(QApplication, "exit", staticmethod(exits.append))
    with (
        DemoProcess.start(command) as server,
        launched(qapp, "launcher-demo-fails", server) as launcher,
    ):
        launcher.change_language("en")
        launcher.start()
        qtbot.waitUntil(lambda: launcher.demo_failure is not None, timeout=WAIT)
        box = launcher.demo_failure
        assert box is not None
        qtbot.waitUntil(box.isVisible, timeout=WAIT)
        assert box.text() == (
            "The demo cannot start: the demo's server did not start: the port is taken"
        )
        assert launcher.window is None
        assert exits == []
        box.accept()
        assert exits == [1]


def test_workers_wait_while_the_window_s_event_loop_works_and_only_then(
    qapp: QApplication,
) -> None:
    go_first(qapp)
    seen: dict[str, bool] = {}

    def look(name: str, delay: float = 0.0) -> threading.Thread:
        def run() -> None:
            time.sleep(delay)
            seen[name] = not foreground._idle.is_set()

        thread = threading.Thread(target=run)
        thread.start()
        return thread

    def handling_an_event() -> None:
        look("while an event is handled").join()  # the window's thread is working

    loop = QEventLoop()
    QTimer.singleShot(0, handling_an_event)
    waiting = look("while the window waits", delay=0.05)  # the loop sleeps by then
    QTimer.singleShot(300, loop.quit)
    loop.exec()
    waiting.join()

    assert seen == {"while an event is handled": True, "while the window waits": False}


def test_switching_the_language_keeps_the_lists_range_and_users(
    qtbot: QtBot, launcher: Launcher, server: SandboxServer
) -> None:
    launcher.change_language("en")
    launcher.open_window(Account(server.base_url, "hansm", credentials_of(server)))
    first = launcher.window
    assert first is not None
    qtbot.waitUntil(first.stamp_panel.stamp_button.isEnabled, timeout=WAIT)
    first.filter_bar.set_custom_range(DayRange(date(2026, 2, 2), date(2026, 2, 20)))
    first.filter_bar.all_users.setChecked(True)
    first.filter_bar.group.setChecked(True)
    kept = first.filter_bar.state()
    launcher.switch_language("de")
    second = launcher.window
    assert second is not None and second is not first
    assert second.filter_bar.state() == kept
    assert second.filter_bar.day_range(date(2026, 3, 1)) == DayRange(
        date(2026, 2, 2), date(2026, 2, 20)
    )
    assert second.summary.isVisibleTo(second)  # grouped by employee, as before
    launcher.switch_language("en")  # a preset stays a preset
    third = launcher.window
    assert third is not None
    third.filter_bar.choose_preset(Preset.LAST_WEEK, date(2026, 3, 4))
    launcher.switch_language("de")
    assert launcher.window is not None
    assert launcher.window.filter_bar.state().preset == Preset.LAST_WEEK.value
