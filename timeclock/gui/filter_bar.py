"""Which entries the list shows: a date range (presets or custom) and whose entries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from timeclock.domain.localtime import FIRST_DAY, LAST_DAY
from timeclock.domain.ranges import DayRange, Preset
from timeclock.gui.formatting import date_format, pydate, qdate

CUSTOM = "custom"
MAX_RECENT_USERS = 10


class FilterBar(QWidget):
    """Preset ranges, a custom range with calendars, and a user field for managers."""

    changed = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._today = today  # the window's clock and zone say which day it is
        self.preset = QComboBox(self)
        self.preset.setAccessibleName(self.tr("Date range"))
        for value, text in (
            (Preset.TODAY.value, self.tr("Today")),
            (Preset.THIS_WEEK.value, self.tr("This week")),
            (Preset.LAST_WEEK.value, self.tr("Last week")),
            (Preset.THIS_MONTH.value, self.tr("This month")),
            (Preset.LAST_MONTH.value, self.tr("Last month")),
            (CUSTOM, self.tr("Custom range")),
        ):
            self.preset.addItem(text, value)
        self.first = self._date_edit(self.tr("From date"))
        self.last = self._date_edit(self.tr("To date"))
        self.user = QLineEdit(self)
        self.user.setPlaceholderText(self.tr("my entries"))
        self.user.setAccessibleName(self.tr("User"))
        self.user.setClearButtonEnabled(True)
        self._recent = QStringListModel(self)
        completer = QCompleter(self._recent, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.user.setCompleter(completer)
        self.all_users = QCheckBox(self.tr("&All users"), self)
        range_label = QLabel(self.tr("&Show:"), self)
        range_label.setBuddy(self.preset)
        user_label = QLabel(self.tr("&User:"), self)
        user_label.setBuddy(self.user)
        dash = QLabel("\N{EN DASH}", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        widgets: list[QWidget] = [range_label, self.preset, self.first, dash, self.last]
        widgets += [user_label, self.user, self.all_users]
        for widget in widgets:
            layout.addWidget(widget)
            if widget is self.last:
                layout.addSpacing(16)
        layout.addStretch(1)
        self.preset.setCurrentIndex(self.preset.findData(Preset.THIS_MONTH.value))
        self._show_range(self._today())
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.first.dateChanged.connect(self._dates_edited)
        self.last.dateChanged.connect(self._dates_edited)
        self.user.editingFinished.connect(self._user_edited)
        self.all_users.toggled.connect(self._all_users_toggled)

    def day_range(self, today: date) -> DayRange:
        """The local days to show (a preset is taken relative to ``today``)."""
        value = self.preset.currentData()
        if value != CUSTOM:
            return Preset(value).range(today)
        first, last = pydate(self.first.date()), pydate(self.last.date())
        return DayRange(min(first, last), max(first, last))

    def user_filter(self, own_user: str) -> str | None:
        """Whose entries: ``None`` for everyone's, else a user name (default: one's own)."""
        if self.all_users.isChecked():
            return None
        return self.user.text().strip() or own_user

    def set_recent_users(self, names: list[str]) -> None:
        """The names the user field offers to complete."""
        self._recent.setStringList(names[:MAX_RECENT_USERS])

    def recent_users(self) -> list[str]:
        """The names the user field offers, most recent first."""
        return self._recent.stringList()

    def choose_preset(self, preset: Preset | None, today: date) -> None:
        """Select a preset (``None``: the custom range)."""
        self.preset.setCurrentIndex(self.preset.findData(preset.value if preset else CUSTOM))
        self._show_range(today)

    def set_custom_range(self, days: DayRange) -> None:
        """Select the custom range ``days``."""
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData(CUSTOM))
        self.preset.blockSignals(False)
        self._set_dates(days)
        self.changed.emit()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDateRange(qdate(FIRST_DAY), qdate(LAST_DAY))  # the days TimeClock computes with
        edit.setDisplayFormat(date_format(QLocale()))
        edit.setAccessibleName(name)
        return edit

    def _preset_chosen(self) -> None:
        self._show_range(self._today())
        self.changed.emit()

    def _show_range(self, today: date) -> None:
        if self.preset.currentData() != CUSTOM:
            self._set_dates(self.day_range(today))

    def _set_dates(self, days: DayRange) -> None:
        for edit, day in ((self.first, days.first), (self.last, days.last)):
            edit.blockSignals(True)
            edit.setDate(QDate(qdate(day)))
            edit.blockSignals(False)

    def _dates_edited(self) -> None:
        if self.preset.currentData() != CUSTOM:
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(self.preset.findData(CUSTOM))
            self.preset.blockSignals(False)
        self.changed.emit()

    def _user_edited(self) -> None:
        name = self.user.text().strip()
        if name:
            names = [name, *(n for n in self._recent.stringList() if n != name)]
            self.set_recent_users(names)
        self.changed.emit()

    def _all_users_toggled(self, checked: bool) -> None:
        self.user.setEnabled(not checked)
        self.changed.emit()
