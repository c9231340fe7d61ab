"""Unexpected errors end in a dialog with scrubbed details, and the window keeps working."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import TracebackType

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.helpers import WAIT
from timeclock.gui.crash import HIDDEN, CrashReporter, scrub

SECRET = "s3cr3t-Api-Secret-42"
KEY = "key-0815"


@pytest.fixture
def reporter() -> Iterator[CrashReporter]:
    """A reporter that knows two secrets; its dialogs are closed after the test."""
    crash_reporter = CrashReporter(lambda: None, lambda: [KEY, SECRET, ""])
    yield crash_reporter
    crash_reporter.uninstall()
    for dialog in list(crash_reporter.dialogs):
        dialog.close()
        dialog.deleteLater()


def caught(error: Exception) -> tuple[type[BaseException], BaseException, TracebackType | None]:
    try:
        raise error
    except Exception as raised:  # noqa: BLE001 - we want it as sys.exc_info gives it
        return type(raised), raised, raised.__traceback__


def button(dialog: QMessageBox, text: str) -> QPushButton:
    found = [b for b in dialog.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, [b.text() for b in dialog.findChildren(QPushButton)]
    return found[0]


def test_scrub_hides_every_known_secret() -> None:
    text = f"key={KEY} secret={SECRET} again {SECRET}"
    assert scrub(text, [KEY, SECRET, ""]) == f"key={HIDDEN} secret={HIDDEN} again {HIDDEN}"


def test_a_report_opens_a_non_modal_box_with_scrubbed_details(
    qtbot: QtBot, reporter: CrashReporter
) -> None:
    reporter.report(*caught(RuntimeError(f"auth header X-API-Secret: {SECRET} with {KEY}")))
    (dialog,) = reporter.dialogs
    qtbot.waitExposed(dialog)
    assert dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.NonModal
    assert not dialog.isModal()
    assert "RuntimeError" in dialog.text()
    details = dialog.detailedText()
    assert "Traceback" in details
    assert f"X-API-Secret: {HIDDEN} with {HIDDEN}" in details
    assert SECRET not in details
    assert KEY not in details
    assert SECRET not in dialog.text()


def test_copy_details_puts_the_scrubbed_text_on_the_clipboard_and_keeps_the_box(
    qtbot: QtBot, reporter: CrashReporter
) -> None:
    QGuiApplication.clipboard().clear()
    reporter.report(*caught(ValueError(f"the secret is {SECRET}")))
    (dialog,) = reporter.dialogs
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(button(dialog, "Copy details"), Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied == dialog.detailedText()
    assert f"the secret is {HIDDEN}" in copied
    assert SECRET not in copied
    assert dialog.isVisible()
    assert reporter.dialogs == [dialog]

    qtbot.mouseClick(button(dialog, "Close"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    assert reporter.dialogs == []


def test_the_window_stays_usable_while_the_box_is_open(
    qtbot: QtBot, reporter: CrashReporter
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    clicks: list[bool] = []
    ok = QPushButton("Still here", window)
    ok.clicked.connect(lambda: clicks.append(True))
    window.show()
    qtbot.waitExposed(window)
    with_parent = CrashReporter(lambda: window, lambda: [SECRET])
    with_parent.report(*caught(KeyError("lost")))
    (dialog,) = with_parent.dialogs
    try:
        assert dialog.parent() is window
        assert QApplication.activeModalWidget() is None  # nothing blocks the window
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert clicks == [True]
    finally:
        dialog.close()


def test_install_and_uninstall_swap_the_excepthook(reporter: CrashReporter) -> None:
    before = sys.excepthook
    reporter.install()
    assert sys.excepthook == reporter.report
    reporter.uninstall()
    assert sys.excepthook is before
    reporter.uninstall()  # a second uninstall leaves it alone
    assert sys.excepthook is before


def fail_in_a_slot() -> None:
    raise LookupError(f"no entry for key {KEY}")


@pytest.mark.qt_no_exception_capture  # the reporter, not pytest-qt, is to catch this one
def test_an_exception_in_a_qt_slot_reaches_the_installed_reporter(
    qtbot: QtBot, reporter: CrashReporter
) -> None:
    reporter.install()
    QTimer.singleShot(0, fail_in_a_slot)
    qtbot.waitUntil(lambda: len(reporter.dialogs) == 1, timeout=WAIT)
    details = reporter.dialogs[0].detailedText()
    assert "LookupError" in details
    assert "fail_in_a_slot" in details
    assert f"no entry for key {HIDDEN}" in details
    assert KEY not in details
    # The event loop goes on: later slots still run.
    ran: list[bool] = []
    QTimer.singleShot(0, lambda: ran.append(True))
    qtbot.waitUntil(lambda: ran == [True], timeout=WAIT)
