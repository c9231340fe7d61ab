"""What the packaging reads from the project: its folders, the application id and the one
version number (``timeclock/__init__.py``, read as text so the build imports nothing of
TimeClock)."""

from __future__ import annotations

import platform
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
PACKAGE = ROOT / "timeclock"
SHARE = PACKAGE / "share"  # the desktop file, the metainfo and the icon (also in the wheel)
APP_ID = "io.github.timeclock.TimeClock"
NAME = "timeclock"
SUMMARY = "Desk time clock for TimeTrack attendance"
MAINTAINER = "TimeClock contributors <timeclock@users.noreply.github.com>"
HOMEPAGE = "https://github.com/timeclock/timeclock"

_VERSION = re.compile(r'^__version__ = "([^"]+)"$', re.MULTILINE)


def version(init_file: Path = PACKAGE / "__init__.py") -> str:
    """``__version__`` as written in the package's ``__init__.py``."""
    found = _VERSION.search(init_file.read_text(encoding="utf-8"))
    if found is None:
        raise SystemExit(f'no __version__ = "..." line in {init_file}')
    return found[1]


def platform_tag() -> str:
    """``linux-x86_64``, ``windows-amd64``, ``macos-arm64``: for the archive's name."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    system = "linux" if system.startswith("linux") else system
    return f"{system}-{platform.machine().lower()}"
