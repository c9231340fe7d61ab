"""Where TimeClock keeps its files on this machine.

platformdirs picks the usual place per platform; ``TIMECLOCK_CONFIG_DIR`` and
``TIMECLOCK_DATA_DIR`` override it, which is how tests keep away from the real home.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "TimeClock"
# The files of the data folder that hold changes and state (SQLite).
OUTBOX_FILE = "outbox.sqlite3"
STATE_FILE = "state.sqlite3"
# The correction journal: every create, change and delete made from this desk.
JOURNAL_FILE = "journal.sqlite3"
# The demo's own folder in the data folder: its sandbox's entries and its desk's files.
DEMO_FOLDER = "demo"


def config_dir() -> Path:
    """The folder of the settings file (non-secret settings only)."""
    return _directory("TIMECLOCK_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME, False))


def data_dir() -> Path:
    """The folder of local state: the break log, later the outbox."""
    return _directory("TIMECLOCK_DATA_DIR", platformdirs.user_data_dir(APP_NAME, False))


def demo_dir() -> Path:
    """The folder of ``timeclock --demo``'s data, apart from the real account's."""
    return data_dir() / DEMO_FOLDER


def _directory(variable: str, default: str) -> Path:
    return Path(os.environ.get(variable) or default).expanduser()
