"""A reminder's words, and the small window that shows one where there is no tray.

The window is not modal and does not take the keyboard from what one is typing elsewhere:
it says what is due, offers the one step that deals with it, and *Snooze*.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from timeclock.gui.formatting import day_text, hours_text, time_text
from timeclock.services.reminders import Kind, Reminder


@dataclass(frozen=True, slots=True)
class ReminderText:
    """What a reminder says: a title, a sentence, its one step (a button's text) and the
    same step as a tray notification says it (a click does it)."""

    title: str
    text: str
    action: str
    click: str


def reminder_text(reminder: Reminder, zone: tzinfo, now: datetime) -> ReminderText:
    """The words of ``reminder`` at ``now``, times on the local clock of ``zone``."""
    entry = reminder.entry
    since = time_text(entry.start, zone)
    if reminder.kind is Kind.OPEN_FROM_EARLIER:
        return ReminderText(
            QCoreApplication.translate("Reminders", "Entry still open"),
            QCoreApplication.translate(
                "Reminders", "Your entry of %1 from %2 was never clocked out."
            )
            .replace("%1", day_text(entry.start, zone))
            .replace("%2", since),
            QCoreApplication.translate("Reminders", "&Enter the end…"),
            QCoreApplication.translate("Reminders", "Click here to enter when you stopped."),
        )
    if reminder.kind is Kind.NO_BREAK:
        return ReminderText(
            QCoreApplication.translate("Reminders", "Time for a break"),
            QCoreApplication.translate(
                "Reminders", "You have worked %1 h since %2 without a break."
            )
            .replace("%1", hours_text(reminder.worked))
            .replace("%2", since),
            QCoreApplication.translate("Reminders", "&Start break"),
            QCoreApplication.translate("Reminders", "Click here to start a break."),
        )
    if reminder.kind is Kind.END_OF_DAY:
        title = QCoreApplication.translate("Reminders", "End of the day")
        text = (
            QCoreApplication.translate(
                "Reminders", "It is %1 and you are still clocked in (since %2)."
            )
            .replace("%1", time_text(reminder.since, zone))
            .replace("%2", since)
        )
    else:
        title = QCoreApplication.translate("Reminders", "Still clocked in")
        text = (
            QCoreApplication.translate("Reminders", "You have been clocked in for %1 h, since %2.")
            .replace("%1", hours_text(now - entry.start))
            .replace("%2", since)
        )
    return ReminderText(
        title,
        text,
        QCoreApplication.translate("Reminders", "Clock &out"),
        QCoreApplication.translate("Reminders", "Click here to clock out."),
    )


class ReminderWindow(QWidget):
    """One reminder at a time, with its step, *Snooze* and *Close*."""

    act_requested = Signal()
    snooze_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("reminderWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("reminderTitle")
        big = QFont(self.title_label.font())
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.2)
        self.title_label.setFont(big)
        self.text_label = QLabel(self)
        self.text_label.setObjectName("reminderText")
        self.text_label.setWordWrap(True)
        self.text_label.setAccessibleName(self.tr("Reminder"))
        self.act_button = QPushButton(self)
        self.act_button.setObjectName("reminderAct")
        self.act_button.setDefault(True)
        self.snooze_button = QPushButton(self)
        self.snooze_button.setObjectName("reminderSnooze")
        self.close_button = QPushButton(self.tr("&Close"), self)
        self.close_button.setObjectName("reminderClose")
        self.close_button.setAccessibleName(self.tr("Close the reminder"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.act_button)
        buttons.addWidget(self.snooze_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(380)
        self.act_button.clicked.connect(self.act_requested)
        self.snooze_button.clicked.connect(self.snooze_requested)
        self.close_button.clicked.connect(self.close)

    def show_reminder(self, words: ReminderText, snooze_minutes: int) -> None:
        """Show ``words``, *Snooze* for ``snooze_minutes``."""
        self.setWindowTitle(self.tr("TimeClock: %1").replace("%1", words.title))
        self.title_label.setText(words.title)
        self.text_label.setText(words.text)
        self.act_button.setText(words.action)
        self.act_button.setAccessibleName(words.action.replace("&", ""))
        snooze = self.tr("S&nooze %1 min").replace("%1", str(snooze_minutes))
        self.snooze_button.setText(snooze)
        self.snooze_button.setAccessibleName(snooze.replace("&", ""))
        self.setAccessibleName(words.title)
        self.adjustSize()
        self.show()
        self.raise_()
