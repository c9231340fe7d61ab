"""Whether the X display in ``DISPLAY`` answers, before Qt is asked to open it.

Qt's xcb platform aborts the process (``SIGABRT``, exit status 134) when it cannot connect
to the X server, with a hint about plugins that misleads (the plugin is fine; the server is
missing). A connection to the display's socket says the same in microseconds, without Qt:
a local display ``:N`` (or ``unix:N``) is the socket ``/tmp/.X11-unix/XN`` (Linux's
abstract one first, as Xlib tries), ``HOST:N`` is TCP port 6000 + N (``ssh -X`` forwards
``localhost:10``). Nothing is said or sent on the connection.

Only where Qt would use X: Linux, no ``WAYLAND_DISPLAY``, ``QT_QPA_PLATFORM`` unset or
``xcb``. A ``DISPLAY`` this module cannot read is left to Qt.
"""

from __future__ import annotations

import re
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

X11_SOCKETS = Path("/tmp/.X11-unix")  # noqa: S108 - the X server's fixed place
_X11_TCP_BASE = 6000
_TCP_SECONDS = 2.0  # a remote display (ssh -X) answers within this, or is not there
_DISPLAY = re.compile(r"(?P<host>[^:/]*):(?P<number>[0-9]+)(?:\.[0-9]+)?", re.ASCII)


def unreachable_display(
    environ: Mapping[str, str], *, platform: str = sys.platform, sockets: Path = X11_SOCKETS
) -> str | None:
    """``DISPLAY``'s value when Qt would open it through X and no X server answers there;
    None when it answers, or when Qt would not use X, or ``DISPLAY`` is not one to check."""
    display = environ.get("DISPLAY", "")
    if not platform.startswith("linux") or not display or environ.get("WAYLAND_DISPLAY"):
        return None
    if environ.get("QT_QPA_PLATFORM", "xcb").split(":")[0] != "xcb":
        return None
    found = _DISPLAY.fullmatch(display)
    if found is None:
        return None
    host, number = found["host"], int(found["number"])
    answers = (
        _local_answers(sockets / f"X{number}")
        if host in ("", "unix")
        else _tcp_answers(host, _X11_TCP_BASE + number)
    )
    return None if answers else display


def _local_answers(path: Path) -> bool:
    for address in ("\0" + str(path), str(path)):  # abstract first (Linux), then the file
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            try:
                connection.connect(address)
            except OSError:
                continue
            return True
    return False


def _tcp_answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=_TCP_SECONDS):
            return True
    except OSError:
        return False
