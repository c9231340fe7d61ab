"""Listing: filters on the entry's start, ordering, the vendor's paging, both envelopes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from timeclock.sandbox import KEY_HEADER, SECRET_HEADER, NewAttendance, SandboxServer

MakeEntries = Callable[..., list[NewAttendance]]
OCTOBER = datetime(2020, 10, 1, tzinfo=UTC)


def ids(response: httpx.Response) -> list[int]:
    assert response.status_code == 200, response.text
    body: list[dict[str, Any]] = response.json()
    return [entry["id"] for entry in body]


def test_an_empty_store_lists_an_empty_array(api: httpx.Client) -> None:
    response = api.get("/attendances/")

    assert response.status_code == 200
    assert response.json() == []


def test_entries_are_ordered_by_start_then_id(api: httpx.Client, sandbox: SandboxServer) -> None:
    late = NewAttendance(
        user="ivan", start=OCTOBER + timedelta(hours=9), end=OCTOBER + timedelta(hours=17)
    )
    early = NewAttendance(
        user="hansm", start=OCTOBER + timedelta(hours=7), end=OCTOBER + timedelta(hours=15)
    )
    sandbox.store.insert_many([late, early, late, early])  # ids 1..4

    assert ids(api.get("/attendances")) == [2, 4, 1, 3]


@pytest.mark.parametrize("name", ["username", "user"])
def test_the_user_filter_has_both_names(
    api: httpx.Client, sandbox: SandboxServer, make_entries: MakeEntries, name: str
) -> None:
    sandbox.store.insert_many(make_entries(3, user="ivan") + make_entries(2, user="hansm"))

    assert ids(api.get("/attendances", params={name: "hansm"})) == [4, 5]
    assert ids(api.get("/attendances", params={name: "nobody"})) == []


def test_username_wins_over_user_and_an_empty_filter_means_none(
    api: httpx.Client, sandbox: SandboxServer, make_entries: MakeEntries
) -> None:
    sandbox.store.insert_many(make_entries(1, user="ivan") + make_entries(1, user="hansm"))

    assert ids(api.get("/attendances", params={"username": "ivan", "user": "hansm"})) == [1]
    assert ids(api.get("/attendances", params={"username": ""})) == [1, 2]


def test_from_and_to_bound_the_start_inclusively(
    api: httpx.Client, sandbox: SandboxServer, make_entries: MakeEntries
) -> None:
    # Starts at 00:00, 06:00, 12:00, 18:00 on 1 October and 00:00 on 2 October.
    sandbox.store.insert_many(make_entries(5, start=OCTOBER, step_hours=6))

    def listed(**query: str) -> list[int]:
        return ids(api.get("/attendances", params=query))

    assert listed(**{"from": "2020-10-01T06:00:00.000Z"}) == [2, 3, 4, 5]
    assert listed(to="2020-10-01T12:00:00Z") == [1, 2, 3]
    assert listed(**{"from": "2020-10-01T06:00:00Z", "to": "2020-10-01T18:00:00Z"}) == [2, 3, 4]
    assert listed(**{"from": "2020-10-01T06:00:00.001Z", "to": "2020-10-01T17:59:59Z"}) == [3]
    # An entry that started before the window but ends inside it is not listed.
    assert listed(**{"from": "2020-10-01T07:00:00Z", "to": "2020-10-01T08:00:00Z"}) == []
    assert listed(**{"from": "2020-10-01T08:00:00+02:00", "to": "2020-10-01T08:00:00+02:00"}) == [2]


def test_the_vendor_filter_example(
    api: httpx.Client, sandbox: SandboxServer, make_entries: MakeEntries
) -> None:
    sandbox.store.insert_many(
        make_entries(1, user="hansm", start=datetime(2020, 9, 30, 8, tzinfo=UTC))
        + make_entries(1, user="hansm", start=datetime(2020, 10, 20, 8, tzinfo=UTC))
        + make_entries(1, user="ivan", start=datetime(2020, 10, 20, 8, tzinfo=UTC))
        + make_entries(1, user="hansm", start=datetime(2020, 10, 31, 8, tzinfo=UTC))
    )

    response = api.get(
        "/attendances?username=hansm&from=2020-10-01T00:00:00Z&to=2020-10-31T00:00:00Z"
    )

    assert ids(response) == [2]  # 31 October is past the example's end


def test_deleted_entries_vanish_from_lists(
    api: httpx.Client, sandbox: SandboxServer, make_entries: MakeEntries
) -> None:
    sandbox.store.insert_many(make_entries(3))

    api.delete("/attendances/2")

    assert ids(api.get("/attendances")) == [1, 3]


def test_the_default_page_has_50_entries(
    api: httpx.Client, sandbox: SandboxServer, make_entries: MakeEntries
) -> None:
    sandbox.store.insert_many(make_entries(120))

    assert ids(api.get("/attendances")) == list(range(1, 51))
    assert ids(api.get("/attendances", params={"page_number": 2})) == list(range(101, 121))


def test_paging_walks_through_every_entry_once(
    api: httpx.Client, sandbox: SandboxServer, make_entries: MakeEntries
) -> None:
    sandbox.store.insert_many(make_entries(23))

    pages = [ids(api.get("/attendances", params={"limit": 7, "page_number": n})) for n in range(5)]

    assert [len(page) for page in pages] == [7, 7, 7, 2, 0]
    assert [entry_id for page in pages for entry_id in page] == list(range(1, 24))


def test_limit_is_clamped_to_1000_over_more_than_1000_rows(
    api: httpx.Client, sandbox: SandboxServer, make_entries: MakeEntries
) -> None:
    assert sandbox.store.insert_many(make_entries(1500, step_hours=0.25)) == 1500

    first = ids(api.get("/attendances", params={"limit": 5000}))
    second = ids(api.get("/attendances", params={"limit": 1000, "page_number": 1}))
    exact = ids(api.get("/attendances", params={"limit": 1000}))

    assert first == exact == list(range(1, 1001))
    assert second == list(range(1001, 1501))


def test_a_page_far_beyond_the_end_is_empty(
    api: httpx.Client, sandbox: SandboxServer, make_entries: MakeEntries
) -> None:
    sandbox.store.insert_many(make_entries(3))

    assert ids(api.get("/attendances", params={"page_number": 10**6})) == []
    assert ids(api.get("/attendances", params={"limit": 1000, "page_number": 10**17})) == []


def test_the_data_envelope_wraps_the_list(make_entries: MakeEntries) -> None:
    with SandboxServer(api_key="k", api_secret="s", envelope="data") as server:
        server.store.insert_many(make_entries(2))

        response = httpx.get(
            server.base_url + "/attendances/", headers={KEY_HEADER: "k", SECRET_HEADER: "s"}
        )
        document = httpx.get(server.base_url + "/openapi.json").json()

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"data"}
    assert [entry["id"] for entry in body["data"]] == [1, 2]
    assert set(document["components"]["schemas"]["AttendanceList"]["properties"]) == {"data"}


def test_an_unknown_envelope_is_refused() -> None:
    with pytest.raises(ValueError, match="envelope"):
        SandboxServer(envelope="items")  # type: ignore[arg-type]
