"""A D-Bus daemon of the test's own, and ways to send the desktop's lock signals on it.

Nothing reaches the machine's real session or system bus: the daemon listens on a socket
in a tmp folder, and both QtDBus and ``dbus-send`` are given its address.
"""

from __future__ import annotations

import itertools
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtDBus import QDBusConnection, QDBusMessage

START_SECONDS = 10.0
_names = itertools.count(1)


class PrivateBus:
    """A running ``dbus-daemon``: its :attr:`address`, connections to it, signals on it."""

    def __init__(self, folder: Path) -> None:
        self._connections: list[str] = []
        self._owners: list[tuple[QDBusConnection, str, str, QObject]] = []
        daemon = shutil.which("dbus-daemon")
        if daemon is None:
            pytest.fail("not installed: dbus-daemon (Debian package dbus-daemon)", pytrace=False)
        self._stderr = (folder / "dbus-daemon.stderr").open("wb")
        self.process = subprocess.Popen(
            [daemon, "--session", "--nofork", "--print-address=1", f"--address=unix:dir={folder}"],
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], START_SECONDS)
        if not ready:
            self.stop()
            pytest.fail("dbus-daemon printed no address", pytrace=False)
        self.address = self.process.stdout.readline().decode().strip()

    def connect(self) -> QDBusConnection:
        """A new QtDBus connection to this bus (closed with the bus)."""
        name = f"timeclock-test-bus-{os.getpid()}-{next(_names)}"
        connection = QDBusConnection.connectToBus(self.address, name)
        assert connection.isConnected(), connection.lastError().message()
        self._connections.append(name)
        return connection

    def owner(self, service: str, path: str) -> QDBusConnection:
        """A connection that owns ``service`` with a tiny object at ``path`` (as the
        screen saver or logind would), to send that service's signals from."""
        connection = self.connect()
        tiny = QObject()
        assert connection.registerObject(path, tiny)
        assert connection.registerService(service), connection.lastError().message()
        self._owners.append((connection, service, path, tiny))
        return connection

    def emit(
        self, connection: QDBusConnection, path: str, interface: str, name: str, *args: object
    ) -> None:
        """Send the signal ``interface.name(*args)`` from ``connection``."""
        message = QDBusMessage.createSignal(path, interface, name)
        message.setArguments(list(args))
        assert connection.send(message)

    def dbus_send(self, *arguments: str) -> None:
        """``dbus-send --session ARGUMENTS`` on this bus, as a person would type it."""
        environment = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": self.address}
        subprocess.run(
            ["dbus-send", "--session", *arguments], env=environment, check=True, timeout=10
        )

    def stop(self) -> None:
        """End the daemon, wait until QtDBus has seen each connection close, then let go
        of them.

        The other order (let go, then end the daemon) once crashed QtDBus's thread: a
        connection let go of is closed and freed in that thread, and the daemon's end
        reached the same connection there at the same time. Closed by the daemon first,
        a connection has nothing left to hear when it is freed.
        """
        self._end_daemon()
        closing = time.monotonic() + START_SECONDS
        while any(QDBusConnection(name).isConnected() for name in self._connections):
            if time.monotonic() > closing:
                pytest.fail("QtDBus did not see its private bus end", pytrace=False)
            time.sleep(0.005)
        for connection, _service, path, _tiny in self._owners:
            connection.unregisterObject(path)
        self._owners.clear()
        for name in self._connections:
            QDBusConnection.disconnectFromBus(name)
        self._connections.clear()

    def _end_daemon(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(START_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self._stderr.close()


@contextmanager
def private_bus(folder: Path) -> Iterator[PrivateBus]:
    """A private bus for the ``with`` block."""
    folder.mkdir(parents=True, exist_ok=True)
    bus = PrivateBus(folder)
    try:
        yield bus
    finally:
        bus.stop()


def start_qtdbus_thread() -> None:
    """QtDBus runs one thread for all its connections, from the first connection until the
    program ends. Started before a test's thread count (conftest's leak check), so that it
    is not counted as left behind by the first test that listens."""
    QDBusConnection.connectToBus("unix:path=/nonexistent/timeclock-warm-up", "timeclock-warm-up")
    QDBusConnection.disconnectFromBus("timeclock-warm-up")
