"""TimeClock in the system tray: where one stands at a glance, stamping from the menu.

The icon shows in / on a break / out (:mod:`timeclock.gui.tray_icons`), its tooltip today's
worked total. The menu's actions are the window's own (:meth:`MainWindow.stamp`,
:meth:`~MainWindow.toggle_break`, its *Quit*): one write path, and a stamp asked for twice
is still one stamp. While the tray keeps TimeClock running, closing the window hides it;
the first time, a message says where TimeClock went.

Made only where a tray exists (:func:`tray_available`); one per main window, a child of
it, gone with it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from timeclock.domain.totals import worked_on
from timeclock.gui.formatting import hours_text, time_text
from timeclock.gui.main_window import MainWindow
from timeclock.gui.tray_icons import ClockState, clock_state, state_icon
from timeclock.services.stamping import Status

TICK_MILLISECONDS = 60_000  # the tooltip's total shows minutes
NOTICE_KEY = "tray/closeNoticeShown"  # in the window state: told once where TimeClock went
NOTICE_MILLISECONDS = 10_000


def tray_available() -> bool:
    """Whether the desktop has a system tray to sit in now."""
    return QSystemTrayIcon.isSystemTrayAvailable()


class DeskTray(QObject):
    """The tray icon and its menu for ``window``; ``close_to_tray``: closing the window
    hides it (the setting ``close_to_tray``)."""

    def __init__(self, window: MainWindow, *, close_to_tray: bool) -> None:
        super().__init__(window)
        self.window = window
        self.close_to_tray = close_to_tray
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu(window)
        self.menu.setObjectName("trayMenu")
        self.menu.setAccessibleName(self.tr("TimeClock tray menu"))
        self.stamp_action = QAction(self)
        self.stamp_action.setObjectName("trayStamp")
        self.stamp_action.triggered.connect(window.stamp)
        self.break_action = QAction(self)
        self.break_action.setObjectName("trayBreak")
        self.break_action.triggered.connect(window.toggle_break)
        self.show_action = QAction(self.tr("Show TimeClock"), self)
        self.show_action.setObjectName("trayShow")
        self.show_action.triggered.connect(self.show_window)
        self.quit_action = QAction(self.tr("Quit TimeClock"), self)
        self.quit_action.setObjectName("trayQuit")
        self.quit_action.triggered.connect(window.quit_action.trigger)  # as Ctrl+Q
        self.menu.addAction(self.stamp_action)
        self.menu.addAction(self.break_action)
        self.menu.addSeparator()
        self.reminder_separator = self.menu.addSeparator()  # reminders insert theirs above
        self.menu.addAction(self.show_action)
        self.menu.addAction(self.quit_action)
        self.menu.aboutToShow.connect(self.update_actions)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self._state: ClockState | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MILLISECONDS)
        self._tick.timeout.connect(lambda: self.show_status(window.session.status))
        self._tick.start()
        window.session.status_changed.connect(self.show_status)
        window.keep_in_tray = self._keeps_running
        window.closed.connect(self._window_closed)
        self.show_status(window.session.status)
        self.icon.show()

    @property
    def state(self) -> ClockState:
        """What the icon shows now."""
        return self._state or ClockState.OUT

    def show_status(self, status: Status | None) -> None:
        """Show ``status`` in the icon, the tooltip and the menu."""
        state = clock_state(status)
        if state is not self._state:
            self._state = state
            self.icon.setIcon(state_icon(state))
        self.icon.setToolTip(self._tooltip(status))
        self.update_actions()

    def update_actions(self) -> None:
        """The menu says what its items will do, and allows what the window's buttons do."""
        panel = self.window.stamp_panel
        status = self.window.session.status
        stamped_in = status is not None and status.shift.stamped_in
        on_break = status is not None and status.shift.on_break
        self.stamp_action.setText(self.tr("Clock out") if stamped_in else self.tr("Clock in"))
        self.stamp_action.setEnabled(panel.stamp_button.isEnabled())
        self.break_action.setText(self.tr("End break") if on_break else self.tr("Start break"))
        self.break_action.setEnabled(panel.break_button.isEnabled())

    def show_window(self) -> None:
        """Bring the window back (from the tray) to the front."""
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def show_message(self, title: str, text: str, milliseconds: int = NOTICE_MILLISECONDS) -> None:
        """A notification from the tray icon."""
        self.icon.showMessage(title, text, self.icon.icon(), milliseconds)

    def _tooltip(self, status: Status | None) -> str:
        if status is None:
            return self.tr("TimeClock: asking TimeTrack where you stand…")
        window = self.window
        now = window.session.now()
        today = worked_on(window.today(), status.recent, status.shift, now, window.zone)
        shift = status.shift
        if shift.entry is None:
            state = self.tr("Not clocked in")
        elif shift.breaks is not None and shift.breaks.running_since is not None:
            state = self.tr("On a break since %1").replace(
                "%1", time_text(shift.breaks.running_since, window.zone)
            )
        else:
            state = self.tr("Clocked in since %1").replace(
                "%1", time_text(shift.entry.start, window.zone)
            )
        total = self.tr("Today: %1 h worked").replace("%1", hours_text(today))
        return f"TimeClock\n{state}\n{total}"

    def _keeps_running(self) -> bool:
        """Asked as the window closes: hide it instead, and say so the first time."""
        if not (self.close_to_tray and self.icon.isVisible() and tray_available()):
            return False
        state = self.window.window_state
        if not _true(state.value(NOTICE_KEY, False)):
            state.setValue(NOTICE_KEY, True)
            self.show_message(
                self.tr("TimeClock keeps running"),
                self.tr(
                    "TimeClock is still here, in the tray. Click its icon to show the window; "
                    "quit it from the icon's menu."
                ),
            )
        return True

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_window()

    def _window_closed(self) -> None:
        self._tick.stop()
        self.icon.hide()


def _true(value: object) -> bool:
    """A QSettings boolean, which an INI file gives back as text."""
    return value is True or str(value).lower() == "true"
