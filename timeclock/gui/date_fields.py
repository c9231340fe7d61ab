"""Date and date-time fields that type like one field: one Tab stop, whole dates typed in.

Qt's date editors have two habits that trip people up:

* Tab moves from section to section (day, month, year, hour, minute) before it leaves the
  field, so a form's Tab order has a dozen stops where people expect one. Here Tab always
  leaves the field; the arrow keys still move between sections.
* Typing a whole date over a selected text (Ctrl+A, ``15.11.2026 17:00``) keeps the old
  day: the first digit lands wherever the cursor is, and after a section fills up and the
  field moves on by itself, the separator typed next skips a further section. Here typing
  over the whole text starts in the first section, a separator moves to the next section
  (and is taken as already done right after such an automatic move).
"""

from __future__ import annotations

from typing import cast

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget


class _TypedWhole:
    """What both fields add to Qt's editor (mixed in before the Qt class)."""

    _moved_on = False  # the last digit filled a section and the field moved on by itself

    def _typing(self, editor: QDateTimeEdit, event: QKeyEvent) -> bool:
        """Prepare for ``event``; False when it was taken care of here (a separator)."""
        text = event.text()
        moved_on, self._moved_on = self._moved_on, False
        if not text or not text.isprintable() or text.isalpha():
            return True  # keys, and AM/PM, as Qt handles them
        line = editor.lineEdit()
        if text.isdigit():
            if line.hasSelectedText() and line.selectedText() == line.text():
                _select(editor, 0)
            return True
        if not moved_on and editor.currentSectionIndex() + 1 < editor.sectionCount():
            _select(editor, editor.currentSectionIndex() + 1)
        return False

    def _typed(self, editor: QDateTimeEdit, event: QKeyEvent, section_before: object) -> None:
        self._moved_on = event.text().isdigit() and editor.currentSection() != section_before

    # Qt's virtuals, found by Qt through this mixin (it comes before the Qt class).

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        editor = cast(QDateTimeEdit, self)
        if not self._typing(editor, event):
            event.accept()
            return
        before = editor.currentSection()
        super().keyPressEvent(event)  # type: ignore[misc]  # the Qt class next in line
        self._typed(editor, event, before)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt API
        return QWidget.focusNextPrevChild(cast(QWidget, self), next)


def _select(editor: QDateTimeEdit, index: int) -> None:
    editor.setCurrentSectionIndex(index)
    editor.setSelectedSection(editor.sectionAt(index))


class DateTimeField(_TypedWhole, QDateTimeEdit):
    """A :class:`QDateTimeEdit` that is one Tab stop and takes a whole typed date."""


class DateField(_TypedWhole, QDateEdit):
    """A :class:`QDateEdit` that is one Tab stop and takes a whole typed date."""
