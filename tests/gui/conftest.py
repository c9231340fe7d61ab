"""GUI test fixtures: offscreen Qt, and a check that a test leaves nothing running.

Every GUI test fails if it leaves a thread (a QThread is a native thread), or a top-level
widget that was not closed and deleted, behind; the message names what was left.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt paints large images with a thread pool of its own whose threads idle on for 30 s; the
# leak check below would count them as left running. Painting without it is the same.
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.helpers import Sessions
from timeclock.gui.i18n import install_translators, remove_translators


def native_threads() -> set[int]:
    """The ids of this process's OS threads (QThreads included)."""
    return {int(path.name) for path in Path("/proc/self/task").iterdir()}


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True, scope="session")
def english(qapp: QApplication) -> Iterator[None]:
    """English as the window speaks it, plural forms included ("1 change", "2 changes"):
    the app loads its English translation too. A test that installs another language
    searches that first; one that removes its own translators leaves this one."""
    installed = install_translators(qapp, "en")
    yield
    remove_translators(qapp, installed)


@pytest.fixture(autouse=True)
def private_runtime_folder(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A 0700 ``$XDG_RUNTIME_DIR`` (and cache folder) of the test's own, for the
    single-instance socket: never the real one. Short, as socket paths must be."""
    folder = Path(tempfile.mkdtemp(prefix="tc-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder / "cache"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def nothing_left_running(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail the test if it leaves threads, running timers or top-level widgets behind."""
    threads_before = native_threads()
    widgets_before = {id(widget) for widget in qapp.topLevelWidgets()}
    started: list[QTimer] = []
    original_start = QTimer.start

    def recording_start(timer: QTimer, *args: object) -> None:
        started.append(timer)
        original_start(timer, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(QTimer, "start", recording_start)
    yield
    _settle(qapp)
    running_timers = [timer for timer in started if shiboken6.isValid(timer) and timer.isActive()]
    for timer in running_timers:
        timer.stop()
    left_widgets = [
        widget
        for widget in qapp.topLevelWidgets()
        if id(widget) not in widgets_before and widget.isVisible()
    ]
    for widget in left_widgets:
        widget.close()
        widget.deleteLater()
    _settle(qapp)
    deadline = time.monotonic() + 2.0
    while (extra := native_threads() - threads_before) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not left_widgets, f"visible top-level widgets left open: {left_widgets}"
    assert not running_timers, f"timers left running: {running_timers}"
    assert not extra, f"{len(extra)} thread(s) left running"


@pytest.fixture
def shown(qtbot: object) -> Iterator[list[QWidget]]:
    """Widgets a test shows; closed and deleted after it."""
    widgets: list[QWidget] = []
    yield widgets
    for widget in widgets:
        widget.close()
        widget.deleteLater()


@pytest.fixture
def screenshots_dir() -> Path:
    """Where a test may save screenshots for people to look at (not asserted)."""
    folder = Path(os.environ.get("TIMECLOCK_SCREENSHOTS", "/tmp/timeclock-screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def sessions(qtbot: QtBot, tmp_path: Path) -> Iterator[Sessions]:
    """Sessions and main windows on the sandbox; all closed (threads stopped) after the test."""
    opened = Sessions(qtbot, tmp_path)
    yield opened
    opened.close_all()
