"""Several selected entries at once: delete them, or set their break.

One question, one reason (asked only when some entry belongs to another employee), and
then each entry's change through the one write path (:func:`~timeclock.gui.batch.send_all`).
What went through is one step for Ctrl+Z (:attr:`BulkDialog.step_done`); what did not stays
selected in the dialog, with the reason, to try again or cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from timeclock.domain.attendance import Attendance, AttendanceChange
from timeclock.domain.corrections import MAX_REASON_LENGTH, Action, clean_reason, needs_reason
from timeclock.domain.rules import EntryProblem, entry_problems
from timeclock.gui.batch import Answer, Job, send_all
from timeclock.gui.dialog_base import InlineMessage, MessageKind, RememberingDialog, add_row
from timeclock.gui.formatting import day_text, time_text
from timeclock.gui.session import ClockSession
from timeclock.services.undo import Done

SHOWN_ENTRIES = 6  # listed by name in the question; the rest are counted
MAX_BREAK_MINUTES = 24 * 60


class BulkDialog(RememberingDialog):
    """What the bulk dialogs share: the entries, the reason, sending, and the outcome."""

    step_done = Signal(object)  # list[services.undo.Done]: what went through, one step

    def __init__(
        self,
        session: ClockSession,
        zone: tzinfo,
        entries: list[Attendance],
        *,
        window_state: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(window_state, parent)
        self._session = session
        self._zone = zone
        self.entries = list(entries)
        self._busy = False
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.question.setAccessibleName(self.tr("Question"))
        self.listing = QLabel(self)
        self.listing.setAccessibleName(self.tr("Entries"))
        self.details = QWidget(self)
        self.form = QFormLayout(self.details)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.reason_edit = QLineEdit(self.details)
        self.reason_edit.setMaxLength(MAX_REASON_LENGTH)
        self.message = InlineMessage(self.tr("Problem"), self)
        self.buttons = QDialogButtonBox(self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.question, self.listing, self.details, self.message, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
        self.reason_edit.textChanged.connect(self._validate)

    @property
    def reason_needed(self) -> bool:
        """Some of the entries belong to another employee."""
        return any(needs_reason(self._session.user, entry.user) for entry in self.entries)

    def _add_reason_row(self, name: str, placeholder: str) -> None:
        self.reason_edit.setAccessibleName(name)
        self.reason_edit.setPlaceholderText(placeholder)
        add_row(self.form, self.tr("&Reason:"), self.reason_edit)

    def _show_entries(self, question: str) -> None:
        self.question.setText(question.replace("%1", str(len(self.entries))))
        lines = [self._line(entry) for entry in self.entries[:SHOWN_ENTRIES]]
        more = len(self.entries) - SHOWN_ENTRIES
        if more > 0:
            lines.append(self.tr("and %1 more").replace("%1", str(more)))
        self.listing.setText("\n".join(lines))
        self.listing.setAccessibleDescription(self.listing.text())
        self.form.setRowVisible(self.reason_edit, self.reason_needed)

    def _line(self, entry: Attendance) -> str:
        zone = self._zone
        end = self.tr("running") if entry.is_open else time_text(entry.end, zone)
        span = f"{day_text(entry.start, zone)}  {time_text(entry.start, zone)}\N{EN DASH}{end}"
        return span if same_owner(self._session.user, entry) else f"{span}  {entry.user}"

    def problem(self) -> str:
        """Why nothing can be sent yet ("" when it can)."""
        if self.reason_needed and not clean_reason(self.reason_edit.text()):
            return self.tr("Give a reason: some of these entries belong to another employee.")
        return ""

    def _action_button(self) -> QPushButton:
        raise NotImplementedError

    def _validate(self) -> None:
        if self._busy:
            return
        problem = self.problem()
        self._action_button().setEnabled(not problem)
        self._action_button().setToolTip(problem)
        if problem:
            self.message.show_message(problem, MessageKind.ERROR)
        else:
            self.message.clear_message()

    def _reason_for(self, entry: Attendance) -> str:
        return self.reason_edit.text() if needs_reason(self._session.user, entry.user) else ""

    def _send(
        self,
        jobs: list[tuple[Attendance, Job]],
        done_of: Callable[[Attendance, Answer], Done],
        working: str,
    ) -> None:
        """Send each entry's change; then one step of what went through, and the rest
        kept in the dialog with why."""
        if not jobs:
            self.accept()
            return
        self._busy = True
        self.details.setEnabled(False)
        self._action_button().setEnabled(False)
        self.message.show_message(working, MessageKind.INFO)
        sent_for = [entry for entry, _job in jobs]

        def answered(answers: list[Answer]) -> None:
            self._busy = False
            done = [
                done_of(entry, answer)
                for entry, answer in zip(sent_for, answers, strict=True)
                if answer.ok
            ]
            if done:
                self.step_done.emit(done)
            failed = [
                (entry, answer.problem)
                for entry, answer in zip(sent_for, answers, strict=True)
                if not answer.ok
            ]
            if not failed:
                self.accept()
                return
            self.entries = [entry for entry, _problem in failed]
            self._show_failed(len(answers), failed[0][1])

        send_all(
            self._session,
            [job for _entry, job in jobs],
            self.while_open(answered),
        )

    def _show_failed(self, tried: int, first_problem: str) -> None:
        self._refresh()
        self.details.setEnabled(True)
        self._validate()
        self.message.show_message(
            self.tr("%1 of %2 entries did not go through: %3")
            .replace("%1", str(len(self.entries)))
            .replace("%2", str(tried))
            .replace("%3", first_problem),
            MessageKind.ERROR,
        )

    def _refresh(self) -> None:
        """Show :attr:`entries` again (after some went through)."""


class BulkDeleteDialog(BulkDialog):
    """Delete the selected entries, after one question (Cancel is the default button)."""

    def __init__(
        self,
        session: ClockSession,
        zone: tzinfo,
        entries: list[Attendance],
        *,
        window_state: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, zone, entries, window_state=window_state, parent=parent)
        self.setWindowTitle(self.tr("Delete entries"))
        self.setAccessibleName(self.windowTitle())
        self._add_reason_row(
            self.tr("Reason for the deletion"), self.tr("Why these entries of another employee go")
        )
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setAccessibleName(self.tr("Delete the entries"))
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.delete_button.clicked.connect(self._delete)
        self._refresh()
        self._validate()
        (self.reason_edit if self.reason_needed else self.cancel_button).setFocus()

    def _refresh(self) -> None:
        self._show_entries(self.tr("Delete these %1 entries from TimeTrack?"))

    def _action_button(self) -> QPushButton:
        return self.delete_button

    def _delete(self) -> None:
        if self._busy or self.problem():
            return
        session = self._session

        def job(entry: Attendance) -> Job:
            reason = self._reason_for(entry)
            return lambda sent, failed: session.delete_entry(entry, sent, failed, reason=reason)

        now = session.now()
        self._send(
            [(entry, job(entry)) for entry in self.entries],
            lambda entry, _answer: Done(Action.DELETE, entry, None, now),
            self.tr("Deleting…"),
        )


class BulkBreakDialog(BulkDialog):
    """Set the break of the selected entries to one value."""

    def __init__(
        self,
        session: ClockSession,
        zone: tzinfo,
        entries: list[Attendance],
        *,
        window_state: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, zone, entries, window_state=window_state, parent=parent)
        self.setWindowTitle(self.tr("Set break"))
        self.setAccessibleName(self.windowTitle())
        self.break_spin = QSpinBox(self.details)
        self.break_spin.setRange(0, MAX_BREAK_MINUTES)
        self.break_spin.setSuffix(self.tr(" min"))
        self.break_spin.setAccessibleName(self.tr("Break in minutes"))
        self.break_spin.setValue(entries[0].break_minutes if entries else 0)
        add_row(self.form, self.tr("&Break:"), self.break_spin)
        self._add_reason_row(
            self.tr("Reason for the correction"),
            self.tr("Why these entries of another employee change"),
        )
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self._save)
        self.break_spin.valueChanged.connect(self._validate)
        self._refresh()
        self._validate()
        self.break_spin.setFocus()
        self.break_spin.selectAll()

    def _refresh(self) -> None:
        self._show_entries(self.tr("Set the break of these %1 entries:"))

    def _action_button(self) -> QPushButton:
        return self.save_button

    def problem(self) -> str:
        minutes = self.break_spin.value()
        too_long = [
            entry
            for entry in self.entries
            if EntryProblem.BREAK_TOO_LONG
            in entry_problems(entry.user, entry.start, entry.end, minutes)
        ]
        if too_long:
            return self.tr(
                "The break must be shorter than the time from start to end; it is not for %1 "
                "of these entries."
            ).replace("%1", str(len(too_long)))
        return super().problem()

    def _save(self) -> None:
        if self._busy or self.problem():
            return
        session, minutes = self._session, self.break_spin.value()
        change = AttendanceChange(break_minutes=minutes)

        def job(entry: Attendance) -> Job:
            reason = self._reason_for(entry)
            return lambda sent, failed: session.update_entry(
                entry, change, sent, failed, reason=reason
            )

        def done_of(entry: Attendance, answer: Answer) -> Done:
            after = answer.sent.entry if answer.sent is not None else None
            return Done(Action.UPDATE, entry, after or change.applied_to(entry), session.now())

        changing = [entry for entry in self.entries if entry.break_minutes != minutes]
        self._send([(entry, job(entry)) for entry in changing], done_of, self.tr("Saving…"))


def same_owner(user: str, entry: Attendance) -> bool:
    """Whether ``entry`` is ``user``'s own."""
    return not needs_reason(user, entry.user)
