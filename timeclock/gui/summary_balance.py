"""Target, difference and balance per employee in the All users view's subtotals.

One :func:`~timeclock.services.balance.read_balances` call for everyone per list load
(and after an entry is saved or deleted, and when the subtotals are asked for), never a
read per row or per employee, in a worker thread of its own with a client of its own, as
:mod:`timeclock.gui.footer_balance` does for one user. A load asked for while one runs
makes the running one's answer stale: only the newest is shown. Nothing is read while the
subtotals are not shown (one user's list, or not grouped by employee).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from timeclock.domain.ranges import DayRange
from timeclock.gui.balance_source import OwnClient
from timeclock.gui.employee_summary import EmployeeSummaryModel
from timeclock.gui.session import ClockSession
from timeclock.gui.tasks import Failure, TaskRunner

if TYPE_CHECKING:  # the balances load with their first read
    from timeclock.services.balance import Balances
    from timeclock.services.working_model import WorkingModel

log = logging.getLogger(__name__)

# The list's days and user (None: All users).
Scope = Callable[[], tuple[DayRange, str | None]]


class SummaryBalance(QObject):
    """Reads everyone's balances over the list's days into the subtotals' model."""

    shown = Signal()  # new figures are in the model (or they were emptied)

    def __init__(
        self,
        session: ClockSession,
        zone: tzinfo,
        *,
        scope: Scope,
        grouped: Callable[[], bool],
        summary: EmployeeSummaryModel,
        model_source: Callable[[], WorkingModel],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._zone = zone
        self._scope = scope
        self._grouped = grouped
        self._summary = summary
        self._model_source = model_source
        self._runner: TaskRunner | None = None
        self._client = OwnClient(lambda: session.account)
        self._latest = 0
        self._days: DayRange | None = None  # of the figures shown
        self.reads = 0  # read_balances calls made (a stale load makes none)
        session.entry_saved.connect(self.reload)
        session.entry_deleted.connect(self.reload)

    @property
    def loading(self) -> bool:
        return self._runner is not None and self._runner.busy

    def reload(self, *_args: object) -> None:
        """Read the balances of everyone on the list's days, if the subtotals show."""
        self._latest += 1
        token = self._latest
        days, user = self._scope()
        if user is not None or not self._grouped():
            return  # nothing shown: nothing read (the figures come with the next look)
        if days != self._days:  # another range: the old figures are not this one's
            self._days = None
            self._summary.set_balances(None, self._today())
        client = self._client.get()
        now, zone, model = self._session.now(), self._zone, self._model_source

        def work() -> Balances | None:
            from timeclock.services.balance import read_balances  # noqa: PLC0415 - see above

            if token != self._latest:
                return None  # a newer load follows: no request for this one
            self.reads += 1
            return read_balances(client, days, user=None, zone=zone, now=now, model=model())

        self._worker().run(
            work,
            lambda result: self._arrived(token, days, result),
            lambda failure: self._failed(token, failure),
        )

    def _today(self) -> date:
        return self._session.now().astimezone(self._zone).date()

    def _arrived(self, token: int, days: DayRange, balances: Balances | None) -> None:
        if token != self._latest or balances is None:
            return
        self._days = days
        self._summary.set_balances(balances, self._today())
        self.shown.emit()

    def _failed(self, token: int, failure: Failure) -> None:
        if token != self._latest:
            return
        # The list's own requests say what is wrong with the connection; the figures are
        # a help, so they are only left out.
        log.info("the balances per employee could not be read: %s", failure.message)
        self._days = None
        self._summary.set_balances(None, self._today())
        self.shown.emit()

    def _worker(self) -> TaskRunner:
        if self._runner is None:
            self._runner = TaskRunner(self, name="timeclock-summary-balance")
        return self._runner

    def stop(self) -> None:
        """The window closes: the worker stops, a read under way ends now."""
        self._client.stop()  # a read under way ends now: closing waits for no server
        if self._runner is not None:
            self._runner.shutdown()
        self._client.close()
