"""Keyboard and screen readers (#11, item 6): every interactive control of the window and
of every dialog it opens has an accessible name, as a screen reader reads it from the
``QAccessible`` tree; Tab leaves the lists; Settings open with Ctrl+, everywhere.

The dialogs are opened the way the person opens them (the window's actions and hooks),
on a window that shows entries from the sandbox.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.helpers import WAIT, Sessions, SettableClock, account_of, seed, utc, wait_idle
from timeclock.domain.attendance import AttendanceChange
from timeclock.domain.conflicts import Conflict
from timeclock.gui.conflict_dialog import ConflictDialog
from timeclock.gui.main_window import MainWindow
from timeclock.gui.window_dialogs import WindowDialogs
from timeclock.sandbox import SandboxServer

MORNING = utc(2026, 3, 10, 7, 0)  # Tuesday 08:00 in Berlin
Role = QAccessible.Role
# Controls a person works with: each must say what it is.
INTERACTIVE = frozenset(
    {
        Role.PushButton,
        Role.CheckBox,
        Role.RadioButton,
        Role.ComboBox,
        Role.EditableText,
        Role.SpinBox,
        Role.Slider,
        Role.Table,
        Role.List,
        Role.Tree,
        Role.PageTab,
        Role.ButtonMenu,
        Role.ButtonDropDown,
        Role.Link,
    }
)
# Their parts are named by their content (cells, headers, a spin box's arrows).
NAMED_BY_CONTENT = frozenset({Role.Table, Role.List, Role.Tree, Role.ComboBox, Role.SpinBox})


def _name(node: QAccessibleInterface, owner: object) -> str:
    """What a screen reader calls the control. A combo box's name on Linux is its current
    text (its label is a relation), so there it must have a name or a label of its own."""
    if node.role() == Role.ComboBox and isinstance(owner, QWidget):
        labels = [
            label
            for label in owner.window().findChildren(QLabel)
            if label.buddy() is owner and label.text()
        ]
        return owner.accessibleName() or (labels[0].text() if labels else "")
    return node.text(QAccessible.Text.Name).strip()


def unnamed_controls(widget: QWidget) -> list[str]:
    """Every visible interactive control under ``widget`` without an accessible name,
    described by its role and object's class (empty: all are named)."""
    root = QAccessible.queryAccessibleInterface(widget)
    assert root is not None and root.isValid()
    found: list[str] = []

    def walk(node: QAccessibleInterface, depth: int) -> None:
        assert depth < 60, "the accessible tree does not end"
        role, state = node.role(), node.state()
        if state.invisible:
            return
        owner = node.object()
        if role in INTERACTIVE and not _name(node, owner):
            found.append(f"{role.name} {type(owner).__name__} {owner.objectName()!r}")
        if role in NAMED_BY_CONTENT:
            return
        for index in range(node.childCount()):
            child = node.child(index)
            if child is not None and child.isValid():
                walk(child, depth + 1)

    walk(root, 0)
    return found


@pytest.fixture
def window(server: SandboxServer, sessions: Sessions, qtbot: QtBot) -> MainWindow:
    seed(server, utc(2026, 3, 9, 7, 0), utc(2026, 3, 9, 15, 0), break_minutes=30, notes="Lager")
    seed(server, utc(2026, 3, 9, 7, 0), utc(2026, 3, 9, 16, 0), user="annak", break_minutes=45)
    seed(server, utc(2026, 3, 10, 6, 0))  # open: stamped in
    opened = sessions.window(account_of(server), SettableClock(MORNING))
    qtbot.waitUntil(lambda: opened.model.rowCount() == 2, timeout=WAIT)
    return opened


@pytest.fixture
def dialogs(window: MainWindow) -> WindowDialogs:
    return WindowDialogs(
        window,
        on_account_changed=lambda _account: None,
        on_language_changed=lambda _language: None,
        settings_account=window.session.account,
        state="BE",
    )


def select_rows(window: MainWindow, *rows: int) -> None:
    window.table.clearSelection()
    for row in rows:
        window.table.selectionModel().select(
            window.model.index(row, 0),
            window.table.selectionModel().SelectionFlag.Select
            | window.table.selectionModel().SelectionFlag.Rows,
        )


def open_dialog(qtbot: QtBot, window: MainWindow, opener: Callable[[], object]) -> QDialog:
    before = set(window.findChildren(QDialog))
    opener()
    qtbot.waitUntil(lambda: bool(set(window.findChildren(QDialog)) - before), timeout=WAIT)
    (dialog,) = [d for d in window.findChildren(QDialog) if d not in before and d.isVisible()]
    wait_idle(qtbot, window.session)
    qtbot.wait(50)  # a dialog's own worker (settings, overview) fills its fields
    return dialog


def test_every_control_of_the_main_window_is_named(window: MainWindow) -> None:
    window.filter_bar.all_users.setChecked(True)
    window.filter_bar.group.setChecked(True)
    window.message_bar.show_problem("TimeTrack cannot be reached.", lambda: None)
    window.footer.show_waiting(2, 1, MORNING)
    assert unnamed_controls(window) == []


OPENERS: dict[str, Callable[[MainWindow, WindowDialogs], object]] = {
    "new entry": lambda w, _d: w.new_action.trigger(),
    "edit entry": lambda w, _d: (select_rows(w, 0), w.edit_action.trigger()),
    "delete entry": lambda w, _d: (select_rows(w, 0), w.delete_action.trigger()),
    "delete several": lambda w, _d: (select_rows(w, 0, 1), w.delete_action.trigger()),
    "set break": lambda w, d: (select_rows(w, 0, 1), d.entry_actions.break_action.trigger()),
    "history": lambda w, d: (select_rows(w, 0), d.entry_actions.history_action.trigger()),
    "settings": lambda w, _d: w.settings_action.trigger(),
    "outbox": lambda w, _d: w.outbox_action.trigger(),
    "needs attention": lambda w, _d: w.attention_action.trigger(),
    "overview": lambda w, _d: w.overview_action.trigger(),
    "export": lambda w, _d: w.export_action.trigger(),
}


@pytest.mark.parametrize("name", list(OPENERS))
def test_every_control_of_every_dialog_is_named(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs, name: str
) -> None:
    window.filter_bar.all_users.setChecked(True)  # two users' rows: several, another's
    wait_idle(qtbot, window.session)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=WAIT)
    dialog = open_dialog(qtbot, window, lambda: OPENERS[name](window, dialogs))
    try:
        assert unnamed_controls(dialog) == []
        for tabs in dialog.findChildren(QTabWidget):  # every page, not only the first
            for page in range(tabs.count()):
                tabs.setCurrentIndex(page)
                assert unnamed_controls(dialog) == [], tabs.tabText(page)
        lists = dialog.findChildren(QAbstractItemView)
        assert [view for view in lists if view.tabKeyNavigation() and view.isVisible()] == []
    finally:
        dialog.reject()


def test_every_control_of_the_conflict_dialog_is_named(qtbot: QtBot, window: MainWindow) -> None:
    base = window.model.entries()[0]
    theirs = replace(base, notes="Lager 2", end=base.end + timedelta(minutes=15))
    for current in (theirs, None):
        dialog = ConflictDialog(
            Conflict(base, current, AttendanceChange(break_minutes=45)),
            window.zone,
            parent=window,
        )
        qtbot.addWidget(dialog)
        dialog.open()
        assert unnamed_controls(dialog) == []
        dialog.reject()


def test_tab_leaves_the_list_and_the_subtotals(qtbot: QtBot, window: MainWindow) -> None:
    window.filter_bar.all_users.setChecked(True)
    window.filter_bar.group.setChecked(True)
    window.activateWindow()
    for table in (window.table, window.summary):
        assert not table.tabKeyNavigation()
        table.setFocus()
        qtbot.waitUntil(table.hasFocus, timeout=WAIT)
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        assert not table.hasFocus(), f"{table.objectName()} keeps the focus on Tab"


def test_settings_open_with_ctrl_comma_on_every_platform(window: MainWindow) -> None:
    assert QKeySequence("Ctrl+,") in window.settings_action.shortcuts()


def test_the_accessible_tree_walk_finds_an_unnamed_button(qtbot: QtBot) -> None:
    """The walk itself fails where it should: a button with neither text nor name."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    widget = QWidget()
    qtbot.addWidget(widget)
    layout = QVBoxLayout(widget)
    named, bare = QPushButton("Save", widget), QPushButton(widget)
    bare.setObjectName("bare")
    layout.addWidget(named)
    layout.addWidget(bare)
    widget.show()
    assert unnamed_controls(widget) == ["Button QPushButton 'bare'"]
    bare.setAccessibleName("Close")
    assert unnamed_controls(widget) == []
    assert QApplication.instance() is not None
