"""The settings' *At the desk* page: the tray and the reminders.

Each field is checked as it is typed, its reason shown right under it (``25:00`` is no
time); the dialog keeps *Save* disabled while one is wrong (:meth:`DeskSettingsPage.problem`).
The texts are what the settings file keeps (:class:`~timeclock.store.settings.Settings`);
what they mean is the reminders' (:mod:`timeclock.services.reminders`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from timeclock.gui.dialog_base import InlineMessage, MessageKind, add_row
from timeclock.services.reminders import (
    ReminderSettingError,
    SettingProblem,
    parse_clock,
    parse_hours,
    parse_minutes,
    parse_within,
)
from timeclock.store.settings import Settings


class DeskSettingsPage(QWidget):
    """Close to the tray, and when to remind; :attr:`changed` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskSettings")
        self.close_to_tray = QCheckBox(
            self.tr("&Keep TimeClock running in the tray when its window is closed"), self
        )
        self.close_to_tray.setAccessibleName(self.tr("Keep running in the tray"))
        reminders = QGroupBox(self.tr("Reminders"), self)
        form = QFormLayout(reminders)
        self.after_hours = self._line(reminders, self.tr("Still clocked in after hours"))
        self.after_hours.setPlaceholderText(self.tr("off"))
        self.end_of_day = self._line(reminders, self.tr("End of the day"))
        self.end_of_day.setPlaceholderText(self.tr("off, or a time such as 17:30"))
        self.open_at_start = QCheckBox(
            self.tr("An entry left &open since an earlier day, when TimeClock starts"), reminders
        )
        self.open_at_start.setAccessibleName(self.tr("Remind of an entry left open"))
        self.no_break = QCheckBox(self.tr("6 h of &work without a break"), reminders)
        self.no_break.setAccessibleName(self.tr("Remind of a missing break"))
        self.within = self._line(reminders, self.tr("Remind between"))
        self.within.setPlaceholderText("06:00-22:00")
        self.snooze = self._line(reminders, self.tr("Snooze minutes"))
        self.messages: dict[QLineEdit, InlineMessage] = {}
        self._checks: list[tuple[QLineEdit, Callable[[str], object], bool]] = [
            (self.after_hours, parse_hours, True),
            (self.end_of_day, parse_clock, True),
            (self.within, parse_within, False),
            (self.snooze, parse_minutes, False),
        ]
        rows = (
            (self.tr("Still clocked in &after (hours):"), self.after_hours),
            (self.tr("Still clocked in at the &end of the day:"), self.end_of_day),
        )
        for text, field in rows:
            self._add(form, text, field)
        form.addRow("", self.open_at_start)
        form.addRow("", self.no_break)
        self._add(form, self.tr("Remind only &between:"), self.within)
        self._add(form, self.tr("&Snooze for (minutes):"), self.snooze)
        note = QLabel(
            self.tr(
                "Reminders come on working days only: the days with target hours in the "
                "working model, public holidays excepted."
            ),
            reminders,
        )
        note.setWordWrap(True)
        form.addRow(note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.close_to_tray)
        layout.addWidget(reminders)
        self.groups_layout = layout
        layout.addStretch(1)
        for box in (self.close_to_tray, self.open_at_start, self.no_break):
            box.toggled.connect(self.changed)
        self.set_settings(Settings())

    def _line(self, parent: QWidget, name: str) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setAccessibleName(name)
        edit.setMaximumWidth(220)
        edit.textChanged.connect(self._check)
        return edit

    def _add(self, form: QFormLayout, text: str, field: QLineEdit) -> None:
        add_row(form, text, field)
        message = InlineMessage(
            self.tr("Problem: %1").replace("%1", field.accessibleName()), field.parentWidget()
        )
        form.addRow("", message)
        self.messages[field] = message

    def set_settings(self, settings: Settings) -> None:
        """Show ``settings``' desk values."""
        self.close_to_tray.setChecked(_on(settings.close_to_tray))
        self.after_hours.setText(settings.remind_after_hours)
        self.end_of_day.setText(settings.remind_end_of_day)
        self.open_at_start.setChecked(_on(settings.remind_open_at_start))
        self.no_break.setChecked(_on(settings.remind_no_break))
        self.within.setText(settings.remind_within)
        self.snooze.setText(settings.remind_snooze_minutes)
        self._check()

    def values(self) -> dict[str, str]:
        """The page's values as the settings file keeps them."""
        return {
            "close_to_tray": "on" if self.close_to_tray.isChecked() else "off",
            "remind_after_hours": self.after_hours.text().strip(),
            "remind_end_of_day": self.end_of_day.text().strip(),
            "remind_open_at_start": "on" if self.open_at_start.isChecked() else "off",
            "remind_no_break": "on" if self.no_break.isChecked() else "off",
            "remind_within": self.within.text().strip(),
            "remind_snooze_minutes": self.snooze.text().strip(),
        }

    def problem(self) -> str:
        """The first field's problem, or "" when every field can be saved."""
        return next((m.text() for m in self.messages.values() if not m.isHidden()), "")

    def add_group(self, group: QWidget) -> None:
        """Another group of desk settings, below the reminders."""
        self.groups_layout.insertWidget(self.groups_layout.count() - 1, group)

    def _check(self) -> None:
        for field, parse, may_be_empty in self._checks:
            text = field.text()
            reason = ""
            if text.strip() or not may_be_empty:
                try:
                    parse(text)
                except ReminderSettingError as error:
                    reason = self._reason(error.problem)
            self.messages[field].show_message(reason, MessageKind.ERROR)
        self.changed.emit()

    def _reason(self, problem: SettingProblem) -> str:
        return {
            SettingProblem.NOT_A_TIME: self.tr("Enter a time from 00:00 to 23:59, such as 17:30."),
            SettingProblem.NOT_A_SPAN: self.tr(
                "Enter two times from 00:00 to 23:59, such as 06:00-22:00."
            ),
            SettingProblem.EMPTY_SPAN: self.tr("The two times must differ."),
            SettingProblem.NOT_HOURS: self.tr("Enter hours from 1 to 24, such as 10 or 9,5."),
            SettingProblem.NOT_MINUTES: self.tr("Enter whole minutes from 1 to 240."),
        }[problem]


def _on(value: str) -> bool:
    return value.strip().lower() != "off"
