"""The client's six operations against the real sandbox, over HTTP on loopback.

Every test checks two sides: what the client returns, and what the server actually stored
(``server.store``) or received (a :class:`~tests.api.faults.Recorder` in front of it).
Also here: the headers every request carries and what the constructor refuses.
"""

from __future__ import annotations

import dataclasses
import ssl
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from starlette.middleware import Middleware

from tests.api.faults import (
    Canned,
    EmptyAnswers,
    FaultPlan,
    Recorded,
    Rule,
    instrumented_middleware,
    instrumented_server,
    wire_entry,
)
from tests.conftest import credentials_of
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.endpoint import EndpointError
from timeclock.api.errors import NotFoundError
from timeclock.domain.attendance import Attendance, AttendanceChange, AttendanceDraft, Location
from timeclock.sandbox import KEY_HEADER, SECRET_HEADER, SandboxServer

START = datetime(2020, 10, 20, 7, 0, tzinfo=UTC)
END = START + timedelta(hours=8, minutes=30)
MUNICH = Location(48.137154, 11.576124)
SYDNEY = Location(-33.8688, 151.2093)

MakeServer = Callable[..., SandboxServer]


def draft(**changes: object) -> AttendanceDraft:
    """A day's entry for ivan, 07:00-15:30 UTC with 30 minutes of break; ``changes`` apply."""
    base = AttendanceDraft(user="ivan", start=START, end=END, break_minutes=30)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def recorded(
    make_server: MakeServer,
) -> Iterator[tuple[SandboxServer, list[Recorded], TimeTrackClient]]:
    """A server of its own whose requests are recorded, and a client connected to it."""
    server, log = instrumented_server(make_server)
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        yield server, log, client


# -- create ---------------------------------------------------------------------------------


NOTES = "Frühschicht, Grüße 😀"


def test_create_returns_the_entry_as_stored_with_its_id(
    client: TimeTrackClient, server: SandboxServer
) -> None:
    created = client.create_attendance(draft(notes=NOTES))

    assert created == Attendance(
        id=1,
        user="ivan",
        start=START,
        end=END,
        break_minutes=30,
        notes=NOTES,
        manual=True,
        worked_minutes=480,
    )
    (stored,) = server.store.all()
    assert (stored.id, stored.user, stored.start, stored.end) == (1, "ivan", START, END)
    assert (stored.break_minutes, stored.notes, stored.manual) == (30, NOTES, True)


def test_create_sends_username_and_the_objects_field_names(
    recorded: tuple[SandboxServer, list[Recorded], TimeTrackClient],
) -> None:
    server, log, client = recorded

    client.create_attendance(draft(notes="Das ist ein Test"))

    (request,) = log
    assert (request.method, request.path) == ("POST", "/api/v2/ext/attendances")
    assert request.json() == {
        "username": "ivan",
        "from": "2020-10-20T07:00:00.000Z",
        "to": "2020-10-20T15:30:00.000Z",
        "breakMinutes": 30,
        "notes": "Das ist ein Test",
        "manual": True,
    }
    assert server.store.all()[0].user == "ivan"


@pytest.mark.parametrize(
    ("changes", "manual"),
    [({}, True), ({"manual": True}, True), ({"manual": False}, False)],
    ids=["default", "manual", "stamped"],
)
def test_manual_defaults_to_true_and_is_stored_as_sent(
    client: TimeTrackClient, server: SandboxServer, changes: dict[str, object], manual: bool
) -> None:
    created = client.create_attendance(draft(**changes))

    assert created.manual is manual
    assert server.store.all()[0].manual is manual


def test_a_stamp_in_creates_an_open_entry(client: TimeTrackClient, server: SandboxServer) -> None:
    created = client.create_attendance(
        AttendanceDraft(user="ivan", start=START, end=START, manual=False)
    )

    assert created.is_open
    assert created.worked_minutes == 0
    (stored,) = server.store.all()
    assert stored.start == stored.end == START
    assert stored.manual is False


def test_coordinates_are_written_and_read_back_as_floats(
    client: TimeTrackClient, server: SandboxServer
) -> None:
    created = client.create_attendance(draft(start_location=MUNICH, end_location=SYDNEY))

    (stored,) = server.store.all()
    assert (stored.latitude_start, stored.longitude_start) == (48.137154, 11.576124)
    assert (stored.latitude_end, stored.longitude_end) == (-33.8688, 151.2093)
    fetched = client.get_attendance(created.id)
    for entry in (created, fetched):
        assert entry.start_location == MUNICH
        assert entry.end_location == SYDNEY
        assert entry.start_location is not None and entry.end_location is not None
        for value in (*dataclasses.astuple(entry.start_location), entry.end_location.latitude):
            assert type(value) is float


def test_coordinates_arrive_as_a_number_and_as_strings(
    client: TimeTrackClient, server: SandboxServer
) -> None:
    """The vendor types latitudeStart Number and the others Text; the sandbox does too."""
    created = client.create_attendance(draft(start_location=MUNICH, end_location=SYDNEY))
    headers = {KEY_HEADER: server.api_key, SECRET_HEADER: server.api_secret}

    raw = httpx.get(f"{server.base_url}/attendances/{created.id}", headers=headers).json()

    assert isinstance(raw["latitudeStart"], float)
    assert [raw[key] for key in ("longitudeStart", "latitudeEnd", "longitudeEnd")] == [
        "11.576124",
        "-33.8688",
        "151.2093",
    ]
    assert client.get_attendance(created.id).end_location == Location(-33.8688, 151.2093)


# -- get ------------------------------------------------------------------------------------


def test_get_returns_what_create_returned(client: TimeTrackClient) -> None:
    client.create_attendance(draft(user="hansm"))
    created = client.create_attendance(draft(notes="zweiter", break_minutes=45))

    assert client.get_attendance(created.id) == created
    assert created.id == 2
    assert created.worked_minutes == 465


def test_get_of_an_unknown_id_is_not_found(client: TimeTrackClient) -> None:
    with pytest.raises(NotFoundError, match=r"^Entry 42 was not found") as caught:
        client.get_attendance(42)

    assert caught.value.status == 404
    assert "TimeEntry not found" in str(caught.value)


# -- update ---------------------------------------------------------------------------------


def test_update_of_only_the_notes_sends_only_the_notes(
    recorded: tuple[SandboxServer, list[Recorded], TimeTrackClient],
) -> None:
    server, log, client = recorded
    created = client.create_attendance(draft(notes="alt", manual=False))

    updated = client.update_attendance(created.id, AttendanceChange(notes="Das ist ein Test Notiz"))

    request = log[-1]
    assert (request.method, request.path) == ("PUT", f"/api/v2/ext/attendances/{created.id}")
    assert request.json() == {"notes": "Das ist ein Test Notiz"}
    assert updated == dataclasses.replace(created, notes="Das ist ein Test Notiz")
    (stored,) = server.store.all()
    assert (stored.notes, stored.start, stored.end) == ("Das ist ein Test Notiz", START, END)
    assert (stored.break_minutes, stored.manual, stored.user) == (30, False, "ivan")


def test_update_of_only_the_end_sends_only_to(
    recorded: tuple[SandboxServer, list[Recorded], TimeTrackClient],
) -> None:
    server, log, client = recorded
    created = client.create_attendance(draft(notes="bleibt"))
    new_end = datetime(2020, 10, 20, 23, 0, tzinfo=UTC)

    updated = client.update_attendance(created.id, AttendanceChange(end=new_end))

    assert log[-1].json() == {"to": "2020-10-20T23:00:00.000Z"}
    assert updated.end == new_end
    assert updated.worked_minutes == 16 * 60 - 30
    (stored,) = server.store.all()
    assert (stored.start, stored.end, stored.notes) == (START, new_end, "bleibt")


def test_update_sends_a_break_of_zero(
    recorded: tuple[SandboxServer, list[Recorded], TimeTrackClient],
) -> None:
    server, log, client = recorded
    created = client.create_attendance(draft(break_minutes=30))

    updated = client.update_attendance(created.id, AttendanceChange(break_minutes=0))

    assert log[-1].json() == {"breakMinutes": 0}
    assert updated.break_minutes == 0
    assert updated.worked_minutes == 510
    assert server.store.all()[0].break_minutes == 0


def test_no_update_ever_sends_the_user(
    recorded: tuple[SandboxServer, list[Recorded], TimeTrackClient],
) -> None:
    server, log, client = recorded
    created = client.create_attendance(draft())
    everything = AttendanceChange(
        start=START - timedelta(hours=1),
        end=END + timedelta(hours=1),
        break_minutes=60,
        notes="alles",
        manual=False,
    )

    client.update_attendance(created.id, everything)

    body = log[-1].json()
    assert isinstance(body, dict)
    assert set(body) == {"from", "to", "breakMinutes", "notes", "manual"}
    (stored,) = server.store.all()
    assert stored == dataclasses.replace(
        stored,
        user="ivan",
        start=START - timedelta(hours=1),
        end=END + timedelta(hours=1),
        break_minutes=60,
        notes="alles",
        manual=False,
    )


@pytest.mark.parametrize("status", [200, 204])
def test_an_update_answered_without_a_body_is_fetched_again(
    make_server: MakeServer, status: int
) -> None:
    log: list[Recorded] = []
    server = make_server(
        middleware=[
            *instrumented_middleware(log),
            Middleware(EmptyAnswers, method="PUT", status=status),
        ]
    )
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        created = client.create_attendance(draft())

        updated = client.update_attendance(created.id, AttendanceChange(notes="nachgereicht"))

    assert updated == dataclasses.replace(created, notes="nachgereicht")
    assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in log] == [
        ("POST", "attendances"),
        ("PUT", str(created.id)),
        ("GET", str(created.id)),
    ]


def test_update_of_an_unknown_id_is_not_found(client: TimeTrackClient) -> None:
    with pytest.raises(NotFoundError, match="Entry 7 was not found"):
        client.update_attendance(7, AttendanceChange(notes="x"))


# -- delete ---------------------------------------------------------------------------------


def test_delete_then_get_is_not_found_with_the_vendors_title(
    client: TimeTrackClient, server: SandboxServer
) -> None:
    keep = client.create_attendance(draft(user="hansm"))
    gone = client.create_attendance(draft())

    client.delete_attendance(gone.id)

    with pytest.raises(NotFoundError) as caught:
        client.get_attendance(gone.id)
    assert caught.value.status == 404
    assert "TimeEntry exist but it is deleted" in str(caught.value)
    assert [entry.id for entry in server.store.all()] == [keep.id]
    assert [(e.id, e.deleted) for e in server.store.all(include_deleted=True)] == [
        (keep.id, False),
        (gone.id, True),
    ]
    assert client.list_attendances() == [keep]


def test_deleting_twice_says_it_is_deleted(client: TimeTrackClient) -> None:
    created = client.create_attendance(draft())
    client.delete_attendance(created.id)

    with pytest.raises(NotFoundError, match="TimeEntry exist but it is deleted"):
        client.delete_attendance(created.id)


def test_delete_of_an_unknown_id_is_not_found(
    client: TimeTrackClient, server: SandboxServer
) -> None:
    client.create_attendance(draft())

    with pytest.raises(NotFoundError, match=r"^Entry 999 was not found") as caught:
        client.delete_attendance(999)

    assert caught.value.status == 404
    assert server.store.count() == 1


# -- list -----------------------------------------------------------------------------------


def test_list_returns_every_entry_in_time_order(client: TimeTrackClient) -> None:
    later = client.create_attendance(draft(start=START + timedelta(days=1), end=END + timedelta(1)))
    earlier = client.create_attendance(draft(user="hansm"))
    earliest = client.create_attendance(draft(start=START - timedelta(days=3), end=START))

    assert client.list_attendances() == [earliest, earlier, later]


def test_list_of_an_empty_account_is_empty(client: TimeTrackClient) -> None:
    assert client.list_attendances() == []


def test_a_server_with_the_data_envelope_lists_fine(make_server: MakeServer) -> None:
    server = make_server(envelope="data")
    headers = {KEY_HEADER: server.api_key, SECRET_HEADER: server.api_secret}
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        created = [
            client.create_attendance(draft(start=START + timedelta(days=day), end=END))
            for day in (0, -1)
        ]

        listed = client.list_attendances()

    raw = httpx.get(f"{server.base_url}/attendances", headers=headers).json()
    assert isinstance(raw, dict)
    assert [item["id"] for item in raw["data"]] == [2, 1]
    assert listed == created[::-1]


VENDOR_SPELLINGS = {
    "ID": "7",
    "username": "hansm",
    "from": "2020-10-17T10:00:00Z",
    "to": "2020-10-17T14:00:00+00:00",
    "minutesBreak": "15",
    "details": "Das ist ein Test",
    "manual": "1",
    "workedMinutes": "225",
    "latitudeStart": "48.137",
    "longitudeStart": 11.575,
    "latitudeEnd": 48.2,
    "longitudeEnd": "11.6",
}
VENDOR_ENTRY = Attendance(
    id=7,
    user="hansm",
    start=datetime(2020, 10, 17, 10, 0, tzinfo=UTC),
    end=datetime(2020, 10, 17, 14, 0, tzinfo=UTC),
    break_minutes=15,
    notes="Das ist ein Test",
    manual=True,
    worked_minutes=225,
    start_location=Location(48.137, 11.575),
    end_location=Location(48.2, 11.6),
)


@pytest.mark.parametrize(
    "envelope",
    [
        lambda items: items,
        lambda items: {"data": items},
        lambda items: {"attendances": items},
        lambda items: {"data": {"items": items}},
    ],
    ids=["array", "data", "attendances", "data.items"],
)
def test_a_list_in_the_examples_spellings_and_a_known_envelope_is_read(
    make_server: MakeServer, envelope: Callable[[list[object]], object]
) -> None:
    plan = FaultPlan(Rule(Canned.json(envelope([VENDOR_SPELLINGS])), "GET", r"/attendances/?$"))
    server, _ = instrumented_server(make_server, plan=plan)
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        assert client.list_attendances() == [VENDOR_ENTRY]


def test_one_entry_in_the_examples_spellings_is_read(make_server: MakeServer) -> None:
    plan = FaultPlan(Rule(Canned.json(VENDOR_SPELLINGS), "GET", r"/attendances/7$"))
    server, _ = instrumented_server(make_server, plan=plan)
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        assert client.get_attendance(7) == VENDOR_ENTRY


def test_a_list_of_documented_objects_is_read(make_server: MakeServer) -> None:
    items = [wire_entry(3, user="ivan"), wire_entry(4, user="hansm", notes="Arzttermin")]
    plan = FaultPlan(Rule(Canned.json(items), "GET"))
    server, _ = instrumented_server(make_server, plan=plan)
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        listed = client.list_attendances()

    assert [(e.id, e.user, e.notes, e.worked_minutes) for e in listed] == [
        (3, "ivan", "", 480),
        (4, "hansm", "Arzttermin", 480),
    ]


# -- what every request carries, and what the constructor refuses ---------------------------


def test_every_operation_sends_the_auth_headers_json_and_a_user_agent(
    recorded: tuple[SandboxServer, list[Recorded], TimeTrackClient],
) -> None:
    server, log, client = recorded
    created = client.create_attendance(draft())
    client.get_attendance(created.id)
    client.update_attendance(created.id, AttendanceChange(notes="x"))
    client.list_attendances(user="ivan", since=START, until=END)
    client.delete_attendance(created.id)

    assert [request.method for request in log] == ["POST", "GET", "PUT", "GET", "DELETE"]
    for request in log:
        assert request.header("x-timetrack-api-key") == server.api_key
        assert request.header("x-timetrack-api-secret") == server.api_secret
        assert request.header("content-type") == "application/json"
        assert request.header("accept") == "application/json"
        user_agent = request.header("user-agent")
        assert user_agent is not None
        assert user_agent.startswith("TimeClock/")


@pytest.mark.parametrize("verify", [False, None, 0], ids=repr)
def test_tls_verification_cannot_be_switched_off(server: SandboxServer, verify: object) -> None:
    with pytest.raises(TypeError, match="cannot be switched off"):
        TimeTrackClient(server.base_url, credentials_of(server), verify=verify)  # type: ignore[arg-type]


def test_an_ssl_context_with_other_trusted_certificates_is_accepted(server: SandboxServer) -> None:
    with TimeTrackClient(
        server.base_url, credentials_of(server), verify=ssl.create_default_context()
    ) as client:
        assert client.list_attendances() == []


def test_repr_names_the_url_and_no_secret(server: SandboxServer) -> None:
    credentials = Credentials("the-api-key-123", "the-api-secret-456")
    with TimeTrackClient(server.base_url, credentials) as client:
        text = repr(client)

    assert server.base_url in text
    assert "the-api-secret-456" not in text
    assert "the-api-key-123" not in text


@pytest.mark.parametrize(
    "url",
    [
        "http://testkonto.timetrackenterprise.com",
        "http://example.com/api/v2/ext",
        "http://192.0.2.10:8080",
        "http://10.0.0.1",
        "ftp://127.0.0.1",
    ],
)
def test_a_url_that_would_send_the_secret_in_clear_is_refused(url: str) -> None:
    with pytest.raises(EndpointError):
        TimeTrackClient(url, Credentials("key", "secret"))


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
def test_plain_http_to_this_machine_is_allowed(host: str) -> None:
    with TimeTrackClient(f"http://{host}:8123", Credentials("key", "secret")) as client:
        assert client.base_url == f"http://{host}:8123/api/v2/ext"
