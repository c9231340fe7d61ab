"""``timeclock --terminal`` on a real X server, against a sandbox over HTTP.

A badge reader is a keyboard: the test "scans" Anna's badge by typing her personal number
and Enter with xdotool (XTEST), types her PIN the same way, and then asks the sandbox over
HTTP for her entry. Which screen shows is read from the screen's pixels: the PIN pad's keys
and the confirmation have colours of their own. The administrator's PIN ends the terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.api.staff import staffed
from tests.conftest import credentials_of
from tests.system.processes import Environment, alarming_lines, require, wait_until
from tests.system.servers import Launch, XServer, account_env
from tests.system.test_window_on_x import Screen
from timeclock.api.client import TimeTrackClient
from timeclock.gui.terminal_window import CONFIRMED_IN_COLOUR, KEY_COLOUR
from timeclock.sandbox import SandboxServer
from timeclock.store.terminal_pins import TerminalPins

START_SECONDS = 40.0  # Python and Qt on a busy two-core machine
REACT_SECONDS = 30.0
KEY_PIXELS = 20_000  # the PIN pad's eleven keys have far more
CONFIRMED_PIXELS = 200_000  # the confirmation fills the screen
ADMIN_PIN = "9876"
ANNA_PIN = "2468"


def press(screen: Screen, window: str, *keys: str) -> None:
    """Give ``window`` the keyboard focus, then press ``keys`` one after another."""
    for args in (("windowfocus", "--sync", window), ("key", "--clearmodifiers", *keys)):
        done = screen.xdotool(*args)
        assert done.returncode == 0, f"xdotool {' '.join(args)}: {done.stderr}"


@pytest.fixture
def office() -> Iterator[SandboxServer]:
    """A sandbox of the test's own, with hansm (#1001) and annak (#1003)."""
    with SandboxServer() as server:
        staffed(server)
        server.directory.add_user("annak", "Anna", "Kowalski", personal_number=1003)
        yield server


def test_a_badge_scanned_with_the_keyboard_and_a_pin_stamp_in_on_the_sandbox(
    tmp_path: Path,
    child_env: Environment,
    start_x_server: Callable[[], XServer],
    launch: Launch,
    office: SandboxServer,
) -> None:
    tools = require("Xvfb", "xdotool", "import")
    x_server = start_x_server()
    env = x_server.qt_env(child_env, tmp_path, **account_env(office))
    pins = TerminalPins(Path(env["TIMECLOCK_DATA_DIR"]) / "terminal.json")
    pins.set_admin_pin(ADMIN_PIN)
    pins.set_pin("annak", ANNA_PIN)
    pins.require_employee_pins(True)
    screen = Screen(env, tools)
    screen.move_pointer_away()
    before = datetime.now(UTC)
    app = launch("terminal", [sys.executable, "-m", "timeclock", "--terminal"], env=env)

    def window_shown() -> str | None:
        if not app.running():
            pytest.fail(f"timeclock --terminal ended early\n{app.report()}", pytrace=False)
        windows = screen.visible_windows(app.pid, "TimeClock")
        return windows[0] if windows else None

    window = wait_until(window_shown, START_SECONDS, "the terminal's window", details=app.report)

    press(screen, window, "1", "0", "0", "3", "Return")  # the badge reader
    wait_until(
        lambda: screen.pixels_of(KEY_COLOUR.lower())[0] >= KEY_PIXELS,
        REACT_SECONDS,
        f"the PIN pad ({KEY_COLOUR})",
        details=app.report,
    )
    press(screen, window, *ANNA_PIN, "Return")
    wait_until(
        lambda: screen.pixels_of(CONFIRMED_IN_COLOUR.lower())[0] >= CONFIRMED_PIXELS,
        REACT_SECONDS,
        f"the confirmation ({CONFIRMED_IN_COLOUR})",
        details=app.report,
    )
    screen.save(window, tmp_path / "terminal-confirmed.png")

    with TimeTrackClient(office.base_url, credentials_of(office)) as client:
        entries = client.list_attendances(
            user="annak", since=before - timedelta(hours=1), until=before + timedelta(hours=1)
        )
    assert len(entries) == 1
    entry = entries[0]
    assert entry.user == "annak"
    assert entry.end == entry.start  # open: stamped in
    assert not entry.manual  # made by a time clock
    assert before - timedelta(seconds=1) <= entry.start <= datetime.now(UTC)

    # Leaving: Esc on the idle screen asks for the administrator's PIN.
    press(screen, window, "Escape")  # ends the confirmation (back to idle)
    press(screen, window, "Escape")  # asks for the administrator's PIN
    wait_until(
        lambda: screen.pixels_of(KEY_COLOUR.lower())[0] >= KEY_PIXELS,
        REACT_SECONDS,
        "the administrator's PIN pad",
        details=app.report,
    )
    press(screen, window, *ADMIN_PIN, "Return")
    status = app.wait(REACT_SECONDS)
    assert status == 0, f"the administrator's PIN: exit status {status}\n{app.report()}"
    assert alarming_lines(app.stderr()) == [], app.report()
