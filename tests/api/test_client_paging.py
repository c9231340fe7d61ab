"""Listing: paging past the service's defaults, the filters, and month ranges across DST.

The sandbox pages like the vendor's general API page says (50 by default, ``limit`` at most
1000, ``page_number`` from 0) and reads ``from``/``to`` as inclusive bounds on the start.
A :class:`~tests.api.faults.Recorder` in front of it shows how many requests the client
made and with which query parameters.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

import pytest

from tests.api.faults import (
    Canned,
    FaultPlan,
    Recorded,
    Rule,
    api_requests,
    instrumented_server,
    wire_entry,
)
from tests.conftest import credentials_of
from timeclock.api.client import TimeTrackClient
from timeclock.api.errors import MalformedResponseError, NetworkError
from timeclock.domain.attendance import Attendance, AttendanceDraft
from timeclock.domain.ranges import DayRange
from timeclock.domain.timestamps import format_timestamp
from timeclock.sandbox import DEFAULT_LIMIT, MAX_LIMIT, NewAttendance, SandboxServer

BERLIN = ZoneInfo("Europe/Berlin")
BASE = datetime(2020, 10, 1, 6, 0, tzinfo=UTC)

MakeServer = Callable[..., SandboxServer]


def entries(count: int, *, user: str = "ivan", start: datetime = BASE) -> list[NewAttendance]:
    """``count`` entries, two at a time sharing a start (so order falls back to the id)."""
    return [
        NewAttendance(
            user=user,
            start=start + timedelta(minutes=10 * (index // 2)),
            end=start + timedelta(minutes=10 * (index // 2) + 5),
            notes=f"#{index + 1}",
        )
        for index in range(count)
    ]


def at(moment: datetime, user: str = "ivan", notes: str = "") -> NewAttendance:
    """One entry of 30 minutes starting at ``moment``."""
    return NewAttendance(
        user=user, start=moment, end=moment + timedelta(minutes=30), notes=notes or str(moment)
    )


def pages(log: list[Recorded]) -> list[tuple[str | None, str | None]]:
    """(page_number, limit) of each list request, in order."""
    return [(r.params.get("page_number"), r.params.get("limit")) for r in api_requests(log)]


@pytest.fixture
def recorded(
    make_server: MakeServer,
) -> Iterator[tuple[SandboxServer, list[Recorded], TimeTrackClient]]:
    """A server of its own whose requests are recorded, and a client connected to it."""
    server, log = instrumented_server(make_server)
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        yield server, log, client


def assert_complete(listed: list[Attendance], count: int) -> None:
    """``listed`` holds ids 1..count once each, in (start, id) order."""
    ids = [entry.id for entry in listed]
    assert len(listed) == count
    assert len(set(ids)) == count
    assert ids == list(range(1, count + 1))
    assert listed == sorted(listed, key=lambda entry: (entry.start, entry.id))


# -- paging ---------------------------------------------------------------------------------


def test_more_than_the_servers_default_page_is_listed(
    client: TimeTrackClient, server: SandboxServer
) -> None:
    server.store.insert_many(entries(120))
    assert server.store.count() > DEFAULT_LIMIT

    listed = client.list_attendances()

    assert_complete(listed, 120)
    assert [entry.notes for entry in listed] == [f"#{n}" for n in range(1, 121)]


def test_thousands_of_entries_are_paged_a_thousand_at_a_time(
    recorded: tuple[SandboxServer, list[Recorded], TimeTrackClient],
) -> None:
    server, log, client = recorded
    server.store.insert_many(entries(2_345))

    listed = client.list_attendances()

    assert_complete(listed, 2_345)
    assert pages(log) == [("0", "1000"), ("1", "1000"), ("2", "1000")]
    assert len(log) == 3


def test_an_exact_multiple_of_the_page_size_needs_one_empty_page(
    recorded: tuple[SandboxServer, list[Recorded], TimeTrackClient],
) -> None:
    server, log, client = recorded
    server.store.insert_many(entries(2 * MAX_LIMIT))

    listed = client.list_attendances()

    assert_complete(listed, 2_000)
    assert pages(log) == [("0", "1000"), ("1", "1000"), ("2", "1000")]


def test_an_empty_account_takes_one_request(
    recorded: tuple[SandboxServer, list[Recorded], TimeTrackClient],
) -> None:
    _, log, client = recorded

    assert client.list_attendances() == []
    assert pages(log) == [("0", "1000")]


@pytest.mark.parametrize(
    ("count", "expected_pages"),
    [(120, 3), (100, 3), (49, 1), (50, 2)],
)
def test_a_smaller_page_size_pages_the_same_way(
    make_server: MakeServer, count: int, expected_pages: int
) -> None:
    server, log = instrumented_server(make_server)
    server.store.insert_many(entries(count))

    with TimeTrackClient(server.base_url, credentials_of(server), page_size=50) as client:
        listed = client.list_attendances()

    assert_complete(listed, count)
    assert pages(log) == [(str(number), "50") for number in range(expected_pages)]


def test_pages_that_shift_while_listing_yield_no_duplicates(make_server: MakeServer) -> None:
    """An entry created earlier than all others between two page requests shifts every
    later page by one: the first entry of page 1 is the last of page 0 again."""
    inserted: list[int] = []

    def insert_before_the_second_page(request: Recorded) -> None:
        if request.params.get("page_number") == "1" and not inserted:
            inserted.append(server.store.insert_many([at(BASE - timedelta(days=1))]))

    server, log = instrumented_server(make_server, before=insert_before_the_second_page)
    server.store.insert_many(entries(120))

    with TimeTrackClient(server.base_url, credentials_of(server), page_size=50) as client:
        listed = client.list_attendances()

    assert inserted == [1]
    assert_complete(listed, 120)
    assert len(pages(log)) == 3


def test_the_next_page_asked_for_ahead_ends_with_a_stop(make_server: MakeServer) -> None:
    """The next page is asked for while the page before is read; the client's stop (the
    window closing) ends that request too, and the list with it."""
    asked_for_page_1 = threading.Event()
    plan = FaultPlan()

    def slow_second_page(request: Recorded) -> None:
        if request.params.get("page_number") == "1":
            plan.set(Rule(Canned.json([], delay=30.0), "GET", r"/attendances/?$"))
            asked_for_page_1.set()

    server, log = instrumented_server(make_server, plan=plan, before=slow_second_page)
    server.store.insert_many(entries(60))

    with TimeTrackClient(server.base_url, credentials_of(server), page_size=50) as client:
        stopper = threading.Thread(target=lambda: asked_for_page_1.wait(10) and client.stop())
        stopper.start()
        started = time.monotonic()
        with pytest.raises(NetworkError) as caught:
            client.list_attendances()
        stopper.join()

    assert caught.value.reason == "stopped"
    assert time.monotonic() - started < 5
    assert pages(log) == [("0", "50"), ("1", "50")]


@pytest.mark.timeout(20)
def test_a_broken_full_page_fails_at_once_whatever_the_next_page_does(
    make_server: MakeServer,
) -> None:
    """The next page may already be asked for when an item of this one turns out broken:
    that request is ended, not waited for, and no page after it is asked for."""
    broken = [*(wire_entry(number) for number in range(1, 50)), {"id": 50, "user": "ivan"}]
    plan = FaultPlan(Rule(Canned.json(broken), "GET", r"/attendances/?$"))

    def slow_second_page(request: Recorded) -> None:
        if request.params.get("page_number") == "1":
            plan.set(Rule(Canned.json([], delay=10.0), "GET", r"/attendances/?$"))

    server, log = instrumented_server(make_server, plan=plan, before=slow_second_page)

    with TimeTrackClient(server.base_url, credentials_of(server), page_size=50) as client:
        started = time.monotonic()
        with pytest.raises(MalformedResponseError, match="item 49 of the list"):
            client.list_attendances()

    assert time.monotonic() - started < 5
    assert pages(log) in ([("0", "50")], [("0", "50"), ("1", "50")])


def test_a_page_of_ids_in_other_shapes_is_read_before_the_next_is_asked_for(
    make_server: MakeServer,
) -> None:
    """Ids the quick look cannot read ("ID", text) leave the next page to be asked for
    after the page is read: the same requests, the same entries."""
    first = [wire_entry(0, ID=str(number)) for number in range(1, 51)]
    for item in first:
        del item["id"]
    plan = FaultPlan(Rule(Canned.json(first), "GET", r"/attendances/?$"))

    def second_page(request: Recorded) -> None:
        if request.params.get("page_number") == "1":
            plan.set(Rule(Canned.json([wire_entry(51)]), "GET", r"/attendances/?$"))

    server, log = instrumented_server(make_server, plan=plan, before=second_page)

    with TimeTrackClient(server.base_url, credentials_of(server), page_size=50) as client:
        listed = client.list_attendances()

    assert sorted(entry.id for entry in listed) == list(range(1, 52))
    assert pages(log) == [("0", "50"), ("1", "50")]


# -- filters --------------------------------------------------------------------------------


def test_the_user_filter_lists_only_that_users_entries(
    recorded: tuple[SandboxServer, list[Recorded], TimeTrackClient],
) -> None:
    _, log, client = recorded
    mine = [
        client.create_attendance(
            AttendanceDraft(
                user=user, start=BASE + timedelta(hours=hour), end=BASE + timedelta(hours=hour + 1)
            )
        )
        for hour, user in enumerate(["hansm", "ivan", "hansm", "ivan", "hansm"])
    ]

    listed = client.list_attendances(user="hansm")

    assert listed == [mine[0], mine[2], mine[4]]
    assert {entry.user for entry in client.list_attendances(user="ivan")} == {"ivan"}
    assert client.list_attendances(user="nobody") == []
    assert api_requests(log)[0].params["username"] == "hansm"


def test_the_user_filter_pages_too(client: TimeTrackClient, server: SandboxServer) -> None:
    server.store.insert_many(entries(1_100, user="hansm") + entries(30, user="ivan"))

    listed = client.list_attendances(user="hansm")

    assert len(listed) == 1_100
    assert {entry.user for entry in listed} == {"hansm"}
    assert len({entry.id for entry in listed}) == 1_100


def test_since_and_until_are_half_open(
    recorded: tuple[SandboxServer, list[Recorded], TimeTrackClient],
) -> None:
    server, log, client = recorded
    since = datetime(2020, 10, 5, 0, 0, tzinfo=UTC)
    until = datetime(2020, 10, 6, 0, 0, tzinfo=UTC)
    millisecond = timedelta(milliseconds=1)
    server.store.insert_many(
        [
            at(since - millisecond, notes="just before since"),
            at(since, notes="at since"),
            at(since + timedelta(hours=12), notes="midday"),
            at(until - millisecond, notes="just before until"),
            at(until, notes="at until"),
            at(until + millisecond, notes="just after until"),
        ]
    )

    listed = client.list_attendances(since=since, until=until)

    assert [entry.notes for entry in listed] == ["at since", "midday", "just before until"]
    (request,) = api_requests(log)
    assert request.params["from"] == "2020-10-05T00:00:00.000Z"
    assert request.params["to"] == "2020-10-05T23:59:59.999Z"
    assert request.params["to"] == format_timestamp(until - millisecond)
    assert "username" not in request.params


def test_only_since_or_only_until(client: TimeTrackClient, server: SandboxServer) -> None:
    middle = datetime(2020, 10, 5, tzinfo=UTC)
    server.store.insert_many(
        [at(middle - timedelta(hours=1)), at(middle), at(middle + timedelta(1))]
    )

    assert [e.start for e in client.list_attendances(since=middle)] == [
        middle,
        middle + timedelta(days=1),
    ]
    assert [e.start for e in client.list_attendances(until=middle)] == [middle - timedelta(hours=1)]


def test_an_empty_range_asks_the_server_nothing(
    recorded: tuple[SandboxServer, list[Recorded], TimeTrackClient],
) -> None:
    server, log, client = recorded
    server.store.insert_many([at(BASE)])

    assert client.list_attendances(since=BASE, until=BASE) == []
    assert client.list_attendances(since=BASE, until=BASE - timedelta(hours=1)) == []
    assert log == []


def test_entries_a_server_sends_outside_the_filters_are_dropped(make_server: MakeServer) -> None:
    """The client filters again, whatever the server makes of ``username``/``from``/``to``."""
    since = datetime(2020, 10, 5, tzinfo=UTC)
    until = datetime(2020, 10, 6, tzinfo=UTC)
    millisecond = timedelta(milliseconds=1)

    def item(entry_id: int, start: datetime, user: str = "ivan") -> dict[str, object]:
        moment = format_timestamp(start)
        return wire_entry(entry_id, user=user, **{"from": moment, "to": moment})

    ignoring_filters = [
        item(1, since - millisecond),
        item(2, since),
        item(3, since + timedelta(hours=1), user="hansm"),
        item(4, until - millisecond),
        item(5, until),
        item(6, since + timedelta(hours=2), user=""),
    ]
    plan = FaultPlan(Rule(Canned.json(ignoring_filters), "GET", r"/attendances/?$"))
    server, _ = instrumented_server(make_server, plan=plan)

    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        listed = client.list_attendances(user="ivan", since=since, until=until)

    assert [entry.id for entry in listed] == [2, 6, 4]


def test_an_until_with_microseconds_keeps_entries_of_its_last_millisecond(
    client: TimeTrackClient, server: SandboxServer
) -> None:
    start = datetime(2020, 10, 20, 9, 0, 0, 500_000, tzinfo=UTC)
    server.store.insert_many([at(start)])

    listed = client.list_attendances(since=BASE, until=start + timedelta(microseconds=700))

    assert [entry.start for entry in listed] == [start]


# -- October, in Berlin and in UTC ----------------------------------------------------------


def berlin(year: int, month: int, day: int, hour: int, minute: int, *, fold: int = 0) -> datetime:
    """A Berlin wall-clock time as a UTC instant (``fold=1``: the repeated hour's second)."""
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN, fold=fold).astimezone(UTC)


OCTOBER_EDGES = {
    "Sep 30 23:55 Berlin": berlin(2020, 9, 30, 23, 55),
    "Oct 1 00:05 Berlin": berlin(2020, 10, 1, 0, 5),
    "Oct 25 02:30 Berlin, summer time": berlin(2020, 10, 25, 2, 30, fold=0),
    "Oct 25 02:30 Berlin, winter time": berlin(2020, 10, 25, 2, 30, fold=1),
    "Oct 31 23:30 Berlin": berlin(2020, 10, 31, 23, 30),
    "Nov 1 00:10 Berlin": berlin(2020, 11, 1, 0, 10),
}


def test_the_edges_are_the_instants_meant() -> None:
    assert OCTOBER_EDGES["Sep 30 23:55 Berlin"] == datetime(2020, 9, 30, 21, 55, tzinfo=UTC)
    assert OCTOBER_EDGES["Oct 1 00:05 Berlin"] == datetime(2020, 9, 30, 22, 5, tzinfo=UTC)
    assert OCTOBER_EDGES["Oct 25 02:30 Berlin, summer time"] == datetime(
        2020, 10, 25, 0, 30, tzinfo=UTC
    )
    assert OCTOBER_EDGES["Oct 25 02:30 Berlin, winter time"] == datetime(
        2020, 10, 25, 1, 30, tzinfo=UTC
    )
    assert OCTOBER_EDGES["Oct 31 23:30 Berlin"] == datetime(2020, 10, 31, 22, 30, tzinfo=UTC)
    assert OCTOBER_EDGES["Nov 1 00:10 Berlin"] == datetime(2020, 10, 31, 23, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "expected", "sent_from", "sent_to"),
    [
        (
            BERLIN,
            [
                "Oct 1 00:05 Berlin",
                "Oct 25 02:30 Berlin, summer time",
                "Oct 25 02:30 Berlin, winter time",
                "Oct 31 23:30 Berlin",
            ],
            "2020-09-30T22:00:00.000Z",
            "2020-10-31T22:59:59.999Z",
        ),
        (
            UTC,
            [
                "Oct 25 02:30 Berlin, summer time",
                "Oct 25 02:30 Berlin, winter time",
                "Oct 31 23:30 Berlin",
                "Nov 1 00:10 Berlin",
            ],
            "2020-10-01T00:00:00.000Z",
            "2020-10-31T23:59:59.999Z",
        ),
    ],
    ids=["Europe/Berlin", "UTC"],
)
def test_october_across_the_dst_switch(
    recorded: tuple[SandboxServer, list[Recorded], TimeTrackClient],
    zone: tzinfo,
    expected: list[str],
    sent_from: str,
    sent_to: str,
) -> None:
    server, log, client = recorded
    server.store.insert_many(at(moment, notes=name) for name, moment in OCTOBER_EDGES.items())
    since, until = DayRange(date(2020, 10, 1), date(2020, 10, 31)).utc_bounds(zone)

    listed = client.list_attendances(since=since, until=until)

    assert [entry.notes for entry in listed] == expected
    (request,) = api_requests(log)
    assert (request.params["from"], request.params["to"]) == (sent_from, sent_to)
