"""Answers that do not match their request are garbled, never adopted.

A server that answers ``GET attendances/5`` with entry 55, an update of entry 5 with another
entry, or a create with another user's entry has sent a garbled answer: the client raises
:class:`MalformedResponseError` (which the outbox retries later) instead of returning it.
Where the answer only leaves the id or the user out, the asked-for one is filled in; user
names that differ only in case are the same user. All of it over real HTTP: the sandbox
stores what it is sent, and a middleware in front of it rewrites its answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from starlette.middleware import Middleware

from tests.api.faults import Canned, CannedResponses, FaultPlan, RewrittenAnswers, Rule, wire_entry
from tests.conftest import credentials_of
from timeclock.api.client import TimeTrackClient
from timeclock.api.errors import MalformedResponseError
from timeclock.domain.attendance import AttendanceChange, AttendanceDraft
from timeclock.domain.matching import same_user
from timeclock.sandbox import SandboxServer, ServerQuirks

START = datetime(2020, 10, 20, 7, 0, tzinfo=UTC)
DRAFT = AttendanceDraft(user="hansm", start=START, end=START + timedelta(hours=8))

MakeServer = Callable[..., SandboxServer]
Rewrite = Callable[[dict[str, object]], object]


def rewriting(make_server: MakeServer, method: str, rewrite: Rewrite) -> TimeTrackClient:
    """A client of a sandbox whose answers to ``method`` go through ``rewrite``."""
    server = make_server(middleware=[Middleware(RewrittenAnswers, method=method, rewrite=rewrite)])
    return TimeTrackClient(server.base_url, credentials_of(server))


def changed(**fields: object) -> Rewrite:
    return lambda entry: {**entry, **fields}


def without(*names: str) -> Rewrite:
    return lambda entry: {key: value for key, value in entry.items() if key not in names}


@pytest.fixture
def canned(make_server: MakeServer) -> Iterator[tuple[FaultPlan, TimeTrackClient]]:
    plan = FaultPlan()
    server = make_server(middleware=[Middleware(CannedResponses, plan=plan)])
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        yield plan, client


# -- one entry by its id --------------------------------------------------------------------


def test_a_get_answered_with_another_entry_is_garbled(
    canned: tuple[FaultPlan, TimeTrackClient],
) -> None:
    plan, client = canned
    plan.set(Rule(Canned.json(wire_entry(55)), method="GET", path=r"/attendances/5$"))

    with pytest.raises(MalformedResponseError) as raised:
        client.get_attendance(5)

    assert str(raised.value) == (
        "TimeTrack answered with entry 55 to a request for entry 5; the answer was not used."
    )
    assert raised.value.entry_id == 5


def test_a_get_answered_without_an_id_is_the_entry_asked_for(
    canned: tuple[FaultPlan, TimeTrackClient],
) -> None:
    plan, client = canned
    entry = {key: value for key, value in wire_entry(1).items() if key != "id"}
    plan.set(Rule(Canned.json(entry), method="GET", path=r"/attendances/5$"))

    assert client.get_attendance(5).id == 5


def test_a_get_answered_with_the_id_as_a_string_is_the_entry(
    canned: tuple[FaultPlan, TimeTrackClient],
) -> None:
    plan, client = canned
    plan.set(Rule(Canned.json(wire_entry(1, id="5")), method="GET", path=r"/attendances/5$"))

    assert client.get_attendance(5).id == 5


def test_a_list_without_ids_is_still_malformed(
    canned: tuple[FaultPlan, TimeTrackClient],
) -> None:
    plan, client = canned
    entry = {key: value for key, value in wire_entry(1).items() if key != "id"}
    plan.set(Rule(Canned.json([entry]), method="GET"))

    with pytest.raises(MalformedResponseError, match="'id' is missing"):
        client.list_attendances()


# -- an update ------------------------------------------------------------------------------


def test_an_update_answered_with_another_entry_is_garbled(make_server: MakeServer) -> None:
    with rewriting(make_server, "PUT", changed(id=55)) as client:
        created = client.create_attendance(DRAFT)

        with pytest.raises(
            MalformedResponseError, match=f"entry 55 to a request for entry {created.id};"
        ):
            client.update_attendance(created.id, AttendanceChange(notes="late"))


def test_an_update_answered_without_an_id_is_the_entry_changed(make_server: MakeServer) -> None:
    with rewriting(make_server, "PUT", without("id", "ID")) as client:
        created = client.create_attendance(DRAFT)

        updated = client.update_attendance(created.id, AttendanceChange(notes="late"))

    assert updated.id == created.id
    assert updated.notes == "late"


# -- a create -------------------------------------------------------------------------------


def test_a_create_answered_with_another_users_entry_is_garbled(make_server: MakeServer) -> None:
    with (
        rewriting(make_server, "POST", changed(user="otto")) as client,
        pytest.raises(MalformedResponseError) as raised,
    ):
        client.create_attendance(DRAFT)

    message = str(raised.value)
    assert message.startswith("TimeTrack answered with another user's entry 1 to a request")
    assert "hansm" in message
    assert "otto" not in message  # the server's words are not quoted


@pytest.mark.parametrize("spelling", ["HansM", "HANSM", "hansm"])
def test_a_create_answered_with_the_user_in_another_case_is_the_entry(
    make_server: MakeServer, spelling: str
) -> None:
    with rewriting(make_server, "POST", changed(user=spelling)) as client:
        created = client.create_attendance(DRAFT)

    assert created.id == 1
    assert created.user == "hansm"  # spelled as asked, so later comparisons can be exact


def test_a_create_answered_without_a_user_gets_the_drafts(make_server: MakeServer) -> None:
    with rewriting(make_server, "POST", without("user", "username", "userName")) as client:
        created = client.create_attendance(DRAFT)

    assert created.user == "hansm"
    assert created.start == START


def test_a_create_answered_without_an_id_is_malformed(make_server: MakeServer) -> None:
    # Nothing names the id here: there is no entry to adopt.
    with (
        rewriting(make_server, "POST", without("id", "ID")) as client,
        pytest.raises(MalformedResponseError, match="'id' is missing"),
    ):
        client.create_attendance(DRAFT)


# -- a list for one user --------------------------------------------------------------------


def test_a_list_for_a_user_keeps_the_users_entries_in_any_case_and_drops_others(
    canned: tuple[FaultPlan, TimeTrackClient],
) -> None:
    plan, client = canned
    entries = [
        wire_entry(1, user="HansM"),
        wire_entry(2, user="otto"),
        {key: value for key, value in wire_entry(3).items() if key != "user"},
        wire_entry(4, user="hansm"),
    ]
    plan.set(Rule(Canned.json(entries), method="GET"))

    listed = client.list_attendances(user="hansm")

    assert [(entry.id, entry.user) for entry in listed] == [
        (1, "hansm"),
        (3, "hansm"),
        (4, "hansm"),
    ]


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [("HansM", "hansm", True), ("straße", "STRASSE", True), ("hansm", "hans", False)],
)
def test_same_user_ignores_case_only(one: str, other: str, same: bool) -> None:
    assert same_user(one, other) is same


# -- the sandbox's own quirks -----------------------------------------------------------------


def test_the_wrong_id_quirk_is_never_adopted(make_server: MakeServer) -> None:
    server = make_server()
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        created = client.create_attendance(DRAFT)
        server.quirks = ServerQuirks(wrong_id=True)

        with pytest.raises(MalformedResponseError, match=f"to a request for entry {created.id};"):
            client.get_attendance(created.id)
        with pytest.raises(MalformedResponseError, match=f"to a request for entry {created.id};"):
            client.update_attendance(created.id, AttendanceChange(notes="late"))


def test_the_wrong_user_quirk_is_never_adopted(make_server: MakeServer) -> None:
    server = make_server(quirks=ServerQuirks(wrong_user=True))
    with (
        TimeTrackClient(server.base_url, credentials_of(server)) as client,
        pytest.raises(MalformedResponseError, match="another user's entry 1 to a request"),
    ):
        client.create_attendance(DRAFT)

    assert [entry.user for entry in server.store.all()] == ["hansm"]  # stored right
