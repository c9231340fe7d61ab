"""One window per user session: a second start raises the running window instead.

The first instance listens on a local socket (QLocalServer) whose name is derived from
the user, the config folder and the mode; a later start finds it, asks it to show itself,
and exits.
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from timeclock.store.paths import config_dir

CONNECT_TIMEOUT_MILLISECONDS = 500
RAISE_REQUEST = b"raise\n"


def instance_name(mode: str) -> str:
    """The local socket name for this user, config folder and mode (``app`` or ``demo``)."""
    key = f"{getpass.getuser()}|{config_dir()}|{mode}".encode()
    return "timeclock-" + hashlib.sha256(key).hexdigest()[:16]


class SingleInstance(QObject):
    """Claims the instance name; ``activated`` fires when another start asks to be shown."""

    activated = Signal()

    def __init__(self, mode: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = instance_name(mode)
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True when this is the first instance; else the first one was asked to show."""
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(CONNECT_TIMEOUT_MILLISECONDS):
            probe.write(RAISE_REQUEST)
            probe.waitForBytesWritten(CONNECT_TIMEOUT_MILLISECONDS)
            probe.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.name)  # a stale name left by a crashed instance
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self._server.listen(self.name):
            return True  # cannot listen: run anyway rather than refuse to start
        self._server.newConnection.connect(self._connected)
        return True

    def release(self) -> None:
        """Stop listening."""
        if self._server is not None:
            self._server.close()
            self._server = None

    def _connected(self) -> None:
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(connection.deleteLater)

    def _read(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll().data()).startswith(RAISE_REQUEST.strip()):
            self.activated.emit()
