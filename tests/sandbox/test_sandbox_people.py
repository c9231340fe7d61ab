"""users and absences over real HTTP: lists, paging, filters, one by id, and every quirk."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest

from timeclock.sandbox import SandboxServer
from timeclock.sandbox.directory import APPROVED, PENDING, SICK, VACATION, Directory
from timeclock.sandbox.people_quirks import PeopleQuirks

from .conftest import ExpectError, auth_headers


@pytest.fixture
def directory(sandbox: SandboxServer) -> Directory:
    """The session server's directory, emptied, with every quirk off."""
    sandbox.directory.reset()
    return sandbox.directory


@pytest.fixture
def staff(directory: Directory) -> Directory:
    directory.add_user("hansm", "Hans", "Müller", personal_number=1001, admin=True)
    directory.add_user("ivan", "Ivan", "Petrov", personal_number="A-17", email="i@example.com")
    directory.add_user("annak", "Anna", "Kowalski", team_lead=True, enabled=False)
    directory.add_absence("hansm", date(2020, 10, 5), date(2020, 10, 9), VACATION)
    directory.add_absence("ivan", date(2020, 10, 12), date(2020, 10, 12), SICK)
    directory.add_absence("hansm", date(2020, 11, 2), date(2020, 11, 3), SICK, PENDING)
    return directory


def body(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def test_users_list_with_the_documented_fields_and_no_password(
    api: httpx.Client, staff: Directory
) -> None:
    users = body(api.get("/users/"))

    assert [user["username"] for user in users] == ["hansm", "ivan", "annak"]
    assert users[0] == {
        "id": 1,
        "username": "hansm",
        "firstName": "Hans",
        "lastName": "Müller",
        "email": "",
        "admin": True,
        "teamLead": False,
        "language": "de",
        "personalNumber": 1001,
        "enabled": True,
    }
    assert users[1]["personalNumber"] == "A-17"
    assert users[2]["enabled"] is False
    assert all("password" not in user for user in users)


@pytest.mark.parametrize("key", ["username", "user"])
def test_users_filter_by_name_trimmed_and_in_any_case(
    api: httpx.Client, staff: Directory, key: str
) -> None:
    assert [u["id"] for u in body(api.get("/users", params={key: " IVAN"}))] == [2]
    assert body(api.get("/users", params={key: "nobody"})) == []


def test_users_are_paged_like_attendances(api: httpx.Client, directory: Directory) -> None:
    for number in range(120):
        directory.add_user(f"user{number:03}", "First", f"Last {number}")

    assert len(body(api.get("/users"))) == 50  # the documented default page
    second = body(api.get("/users", params={"limit": 100, "page_number": 1}))
    assert [user["id"] for user in second] == list(range(101, 121))
    assert len(body(api.get("/users", params={"limit": 5000}))) == 120  # clamped at 1000
    # The third-party spelling `page` is an alias.
    assert body(api.get("/users", params={"limit": 100, "page": 1})) == second


def test_one_user_by_id_and_an_unknown_id(
    api: httpx.Client, staff: Directory, expect_error: ExpectError
) -> None:
    assert body(api.get("/users/2"))["username"] == "ivan"
    assert body(api.get("/users/2/"))["username"] == "ivan"
    expect_error(api.get("/users/99"), 404, 16021)
    expect_error(api.get("/users/x"), 404, 16021)


def test_absences_list_with_the_documented_fields(api: httpx.Client, staff: Directory) -> None:
    absences = body(api.get("/absences/"))

    assert absences[0] == {
        "id": 1,
        "user": "hansm",
        "from": "2020-10-05",
        "to": "2020-10-09",
        "status": APPROVED,
        "absenceType": VACATION,
        "absenceTypeName": "U",
    }
    assert [a["absenceTypeName"] for a in absences] == ["U", "K", "K"]
    assert absences[2]["status"] == PENDING


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"username": "hansm"}, [1, 3]),
        ({"user": "ivan"}, [2]),
        ({"username": " hansm"}, [1, 3]),  # the English example's space
        ({"from": "2020-10-09", "to": "2020-10-12"}, [1, 2]),  # overlapping, both ends in
        ({"from": "2020-10-10", "to": "2020-10-11"}, []),
        ({"from": "2020-10-12T00:00:00Z", "to": "2020-10-31T00:00:00.000Z"}, [2]),
        ({"absenceType": str(SICK)}, [2, 3]),
        ({"username": "hansm", "from": "2020-10-01", "to": "2020-10-31"}, [1]),
    ],
)
def test_absence_filters(
    api: httpx.Client, staff: Directory, params: dict[str, str], expected: list[int]
) -> None:
    assert [a["id"] for a in body(api.get("/absences", params=params))] == expected


def test_one_absence_by_id_and_bad_queries(
    api: httpx.Client, staff: Directory, expect_error: ExpectError
) -> None:
    assert body(api.get("/absences/2"))["user"] == "ivan"
    expect_error(api.get("/absences/9"), 404, 17021)
    expect_error(api.get("/absences", params={"from": "October"}), 400, 15006)
    expect_error(
        api.get("/absences", params={"from": "2020-10-31", "to": "2020-10-01"}), 400, 15006
    )
    expect_error(api.get("/absences", params={"limit": "0"}), 400, 15006)


def test_these_resources_are_read_only(api: httpx.Client, staff: Directory) -> None:
    assert api.post("/users", json={"username": "x"}).status_code == 405
    assert api.put("/absences/1", json={"status": "1"}).status_code == 405
    assert api.delete("/users/1").status_code == 405


def test_they_need_the_api_key(sandbox: SandboxServer, staff: Directory) -> None:
    for path in ("/users", "/absences", "/work_reports"):
        assert httpx.get(sandbox.base_url + path).status_code == 401


@pytest.mark.parametrize("resource", ["users", "absences", "work_reports"])
def test_a_server_without_the_resource_answers_404_like_an_unknown_path(
    api: httpx.Client, staff: Directory, expect_error: ExpectError, resource: str
) -> None:
    staff.quirks = PeopleQuirks.without(resource)

    error = expect_error(api.get(f"/{resource}"), 404, 10404)
    assert error == expect_error(api.get(f"/{resource}".replace("s", "z", 1)), 404, 10404) | {
        "detail": error["detail"]
    }
    assert api.get("/attendances").status_code == 200
    others = {"users", "absences", "work_reports"} - {resource}
    assert all(api.get(f"/{other}").status_code == 200 for other in others)


@pytest.mark.parametrize("resource", ["users", "absences", "work_reports"])
def test_a_key_that_may_not_read_the_resource_gets_403(
    api: httpx.Client, staff: Directory, expect_error: ExpectError, resource: str
) -> None:
    staff.quirks = PeopleQuirks(forbidden=frozenset({resource}))

    expect_error(api.get(f"/{resource}"), 403, 10403)


def test_quirk_capital_id_key(api: httpx.Client, staff: Directory) -> None:
    staff.quirks = PeopleQuirks(id_key="ID")

    assert body(api.get("/users/1"))["ID"] == 1
    assert "id" not in body(api.get("/users/1"))
    assert [a["ID"] for a in body(api.get("/absences"))] == [1, 2, 3]


def test_quirk_user_key_in_absences(api: httpx.Client, staff: Directory) -> None:
    staff.quirks = PeopleQuirks(user_key="username")

    first = body(api.get("/absences/1"))
    assert first["username"] == "hansm"
    assert "user" not in first


@pytest.mark.parametrize(("honoured", "ignored"), [("user", "username"), ("username", "user")])
def test_quirk_only_one_user_filter_key_is_honoured(
    api: httpx.Client, staff: Directory, honoured: str, ignored: str
) -> None:
    staff.quirks = PeopleQuirks(user_filter=honoured)  # type: ignore[arg-type]

    assert [a["id"] for a in body(api.get("/absences", params={honoured: "ivan"}))] == [2]
    assert [a["id"] for a in body(api.get("/absences", params={ignored: "ivan"}))] == [1, 2, 3]


def test_quirk_numbers_as_text(api: httpx.Client, staff: Directory) -> None:
    staff.quirks = PeopleQuirks(numbers_as_text=True)

    user = body(api.get("/users/1"))
    assert (user["id"], user["personalNumber"], user["admin"]) == ("1", "1001", 1)
    absence = body(api.get("/absences/1"))
    assert (absence["status"], absence["absenceType"]) == ("1", "1")


def test_quirk_ignore_page_number(api: httpx.Client, directory: Directory) -> None:
    for number in range(3):
        directory.add_user(f"user{number}", "F", "L")
    directory.quirks = PeopleQuirks(ignore_page_number=True)

    first = body(api.get("/users", params={"limit": 2, "page_number": 0}))
    assert body(api.get("/users", params={"limit": 2, "page_number": 1})) == first


def test_the_data_envelope_wraps_these_lists_too() -> None:
    with SandboxServer(envelope="data") as server:
        server.directory.add_user("hansm", "Hans", "Müller")
        answer = httpx.get(server.base_url + "/users", headers=auth_headers(server)).json()
    assert [user["username"] for user in answer["data"]] == ["hansm"]


def test_bad_quirks_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown resource"):
        PeopleQuirks(absent=frozenset({"projects"}))
    with pytest.raises(ValueError, match="id_key"):
        PeopleQuirks(id_key="Id")  # type: ignore[arg-type]
