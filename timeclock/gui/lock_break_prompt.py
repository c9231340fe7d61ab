"""On unlock, asking whether the locked screen was a break, and recording it if so.

The question is a small dialog beside the window that blocks nothing (the window goes on
working, and the next lock adds to a question not answered yet); *Record as break* adds
the locked time to the shift's breaks through the session, as the break button would
have. When to ask is decided in :mod:`timeclock.services.screen_lock`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from timeclock.gui.formatting import time_text
from timeclock.gui.main_window import MainWindow
from timeclock.services.screen_lock import LockBreaks, LockQuestion, lock_break_threshold
from timeclock.services.stamping import Status
from timeclock.store.settings import read_settings

if TYPE_CHECKING:  # QtDBus loads only where the setting is on
    from timeclock.gui.screen_lock_watch import ScreenLockWatch

Threshold = Callable[[], timedelta | None]


class LockBreakDialog(QDialog):
    """Was the locked time a break? :attr:`answered` says yes or no; closing the dialog
    answers nothing (the question comes again with the next lock)."""

    answered = Signal(bool)

    def __init__(self, question: LockQuestion, zone: tzinfo, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.setWindowTitle(self.tr("Was that a break?"))
        self.setAccessibleName(self.windowTitle())
        self.text = QLabel(lock_text(question, zone), self)
        self.text.setWordWrap(True)
        self.text.setMinimumWidth(320)
        self.question = QLabel(self.tr("Record this time as a break?"), self)
        self.yes_button = QPushButton(self.tr("&Record as break"), self)
        self.yes_button.setAccessibleName(self.tr("Record the locked time as a break"))
        self.no_button = QPushButton(self.tr("&No, I was working"), self)
        self.no_button.setAccessibleName(self.tr("Do not record a break"))
        # It comes up as the person returns, maybe typing: no stray Enter answers it (a
        # button box would make the first button the default).
        for button in (self.yes_button, self.no_button):
            button.setAutoDefault(False)
        self.yes_button.clicked.connect(lambda: self._answer(True))
        self.no_button.clicked.connect(lambda: self._answer(False))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.question)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.yes_button)
        buttons.addWidget(self.no_button)
        layout.addLayout(buttons)

    def _answer(self, yes: bool) -> None:
        self.answered.emit(yes)
        self.accept()


def lock_text(question: LockQuestion, zone: tzinfo) -> str:
    """What the dialog says about the locked time, in local times."""
    spans = [(time_text(s.start, zone), time_text(s.end, zone)) for s in question.spans]
    minutes = str(question.minutes)
    if len(spans) == 1:
        (start, end) = spans[0]
        return (
            QCoreApplication.translate(
                "LockBreakDialog",
                "The screen was locked from %1 to %2 (%3 min) while you were clocked in.",
            )
            .replace("%1", start)
            .replace("%2", end)
            .replace("%3", minutes)
        )
    listed = ", ".join(f"{start}\u2013{end}" for start, end in spans)
    return (
        QCoreApplication.translate(
            "LockBreakDialog",
            "The screen was locked %1 (%2 min in all) while you were clocked in.",
        )
        .replace("%1", listed)
        .replace("%2", minutes)
    )


class LockBreakPrompt(QObject):
    """Listens to ``watch`` for ``window``'s session; asks on unlock and records.

    ``threshold`` gives the shortest lock to ask about (None: off), read at each unlock.
    """

    def __init__(self, window: MainWindow, watch: ScreenLockWatch, threshold: Threshold) -> None:
        super().__init__(window)
        self._window = window
        self._threshold = threshold
        self._breaks = LockBreaks()
        self.dialog: LockBreakDialog | None = None
        watch.setParent(self)
        self.watch = watch
        watch.locked.connect(self._locked)
        watch.unlocked.connect(self._unlocked)
        window.session.status_changed.connect(self._status)

    def _working(self) -> bool:
        status = self._window.session.status
        return status is not None and status.shift.stamped_in and not status.shift.on_break

    def _locked(self) -> None:
        self._breaks.locked(self._window.session.now(), working=self._working())

    def _unlocked(self) -> None:
        question = self._breaks.unlocked(
            self._window.session.now(), working=self._working(), threshold=self._threshold()
        )
        if question is not None:
            self._ask(question)

    def _ask(self, question: LockQuestion) -> None:
        self._close_dialog()
        dialog = LockBreakDialog(question, self._window.zone, self._window)
        dialog.answered.connect(lambda yes: self._answered(question, yes))
        self.dialog = dialog
        dialog.show()
        dialog.raise_()

    def _answered(self, question: LockQuestion, yes: bool) -> None:
        self._breaks.answered()
        if yes:
            self._window.session.record_break([(s.start, s.end) for s in question.spans])

    def _status(self, status: Status) -> None:
        if not status.shift.stamped_in:
            self._breaks.stamped_out()
            self._close_dialog()

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()


def setting_threshold() -> timedelta | None:
    """The threshold as the settings file says now."""
    return lock_break_threshold(read_settings()[0].lock_break_minutes)


def watch_screen_lock(window: MainWindow) -> LockBreakPrompt | None:
    """Ask about locked screens in ``window`` when the setting is on (None: it is off,
    and no bus is listened to; saving the settings builds the window anew)."""
    if setting_threshold() is None:
        return None
    from timeclock.gui.screen_lock_watch import ScreenLockWatch  # noqa: PLC0415 - see above

    return LockBreakPrompt(window, ScreenLockWatch.of_desktop(), setting_threshold)
