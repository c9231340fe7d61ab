"""Which entries the list shows: a date range (presets or custom) and whose entries.

The user field picks an employee from the account's directory by user name, first or
last name or personal number (:mod:`timeclock.gui.employee_picker`) and says below the bar
when a name is unknown, or why there are no names (a key that may not read ``users``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from timeclock.domain.localtime import FIRST_DAY, LAST_DAY
from timeclock.domain.ranges import DayRange, Preset
from timeclock.gui.date_fields import DateField
from timeclock.gui.employee_picker import PickerModel, UserCompleter
from timeclock.gui.formatting import date_format, pydate, qdate
from timeclock.gui.tones import Tone, text_colour
from timeclock.services.directory import DirectoryUnavailable, EmployeeDirectory, picker_text

CUSTOM = "custom"
MAX_RECENT_USERS = 10
# The unknown-name note suggests at most this many employees that the text is part of.
MAX_SUGGESTIONS = 3
PICKER_WIDTH = 360  # the picker's list is wider than the field: it shows whole names


@dataclass(frozen=True, slots=True)
class FilterState:
    """What the bar is set to: kept when the window is built anew (another language)."""

    preset: str
    first: date
    last: date
    user: str
    all_users: bool
    grouped: bool


class FilterBar(QWidget):
    """Preset ranges, a custom range with calendars, and a user field for managers."""

    changed = Signal()
    directory_wanted = Signal()  # the user field or All users is used: names would help
    grouping_changed = Signal(bool)  # the subtotals per employee are asked for or not

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
        self._recent: list[str] = []
        self._directory: EmployeeDirectory | DirectoryUnavailable | None = None
        self.picker = PickerModel(self)
        self._build_user_widgets()
        range_label = QLabel(self.tr("&Show:"), self)
        range_label.setBuddy(self.preset)
        user_label = QLabel(self.tr("&User:"), self)
        user_label.setBuddy(self.user)
        dash = QLabel("\N{EN DASH}", self)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        layout = QHBoxLayout()
        rows.addLayout(layout)
        rows.addWidget(self.user_note)
        widgets: list[QWidget] = [range_label, self.preset, self.first, dash, self.last]
        widgets += [user_label, self.user, self.all_users, self.group]
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
        self.user.textEdited.connect(self._user_typed)
        self.group.toggled.connect(self.grouping_changed)

    def _build_user_widgets(self) -> None:
        """The picker behind the user field, the check boxes beside it, the note below."""
        completer = UserCompleter(self.picker, self)
        popup = completer.popup()
        if popup is not None:
            popup.setMinimumWidth(PICKER_WIDTH)
            popup.setAccessibleName(self.tr("Matching employees"))
        self.user.setCompleter(completer)
        self.user.installEventFilter(self)
        self.all_users = QCheckBox(self.tr("&All users"), self)
        self.all_users.setAccessibleName(self.tr("All users"))
        self.group = QCheckBox(self.tr("&Group by employee"), self)
        self.group.setAccessibleName(self.tr("Subtotals per employee"))
        self.group.setToolTip(self.tr("Show worked time and breaks per employee below the list"))
        self.group.setVisible(False)  # with All users only
        self.user_note = QLabel(self)
        self.user_note.setObjectName("userNote")
        self.user_note.setStyleSheet(f"color: {text_colour(Tone.ERROR)};")
        self.user_note.setAccessibleName(self.tr("About the user name"))
        self.user_note.setWordWrap(True)
        self.user_note.hide()

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

    def state(self) -> FilterState:
        """The range, user and check boxes as they are set now."""
        return FilterState(
            preset=str(self.preset.currentData()),
            first=pydate(self.first.date()),
            last=pydate(self.last.date()),
            user=self.user.text(),
            all_users=self.all_users.isChecked(),
            grouped=self.group.isChecked(),
        )

    def restore(self, state: FilterState) -> None:
        """Set the bar as ``state`` says (before the window's first load, which reads it:
        no ``changed`` is sent; the subtotals hear whether they are asked for)."""
        self.blockSignals(True)  # the widgets follow each other; the window hears once
        try:
            self.preset.setCurrentIndex(max(self.preset.findData(state.preset), 0))
            if state.preset == CUSTOM:
                self._set_dates(DayRange(state.first, state.last))
            self.user.setText(state.user)
            self.all_users.setChecked(state.all_users)
            self.group.setChecked(state.grouped)
        finally:
            self.blockSignals(False)
        self.grouping_changed.emit(self.grouped)

    def set_recent_users(self, names: list[str]) -> None:
        """The names the user field offers to complete."""
        self._recent = names[:MAX_RECENT_USERS]
        self.picker.set_recent(self._recent)

    def recent_users(self) -> list[str]:
        """The names the user field offers, most recent first."""
        return list(self._recent)

    @property
    def grouped(self) -> bool:
        """Whether the subtotals per employee are asked for (All users only)."""
        return self.group.isChecked() and self.all_users.isChecked()

    def set_directory(self, answer: EmployeeDirectory | DirectoryUnavailable) -> None:
        """The account's employees, or why there are none: the picker offers them, and the
        field says why names are missing."""
        self._directory = answer
        self.picker.set_directory(answer if isinstance(answer, EmployeeDirectory) else None)
        if isinstance(answer, DirectoryUnavailable):
            self.user.setToolTip(self.unavailable_text(answer))
        else:
            self.user.setToolTip(self.tr("Type a user name, first or last name or personal number"))
        self._show_note()

    def unavailable_text(self, answer: DirectoryUnavailable) -> str:
        """Why the window shows no employees' names."""
        if answer.forbidden:
            text = self.tr(
                "No names: this API key may not read TimeTrack's employee directory "
                "(HTTP %1). Type user names."
            )
        else:
            text = self.tr(
                "No names: this TimeTrack server has no employee directory (HTTP %1). "
                "Type user names."
            )
        return text.replace("%1", str(answer.status or ""))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.user and event.type() == QEvent.Type.FocusIn:
            self.directory_wanted.emit()
        return super().eventFilter(watched, event)

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

    def _date_edit(self, name: str) -> DateField:
        edit = DateField(self)
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

    def _user_typed(self) -> None:
        self.directory_wanted.emit()
        self.user_note.hide()  # what it said was about the name before

    def _user_edited(self) -> None:
        name = self.user.text().strip()
        directory = self._directory
        if name and isinstance(directory, EmployeeDirectory):
            employee = directory.resolve(name)
            if employee is not None and employee.username != name:
                name = employee.username  # a full name or personal number: its user
                self.user.setText(name)
        if name:
            names = [name, *(n for n in self._recent if n != name)]
            self.set_recent_users(names)
        self._show_note()
        self.changed.emit()

    def _show_note(self) -> None:
        """Below the bar: an unknown name, or why names are missing while they would show."""
        text = ""
        name = self.user.text().strip()
        directory = self._directory
        others = bool(name) or self.all_users.isChecked()
        if isinstance(directory, DirectoryUnavailable) and others:
            text = self.unavailable_text(directory)
        elif (
            isinstance(directory, EmployeeDirectory)
            and name
            and not self.all_users.isChecked()
            and directory.get(name) is None
        ):
            text = self.tr("TimeTrack's directory has no user “%1”.").replace("%1", name)
            similar = directory.matches(name, MAX_SUGGESTIONS)
            if similar:
                text += " " + self.tr("Did you mean %1?").replace(
                    "%1", "; ".join(picker_text(employee) for employee in similar)
                )
        self.user_note.setText(text)
        self.user_note.setVisible(bool(text))

    def _all_users_toggled(self, checked: bool) -> None:
        self.user.setEnabled(not checked)
        self.group.setVisible(checked)
        if checked:
            self.directory_wanted.emit()
        self._show_note()
        self.changed.emit()
        if self.group.isChecked():
            self.grouping_changed.emit(self.grouped)
