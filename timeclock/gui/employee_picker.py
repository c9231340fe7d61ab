"""The user field's type-ahead: employees by user name, first and last name and personal
number, and the names typed lately.

A :class:`PickerModel` holds one row per choice; the completer finds rows by a search text
made of all the texts an employee is found by (:func:`~timeclock.services.directory.
search_text`), shows ``Müller, Hans (hansm · #1001)`` and puts the user name into the
field (:meth:`UserCompleter.pathFromIndex`). Without a directory (a key that may not read
``users``) the rows are the recent names alone, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QCompleter

from timeclock.services.directory import EmployeeDirectory, picker_text, search_text

USERNAME_ROLE = Qt.ItemDataRole.UserRole + 1  # what choosing a row puts into the field
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # what typing is matched against
VISIBLE_CHOICES = 12


@dataclass(frozen=True, slots=True)
class Choice:
    """One row of the picker."""

    username: str
    text: str  # shown
    search: str  # matched


class PickerModel(QAbstractListModel):
    """The picker's rows: recent names first, then every employee of the directory."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choices: list[Choice] = []
        self._recent: list[str] = []
        self._directory: EmployeeDirectory | None = None

    def set_recent(self, names: list[str]) -> None:
        """The names typed lately, most recent first."""
        self._recent = list(names)
        self._rebuild()

    def set_directory(self, directory: EmployeeDirectory | None) -> None:
        """The account's employees (None: none known)."""
        self._directory = directory
        self._rebuild()

    def choices(self) -> list[Choice]:
        """The rows, in order."""
        return list(self._choices)

    def _rebuild(self) -> None:
        directory = self._directory
        choices: list[Choice] = []
        seen: set[str] = set()
        for name in self._recent:
            employee = directory.get(name) if directory is not None else None
            if employee is None:
                choices.append(Choice(name, name, name))
            else:
                choices.append(Choice(name, picker_text(employee), search_text(employee)))
            seen.add(name.casefold())
        if directory is not None:
            choices += [
                Choice(employee.username, picker_text(employee), search_text(employee))
                for employee in directory.employees
                if employee.username.casefold() not in seen
            ]
        self.beginResetModel()
        self._choices = choices
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._choices)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._choices):
            return None
        choice = self._choices[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return choice.text
        if role in (USERNAME_ROLE, Qt.ItemDataRole.EditRole):
            return choice.username
        if role == SEARCH_ROLE:
            return choice.search
        return None


class UserCompleter(QCompleter):
    """Finds rows of a :class:`PickerModel` by any part of their search text, in any case,
    and completes to the user name."""

    def __init__(self, model: PickerModel, parent: QObject | None = None) -> None:
        super().__init__(model, parent)
        self.setCompletionRole(SEARCH_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setMaxVisibleItems(VISIBLE_CHOICES)

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802 - Qt API
        value = index.data(USERNAME_ROLE)
        return value if isinstance(value, str) else ""
