"""The window's actions on entries beyond one dialog: Edit > Undo (Ctrl+Z), setting the
break of several entries, and the history of one entry; the list's context menu offers
them beside Edit and Delete.

Undo takes back the newest step of an :class:`~timeclock.services.undo.UndoHistory`
that the dialogs fill (a new entry, a correction, a deletion, a bulk action), through the
session like any change; the action's text names what it will take back, and it is
disabled while there is nothing (or while an undo is on its way).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from timeclock.domain.attendance import Attendance
from timeclock.domain.corrections import Action
from timeclock.gui.batch import Answer, Job, send_all
from timeclock.gui.formatting import day_text, time_text
from timeclock.gui.main_window import MainWindow
from timeclock.services.undo import Done, Step, Undo, UndoHistory


class EntryActions(QObject):
    """Undo, Set break… and History… of ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.history = UndoHistory(window.session.user)
        self._undoing = False
        self.undo_action = QAction(self.tr("&Undo"), window)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(self.undo)
        window.addAction(self.undo_action)
        self.break_action = self._table_action(self.tr("Set &break…"), self.set_break)
        self.history_action = self._table_action(self.tr("&History…"), self.show_history)
        bar = window.menuBar()
        menus = [action.menu() for action in bar.actions()]
        menu = next(m for m in menus if isinstance(m, QMenu) and window.edit_action in m.actions())
        edit_menu = bar.addMenu(self.tr("&Edit"))
        bar.insertMenu(menu.menuAction(), edit_menu)
        edit_menu.addAction(self.undo_action)
        following = _after(menu.actions(), window.delete_action)  # after Edit and Delete
        for action in (self.break_action, self.history_action):
            if following is None:
                menu.addAction(action)
            else:
                menu.insertAction(following, action)
        window.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        window.table.selectionModel().selectionChanged.connect(self._selection_changed)
        window.model.modelReset.connect(self._selection_changed)
        self.open_set_break: Callable[[list[Attendance]], None] | None = None
        self.open_history: Callable[[Attendance], None] | None = None
        self._update()
        self._selection_changed()

    def _table_action(self, text: str, slot: Callable[[], object]) -> QAction:
        created = QAction(text, self._window)
        created.triggered.connect(slot)
        self._window.table.addAction(created)
        return created

    # -- recording ----------------------------------------------------------------------

    def record(self, done: Done) -> None:
        """One change a dialog made."""
        self.record_step([done])

    def record_step(self, done: list[Done]) -> None:
        """Changes made at once (a bulk action): one step."""
        self.history.record(done)
        self._update()

    # -- undo ---------------------------------------------------------------------------

    def undo(self) -> None:
        """Take back the newest step, if there is one and no undo is under way."""
        if self._undoing:
            return
        taken = self.history.take()
        if taken is None:
            return
        _step, undos = taken
        self._undoing = True
        self._update()
        session = self._window.session

        def job(undo: Undo) -> Job:
            reason = self._reason(undo) if undo.reason_needed else ""
            if undo.action is Action.CREATE:
                assert undo.draft is not None
                draft = undo.draft
                return lambda sent, failed: session.create_entry(draft, sent, failed, reason=reason)
            entry = undo.entry
            assert entry is not None
            if undo.action is Action.DELETE:
                return lambda sent, failed: session.delete_entry(entry, sent, failed, reason=reason)
            change = undo.change
            assert change is not None
            return lambda sent, failed: session.update_entry(
                entry, change, sent, failed, reason=reason
            )

        def answered(answers: list[Answer]) -> None:
            self._undoing = False
            failed = [
                undo.undoes for undo, answer in zip(undos, answers, strict=True) if not answer.ok
            ]
            if failed:
                self.history.put_back(reversed(failed))  # as they were made
                problem = next(answer.problem for answer in answers if not answer.ok)
                self._window.message_bar.show_problem(
                    self.tr("Could not undo: %1").replace("%1", problem)
                )
            self._update()

        send_all(session, [job(undo) for undo in undos], answered)

    def _reason(self, undo: Undo) -> str:
        """The journal's reason for taking back a change of another employee's entry."""
        at = undo.at
        when = f"{day_text(at, self._window.zone)} {time_text(at, self._window.zone)}"
        if undo.undoes.action is Action.CREATE:
            text = self.tr("Undo of the new entry of %1")
        elif undo.undoes.action is Action.DELETE:
            text = self.tr("Undo of the deletion of %1")
        else:
            text = self.tr("Undo of the correction of %1")
        return text.replace("%1", when)

    def undo_text(self, step: Step | None) -> str:
        """The action's text: what Ctrl+Z takes back."""
        if step is None:
            return self.tr("&Undo")
        count = len(step.done)
        if count > 1:
            text = {
                Action.CREATE: self.tr("&Undo %1 new entries"),
                Action.UPDATE: self.tr("&Undo the correction of %1 entries"),
                Action.DELETE: self.tr("&Undo the deletion of %1 entries"),
            }[step.action]
            return text.replace("%1", str(count))
        entry = step.done[0].entry
        zone = self._window.zone
        when = f"{day_text(entry.start, zone)} {time_text(entry.start, zone)}"
        text = {
            Action.CREATE: self.tr("&Undo the new entry of %1"),
            Action.UPDATE: self.tr("&Undo the correction of %1"),
            Action.DELETE: self.tr("&Undo the deletion of %1"),
        }[step.action]
        return text.replace("%1", when)

    def _update(self) -> None:
        step = self.history.last
        self.undo_action.setText(self.undo_text(step))
        self.undo_action.setEnabled(step is not None and not self._undoing)

    # -- several entries, one entry -------------------------------------------------------

    def _selection_changed(self, *_args: object) -> None:
        """What the selection allows: nothing selected, no Edit, Delete, Set break."""
        count = len(self._window.selected_entries())
        self._window.edit_action.setEnabled(count == 1)
        self._window.delete_action.setEnabled(count > 0)
        self.break_action.setEnabled(count > 0)
        self.history_action.setEnabled(count == 1)

    def set_break(self) -> None:
        """Set the break of the selected entries (one dialog for one or many)."""
        entries = self._window.selected_entries()
        if entries and self.open_set_break is not None:
            self.open_set_break(entries)

    def show_history(self) -> None:
        """The corrections of the selected entry."""
        entries = self._window.selected_entries()
        if len(entries) == 1 and self.open_history is not None:
            self.open_history(entries[0])

    def watch(self, dialog: QDialog) -> None:
        """Record what ``dialog`` does (its ``change_done`` or ``step_done`` signal)."""
        for name, slot in (("change_done", self.record), ("step_done", self.record_step)):
            signal = getattr(dialog, name, None)
            if signal is not None:
                signal.connect(slot)


def known_entries(window: MainWindow) -> list[Attendance]:
    """The entries the window has, without asking TimeTrack: the list's rows and the
    user's recent entries the clock knows (the list's version first where both have one)."""
    listed = window.model.entries()
    status = window.session.status
    if status is None:
        return listed
    refs = {entry.ref for entry in listed}
    return listed + [entry for entry in status.recent if entry.ref not in refs]


def _after(actions: list[QAction], action: QAction) -> QAction | None:
    """The action that follows ``action`` in a menu (None: it is the last)."""
    index = actions.index(action)
    return actions[index + 1] if index + 1 < len(actions) else None
