"""The terminal's requests against a live sandbox over HTTP: the employees, where one
stands, and stamps for them through the desk's outbox (the one write path)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from tests.api.staff import staffed
from tests.conftest import credentials_of
from timeclock.api.client import TimeTrackClient
from timeclock.sandbox import NewAttendance, SandboxServer
from timeclock.sandbox.people_quirks import PeopleQuirks
from timeclock.services.desk import Desk
from timeclock.services.terminal import Action, Person, Standing
from timeclock.services.terminal_clock import TerminalClock

BERLIN = ZoneInfo("Europe/Berlin")
MORNING = datetime(2026, 12, 3, 6, 58, tzinfo=UTC)  # 07:58 in Berlin


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_the_terminal_knows_the_employees_by_badge_and_without_users_takes_user_names(
    client: TimeTrackClient, server: SandboxServer
) -> None:
    staffed(server)
    with Desk(in_memory=True) as desk:
        people = TerminalClock(desk, client, BERLIN).people()
        assert people.badge("1001") == Person("hansm", "Hans", "Müller, Hans")
        server.directory.quirks = PeopleQuirks(forbidden=frozenset({"users"}))
        people = TerminalClock(desk, client, BERLIN).people()
        assert not people.known
        assert people.named("ivan") == Person("ivan", name="ivan")


def test_stamps_for_two_employees_go_out_through_the_outbox_under_their_own_names(
    client: TimeTrackClient, server: SandboxServer
) -> None:
    clock = Clock(MORNING)
    with Desk(in_memory=True) as desk:
        terminal = TerminalClock(desk, client, BERLIN, clock)
        assert terminal.standing("annak") == Standing(stamped_in=False)
        stamped = terminal.stamp("annak", Action.IN)
        assert (stamped.action, stamped.at, stamped.worked_today, stamped.waiting) == (
            Action.IN,
            MORNING,
            timedelta(),
            False,
        )
        terminal.stamp("hansm", Action.IN)
        assert desk.outbox.items(client.base_url) == []  # all delivered
        assert sorted((e.user, e.start) for e in server.store.query()) == [
            ("annak", MORNING),
            ("hansm", MORNING),
        ]
        clock.now = MORNING + timedelta(hours=4)
        assert terminal.standing("annak") == Standing(True, False, MORNING)
        terminal.stamp("annak", Action.BREAK_START)
        assert terminal.standing("annak").on_break
        clock.now = MORNING + timedelta(hours=4, minutes=30)
        terminal.stamp("annak", Action.BREAK_END)
        clock.now = MORNING + timedelta(hours=8, minutes=30)
        out = terminal.stamp("annak", Action.OUT)
        assert (out.at, out.worked_today) == (clock.now, timedelta(hours=8))
        anna = [e for e in server.store.query() if e.user == "annak"]
        assert [(e.end, e.break_minutes) for e in anna] == [(clock.now, 30)]
        assert terminal.standing("hansm").stamped_in


def test_worked_today_counts_the_employees_earlier_entries_of_the_day(
    client: TimeTrackClient, server: SandboxServer
) -> None:
    server.store.create(
        NewAttendance(
            user="annak", start=MORNING - timedelta(hours=1), end=MORNING, break_minutes=0
        )
    )
    clock = Clock(MORNING + timedelta(hours=1))
    with Desk(in_memory=True) as desk:
        terminal = TerminalClock(desk, client, BERLIN, clock)
        terminal.stamp("annak", Action.IN)
        clock.now = MORNING + timedelta(hours=3)
        assert terminal.stamp("annak", Action.OUT).worked_today == timedelta(hours=3)


def test_a_stamp_while_timetrack_cannot_be_reached_is_saved_here_and_says_so(
    make_server: Callable[..., SandboxServer],
) -> None:
    gone = make_server()
    url, credentials = gone.base_url, credentials_of(gone)
    gone.stop()  # nothing answers on its port now
    clock = Clock(MORNING)
    with Desk(in_memory=True) as desk, TimeTrackClient(url, credentials) as client:
        terminal = TerminalClock(desk, client, BERLIN, clock)
        assert terminal.standing("annak") == Standing(stamped_in=False)
        stamped = terminal.stamp("annak", Action.IN)
        assert (stamped.at, stamped.waiting) == (MORNING, True)
        assert [item.draft.user for item in desk.outbox.items(url) if item.draft] == ["annak"]
        clock.now = MORNING + timedelta(hours=1)
        assert terminal.standing("annak") == Standing(True, False, MORNING)  # from this desk
