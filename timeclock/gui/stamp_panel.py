"""The time clock itself: the big stamp button, the break button, and where you stand."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from timeclock.gui.formatting import hours_text, time_text
from timeclock.gui.tones import Tone, focus_ring_colour, follows_palette, text_colour
from timeclock.services.stamping import Status

# Green to come, amber to go; disabled buttons keep the platform's grey.
CLOCK_IN_COLOUR = "#2e7d32"
CLOCK_OUT_COLOUR = "#e65100"


FOCUS_RING_WIDTH = 3  # px: the focused stamp button is seen from across the room


def button_style(stamped_in: bool, palette: QPalette | None = None) -> str:
    """The stamp button's look: white on green or amber (the same in light and dark
    palettes, as the button paints its own background), and when it has the focus a ring
    in the palette's text colour, with the button's own colour as a gap inside it."""
    colour, hover = (CLOCK_OUT_COLOUR, "#ef6c00") if stamped_in else (CLOCK_IN_COLOUR, "#388e3c")
    ring = focus_ring_colour(palette)
    return (
        f"QPushButton:enabled {{ background: {colour}; color: white; border-radius: 6px;"
        f" border: {FOCUS_RING_WIDTH}px solid {colour}; }}"
        f"QPushButton:enabled:hover {{ background: {hover}; }}"
        f"QPushButton:enabled:focus {{ border: {FOCUS_RING_WIDTH}px solid {ring}; }}"
    )


class StampPanel(QWidget):
    """Buttons say what they will do: *Kommen* or *Gehen*, start or end the break."""

    stamp_requested = Signal()
    break_requested = Signal()

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self.stamp_button = QPushButton(self)
        self.stamp_button.setObjectName("stampButton")
        self.stamp_button.setMinimumHeight(64)
        self.stamp_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        big = QFont(self.stamp_button.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.stamp_button.setFont(big)
        self.break_button = QPushButton(self)
        self.break_button.setObjectName("breakButton")
        self.break_button.setMinimumHeight(64)
        # The names say what a click does (they change with it); the shortcuts are told too.
        self.stamp_button.setAccessibleDescription(self.tr("Records the time now (Ctrl+Return)"))
        self.break_button.setAccessibleDescription(self.tr("Ctrl+B"))
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLine")
        self.status_label.setAccessibleName(self.tr("Status"))
        # The lines wrap rather than widen the window beyond a small screen (#11).
        self.status_label.setWordWrap(True)
        self.today_label = QLabel(self)
        self.today_label.setObjectName("todayTotal")
        self.today_label.setAccessibleName(self.tr("Today's total"))
        # Whose entries the list below shows, when they are not one's own.
        self.list_owner_label = QLabel(self)
        self.list_owner_label.setObjectName("listOwner")
        self.list_owner_label.setAccessibleName(self.tr("Whose entries are shown"))
        self.list_owner_label.setWordWrap(True)
        self.list_owner_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self._stamped_in = False
        self._colour()
        layout = QGridLayout(self)
        layout.addWidget(self.stamp_button, 0, 0)
        layout.addWidget(self.break_button, 0, 1)
        layout.addWidget(self.status_label, 1, 0, 1, 2)
        last_line = QHBoxLayout()
        last_line.addWidget(self.today_label)
        last_line.addWidget(self.list_owner_label, 1)  # takes the room; wraps only if short
        layout.addLayout(last_line, 2, 0, 1, 2)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 1)
        self.stamp_button.clicked.connect(self.stamp_requested)
        self.break_button.clicked.connect(self.break_requested)
        self.show_status(None, None, timedelta())

    def _colour(self) -> None:
        """The button's colours and the list owner's blue, for the palette shown."""
        sheet = button_style(self._stamped_in)
        if self.stamp_button.styleSheet() != sheet:
            self.stamp_button.setStyleSheet(sheet)
        owner = f"font-weight: bold; color: {text_colour(Tone.NOTICE)};"
        if self.list_owner_label.styleSheet() != owner:
            self.list_owner_label.setStyleSheet(owner)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if follows_palette(event):
            self._colour()
        super().changeEvent(event)

    def show_list_owner(self, name: str | None) -> None:
        """Say whose entries the list shows: ``None`` one's own (nothing is said), ``""``
        everyone's, else the employee's name."""
        if name is None:
            self.list_owner_label.clear()
        elif not name:
            self.list_owner_label.setText(self.tr("The list shows everyone's entries"))
        else:
            self.list_owner_label.setText(
                self.tr("The list shows the entries of %1").replace("%1", name)
            )

    def show_status(self, status: Status | None, now: datetime | None, today: timedelta) -> None:
        """Show where the user stands; ``None`` while it is not known yet."""
        shift = status.shift if status is not None else None
        known = shift is not None and now is not None
        stamped_in = shift is not None and shift.stamped_in
        on_break = shift is not None and shift.on_break
        label = self.tr("Clock out") if stamped_in else self.tr("Clock in")
        self.stamp_button.setText(label)
        self.stamp_button.setProperty("stampedIn", stamped_in)
        self._stamped_in = stamped_in
        self._colour()
        self.stamp_button.setAccessibleName(label)
        self.break_button.setText(self.tr("End break") if on_break else self.tr("Start break"))
        self.break_button.setAccessibleName(self.break_button.text())
        self.stamp_button.setEnabled(known)
        self.break_button.setEnabled(known and stamped_in)
        if not known or shift is None or now is None:
            self.status_label.setText(self.tr("Asking TimeTrack where you stand…"))
            self.today_label.clear()
            return
        if shift.entry is None:
            self.status_label.setText(self.tr("Not clocked in."))
        else:
            text = (
                self.tr("Clocked in since %1 · worked %2 h · break %3 h")
                .replace("%1", time_text(shift.entry.start, self._zone))
                .replace("%2", hours_text(shift.worked_time(now)))
                .replace("%3", hours_text(shift.break_time(now)))
            )
            if shift.breaks is not None and shift.breaks.running_since is not None:
                text += " · " + self.tr("on a break since %1").replace(
                    "%1", time_text(shift.breaks.running_since, self._zone)
                )
            self.status_label.setText(text)
        self.today_label.setText(self.tr("Today: %1 h worked").replace("%1", hours_text(today)))
