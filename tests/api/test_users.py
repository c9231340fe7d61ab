"""The employee directory through real HTTP: every page, every documented spelling, and a
server or key without ``users``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.api.faults import Canned, FaultPlan, Rule, instrumented_server
from tests.api.staff import staffed
from tests.conftest import credentials_of
from timeclock.api.client import TimeTrackClient
from timeclock.api.errors import (
    MalformedResponseError,
    NetworkError,
    NotFoundError,
    TimeTrackError,
    UnavailableError,
)
from timeclock.api.users import find_user, get_user, list_users
from timeclock.domain.people import Employee
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.people_quirks import PeopleQuirks

MakeServer = Callable[..., SandboxServer]


@pytest.fixture
def staff_server(server: SandboxServer) -> SandboxServer:
    staffed(server)
    return server


def test_all_users_with_names_and_personal_numbers(
    staff_server: SandboxServer, client: TimeTrackClient
) -> None:
    users = list_users(client)

    assert [user.username for user in users] == ["lenab", "hansm", "ivan"]  # by last name
    hans = users[1]
    assert hans == Employee(
        username="hansm",
        first_name="Hans",
        last_name="Müller",
        personal_number="1001",
        email="",
        id=1,
        enabled=True,
        admin=True,
        team_lead=False,
    )
    assert users[2].personal_number == "A-17"


def test_every_page_is_read(server: SandboxServer) -> None:
    directory = server.directory
    directory.reset()
    for number in range(130):
        directory.add_user(f"u{number:03}", "First", f"Last{number:03}")

    with TimeTrackClient(server.base_url, credentials_of(server), page_size=50) as client:
        users = list_users(client)

    assert len(users) == 130
    assert len({user.id for user in users}) == 130


@pytest.mark.parametrize(
    "quirks",
    [
        PeopleQuirks(id_key="ID"),
        PeopleQuirks(numbers_as_text=True),
        PeopleQuirks(id_key="ID", numbers_as_text=True),
    ],
    ids=["ID", "numbers-as-text", "both"],
)
def test_every_documented_spelling_reads_the_same(
    staff_server: SandboxServer, client: TimeTrackClient, quirks: PeopleQuirks
) -> None:
    plain = list_users(client)
    staff_server.directory.quirks = quirks

    assert list_users(client) == plain
    assert get_user(client, 1) == plain[1]


def test_find_by_name_in_any_case(staff_server: SandboxServer, client: TimeTrackClient) -> None:
    found = find_user(client, " IVAN ")
    assert found is not None
    assert found.full_name == "Ivan Petrov"
    assert find_user(client, "nobody") is None
    assert find_user(client, "  ") is None


def test_find_survives_a_server_that_ignores_the_filter(
    make_server: MakeServer,
) -> None:
    plan = FaultPlan()
    server, log = instrumented_server(make_server, plan=plan)
    staffed(server)
    server.directory.quirks = PeopleQuirks(user_filter="user")  # `username` is ignored

    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        found = find_user(client, "ivan")

    assert found is not None and found.username == "ivan"
    (request,) = [r for r in log if r.path.endswith("/users")]
    assert request.params["username"] == "ivan"
    assert (request.params["page_number"], request.params["limit"]) == ("0", "1000")


def test_an_unknown_id_is_not_found(staff_server: SandboxServer, client: TimeTrackClient) -> None:
    with pytest.raises(NotFoundError):
        get_user(client, 99)


@pytest.mark.parametrize(
    ("quirks", "forbidden"),
    [
        (PeopleQuirks.without("users"), False),
        (PeopleQuirks(forbidden=frozenset({"users"})), True),
    ],
    ids=["404", "403"],
)
def test_a_server_or_key_without_users_is_unavailable_not_an_error(
    staff_server: SandboxServer,
    client: TimeTrackClient,
    quirks: PeopleQuirks,
    forbidden: bool,
) -> None:
    staff_server.directory.quirks = quirks

    with pytest.raises(UnavailableError) as caught:
        list_users(client)

    assert (caught.value.resource, caught.value.forbidden) == ("users", forbidden)
    assert "users" in str(caught.value) and "works on without it" in str(caught.value)
    assert isinstance(caught.value, TimeTrackError)
    with pytest.raises(UnavailableError):
        find_user(client, "ivan")
    assert client.list_attendances() == []  # attendances still work


def test_a_401_on_users_alone_is_unavailable(make_server: MakeServer) -> None:
    plan = FaultPlan(Rule(Canned.error(401, "Unauthorized"), path="/users"))
    server, _ = instrumented_server(make_server, plan=plan)

    with (
        TimeTrackClient(server.base_url, credentials_of(server)) as client,
        pytest.raises(UnavailableError) as caught,
    ):
        list_users(client)
    assert caught.value.forbidden is True
    assert caught.value.status == 401


def test_a_network_failure_is_not_unavailable(server: SandboxServer) -> None:
    with (
        TimeTrackClient("http://127.0.0.1:9/api/v2/ext", credentials_of(server)) as client,
        pytest.raises(NetworkError) as caught,
    ):
        list_users(client)
    assert not isinstance(caught.value, UnavailableError)


@pytest.mark.parametrize(
    "body",
    [{"data": [{"id": 1, "username": "hansm"}]}, {"users": [{"ID": "1", "user": "hansm"}]}],
)
def test_common_envelopes_are_read(make_server: MakeServer, body: object) -> None:
    plan = FaultPlan(Rule(Canned.json(body), path="/users"))
    server, _ = instrumented_server(make_server, plan=plan)

    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        assert [user.username for user in list_users(client)] == ["hansm"]


@pytest.mark.parametrize(
    "body",
    [{"total": 3}, [1, 2], [{"firstName": "no user name"}], [{"username": "x", "admin": "yes"}]],
)
def test_what_is_no_user_list_is_a_clear_error(make_server: MakeServer, body: object) -> None:
    plan = FaultPlan(Rule(Canned.json(body), path="/users"))
    server, _ = instrumented_server(make_server, plan=plan)

    with (
        TimeTrackClient(server.base_url, credentials_of(server)) as client,
        pytest.raises(MalformedResponseError, match="cannot read"),
    ):
        list_users(client)


def test_a_server_that_ignores_page_number_is_stopped(server: SandboxServer) -> None:
    directory = server.directory
    directory.reset()
    for number in range(7):
        directory.add_user(f"u{number}", "F", "L")
    directory.quirks = PeopleQuirks(ignore_page_number=True)

    with (
        TimeTrackClient(server.base_url, credentials_of(server), page_size=3) as client,
        pytest.raises(MalformedResponseError, match="same page"),
    ):
        list_users(client)
