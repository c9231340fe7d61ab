"""The list answer written from serialised rows: the same bytes as before, never stale."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from starlette.responses import JSONResponse

from timeclock.sandbox import AttendancePatch, AttendanceStore, NewAttendance, SandboxServer
from timeclock.sandbox.list_body import list_body, shown
from timeclock.sandbox.listing import Envelope, wrap
from timeclock.sandbox.quirks import ServerQuirks

MORNING = datetime(2020, 10, 1, 7, 0, 0, 123000, tzinfo=UTC)
QUIRKS = [
    ServerQuirks(),
    ServerQuirks(whole_seconds=True),
    ServerQuirks(fold_user_case=True),
    ServerQuirks(whole_seconds=True, fold_user_case=True),
]


def _entries() -> list[NewAttendance]:
    return [
        NewAttendance(user="HansM", start=MORNING, end=MORNING + timedelta(hours=8)),
        NewAttendance(
            user="Jörg",
            start=MORNING + timedelta(hours=1),
            end=MORNING + timedelta(hours=9, minutes=30),
            notes='Kunde "Müller" \\ Außendienst\nzweite Zeile',
            manual=True,
            break_minutes=45,
            latitude_start=48.137154,
            longitude_start=11.576124,
            latitude_end=-33.5,
            longitude_end=151.25,
        ),
    ]


@pytest.mark.parametrize("quirks", QUIRKS, ids=ServerQuirks.describe)
@pytest.mark.parametrize("envelope", ["array", "data"])
def test_the_body_is_what_json_response_writes_for_the_shown_entries(
    quirks: ServerQuirks, envelope: Envelope
) -> None:
    with AttendanceStore() as store:
        store.insert_many(_entries())
        rows = store.query_rows()
        expected = JSONResponse(wrap([shown(e, quirks) for e in store.query()], envelope)).body

        assert list_body(rows, quirks, envelope) == expected
        assert list_body(rows, quirks, envelope) == expected  # served from what was kept


def test_the_same_row_under_other_quirks_is_written_their_way() -> None:
    with AttendanceStore() as store:
        store.insert_many(_entries()[:1])
        rows = store.query_rows()

        plain = list_body(rows, ServerQuirks(), "array")
        folded = list_body(rows, ServerQuirks(fold_user_case=True, whole_seconds=True), "array")

    assert b'"user":"HansM"' in plain and b'"from":"2020-10-01T07:00:00.123Z"' in plain
    assert b'"user":"hansm"' in folded and b'"from":"2020-10-01T07:00:00Z"' in folded


def test_a_changed_entry_is_listed_as_it_is_now(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.store.insert_many(_entries()[:1])
    assert api.get("/attendances").json()[0]["notes"] == ""

    answer = api.put("/attendances/1", json={"notes": "changed", "breakMinutes": 15})
    assert answer.status_code == 200, answer.text
    listed = api.get("/attendances").json()

    assert listed[0]["notes"] == "changed" and listed[0]["breakMinutes"] == 15
    assert listed[0]["workedMinutes"] == 8 * 60 - 15


def test_a_store_reset_and_new_entries_under_old_ids_list_the_new_ones(
    sandbox: SandboxServer, api: httpx.Client
) -> None:
    sandbox.store.insert_many(_entries())
    assert [e["user"] for e in api.get("/attendances").json()] == ["HansM", "Jörg"]

    sandbox.store.reset()
    sandbox.store.insert_many(_entries()[1:])
    sandbox.store.update(1, AttendancePatch(notes="after the reset"))

    assert [(e["id"], e["user"], e["notes"]) for e in api.get("/attendances").json()] == [
        (1, "Jörg", "after the reset")
    ]


def test_without_quirks_an_entry_is_kept_as_it_is_not_copied() -> None:
    entry = _entries()[0]

    assert ServerQuirks(drip_seconds=0.5, wrong_id=True).kept_entry(entry) is entry
    assert ServerQuirks(fold_user_case=True).kept_entry(entry).user == "hansm"
