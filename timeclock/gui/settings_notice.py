"""The notice that the settings file cannot be read, shown once when TimeClock starts.

TimeClock starts anyway, with the default settings (environment variables still win). The
file is not touched at start; a later save moves it aside as
``settings.json.broken-<date>-<time>`` (see :mod:`timeclock.store.settings`), so nothing
the person wrote is lost, and the notice says so.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from timeclock.store.settings import SettingsError

translate = QCoreApplication.translate


def settings_problem_box(parent: QWidget, problem: SettingsError) -> QMessageBox:
    """A warning box over ``parent`` (not yet shown): what is wrong and what happens now."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("SettingsNotice", "Settings file cannot be read"))
    box.setText(
        translate(
            "SettingsNotice",
            "TimeClock cannot read its settings file and starts with the default settings.",
        )
    )
    box.setInformativeText(
        translate(
            "SettingsNotice",
            "The file stays as it is until you save settings; then it is kept beside the "
            "new one as %1, so nothing in it is lost.",
        ).replace("%1", "settings.json.broken-…")
    )
    box.setDetailedText(str(problem))  # which file and why, as the file system said it
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box
