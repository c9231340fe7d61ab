"""Create, get, update and delete over real HTTP, in both write spellings."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from timeclock.sandbox import SandboxServer

ENTRY_KEYS = {"id", "user", "from", "to", "notes", "manual", "workedMinutes", "breakMinutes"}

# The vendor's create example, verbatim apart from the quotes.
VENDOR_CREATE = {
    "username": "ivan",
    "to": "2020-10-17T14:00:00.000Z",
    "minutesBreak": 15,
    "details": "Das ist ein Test",
    "from": "2020-10-17T10:00:00.000Z",
}


def create(api: httpx.Client, **fields: Any) -> dict[str, Any]:
    body = {"username": "ivan", "from": "2020-10-17T10:00:00Z", "to": "2020-10-17T14:00:00Z"}
    response = api.post("/attendances", json=body | fields)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def test_create_with_the_vendor_example_spelling(api: httpx.Client) -> None:
    response = api.post("/attendances", json=VENDOR_CREATE)

    assert response.status_code == 201
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "id": 1,
        "user": "ivan",
        "from": "2020-10-17T10:00:00.000Z",
        "to": "2020-10-17T14:00:00.000Z",
        "notes": "Das ist ein Test",
        "manual": False,
        "workedMinutes": 225,
        "breakMinutes": 15,
    }


def test_create_with_the_object_spelling(api: httpx.Client) -> None:
    response = api.post(
        "/attendances",
        json={
            "user": "hansm",
            "from": "2020-10-20T07:00:00.000Z",
            "to": "2020-10-20T15:30:00.000Z",
            "breakMinutes": 30,
            "notes": "Arzttermin",
            "manual": True,
        },
    )

    assert response.status_code == 201
    entry = response.json()
    assert entry["user"] == "hansm"
    assert entry["notes"] == "Arzttermin"
    assert entry["manual"] is True
    assert entry["breakMinutes"] == 30
    assert entry["workedMinutes"] == 480


def test_the_preferred_spelling_wins_when_both_are_sent(api: httpx.Client) -> None:
    entry = create(
        api, user="other", breakMinutes=10, minutesBreak=20, notes="kept", details="dropped"
    )

    assert (entry["user"], entry["breakMinutes"], entry["notes"]) == ("ivan", 10, "kept")


def test_create_without_optional_fields_uses_defaults(api: httpx.Client) -> None:
    entry = create(api)

    assert set(entry) == ENTRY_KEYS
    assert (entry["notes"], entry["manual"], entry["breakMinutes"]) == ("", False, 0)
    assert entry["workedMinutes"] == 240


def test_created_ids_count_up(api: httpx.Client) -> None:
    assert [create(api)["id"] for _ in range(3)] == [1, 2, 3]


def test_an_open_entry_has_from_equal_to_and_no_worked_minutes(api: httpx.Client) -> None:
    moment = "2020-10-20T07:02:03.456Z"
    entry = create(api, **{"from": moment, "to": moment, "manual": False})

    assert entry["from"] == entry["to"] == moment
    assert entry["workedMinutes"] == 0


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("2020-10-17T10:00:00.000Z", "2020-10-17T10:00:00.000Z"),
        ("2020-10-17T10:00:00Z", "2020-10-17T10:00:00.000Z"),
        ("2020-10-17T12:00:00+02:00", "2020-10-17T10:00:00.000Z"),
        ("2020-10-17T10:00:00.123456Z", "2020-10-17T10:00:00.123Z"),
        ("2020-10-17T10:00Z", "2020-10-17T10:00:00.000Z"),
    ],
)
def test_timestamps_are_read_tolerantly_and_written_in_the_vendor_format(
    api: httpx.Client, wire: str, expected: str
) -> None:
    assert create(api, **{"from": wire})["from"] == expected


@pytest.mark.parametrize(
    ("span", "break_minutes", "worked"),
    [
        (("10:00:00", "14:00:00"), 15, 225),
        (("10:00:00", "10:00:59"), 0, 0),  # whole minutes only
        (("10:00:00", "10:01:59"), 0, 1),
        (("10:00:00", "10:30:00"), 45, 0),  # never negative
        (("10:00:00", "18:00:00"), "30", 450),
    ],
)
def test_worked_minutes_are_computed_by_the_server(
    api: httpx.Client, span: tuple[str, str], break_minutes: object, worked: int
) -> None:
    entry = create(
        api,
        **{
            "from": f"2020-10-17T{span[0]}Z",
            "to": f"2020-10-17T{span[1]}Z",
            "breakMinutes": break_minutes,
            "workedMinutes": 99999,
        },
    )

    assert entry["workedMinutes"] == worked


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        (True, True),
        (False, False),
        (1, True),
        (0, False),
        ("true", True),
        ("false", False),
        ("1", True),
        ("0", False),
        (None, False),
    ],
)
def test_manual_accepts_the_documented_boolean_forms(
    api: httpx.Client, wire: object, expected: bool
) -> None:
    assert create(api, manual=wire)["manual"] is expected


def test_coordinates_come_back_as_the_vendor_table_types_them(api: httpx.Client) -> None:
    entry = create(
        api,
        latitudeStart="48.137",
        longitudeStart=11.575,
        latitudeEnd=48,
        longitudeEnd="-0.5",
    )

    assert entry["latitudeStart"] == 48.137
    assert isinstance(entry["latitudeStart"], float)
    assert entry["longitudeStart"] == "11.575"
    assert entry["latitudeEnd"] == "48.0"
    assert entry["longitudeEnd"] == "-0.5"


def test_coordinates_are_absent_when_not_set(api: httpx.Client) -> None:
    entry = create(api, latitudeStart=None, longitudeEnd=12.5)

    assert "latitudeStart" not in entry
    assert entry["longitudeEnd"] == "12.5"
    assert set(entry) == ENTRY_KEYS | {"longitudeEnd"}


def test_unknown_fields_and_nulls_are_ignored(api: httpx.Client) -> None:
    entry = create(api, id=77, ID=78, colour="blue", notes=None, breakMinutes=None)

    assert entry["id"] == 1
    assert (entry["notes"], entry["breakMinutes"]) == ("", 0)


def test_get_returns_the_stored_entry(api: httpx.Client) -> None:
    created = create(api, notes="Frühschicht")

    response = api.get(f"/attendances/{created['id']}")

    assert response.status_code == 200
    assert response.json() == created


@pytest.mark.parametrize("slash", ["", "/"])
def test_every_operation_answers_with_and_without_trailing_slash(
    api: httpx.Client, slash: str
) -> None:
    created = api.post(f"/attendances{slash}", json=VENDOR_CREATE)
    assert created.status_code == 201
    item = f"/attendances/{created.json()['id']}{slash}"

    assert api.get(f"/attendances{slash}").json() == [created.json()]
    assert api.get(item).json() == created.json()
    assert api.put(item, json={"notes": "neu"}).json()["notes"] == "neu"
    assert api.delete(item).status_code == 204


def test_get_and_delete_ignore_a_request_body_like_the_vendor_examples(api: httpx.Client) -> None:
    created = create(api)
    item = f"/attendances/{created['id']}"

    listed = api.request("GET", "/attendances/", content=b"{}")
    fetched = api.request("GET", item, content=b"{}")
    deleted = api.request("DELETE", item, content=b"not even json")

    assert listed.json() == [created]
    assert fetched.json() == created
    assert deleted.status_code == 204


def test_update_with_the_vendor_example_changes_only_what_is_sent(api: httpx.Client) -> None:
    created = create(api, **VENDOR_CREATE, manual=True)

    response = api.put(
        f"/attendances/{created['id']}",
        json={
            "notes": "Das ist ein Test Notiz",
            "to": "2020-10-17T23:00:00.000Z",
            "minutesBreak": "0",
        },
    )

    assert response.status_code == 200
    updated = response.json()
    assert updated == created | {
        "notes": "Das ist ein Test Notiz",
        "to": "2020-10-17T23:00:00.000Z",
        "breakMinutes": 0,
        "workedMinutes": 780,
    }
    assert api.get(f"/attendances/{created['id']}").json() == updated


def test_update_accepts_every_field_in_both_spellings(api: httpx.Client) -> None:
    created = create(api)
    item = f"/attendances/{created['id']}"

    api.put(item, json={"details": "per details", "breakMinutes": 20, "manual": "1"})
    updated = api.put(
        item,
        json={
            "from": "2020-10-17T09:00:00+01:00",
            "latitudeStart": 52.52,
            "longitudeStart": "13.405",
            "latitudeEnd": "52.5",
            "longitudeEnd": 13,
        },
    ).json()

    assert updated["notes"] == "per details"
    assert updated["manual"] is True
    assert updated["breakMinutes"] == 20
    assert updated["from"] == "2020-10-17T08:00:00.000Z"
    assert updated["workedMinutes"] == 6 * 60 - 20
    assert (updated["latitudeStart"], updated["longitudeStart"]) == (52.52, "13.405")
    assert (updated["latitudeEnd"], updated["longitudeEnd"]) == ("52.5", "13.0")


def test_an_empty_update_changes_nothing(api: httpx.Client) -> None:
    created = create(api)

    response = api.put(f"/attendances/{created['id']}", json={})

    assert response.status_code == 200
    assert response.json() == created


def test_stamping_out_closes_an_open_entry(api: httpx.Client) -> None:
    opened = create(api, **{"from": "2020-10-20T07:00:00Z", "to": "2020-10-20T07:00:00Z"})

    closed = api.put(
        f"/attendances/{opened['id']}",
        json={"to": "2020-10-20T15:45:00.000Z", "breakMinutes": 45},
    ).json()

    assert closed["workedMinutes"] == 8 * 60
    assert closed["manual"] is False


def test_delete_is_soft_and_answers_no_body(api: httpx.Client, sandbox: SandboxServer) -> None:
    created = create(api)

    response = api.delete(f"/attendances/{created['id']}")

    assert response.status_code == 204
    assert response.content == b""
    stored = sandbox.store.find(created["id"])
    assert stored is not None and stored.deleted
    assert api.get("/attendances").json() == []
    assert sandbox.store.count() == 0
    assert sandbox.store.count(include_deleted=True) == 1
