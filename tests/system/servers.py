"""The real servers the system tests run against: Xvfb, and gnome-keyring on a D-Bus session.

Both are started through a ``launch`` function (see ``conftest.py``) that stops every
process when the test ends, so a failing start leaves nothing running either.
"""

from __future__ import annotations

import os
import select
import struct
import subprocess
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

from tests.system.processes import (
    Background,
    Environment,
    ProcessIdentity,
    require,
    wait_until,
)
from timeclock.sandbox import SandboxServer

START_SECONDS = 30.0  # generous: a busy two-core CI machine starts things slowly
SCREEN_SIZE = (1280, 1024)

Launch = Callable[..., Background]


def account_env(server: SandboxServer, user: str = "hansm") -> dict[str, str]:
    """The variables that give a TimeClock child ``user``'s account on ``server``."""
    return {
        "TIMECLOCK_URL": server.base_url,
        "TIMECLOCK_USER": user,
        "TIMECLOCK_API_KEY": server.api_key,
        "TIMECLOCK_API_SECRET": server.api_secret,
    }


# -- Xvfb -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class XServer:
    """A running Xvfb: its display, and the cookie file that lets clients in."""

    display: str
    xauthority: Path
    process: Background

    def env(self) -> dict[str, str]:
        """What a client needs in its environment to use this server."""
        return {"DISPLAY": self.display, "XAUTHORITY": str(self.xauthority)}

    def qt_env(self, base: Mapping[str, str], folder: Path, **more: str) -> Environment:
        """``base`` for a Qt program on this server (xcb), with ``more`` on top.

        No session bus (an address in ``folder`` where none listens): with none, libdbus
        would autolaunch a dbus-daemon for the display that outlives the test, and Qt
        uses the XEmbed tray that trayer hosts.
        """
        return Environment(
            {
                **base,
                **self.env(),
                "QT_QPA_PLATFORM": "xcb",
                "DBUS_SESSION_BUS_ADDRESS": f"unix:path={folder / 'no-session-bus'}",
                **more,
            }
        )


def start_x_server(launch: Launch, env: Mapping[str, str], folder: Path) -> XServer:
    """Xvfb on a display it picks itself (``-displayfd``), reachable only with our cookie."""
    xvfb = require("Xvfb")["Xvfb"]
    xauthority = folder / "xauthority"
    write_cookie(xauthority)
    read_end, write_end = os.pipe()
    try:
        try:
            server = launch(
                "xvfb",
                [
                    xvfb,
                    "-displayfd",
                    str(write_end),
                    "-auth",
                    str(xauthority),
                    "-nolisten",
                    "tcp",
                    "-noreset",
                    "-screen",
                    "0",
                    "x".join(map(str, SCREEN_SIZE)) + "x24",
                ],
                env=env,
                pass_fds=[write_end],
            )
        finally:
            os.close(write_end)  # now only Xvfb holds it: EOF here if Xvfb dies
        number = _read_display_number(read_end, server, START_SECONDS)
    finally:
        os.close(read_end)
    return XServer(f":{number}", xauthority, server)


def write_cookie(path: Path) -> None:
    """An Xauthority file with one random MIT-MAGIC-COOKIE-1 valid for any display.

    The display number is known only once Xvfb has picked one, so the entry is a wildcard
    (family 0xFFFF, no address, no number). Only holders of the file get in.
    """

    def counted(data: bytes) -> bytes:
        return struct.pack(">H", len(data)) + data

    entry = (
        struct.pack(">H", 0xFFFF)
        + counted(b"")
        + counted(b"")
        + counted(b"MIT-MAGIC-COOKIE-1")
        + counted(os.urandom(16))
    )
    path.touch(mode=0o600)
    path.write_bytes(entry)


def _read_display_number(read_end: int, server: Background, timeout: float) -> str:
    """What Xvfb writes to its ``-displayfd`` once it accepts clients: the display number."""
    received = b""
    deadline = time.monotonic() + timeout
    while b"\n" not in received:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            pytest.fail(f"Xvfb did not start within {timeout:g} s\n{server.report()}")
        ready, _, _ = select.select([read_end], [], [], min(remaining, 0.5))
        if ready:
            chunk = os.read(read_end, 64)
            if not chunk:  # Xvfb exited without naming a display
                server.wait(5.0)
                pytest.fail(f"Xvfb failed to start\n{server.report()}", pytrace=False)
            received += chunk
    return received.decode("ascii").strip()


# -- gnome-keyring on a private D-Bus session -----------------------------------------------

KEYRING_PASSWORD = "test"  # the login keyring of one test, made in its tmp home
SECRETS_BUS_NAME = "org.freedesktop.secrets"

# Runs inside dbus-run-session: unlock (that is, create) the login keyring, tell the test
# the bus address, then wait until the test closes our standard input; the bus ends with us.
_SESSION_SCRIPT = """
set -e
printf '%s' "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >&2
printf '%s\\n' "$DBUS_SESSION_BUS_ADDRESS" > "$BUS_FILE.partial"
mv "$BUS_FILE.partial" "$BUS_FILE"
read -r _ || true
"""


@dataclass(frozen=True)
class SecretService:
    """A D-Bus session whose unlocked gnome-keyring serves ``org.freedesktop.secrets``.

    ``env`` is the environment of a child process that joins the session.
    """

    address: str
    keyring_daemon: ProcessIdentity
    session: Background
    env: Environment = field(repr=False)

    def stop(self, timeout: float = 10.0) -> bool:
        """End the session; True if gnome-keyring-daemon ended with it (else it is killed).

        The daemon detaches from our process group, so it is watched by its pid.
        """
        self.session.stop(grace=timeout)  # its standard input closes: the script ends
        deadline = time.monotonic() + timeout
        while not self.keyring_daemon.gone():
            if time.monotonic() > deadline:
                self.keyring_daemon.kill()
                return False
            time.sleep(0.05)
        return True


def start_secret_service(launch: Launch, env: Mapping[str, str], folder: Path) -> SecretService:
    """``dbus-run-session`` with gnome-keyring unlocked in it, keyring files under ``env``'s
    XDG_DATA_HOME (a tmp folder)."""
    programs = require("dbus-run-session", "gnome-keyring-daemon")
    bus_file = folder / "bus-address"
    session = launch(
        "dbus-session",
        [programs["dbus-run-session"], "--", "sh", "-c", _SESSION_SCRIPT],
        env={**env, "KEYRING_PASSWORD": KEYRING_PASSWORD, "BUS_FILE": str(bus_file)},
        stdin=subprocess.PIPE,
    )

    def address_written() -> bool:
        if not session.running():
            pytest.fail(f"the D-Bus session ended early\n{session.report()}", pytrace=False)
        return bus_file.exists()

    wait_until(address_written, START_SECONDS, "the D-Bus session", details=session.report)
    address = bus_file.read_text(encoding="ascii").strip()
    pid = wait_until(
        lambda: bus_name_owner_pid(address, SECRETS_BUS_NAME),
        START_SECONDS,
        f"gnome-keyring to own {SECRETS_BUS_NAME}",
        details=session.report,
    )
    return SecretService(
        address,
        ProcessIdentity.of(pid),
        session,
        Environment({**env, "DBUS_SESSION_BUS_ADDRESS": address}),
    )


def bus_name_owner_pid(address: str, name: str) -> int | None:
    """The pid of the process owning ``name`` on the bus at ``address``, if it is owned."""
    with open_dbus_connection(bus=address) as connection:
        owned = connection.send_and_get_reply(message_bus.NameHasOwner(name), timeout=5)
        if not owned.body[0]:
            return None
        reply = connection.send_and_get_reply(
            message_bus.GetConnectionUnixProcessID(name), timeout=5
        )
        return int(reply.body[0])
