"""``timeclock --demo`` as a person starts it, on a real X server (Xvfb, Qt's xcb platform).

The test drives the window only from outside, as a user would: it finds the window with
xdotool, types into it with the keyboard (XTEST), and reads what it shows from screenshots
(ImageMagick's ``import``). The stamp button is green while it offers *Kommen* and amber
while it offers *Gehen*, and grey while the state is still being asked for, so the colour
of its pixels tells the state without knowing where the button is.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.system.processes import Environment, alarming_lines, require, wait_until
from tests.system.servers import SCREEN_SIZE, Launch, XServer
from timeclock.gui import stamp_panel
from timeclock.store.settings import Settings, save_settings

START_SECONDS = 40.0  # Python, Qt and the demo sandbox on a busy two-core machine
REACT_SECONDS = 30.0
TOOL_SECONDS = 20.0
BUTTON_PIXELS = 5_000  # the stamp button has tens of thousands; a few dots of text never do
COVER_COLOUR = "#204060"
ALREADY_RUNNING = "TimeClock is already running; its window was brought to the front."


def button_colours() -> tuple[str, str]:
    """The stamp button's colours when it offers Kommen and Gehen."""
    return stamp_panel.CLOCK_IN_COLOUR.lower(), stamp_panel.CLOCK_OUT_COLOUR.lower()


class Screen:
    """The X server's screen, as xdotool and ImageMagick see it."""

    def __init__(self, env: Environment, tools: dict[str, str]) -> None:
        self.env = env
        self.tools = tools

    def xdotool(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.tools["xdotool"], *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=TOOL_SECONDS,
            check=False,
        )

    def visible_windows(self, pid: int, title: str) -> list[str]:
        """The ids of the mapped windows of process ``pid`` named exactly ``title``."""
        found = self.xdotool(
            "search", "--all", "--onlyvisible", "--pid", str(pid), "--name", f"^{title}$"
        )
        return found.stdout.split() if found.returncode == 0 else []

    def move_pointer_away(self) -> None:
        """Park the mouse pointer in the screen's corner, off the window: no hover colours."""
        corner = (str(SCREEN_SIZE[0] - 1), str(SCREEN_SIZE[1] - 1))
        moved = self.xdotool("mousemove", *corner)
        assert moved.returncode == 0, f"xdotool mousemove: {moved.stderr}"

    def type_into(self, window: str, keys: str) -> None:
        """Give ``window`` the keyboard focus, then press ``keys`` as a person would."""
        for args in (("windowfocus", "--sync", window), ("key", "--clearmodifiers", keys)):
            done = self.xdotool(*args)
            assert done.returncode == 0, f"xdotool {' '.join(args)}: {done.stderr}"

    def pixels_of(self, *colours: str) -> list[int]:
        """How many pixels of the whole screen have each of ``colours`` (``#rrggbb``)."""
        shot = subprocess.run(
            [self.tools["import"], "-window", "root", "-depth", "8", "rgba:-"],
            env=self.env,
            capture_output=True,
            timeout=TOOL_SECONDS,
            check=False,
        )
        assert shot.returncode == 0, f"import: {shot.stderr.decode(errors='replace')}"
        pixels = memoryview(shot.stdout).cast("I").tolist()
        packed = [
            int.from_bytes(bytes.fromhex(colour[1:]) + b"\xff", sys.byteorder) for colour in colours
        ]
        return [pixels.count(value) for value in packed]

    def save(self, window: str, path: Path) -> None:
        saved = subprocess.run(
            [self.tools["import"], "-window", window, str(path)],
            env=self.env,
            capture_output=True,
            timeout=TOOL_SECONDS,
            check=False,
        )
        assert saved.returncode == 0, saved.stderr.decode(errors="replace")
        assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_the_demo_window_appears_answers_keys_and_quits_on_a_real_x_server(
    tmp_path: Path,
    child_env: Environment,
    start_x_server: Callable[[], XServer],
    launch: Launch,
) -> None:
    """Appears, stamps in on Ctrl+Return, comes to the front on a second start, quits on
    Ctrl+Q with status 0 and a clean stderr; the screenshot stays in the tmp folder."""
    tools = require("Xvfb", "xdotool", "import", "display")
    x_server = start_x_server()
    env = x_server.qt_env(child_env, tmp_path)
    save_settings(Settings(language="de"), Path(env["TIMECLOCK_CONFIG_DIR"]) / "settings.json")
    clock_in_colour, clock_out_colour = button_colours()
    screen = Screen(env, tools)
    screen.move_pointer_away()
    app = launch("timeclock", [sys.executable, "-m", "timeclock", "--demo"], env=env)

    def window_shown() -> str | None:
        if not app.running():
            pytest.fail(f"timeclock --demo ended early\n{app.report()}", pytrace=False)
        windows = screen.visible_windows(app.pid, "TimeClock")
        return windows[0] if windows else None

    window = wait_until(window_shown, START_SECONDS, "the TimeClock window", details=app.report)

    # Green Kommen: the window asked the demo server where the user stands, and may stamp.
    wait_until(
        lambda: screen.pixels_of(clock_in_colour)[0] >= BUTTON_PIXELS,
        START_SECONDS,
        f"the stamp button to offer Kommen ({clock_in_colour})",
        details=app.report,
    )
    screen.type_into(window, "ctrl+Return")

    def stamped_in() -> bool:
        clock_in, clock_out = screen.pixels_of(clock_in_colour, clock_out_colour)
        return clock_out >= BUTTON_PIXELS and clock_in < BUTTON_PIXELS

    wait_until(
        stamped_in,
        REACT_SECONDS,
        f"Ctrl+Return to stamp in: the button amber for Gehen ({clock_out_colour})",
        details=app.report,
    )
    screen.save(window, tmp_path / "timeclock-stamped-in.png")

    # Another window covers TimeClock; a second start must bring it back to the front.
    size = "x".join(map(str, SCREEN_SIZE))
    cover_args = [tools["display"], "-geometry", "+0+0", "-size", size, f"xc:{COVER_COLOUR}"]
    cover = launch("cover", cover_args, env=env)
    wait_until(
        lambda: screen.pixels_of(clock_out_colour)[0] == 0,
        REACT_SECONDS,
        "another window to cover TimeClock",
        details=cover.report,
    )
    second = subprocess.run(
        [sys.executable, "-m", "timeclock", "--demo"],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=START_SECONDS,
        check=False,
    )
    assert second.returncode == 0, second.stderr
    assert ALREADY_RUNNING in second.stderr.splitlines()
    assert alarming_lines(second.stderr) == [], second.stderr
    assert second.stdout == ""
    wait_until(
        lambda: screen.pixels_of(clock_out_colour)[0] >= BUTTON_PIXELS,
        REACT_SECONDS,
        "the running window to come to the front again",
        details=app.report,
    )
    assert app.running()
    cover.stop()

    screen.type_into(window, "ctrl+q")
    status = app.wait(REACT_SECONDS)
    assert status == 0, f"Ctrl+Q: exit status {status}\n{app.report()}"
    assert alarming_lines(app.stderr()) == [], app.report()
    assert screen.visible_windows(app.pid, "TimeClock") == []
