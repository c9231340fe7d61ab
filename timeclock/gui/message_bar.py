"""A non-modal bar for problems and notices: one message, Retry where it makes sense, Close."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from timeclock.gui.tones import Tone, bar_colours, follows_palette


class MessageBar(QFrame):
    """Shows the latest problem (or notice, in calmer colours) above the content until it is
    closed or solved."""

    closed = Signal(object)  # the person closed the message; its tag

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._colour()
        self.setAccessibleName(self.tr("Message"))
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._retry_button = QPushButton(self.tr("&Retry"), self)
        self._close_button = QPushButton(self.tr("Close"), self)
        self._close_button.setAccessibleName(self.tr("Close message"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._retry_button)
        layout.addWidget(self._close_button)
        self._retry: Callable[[], None] | None = None
        self._tag: object = None
        self._retry_button.clicked.connect(self._on_retry)
        self._close_button.clicked.connect(self._on_close)
        self.hide()

    def _colour(self) -> None:
        """A problem is red; a notice (a change saved here while offline) is blue; both in
        the variant the palette (light, dark, high contrast) reads well."""
        problem, notice = bar_colours(Tone.ERROR), bar_colours(Tone.NOTICE)
        sheet = (
            f"#messageBar {{ background: {problem.background}; "
            f"border: 1px solid {problem.border}; border-radius: 4px; }}"
            f"#messageBar QLabel {{ color: {problem.text}; }}"
            f"#messageBar[notice=true] {{ background: {notice.background}; "
            f"border-color: {notice.border}; }}"
            f"#messageBar[notice=true] QLabel {{ color: {notice.text}; }}"
        )
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if follows_palette(event):
            self._colour()
        super().changeEvent(event)

    @property
    def text(self) -> str:
        """The message shown, or ``""``."""
        return "" if self.isHidden() else self._label.text()

    @property
    def is_notice(self) -> bool:
        """Whether the message shown is a notice rather than a problem."""
        return bool(self.property("notice"))

    @property
    def tag(self) -> object:
        """What the caller said about the message shown (None when nothing is shown)."""
        return self._tag

    def show_problem(
        self, message: str, retry: Callable[[], None] | None = None, *, tag: object = None
    ) -> None:
        """Show ``message``; with ``retry``, a Retry button runs it again. ``tag`` stays
        with the message (the window notes there when it stops being true)."""
        self._tag = tag
        self._set_notice(False)
        self._label.setText(message)
        self._retry = retry
        self._retry_button.setText(self.tr("&Retry"))
        self._retry_button.setAccessibleName(self.tr("Retry"))
        self._retry_button.setVisible(retry is not None)
        self.show()

    def show_warning(
        self, message: str, action_text: str, action: Callable[[], None], *, tag: object = None
    ) -> None:
        """Show ``message`` as a problem with a button ``action_text`` that runs
        ``action`` (instead of Retry): the way to fix what the message says."""
        self.show_problem(message, action, tag=tag)
        self._retry_button.setText(action_text)
        self._retry_button.setAccessibleName(action_text.replace("&", ""))

    def show_notice(self, message: str, *, tag: object = None) -> None:
        """Show news that is no problem, in the bar's calmer colours; the latest wins."""
        self._tag = tag
        self._set_notice(True)
        self._label.setText(message)
        self._retry = None
        self._retry_button.hide()
        self.show()

    def _set_notice(self, notice: bool) -> None:
        if self.is_notice != notice:
            self.setProperty("notice", notice)
            self.style().unpolish(self)
            self.style().polish(self)
            for label in self.findChildren(QLabel):
                self.style().unpolish(label)
                self.style().polish(label)

    def clear(self) -> None:
        """Hide the bar."""
        self._retry = None
        self._tag = None
        self.hide()

    @property
    def action_button(self) -> QPushButton:
        """The bar's button: Retry, or what :meth:`show_warning` named."""
        return self._retry_button

    def _on_close(self) -> None:
        tag = self._tag
        self.clear()
        self.closed.emit(tag)

    def _on_retry(self) -> None:
        retry = self._retry
        self.clear()
        if retry is not None:
            retry()
