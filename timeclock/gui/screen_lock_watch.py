"""Hearing the desktop lock and unlock the session, from its D-Bus signals (QtDBus).

Screen savers announce ``ActiveChanged(bool)`` on the session bus, under
``org.freedesktop.ScreenSaver`` (KDE, Xfce, Cinnamon and others), ``org.gnome.ScreenSaver``
or ``org.mate.ScreenSaver``; logind sends ``Lock`` and ``Unlock`` on the system bus for
the session's object. All of them are listened to where they exist; desktops often send
two of them for one lock, which :class:`~timeclock.services.screen_lock.LockBreaks`
counts once. A missing bus means no signals, silently. Nothing is sent anywhere: this
only listens.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection

from timeclock.services.screen_lock import logind_session_path

log = logging.getLogger(__name__)

SCREEN_SAVERS = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver", "org.mate.ScreenSaver")
LOGIND = "org.freedesktop.login1"
LOGIND_SESSION = "org.freedesktop.login1.Session"


def session_bus() -> QDBusConnection | None:
    """The desktop's session bus, or None where there is none.

    Asked only when the session names one (or has the usual socket): without one, libdbus
    would start a bus of its own for the X display, which outlives TimeClock.
    """
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and not (
        runtime and (Path(runtime) / "bus").exists()
    ):
        return None
    return QDBusConnection.sessionBus()


def system_bus() -> QDBusConnection:
    """The system bus (logind's); not connected where there is none."""
    return QDBusConnection.systemBus()


class ScreenLockWatch(QObject):
    """:attr:`locked` and :attr:`unlocked` as the desktop says them.

    ``session`` and ``system`` are the buses to listen on (None: not that one);
    ``session_id`` is logind's id of this session (``$XDG_SESSION_ID``), without which
    logind is not listened to. :attr:`sources` names what is listened to.
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        session: QDBusConnection | None,
        system: QDBusConnection | None = None,
        session_id: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sources: list[str] = []
        if session is not None and session.isConnected():
            for interface in SCREEN_SAVERS:
                # Any sender, any path: the screen saver's name may be owned by another.
                if session.connect(
                    "", "", interface, "ActiveChanged", self, _slot("_active_changed(bool)")
                ):
                    self.sources.append(interface)
        if system is not None and session_id and system.isConnected():
            path = logind_session_path(session_id)
            connected = [
                system.connect(LOGIND, path, LOGIND_SESSION, name, self, _slot(slot))
                for name, slot in (("Lock", "_lock()"), ("Unlock", "_unlock()"))
            ]
            if all(connected):
                self.sources.append(LOGIND_SESSION)
        log.info("listening for screen locks from: %s", ", ".join(self.sources) or "nothing")

    @classmethod
    def of_desktop(cls, parent: QObject | None = None) -> ScreenLockWatch:
        """The watch of this desktop's buses and logind session, those that exist."""
        return cls(session_bus(), system_bus(), os.environ.get("XDG_SESSION_ID"), parent)

    @Slot(bool)
    def _active_changed(self, active: bool) -> None:
        (self.locked if active else self.unlocked).emit()

    @Slot()
    def _lock(self) -> None:
        self.locked.emit()

    @Slot()
    def _unlock(self) -> None:
        self.unlocked.emit()


def _slot(signature: str) -> Any:
    """A slot of this class as QtDBus names it (Qt's ``SLOT()``). PySide's stubs ask for
    bytes, but the call takes only the text ``SLOT()`` gives."""
    return SLOT(signature)
