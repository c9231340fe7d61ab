"""What a window's start leaves until the window has shown its first list.

A person opening TimeClock looks for their list first. The tray icon, the reminders and
the screen-lock question (with their imports: about a twentieth of the start) are no less
there for coming a moment later, so a new window attaches them once its first list is
shown, it was told why there is none, or :data:`LATEST_MS` passed: whichever comes first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

from timeclock.gui.main_window import MainWindow

LATEST_MS = 3000  # a list that takes longer does not hold the rest back any further


class _FirstList(QObject):
    """Runs the action once; a child of the window, so it never outlives it."""

    def __init__(self, window: MainWindow, action: Callable[[], None]) -> None:
        super().__init__(window)
        self._action: Callable[[], None] | None = action
        self._latest = QTimer(self)
        self._latest.setSingleShot(True)
        self._latest.timeout.connect(self._run)
        self._latest.start(LATEST_MS)
        self._table = window.table.viewport()
        session = window.session
        session.entries_loaded.connect(self._after_paint)
        session.problem.connect(self._soon)

    def _after_paint(self, *_arguments: object) -> None:
        """A list arrived: run once the table has painted it."""
        self._table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self._table and event.type() == QEvent.Type.Paint:
            self._table.removeEventFilter(self)
            self._soon()  # the paint is under way: the action follows it
        return False

    def _soon(self, *_arguments: object) -> None:
        self._latest.start(0)

    def _run(self) -> None:
        action, self._action = self._action, None
        if action is None:
            return
        self._table.removeEventFilter(self)
        self.deleteLater()  # its connections go with it
        action()


def after_first_list(window: MainWindow, action: Callable[[], None]) -> None:
    """Run ``action`` once ``window`` has shown its first list (see the module)."""
    _FirstList(window, action)
