"""An unexpected error ends in a dialog that offers its details, never in a dead window.

Python exceptions raised in Qt slots reach ``sys.excepthook``; the hook installed here logs
them and shows a non-modal dialog with a "Copy details" button. Known secrets are cut out
of the details first, so a pasted report cannot leak them.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable, Iterable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)
HIDDEN = "<hidden>"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]

translate = QCoreApplication.translate


def scrub(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every known secret replaced by ``<hidden>``."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, HIDDEN)
    return text


class CrashReporter:
    """Installs itself as ``sys.excepthook`` while the window runs."""

    def __init__(
        self, parent: Callable[[], QWidget | None], secrets: Callable[[], Iterable[str]]
    ) -> None:
        self._parent = parent
        self._secrets = secrets
        self._previous: ExceptHook | None = None
        self.dialogs: list[QMessageBox] = []

    def install(self) -> None:
        """Catch unexpected errors from now on."""
        self._previous = sys.excepthook
        sys.excepthook = self.report

    def uninstall(self) -> None:
        """Give ``sys.excepthook`` back."""
        if self._previous is not None:
            sys.excepthook = self._previous
            self._previous = None

    def report(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        """Log the error and show it, with the details ready to copy."""
        details = scrub("".join(traceback.format_exception(kind, error, trace)), self._secrets())
        log.error("unexpected error\n%s", details)
        dialog = QMessageBox(self._parent())
        dialog.setIcon(QMessageBox.Icon.Critical)
        dialog.setWindowTitle(translate("CrashReporter", "Unexpected error"))
        dialog.setText(
            translate(
                "CrashReporter",
                "TimeClock ran into an unexpected error (%1). Your entries on TimeTrack are "
                "not affected; the window keeps working.",
            ).replace("%1", kind.__name__)
        )
        dialog.setDetailedText(details)
        copy = dialog.addButton(
            translate("CrashReporter", "Copy details"), QMessageBox.ButtonRole.ActionRole
        )
        dialog.addButton(QMessageBox.StandardButton.Close)
        copy.clicked.disconnect()  # keep the dialog open after copying
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialogs.append(dialog)
        # Not open(): that makes the box window-modal, and the window must keep working.
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.show()

    def _forget(self, dialog: QMessageBox) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()
