"""The balance in the window's footer against the sandbox: target, difference and running
balance of the list's user and days beside the worked total, one read per list load,
hidden for All users, and said to be computed here without ``work_reports``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from pytestqt.qtbot import QtBot

from tests.api.staff import shift, staffed
from tests.gui.helpers import WAIT, Sessions, SettableClock, account_of
from timeclock.api.client import TimeTrackClient
from timeclock.domain.ranges import DayRange
from timeclock.gui.formatting import hours_text
from timeclock.gui.main_window import MainWindow
from timeclock.gui.overview_text import signed_hours
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.people_quirks import PeopleQuirks
from timeclock.services.balance import read_balances
from timeclock.services.working_model import WorkingModel

NOW = datetime(2024, 5, 8, 12, tzinfo=UTC)  # Wednesday 8 May, 14:00 in Berlin
MAY = DayRange(date(2024, 5, 1), date(2024, 5, 31))


@pytest.fixture
def staff(server: SandboxServer) -> Iterator[SandboxServer]:
    staffed(server)
    server.store.insert_many([shift("hansm", 2, 8.5), shift("hansm", 3, 9), shift("ivan", 2, 6)])
    yield server
    server.directory.reset()


def balanced(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.footer_balance.loading, timeout=WAIT)


def opened(sessions: Sessions, server: SandboxServer, qtbot: QtBot) -> MainWindow:
    window = sessions.window(account_of(server), SettableClock(NOW), start=False)
    with qtbot.waitSignal(window.footer_balance.shown, timeout=WAIT):
        window.start()
    balanced(qtbot, window)
    return window


def test_the_footer_shows_the_user_s_target_difference_and_balance(
    qtbot: QtBot, sessions: Sessions, staff: SandboxServer
) -> None:
    window = opened(sessions, staff, qtbot)

    with TimeTrackClient(staff.base_url, account_of(staff).credentials) as client:
        expected = read_balances(
            client, MAY, user="hansm", zone=window.zone, now=NOW, model=WorkingModel()
        ).employees[0]
    label = window.footer_balance.label
    assert label.isVisible()
    today = next(day for day in expected.days if day.day == date(2024, 5, 8))
    assert label.text() == (
        f"target: {hours_text(expected.target)} h · "
        f"difference: {signed_hours(expected.difference)} h · "
        f"balance: {signed_hours(today.balance)} h"
    )
    assert expected.worked == window.model.totals().worked  # beside the same worked total
    assert label.text() == "target: 16:00 h · difference: +0:30 h · balance: +0:30 h"
    assert window.footer.layout().indexOf(label) == 1  # right after the totals
    assert label.toolTip() == ""


def test_all_users_hides_it_and_another_user_shows_theirs(
    qtbot: QtBot, sessions: Sessions, staff: SandboxServer
) -> None:
    window = opened(sessions, staff, qtbot)

    with qtbot.waitSignal(window.footer_balance.shown, timeout=WAIT):
        window.filter_bar.all_users.setChecked(True)
    assert window.footer_balance.label.isHidden()

    with qtbot.waitSignal(window.footer_balance.shown, timeout=WAIT):
        window.filter_bar.all_users.setChecked(False)
        window.filter_bar.user.setText("ivan")
        window.filter_bar.user.editingFinished.emit()
    balanced(qtbot, window)
    balance = window.footer_balance.balance
    assert balance is not None and balance.user == "ivan"
    # ivan: 5:30 worked on the 2nd, sick on the 7th; 5 working days of 8 h so far
    assert window.footer_balance.label.text().startswith("target: 32:00 h · difference: -26:30 h")


def test_one_read_per_list_load(qtbot: QtBot, sessions: Sessions, staff: SandboxServer) -> None:
    window = opened(sessions, staff, qtbot)
    reads: list[object] = []
    original = window.footer_balance._worker().run

    def counting(*args: object, **kwargs: object) -> int:
        reads.append(args)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    window.footer_balance._worker().run = counting  # type: ignore[method-assign]
    with qtbot.waitSignal(window.footer_balance.shown, timeout=WAIT):
        window.refresh()  # the balance is read after the list is shown
    balanced(qtbot, window)
    window._clock_moved()  # the minute tick adds up the rows again, reads nothing

    assert len(reads) == 1


def test_without_work_reports_the_footer_says_computed_here(
    qtbot: QtBot, sessions: Sessions, staff: SandboxServer
) -> None:
    staff.directory.quirks = PeopleQuirks(absent=frozenset({"work_reports"}))

    window = opened(sessions, staff, qtbot)

    label = window.footer_balance.label
    assert window.footer_balance.computed_here
    assert label.text().endswith(" (computed here)")
    assert "computed here" in label.toolTip() and label.accessibleDescription() == label.toolTip()
