"""The overview's marks: its colours and how each mark is drawn, shared by the chart and
its legend so that the legend always shows what the chart draws.

Nothing is told by colour alone: holidays are hatched and carry a star, absences their
code (``U``, ``K``), days that need attention an orange corner with ``!``, an entry left
open a red frame, today a blue frame.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen, QPolygonF

WORKED = QColor("#4a7fc1")
OVER = QColor("#3f9c5a")
SHORT = QColor("#f2b8b3")
SHORT_LINE = QColor("#c0392b")
TARGET_LINE = QColor("#444444")
HOLIDAY = QColor("#e6dcf5")
HOLIDAY_LINE = QColor("#8e6cc0")
ABSENCE = QColor("#d3ece8")
ABSENCE_TEXT = QColor("#1f6f63")
WEEKEND = QColor("#e4e4e4")
FLAG = QColor("#e67e22")
OPEN = QColor("#c0392b")
TODAY = QColor("#1e88e5")
GRID = QColor("#d0d0d0")
TEXT = QColor("#202020")
MUTED = QColor("#6a6a6a")
HOLIDAY_SYMBOL = "\N{BLACK STAR}"


class Mark(enum.Enum):
    """What the legend explains."""

    WORKED = "worked"
    OVER = "over"
    SHORT = "short"
    TARGET = "target"
    HOLIDAY = "holiday"
    ABSENCE = "absence"
    WEEKEND = "weekend"
    FLAG = "flag"
    OPEN = "open"
    TODAY = "today"


@dataclass(frozen=True, slots=True)
class Ink:
    """What is drawn on the chart's own background: text, muted text, grid lines and
    weekends, from the palette (light, dark or high contrast). The cells' fills and the
    text on them keep their colours: they carry their own light background."""

    text: QColor
    muted: QColor
    grid: QColor
    weekend: QColor

    @staticmethod
    def of(palette: QPalette) -> Ink:
        """The ink for ``palette``: its text, and shades between its window and text."""
        fore = palette.color(QPalette.ColorRole.WindowText)
        back = palette.color(QPalette.ColorRole.Window)
        return Ink(fore, _mix(back, fore, 0.62), _mix(back, fore, 0.25), _mix(back, fore, 0.1))


LIGHT_INK = Ink(TEXT, MUTED, GRID, WEEKEND)


def difference_colour(difference: timedelta, target: timedelta) -> QColor:
    """A team cell's colour: green at or over the target, red below it, the stronger the
    further off (a full day short is the strongest red, two hours over the strongest
    green)."""
    if difference >= timedelta():
        share = min(1.0, difference / timedelta(hours=2))
        return _mix(QColor("#dcefdf"), QColor("#8fcf9b"), share)
    share = min(1.0, -difference / max(target, timedelta(hours=1)))
    return _mix(QColor("#fbe3e1"), QColor("#ec8f86"), share)


def _mix(low: QColor, high: QColor, share: float) -> QColor:
    return QColor(
        round(low.red() + (high.red() - low.red()) * share),
        round(low.green() + (high.green() - low.green()) * share),
        round(low.blue() + (high.blue() - low.blue()) * share),
    )


def fill_holiday(painter: QPainter, rect: QRectF) -> None:
    """Lavender, hatched."""
    painter.fillRect(rect, HOLIDAY)
    painter.fillRect(rect, QBrush(HOLIDAY_LINE, Qt.BrushStyle.BDiagPattern))


def draw_flag(painter: QPainter, rect: QRectF, size: float) -> None:
    """An orange corner with ``!`` at the top right of ``rect``: needs attention."""
    size = min(size, rect.width(), rect.height())
    corner = QPolygonF(
        [
            QPointF(rect.right() - size, rect.top()),
            QPointF(rect.right(), rect.top()),
            QPointF(rect.right(), rect.top() + size),
        ]
    )
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(FLAG)
    painter.drawPolygon(corner)
    painter.setPen(QPen(QColor("white")))
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(max(6, round(size * 0.55)))
    painter.setFont(font)
    mark = QRectF(rect.right() - size * 0.55, rect.top(), size * 0.55, size * 0.6)
    painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, "!")
    painter.restore()


def draw_frame(painter: QPainter, rect: QRectF, colour: QColor, width: float = 2.0) -> None:
    """A frame inside ``rect`` (an entry left open: red; today: blue)."""
    painter.save()
    pen = QPen(colour, width)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    if colour == OPEN:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = width / 2
    painter.drawRect(rect.adjusted(half, half, -half, -half))
    painter.restore()


def draw_swatch(
    painter: QPainter, rect: QRectF, mark: Mark, *, team: bool, ink: Ink = LIGHT_INK
) -> None:
    """The legend's sample of ``mark`` as the chart (bars) or the team grid draws it."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    if mark is Mark.WORKED:
        painter.fillRect(rect, WORKED)
    elif mark is Mark.OVER:
        painter.fillRect(rect, difference_colour(timedelta(hours=1), timedelta()) if team else OVER)
    elif mark is Mark.SHORT:
        colour = difference_colour(-timedelta(hours=4), timedelta(hours=8)) if team else SHORT
        painter.fillRect(rect, colour)
    elif mark is Mark.TARGET:
        painter.setPen(QPen(TARGET_LINE, 1.5, Qt.PenStyle.DashLine))
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
    elif mark is Mark.HOLIDAY:
        fill_holiday(painter, rect)
        painter.setPen(QPen(HOLIDAY_LINE))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, HOLIDAY_SYMBOL)
    elif mark is Mark.ABSENCE:
        painter.fillRect(rect, ABSENCE)
        painter.setPen(QPen(ABSENCE_TEXT))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "U")
    elif mark is Mark.WEEKEND:
        painter.fillRect(rect, ink.weekend)
        painter.setPen(QPen(ink.grid))
        painter.drawRect(rect)
    elif mark is Mark.FLAG:
        painter.setPen(QPen(ink.grid))
        painter.drawRect(rect)
        draw_flag(painter, rect, rect.height() * 0.8)
    elif mark is Mark.OPEN:
        draw_frame(painter, rect, OPEN)
    elif mark is Mark.TODAY:
        draw_frame(painter, rect, TODAY)
    painter.restore()
