"""List answers kept whole: served again only while nothing could have changed them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from tests.sandbox.conftest import MakeEntries, auth_headers
from timeclock.sandbox import AttendanceStore, NewAttendance, SandboxServer
from timeclock.sandbox.endless import FILLER_USER
from timeclock.sandbox.pages import PageCache
from timeclock.sandbox.quirks import ServerQuirks

MORNING = datetime(2020, 10, 1, 7, 0, 0, 123000, tzinfo=UTC)


def test_a_page_is_kept_for_its_version_and_key() -> None:
    pages = PageCache()
    assert pages.get(1, "a") is None
    pages.put(1, "a", b"[1]")

    assert pages.get(1, "a") == b"[1]"
    assert pages.get(1, "b") is None


def test_a_new_version_empties_the_cache() -> None:
    pages = PageCache()
    pages.get(1, "a")
    pages.put(1, "a", b"[1]")

    assert pages.get(2, "a") is None
    assert pages.get(1, "a") is None  # an old version comes back empty too


def test_a_page_of_another_version_than_the_caches_is_not_kept() -> None:
    pages = PageCache()
    pages.get(1, "a")
    pages.get(2, "a")  # meanwhile a newer request saw version 2
    pages.put(1, "a", b"[old]")

    assert pages.get(2, "a") is None


def test_the_oldest_page_goes_first_when_the_cache_is_full() -> None:
    pages = PageCache(size=2)
    pages.get(1, "a")
    for key in ("a", "b", "c"):
        pages.put(1, key, key.encode())

    assert [pages.get(1, key) for key in ("a", "b", "c")] == [None, b"b", b"c"]


def test_the_oldest_pages_go_while_the_bytes_would_be_too_many() -> None:
    pages = PageCache(budget=10)
    pages.get(1, "a")
    pages.put(1, "a", b"aaaa")
    pages.put(1, "b", b"bbbb")
    pages.put(1, "c", b"cccccc")  # 14 bytes with a and b: a goes
    pages.put(1, "d", b"d" * 11)  # more than the whole budget: not kept

    assert [pages.get(1, key) for key in "abcd"] == [None, b"bbbb", b"cccccc", None]


def test_a_cache_keeps_at_least_one_page() -> None:
    with pytest.raises(ValueError, match="at least one page"):
        PageCache(size=0)


def test_an_entry_written_past_the_api_is_listed_at_once(
    sandbox: SandboxServer, api: httpx.Client, make_entries: MakeEntries
) -> None:
    sandbox.store.insert_many(make_entries(2))
    first = api.get("/attendances").content
    assert api.get("/attendances").content == first

    sandbox.store.create(make_entries(1, start=MORNING - timedelta(days=1))[0])

    assert [entry["id"] for entry in api.get("/attendances").json()] == [3, 1, 2]


def test_a_deleted_entry_leaves_the_list_at_once(
    sandbox: SandboxServer, api: httpx.Client, make_entries: MakeEntries
) -> None:
    sandbox.store.insert_many(make_entries(2))
    assert len(api.get("/attendances").json()) == 2

    assert api.delete("/attendances/1").status_code == 204

    assert [entry["id"] for entry in api.get("/attendances").json()] == [2]


def test_each_query_string_has_its_own_answer(
    sandbox: SandboxServer, api: httpx.Client, make_entries: MakeEntries
) -> None:
    sandbox.store.insert_many(make_entries(3))

    assert len(api.get("/attendances", params={"limit": 1}).json()) == 1
    assert len(api.get("/attendances", params={"limit": 2}).json()) == 2
    assert len(api.get("/attendances", params={"limit": 1}).json()) == 1
    wrong = api.get("/attendances", params={"limit": "x"})
    assert wrong.status_code == 400
    assert api.get("/attendances", params={"limit": "x"}).status_code == 400


def test_changed_quirks_change_the_next_answer(
    sandbox: SandboxServer, api: httpx.Client, make_entries: MakeEntries
) -> None:
    sandbox.store.insert_many(
        [NewAttendance(user="HansM", start=MORNING, end=MORNING + timedelta(hours=8))]
    )
    try:
        assert api.get("/attendances").json()[0]["from"] == "2020-10-01T07:00:00.123Z"

        sandbox.quirks = ServerQuirks(whole_seconds=True, fold_user_case=True)
        (entry,) = api.get("/attendances").json()
        assert (entry["from"], entry["user"]) == ("2020-10-01T07:00:00Z", "hansm")

        sandbox.quirks = ServerQuirks(endless_pages=True)
        page = api.get("/attendances").json()
        assert len(page) == 50 and page[-1]["user"] == FILLER_USER

        sandbox.quirks = None
        assert [entry["user"] for entry in api.get("/attendances").json()] == ["HansM"]
    finally:
        sandbox.quirks = None


def test_a_file_store_written_by_another_program_is_listed_as_it_is_now(
    tmp_path: Path, make_entries: MakeEntries
) -> None:
    path = tmp_path / "shared.db"
    with (
        AttendanceStore(path) as served,
        AttendanceStore(path) as other,
        SandboxServer(store=served) as server,
        httpx.Client(base_url=server.base_url, headers=auth_headers(server), timeout=10) as api,
    ):
        assert api.get("/attendances").json() == []
        assert api.get("/attendances").json() == []

        other.insert_many(make_entries(1))

        assert [entry["id"] for entry in api.get("/attendances").json()] == [1]
