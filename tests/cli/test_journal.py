"""``timeclock edit/delete --reason`` and ``timeclock journal``, through the real program
against a sandbox."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from tests.cli.conftest import USER, Run
from timeclock.sandbox import NewAttendance, SandboxServer

MORNING = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)  # 08:00 in Berlin
CORRECTED = datetime(2026, 3, 11, 9, 30, tzinfo=UTC)  # the correction is made at 10:30


def annas_day(server: SandboxServer) -> int:
    return server.store.create(
        NewAttendance(
            user="anna", start=MORNING, end=MORNING + timedelta(hours=8), break_minutes=30
        )
    ).id


def test_another_users_entry_is_changed_only_with_a_reason(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(CORRECTED)
    entry_id = annas_day(connected)

    refused = run("edit", str(entry_id), "--break", "45")
    assert refused.status == 1
    assert refused.err == (
        "timeclock: error: a reason is needed to change or delete another employee's entry;"
        " nothing was changed\n"
    )
    assert connected.store.get(entry_id).break_minutes == 30

    done = run("edit", str(entry_id), "--break", "45", "--reason", "Pause nachgetragen")
    assert done.status == 0, done.err
    assert connected.store.get(entry_id).break_minutes == 45

    table = run("journal")
    assert table.status == 0, table.err
    header, line = table.out.splitlines()
    assert header.split() == ["When", "By", "Action", "Entry", "User", "What", "Reason"]
    assert line.startswith("Wed 2026-03-11 10:30")
    assert line.split()[3:8] == [USER, "update", f"#{entry_id}", "anna", "break"]
    assert "break 30 -> 45 min" in line and line.endswith("Pause nachgetragen")


def test_a_delete_of_another_users_entry_is_refused_before_the_question(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(CORRECTED)
    entry_id = annas_day(connected)

    refused = run("delete", str(entry_id))  # no terminal, no --yes: the reason comes first
    assert refused.status == 1 and "a reason is needed" in refused.err
    assert run("delete", str(entry_id), "--yes", "--reason", "doppelt").status == 0
    assert connected.store.all() == []

    (line,) = json.loads(run("journal", "--entry", str(entry_id), "--format", "json").out)
    assert line["action"] == "delete" and line["by"] == USER and line["user"] == "anna"
    assert line["entry"] == entry_id and line["reason"] == "doppelt"
    assert line["after"] is None
    assert line["before"]["id"] == entry_id
    assert line["before"]["from"] == "2026-03-10T07:00:00.000Z"
    assert line["before"]["breakMinutes"] == 30
    assert line["at"] == "2026-03-11T09:30:00.000Z"


def test_the_journal_finds_an_added_entry_by_its_id_and_filters_by_day(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(CORRECTED)
    added = run("add", "--from", "2026-03-09 08:00", "--to", "2026-03-09 16:00")
    assert added.status == 0, added.err
    (made,) = connected.store.all()
    clock(CORRECTED + timedelta(days=1))
    assert run("edit", str(made.id), "--notes", "Kunde").status == 0
    annas_day(connected)  # not journalled: not changed from this desk

    lines = json.loads(run("journal", "--entry", str(made.id), "--format", "json").out)
    assert [(line["action"], line["entry"]) for line in lines] == [
        ("create", made.id),
        ("update", made.id),
    ]
    assert lines[0]["ref"].startswith("local:")  # journalled before TimeTrack gave it its id
    assert lines[0]["before"] is None and lines[0]["after"]["id"] == made.id
    assert lines[1]["before"]["notes"] == "" and lines[1]["after"]["notes"] == "Kunde"

    on_the_11th = run("journal", "--from", "2026-03-11", "--to", "2026-03-11", "--format", "json")
    assert [line["action"] for line in json.loads(on_the_11th.out)] == ["create"]
    assert json.loads(run("journal", "--from", "2026-03-13", "--format", "json").out) == []
    assert run("journal", "--entry", "999").out == (
        "No corrections of entry #999 were made from this computer in that time.\n"
    )
    backwards = run("journal", "--from", "2026-03-12", "--to", "2026-03-11")
    assert backwards.status == 2 and "lies before" in backwards.err


def test_stamps_are_in_the_journal_as_the_users_own(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(MORNING)
    assert run("stamp", "in").status == 0
    clock(MORNING + timedelta(hours=8))
    assert run("stamp", "out").status == 0

    lines = json.loads(run("journal", "--format", "json").out)
    assert [(line["action"], line["by"], line["user"], line["reason"]) for line in lines] == [
        ("create", USER, USER, ""),
        ("update", USER, USER, ""),
    ]
    assert lines[1]["after"]["to"] == "2026-03-10T15:00:00.000Z"
