"""What every dialog of the window shares: an inline message line, remembered geometry,
labelled form rows, and a yes/no question that does not block.

Dialogs never report a problem in a second pop-up: the reason sits in a line under the
form (:class:`InlineMessage`), so nothing typed is hidden or lost. Geometry is kept in the
``QSettings`` the application hands in (the same one the main window keeps its state in).
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from timeclock.gui.tasks import TaskRunner
from timeclock.gui.tones import Tone, follows_palette, text_colour

T = TypeVar("T")


class MessageKind(enum.Enum):
    """What an inline message says: a problem, a warning that does not stop anything,
    something going on, or good news."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    SUCCESS = "success"


_TONES = {
    MessageKind.ERROR: Tone.ERROR,
    MessageKind.WARNING: Tone.WARNING,
    MessageKind.SUCCESS: Tone.SUCCESS,
}


class InlineMessage(QLabel):
    """A word-wrapped line for a dialog's problem or progress; hidden while empty.

    The accessible description carries the text as well, so screen readers announce it
    with the label's name when the line gains focus or changes.
    """

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName(accessible_name)
        self.kind = MessageKind.INFO
        self.hide()

    def show_message(self, text: str, kind: MessageKind = MessageKind.ERROR) -> None:
        """Show ``text``; an empty text hides the line."""
        self.kind = kind
        self.setText(text)
        self.setAccessibleDescription(text)
        self._colour()
        self.setVisible(bool(text))

    def _colour(self) -> None:
        """Red, amber or green as the palette (light, dark, high contrast) reads them."""
        tone = _TONES.get(self.kind)
        sheet = f"color: {text_colour(tone)};" if tone is not None else ""
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if follows_palette(event):
            self._colour()
        super().changeEvent(event)

    def clear_message(self) -> None:
        """Hide the line."""
        self.show_message("", MessageKind.INFO)


class RememberingDialog(QDialog):
    """A dialog that comes back where and as large as it was last closed.

    Without a ``window_state`` nothing is remembered (tests, first start). It also knows
    whether it is still open, so that an answer arriving after Cancel is dropped
    (:meth:`while_open`).
    """

    def __init__(
        self, window_state: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._window_state = window_state
        self._geometry_restored = False
        self._finished = False

    def while_open(self, handler: Callable[[T], None]) -> Callable[[T], None]:
        """``handler``, made to do nothing once the dialog is closed or deleted.

        The server may answer after the person cancelled; the session still announces the
        change to the window, but this dialog must not touch its widgets any more.
        """

        def call(value: T) -> None:
            if not self._finished and still_there(self):
                handler(value)

        return call

    def _geometry_key(self) -> str:
        return f"dialogs/{type(self).__name__}/geometry"

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self._fit_wrapped_lines()
        return handled

    def _fit_wrapped_lines(self) -> None:
        """Keep the dialog as tall as its lines need at its width (#11).

        A word-wrapped line (a problem, a warning) needs more height the narrower the
        dialog is, and more lines come and go as the person types; Qt's minimum size of a
        window does not know that, and a dialog restored small, or on a small screen, would
        squeeze the form under a wrapped message until they overlap.
        """
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        needed = max(layout.totalHeightForWidth(self.width()), layout.totalMinimumSize().height())
        if self.minimumHeight() != needed:
            self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        self._finished = False
        if not self._geometry_restored and self._window_state is not None:
            self._geometry_restored = True
            saved = self._window_state.value(self._geometry_key())
            if isinstance(saved, QByteArray) and not saved.isEmpty():
                self.restoreGeometry(saved)
        super().showEvent(event)

    def done(self, result: int) -> None:
        self._finished = True
        self._remember_geometry()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self._remember_geometry()
        super().closeEvent(event)

    def _remember_geometry(self) -> None:
        if self._window_state is not None and self.isVisible():
            self._window_state.setValue(self._geometry_key(), self.saveGeometry())


class WorkingDialog(RememberingDialog):
    """A dialog with a worker thread of its own, for work that is not the session's.

    The thread starts when first needed and stops when the dialog closes (or, failing
    that, is deleted): no thread outlives its dialog.
    """

    def __init__(
        self, window_state: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(window_state, parent)
        self._runner: TaskRunner | None = None

    def worker(self) -> TaskRunner:
        """The dialog's worker; started on first use."""
        if self._runner is None:
            runner = TaskRunner(self, name=f"timeclock-{type(self).__name__}")
            self.destroyed.connect(lambda *_: runner.shutdown())
            self._runner = runner
        return self._runner

    def done(self, result: int) -> None:
        if self._runner is not None:
            self._runner.shutdown()  # drops answers still to come
            self._runner.deleteLater()
            self._runner = None
        super().done(result)


def still_there(widget: QWidget) -> bool:
    """Whether the C++ side of ``widget`` still exists (a late callback may outlive it)."""
    return shiboken6.isValid(widget)


def save_cancel_buttons(
    dialog: QDialog, on_save: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton]:
    """Save (the default button, calling ``on_save``, not ``accept``) and Cancel (rejects).

    Save only starts the work; the dialog accepts itself once the work succeeded. Ctrl+Return
    saves from any field, the multi-line notes too (where Return starts a new line).
    """
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    save.setDefault(True)
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog).activated.connect(save.click)  # not if disabled
    return buttons, save


def add_row(form: QFormLayout, text: str, field: QWidget) -> QLabel:
    """A form row whose label (with its ``&`` mnemonic) moves the focus to ``field``."""
    label = QLabel(text, field.parentWidget())
    label.setBuddy(field)
    form.addRow(label, field)
    return label


def show_as_text(edit: QLineEdit) -> None:
    """A field that cannot change, shown as text rather than as a field to type in: no
    frame, no field background, no Tab stop (a click still selects it to copy); screen
    readers read it as a read-only text."""
    edit.setReadOnly(True)
    edit.setFrame(False)
    edit.setStyleSheet("QLineEdit { background: transparent; }")
    edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)


def set_tab_order(*widgets: QWidget) -> None:
    """Tab moves through ``widgets`` in this order."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def ask(
    parent: QWidget, title: str, text: str, question: str, on_answer: Callable[[bool], None]
) -> QMessageBox:
    """Open a Yes/No question window-modally (never ``exec()``); ``on_answer(yes)`` follows.

    Closing the box without a button counts as No. The box deletes itself afterwards.
    """
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setInformativeText(question)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    yes = box.button(QMessageBox.StandardButton.Yes)

    def answered() -> None:
        box.deleteLater()
        on_answer(box.clickedButton() is yes)

    box.finished.connect(answered)
    box.open()
    return box
