"""The tray icon on a real X server with a real tray host (Debian's ``trayer``).

TimeClock runs as a person starts it, against a sandbox served over HTTP by this test; the
test finds the icon that trayer embedded (an XEmbed window of TimeClock's inside trayer's
panel), right-clicks it, chooses *Clock in* from the menu with the keyboard, and then asks
the sandbox over HTTP whether the stamp arrived. The icon turns green; *Quit TimeClock*
from the same menu ends the program cleanly.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from tests.system.processes import Environment, alarming_lines, require, wait_until
from tests.system.servers import Launch, XServer, account_env
from tests.system.test_window_on_x import BUTTON_PIXELS, Screen, button_colours
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.domain.timestamps import utc_now
from timeclock.gui.tray_icons import IN_COLOUR
from timeclock.sandbox import SandboxServer
from timeclock.store.settings import Settings, save_settings

START_SECONDS = 40.0
REACT_SECONDS = 30.0
POINTER_SETTLES = 0.3  # seconds between moving onto the icon and clicking it
LARGEST_ICON = 64  # a tray slot is small; TimeClock's main window is not
SMALLEST_ICON = 8  # and Qt's helper windows of 1x1 are not icons


def trayer_args(trayer: str) -> list[str]:
    """A small panel at the top right corner, as a desktop's tray."""
    return [
        trayer,
        *("--edge", "top", "--align", "right", "--widthtype", "pixel", "--width", "120"),
        *("--height", "32", "--SetDockType", "true", "--transparent", "false"),
    ]


def geometry(screen: Screen, window: str) -> tuple[int, int, int, int] | None:
    """x, y, width and height of ``window`` on the screen (None once it is gone)."""
    found = screen.xdotool("getwindowgeometry", "--shell", window)
    if found.returncode != 0:
        return None
    values = dict(line.split("=", 1) for line in found.stdout.split() if "=" in line)
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def windows_of(screen: Screen, pid: int) -> list[str]:
    found = screen.xdotool("search", "--all", "--onlyvisible", "--pid", str(pid), "--name", ".*")
    return found.stdout.split() if found.returncode == 0 else []


def tray_icon(screen: Screen, pid: int) -> str | None:
    """TimeClock's window that trayer embedded: the one named TimeClock of an icon's size
    (xdotool's --onlyvisible does not count windows inside another program's)."""
    found = screen.xdotool("search", "--pid", str(pid), "--name", "^TimeClock$")
    for window in found.stdout.split():
        place = geometry(screen, window)
        if place is not None and SMALLEST_ICON <= min(place[2:]) <= max(place[2:]) <= LARGEST_ICON:
            return window
    return None


def open_menu(screen: Screen, icon: str, pid: int) -> str:
    """Right-click the icon; the menu's window, once it shows."""
    before = set(windows_of(screen, pid))
    # The pointer first, then the click: a press that comes with the move, before Qt has
    # seen the pointer enter the icon, is sometimes not taken (about every other run).
    moved = screen.xdotool("mousemove", "--window", icon, "8", "8")
    assert moved.returncode == 0, f"xdotool mousemove: {moved.stderr}"
    time.sleep(POINTER_SETTLES)
    clicked = screen.xdotool("click", "3")
    assert clicked.returncode == 0, f"xdotool click: {clicked.stderr}"

    def menu() -> str | None:
        new = [window for window in windows_of(screen, pid) if window not in before]
        return new[0] if new else None

    return wait_until(menu, REACT_SECONDS, "the tray icon's menu to open")


def open_entries(server: SandboxServer) -> list[object]:
    """hansm's open entries, as TimeTrack's API gives them."""
    now = utc_now()
    credentials = Credentials(server.api_key, server.api_secret)
    with TimeTrackClient(server.base_url, credentials) as client:
        entries = client.list_attendances(
            user="hansm", since=now - timedelta(days=1), until=now + timedelta(hours=1)
        )
    return [entry for entry in entries if entry.is_open]


def test_the_tray_menu_stamps_in_on_the_sandbox_and_quits(
    tmp_path: Path,
    server: SandboxServer,
    child_env: Environment,
    start_x_server: Callable[[], XServer],
    launch: Launch,
) -> None:
    tools = require("Xvfb", "xdotool", "import", "trayer")
    x_server = start_x_server()
    env = x_server.qt_env(child_env, tmp_path, **account_env(server))
    save_settings(Settings(language="en"), Path(env["TIMECLOCK_CONFIG_DIR"]) / "settings.json")
    screen = Screen(env, tools)
    screen.move_pointer_away()
    trayer = launch("trayer", trayer_args(tools["trayer"]), env=env)
    wait_until(
        lambda: screen.xdotool("search", "--name", "^panel$").returncode == 0,
        START_SECONDS,
        "trayer's panel",
        details=trayer.report,
    )
    app = launch("timeclock", [sys.executable, "-m", "timeclock"], env=env)

    def icon_shown() -> str | None:
        if not app.running():
            pytest.fail(f"timeclock ended early\n{app.report()}", pytrace=False)
        return tray_icon(screen, app.pid)

    icon = wait_until(icon_shown, START_SECONDS, "TimeClock's icon in trayer", details=app.report)
    clock_in_colour, _ = button_colours()
    wait_until(  # the window knows where hansm stands: Clock in may be chosen
        lambda: screen.pixels_of(clock_in_colour)[0] >= BUTTON_PIXELS,
        START_SECONDS,
        "the window to offer Clock in",
        details=app.report,
    )
    assert open_entries(server) == []

    open_menu(screen, icon, app.pid)
    screen.save("root", tmp_path / "tray-menu.png")
    chosen = screen.xdotool("key", "Down", "Return")  # the menu's first item: Clock in
    assert chosen.returncode == 0, chosen.stderr
    [stamped] = wait_until(
        lambda: open_entries(server), REACT_SECONDS, "the stamp on the sandbox", details=app.report
    )
    assert stamped.user == "hansm" and not stamped.manual
    assert abs(stamped.start - utc_now()) < timedelta(minutes=2)

    def icon_green() -> bool:
        shot = subprocess.run(
            [tools["import"], "-window", icon, "-depth", "8", "txt:-"],
            env=env,
            capture_output=True,
            text=True,
            timeout=REACT_SECONDS,
            check=False,
        )
        return IN_COLOUR.upper() in shot.stdout.upper()

    wait_until(icon_green, REACT_SECONDS, "the icon to show stamped in", details=app.report)

    open_menu(screen, icon, app.pid)
    quitting = screen.xdotool("key", "Up", "Return")  # the last item: Quit TimeClock
    assert quitting.returncode == 0, quitting.stderr
    status = app.wait(REACT_SECONDS)
    assert status == 0, f"Quit from the tray: exit status {status}\n{app.report()}"
    assert alarming_lines(app.stderr()) == [], app.report()
    assert len(open_entries(server)) == 1  # quitting stamps nothing
