"""Asking before an entry is deleted, and deleting it only on the server's word.

A ``QMessageBox`` closes on any button; this dialog has to stay open while the server is
asked, and keep the question on screen with the server's answer if it refuses. While
TimeTrack cannot be reached the delete waits in the outbox and the row goes at once.
"""

from __future__ import annotations

from datetime import timedelta, tzinfo

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timeclock.domain.attendance import Attendance
from timeclock.domain.corrections import MAX_REASON_LENGTH, Action, clean_reason, needs_reason
from timeclock.gui.dialog_base import InlineMessage, MessageKind, RememberingDialog, add_row
from timeclock.gui.formatting import day_text, hours_text, time_text
from timeclock.gui.messages import explain
from timeclock.gui.session import ClockSession
from timeclock.services.changes import Outcome, Sent
from timeclock.services.undo import Done


class DeleteDialog(RememberingDialog):
    """Shows an entry and deletes it on Delete; :attr:`deleted` follows the server's yes, or
    the delete being queued while TimeTrack cannot be reached.

    Cancel is the default button, so Enter never deletes by accident.
    """

    deleted = Signal(str)  # the reference (Attendance.ref) of the entry deleted
    change_done = Signal(object)  # services.undo.Done: the deletion, for Ctrl+Z

    def __init__(
        self,
        session: ClockSession,
        zone: tzinfo,
        entry: Attendance,
        *,
        window_state: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(window_state, parent)
        self._session = session
        self._entry = entry
        self._deleting = False
        self.setWindowTitle(self.tr("Delete entry"))
        self.setAccessibleName(self.windowTitle())

        question = QLabel(
            self.tr("Delete this entry from TimeTrack? Undo brings it back as a new entry."), self
        )
        question.setWordWrap(True)
        question.setAccessibleName(self.tr("Question"))
        details = QWidget(self)
        form = QFormLayout(details)
        for title, value in self._details(entry, zone):
            shown = QLabel(value, details)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setAccessibleName(title.rstrip(":"))
            form.addRow(title, shown)

        # Deleting another employee's entry asks why (kept in this desk's journal).
        self.reason_needed = needs_reason(session.user, entry.user)
        self.reason_edit = QLineEdit(details)
        self.reason_edit.setMaxLength(MAX_REASON_LENGTH)
        self.reason_edit.setAccessibleName(self.tr("Reason for the deletion"))
        self.reason_edit.setPlaceholderText(self.tr("Why this entry of another employee goes"))
        add_row(form, self.tr("&Reason:"), self.reason_edit)
        form.setRowVisible(self.reason_edit, self.reason_needed)

        self.message = InlineMessage(self.tr("Problem"), self)
        self.buttons = QDialogButtonBox(self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setAccessibleName(self.tr("Delete the entry"))
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.delete_button.clicked.connect(self._delete)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(details)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._validate)
        self._validate()
        (self.reason_edit if self.reason_needed else self.cancel_button).setFocus()

    @property
    def entry(self) -> Attendance:
        """The entry this dialog asks about."""
        return self._entry

    def _details(self, entry: Attendance, zone: tzinfo) -> list[tuple[str, str]]:
        end = self.tr("running") if entry.is_open else time_text(entry.end, zone)
        worked = entry.worked_until(self._session.now())
        rows = [
            (self.tr("Date:"), day_text(entry.start, zone)),
            (self.tr("Time:"), f"{time_text(entry.start, zone)} \N{EN DASH} {end}"),
            (
                self.tr("Break:"),
                self.tr("%1 h").replace("%1", hours_text(timedelta(minutes=entry.break_minutes))),
            ),
            (self.tr("Worked:"), self.tr("%1 h").replace("%1", hours_text(worked))),
            (self.tr("User:"), entry.user),
            (self.tr("Source:"), self.tr("manual") if entry.manual else self.tr("time clock")),
        ]
        if entry.notes:
            rows.append((self.tr("Notes:"), entry.notes))
        return rows

    def problem(self) -> str:
        """Why the entry cannot be deleted yet ("" when it can): a missing reason."""
        if self.reason_needed and not clean_reason(self.reason_edit.text()):
            return self.tr("Give a reason: this entry belongs to another employee.")
        return ""

    def _validate(self) -> None:
        if self._deleting:
            return
        problem = self.problem()
        self.delete_button.setEnabled(not problem)
        self.delete_button.setToolTip(problem)
        if problem:
            self.message.show_message(problem, MessageKind.ERROR)
        else:
            self.message.clear_message()

    def _delete(self) -> None:
        if self._deleting or self.problem():
            return
        self._set_deleting(True)
        self._session.delete_entry(
            self._entry,
            self.while_open(self._sent),
            self.while_open(self._failed),
            reason=self.reason_edit.text() if self.reason_needed else "",
        )

    def _set_deleting(self, deleting: bool) -> None:
        self._deleting = deleting
        self.delete_button.setEnabled(not deleting and not self.problem())
        self.reason_edit.setEnabled(not deleting)
        if deleting:
            self.message.show_message(self.tr("Deleting…"), MessageKind.INFO)

    def _sent(self, sent: Sent) -> None:
        if sent.outcome in (Outcome.DELIVERED, Outcome.QUEUED):
            self._set_deleting(False)
            self.deleted.emit(self._entry.ref)
            self.change_done.emit(Done(Action.DELETE, self._entry, None, self._session.now()))
            self.accept()
            return
        # Refused: a delete has nothing to fix, so it does not stay held; the question
        # stays on screen with TimeTrack's answer.
        self._session.discard_change(sent.seq)
        self._failed(explain(sent.refusal) if sent.refusal is not None else "")

    def _failed(self, message: str) -> None:
        self._set_deleting(False)
        self.message.show_message(message, MessageKind.ERROR)
