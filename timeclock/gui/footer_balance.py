"""The balance in the window's footer: target, difference and running balance of the list's
range, beside the worked total, while the list shows one user's entries.

One :func:`~timeclock.services.balance.read_balances` call per list load (and after an
entry is saved or deleted), never per row, in a worker thread of its own with a client of
its own, so stamps never wait for it. A load asked for while one runs makes the running
one's answer stale: only the latest is shown. Where the targets were computed on this desk
(no ``work_reports``), the label says so. For All users the label is hidden (the list's
sums mix everyone).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from timeclock.domain.matching import same_user
from timeclock.domain.ranges import DayRange
from timeclock.gui.balance_source import OwnClient
from timeclock.gui.formatting import hours_text
from timeclock.gui.session import ClockSession
from timeclock.gui.tasks import Failure, TaskRunner

if TYPE_CHECKING:
    from timeclock.services.balance import Balances, EmployeeBalance
    from timeclock.services.working_model import WorkingModel

# The balance's own modules (the rules, holidays, the report's texts) are imported where
# they are first used, in the worker or once figures arrive: not at the window's start.

log = logging.getLogger(__name__)

# The list's days and user (None: All users).
Scope = Callable[[], tuple[DayRange, str | None]]


class FooterBalance(QObject):
    """Reads and shows the balance of the list's user over the list's days."""

    shown = Signal()  # new figures are in the label (or it was hidden)

    def __init__(
        self, session: ClockSession, zone: tzinfo, *, scope: Scope, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._zone = zone
        self._scope = scope
        self._runner: TaskRunner | None = None
        self._client = OwnClient(lambda: session.account)
        self._latest = 0
        self._stopped = False
        self.balance: EmployeeBalance | None = None
        self.computed_here = False
        # The working model, read in the worker (the window's dialogs set the demo's).
        self.model_source: Callable[[], WorkingModel] = _default_model
        self.label = QLabel(parent)
        self.label.setObjectName("balance")
        self.label.setContentsMargins(16, 0, 0, 0)  # apart from the worked total before it
        self.label.setAccessibleName(self.tr("Balance"))
        self.label.setWordWrap(True)  # wraps rather than widen the window (#11)
        self.label.hide()
        session.entry_saved.connect(self.reload)
        session.entry_deleted.connect(self.reload)

    @property
    def loading(self) -> bool:
        return self._runner is not None and self._runner.busy

    def reload(self, *_args: object) -> None:
        """Read the balance of what the list shows now (hidden for All users)."""
        if self._stopped:
            return  # the window closes
        self._latest += 1
        token = self._latest
        days, user = self._scope()
        if user is None:
            self.balance = None
            self.label.hide()
            self.shown.emit()
            return
        session, zone = self._session, self._zone
        now = session.now()
        status = session.status
        shift = status.shift if status is not None and same_user(user, session.user) else None
        client = self._client.get()
        model = self.model_source

        def work() -> Balances | None:
            if token != self._latest:
                return None  # a newer load follows: no request for this one
            from timeclock.services.balance import read_balances  # noqa: PLC0415

            return read_balances(
                client, days, user=user, zone=zone, now=now, model=model(), shift=shift
            )

        self._worker().run(
            work,
            lambda result: self._arrived(token, result),
            lambda failure: self._failed(token, failure),
        )

    def _arrived(self, token: int, balances: Balances | None) -> None:
        if token != self._latest or balances is None:
            return
        from timeclock.gui.overview_text import computed_here_note  # noqa: PLC0415

        employee = balances.employees[0] if balances.employees else None
        self.balance = employee
        self.computed_here = balances.computed_here
        if employee is None:
            self.label.hide()
        else:
            self.label.setText(self.text(employee, balances.computed_here))
            note = computed_here_note() if balances.computed_here else ""
            self.label.setToolTip(note)
            self.label.setAccessibleDescription(note)
            self.label.show()
        self.shown.emit()

    def text(self, employee: EmployeeBalance, computed_here: bool) -> str:
        """``target: 40:00 h · difference: -1:30 h · balance: -1:30 h``; the balance is the
        running one at the end of the last day so far (today, or the range's last day)."""
        from timeclock.gui.overview_text import signed_hours  # noqa: PLC0415

        today = self._session.now().astimezone(self._zone).date()
        so_far = [day for day in employee.days if day.day <= today]
        balance = so_far[-1].balance if so_far else employee.days[0].balance
        text = (
            self.tr("target: %1 h · difference: %2 h · balance: %3 h")
            .replace("%1", hours_text(employee.target))
            .replace("%2", signed_hours(employee.difference))
            .replace("%3", signed_hours(balance))
        )
        if computed_here:
            text += " " + self.tr("(computed here)")
        return text

    def _failed(self, token: int, failure: Failure) -> None:
        if token != self._latest:
            return
        # The list's own requests say what is wrong with the connection; the balance is
        # a help, so it is only left out.
        log.info("the balance could not be read: %s", failure.message)
        self.balance = None
        self.label.hide()
        self.shown.emit()

    def _worker(self) -> TaskRunner:
        if self._runner is None:
            self._runner = TaskRunner(self, name="timeclock-balance")
        return self._runner

    def stop(self) -> None:
        """The window closes: the worker stops, a read under way ends now."""
        self._stopped = True
        self._client.stop()  # a read under way ends now: closing waits for no server
        if self._runner is not None:
            self._runner.shutdown()
        self._client.close()


def _default_model() -> WorkingModel:
    """The working model of the settings (read in the worker)."""
    from timeclock.gui.balance_source import window_model  # noqa: PLC0415

    return window_model(None)
