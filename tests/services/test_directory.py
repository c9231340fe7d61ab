"""The employee directory service against the sandbox: read once, looked up by any name,
and "not available" with its reason where the key or server has no ``users``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.api.faults import instrumented_server
from tests.api.staff import staffed
from tests.conftest import credentials_of
from timeclock.api.client import TimeTrackClient
from timeclock.api.errors import NetworkError
from timeclock.domain.people import Employee
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.people_quirks import PeopleQuirks
from timeclock.services.directory import (
    DirectoryService,
    DirectoryUnavailable,
    EmployeeDirectory,
    label,
    picker_text,
    search_text,
)

MakeServer = Callable[..., SandboxServer]


def loaded(client: TimeTrackClient) -> EmployeeDirectory:
    answer = DirectoryService(client).load()
    assert isinstance(answer, EmployeeDirectory)
    return answer


def usernames(employees: list[Employee]) -> list[str]:
    return [employee.username for employee in employees]


def test_the_directory_is_read_once_per_account(make_server: MakeServer) -> None:
    server, log = instrumented_server(make_server)
    staffed(server)
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        service = DirectoryService(client)
        first = service.load()
        server.directory.quirks = PeopleQuirks.without("users")  # a second read would fail
        again = service.load()
        fresh = service.load(again=True)

    assert isinstance(first, EmployeeDirectory)
    assert again is first
    assert len([r for r in log if r.path.endswith("/users")]) == 2  # the first and `again`
    assert isinstance(fresh, DirectoryUnavailable)
    assert service.answer is fresh


def test_lookups_by_user_name_in_any_case(server: SandboxServer, client: TimeTrackClient) -> None:
    staffed(server)
    directory = loaded(client)

    assert len(directory) == 3
    hans = directory.get(" HANSM ")
    assert hans is not None and hans.full_name == "Hans Müller"
    assert directory.get("nobody") is None
    assert directory.name_of("hansm") == "Müller, Hans"
    assert directory.name_of("IVAN") == "Petrov, Ivan"
    assert directory.name_of("someone") == "someone"  # unknown: the user name itself
    assert directory.names() == {
        "hansm": "Müller, Hans",
        "ivan": "Petrov, Ivan",
        "lenab": "Becker, Lena",
    }
    assert usernames(list(directory.employees)) == ["lenab", "hansm", "ivan"]  # by name


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("hans", ["hansm"]),  # first name (and user name)
        ("müll", ["hansm"]),  # last name
        ("MÜLLER", ["hansm"]),  # any case
        ("1001", ["hansm"]),  # personal number
        ("a-17", ["ivan"]),  # a personal number with letters
        ("Ivan Petrov", ["ivan"]),  # the full name
        ("Becker, Lena", ["lenab"]),  # last name first
        ("a", ["ivan", "lenab", "hansm"]),  # starting a field first, then the rest
        ("xyz", []),
    ],
)
def test_type_ahead_matches(
    server: SandboxServer, client: TimeTrackClient, typed: str, expected: list[str]
) -> None:
    staffed(server)
    assert usernames(loaded(client).matches(typed)) == expected


def test_matches_are_limited(server: SandboxServer, client: TimeTrackClient) -> None:
    server.directory.reset()
    for number in range(80):
        server.directory.add_user(f"u{number:02}", "Sam", f"Name{number:02}")
    directory = loaded(client)
    assert len(directory.matches("sam")) == 50
    assert usernames(directory.matches("sam", limit=2)) == ["u00", "u01"]


def test_a_name_or_number_that_only_one_employee_has_resolves_to_the_user(
    server: SandboxServer, client: TimeTrackClient
) -> None:
    staffed(server)
    server.directory.add_user("hmueller", "Hans", "Müller", personal_number=2002)
    directory = loaded(client)

    def resolved(text: str) -> str | None:
        employee = directory.resolve(text)
        return None if employee is None else employee.username

    assert resolved("IVAN") == "ivan"
    assert resolved("Ivan Petrov") == "ivan"
    assert resolved("Petrov, Ivan") == "ivan"
    assert resolved("2002") == "hmueller"
    assert resolved("Hans Müller") is None  # two of them: the person must pick
    assert resolved("Petro") is None  # a part names nobody for sure
    assert resolved("  ") is None


@pytest.mark.parametrize(
    ("quirks", "forbidden", "status", "says"),
    [
        (PeopleQuirks(forbidden=frozenset({"users"})), True, 403, "may not read"),
        (PeopleQuirks.without("users"), False, 404, "does not offer"),
    ],
    ids=["forbidden", "absent"],
)
def test_without_users_the_answer_says_why(
    server: SandboxServer,
    client: TimeTrackClient,
    quirks: PeopleQuirks,
    forbidden: bool,
    status: int,
    says: str,
) -> None:
    staffed(server)
    server.directory.quirks = quirks
    answer = DirectoryService(client).load()

    assert isinstance(answer, DirectoryUnavailable)
    assert (answer.forbidden, answer.status) == (forbidden, status)
    assert says in answer.message and "employee directory" in answer.message


def test_a_network_failure_is_raised_and_not_kept(server: SandboxServer) -> None:
    with TimeTrackClient("http://127.0.0.1:9/api/v2/ext", credentials_of(server)) as client:
        service = DirectoryService(client)
        with pytest.raises(NetworkError):
            service.load()
        assert service.answer is None  # the next load asks again


def test_how_employees_are_named() -> None:
    full = Employee("hansm", "Hans", "Müller", personal_number="1001")
    assert label(full) == "Müller, Hans"
    assert picker_text(full) == "Müller, Hans (hansm · #1001)"
    assert picker_text(Employee("ivan", "Ivan", "Petrov")) == "Petrov, Ivan (ivan)"
    assert label(Employee("cher", first_name="Cher")) == "Cher"
    bare = Employee("x1", personal_number="7")
    assert label(bare) == "x1"
    assert picker_text(bare) == "x1 · #7"


def test_the_search_text_finds_within_a_field_not_across_two() -> None:
    text = search_text(Employee("hansm", "Hans", "Müller", personal_number="1001"))
    for part in ("hansm", "müller", "1001", "hans müller", "müller, hans"):
        assert part in text
    assert "hansmhans" not in text  # the end of one field and the start of the next
    assert "1001 hans" not in text and "1001hans" not in text
