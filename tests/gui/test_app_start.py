"""The start of the window: a settings file that cannot be read does not stop it.

The window (or the first-run settings) opens with the default settings, the environment
still wins, and a notice over it says what happened and what will happen to the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import credentials_of
from tests.gui.helpers import launched
from timeclock.gui.app import Launcher
from timeclock.gui.settings_dialog import SettingsDialog
from timeclock.sandbox import SandboxServer
from timeclock.services.account import Account
from timeclock.services.localzone import UTC_ZONE
from timeclock.store import logfile
from timeclock.store.logfile import HIDDEN, hide_secrets
from timeclock.store.secrets import save_credentials
from timeclock.store.settings import Settings, read_settings, save_settings, settings_path

WAIT = 5000
BROKEN = b'{"account": "testkonto", "language": '  # cut off mid-write by something else


@pytest.fixture
def launcher(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[Launcher]:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    with launched(qapp, "launcher-start-test") as made:
        yield made


def _broken_settings_file() -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(BROKEN)
    return path


def _started(qtbot: QtBot, launcher: Launcher) -> None:
    launcher.start()
    qtbot.waitUntil(lambda: launcher.window is not None or launcher.first_run is not None)


def _notice(qtbot: QtBot, launcher: Launcher) -> QMessageBox:
    notice = launcher.settings_notice
    assert notice is not None
    qtbot.waitUntil(notice.isVisible, timeout=WAIT)
    return notice


def test_a_broken_settings_file_opens_the_window_with_a_notice_and_the_environment(
    qtbot: QtBot, launcher: Launcher, server: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _broken_settings_file()
    monkeypatch.setenv("TIMECLOCK_URL", server.base_url)
    monkeypatch.setenv("TIMECLOCK_USER", "hansm")
    monkeypatch.setenv("TIMECLOCK_API_KEY", server.api_key)
    monkeypatch.setenv("TIMECLOCK_API_SECRET", server.api_secret)

    _started(qtbot, launcher)

    notice = _notice(qtbot, launcher)
    window = launcher.window
    assert window is not None and window.isVisible()
    assert window.session.account == Account(server.base_url, "hansm", credentials_of(server))
    assert notice.parent() is window
    assert notice.icon() == QMessageBox.Icon.Warning
    assert notice.windowTitle() == "Settings file cannot be read"
    assert "starts with the default settings" in notice.text()
    assert "settings.json.broken-" in notice.informativeText()
    assert notice.detailedText().startswith(f"cannot read the settings file {path}: ")
    assert path.read_bytes() == BROKEN  # nothing is written at the start

    notice.button(QMessageBox.StandardButton.Ok).click()
    assert not notice.isVisible()
    window.language_actions["de"].trigger()  # a save: the broken file is kept aside first
    qtbot.waitUntil(lambda: read_settings()[0].language == "de", timeout=WAIT)
    (kept,) = path.parent.glob("settings.json.broken-*")
    assert kept.read_bytes() == BROKEN


def test_a_broken_settings_file_without_the_environment_opens_the_first_run_settings(
    qtbot: QtBot, launcher: Launcher
) -> None:
    path = _broken_settings_file()

    _started(qtbot, launcher)

    notice = _notice(qtbot, launcher)
    dialog = launcher.first_run
    assert isinstance(dialog, SettingsDialog)
    assert launcher.window is None
    assert notice.parent() is dialog
    assert notice.isModal()  # read before filling in the form
    notice.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert dialog.account_edit.text() == ""  # the defaults, not half of a broken file
    assert path.read_bytes() == BROKEN


def test_a_good_settings_file_shows_no_notice_and_the_secrets_are_kept_out_of_the_log(
    qtbot: QtBot, launcher: Launcher, server: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logfile, "_secrets", ())
    save_settings(Settings(account=server.base_url, user="hansm", language="de"))
    save_credentials(server.base_url, credentials_of(server))

    _started(qtbot, launcher)

    window = launcher.window
    assert window is not None
    assert window.session.account == Account(server.base_url, "hansm", credentials_of(server))
    assert launcher.language == "de"
    assert launcher.settings_notice is None
    assert hide_secrets(f"{server.api_key}:{server.api_secret}") == f"{HIDDEN}:{HIDDEN}"


@pytest.mark.parametrize(
    ("tz", "language", "expected"),
    [
        ("Not/AZone", "en", 'The time zone TZ="Not/AZone" is not one TimeClock can read, so'),
        ("Not/AZone", "de", 'Die Zeitzone TZ="Not/AZone" kann TimeClock nicht lesen, deshalb'),
        ("Europe/Berlin", "en", ""),
    ],
)
def test_a_tz_that_names_no_zone_is_said_in_the_window_in_its_language(
    qtbot: QtBot,
    launcher: Launcher,
    server: SandboxServer,
    monkeypatch: pytest.MonkeyPatch,
    tz: str,
    language: str,
    expected: str,
) -> None:
    save_settings(Settings(account=server.base_url, user="hansm", language=language))
    save_credentials(server.base_url, credentials_of(server))
    monkeypatch.setenv("TZ", tz)

    _started(qtbot, launcher)

    window = launcher.window
    assert window is not None
    qtbot.waitUntil(lambda: window.session.status is not None, timeout=WAIT)  # answers are in
    assert window.message_bar.text.startswith(expected)
    assert bool(window.message_bar.text) == bool(expected)  # and nothing for a good zone
    assert not window.message_bar.is_notice  # a problem: times are hours off
    assert (window.zone is UTC_ZONE) == bool(expected)
