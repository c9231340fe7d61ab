"""Absences through real HTTP: filters, every documented spelling, and servers without them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.api.faults import instrumented_server
from tests.api.staff import staffed
from tests.conftest import credentials_of
from timeclock.api.absences import get_absence, list_absences
from timeclock.api.client import TimeTrackClient
from timeclock.api.errors import NotFoundError, UnavailableError
from timeclock.domain.people import Absence, AbsenceStatus
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.people_quirks import PeopleQuirks

MakeServer = Callable[..., SandboxServer]
MAY = {"first_day": date(2024, 5, 1), "last_day": date(2024, 5, 31)}


@pytest.fixture
def staff_server(server: SandboxServer) -> SandboxServer:
    staffed(server)
    return server


def test_absences_of_a_range_as_records(
    staff_server: SandboxServer, client: TimeTrackClient
) -> None:
    found = list_absences(client, **MAY)

    assert found == [
        Absence("hansm", date(2024, 5, 6), date(2024, 5, 8), 1, "U", AbsenceStatus.APPROVED, 1),
        Absence("ivan", date(2024, 5, 7), date(2024, 5, 7), 2, "K", AbsenceStatus.APPROVED, 2),
    ]
    assert found[0].covers(date(2024, 5, 8)) and not found[0].covers(date(2024, 5, 9))
    pending = list_absences(client, user="hansm", first_day=date(2024, 6, 1))
    assert [(a.type_name, a.pending) for a in pending] == [("K", True)]


def test_one_user_and_one_type(staff_server: SandboxServer, client: TimeTrackClient) -> None:
    assert [a.id for a in list_absences(client, user="HansM")] == [1, 3]
    assert [a.id for a in list_absences(client, type_id=2)] == [2, 3]


@pytest.mark.parametrize(
    "quirks",
    [
        PeopleQuirks(id_key="ID"),
        PeopleQuirks(user_key="username"),
        PeopleQuirks(numbers_as_text=True),
        PeopleQuirks(user_filter="user"),
        PeopleQuirks(user_filter="username"),
    ],
    ids=["ID", "username-key", "numbers-as-text", "only-user-filter", "only-username-filter"],
)
def test_every_documented_variant_gives_the_same_absences(
    staff_server: SandboxServer, client: TimeTrackClient, quirks: PeopleQuirks
) -> None:
    plain = list_absences(client, user="ivan", **MAY)
    staff_server.directory.quirks = quirks

    assert list_absences(client, user="ivan", **MAY) == plain
    assert get_absence(client, 2) == plain[0]


def test_dates_go_out_as_dates_and_the_user_under_both_names(make_server: MakeServer) -> None:
    server, log = instrumented_server(make_server)
    staffed(server)

    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        list_absences(client, user="ivan", **MAY)

    (request,) = [r for r in log if r.path.endswith("/absences")]
    assert request.params["from"] == "2024-05-01"
    assert request.params["to"] == "2024-05-31"
    assert request.params["username"] == request.params["user"] == "ivan"


def test_an_unknown_id_is_not_found(staff_server: SandboxServer, client: TimeTrackClient) -> None:
    with pytest.raises(NotFoundError):
        get_absence(client, 42)


@pytest.mark.parametrize(
    "quirks",
    [PeopleQuirks.without("absences"), PeopleQuirks(forbidden=frozenset({"absences"}))],
    ids=["404", "403"],
)
def test_no_absences_on_this_server_is_unavailable(
    staff_server: SandboxServer, client: TimeTrackClient, quirks: PeopleQuirks
) -> None:
    staff_server.directory.quirks = quirks

    with pytest.raises(UnavailableError, match="absences") as caught:
        list_absences(client, **MAY)
    assert caught.value.resource == "absences"
