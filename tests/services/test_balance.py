"""Balances through the client against the sandbox: figures per day, from TimeTrack's
reports or the local working model, and worked time equal to the window's totals."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.api.staff import shift, staffed
from timeclock.api.client import TimeTrackClient
from timeclock.domain.attendance import Attendance
from timeclock.domain.holidays import Holiday
from timeclock.domain.ranges import DayRange
from timeclock.domain.shift import BreakLog, Shift
from timeclock.domain.totals import totals
from timeclock.sandbox import NewAttendance, SandboxServer
from timeclock.sandbox.people_quirks import PeopleQuirks
from timeclock.services.balance import SOME_HOLIDAY, Balances, read_balances
from timeclock.services.working_model import WorkingModel

BERLIN = ZoneInfo("Europe/Berlin")
MAY = DayRange(date(2024, 5, 1), date(2024, 5, 31))
NOW = datetime(2024, 5, 8, 12, tzinfo=UTC)  # Wednesday 8 May, 14:00 in Berlin
HOUR = timedelta(hours=1)
BERLIN_MODEL = WorkingModel(state="BE")


@pytest.fixture
def staff(server: SandboxServer) -> SandboxServer:
    staffed(server)
    running = datetime(2024, 5, 8, 6, tzinfo=UTC)
    server.store.insert_many(
        [
            shift("ivan", 6, 9),
            shift("lenab", 6, 5.5),
            NewAttendance(user="ivan", start=running, end=running),  # stamped in, 6 h ago
        ]
    )
    return server


def _balances(client: TimeTrackClient, **options: object) -> Balances:
    arguments: dict[str, object] = {
        "user": None,
        "zone": BERLIN,
        "now": NOW,
        "model": BERLIN_MODEL,
    } | options
    return read_balances(client, MAY, **arguments)  # type: ignore[arg-type]


def test_days_from_the_reports(staff: SandboxServer, client: TimeTrackClient) -> None:
    balances = _balances(client)

    assert not balances.computed_here
    assert balances.missing == ()
    assert [e.user for e in balances.employees] == ["lenab", "hansm", "ivan"]  # by last name
    ivan = balances.of("IVAN")
    assert ivan is not None and ivan.name == "Ivan Petrov" and ivan.personal_number == "A-17"
    days = {day.day.day: day for day in ivan.days}
    assert len(ivan.days) == 31
    assert days[1].holiday == Holiday("Tag der Arbeit", "Labour Day")
    assert (days[1].target, days[2].target) == (timedelta(), 8 * HOUR)
    assert days[6].worked == 8.5 * HOUR and days[6].difference == HOUR / 2
    assert days[7].absences == ("K",) and days[7].target == timedelta()
    # The running entry counts up to now, as the window's footer counts it.
    assert days[8].running and days[8].last_end is None
    assert days[8].worked == 6 * HOUR
    # Days after today owe nothing yet; the balance runs from the first of the month.
    assert days[9].upcoming and days[31].target == timedelta()
    assert days[8].balance == -16 * HOUR + HOUR / 2 - 2 * HOUR  # 2nd, 3rd; 6th; 8th
    assert ivan.difference == days[31].balance


def test_worked_time_is_the_window_totals(staff: SandboxServer, client: TimeTrackClient) -> None:
    since, until = MAY.utc_bounds(BERLIN)
    entries = client.list_attendances(since=since, until=until)
    running = next(entry for entry in entries if entry.is_open)
    # This desk timed a break of 20 minutes in ivan's open entry: the footer counts it.
    shift_here = Shift(running, BreakLog(running.ref, taken=timedelta(minutes=20)))

    balances = _balances(client, shift=shift_here)

    footer = totals(entries, NOW, BERLIN, shift_here)
    assert sum((e.worked for e in balances.employees), timedelta()) == footer.worked
    assert sum((e.breaks for e in balances.employees), timedelta()) == footer.breaks
    ivan = balances.of("ivan")
    assert ivan is not None
    assert ivan.days[7].worked == 6 * HOUR - timedelta(minutes=20)
    assert [item.worked for item in ivan.entries] == [8.5 * HOUR, 6 * HOUR - timedelta(minutes=20)]


def test_without_work_reports_the_local_model_gives_the_same_days(
    staff: SandboxServer, client: TimeTrackClient
) -> None:
    served = _balances(client)
    staff.directory.quirks = PeopleQuirks.without("work_reports")

    here = _balances(client)

    assert here.computed_here
    assert here.missing == (
        "This TimeTrack server does not offer work reports (targets and balances) (HTTP 404); "
        "TimeClock works on without it.",
    )
    for user in ("hansm", "ivan"):  # the sandbox's default model: 8 h, Monday to Friday
        mine, theirs = here.of(user), served.of(user)
        assert mine is not None and theirs is not None and mine.computed_here
        assert mine.days == theirs.days
    hans = here.of("hansm")
    assert hans is not None and hans.days[5].absences == ("U",)


def test_a_holiday_without_a_state_here_keeps_the_server_s_word(
    staff: SandboxServer, client: TimeTrackClient
) -> None:
    balances = _balances(client, model=WorkingModel(), user="ivan")

    ivan = balances.of("ivan")
    assert ivan is not None
    assert ivan.days[0].holiday == SOME_HOLIDAY
    assert [e.user for e in balances.employees] == ["ivan"]


def test_without_users_and_reports_names_are_user_names(
    staff: SandboxServer, client: TimeTrackClient
) -> None:
    staff.directory.quirks = PeopleQuirks(forbidden=frozenset({"users", "work_reports"}))

    balances = _balances(client)

    assert [e.user for e in balances.employees] == ["hansm", "ivan", "lenab"]
    assert [e.name for e in balances.employees] == ["hansm", "ivan", "lenab"]
    assert len(balances.missing) == 2 and "may not read" in balances.missing[0]
    hans = balances.of("hansm")
    assert hans is not None and hans.worked == timedelta()  # only absences: from `absences`
    assert hans.days[5].absences == ("U",) and hans.days[5].target == timedelta()


def test_one_user_of_another_spelling(staff: SandboxServer, client: TimeTrackClient) -> None:
    balances = _balances(client, user="IVAN")

    assert [(e.user, e.worked) for e in balances.employees] == [("ivan", 14.5 * HOUR)]


def test_an_entry_outside_the_range_does_not_count(client: TimeTrackClient) -> None:
    june = Attendance(
        id=1,
        user="x",
        start=datetime(2024, 6, 1, 8, tzinfo=UTC),
        end=datetime(2024, 6, 1, 9, tzinfo=UTC),
    )
    from timeclock.services.balance import compute_balances

    balances = compute_balances(MAY, [june], zone=BERLIN, now=NOW, model=BERLIN_MODEL)

    assert balances.employees == ()
