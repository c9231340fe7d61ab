"""The reminders at work: asks the engine once a minute and on every new status, shows what
is due, and does a reminder's one step.

What is due is decided in :mod:`timeclock.services.reminders`; this module only shows it:
as a tray notification (a click does the step; *Snooze* is in the tray's menu) or, without
a tray, in a small window (:class:`~timeclock.gui.reminder_window.ReminderWindow`). The
steps are the window's own: its stamp and break (one write path), and the entry dialog
of Needs attention for an entry left open (the cursor waits in its end).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from timeclock.gui.main_window import MainWindow
from timeclock.gui.reminder_window import ReminderWindow, reminder_text
from timeclock.gui.tray import DeskTray
from timeclock.services.reminders import Kind, Reminder, ReminderEngine, ReminderRules
from timeclock.services.working_model import WorkingModel

log = logging.getLogger(__name__)

LOOK_MILLISECONDS = 60_000
MESSAGE_MILLISECONDS = 30_000  # a tray notification's time on screen (where Qt draws it)


class DeskReminders(QObject):
    """Reminders for ``window``'s user; shown by ``tray`` when there is one."""

    def __init__(
        self,
        window: MainWindow,
        rules: ReminderRules,
        model: WorkingModel,
        tray: DeskTray | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.tray = tray
        self.engine = ReminderEngine(rules, model, window.zone)
        self.current: Reminder | None = None  # shown and not yet dealt with
        self.fallback: ReminderWindow | None = None
        self.snooze_action = QAction(self)
        self.snooze_action.setObjectName("traySnooze")
        self.snooze_action.setText(
            self.tr("Snooze the reminder (%1 min)").replace("%1", str(self._snooze_minutes))
        )
        self.snooze_action.setVisible(False)
        self.snooze_action.triggered.connect(self.snooze)
        if tray is not None:
            tray.menu.insertAction(tray.reminder_separator, self.snooze_action)
            tray.icon.messageClicked.connect(self.act)
        self._timer = QTimer(self)
        self._timer.setInterval(LOOK_MILLISECONDS)
        self._timer.timeout.connect(self.look)
        self._timer.start()
        window.session.status_changed.connect(self.look)
        window.closed.connect(self.stop)

    @property
    def _snooze_minutes(self) -> int:
        return round(self.engine.rules.snooze.total_seconds() / 60)

    def look(self) -> None:
        """Show the reminder due now, if one is (the first look with a status is the
        start: an entry left open since an earlier day is reminded of then)."""
        status = self.window.session.status
        if status is None:
            return
        reminder = self.engine.next_due(status.shift, self.window.session.now(), status.also_open)
        if reminder is not None:
            self.show(reminder)

    def show(self, reminder: Reminder) -> None:
        """Show ``reminder`` (in place of one shown before and not dealt with)."""
        self.current = reminder
        words = reminder_text(reminder, self.window.zone, self.window.session.now())
        log.info("reminder due: %s", reminder.kind.value)
        if self.tray is not None:
            self.snooze_action.setVisible(True)
            self.tray.show_message(
                words.title, f"{words.text}\n{words.click}", MESSAGE_MILLISECONDS
            )
            return
        if self.fallback is None:
            self.fallback = ReminderWindow(self.window)
            self.fallback.act_requested.connect(self.act)
            self.fallback.snooze_requested.connect(self.snooze)
        self.fallback.show_reminder(words, self._snooze_minutes)

    def act(self) -> None:
        """Do the shown reminder's step: clock out, start a break, or open the entry left
        open with the cursor in its end. A step that no longer fits (stamped out from
        another desk meanwhile) does nothing."""
        reminder, self.current = self.current, None
        self._dealt_with()
        status = self.window.session.status
        if reminder is None or status is None:
            return
        entry = status.shift.entry
        same = entry is not None and entry.start == reminder.entry.start
        if reminder.kind is Kind.OPEN_FROM_EARLIER:
            self._show_window()
            if self.window.open_entry_dialog is not None:
                self.window.open_entry_dialog(reminder.entry)
        elif reminder.kind is Kind.NO_BREAK:
            if same and not status.shift.on_break:
                self.window.toggle_break()
        elif same:
            self.window.stamp()

    def snooze(self) -> None:
        """Show the current reminder again after the snooze, if it still holds then."""
        reminder, self.current = self.current, None
        self._dealt_with()
        if reminder is not None:
            self.engine.snooze(reminder, self.window.session.now())

    def stop(self) -> None:
        """The window closed for good: no more looks, and the reminder window goes."""
        self._timer.stop()
        if self.fallback is not None:
            self.fallback.close()

    def _dealt_with(self) -> None:
        self.snooze_action.setVisible(False)
        if self.fallback is not None:
            self.fallback.hide()

    def _show_window(self) -> None:
        if self.tray is not None:
            self.tray.show_window()
        else:
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()
