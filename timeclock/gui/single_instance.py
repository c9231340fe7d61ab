"""One window per user session: a second start raises the running window instead.

The first instance listens on a local socket (QLocalServer) whose name is derived from
the user, the config folder and the mode; a later start finds it, asks it to show itself,
and exits.

On POSIX the socket is a file, and its place matters: a name in ``/tmp`` can be taken by
any local user first, who would then keep TimeClock from starting (or be asked to show a
window). So the socket lives in a folder only this user can enter, ``$XDG_RUNTIME_DIR``
where it is set, else a 0700 folder in the user's cache folder, and is named by its full
path. A folder that is not private to the user (a symlink, someone else's, open to others)
is not used; a socket in it that someone else owns is removed before listening.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from timeclock.store.paths import APP_NAME, config_dir
from timeclock.store.private import is_private_dir, private_dir

CONNECT_TIMEOUT_MILLISECONDS = 500
RAISE_REQUEST = b"raise\n"
_POSIX = sys.platform != "win32"


def instance_name(mode: str) -> str:
    """The local socket for this user, config folder and mode (``app`` or ``demo``).

    On POSIX a full path in :func:`socket_folder`; on Windows a pipe name.
    """
    key = f"{getpass.getuser()}|{config_dir()}|{mode}".encode()
    name = "timeclock-" + hashlib.sha256(key).hexdigest()[:16]
    if not _POSIX:
        return name
    folder = socket_folder()
    return name if folder is None else str(folder / name)


def socket_folder() -> Path | None:
    """A folder for the socket that only this user can enter, or None if there is none."""
    candidates = []
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_absolute() and is_private_dir(Path(runtime)):
        candidates.append(Path(runtime) / APP_NAME)
    candidates.append(Path(platformdirs.user_cache_dir(APP_NAME, False)) / "instance")
    for folder in candidates:
        try:
            private_dir(folder)
        except OSError:
            continue
        if is_private_dir(folder):
            return folder
    return None


class SingleInstance(QObject):
    """Claims the instance name; ``activated`` fires when another start asks to be shown."""

    activated = Signal()

    def __init__(self, mode: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = instance_name(mode)
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True when this is the first instance; else the first one was asked to show."""
        if _POSIX and not Path(self.name).is_absolute():
            return True  # no private folder: run without the check rather than trust /tmp
        _remove_foreign(self.name)
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


def _remove_foreign(name: str) -> None:
    """Remove whatever sits at the socket's path that is not this user's own."""
    if not _POSIX:
        return
    path = Path(name)
    try:
        if path.lstat().st_uid != os.getuid():
            path.unlink()
    except OSError:
        return
