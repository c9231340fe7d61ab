"""*Overview*: worked time against target per day, for one employee or the whole team.

Opened from View > Overview (beside the window, not modal). A week or a month at a time
(Previous / Next, Alt+Left / Alt+Right, or Page Up / Page Down in the chart), for one
employee (bars) or everyone (a grid of employees by days). The figures are the balances'
(:func:`~timeclock.services.overview.read_overview`), read in the dialog's own worker
thread with a client of its own, again when the window's list reloads or an entry is
saved or deleted. When the targets were computed on this desk (no ``work_reports`` on the
server), a line says so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta, tzinfo

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from timeclock.domain.matching import same_user
from timeclock.domain.ranges import DayRange
from timeclock.gui.balance_source import OwnClient
from timeclock.gui.dialog_base import InlineMessage, MessageKind, WorkingDialog
from timeclock.gui.formatting import date_format, hours_text, qdate
from timeclock.gui.overview_canvas import OverviewCanvas
from timeclock.gui.overview_legend import OverviewLegend
from timeclock.gui.overview_text import computed_here_note, row_summary, signed_hours
from timeclock.gui.session import ClockSession
from timeclock.gui.tasks import Failure
from timeclock.gui.tones import Tone, text_colour
from timeclock.services.overview import Overview, Period, period_of, read_overview, step_period
from timeclock.services.working_model import WorkingModel

# The working model, read in the worker (it reads the settings file).
ModelSource = Callable[[], WorkingModel]


class OverviewDialog(WorkingDialog):
    """The overview of ``user`` (None: the team) around ``anchor``."""

    def __init__(
        self,
        session: ClockSession,
        zone: tzinfo,
        *,
        user: str | None,
        anchor: date,
        period: Period = Period.MONTH,
        model: ModelSource,
        window_state: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(window_state, parent)
        self._session = session
        self._zone = zone
        self._model = model
        self._user = user
        self._anchor = anchor
        self._period = period
        self._client = OwnClient(lambda: session.account)
        self._loading = False
        self._load_again = False
        self._names: dict[str, str] = {}  # casefolded user: the name shown in the picker
        self._users: dict[str, str] = {}  # casefolded user: as TimeTrack spells it
        self.setWindowTitle(self.tr("Overview"))
        self.setAccessibleName(self.windowTitle())
        self._build()
        self._fill_whose()
        self.reload()

    # -- building -----------------------------------------------------------------------

    def _build_controls(self) -> QHBoxLayout:
        self.whose = QComboBox(self)
        self.whose.setAccessibleName(self.tr("Whose days"))
        self.whose.setMinimumContentsLength(14)
        self.period_choice = QComboBox(self)
        self.period_choice.setAccessibleName(self.tr("Period"))
        self.period_choice.addItem(self.tr("Week"), Period.WEEK)
        self.period_choice.addItem(self.tr("Month"), Period.MONTH)
        self.period_choice.setCurrentIndex(self.period_choice.findData(self._period))
        self.previous_button = QPushButton(self.tr("◀ &Previous"), self)
        self.previous_button.setAccessibleName(self.tr("Previous period"))
        self.previous_button.setToolTip(self.tr("Previous period (Alt+Left, Page Up)"))
        self.today_button = QPushButton(self.tr("&Today"), self)
        self.today_button.setAccessibleName(self.tr("Go to today"))
        self.next_button = QPushButton(self.tr("&Next ▶"), self)
        self.next_button.setAccessibleName(self.tr("Next period"))
        self.next_button.setToolTip(self.tr("Next period (Alt+Right, Page Down)"))
        self.period_label = QLabel(self)
        self.period_label.setAccessibleName(self.tr("Period shown"))
        font = self.period_label.font()
        font.setBold(True)
        self.period_label.setFont(font)
        controls = QHBoxLayout()
        form = QHBoxLayout()
        for text, field in (
            (self.tr("&Show:"), self.whose),
            (self.tr("P&eriod:"), self.period_choice),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addWidget(label)
            form.addWidget(field)
        controls.addLayout(form)
        controls.addSpacing(12)
        for button in (self.previous_button, self.today_button, self.next_button):
            controls.addWidget(button)
        controls.addSpacing(12)
        controls.addWidget(self.period_label, 1)
        return controls

    def _build(self) -> None:
        controls = self._build_controls()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Sums"))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Where the targets come from"))
        self.note.setStyleSheet(f"color: {text_colour(Tone.WARNING)};")
        self.note.hide()
        self.canvas = OverviewCanvas(self._zone, self)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("Day in focus"))
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legend = OverviewLegend(self)
        self.message = InlineMessage(self.tr("Problem"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.note)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(980, 560)
        self.whose.currentIndexChanged.connect(self._whose_chosen)
        self.period_choice.currentIndexChanged.connect(self._period_chosen)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_to_today)
        self.canvas.period_step.connect(self.step)
        self.canvas.employee_chosen.connect(self.show_user)
        self.canvas.focus_moved.connect(self._show_details)
        for keys, steps in (("Alt+Left", -1), ("Alt+Right", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda steps=steps: self.step(steps))
        session = self._session
        for signal in (session.entries_loaded, session.entry_saved, session.entry_deleted):
            signal.connect(self._list_changed)

    # -- what is shown ------------------------------------------------------------------

    @property
    def user(self) -> str | None:
        """Whose days are shown (None: the team's)."""
        return self._user

    @property
    def days(self) -> DayRange:
        """The days shown."""
        return period_of(self._anchor, self._period)

    @property
    def loading(self) -> bool:
        """Whether figures are being read."""
        return self._loading

    def step(self, steps: int) -> None:
        """Go ``steps`` weeks or months on (back when negative)."""
        self._anchor = step_period(self.days.first, self._period, steps)
        self.reload()

    def go_to_today(self) -> None:
        self._anchor = self._session.now().astimezone(self._zone).date()
        self.reload()

    def show_user(self, user: str | None) -> None:
        """Show ``user``'s days (None: the team's), same period."""
        self._user = user
        self._fill_whose()
        self.reload()

    def set_period(self, period: Period) -> None:
        self.period_choice.setCurrentIndex(self.period_choice.findData(period))

    def _whose_chosen(self, index: int) -> None:
        user = self.whose.itemData(index)
        self._user = user if isinstance(user, str) else None
        self.reload()

    def _period_chosen(self, index: int) -> None:
        period = self.period_choice.itemData(index)
        if isinstance(period, Period) and period is not self._period:
            self._period = period
            self.reload()

    def _fill_whose(self) -> None:
        """Everyone, then the employees known so far (the signed-in user first)."""
        names = {self._session.user.casefold(): self._session.user} | self._names
        if self._user is not None:
            names.setdefault(self._user.casefold(), self._user)
        self.whose.blockSignals(True)
        self.whose.clear()
        self.whose.addItem(self.tr("Everyone (team)"), None)
        for key, label in names.items():
            self.whose.addItem(
                label, self._users.get(key, label if key == label.casefold() else key)
            )
        wanted = self._user.casefold() if self._user is not None else None
        index = 0
        for position in range(1, self.whose.count()):
            data = self.whose.itemData(position)
            if isinstance(data, str) and data.casefold() == wanted:
                index = position
        self.whose.setCurrentIndex(index)
        self.whose.blockSignals(False)

    # -- reading ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the figures of the days and user shown now."""
        self._show_period()
        if self._loading:
            self._load_again = True
            return
        days, user, zone = self.days, self._user, self._zone
        session = self._session
        now = session.now()
        status = session.status
        shift = (
            status.shift
            if status is not None and user is not None and same_user(user, session.user)
            else None
        )
        client = self._client.get()
        model = self._model

        def work() -> Overview:
            return read_overview(
                client, days, user=user, zone=zone, now=now, model=model(), shift=shift
            )

        self._loading = True
        self.message.show_message(self.tr("Reading the figures…"), MessageKind.INFO)
        self.worker().run(work, self.while_open(self._arrived), self.while_open(self._failed))

    def _arrived(self, overview: Overview) -> None:
        self._loaded()
        if self._load_again:
            self._load_again = False
            self.reload()
            return
        self.message.clear_message()
        self._learn_names(overview)
        self.canvas.set_overview(overview)
        self.legend.set_team(overview.team)
        self.summary.setText(self._summary(overview))
        notes = [computed_here_note()] if overview.computed_here else []
        notes += list(overview.missing)
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))

    def _failed(self, failure: Failure) -> None:
        self._loaded()
        if self._load_again:
            self._load_again = False
            self.reload()
            return
        self.message.show_message(failure.message, MessageKind.ERROR)

    def _loaded(self) -> None:
        self._loading = False

    def _learn_names(self, overview: Overview) -> None:
        """Every employee of a team view becomes a choice of the picker."""
        if not overview.team:
            return
        self._users = {row.user.casefold(): row.user for row in overview.rows}
        self._names = {
            row.user.casefold(): row.name if row.name == row.user else f"{row.name} ({row.user})"
            for row in overview.rows
        }
        self._fill_whose()

    def _summary(self, overview: Overview) -> str:
        if not overview.team:
            return row_summary(overview.rows[0]) if overview.rows else ""
        worked = sum((row.employee.worked for row in overview.rows), timedelta())
        target = sum((row.employee.target for row in overview.rows), timedelta())
        flagged = sum(row.flagged_days for row in overview.rows)
        return (
            self.tr(
                "%1 employees: worked %2 h of %3 h target, difference %4 h; "
                "%5 day(s) need attention. Double-click or Enter on a row shows that "
                "employee alone."
            )
            .replace("%1", str(len(overview.rows)))
            .replace("%2", hours_text(worked))
            .replace("%3", hours_text(target))
            .replace("%4", signed_hours(worked - target))
            .replace("%5", str(flagged))
        )

    def _show_period(self) -> None:
        days = self.days
        locale = QLocale()
        if self._period is Period.MONTH:
            text = f"{locale.standaloneMonthName(days.first.month)} {days.first.year}"
        else:
            week = days.first.isocalendar().week
            first = locale.toString(qdate(days.first), date_format(locale))
            last = locale.toString(qdate(days.last), date_format(locale))
            text = (
                self.tr("Week %1: %2 to %3")
                .replace("%1", str(week))
                .replace("%2", first)
                .replace("%3", last)
            )
        self.period_label.setText(text)

    def _show_details(self, text: str) -> None:
        self.details.setText(text.replace("\n", " · ", 2).replace("\n", " "))
        self.details.setAccessibleDescription(text)

    def _list_changed(self, *_args: object) -> None:
        if self.isVisible():
            self.reload()

    # -- closing ------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self._client.stop()  # a read under way ends now: closing waits for no server
        super().done(result)  # stops the worker
        self._client.close()
