"""Choosing between one's own edit and someone else's: the conflict an edit ran into.

The edit dialog opens this (window-modal, never ``exec()``) when TimeTrack's copy of the
entry changed or vanished after the edit began; nothing has been sent yet. The versions
stand side by side, each side's changes highlighted (colour, bold, and in the accessible
description), and the person's choice comes back as :attr:`ConflictDialog.chosen`. Closing
the window without choosing means "back to editing": nothing typed is lost, nothing sent.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from timeclock.domain.attendance import Attendance, Location
from timeclock.domain.conflicts import Conflict, EntryField, differences
from timeclock.domain.rules import entry_problems
from timeclock.gui.dialog_base import InlineMessage, MessageKind, RememberingDialog
from timeclock.gui.formatting import day_text, places_text, time_text
from timeclock.gui.messages import entry_problem


class Resolution(enum.Enum):
    """What the person chose."""

    KEEP_MINE = "keep-mine"  # send the person's changed fields onto the current version
    TAKE_THEIRS = "take-theirs"  # close the edit, send nothing
    BACK_TO_EDITING = "back-to-editing"  # the form again, based on the current version
    CREATE_AGAIN = "create-again"  # the entry is gone: a new manual one with the values
    DISCARD = "discard"  # the entry is gone: close the edit, send nothing


class Column(enum.IntEnum):
    """The versions side by side (``NOW`` only while the entry still exists)."""

    OPENED = 0
    NOW = 1
    YOURS = 2


class Highlight(enum.Enum):
    """Who changed a shown value (relative to the version the edit began with)."""

    NONE = ""
    THEIRS = "theirs"
    MINE = "mine"


# Tints that keep text readable on light and dark palettes (alpha over the window colour).
_TINTS = {Highlight.THEIRS: "rgba(255, 171, 0, 90)", Highlight.MINE: "rgba(30, 136, 229, 80)"}
_CELL_STYLE = "padding: 3px 6px; border-radius: 3px;"

# The rows, each with the fields it shows; the location row only when some version has one.
_ROWS: tuple[tuple[EntryField, ...], ...] = (
    (EntryField.START,),
    (EntryField.END,),
    (EntryField.BREAK,),
    (EntryField.NOTES,),
    (EntryField.MANUAL,),
    (EntryField.USER,),
    (EntryField.START_LOCATION, EntryField.END_LOCATION),
)
_OPENING_WIDTH = 760  # pixels, unless a remembered size says otherwise
_WRAPPING = frozenset({EntryField.NOTES, EntryField.START_LOCATION})


@dataclass(frozen=True, slots=True)
class _Version:
    column: Column
    title: str
    entry: Attendance
    changed: frozenset[EntryField]
    highlight: Highlight


class ConflictDialog(RememberingDialog):
    """The versions of a conflicting edit side by side, and the ways out.

    Changed on TimeTrack: *Keep mine*, *Take theirs*, *Back to editing* (the default).
    Deleted on TimeTrack: *Create it again*, *Discard my change* (no default: Enter must
    neither bring back what someone deleted nor throw away what the person typed).
    The dialog closes, then :attr:`chosen` is emitted, exactly once.
    """

    chosen = Signal(object)  # Resolution

    def __init__(
        self,
        conflict: Conflict,
        zone: tzinfo,
        *,
        window_state: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(window_state, parent)
        self.conflict = conflict
        self._zone = zone
        self._answered = False
        self.cells: dict[tuple[EntryField, Column], QLabel] = {}
        deleted = conflict.current is None
        self.setWindowTitle(
            self.tr("Entry deleted on TimeTrack")
            if deleted
            else self.tr("Entry changed on TimeTrack")
        )
        self.setAccessibleName(self.windowTitle())

        self.headline, self.explanation = self._headline(deleted)
        self.versions = self._comparison(self._versions())
        self.legend = self._legend(deleted)
        self.note = QLabel(self._note(), self)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("What the choices do"))
        self.message = InlineMessage(self.tr("Problem"), self)

        self.buttons = QDialogButtonBox(self)
        self.buttons.clicked.connect(self._clicked)  # bound: no closure keeps the dialog
        self.keep_button: QPushButton | None = None
        self.take_button: QPushButton | None = None
        self.back_button: QPushButton | None = None
        self.create_button: QPushButton | None = None
        self.discard_button: QPushButton | None = None
        self._add_buttons(deleted)

        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.explanation)
        layout.addSpacing(6)
        layout.addWidget(self.versions)
        layout.addWidget(self.legend)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        focus = self.back_button or self.create_button
        if focus is not None:
            focus.setFocus()
        # Wide enough that the versions stand side by side without squeezing the times.
        width = max(self.sizeHint().width(), _OPENING_WIDTH)
        height = self.heightForWidth(width)
        self.resize(width, height if height > 0 else self.sizeHint().height())

    # -- building -----------------------------------------------------------------------

    def _headline(self, deleted: bool) -> tuple[QLabel, QLabel]:
        headline = QLabel(
            self.tr("It was deleted on TimeTrack.")
            if deleted
            else self.tr("Someone changed this entry on TimeTrack after you opened it."),
            self,
        )
        headline_font = QFont(headline.font())
        headline_font.setBold(True)
        headline_font.setPointSizeF(headline_font.pointSizeF() * 1.15)
        headline.setFont(headline_font)
        headline.setWordWrap(True)
        headline.setAccessibleName(self.tr("What happened"))
        explanation = QLabel(
            self.tr(
                "Someone deleted this entry after you opened it. Your change has not been "
                "saved: create the entry again with your values, or discard your change."
            )
            if deleted
            else self.tr(
                "Your change has not been saved. Compare the versions and choose which to keep."
            ),
            self,
        )
        explanation.setWordWrap(True)
        explanation.setAccessibleName(self.tr("Explanation"))
        return headline, explanation

    def _add_buttons(self, deleted: bool) -> None:
        if deleted:
            self.create_button = self._button(
                self.tr("&Create it again"),
                self.tr("Create a new manual entry with the values of your change"),
                # Not AcceptRole: the button box would make the first of those the default.
                QDialogButtonBox.ButtonRole.ActionRole,
                Resolution.CREATE_AGAIN,
            )
            self.discard_button = self._button(
                self.tr("&Discard my change"),
                self.tr("Close the form; the entry stays deleted"),
                QDialogButtonBox.ButtonRole.DestructiveRole,
                Resolution.DISCARD,
            )
            for button in (self.create_button, self.discard_button):
                button.setAutoDefault(False)
        else:
            self.keep_button = self._button(
                self.tr("&Keep mine"),
                self.tr("Save the fields you changed on top of the version on TimeTrack now"),
                QDialogButtonBox.ButtonRole.AcceptRole,
                Resolution.KEEP_MINE,
            )
            self.take_button = self._button(
                self.tr("&Take theirs"),
                self.tr("Close the form without saving your change"),
                QDialogButtonBox.ButtonRole.DestructiveRole,
                Resolution.TAKE_THEIRS,
            )
            self.back_button = self._button(
                self.tr("&Back to editing"),
                self.tr("Show the version on TimeTrack now in the form, with your changes on top"),
                QDialogButtonBox.ButtonRole.RejectRole,
                Resolution.BACK_TO_EDITING,
            )
            self.back_button.setDefault(True)
            self._check_keep_mine()

    def _versions(self) -> list[_Version]:
        conflict = self.conflict
        base = conflict.base
        opened = _Version(
            Column.OPENED, self.tr("As you opened it"), base, frozenset(), Highlight.NONE
        )
        if conflict.current is None:
            created = replace(conflict.yours(), manual=True)  # what "create it again" makes
            return [
                opened,
                _Version(
                    Column.YOURS,
                    self.tr("Your change"),
                    created,
                    differences(base, created),
                    Highlight.MINE,
                ),
            ]
        return [
            opened,
            _Version(
                Column.NOW,
                self.tr("As it is on TimeTrack now"),
                conflict.current,
                conflict.theirs,
                Highlight.THEIRS,
            ),
            _Version(
                Column.YOURS,
                self.tr("Your change"),
                conflict.merged(),
                conflict.mine,
                Highlight.MINE,
            ),
        ]

    def _comparison(self, versions: Sequence[_Version]) -> QWidget:
        table = QWidget(self)
        table.setAccessibleName(self.tr("Versions"))
        grid = QGridLayout(table)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for place, version in enumerate(versions, start=1):
            title = QLabel(version.title, table)
            title_font = QFont(title.font())
            title_font.setBold(True)
            title.setFont(title_font)
            title.setWordWrap(True)
            title.setStyleSheet(_CELL_STYLE)  # lines up with the values below
            title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            grid.addWidget(title, 0, place)
            grid.setColumnStretch(place, 1)
        entries = [version.entry for version in versions]
        line = 1
        for fields in _ROWS:
            if fields[0] is EntryField.START_LOCATION and not any(
                entry.start_location or entry.end_location for entry in entries
            ):
                continue
            name, texts = self._row(fields[0], entries)
            caption = QLabel(name + ":", table)
            caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            caption.setStyleSheet("padding: 3px 0px;")  # on the line of the values
            grid.addWidget(caption, line, 0)
            for place, (version, text) in enumerate(zip(versions, texts, strict=True), start=1):
                changed = any(field in version.changed for field in fields)
                cell = self._cell(table, text, name, version, changed)
                # Only free text wraps; a date broken over two lines is hard to compare.
                cell.setWordWrap(fields[0] in _WRAPPING)
                grid.addWidget(cell, line, place)
                self.cells[fields[0], version.column] = cell
            line += 1
        grid.setRowStretch(line, 1)
        return table

    def _cell(
        self, parent: QWidget, text: str, name: str, version: _Version, changed: bool
    ) -> QLabel:
        cell = QLabel(text, parent)
        cell.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        cell.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        cell.setAccessibleName(f"{name}, {version.title}")
        highlight = version.highlight if changed else Highlight.NONE
        cell.setProperty("highlight", highlight.value)
        if highlight is Highlight.NONE:
            cell.setStyleSheet(_CELL_STYLE)
            return cell
        cell.setStyleSheet(f"{_CELL_STYLE} background-color: {_TINTS[highlight]};")
        bold = QFont(cell.font())
        bold.setBold(True)
        cell.setFont(bold)
        cell.setAccessibleDescription(
            self.tr("changed on TimeTrack")
            if highlight is Highlight.THEIRS
            else self.tr("changed by you")
        )
        return cell

    def _legend(self, deleted: bool) -> QWidget:
        legend = QWidget(self)
        legend.setAccessibleName(self.tr("Legend"))
        row = QGridLayout(legend)
        row.setContentsMargins(0, 4, 0, 0)
        kinds = [(Highlight.MINE, self.tr("changed by you"))]
        if not deleted:
            kinds.insert(0, (Highlight.THEIRS, self.tr("changed on TimeTrack")))
        for place, (highlight, text) in enumerate(kinds):
            sample = QLabel(text, legend)
            sample.setStyleSheet(f"{_CELL_STYLE} background-color: {_TINTS[highlight]};")
            row.addWidget(sample, 0, place)
        row.setColumnStretch(len(kinds), 1)
        return legend

    def _note(self) -> str:
        conflict = self.conflict
        if conflict.current is None:
            return self.tr(
                "“Create it again” makes a new manual entry with the values under "
                "“Your change”. “Discard my change” closes the form; the entry stays deleted."
            )
        names = ", ".join(self._field_name(field) for field in EntryField if field in conflict.mine)
        return self.tr(
            "“Keep mine” saves what “Your change” shows: the fields you changed (%1) on top "
            "of the version on TimeTrack now; everything else stays as it is there. "
            "“Take theirs” closes the form without saving your change."
        ).replace("%1", names)

    def _button(
        self,
        text: str,
        description: str,
        role: QDialogButtonBox.ButtonRole,
        resolution: Resolution,
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.setProperty("resolution", resolution.value)
        self.buttons.addButton(button, role)
        return button

    def _clicked(self, button: QAbstractButton) -> None:
        self.choose(Resolution(button.property("resolution")))

    def _check_keep_mine(self) -> None:
        """Keep mine only where the merged entry is one TimeTrack would take."""
        merged = self.conflict.merged()
        problems = entry_problems(merged.user, merged.start, merged.end, merged.break_minutes)
        if problems and self.keep_button is not None:
            reason = entry_problem(problems[0])
            self.keep_button.setEnabled(False)
            self.keep_button.setToolTip(reason)
            self.message.show_message(
                self.tr("“Keep mine” is not possible: %1 Go back to editing to fix it.").replace(
                    "%1", reason
                ),
                MessageKind.ERROR,
            )

    # -- texts --------------------------------------------------------------------------

    def _field_name(self, field: EntryField) -> str:
        names = {
            EntryField.START: self.tr("From"),
            EntryField.END: self.tr("To"),
            EntryField.BREAK: self.tr("Break"),
            EntryField.NOTES: self.tr("Notes"),
            EntryField.MANUAL: self.tr("Source"),
            EntryField.USER: self.tr("User"),
            EntryField.START_LOCATION: self.tr("Location"),
            EntryField.END_LOCATION: self.tr("Location"),
        }
        return names[field]

    def _row(self, field: EntryField, entries: Sequence[Attendance]) -> tuple[str, list[str]]:
        name = self._field_name(field)
        if field in (EntryField.START, EntryField.END):
            return name, self._moments([field.of(entry) for entry in entries])
        if field is EntryField.BREAK:
            return name, [
                self.tr("%1 min").replace("%1", str(entry.break_minutes)) for entry in entries
            ]
        if field is EntryField.NOTES:
            return name, [entry.notes or self.tr("(none)") for entry in entries]
        if field is EntryField.MANUAL:
            return name, [
                self.tr("manual") if entry.manual else self.tr("time clock") for entry in entries
            ]
        if field is EntryField.USER:
            return name, [entry.user for entry in entries]
        return name, [self._places(entry.start_location, entry.end_location) for entry in entries]

    def _moments(self, moments: Sequence[datetime]) -> list[str]:
        """Date and time on the local clock; with seconds and offset where minutes hide a change.

        Two versions a few seconds apart, or on the two runs through the repeated autumn
        hour, would otherwise read the same while marked as different.
        """
        texts = [
            f"{day_text(moment, self._zone)} {time_text(moment, self._zone)}" for moment in moments
        ]
        clash = any(
            texts[one] == texts[other] and moments[one] != moments[other]
            for one in range(len(moments))
            for other in range(one + 1, len(moments))
        )
        if not clash:
            return texts
        return [
            f"{day_text(moment, self._zone)} {_precise_time(moment, self._zone)}"
            for moment in moments
        ]

    def _places(self, start: Location | None, end: Location | None) -> str:
        return places_text(start, end, self.locale()) or self.tr("(none)")

    # -- answering ----------------------------------------------------------------------

    def choose(self, resolution: Resolution) -> None:
        """Answer with ``resolution`` (what the buttons do) and close."""
        if self._answered:
            return
        self._answered = True
        self.accept()  # closed first: the answer may close the edit dialog, and this with it
        self.chosen.emit(resolution)

    def reject(self) -> None:
        """Escape or the window's close button: back to editing, nothing lost."""
        answered, self._answered = self._answered, True
        super().reject()
        if not answered:
            self.chosen.emit(Resolution.BACK_TO_EDITING)


def _precise_time(moment: datetime, zone: tzinfo) -> str:
    """``02:30:15 (UTC+01:00)``: to the second, with the offset from UTC."""
    wall = moment.astimezone(zone)
    offset = wall.strftime("%z")
    return f"{wall:%H:%M:%S} (UTC{offset[:3]}:{offset[3:]})"
