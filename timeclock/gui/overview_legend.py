"""The overview's legend: each mark as the chart draws it, and what it means; the items
flow into as many lines as the width needs."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from timeclock.gui.overview_marks import Ink, Mark, draw_swatch

SPACING = 16.0
GAP = 5.0


class OverviewLegend(QWidget):
    """What the marks of the bars or of the team grid mean."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewLegend")
        self._team = False
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(self.tr("Legend"))
        self._describe()

    def set_team(self, team: bool) -> None:
        """Explain the team grid's marks (True) or the bars' (False)."""
        if team != self._team:
            self._team = team
            self._describe()
            self.updateGeometry()
            self.update()

    def items(self) -> list[tuple[Mark, str]]:
        """The marks shown, each with its words."""
        if self._team:
            head = [
                (Mark.OVER, self.tr("At or over target")),
                (Mark.SHORT, self.tr("Below target")),
            ]
        else:
            head = [
                (Mark.WORKED, self.tr("Worked")),
                (Mark.TARGET, self.tr("Target")),
                (Mark.OVER, self.tr("Over target")),
                (Mark.SHORT, self.tr("Short of target")),
            ]
        return [
            *head,
            (Mark.HOLIDAY, self.tr("Public holiday")),
            (Mark.ABSENCE, self.tr("Absent (vacation U, sick K, …)")),
            (Mark.WEEKEND, self.tr("Weekend")),
            (Mark.FLAG, self.tr("Needs attention")),
            (Mark.OPEN, self.tr("Entry left open")),
            (Mark.TODAY, self.tr("Today")),
        ]

    def _describe(self) -> None:
        self.setAccessibleDescription("; ".join(text for _mark, text in self.items()))

    def _places(self, width: float) -> list[tuple[QRectF, Mark, str]]:
        metrics = QFontMetricsF(self.font())
        line = metrics.height() + 4
        box = metrics.height() - 2
        x, y = 0.0, 2.0
        placed = []
        for mark, text in self.items():
            item_width = box + GAP + metrics.horizontalAdvance(text)
            if x > 0 and x + item_width > width:
                x, y = 0.0, y + line
            placed.append((QRectF(x, y + 2, box, box), mark, text))
            x += item_width + SPACING
        return placed

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        places = self._places(float(width))
        metrics = QFontMetricsF(self.font())
        return round(places[-1][0].top() + metrics.height() + 4)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        width = max(self.width(), 400)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(200, self.heightForWidth(max(self.width(), 200)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        self.setMinimumHeight(self.heightForWidth(self.width()))
        super().resizeEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        try:
            metrics = QFontMetricsF(self.font())
            for box, mark, text in self._places(float(self.width())):
                ink = Ink.of(self.palette())  # the legend sits on the window's colours
                draw_swatch(painter, box, mark, team=self._team, ink=ink)
                painter.setPen(QPen(ink.text))
                place = QRectF(
                    box.right() + GAP,
                    box.top() - 2,
                    metrics.horizontalAdvance(text) + 2,
                    metrics.height(),
                )
                painter.drawText(place, Qt.AlignmentFlag.AlignLeft, text)
        finally:
            painter.end()
