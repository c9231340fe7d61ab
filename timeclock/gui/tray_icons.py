"""The tray's three icons, drawn: stamped in, on a break, stamped out.

They differ in shape as well as colour (a clock face, two pause bars, an empty ring), so the
state reads on a monochrome panel and for people who do not tell green from amber.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from timeclock.services.stamping import Status

SIZES = (16, 22, 24, 32, 48, 64)
IN_COLOUR = "#2e7d32"  # working: green
BREAK_COLOUR = "#ef8f00"  # on a break: amber
OUT_COLOUR = "#757575"  # stamped out: grey


class ClockState(enum.Enum):
    """Where the person stands, as the tray shows it."""

    IN = "in"
    ON_BREAK = "on_break"
    OUT = "out"  # also while the state is not known yet


def clock_state(status: Status | None) -> ClockState:
    """The tray's state of a status (``None``: not known yet, shown as out)."""
    if status is None or not status.shift.stamped_in:
        return ClockState.OUT
    return ClockState.ON_BREAK if status.shift.on_break else ClockState.IN


def state_icon(state: ClockState) -> QIcon:
    """The icon of ``state``, in the sizes trays ask for."""
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(_draw(state, size))
    return icon


def _draw(state: ClockState, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16
    face = QRectF(unit, unit, 14 * unit, 14 * unit)
    centre = face.center()
    if state is ClockState.OUT:
        painter.setPen(QPen(QColor(OUT_COLOUR), 2.2 * unit))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(face.adjusted(unit, unit, -unit, -unit))
        painter.drawLine(QPointF(4.5 * unit, 8 * unit), QPointF(11.5 * unit, 8 * unit))
    elif state is ClockState.ON_BREAK:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(BREAK_COLOUR))
        painter.drawEllipse(face)
        painter.setBrush(QColor("white"))
        for left in (5.0, 9.0):
            painter.drawRect(QRectF(left * unit, 4.5 * unit, 2 * unit, 7 * unit))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(IN_COLOUR))
        painter.drawEllipse(face)
        hands = QPen(QColor("white"), 1.8 * unit)
        hands.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(hands)
        painter.drawLine(centre, QPointF(centre.x(), 3.8 * unit))
        painter.drawLine(centre, QPointF(11.5 * unit, centre.y()))
    painter.end()
    return pixmap
