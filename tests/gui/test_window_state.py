"""The window's own state file (geometry, recent user names) is private like the settings."""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtWidgets import QApplication

from timeclock.gui.app import window_state
from timeclock.store.paths import config_dir


@pytest.mark.parametrize("earlier", [False, True], ids=["new", "left-open-by-an-earlier-version"])
def test_the_window_state_file_is_private(qapp: QApplication, earlier: bool) -> None:
    previous = os.umask(0o022)
    try:
        if earlier:
            config_dir().mkdir(mode=0o755)
            (config_dir() / "window.ini").write_text("[General]\nkept=1\n")
            (config_dir() / "window.ini").chmod(0o644)
        state = window_state()
        state.setValue("recent", "hansm")
        state.sync()
    finally:
        os.umask(previous)
    modes = [stat.S_IMODE(p.stat().st_mode) for p in (config_dir(), config_dir() / "window.ini")]
    assert modes == [0o700, 0o600]
    assert window_state().value("recent") == "hansm"
    assert window_state().value("kept") == ("1" if earlier else None)
