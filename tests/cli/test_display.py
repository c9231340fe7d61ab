"""``DISPLAY`` set but no X server: one line on stderr and exit 1, not Qt's abort (issue #11)."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.commands import run_timeclock
from timeclock.cli.display import X11_SOCKETS, unreachable_display


def _unserved_display() -> int:
    """A display number no X server on this machine serves (97 unless someone took it)."""
    for number in range(97, 200):
        if not (X11_SOCKETS / f"X{number}").exists() and unreachable_display(
            {"DISPLAY": f":{number}"}, platform="linux"
        ):
            return number
    raise AssertionError("every display from :97 to :199 is served")


@pytest.fixture
def listening(tmp_path: Path) -> Iterator[Path]:
    """A folder with ``X5``, a Unix socket that accepts connections like an X server's."""
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(tmp_path / "X5"))
    server.listen()
    with server:
        yield tmp_path


def test_the_window_on_a_display_nobody_serves_is_one_line() -> None:
    number = _unserved_display()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }

    result = run_timeclock("--demo", env={**env, "DISPLAY": f":{number}"})

    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"timeclock: error: cannot open the display :{number} (no X server?); "
        "run 'timeclock --demo list' for the terminal\n"
    )


def test_a_display_that_answers_is_left_to_qt(listening: Path) -> None:
    environ = {"DISPLAY": ":5"}

    assert unreachable_display(environ, platform="linux", sockets=listening) is None
    assert unreachable_display({"DISPLAY": ":5.0"}, platform="linux", sockets=listening) is None
    assert unreachable_display({"DISPLAY": ":6"}, platform="linux", sockets=listening) == ":6"
    assert (
        unreachable_display({"DISPLAY": "unix:6.1"}, platform="linux", sockets=listening)
        == "unix:6.1"
    )


def test_a_remote_display_is_tried_over_tcp() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        assert port >= 6000, "an ephemeral port lies above X's first"
        answering = f"127.0.0.1:{port - 6000}"
        assert unreachable_display({"DISPLAY": answering}, platform="linux") is None
    assert unreachable_display({"DISPLAY": answering}, platform="linux") == answering


@pytest.mark.parametrize(
    "environ",
    [
        {"DISPLAY": ":6", "WAYLAND_DISPLAY": "wayland-0"},  # Qt may take Wayland
        {"DISPLAY": ":6", "QT_QPA_PLATFORM": "offscreen"},
        {"DISPLAY": ":6", "QT_QPA_PLATFORM": "xcb;offscreen"},  # Qt falls back by itself
        {"DISPLAY": "/private/tmp/com.apple.launchd.x/org.xquartz:0"},  # not one to read
        {},
    ],
)
def test_what_qt_would_not_open_through_x_is_not_checked(
    environ: dict[str, str], listening: Path
) -> None:
    assert unreachable_display(environ, platform="linux", sockets=listening) is None


def test_other_systems_are_not_checked(listening: Path) -> None:
    assert unreachable_display({"DISPLAY": ":6"}, platform="darwin", sockets=listening) is None
    assert unreachable_display({"DISPLAY": ":6"}, platform="linux", sockets=listening) == ":6"
