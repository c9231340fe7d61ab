"""Entries as JSON and CSV: the vendor's field names, UTC wire timestamps, numbers as numbers.

The CSV is read back with :class:`csv.DictReader` as a spreadsheet or script would, so
notes with commas, quotes and line breaks must come back exactly.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from timeclock.domain.attendance import Attendance, Location
from timeclock.services.export import (
    COORDINATES,
    FIELDS,
    _json_object,
    entry_record,
    to_csv,
    to_json,
    write_csv,
    write_json,
)

BERLIN_SUMMER = timezone(timedelta(hours=2))
START = datetime(2020, 10, 20, 7, 0, 5, 123000, tzinfo=UTC)
END = datetime(2020, 10, 20, 15, 30, tzinfo=UTC)
OFFICE = Location(52.520008, 13.404954)
HOME = Location(-33.8688, 151.2093)

PLAIN = Attendance(
    id=17,
    user="hansm",
    start=START,
    end=END,
    break_minutes=30,
    notes="",
    manual=False,
    worked_minutes=479,
)
LOCATED = Attendance(
    id=18,
    user="ivan",
    start=datetime(2020, 10, 21, 9, 0, tzinfo=BERLIN_SUMMER),
    end=datetime(2020, 10, 21, 17, 45, tzinfo=BERLIN_SUMMER),
    break_minutes=45,
    notes="Korrektur: vergessen auszustempeln",
    manual=True,
    worked_minutes=480,
    start_location=OFFICE,
    end_location=HOME,
)
OPEN = Attendance(id=19, user="jürgen", start=END, end=END, start_location=OFFICE)


def read_csv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows of a CSV text, as csv.DictReader sees them."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def test_a_record_has_the_vendors_field_names_and_wire_timestamps() -> None:
    assert entry_record(PLAIN) == {
        "id": 17,
        "user": "hansm",
        "from": "2020-10-20T07:00:05.123Z",
        "to": "2020-10-20T15:30:00.000Z",
        "notes": "",
        "manual": False,
        "workedMinutes": 479,
        "breakMinutes": 30,
    }


def test_timestamps_in_another_zone_are_written_in_utc() -> None:
    record = entry_record(LOCATED)

    assert record["from"] == "2020-10-21T07:00:00.000Z"
    assert record["to"] == "2020-10-21T15:45:00.000Z"


def test_a_record_has_coordinates_only_where_the_entry_has_them() -> None:
    assert not set(COORDINATES) & set(entry_record(PLAIN))
    assert {key: entry_record(LOCATED)[key] for key in COORDINATES} == {
        "latitudeStart": 52.520008,
        "longitudeStart": 13.404954,
        "latitudeEnd": -33.8688,
        "longitudeEnd": 151.2093,
    }
    open_record = entry_record(OPEN)
    assert open_record["latitudeStart"] == OFFICE.latitude
    assert "latitudeEnd" not in open_record
    assert "longitudeEnd" not in open_record


def test_json_is_an_array_of_the_records_with_numbers_as_numbers() -> None:
    data = json.loads(to_json([PLAIN, LOCATED, OPEN]))

    assert data == [entry_record(PLAIN), entry_record(LOCATED), entry_record(OPEN)]
    first = data[0]
    assert isinstance(first["id"], int)
    assert isinstance(first["workedMinutes"], int)
    assert isinstance(first["breakMinutes"], int)
    assert first["manual"] is False
    assert data[1]["manual"] is True
    assert isinstance(data[1]["latitudeStart"], float)


def test_json_without_worked_minutes_has_null() -> None:
    data = json.loads(to_json([OPEN, ODD]))

    assert [item["workedMinutes"] for item in data] == [None, None]
    assert data[0]["breakMinutes"] == 0


# -- a running entry (issue #11): no end, the minutes worked so far ----------------------

RUNNING = Attendance(
    id=20, user="hansm", start=START, end=START, break_minutes=15, worked_minutes=0
)  # as the server sends it: to = from, 0 worked minutes
LATER = START + timedelta(hours=2, minutes=30, seconds=59)


def test_a_running_entry_in_json_has_no_end_and_the_minutes_worked_so_far() -> None:
    (record,) = json.loads(to_json([RUNNING], now=LATER))

    assert record["from"] == "2020-10-20T07:00:05.123Z"
    assert record["to"] is None
    assert record["workedMinutes"] == 135  # 2:30 less the 15 min break, whole minutes
    assert record == entry_record(RUNNING, LATER)


def test_a_running_entry_in_csv_has_an_empty_end_as_the_payroll_report() -> None:
    _, rows = read_csv(to_csv([RUNNING, PLAIN], now=LATER))

    assert (rows[0]["from"], rows[0]["to"], rows[0]["workedMinutes"]) == (
        "2020-10-20T07:00:05.123Z",
        "",
        "135",
    )
    assert (rows[1]["to"], rows[1]["workedMinutes"]) == ("2020-10-20T15:30:00.000Z", "479")


def test_a_finished_entry_keeps_the_servers_minutes_whatever_the_moment() -> None:
    manual_zero = Attendance(
        id=21, user="hansm", start=START, end=START, manual=True, worked_minutes=0
    )  # typed in by hand as nothing: not running

    assert entry_record(PLAIN, LATER)["workedMinutes"] == 479
    assert entry_record(manual_zero, LATER)["to"] == "2020-10-20T07:00:05.123Z"
    assert entry_record(manual_zero, LATER)["workedMinutes"] == 0


def test_json_of_no_entries_is_an_empty_array() -> None:
    assert json.loads(to_json([])) == []
    assert json.loads(to_json(iter([PLAIN]))) == [entry_record(PLAIN)]


def test_json_keeps_unicode_readable() -> None:
    text = to_json([OPEN])

    assert '"jürgen"' in text
    assert "\\u00fc" not in text


def test_csv_has_a_header_of_every_field_and_coordinate() -> None:
    header, rows = read_csv(to_csv([]))

    assert header == [*FIELDS, *COORDINATES]
    assert header[:8] == [
        "id",
        "user",
        "from",
        "to",
        "notes",
        "manual",
        "workedMinutes",
        "breakMinutes",
    ]
    assert rows == []


def test_csv_rows_hold_the_values_and_empty_columns_where_unknown() -> None:
    _, rows = read_csv(to_csv([PLAIN, LOCATED, OPEN]))

    assert rows[0] == {
        "id": "17",
        "user": "hansm",
        "from": "2020-10-20T07:00:05.123Z",
        "to": "2020-10-20T15:30:00.000Z",
        "notes": "",
        "manual": "false",
        "workedMinutes": "479",
        "breakMinutes": "30",
        "latitudeStart": "",
        "longitudeStart": "",
        "latitudeEnd": "",
        "longitudeEnd": "",
    }
    assert rows[1]["manual"] == "true"
    assert rows[1]["from"] == "2020-10-21T07:00:00.000Z"
    assert [float(rows[1][key]) for key in COORDINATES] == [
        52.520008,
        13.404954,
        -33.8688,
        151.2093,
    ]
    assert rows[2]["user"] == "jürgen"
    assert (rows[2]["to"], rows[2]["workedMinutes"]) == ("", "")  # running; no moment given
    assert (rows[2]["latitudeStart"], rows[2]["latitudeEnd"]) == ("52.520008", "")


def test_every_csv_row_has_every_column() -> None:
    text = to_csv([PLAIN, LOCATED, OPEN])
    lines = list(csv.reader(io.StringIO(text, newline="")))

    assert len(lines) == 4
    assert {len(line) for line in lines} == {len(FIELDS) + len(COORDINATES)}


@pytest.mark.parametrize(
    "notes",
    [
        "Kunde Müller, Büro 3",
        'Er sagte "später"',
        "erste Zeile\nzweite Zeile",
        "Windows\r\nZeile",
        'alles, "zusammen"\nund mehr,,',
        "  Leerzeichen am Rand  ",
        "Grüße 😀 — ½",
    ],
    ids=["comma", "quotes", "newline", "crlf", "everything", "spaces", "unicode"],
)
def test_notes_come_back_exactly_from_the_csv(notes: str) -> None:
    entry = Attendance(
        id=1, user="hansm", start=START, end=END, notes=notes, manual=True, worked_minutes=500
    )

    _, rows = read_csv(to_csv([entry, PLAIN]))

    assert [row["notes"] for row in rows] == [notes, ""]
    assert rows[1]["id"] == "17"


def test_notes_come_back_exactly_from_the_json() -> None:
    notes = 'alles, "zusammen"\nund mehr 😀'
    entry = Attendance(id=1, user="hansm", start=START, end=END, notes=notes)

    assert json.loads(to_json([entry]))[0]["notes"] == notes


def test_the_csv_ends_every_line_with_a_plain_newline() -> None:
    text = to_csv([PLAIN, LOCATED])

    assert "\r" not in text
    assert text.endswith("\n")
    assert text.count("\n") == 3


# -- written as they go (issue #9) -------------------------------------------------------

ODD = Attendance(
    id=2**63 - 1,
    user='Jörg "der Große" \\ Ünal',
    start=datetime(1, 1, 2, tzinfo=UTC),
    end=datetime(9999, 12, 30, 23, 59, 59, 999000, tzinfo=UTC),
    notes="zwei\nZeilen\t\u2028 \x00 und \ud800 😀 </script>",
    manual=True,
    worked_minutes=None,
    end_location=HOME,
)
WAITING = Attendance(id=None, user="hansm", start=START, end=END, local_ref="local:abc")


@pytest.mark.parametrize("entry", [PLAIN, LOCATED, OPEN, ODD, WAITING, RUNNING], ids=repr)
@pytest.mark.parametrize("now", [None, LATER])
def test_an_object_is_written_as_json_dumps_writes_its_record(
    entry: Attendance, now: datetime | None
) -> None:
    expected = json.dumps(entry_record(entry, now), ensure_ascii=False)

    assert _json_object(entry, now) == expected


def test_json_is_one_object_a_line_and_ends_with_a_newline() -> None:
    out = io.StringIO()
    write_json(iter([PLAIN, LOCATED, OPEN]), out)
    text = out.getvalue()

    assert text.splitlines()[0] == "["
    assert text.splitlines()[1:3] == [
        "  " + json.dumps(entry_record(PLAIN), ensure_ascii=False) + ",",
        "  " + json.dumps(entry_record(LOCATED), ensure_ascii=False) + ",",
    ]
    assert text.endswith("}\n]\n")
    assert json.loads(text) == [entry_record(PLAIN), entry_record(LOCATED), entry_record(OPEN)]


def test_a_long_list_is_written_whole_in_order() -> None:
    entries = [
        Attendance(id=n, user="hansm", start=START + timedelta(hours=n), end=END + timedelta(n))
        for n in range(1, 2502)
    ]
    json_out, csv_out = io.StringIO(), io.StringIO()

    write_json(entries, json_out)
    write_csv(entries, csv_out)

    assert [record["id"] for record in json.loads(json_out.getvalue())] == list(range(1, 2502))
    _, rows = read_csv(csv_out.getvalue())
    assert [int(row["id"]) for row in rows] == list(range(1, 2502))
