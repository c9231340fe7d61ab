"""The dialog for a new entry and for correcting one: local wall times in, UTC instants out.

The date-time editors hold *wall-clock* values of the window's zone, not of the system's:
they run in UTC so that Qt never shifts a time the person typed (Qt would silently move a
time inside the spring gap). The dialog itself turns them into instants with
:func:`~timeclock.domain.localtime.to_utc`, shows a skipped time as a problem, and leaves an
untouched time exactly as the server has it, even inside the repeated autumn hour.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime, time, timedelta, tzinfo

from PySide6.QtCore import QDateTime, QSettings, Qt, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from timeclock.domain.attendance import (
    Attendance,
    AttendanceChange,
    AttendanceDraft,
    Location,
    whole_minutes,
    worked_time,
)
from timeclock.domain.conflicts import Conflict
from timeclock.domain.corrections import (
    MAX_REASON_LENGTH,
    Action,
    clean_reason,
    needs_reason,
)
from timeclock.domain.entry_warnings import (
    EntryWarning,
    InFuture,
    Overlap,
    ShortBreak,
    entry_warnings,
)
from timeclock.domain.localtime import FIRST_DAY, LAST_DAY, LocalTimeError, local_date, to_utc
from timeclock.domain.matching import same_user
from timeclock.domain.rules import EntryProblem, entry_problems
from timeclock.domain.shown_minutes import to_minute
from timeclock.gui.conflict_dialog import ConflictDialog, Resolution
from timeclock.gui.date_fields import DateTimeField
from timeclock.gui.dialog_base import (
    InlineMessage,
    MessageKind,
    RememberingDialog,
    add_row,
    save_cancel_buttons,
    set_tab_order,
    show_as_text,
)
from timeclock.gui.formatting import (
    datetime_format,
    day_text,
    hours_text,
    places_text,
    qdate,
    time_text,
    wall_datetime,
)
from timeclock.gui.messages import entry_problem, explain
from timeclock.gui.session import ClockSession
from timeclock.services.changes import Sent
from timeclock.services.dialog_change import DialogChange, Reaction
from timeclock.services.undo import Done

_UTC = QTimeZone(QTimeZone.Initialization.UTC)
DEFAULT_START = time(8, 0)
DEFAULT_END = time(16, 0)
DEFAULT_BREAK_MINUTES = 30
MAX_BREAK_MINUTES = 24 * 60
TYPED_REF = "local:typed"  # names the entry being typed, for the warnings only
Known = Callable[[], Iterable[Attendance]]


def wall_qdatetime(wall: datetime) -> QDateTime:
    """A naive wall-clock time for the dialog's editors (held in UTC, so Qt never moves it)."""
    return QDateTime(qdate(wall.date()), QTime(wall.hour, wall.minute), _UTC)


def _wall_minute(moment: datetime, zone: tzinfo) -> datetime:
    return moment.astimezone(zone).replace(tzinfo=None, second=0, microsecond=0)


class EntryDialog(RememberingDialog):
    """New entry (``entry`` is None) or edit entry; emits :attr:`saved` once the change is
    on TimeTrack or safely queued in the outbox (TimeTrack could not be reached).

    A new entry is created ``manual``; an edit sends only the fields that changed and
    leaves ``manual`` as the server has it. If the server refuses, its message is shown
    here and everything typed stays; the refused change waits, held, until the person
    saves again (it is revised in place) or cancels (it is taken back).

    An edit is sent only if TimeTrack still holds the entry as the dialog showed it (the
    delivery re-reads it first). If someone else changed or deleted it meanwhile, nothing
    is sent and a :class:`~timeclock.gui.conflict_dialog.ConflictDialog` lets the person
    choose (:meth:`_resolve` says what each choice does).

    Opened from the outbox to fix a held change (``held``, with ``values`` and a ``note``
    saying why it is held), Save revises that change and Cancel leaves it held.

    While typing, it warns (never blocks) where *Needs attention* would list the entry:
    an overlap with another entry of the user among ``known`` (the entries the window
    has; asked for once, when first needed), a start in the future, too little break for
    the day's net work (:mod:`~timeclock.domain.entry_warnings`).
    """

    saved = Signal(object)  # Attendance: as TimeTrack stored it, or as it will be
    change_done = Signal(object)  # services.undo.Done: what a save did, for Ctrl+Z

    def __init__(
        self,
        session: ClockSession,
        zone: tzinfo,
        *,
        entry: Attendance | None = None,
        user: str = "",
        day: date | None = None,
        values: Attendance | None = None,
        held: int | None = None,
        note: str = "",
        known: Known | None = None,
        window_state: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(window_state, parent)
        self._session = session
        self._zone = zone
        self._entry = entry
        self._known = known
        self._known_entries: list[Attendance] | None = None
        self._known_of_user: dict[str, list[Attendance]] = {}
        self._base: Attendance | None = None  # the entry the change sent last starts from
        # Held, revised, withdrawn: the life of this dialog's change (``held`` opens the
        # dialog to fix one from the outbox).
        self._change = DialogChange(held)
        self.conflict_dialog: ConflictDialog | None = None
        self._conflict: Conflict | None = None
        # Correcting another employee's entry asks why (kept in this desk's journal).
        self.reason_needed = entry is not None and needs_reason(session.user, entry.user)
        self.setWindowTitle(self.tr("Edit entry") if entry else self.tr("New entry"))
        if self._change.fixing:
            self.setWindowTitle(self.tr("Fix a change not yet on TimeTrack"))
        self.setAccessibleName(self.windowTitle())

        self._build_form()
        self.message = InlineMessage(self.tr("Problem"), self)
        self.warning = InlineMessage(self.tr("Warning"), self)
        self.buttons, self.save_button = save_cancel_buttons(self, self._save)
        layout = QVBoxLayout(self)
        self.note_label = QLabel(note, self)
        self.note_label.setWordWrap(True)
        self.note_label.setAccessibleName(self.tr("Why this change waits"))
        self.note_label.setVisible(bool(note))
        layout.addWidget(self.note_label)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.warning)
        layout.addStretch(1)  # lines that come and go leave the form as it is
        layout.addWidget(self.buttons)

        if entry is None and values is not None:
            self._fill_new(values.user, local_date(values.start, zone))
            self._show_editable(values)
        elif entry is None:
            self._fill_new(user or session.user, day or local_date(session.now(), zone))
        else:
            self._fill_edit(entry, values or entry)
        for signal in (
            self.user_edit.textChanged,
            self.start_edit.dateTimeChanged,
            self.end_edit.dateTimeChanged,
            self.break_spin.valueChanged,
        ):
            signal.connect(self._validate)
        self.notes_edit.textChanged.connect(self._validate)
        self.reason_edit.textChanged.connect(self._validate)
        set_tab_order(
            self.user_edit,
            self.start_edit,
            self.end_edit,
            self.break_spin,
            self.notes_edit,
            self.reason_edit,
            self.buttons,
        )
        self._validate()

    # -- building -----------------------------------------------------------------------

    def _build_form(self) -> None:
        self.form = QWidget(self)
        self._form_layout = form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        self.user_edit = QLineEdit(self.form)
        self.user_edit.setAccessibleName(self.tr("User"))
        self.start_edit = self._datetime_editor(self.tr("From"))
        self.end_edit = self._datetime_editor(self.tr("To"))
        self.break_spin = QSpinBox(self.form)
        self.break_spin.setRange(0, MAX_BREAK_MINUTES)
        self.break_spin.setSuffix(self.tr(" min"))
        self.break_spin.setAccessibleName(self.tr("Break in minutes"))
        self.notes_edit = QPlainTextEdit(self.form)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setFixedHeight(self.notes_edit.fontMetrics().lineSpacing() * 4 + 12)
        self.worked_label = QLabel(self.form)
        self.worked_label.setAccessibleName(self.tr("Time worked"))
        add_row(form, self.tr("&User:"), self.user_edit)
        add_row(form, self.tr("&From:"), self.start_edit)
        add_row(form, self.tr("&To:"), self.end_edit)
        add_row(form, self.tr("&Break:"), self.break_spin)
        add_row(form, self.tr("&Notes:"), self.notes_edit)
        add_row(form, self.tr("Worked:"), self.worked_label)
        self.reason_edit = QLineEdit(self.form)
        self.reason_edit.setMaxLength(MAX_REASON_LENGTH)
        self.reason_edit.setAccessibleName(self.tr("Reason for the correction"))
        self.reason_edit.setPlaceholderText(self.tr("Why this entry of another employee changes"))
        add_row(form, self.tr("&Reason:"), self.reason_edit)
        form.setRowVisible(self.reason_edit, self.reason_needed)

    def _datetime_editor(self, name: str) -> DateTimeField:
        editor = DateTimeField(self.form)
        editor.setTimeZone(_UTC)
        editor.setCalendarPopup(True)
        editor.setDateRange(qdate(FIRST_DAY), qdate(LAST_DAY))  # the days TimeClock computes with
        editor.setDisplayFormat(datetime_format(self.locale()))
        editor.setAccessibleName(name)
        return editor

    def _fill_new(self, user: str, day: date) -> None:
        self.user_edit.setText(user)
        self.start_edit.setDateTime(wall_qdatetime(datetime.combine(day, DEFAULT_START)))
        self.end_edit.setDateTime(wall_qdatetime(datetime.combine(day, DEFAULT_END)))
        self.break_spin.setValue(DEFAULT_BREAK_MINUTES)
        (self.start_edit if user else self.user_edit).setFocus()

    def _geometry_key(self) -> str:
        """A new entry and an edit are remembered apart: the edit has more rows."""
        kind = "New" if self._entry is None else "Edit"
        return f"dialogs/{type(self).__name__}{kind}/geometry"

    def _fill_edit(self, entry: Attendance, values: Attendance) -> None:
        self.user_edit.setText(entry.user)
        show_as_text(self.user_edit)  # an entry's user cannot change
        self.source_label = QLabel(self.form)
        self.source_label.setAccessibleName(self.tr("Source"))
        self._form_layout.addRow(self.tr("Source:"), self.source_label)
        self.location_label = QLabel(self.form)
        self.location_label.setAccessibleName(self.tr("Location"))
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._form_layout.addRow(self.tr("Location:"), self.location_label)
        self._show_values(entry, values)
        # An open entry is opened to be closed: its end is what the person came to set.
        (self.end_edit if entry.is_open else self.start_edit).setFocus()

    def _show_values(self, entry: Attendance, values: Attendance) -> None:
        """Show ``values`` in the editors, and what cannot be edited as ``entry`` has it."""
        self._show_editable(values)
        self.source_label.setText(self.tr("manual") if entry.manual else self.tr("time clock"))
        places = self._location_text(entry.start_location, entry.end_location)
        self.location_label.setText(places)
        self._form_layout.setRowVisible(self.location_label, bool(places))

    def _show_editable(self, values: Attendance) -> None:
        self.start_edit.setDateTime(wall_qdatetime(_wall_minute(values.start, self._zone)))
        self.end_edit.setDateTime(wall_qdatetime(_wall_minute(values.end, self._zone)))
        self.break_spin.setValue(values.break_minutes)
        self.notes_edit.setPlainText(values.notes)

    def _location_text(self, start: Location | None, end: Location | None) -> str:
        return places_text(start, end, self.locale())

    # -- reading the form ---------------------------------------------------------------

    def _instant(self, editor: QDateTimeEdit, original: datetime | None) -> datetime:
        """The UTC instant an editor shows; an untouched one is the original, exactly."""
        wall = wall_datetime(editor.dateTime())
        if original is not None and wall == _wall_minute(original, self._zone):
            return original
        return to_utc(wall, self._zone, prefer_first=True)

    def problems(self) -> list[str]:
        """Every reason the entry cannot be saved yet, worded for people; empty when it can."""
        texts: list[str] = []
        instants: list[datetime] = []
        for label, editor, original in (
            (self.tr("From: %1"), self.start_edit, self._entry.start if self._entry else None),
            (self.tr("To: %1"), self.end_edit, self._entry.end if self._entry else None),
        ):
            try:
                instants.append(self._instant(editor, original))
            except LocalTimeError as error:
                texts.append(label.replace("%1", explain(error)))
        user = self.user_edit.text()
        if len(instants) == 2:
            found = entry_problems(user, instants[0], instants[1], self.break_spin.value())
        else:
            found = [] if user.strip() else [EntryProblem.NO_USER]
        if self._entry is not None:  # the user of an entry is not sent, nor can it change
            found = [problem for problem in found if problem is not EntryProblem.NO_USER]
        texts.extend(entry_problem(problem) for problem in found)
        if self.reason_needed and not clean_reason(self.reason_edit.text()):
            texts.append(self.tr("Give a reason: this entry belongs to another employee."))
        return texts

    def _validate(self) -> None:
        if self._change.saving:
            return
        problems = self.problems()
        self.save_button.setEnabled(not problems)
        if problems:
            self.message.show_message(problems[0], MessageKind.ERROR)
            self.save_button.setToolTip(problems[0])
        else:
            self.message.clear_message()
            self.save_button.setToolTip("")
        self._show_worked()
        self.warning.show_message("\n".join(self.warnings()), MessageKind.WARNING)

    # -- warnings -----------------------------------------------------------------------

    def warnings(self) -> list[str]:
        """What *Needs attention* would say about the entry as typed, worded for people;
        nothing while the times cannot be read or the form has a problem of times."""
        typed = self._typed()
        if typed is None:
            return []
        found = entry_warnings(
            typed, self._entries_of(typed.user), zone=self._zone, now=self._session.now()
        )
        return [self._warning_text(warning) for warning in found]

    def _typed(self) -> Attendance | None:
        """The entry as the form shows it (None: its times or user are not usable)."""
        try:
            start = self._instant(self.start_edit, self._entry.start if self._entry else None)
            end = self._instant(self.end_edit, self._entry.end if self._entry else None)
        except LocalTimeError:
            return None
        breaks = self.break_spin.value()
        if entry_problems(self.user_edit.text() or "-", start, end, breaks):
            return None
        if self._entry is not None:
            return replace(
                self._entry, start=start, end=end, break_minutes=breaks, worked_minutes=None
            )
        user = self.user_edit.text().strip()
        if not user:
            return None
        return Attendance(
            id=None,
            local_ref=TYPED_REF,
            user=user,
            start=start,
            end=end,
            break_minutes=breaks,
            manual=True,
        )

    def _entries_of(self, user: str) -> list[Attendance]:
        """The known entries of ``user`` (the window's, asked for once; by user as typed)."""
        key = user.casefold()
        if key not in self._known_of_user:
            if self._known_entries is None:
                self._known_entries = list(self._known()) if self._known is not None else []
            self._known_of_user[key] = [e for e in self._known_entries if same_user(e.user, user)]
        return self._known_of_user[key]

    def _warning_text(self, warning: EntryWarning) -> str:
        zone = self._zone
        if isinstance(warning, InFuture):
            return (
                self.tr("This entry starts in the future (%1, %2).")
                .replace("%1", day_text(warning.start, zone))
                .replace("%2", time_text(warning.start, zone))
            )
        if isinstance(warning, Overlap):
            other = warning.other
            end = self.tr("running") if other.is_open else time_text(other.end, zone)
            span = (
                f"{day_text(other.start, zone)}, {time_text(other.start, zone)} \N{EN DASH} {end}"
            )
            return self.tr("Overlaps another entry of this user: %1.").replace("%1", span)
        assert isinstance(warning, ShortBreak)
        text = (
            self.tr(
                "The day's breaks of %1 min are less than the %2 min the law asks for "
                "%3 h of work that day (ArbZG §4)."
            )
            if warning.whole_day
            else self.tr(
                "A break of %1 min is less than the %2 min the law asks for %3 h of work "
                "(ArbZG §4)."
            )
        )
        return (
            text.replace("%1", str(warning.breaks // timedelta(minutes=1)))
            .replace("%2", str(warning.needed // timedelta(minutes=1)))
            .replace("%3", hours_text(warning.worked))
        )

    def _show_worked(self) -> None:
        try:
            start = self._instant(self.start_edit, self._entry.start if self._entry else None)
            end = self._instant(self.end_edit, self._entry.end if self._entry else None)
        except LocalTimeError:
            self.worked_label.setText("")
            return
        breaks = self.break_spin.value()
        worked = worked_time(start, end, breaks)
        text = self.tr("%1 h").replace("%1", hours_text(worked))
        shown = worked_time(to_minute(start), to_minute(end), breaks)
        if whole_minutes(shown) != whole_minutes(worked):  # untouched times keep seconds
            text += " " + self.tr("(from %1 to %2 to the second, as TimeTrack keeps them)").replace(
                "%1", time_text(start, self._zone, seconds=True)
            ).replace("%2", time_text(end, self._zone, seconds=True))
        self.worked_label.setText(text)

    # -- saving -------------------------------------------------------------------------

    def _save(self) -> None:
        if self._change.saving or self.problems():
            return
        start = self._instant(self.start_edit, self._entry.start if self._entry else None)
        end = self._instant(self.end_edit, self._entry.end if self._entry else None)
        breaks = self.break_spin.value()
        notes = self.notes_edit.toPlainText()
        sent, failed = self.while_open(self._sent), self.while_open(self._failed)
        if self._entry is None:
            draft = AttendanceDraft(
                user=self.user_edit.text().strip(),
                start=start,
                end=end,
                break_minutes=breaks,
                notes=notes,
                manual=True,
            )
            self._set_saving(True)
            self._base = None
            self._session.create_entry(draft, sent, failed, revising=self._change.revising)
            return
        entry = self._entry
        change = AttendanceChange(
            start=start if start != entry.start else None,
            end=end if end != entry.end else None,
            break_minutes=breaks if breaks != entry.break_minutes else None,
            notes=notes if notes != entry.notes else None,
        )
        if change.is_empty():  # TimeTrack holds all this already: nothing is left to send
            self._withdraw_held()
            self.accept()
            return
        self._set_saving(True)
        self._send_update(entry, change)

    def _send_update(self, entry: Attendance, change: AttendanceChange) -> None:
        """Send ``change`` of ``entry`` as shown; if TimeTrack no longer holds it so, the
        conflict comes back instead (nothing is sent)."""
        self._base = entry
        self._session.update_entry(
            entry,
            change,
            self.while_open(self._sent),
            self.while_open(self._failed),
            revising=self._change.revising,
            reason=self.reason_edit.text() if self.reason_needed else "",
        )

    def _set_saving(self, saving: bool) -> None:
        if saving:
            self._change.begin_save()
        else:
            self._change.failed()
        self.form.setEnabled(not saving)
        self.save_button.setEnabled(not saving)
        if saving:
            self.message.show_message(self.tr("Saving…"), MessageKind.INFO)

    def _sent(self, sent: Sent) -> None:
        """What became of the change: on TimeTrack or safely queued (done), or held."""
        reaction = self._change.arrived(sent)
        if reaction is Reaction.CLOSE:
            self._set_saving(False)
            self.saved.emit(sent.entry)
            self._announce_done(sent.entry)
            self.accept()
        elif reaction is Reaction.SHOW_CONFLICT and sent.conflict is not None:
            self._conflicted(sent.conflict)
        elif sent.refusal is not None:
            self._failed(explain(sent.refusal))

    def _announce_done(self, after: Attendance | None) -> None:
        """Say what the save did, for Ctrl+Z (not for a fix of a held change: what it
        takes back is not this dialog's to say)."""
        if after is None or self._change.fixing:
            return
        before = self._base
        action = Action.CREATE if before is None else Action.UPDATE
        self.change_done.emit(Done(action, before, after, self._session.now()))

    def _failed(self, message: str) -> None:
        self._set_saving(False)
        self._validate()
        self.message.show_message(message, MessageKind.ERROR)

    def reject(self) -> None:
        """Cancel: a change this dialog sent and TimeTrack refused is taken back (the
        person chose not to fix it); one opened from the outbox to fix stays held there."""
        self._discard(self._change.cancelled())
        super().reject()

    def _withdraw_held(self) -> None:
        self._discard(self._change.withdraw())

    def _discard(self, held: int | None) -> None:
        if held is not None:
            self._session.discard_change(held)

    # -- conflicts ----------------------------------------------------------------------

    def _conflicted(self, conflict: Conflict) -> None:
        self._set_saving(False)
        self.form.setEnabled(False)  # until the person chose; the choice may change the form
        self.save_button.setEnabled(False)
        self.message.show_message(
            self.tr("Not saved: this entry was deleted on TimeTrack meanwhile.")
            if conflict.current is None
            else self.tr("Not saved: someone else changed this entry meanwhile."),
            MessageKind.ERROR,
        )
        dialog = ConflictDialog(conflict, self._zone, window_state=self._window_state, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # A bound method, not a closure: a closure would keep this dialog alive from a
        # connection of its own child, and could end it inside the child's destructor.
        dialog.chosen.connect(self._conflict_chosen)
        self._conflict = conflict
        self.conflict_dialog = dialog
        dialog.open()

    def _conflict_chosen(self, resolution: Resolution) -> None:
        conflict, self._conflict = self._conflict, None
        if conflict is not None and self.isVisible():
            self._resolve(conflict, resolution)

    def _resolve(self, conflict: Conflict, resolution: Resolution) -> None:
        """Do what the person chose in the conflict dialog.

        * Keep mine: the form becomes the current version with the person's changed
          fields on top, and only those fields are sent, checked against that version (a
          third change meanwhile is a new conflict, never an overwrite).
        * Take theirs / Discard my change: close without sending; the list already shows
          TimeTrack's version (the session announced it when it found the conflict).
        * Back to editing: the form as for Keep mine, without sending; Save compares with
          the current version from now on. For a deleted entry the form stays as it was.
        * Create it again: a new manual entry with the values of the person's change (and
          the positions the entry had, if any).
        """
        self.conflict_dialog = None
        current = conflict.current
        if resolution in (Resolution.TAKE_THEIRS, Resolution.DISCARD):
            self._withdraw_held()  # the held change is not wanted, from the outbox neither
            self.reject()
            return
        if resolution is Resolution.CREATE_AGAIN:
            self._withdraw_held()  # an update of a deleted entry can never go out
            yours = conflict.yours()
            draft = replace(AttendanceDraft.of(yours), manual=True)
            self._set_saving(True)
            self._base = None
            self._session.create_entry(
                draft, self.while_open(self._sent), self.while_open(self._failed)
            )
            return
        if current is None:  # deleted, and the person wants to think again
            self.form.setEnabled(True)
            self._validate()
            self.message.show_message(
                self.tr("Not saved: this entry was deleted on TimeTrack meanwhile."),
                MessageKind.ERROR,
            )
            return
        self._entry = current
        self._show_values(current, conflict.merged())
        self.form.setEnabled(True)
        self._validate()
        if resolution is Resolution.KEEP_MINE:
            kept = conflict.kept_mine()
            if kept.is_empty():  # TimeTrack already holds every value the person set
                self._withdraw_held()
                self.saved.emit(current)
                self.accept()
                return
            self._set_saving(True)
            self._send_update(current, kept)
            return
        if not self.problems():
            self.message.show_message(
                self.tr(
                    "The form now shows the entry as it is on TimeTrack, with your changes "
                    "on top. Check it and save again."
                ),
                MessageKind.INFO,
            )
