"""``timeclock list``, ``show``, ``add``, ``edit`` and ``delete`` against the sandbox."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

import pytest

from tests.cli.conftest import USER, Run
from timeclock.sandbox import NewAttendance, SandboxServer


def _entry(
    start: datetime, *, user: str = USER, hours: float = 8, **fields: object
) -> NewAttendance:
    return NewAttendance(
        user=user, start=start, end=start + timedelta(hours=hours), break_minutes=30, **fields
    )  # type: ignore[arg-type]


@pytest.fixture
def october(connected: SandboxServer) -> SandboxServer:
    """Entries around October 2020 in Berlin, whose last Sunday turns the clocks back."""
    connected.store.insert_many(
        [
            _entry(datetime(2020, 9, 30, 21, 55, tzinfo=UTC), hours=1),  # Sep 30, 23:55 local
            _entry(datetime(2020, 9, 30, 22, 5, tzinfo=UTC), hours=1),  # Oct 1, 00:05 local
            _entry(datetime(2020, 10, 15, 6, 0, tzinfo=UTC)),
            _entry(datetime(2020, 10, 25, 0, 30, tzinfo=UTC), hours=1),  # 02:30, first time
            _entry(datetime(2020, 10, 25, 1, 30, tzinfo=UTC), hours=1),  # 02:30, second time
            _entry(datetime(2020, 10, 31, 22, 30, tzinfo=UTC), hours=1),  # Oct 31, 23:30 local
            _entry(datetime(2020, 10, 31, 23, 10, tzinfo=UTC), hours=1),  # Nov 1, 00:10 local
            _entry(datetime(2020, 10, 15, 6, 0, tzinfo=UTC), user="ivan"),
        ]
    )
    return connected


def test_list_of_october_covers_every_local_day_across_the_dst_switch(
    october: SandboxServer, run: Run
) -> None:
    result = run("list", "--from", "2020-10-01", "--to", "2020-10-31", "--format", "json")
    assert result.status == 0, result.err
    starts = [item["from"] for item in json.loads(result.out)]
    assert starts == [
        "2020-09-30T22:05:00.000Z",
        "2020-10-15T06:00:00.000Z",
        "2020-10-25T00:30:00.000Z",
        "2020-10-25T01:30:00.000Z",
        "2020-10-31T22:30:00.000Z",
    ]


def test_list_of_october_in_utc_uses_utc_days(
    october: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    result = run("list", "--from", "2020-10-01", "--to", "2020-10-31", "--format", "json")
    starts = [item["from"] for item in json.loads(result.out)]
    assert starts[0] == "2020-10-15T06:00:00.000Z"
    assert starts[-1] == "2020-10-31T23:10:00.000Z"
    assert len(starts) == 5


def test_list_json_has_the_objects_field_names_and_numbers(
    october: SandboxServer, run: Run
) -> None:
    result = run("list", "--from", "2020-10-15", "--to", "2020-10-15", "--format", "json")
    (item,) = json.loads(result.out)
    assert item == {
        "id": 3,
        "user": USER,
        "from": "2020-10-15T06:00:00.000Z",
        "to": "2020-10-15T14:00:00.000Z",
        "notes": "",
        "manual": False,
        "workedMinutes": 450,
        "breakMinutes": 30,
    }


def test_list_json_carries_coordinates_when_present(connected: SandboxServer, run: Run) -> None:
    start = datetime(2020, 10, 15, 6, 0, tzinfo=UTC)
    connected.store.create(_entry(start, latitude_start=52.52, longitude_start=13.405))
    (item,) = json.loads(run("list", "--from", "2020-10-15", "--format", "json").out)
    assert item["latitudeStart"] == 52.52
    assert item["longitudeStart"] == 13.405
    assert "latitudeEnd" not in item


def test_list_all_users_and_csv(october: SandboxServer, run: Run) -> None:
    result = run(
        "list", "--from", "2020-10-15", "--to", "2020-10-15", "--all-users", "--format", "csv"
    )
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [row["user"] for row in rows] == [USER, "ivan"]
    assert rows[0]["workedMinutes"] == "450"
    assert rows[0]["manual"] == "false"
    assert rows[0]["latitudeStart"] == ""


def test_list_table_shows_local_times_and_totals(october: SandboxServer, run: Run) -> None:
    result = run("list", "--from", "2020-10-25", "--to", "2020-10-25")
    lines = result.out.splitlines()
    assert lines[0].split() == ["ID", "Date", "Start", "End", "Break", "Worked", "Source", "Notes"]
    assert "Sun 2020-10-25  02:30  02:30" in lines[1]  # the repeated hour, first time
    assert "Sun 2020-10-25  02:30  03:30" in lines[2]  # and the second time
    assert lines[-1] == "2 entries on 1 day: worked 1:00 h, breaks 1:00 h"


def test_list_with_a_named_range_and_an_empty_result(connected: SandboxServer, run: Run) -> None:
    result = run("list", "--range", "last-week")
    assert result.status == 0
    assert result.out.startswith("No entries from ")
    assert result.out.endswith("0 entries on 0 days: worked 0:00 h, breaks 0:00 h\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("list", "--from", "2020-10-31", "--to", "2020-10-01"), "lies before --from"),
        (("list", "--from", "31.10.2020"), "is not a date like 2020-10-31"),
        (("list", "--range", "today", "--from", "2020-10-01"), "cannot be combined"),
        (("list", "--range", "someday"), "invalid choice"),
        (("show", "abc"), "is not an entry id"),
        (("add", "--from", "2020-10-05T08:00"), "the following arguments are required: --to"),
        (("add", "--from", "x", "--to", "y"), "is not a date-time"),
        (("edit", "1"), "nothing to change"),
        (("edit", "1", "--break", "-5"), "is not a whole number of minutes"),
        (("frobnicate",), "invalid choice"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    connected: SandboxServer, run: Run, args: tuple[str, ...], message: str
) -> None:
    result = run(*args)
    assert result.status == 2
    assert result.err.count("\n") == 1
    assert message in result.err
    assert "Traceback" not in result.err


def test_show_an_entry(october: SandboxServer, run: Run) -> None:
    result = run("show", "3")
    assert result.status == 0
    assert "Thu 2020-10-15" in result.out
    assert "08:00:00 CEST" in result.out
    assert json.loads(run("show", "3", "--format", "json").out)["to"] == "2020-10-15T14:00:00.000Z"


def test_add_an_entry_in_local_time(connected: SandboxServer, run: Run) -> None:
    result = run(
        "add",
        "--from",
        "2020-10-26T08:00",
        "--to",
        "2020-10-26 16:30",
        "--break",
        "45",
        "--notes",
        "Nachtrag: Arzttermin",
    )
    assert result.status == 0, result.err
    assert result.out.startswith("Added hansm: Mon 2020-10-26 08:00-16:30, break 0:45")
    assert result.out.endswith("(entry #1).\n")
    (entry,) = connected.store.all()
    assert entry.start == datetime(2020, 10, 26, 7, 0, tzinfo=UTC)  # CET after the switch
    assert entry.end == datetime(2020, 10, 26, 15, 30, tzinfo=UTC)
    assert (entry.break_minutes, entry.notes, entry.manual) == (45, "Nachtrag: Arzttermin", True)


def test_add_with_an_offset_is_taken_as_it_is(connected: SandboxServer, run: Run) -> None:
    assert run("add", "--from", "2020-10-26T08:00Z", "--to", "2020-10-26T09:00+00:00").status == 0
    (entry,) = connected.store.all()
    assert entry.start == datetime(2020, 10, 26, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("start", "end", "extra", "message"),
    [
        ("2020-10-26T16:00", "2020-10-26T08:00", (), "the end lies before the start"),
        ("2020-10-26T08:00", "2020-10-26T09:00", ("--break", "60"), "the break is not shorter"),
        ("2020-03-29T02:30", "2020-03-29T09:00", (), "does not exist on the local clock"),
        ("2020-10-25T02:30", "2020-10-25T09:00", (), "occurs twice on the local clock"),
    ],
)
def test_add_refuses_entries_that_cannot_be_right(
    connected: SandboxServer,
    run: Run,
    start: str,
    end: str,
    extra: tuple[str, ...],
    message: str,
) -> None:
    result = run("add", "--from", start, "--to", end, *extra)
    assert result.status in (1, 2)
    assert message in result.err
    assert result.err.count("\n") == 1
    assert connected.store.all() == []


def test_edit_changes_only_the_given_fields(october: SandboxServer, run: Run) -> None:
    result = run("edit", "3", "--to", "2020-10-15T17:00", "--notes", "länger geblieben")
    assert result.status == 0, result.err
    assert "08:00-17:00" in result.out
    entry = next(e for e in october.store.all() if e.id == 3)
    assert entry.end == datetime(2020, 10, 15, 15, 0, tzinfo=UTC)
    assert entry.notes == "länger geblieben"
    assert entry.break_minutes == 30
    assert entry.manual is False  # an edit leaves `manual` as the server has it


def test_edit_is_checked_against_the_stored_entry(october: SandboxServer, run: Run) -> None:
    result = run("edit", "3", "--to", "2020-10-15T07:00")
    assert result.status == 2
    assert "the end lies before the start" in result.err


def test_delete_with_yes(october: SandboxServer, run: Run) -> None:
    result = run("delete", "3", "--yes")
    assert result.status == 0
    assert result.out.startswith("Deleted hansm: Thu 2020-10-15 08:00-16:00")
    assert result.out.endswith("(entry #3).\n")
    assert 3 not in [entry.id for entry in october.store.all()]
    gone = run("show", "3")
    assert gone.status == 1
    assert gone.err.startswith("timeclock: error: Entry 3 was not found on TimeTrack")


def test_delete_without_yes_refuses_when_nobody_can_answer(
    october: SandboxServer, run: Run
) -> None:
    result = run("delete", "3")
    assert result.status == 2
    assert "add --yes" in result.err
    assert 3 in [entry.id for entry in october.store.all()]


def test_unknown_ids_are_one_line(connected: SandboxServer, run: Run) -> None:
    for args in (("show", "999"), ("edit", "999", "--notes", "x"), ("delete", "999", "--yes")):
        result = run(*args)
        assert result.status == 1
        assert result.err.startswith("timeclock: error: Entry 999 was not found")
        assert result.err.count("\n") == 1


def test_server_text_cannot_drive_the_terminal(connected: SandboxServer, run: Run) -> None:
    """Another user's notes must not recolour or rewrite a manager's terminal."""
    start = datetime(2020, 10, 15, 6, 0, tzinfo=UTC)
    connected.store.create(_entry(start, notes="\x1b[31mrot\x1b[0m\r\nzweite Zeile\x07"))
    for args in (("list", "--from", "2020-10-15"), ("show", "1")):
        out = run(*args).out
        assert "\x1b" not in out and "\x07" not in out and "\r" not in out
        assert "[31mrot" in out  # the text itself stays readable
