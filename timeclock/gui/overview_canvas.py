"""The overview drawn with QPainter: one employee's days as bars, or the team as a grid.

*Bars* (one employee, a week or a month): per day the target as a dashed frame, the time
worked as a blue bar (green above the target, the shortfall in red), the difference below;
weekends shaded, public holidays hatched with a star, absences with their code, days that
need attention with an orange corner, an entry left open with a red frame, today with a
blue one.

*Team* (employees by days): a cell per employee and day, green at or over the target and
red below it, holidays, absences, attention and today marked the same way, each row's
difference at its end.

Hovering a day shows its figures; the arrow keys move the focus from day to day (and row
to row), Page Up/Down go to the previous or next period, Enter on a team row asks for that
employee's own view. What the focus is on is said in :attr:`OverviewCanvas.focus_moved`
(the dialog shows it in a line screen readers read), and the accessible description is a
sentence per employee.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from timeclock.gui.formatting import hours_text, qdate
from timeclock.gui.overview_marks import (
    ABSENCE,
    ABSENCE_TEXT,
    HOLIDAY_LINE,
    HOLIDAY_SYMBOL,
    OPEN,
    OVER,
    SHORT,
    SHORT_LINE,
    TARGET_LINE,
    TEXT,
    TODAY,
    WORKED,
    Ink,
    difference_colour,
    draw_flag,
    draw_frame,
    fill_holiday,
)
from timeclock.gui.overview_text import day_details, row_summary, signed_hours
from timeclock.services.balance import DayBalance
from timeclock.services.overview import Overview, OverviewRow

MARGIN = 6.0
MIN_TEAM_COLUMN = 20.0  # a team cell is never narrower (the view scrolls instead)
MIN_BAR_COLUMN = 18.0
MIN_CHART_HEIGHT = 120.0
NAME_COLUMN_MAX = 200.0
SUNDAY = 7  # QDate.dayOfWeek


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where things go for the current size."""

    left: float  # where the first day begins
    top: float  # where the first row (team) or the chart (bars) begins
    column: float  # width of a day
    row: float  # height of a team row; of the chart for bars
    header: float  # height of the days' header
    name: float  # width of the names column (team)
    total: float  # width of the totals column (team)


class OverviewCanvas(QWidget):
    """The chart; :meth:`set_overview` gives it what to draw."""

    employee_chosen = Signal(str)  # Enter or double-click on a team row: the user
    period_step = Signal(int)  # Page Up (-1) or Page Down (+1)
    focus_moved = Signal(str)  # the figures of the day now in focus

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._overview: Overview | None = None
        self._ink = Ink.of(self.palette())  # set again at each paint
        self._current = (0, 0)  # row, day
        self.setObjectName("overviewChart")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Worked time against target"))
        self.setBackgroundRole(QPalette.ColorRole.Base)  # white: weekends show grey on it
        self.setAutoFillBackground(True)

    # -- data ---------------------------------------------------------------------------

    @property
    def overview(self) -> Overview | None:
        return self._overview

    @property
    def team(self) -> bool:
        return self._overview is not None and self._overview.team

    def set_overview(self, overview: Overview | None) -> None:
        """Draw ``overview`` (None: nothing); the focus goes to today where it is shown."""
        self._overview = overview
        row, column = 0, 0
        if overview is not None and overview.days.first <= overview.today <= overview.days.last:
            column = (overview.today - overview.days.first).days
        self._current = (row, column)
        self.setAccessibleDescription(self.summary())
        self.updateGeometry()
        self.update()
        self.focus_moved.emit(self.current_details())

    def summary(self) -> str:
        """A sentence per employee: what a screen reader reads for the chart."""
        if self._overview is None:
            return ""
        if not self._overview.rows:
            return self.tr("No employees with days in this period.")
        return "\n".join(row_summary(row) for row in self._overview.rows)

    @property
    def current(self) -> tuple[int, int]:
        """Row and day index of the day in focus."""
        return self._current

    def set_current(self, row: int, column: int) -> None:
        """Put the focus on a day (kept inside the chart)."""
        overview = self._overview
        if overview is None or not overview.rows:
            return
        row = min(max(row, 0), len(overview.rows) - 1)
        column = min(max(column, 0), overview.days.days - 1)
        if (row, column) != self._current:
            self._current = (row, column)
            self.update()
        self.focus_moved.emit(self.current_details())

    def current_details(self) -> str:
        """The figures of the day in focus ("" when nothing is shown)."""
        found = self._day(*self._current)
        if found is None:
            return ""
        row, day = found
        return day_details(row, day, self._zone, with_name=True)

    def details_at(self, row: int, column: int) -> str:
        found = self._day(row, column)
        if found is None:
            return ""
        return day_details(found[0], found[1], self._zone, with_name=self.team)

    def _day(self, row: int, column: int) -> tuple[OverviewRow, DayBalance] | None:
        overview = self._overview
        if overview is None or not 0 <= row < len(overview.rows):
            return None
        days = overview.rows[row].days
        if not 0 <= column < len(days):
            return None
        return overview.rows[row], days[column]

    # -- geometry -----------------------------------------------------------------------

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.font())

    def _layout(self) -> _Layout:
        metrics = self._metrics()
        line = metrics.height()
        header = 2 * line + 8
        days = self._overview.days.days if self._overview is not None else 7
        if self.team:
            assert self._overview is not None
            widest = max(
                (metrics.horizontalAdvance(row.name) for row in self._overview.rows), default=0
            )
            name = min(NAME_COLUMN_MAX, max(widest, metrics.horizontalAdvance("M" * 8)) + 16)
            total = metrics.horizontalAdvance("+888:88") + 14
            room = self.width() - 2 * MARGIN - name - total
            column = max(MIN_TEAM_COLUMN, room / days)
            return _Layout(MARGIN + name, MARGIN + header, column, line + 8, header, name, total)
        axis = metrics.horizontalAdvance("88 h") + 10
        column = max(MIN_BAR_COLUMN, (self.width() - 2 * MARGIN - axis) / days)
        chart = max(MIN_CHART_HEIGHT, self.height() - 2 * MARGIN - header - 2 * (line + 8))
        return _Layout(MARGIN + axis, MARGIN + header, column, chart, header, axis, 0)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.minimumSizeHint().expandedTo(QSize(640, 320))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        metrics = self._metrics()
        line = metrics.height()
        days = self._overview.days.days if self._overview is not None else 7
        if self.team:
            assert self._overview is not None
            layout = self._layout()
            width = 2 * MARGIN + layout.name + layout.total + days * MIN_TEAM_COLUMN
            height = 2 * MARGIN + layout.header + max(1, len(self._overview.rows)) * layout.row
            return QSize(round(width), round(height))
        width = 2 * MARGIN + metrics.horizontalAdvance("88 h") + 10 + days * MIN_BAR_COLUMN
        height = 2 * MARGIN + 2 * line + 8 + MIN_CHART_HEIGHT + 2 * (line + 8)
        return QSize(round(width), round(height))

    def cell_rect(self, row: int, column: int) -> QRectF:
        """Where a day is drawn: its team cell, or its whole column of bars."""
        layout = self._layout()
        x = layout.left + column * layout.column
        if self.team:
            return QRectF(x, layout.top + row * layout.row, layout.column, layout.row)
        bottom = layout.top + layout.row + 2 * (self._metrics().height() + 8)
        return QRectF(x, MARGIN, layout.column, bottom - MARGIN)

    def cell_at(self, point: QPointF) -> tuple[int, int] | None:
        """The row and day under ``point`` (None: none there)."""
        overview = self._overview
        if overview is None or not overview.rows:
            return None
        layout = self._layout()
        column = int((point.x() - layout.left) // layout.column)
        if point.x() < layout.left or column >= overview.days.days:
            return None
        if not self.team:
            rect = self.cell_rect(0, column)
            return (0, column) if rect.top() <= point.y() <= rect.bottom() else None
        row = int((point.y() - layout.top) // layout.row)
        if point.y() < layout.top or row >= len(overview.rows):
            return None
        return row, column

    def row_at(self, point: QPointF) -> int | None:
        """The team row under ``point``, on the names too."""
        overview = self._overview
        if overview is None or not self.team:
            return None
        layout = self._layout()
        row = int((point.y() - layout.top) // layout.row)
        return row if point.y() >= layout.top and row < len(overview.rows) else None

    # -- events -------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cell = self.cell_at(QPointF(event.pos()))
            if cell is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.details_at(*cell), self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        cell = self.cell_at(event.position())
        if cell is not None:
            self.set_current(*cell)
        elif (row := self.row_at(event.position())) is not None:
            self.set_current(row, self._current[1])
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        row = self.row_at(event.position())
        if row is not None and self._overview is not None:
            self.employee_chosen.emit(self._overview.rows[row].user)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        row, column = self._current
        key = Qt.Key(event.key())
        moves = {
            Qt.Key.Key_Left: (row, column - 1),
            Qt.Key.Key_Right: (row, column + 1),
            Qt.Key.Key_Up: (row - 1, column),
            Qt.Key.Key_Down: (row + 1, column),
            Qt.Key.Key_Home: (row, 0),
            Qt.Key.Key_End: (row, 10_000),
        }
        if key in moves:
            self.set_current(*moves[key])
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.period_step.emit(-1 if key == Qt.Key.Key_PageUp else 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.team:
            assert self._overview is not None
            if self._overview.rows:
                self.employee_chosen.emit(self._overview.rows[row].user)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        self.focus_moved.emit(self.current_details())
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        self.update()
        super().focusOutEvent(event)

    # -- painting -----------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        self._ink = Ink.of(self.palette())  # the chart's own background follows it
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            overview = self._overview
            if overview is None:
                return
            if not overview.rows:
                painter.setPen(QPen(self._ink.muted))
                painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.summary())
                return
            layout = self._layout()
            if self.team:
                self._paint_team(painter, overview, layout)
            else:
                self._paint_bars(painter, overview, layout)
            if self.hasFocus():
                rect = self.cell_rect(*self._current).adjusted(1, 1, -1, -1)
                painter.setPen(QPen(self._ink.text, 1, Qt.PenStyle.DotLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect)
        finally:
            painter.end()

    def _paint_header(self, painter: QPainter, overview: Overview, layout: _Layout) -> None:
        """Weekday and day of the month above each column; today in blue and bold."""
        locale = QLocale()
        metrics = self._metrics()
        line = metrics.height()
        wide = layout.column >= metrics.horizontalAdvance("Mo. 30.") + 6
        for index in range(overview.days.days):
            day = overview.days.first + timedelta(days=index)
            x = layout.left + index * layout.column
            weekday = locale.dayName(
                qdate(day).dayOfWeek(),
                QLocale.FormatType.ShortFormat if wide else QLocale.FormatType.NarrowFormat,
            )
            font = QFont(self.font())
            font.setBold(day == overview.today)
            painter.setFont(font)
            painter.setPen(QPen(TODAY if day == overview.today else self._ink.text))
            top = QRectF(x, MARGIN, layout.column, line + 2)
            painter.drawText(top, Qt.AlignmentFlag.AlignCenter, weekday)
            number = f"{day.day}.{day.month}." if wide else str(day.day)
            painter.drawText(top.translated(0, line + 2), Qt.AlignmentFlag.AlignCenter, number)
        painter.setFont(self.font())

    def _column_background(self, painter: QPainter, rect: QRectF, day: DayBalance) -> None:
        if day.holiday is not None:
            fill_holiday(painter, rect)
        elif day.absences:
            painter.fillRect(rect, ABSENCE)
        elif qdate(day.day).dayOfWeek() >= SUNDAY - 1:
            painter.fillRect(rect, self._ink.weekend)

    def _paint_team(self, painter: QPainter, overview: Overview, layout: _Layout) -> None:
        metrics = self._metrics()
        width = layout.left + overview.days.days * layout.column
        self._paint_header(painter, overview, layout)
        painter.setPen(QPen(self._ink.muted))
        names_title = QRectF(MARGIN, MARGIN, layout.name - 8, layout.header - 4)
        painter.drawText(
            names_title,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            self.tr("Employee"),
        )
        total_title = QRectF(width, MARGIN, layout.total - 4, layout.header - 4)
        painter.drawText(
            total_title,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
            self.tr("Diff."),
        )
        shows_hours = layout.column >= metrics.horizontalAdvance("10:00") + 6
        for row_index, row in enumerate(overview.rows):
            y = layout.top + row_index * layout.row
            name_rect = QRectF(MARGIN, y, layout.name - 8, layout.row)
            painter.setPen(QPen(self._ink.text))
            painter.drawText(
                name_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(row.name, Qt.TextElideMode.ElideRight, name_rect.width()),
            )
            for column, day in enumerate(row.days):
                rect = self.cell_rect(row_index, column)
                self._paint_cell(painter, row, day, rect, hours=shows_hours, today=overview.today)
            difference = row.employee.difference
            painter.setPen(QPen(OVER if difference >= timedelta() else SHORT_LINE))
            painter.drawText(
                QRectF(width, y, layout.total - 4, layout.row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                signed_hours(difference),
            )
        bottom = layout.top + len(overview.rows) * layout.row
        painter.setPen(QPen(self._ink.grid))
        for row_index in range(len(overview.rows) + 1):
            y = layout.top + row_index * layout.row
            painter.drawLine(QPointF(MARGIN, y), QPointF(width + layout.total, y))
        for column in range(overview.days.days + 1):
            x = layout.left + column * layout.column
            painter.drawLine(QPointF(x, layout.top), QPointF(x, bottom))
        if overview.days.first <= overview.today <= overview.days.last:
            x = layout.left + (overview.today - overview.days.first).days * layout.column
            draw_frame(painter, QRectF(x, MARGIN, layout.column, bottom - MARGIN), TODAY)

    def _paint_cell(
        self,
        painter: QPainter,
        row: OverviewRow,
        day: DayBalance,
        rect: QRectF,
        *,
        hours: bool,
        today: date,
    ) -> None:
        inner = rect.adjusted(1, 1, 0, 0)
        worked = day.worked > timedelta()
        self._column_background(painter, inner, day)
        # Today is not over: what is still due is no shortfall yet.
        due = day.target > timedelta() and not day.upcoming
        if (worked or due) and not (day.day == today and day.difference < timedelta()):
            painter.fillRect(inner, difference_colour(day.difference, day.target))
        label = ""
        colour = TEXT
        if day.absences and not worked:
            label, colour = day.absences[0], ABSENCE_TEXT
        elif day.holiday is not None and not worked:
            label, colour = HOLIDAY_SYMBOL, HOLIDAY_LINE
        elif worked and hours:
            label = hours_text(day.worked)
        if label:
            painter.setPen(QPen(colour))
            painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, label)
        if row.findings_on(day.day):
            draw_flag(painter, inner, min(inner.height(), inner.width()) * 0.55)
        if row.left_open(day.day):
            draw_frame(painter, inner, OPEN)

    def _paint_bars(self, painter: QPainter, overview: Overview, layout: _Layout) -> None:
        row = overview.rows[0]
        metrics = self._metrics()
        line = metrics.height()
        chart_bottom = layout.top + layout.row
        hours = max(
            [8.0]
            + [day.worked / timedelta(hours=1) for day in row.days]
            + [day.target / timedelta(hours=1) for day in row.days]
        )
        step = 2 if hours <= 12 else 4
        scale = float(step * -(-int(hours + 0.999) // step))  # hours at the chart's top

        def y_of(span: timedelta) -> float:
            return chart_bottom - (span / timedelta(hours=1)) / scale * layout.row

        for column, day in enumerate(row.days):
            self._column_background(painter, self.cell_rect(0, column), day)
        self._paint_header(painter, overview, layout)
        painter.setPen(QPen(self._ink.grid))
        right = layout.left + overview.days.days * layout.column
        for mark in range(0, int(scale) + 1, step):
            y = y_of(timedelta(hours=mark))
            painter.drawLine(QPointF(layout.left, y), QPointF(right, y))
            painter.setPen(QPen(self._ink.muted))
            painter.drawText(
                QRectF(MARGIN, y - line / 2, layout.name - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{mark} h",
            )
            painter.setPen(QPen(self._ink.grid))
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.85))
        for column, day in enumerate(row.days):
            x = layout.left + column * layout.column
            bar = QRectF(x + layout.column * 0.2, 0, layout.column * 0.6, 0)
            self._paint_bar(painter, day, bar, y_of, chart_bottom)
            figures = QRectF(x, chart_bottom + 2, layout.column, line + 4)
            self._paint_difference(painter, day, figures, small)
            self._paint_marks(painter, day, figures.translated(0, line + 6), small)
            if row.findings_on(day.day):
                top = min(y_of(day.worked), y_of(day.target)) - 2
                size = min(layout.column * 0.6, line)
                spot = QRectF(x + (layout.column - size) / 2, top - size, size, size)
                draw_flag(painter, spot, size)
            if row.left_open(day.day):
                draw_frame(painter, self.cell_rect(0, column).adjusted(1, 1, -1, -1), OPEN)
        if overview.days.first <= overview.today <= overview.days.last:
            column = (overview.today - overview.days.first).days
            draw_frame(painter, self.cell_rect(0, column), TODAY)
        painter.setPen(QPen(self._ink.text))
        painter.drawLine(QPointF(layout.left, chart_bottom), QPointF(right, chart_bottom))
        painter.setFont(self.font())

    @staticmethod
    def _paint_bar(
        painter: QPainter,
        day: DayBalance,
        bar: QRectF,
        y_of: Callable[[timedelta], float],
        bottom: float,
    ) -> None:
        target_top, worked_top = y_of(day.target), y_of(day.worked)
        left, width = bar.left(), bar.width()
        if day.worked > timedelta():
            met = max(worked_top, target_top) if day.target > timedelta() else worked_top
            painter.fillRect(QRectF(left, met, width, bottom - met), WORKED)
            if day.worked > day.target and day.target > timedelta():
                painter.fillRect(QRectF(left, worked_top, width, target_top - worked_top), OVER)
        if day.target > timedelta():
            if day.worked < day.target:
                painter.fillRect(QRectF(left, target_top, width, worked_top - target_top), SHORT)
            painter.setPen(QPen(TARGET_LINE, 1.5, Qt.PenStyle.DashLine))  # on the bar
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(left, target_top, width, bottom - target_top))

    def _paint_difference(
        self, painter: QPainter, day: DayBalance, rect: QRectF, small: QFont
    ) -> None:
        if day.target == timedelta() and day.worked == timedelta():
            return
        text = signed_hours(day.difference)
        font = self.font()
        if QFontMetricsF(font).horizontalAdvance(text) > rect.width() - 2:
            font = small
            if QFontMetricsF(font).horizontalAdvance(text) > rect.width() - 2:
                return  # the tooltip and the focus line still tell it
        painter.setFont(font)
        painter.setPen(QPen(OVER if day.difference >= timedelta() else SHORT_LINE))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setFont(self.font())

    def _paint_marks(self, painter: QPainter, day: DayBalance, rect: QRectF, small: QFont) -> None:
        """The holiday's star (and name where it fits), the absences' codes, a running
        entry's arrow."""
        parts: list[tuple[str, QColor]] = []
        if day.holiday is not None:
            parts.append((HOLIDAY_SYMBOL, HOLIDAY_LINE))
        parts += [(code, ABSENCE_TEXT) for code in day.absences]
        if day.running:
            parts.append(("\N{BLACK RIGHT-POINTING TRIANGLE}", WORKED))
        if not parts:
            return
        painter.setFont(small)
        text = " ".join(part for part, _ in parts)
        metrics = QFontMetricsF(small)
        painter.setPen(QPen(parts[0][1]))
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.setFont(self.font())
