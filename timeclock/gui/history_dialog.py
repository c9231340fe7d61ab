"""The history of one entry: every correction made of it from this desk (the journal's
lines), with when, by whom, what changed from what to what, and why.

The journal is read in the session's worker (:meth:`ClockSession.load_journal`); the
dialog shows "Loading…" until it arrives.
"""

from __future__ import annotations

from datetime import timedelta, tzinfo

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeclock.domain.attendance import Attendance, AttendanceChange
from timeclock.domain.corrections import Action, Correction
from timeclock.gui.dialog_base import InlineMessage, MessageKind, RememberingDialog
from timeclock.gui.formatting import day_text, hours_text, time_text
from timeclock.gui.session import ClockSession

COLUMNS = 5  # when, by, what, changes, reason


class HistoryDialog(RememberingDialog):
    """The corrections of ``entry`` made from this desk, oldest first."""

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
        self._zone = zone
        self.entry = entry
        self.setWindowTitle(self.tr("History of the entry"))
        self.setAccessibleName(self.windowTitle())
        heading = QLabel(self._entry_text(entry), self)
        heading.setWordWrap(True)
        heading.setAccessibleName(self.tr("Entry"))
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("entryHistory")
        self.table.setAccessibleName(self.tr("Corrections of this entry"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("By"), self.tr("What"), self.tr("Changes"), self.tr("Reason")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.message = InlineMessage(self.tr("State"), self)
        self.message.show_message(self.tr("Loading…"), MessageKind.INFO)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(760, 320)
        session.load_journal(entry, self.while_open(self.show_corrections))

    def show_corrections(self, corrections: list[Correction]) -> None:
        """Fill the table with ``corrections`` (oldest first)."""
        self.table.setRowCount(len(corrections))
        for row, correction in enumerate(corrections):
            texts = (
                f"{day_text(correction.recorded_at, self._zone)} "
                f"{time_text(correction.recorded_at, self._zone)}",
                correction.author,
                self._action_text(correction.action),
                self._changes_text(correction),
                correction.reason,
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if corrections:
            self.message.clear_message()
        else:
            self.message.show_message(
                self.tr("No corrections of this entry were made from this desk."),
                MessageKind.INFO,
            )

    def _action_text(self, action: Action) -> str:
        if action is Action.CREATE:
            return self.tr("created")
        if action is Action.DELETE:
            return self.tr("deleted")
        return self.tr("changed")

    def _entry_text(self, entry: Attendance) -> str:
        zone = self._zone
        end = self.tr("running") if entry.is_open else time_text(entry.end, zone)
        return (
            f"{entry.user}: {day_text(entry.start, zone)} "
            f"{time_text(entry.start, zone)}\N{EN DASH}{end}"
        )

    def _changes_text(self, correction: Correction) -> str:
        """Before → after of each field that changed (one a line)."""
        before, after = correction.before, correction.after
        if before is not None and after is not None:
            lines = [
                f"{name}: {old} \N{RIGHTWARDS ARROW} {new}"
                for name, old, new in self._fields(before, after)
                if old != new
            ]
            return "\n".join(lines)
        if after is not None:  # created
            return self._values_text(after)
        if before is not None:  # deleted
            return self._values_text(before)
        if correction.change is not None:  # changed while TimeTrack could not be read
            return "\n".join(
                f"{name}: \N{RIGHTWARDS ARROW} {new}"
                for name, new in self._change(correction.change)
            )
        return ""

    def _fields(self, before: Attendance, after: Attendance) -> list[tuple[str, str, str]]:
        zone = self._zone
        return [
            (self.tr("Date"), day_text(before.start, zone), day_text(after.start, zone)),
            (self.tr("From"), time_text(before.start, zone), time_text(after.start, zone)),
            (self.tr("To"), time_text(before.end, zone), time_text(after.end, zone)),
            (self.tr("Break"), _minutes(before.break_minutes), _minutes(after.break_minutes)),
            (self.tr("Notes"), before.notes, after.notes),
        ]

    def _values_text(self, entry: Attendance) -> str:
        return f"{self._entry_text(entry)}, " + self.tr("break %1 h").replace(
            "%1", _minutes(entry.break_minutes)
        )

    def _change(self, change: AttendanceChange) -> list[tuple[str, str]]:
        zone = self._zone
        fields: list[tuple[str, str]] = []
        if change.start is not None:
            fields.append((self.tr("From"), time_text(change.start, zone)))
        if change.end is not None:
            fields.append((self.tr("To"), time_text(change.end, zone)))
        if change.break_minutes is not None:
            fields.append((self.tr("Break"), _minutes(change.break_minutes)))
        if change.notes is not None:
            fields.append((self.tr("Notes"), change.notes))
        return fields


def _minutes(minutes: int) -> str:
    return hours_text(timedelta(minutes=minutes))
