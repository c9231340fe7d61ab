"""Hearing locks and unlocks from the desktop's D-Bus signals, on a private bus."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.private_bus import PrivateBus, private_bus, start_qtdbus_thread
from timeclock.gui.screen_lock_watch import (
    LOGIND_SESSION,
    SCREEN_SAVERS,
    ScreenLockWatch,
    session_bus,
)

WAIT = 5000
SESSION_PATH = "/org/freedesktop/login1/session/_32"  # logind's path of session "2"


@pytest.fixture(scope="module", autouse=True)
def qtdbus_thread(qapp: QApplication) -> None:
    start_qtdbus_thread()


@pytest.fixture
def bus(tmp_path: Path) -> Iterator[PrivateBus]:
    with private_bus(tmp_path / "session-bus") as started:
        yield started


@pytest.fixture
def system(tmp_path: Path) -> Iterator[PrivateBus]:
    """A second private bus in the system bus's place, for logind."""
    with private_bus(tmp_path / "system-bus") as started:
        yield started


def heard(qtbot: QtBot, watch: ScreenLockWatch) -> list[str]:
    """``"locked"`` and ``"unlocked"`` as the watch tells them."""
    said: list[str] = []
    watch.locked.connect(lambda: said.append("locked"))
    watch.unlocked.connect(lambda: said.append("unlocked"))
    return said


def test_the_freedesktop_screen_saver_as_dbus_send_says_it(qtbot: QtBot, bus: PrivateBus) -> None:
    watch = ScreenLockWatch(bus.connect())
    said = heard(qtbot, watch)

    for active, count in (("true", 1), ("false", 2)):
        bus.dbus_send(
            "--type=signal",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.ActiveChanged",
            f"boolean:{active}",
        )
        qtbot.waitUntil(lambda expected=count: len(said) == expected, timeout=WAIT)

    assert said == ["locked", "unlocked"]
    assert watch.sources == list(SCREEN_SAVERS)


@pytest.mark.parametrize(
    ("service", "path"),
    [
        ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
        ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
        ("org.mate.ScreenSaver", "/org/mate/ScreenSaver"),
    ],
)
def test_a_screen_saver_owning_its_name_is_heard(
    qtbot: QtBot, bus: PrivateBus, service: str, path: str
) -> None:
    saver = bus.owner(service, path)
    watch = ScreenLockWatch(bus.connect())
    said = heard(qtbot, watch)

    bus.emit(saver, path, service, "ActiveChanged", True)
    qtbot.waitUntil(lambda: said == ["locked"], timeout=WAIT)
    bus.emit(saver, path, service, "ActiveChanged", False)
    qtbot.waitUntil(lambda: said == ["locked", "unlocked"], timeout=WAIT)


def test_logind_lock_and_unlock_of_this_session_only(
    qtbot: QtBot, bus: PrivateBus, system: PrivateBus
) -> None:
    logind = system.owner("org.freedesktop.login1", SESSION_PATH)
    watch = ScreenLockWatch(bus.connect(), system.connect(), "2")
    said = heard(qtbot, watch)
    other_session = "/org/freedesktop/login1/session/_33"

    system.emit(logind, other_session, LOGIND_SESSION, "Lock")  # another user's session
    system.emit(logind, SESSION_PATH, LOGIND_SESSION, "Lock")
    qtbot.waitUntil(lambda: said == ["locked"], timeout=WAIT)
    system.emit(logind, SESSION_PATH, LOGIND_SESSION, "Unlock")
    qtbot.waitUntil(lambda: said == ["locked", "unlocked"], timeout=WAIT)

    assert LOGIND_SESSION in watch.sources


def test_logind_from_anyone_but_logind_is_not_heard(qtbot: QtBot, system: PrivateBus) -> None:
    system.owner("org.freedesktop.login1", SESSION_PATH)
    impostor = system.connect()
    listening = system.connect()
    watch = ScreenLockWatch(listening, listening, "2")  # the screen saver's too, on one bus
    said = heard(qtbot, watch)

    system.emit(impostor, SESSION_PATH, LOGIND_SESSION, "Lock")
    # Sent after the Lock by the same sender: once it is heard, the Lock was passed over.
    system.emit(impostor, "/x", "org.freedesktop.ScreenSaver", "ActiveChanged", False)
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT)

    assert said == ["unlocked"]


def test_missing_buses_are_silent(caplog: pytest.LogCaptureFixture) -> None:
    nowhere = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "timeclock-nowhere")
    caplog.set_level(logging.WARNING)
    try:
        watch = ScreenLockWatch(nowhere, nowhere, "2")
        without = ScreenLockWatch(None, None, None)
    finally:
        QDBusConnection.disconnectFromBus("timeclock-nowhere")

    assert watch.sources == [] and without.sources == []
    assert caplog.records == []


def test_no_session_bus_is_started_where_the_desktop_has_none(
    monkeypatch: pytest.MonkeyPatch, private_runtime_folder: Path
) -> None:
    """libdbus would start one for the X display otherwise, which would outlive us."""
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")

    assert session_bus() is None
    assert not (private_runtime_folder / "bus").exists()
