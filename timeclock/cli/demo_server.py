"""The program the demo window starts to serve its demo (see
:mod:`timeclock.services.demo_process`): ``timeclock`` itself, with an argument no person
types."""

from __future__ import annotations

import sys

from timeclock.cli import DEMO_SERVER_ARGUMENT
from timeclock.services.demo_process import serve_for_window


def demo_server_command() -> list[str]:
    """How to start this program as the demo's server: the bundle's own executable, or
    this Python with ``-m timeclock``."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: its executable is TimeClock
        return [sys.executable, DEMO_SERVER_ARGUMENT]
    return [sys.executable, "-m", "timeclock", DEMO_SERVER_ARGUMENT]


def serve() -> int:
    """Serve the demo until standard input ends; the exit status."""
    return serve_for_window(sys.stdin.buffer, sys.stdout.buffer)
