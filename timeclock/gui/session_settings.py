"""The settings' group for the desktop session: start with it, and a locked screen as a
possible break.

Starting with the session has no field in the settings file: the system's autostart entry
is the setting (:mod:`timeclock.services.autostart`), read when the settings are shown and
written when they are saved. The lock threshold is checked as it is typed, its reason
right under it, like the other fields of the *At the desk* page.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from timeclock.gui.dialog_base import InlineMessage, MessageKind, add_row
from timeclock.services.autostart import AutostartError, autostart_enabled, set_autostart
from timeclock.services.screen_lock import MAX_LOCK_BREAK_MINUTES, check_lock_break_minutes
from timeclock.store.settings import Settings


class SessionSettingsGroup(QGroupBox):
    """Start with the session, and the lock threshold; :attr:`changed` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Log-in and screen lock"))
        self.setObjectName("sessionSettings")
        self._shown = Settings()
        self._autostart_shown = False
        self.autostart = QCheckBox(self.tr("Start TimeClock when I lo&g in"), self)
        self.autostart.setAccessibleName(self.tr("Start TimeClock when I log in"))
        self.autostart.toggled.connect(self.changed)
        self.lock_minutes = QLineEdit(self)
        self.lock_minutes.setAccessibleName(self.tr("Locked screen as a possible break"))
        self.lock_minutes.setPlaceholderText(self.tr("off"))
        self.lock_minutes.setMaximumWidth(220)
        self.lock_minutes.textChanged.connect(self._check)
        self.lock_problem = InlineMessage(
            self.tr("Problem: %1").replace("%1", self.lock_minutes.accessibleName()), self
        )
        note = QLabel(
            self.tr(
                "After the screen was locked at least this long while you were clocked in, "
                "TimeClock asks whether it was a break. Nothing of it leaves this computer."
            ),
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.autostart)
        add_row(form, self.tr("Locked screen as a b&reak after (minutes):"), self.lock_minutes)
        form.addRow("", self.lock_problem)
        form.addRow(note)

    def show_settings(self, settings: Settings) -> None:
        """Show ``settings``' threshold, and whether TimeClock starts with the session now."""
        self._shown = settings
        self._autostart_shown = autostart_enabled()
        self.autostart.setChecked(self._autostart_shown)
        self.lock_minutes.setText(settings.lock_break_minutes)
        self._check()

    def changes(self) -> dict[str, str]:
        """The settings file's values this group changed (none for the autostart)."""
        minutes = self.lock_minutes.text().strip()
        return {} if minutes == self._shown.lock_break_minutes else {"lock_break_minutes": minutes}

    def problem(self) -> str:
        """Why the group's values cannot be saved, or ""."""
        return "" if self.lock_problem.isHidden() else self.lock_problem.text()

    def apply_autostart(self) -> str:
        """On save: write or remove the autostart entry if the choice changed; a problem
        for people, or "" when all went well."""
        wanted = self.autostart.isChecked()
        if wanted == self._autostart_shown:
            return ""
        try:
            set_autostart(wanted)
        except AutostartError as error:
            text = (
                self.tr("TimeClock cannot be set to start when you log in: %1")
                if error.enabled
                else self.tr("TimeClock cannot stop starting when you log in: %1")
            )
            return text.replace("%1", error.reason)
        self._autostart_shown = wanted
        return ""

    def _check(self) -> None:
        reason = ""
        if check_lock_break_minutes(self.lock_minutes.text()) is not None:
            # Not a number or out of range: either way, saying what fits tells what to do.
            reason = self.tr(
                "Enter whole minutes from 1 to %1, or leave it empty for off."
            ).replace("%1", str(MAX_LOCK_BREAK_MINUTES))
        self.lock_problem.show_message(reason, MessageKind.ERROR)
        self.changed.emit()
