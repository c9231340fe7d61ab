"""The attendances wire format: tolerant reading, exact writing, and nothing but WireFormatError.

The vendor's document contradicts itself on field names, types and envelopes (see
``/work/shared/timetrack-api/NOTES.md``); every tolerance the wire module promises is checked
here, and a fuzz test makes sure that no JSON value makes the reader fail any other way.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeclock.api.errors import ServerMessage
from timeclock.api.wire import (
    WireFormatError,
    _plain_attendance,
    change_to_wire,
    draft_to_wire,
    filter_params,
    parse_attendance,
    parse_attendance_list,
    parse_error_messages,
    plain_ids,
)
from timeclock.domain.attendance import (
    Attendance,
    AttendanceChange,
    AttendanceDraft,
    Location,
)
from timeclock.domain.ranges import DayRange
from timeclock.domain.timestamps import format_timestamp

NINE = datetime(2020, 10, 20, 9, 0, tzinfo=UTC)
FIVE_PM = datetime(2020, 10, 20, 17, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


def record(*drop: str, **fields: object) -> dict[str, Any]:
    """A documented attendance object, less the ``drop`` keys, with ``fields`` set on top."""
    base: dict[str, Any] = {
        "id": 7,
        "user": "hansm",
        "from": "2020-10-20T09:00:00.000Z",
        "to": "2020-10-20T17:00:00.000Z",
        "notes": "Frühschicht",
        "manual": False,
        "workedMinutes": 450,
        "breakMinutes": 30,
        "latitudeStart": 48.137,
        "longitudeStart": "11.575",
        "latitudeEnd": "48.1",
        "longitudeEnd": "11.5",
    }
    for key in drop:
        del base[key]
    base.update(fields)
    return base


def with_key(key: str, value: object, *drop: str) -> dict[str, Any]:
    """``record()`` with a key that is not a Python identifier (``from``, ``to``)."""
    return {**record(*drop), key: value}


class TestParseAttendance:
    def test_reads_the_documented_object(self) -> None:
        entry = parse_attendance(record())

        assert entry == Attendance(
            id=7,
            user="hansm",
            start=NINE,
            end=FIVE_PM,
            break_minutes=30,
            notes="Frühschicht",
            manual=False,
            worked_minutes=450,
            start_location=Location(48.137, 11.575),
            end_location=Location(48.1, 11.5),
        )
        assert entry.start.tzinfo is UTC
        assert entry.end.tzinfo is UTC

    @pytest.mark.parametrize(
        ("fields", "expected"),
        [
            ({"ID": 12}, 12),
            ({"Id": 12}, 12),
            ({"id": "12"}, 12),
            ({"id": " 12 "}, 12),
            ({"id": "+12"}, 12),
            ({"id": 12.0}, 12),
            ({"id": 1, "ID": 2}, 1),
            ({"id": None, "ID": 3}, 3),
        ],
    )
    def test_id_spellings_and_types(self, fields: dict[str, object], expected: int) -> None:
        assert parse_attendance({**record("id"), **fields}).id == expected

    @pytest.mark.parametrize(
        "value",
        [
            0,
            -1,
            "0",
            "-3",
            "abc",
            "12a",
            "1_2",
            "1.5",
            1.5,
            True,
            False,
            None,
            "",
            [],
            {},
            "+-5",
            "--5",
            "\u0661\u0662",
            "\uff11\uff12",
            math.nan,
            math.inf,
        ],
        ids=repr,
    )
    def test_bad_ids_are_refused(self, value: object) -> None:
        with pytest.raises(WireFormatError):
            parse_attendance(record(id=value))

    def test_a_missing_id_is_refused(self) -> None:
        with pytest.raises(WireFormatError, match="'id' is missing"):
            parse_attendance(record("id"))

    @pytest.mark.parametrize(
        ("fields", "expected"),
        [
            ({"user": "hansm"}, "hansm"),
            ({"username": "erikam"}, "erikam"),
            ({"userName": "erikam"}, "erikam"),
            ({"user": "hansm", "username": "erikam"}, "hansm"),
            ({"user": None, "username": "erikam"}, "erikam"),
            ({"user": 1234}, "1234"),
            ({}, ""),
        ],
    )
    def test_user_spellings(self, fields: dict[str, object], expected: str) -> None:
        assert parse_attendance({**record("user"), **fields}).user == expected

    @pytest.mark.parametrize("value", [["hansm"], {"name": "hansm"}, True])
    def test_a_user_that_is_not_text_is_refused(self, value: object) -> None:
        with pytest.raises(WireFormatError):
            parse_attendance(record(user=value))

    @pytest.mark.parametrize(
        ("fields", "expected"),
        [
            ({"breakMinutes": 30}, 30),
            ({"minutesBreak": 45}, 45),
            ({"minutesBreak": "0"}, 0),
            ({"breakMinutes": "15"}, 15),
            ({"breakMinutes": 20.0}, 20),
            ({"breakMinutes": 5, "minutesBreak": 9}, 5),
            ({"breakMinutes": None, "minutesBreak": 9}, 9),
            ({"breakMinutes": ""}, 0),
            ({"breakMinutes": None}, 0),
            ({}, 0),
        ],
    )
    def test_break_spellings(self, fields: dict[str, object], expected: int) -> None:
        entry = parse_attendance({**record("breakMinutes", "workedMinutes"), **fields})

        assert entry.break_minutes == expected
        assert entry.worked_minutes == 8 * 60 - expected

    @pytest.mark.parametrize(
        ("fields", "expected"),
        [
            ({"notes": "a"}, "a"),
            ({"details": "b"}, "b"),
            ({"notes": "a", "details": "b"}, "a"),
            ({"notes": None, "details": "b"}, "b"),
            ({"notes": 42}, "42"),
            ({}, ""),
        ],
    )
    def test_notes_spellings(self, fields: dict[str, object], expected: str) -> None:
        assert parse_attendance({**record("notes"), **fields}).notes == expected

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (True, True),
            (False, False),
            (1, True),
            (0, False),
            ("1", True),
            ("0", False),
            ("true", True),
            ("false", False),
            (" TRUE ", True),
            ("False", False),
            (None, False),
        ],
        ids=repr,
    )
    def test_manual_as_boolean_number_or_text(self, value: object, expected: bool) -> None:
        assert parse_attendance(record(manual=value)).manual is expected

    def test_missing_manual_means_stamped(self) -> None:
        assert parse_attendance(record("manual")).manual is False

    @pytest.mark.parametrize("value", [2, -1, 1.0, "yes", "", "2", [], {}], ids=repr)
    def test_other_manual_values_are_refused(self, value: object) -> None:
        with pytest.raises(WireFormatError, match="manual"):
            parse_attendance(record(manual=value))

    @pytest.mark.parametrize(
        ("latitude", "longitude", "expected"),
        [
            ("48.137", "11.575", Location(48.137, 11.575)),
            (48.137, 11.575, Location(48.137, 11.575)),
            (" 48.137 ", 11, Location(48.137, 11.0)),
            (-90, "-180", Location(-90.0, -180.0)),
            ("90", 180.0, Location(90.0, 180.0)),
            (0, 0, Location(0.0, 0.0)),
        ],
        ids=repr,
    )
    def test_coordinates_as_text_or_numbers(
        self, latitude: object, longitude: object, expected: Location
    ) -> None:
        entry = parse_attendance(record(latitudeStart=latitude, longitudeStart=longitude))

        assert entry.start_location == expected
        assert isinstance(entry.start_location.latitude, float)  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        ("latitude", "longitude"),
        [
            ("abc", "11.5"),
            ("48.1", ""),
            ("90.001", "11.5"),
            (-91, 11.5),
            (48.1, "180.5"),
            (48.1, -181),
            ("nan", "11.5"),
            (math.nan, 11.5),
            (48.1, math.inf),
            ("-inf", 11.5),
            ("1e400", 11.5),
            pytest.param(10**400, 11.5, id="10**400-11.5"),
            (True, 11.5),
            (48.1, False),
            (None, 11.5),
            (48.1, None),
            ([48.1], 11.5),
            ({"deg": 48}, 11.5),
        ],
        ids=repr,
    )
    def test_a_broken_coordinate_drops_the_position_not_the_entry(
        self, latitude: object, longitude: object
    ) -> None:
        entry = parse_attendance(record(latitudeStart=latitude, longitudeStart=longitude))

        assert entry.start_location is None
        assert entry.end_location == Location(48.1, 11.5)
        assert entry.id == 7

    def test_no_coordinates_at_all(self) -> None:
        entry = parse_attendance(
            record("latitudeStart", "longitudeStart", "latitudeEnd", "longitudeEnd")
        )

        assert entry.start_location is None
        assert entry.end_location is None

    @pytest.mark.parametrize(
        ("fields", "expected"),
        [
            ({}, 450),
            ({"workedMinutes": None}, 450),
            ({"workedMinutes": ""}, 450),
            ({"workedMinutes": "400"}, 400),
            ({"workedMinutes": 0}, 0),
        ],
    )
    def test_worked_minutes_read_or_computed(
        self, fields: dict[str, object], expected: int
    ) -> None:
        assert parse_attendance({**record("workedMinutes"), **fields}).worked_minutes == expected

    def test_computed_worked_minutes_round_down(self) -> None:
        entry = parse_attendance(
            {**record("workedMinutes", "breakMinutes"), "to": "2020-10-20T09:10:59.999Z"}
        )

        assert entry.worked_minutes == 10

    @pytest.mark.parametrize("name", ["breakMinutes", "minutesBreak", "workedMinutes"])
    @pytest.mark.parametrize(
        "value",
        [
            -1,
            "-1",
            10_000_001,
            10**30,
            "99999999999999999999",
            1.5,
            "1.5",
            "1e3",
            True,
            False,
            "abc",
            "\u0663",
            [],
            {},
            math.nan,
            math.inf,
        ],
        ids=repr,
    )
    def test_bad_minutes_are_refused(self, name: str, value: object) -> None:
        with pytest.raises(WireFormatError):
            parse_attendance({**record("breakMinutes", "workedMinutes"), name: value})

    def test_the_largest_allowed_minutes(self) -> None:
        entry = parse_attendance(record(workedMinutes=10_000_000, breakMinutes="10000000"))

        assert (entry.worked_minutes, entry.break_minutes) == (10_000_000, 10_000_000)

    @pytest.mark.parametrize(
        ("start", "end", "expected_start", "expected_end"),
        [
            ("2020-10-20T09:00:00Z", "2020-10-20T17:00:00Z", NINE, FIVE_PM),
            ("2020-10-20T11:00:00+02:00", "2020-10-20T19:00:00.000+0200", NINE, FIVE_PM),
            ("2020-10-20T09:00:00.000+00:00", "2020-10-20T17:00:00z", NINE, FIVE_PM),
        ],
    )
    def test_timestamps_in_any_tolerated_form(
        self, start: str, end: str, expected_start: datetime, expected_end: datetime
    ) -> None:
        entry = parse_attendance({**record(), "from": start, "to": end})

        assert (entry.start, entry.end) == (expected_start, expected_end)

    @pytest.mark.parametrize("missing_to", [{"to": None}, {"to": ""}, {}], ids=repr)
    def test_no_end_means_open(self, missing_to: dict[str, object]) -> None:
        entry = parse_attendance({**record("to", "workedMinutes", "breakMinutes"), **missing_to})

        assert entry.end == entry.start == NINE
        assert entry.is_open
        assert entry.worked_minutes == 0

    def test_a_manual_entry_without_end_is_not_open(self) -> None:
        entry = parse_attendance(record("to", manual=True))

        assert entry.end == entry.start
        assert not entry.is_open

    def test_end_equal_to_start_is_accepted(self) -> None:
        entry = parse_attendance(with_key("to", "2020-10-20T09:00:00.000Z", "workedMinutes"))

        assert entry.is_open

    def test_an_end_before_the_start_is_refused(self) -> None:
        with pytest.raises(WireFormatError, match="before it starts"):
            parse_attendance(with_key("to", "2020-10-20T08:59:59.999Z"))

    @pytest.mark.parametrize(
        ("key", "value"),
        [
            ("from", "2020-10-20T09:00:00"),
            ("from", "2020-02-30T09:00:00Z"),
            ("from", 1603184400),
            ("from", None),
            ("from", ""),
            ("from", ["2020-10-20T09:00:00Z"]),
            ("to", "yesterday"),
            ("to", 1603213200),
            ("to", True),
            ("to", {"date": "2020-10-20"}),
        ],
        ids=repr,
    )
    def test_bad_timestamps_are_wire_errors(self, key: str, value: object) -> None:
        with pytest.raises(WireFormatError):
            parse_attendance(with_key(key, value))

    def test_a_missing_start_is_refused(self) -> None:
        with pytest.raises(WireFormatError, match="'from' is missing"):
            parse_attendance(record("from"))

    @pytest.mark.parametrize("key", ["data", "attendance", "item"])
    def test_a_single_object_wrapped_in_an_envelope(self, key: str) -> None:
        assert parse_attendance({key: record()}) == parse_attendance(record())

    def test_a_deeply_wrapped_object_is_no_recursion_error(self) -> None:
        value: object = record()
        for _ in range(5000):
            value = {"data": value}

        assert parse_attendance(value) == parse_attendance(record())

    def test_a_deeply_wrapped_non_object_is_a_wire_error(self) -> None:
        value: object = {"foo": 1}
        for _ in range(5000):
            value = {"data": value}

        with pytest.raises(WireFormatError):
            parse_attendance(value)

    @pytest.mark.parametrize(
        "value",
        [None, 5, 5.5, "x", "", True, [], [record()], {}, {"foo": 1}, {"data": [record()]}],
        ids=repr,
    )
    def test_what_is_no_object_is_refused(self, value: object) -> None:
        with pytest.raises(WireFormatError):
            parse_attendance(value)


class TestParseAttendanceList:
    def test_a_bare_array(self) -> None:
        entries = parse_attendance_list([record(id=1), record(id=2, user="erikam")])

        assert [(entry.id, entry.user) for entry in entries] == [(1, "hansm"), (2, "erikam")]

    @pytest.mark.parametrize(
        "envelope",
        ["data", "attendances", "items", "results", "entries", "records"],
    )
    def test_an_array_wrapped_in_an_object(self, envelope: str) -> None:
        wrapped = {envelope: [record(id=1), record(id=2)], "total": 2, "page_number": 0}

        assert [entry.id for entry in parse_attendance_list(wrapped)] == [1, 2]

    def test_a_wrapper_in_a_wrapper(self) -> None:
        wrapped = {"data": {"attendances": [record(id=3)]}}

        assert [entry.id for entry in parse_attendance_list(wrapped)] == [3]

    @pytest.mark.parametrize("value", [[], {"data": []}, {"attendances": []}], ids=repr)
    def test_empty_lists(self, value: object) -> None:
        assert parse_attendance_list(value) == []

    @pytest.mark.parametrize(
        "value",
        [
            None,
            5,
            1.5,
            "x",
            "[]",
            True,
            {},
            {"foo": 1},
            {"foo": []},
            {"data": 5},
            {"data": None},
            {"data": {"foo": []}},
            {"data": {"data": {"data": []}}},
            record(),
        ],
        ids=repr,
    )
    def test_unknown_shapes_are_wire_errors(self, value: object) -> None:
        with pytest.raises(WireFormatError, match="expected a list"):
            parse_attendance_list(value)

    @pytest.mark.parametrize("bad", [{"id": 3}, 5, "x", None, [], record(id=-1)], ids=repr)
    def test_a_bad_item_is_named_by_its_index(self, bad: object) -> None:
        with pytest.raises(WireFormatError, match=r"^item 2 of the list: "):
            parse_attendance_list([record(id=1), record(id=2), bad, record(id=4)])

    def test_items_after_one_in_another_shape_are_read_too(self) -> None:
        """The quick way stops at the first item that needs the long way; the rest still
        come, in order."""
        items = [record(id=1), record("id", "user", ID="2", username="erikam"), record(id=3)]

        assert [entry.id for entry in parse_attendance_list(items)] == [1, 2, 3]
        assert parse_attendance_list(items)[1].user == "erikam"


class TestPlainIds:
    """The ids a page's items give, looked at before the items are read (the client's
    paging asks for the next page early only where they show that the list goes on)."""

    def test_the_ids_of_documented_objects(self) -> None:
        assert plain_ids([record(id=3), record(id=1), record(id=3)]) == [3, 1, 3]
        assert plain_ids([]) == []

    @pytest.mark.parametrize(
        "other",
        [record(id="4"), record("id", ID=4), record(id=None), record(id=4.0), record(id=True), 4],
        ids=repr,
    )
    def test_any_other_shape_tells_nothing(self, other: object) -> None:
        assert plain_ids([record(id=1), other]) is None

    def test_they_are_the_ids_reading_gives(self) -> None:
        items = [record(id=7), record(id=2)]
        assert plain_ids(items) == [entry.id for entry in parse_attendance_list(items)]


# --- Fuzzing: only an Attendance (or a list of them) or a WireFormatError, nothing else ----

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**400), max_value=10**400)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
)
JSON_VALUES = st.recursive(
    _SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
_PLAUSIBLE_TEXT = st.sampled_from(
    [
        "",
        " ",
        "0",
        "1",
        "-1",
        "12",
        "+-5",
        "1e3",
        "nan",
        "inf",
        "48.137",
        "true",
        "false",
        "2020-10-20T09:00:00Z",
        "2020-10-20T17:00:00.000Z",
        "2020-10-20T08:00:00+02:00",
        "2020-02-30T00:00:00Z",
        "9999-12-31T23:59:59-23:59",
        "\u0663",
        "\u00b2",
    ]
)
FIELD_VALUES = _SCALARS | _PLAUSIBLE_TEXT | JSON_VALUES
_KEYS = (
    "id",
    "ID",
    "Id",
    "user",
    "username",
    "userName",
    "from",
    "to",
    "notes",
    "details",
    "manual",
    "workedMinutes",
    "breakMinutes",
    "minutesBreak",
    "latitudeStart",
    "longitudeStart",
    "latitudeEnd",
    "longitudeEnd",
)
RECORDS = st.fixed_dictionaries(
    {"id": st.integers(1, 10**6) | FIELD_VALUES, "from": _PLAUSIBLE_TEXT | FIELD_VALUES},
    optional={key: FIELD_VALUES for key in _KEYS if key not in ("id", "from")},
)
ANYTHING = JSON_VALUES | RECORDS | st.builds(lambda inner: {"data": inner}, RECORDS)
LISTS = (
    JSON_VALUES
    | st.lists(RECORDS | JSON_VALUES, max_size=4)
    | st.builds(lambda items: {"data": items}, st.lists(RECORDS, max_size=3))
    | st.builds(lambda items: {"attendances": items}, st.lists(RECORDS, max_size=3))
)


def check_entry(entry: object) -> None:
    """What every attendance the reader hands out must satisfy."""
    assert isinstance(entry, Attendance)
    assert isinstance(entry.id, int)
    assert entry.id > 0
    assert isinstance(entry.user, str)
    assert isinstance(entry.notes, str)
    assert isinstance(entry.manual, bool)
    assert entry.start.tzinfo is UTC
    assert entry.end.tzinfo is UTC
    assert entry.end >= entry.start
    assert 0 <= entry.break_minutes <= 10_000_000
    assert isinstance(entry.worked_minutes, int)
    assert entry.worked_minutes >= 0
    for location in (entry.start_location, entry.end_location):
        if location is not None:
            assert -90 <= location.latitude <= 90
            assert -180 <= location.longitude <= 180


@settings(max_examples=300, deadline=None)
@given(value=ANYTHING)
def test_parse_attendance_returns_an_attendance_or_a_wire_error(value: object) -> None:
    try:
        entry = parse_attendance(value)
    except WireFormatError:
        return
    check_entry(entry)


@settings(max_examples=200, deadline=None)
@given(value=LISTS)
def test_parse_attendance_list_returns_a_list_or_a_wire_error(value: object) -> None:
    try:
        entries = parse_attendance_list(value)
    except WireFormatError:
        return
    assert isinstance(entries, list)
    for entry in entries:
        check_entry(entry)


_ERROR_TEXT = st.sampled_from(["", " ", "\n\t", "\u2028", "Bad", "  Not\nfound  "]) | FIELD_VALUES
ERROR_ITEMS = st.fixed_dictionaries(
    {},
    optional=dict.fromkeys(
        ("title", "detail", "details", "message", "error", "code", "status"), _ERROR_TEXT
    ),
)
ERROR_BODIES = (
    JSON_VALUES
    | _ERROR_TEXT
    | ERROR_ITEMS
    | st.builds(
        lambda errors: {"errors": errors},
        st.lists(ERROR_ITEMS | _ERROR_TEXT, max_size=4) | ERROR_ITEMS | _ERROR_TEXT,
    )
)


@settings(max_examples=300, deadline=None)
@given(value=ERROR_BODIES)
def test_parse_error_messages_never_fails(value: object) -> None:
    messages = parse_error_messages(value)

    assert isinstance(messages, tuple)
    for message in messages:
        assert isinstance(message, ServerMessage)
        assert isinstance(message.title, str)
        assert message.title or message.detail
        assert "\n" not in str(message)


# --- Error bodies ------------------------------------------------------------------------

VENDOR_ERROR = {
    "errors": [
        {
            "title": "TimeEntry exist but it is deleted",
            "status": 404,
            "code": 15020,
            "detail": "The entry 12 was deleted.",
        }
    ]
}


class TestParseErrorMessages:
    def test_the_vendors_body(self) -> None:
        assert parse_error_messages(VENDOR_ERROR) == (
            ServerMessage(
                title="TimeEntry exist but it is deleted",
                detail="The entry 12 was deleted.",
                code=15020,
            ),
        )

    def test_several_errors_keep_their_order_and_skip_junk(self) -> None:
        body = {
            "errors": [
                {"title": "first"},
                5,
                None,
                {"title": 3},
                {},
                {"detail": "only a detail"},
                "plain",
            ]
        }

        assert parse_error_messages(body) == (
            ServerMessage(title="first"),
            ServerMessage(title="", detail="only a detail"),
            ServerMessage(title="plain"),
        )

    @pytest.mark.parametrize(
        ("body", "expected"),
        [
            ({"errors": {"title": "t", "detail": "d"}}, ServerMessage("t", "d")),
            ({"errors": "broken"}, ServerMessage("broken")),
            ({"message": "Invalid API key"}, ServerMessage("Invalid API key")),
            ({"error": "Unauthorized"}, ServerMessage("Unauthorized")),
            ({"title": "Bad", "details": "no from"}, ServerMessage("Bad", "no from")),
            ({"title": "x", "code": True}, ServerMessage("x")),
            ({"title": "x", "code": "15020"}, ServerMessage("x")),
            ("Internal Server Error", ServerMessage("Internal Server Error")),
            ("  Bad\n\tGateway  ", ServerMessage("Bad Gateway")),
        ],
        ids=repr,
    )
    def test_common_other_shapes(self, body: object, expected: ServerMessage) -> None:
        assert parse_error_messages(body) == (expected,)

    @pytest.mark.parametrize(
        "body",
        [
            None,
            5,
            1.5,
            True,
            [],
            ["x"],
            "",
            "   ",
            {},
            {"foo": 1},
            {"errors": []},
            {"errors": 5},
            {"errors": None},
            {"message": ""},
            {"message": 5},
            {"title": " "},
            {"errors": [{"title": "\n", "detail": "\t "}]},
            {"error": "\u2028"},
        ],
        ids=repr,
    )
    def test_garbage_says_nothing(self, body: object) -> None:
        assert parse_error_messages(body) == ()

    def test_a_long_text_is_clipped(self) -> None:
        (message,) = parse_error_messages("x" * 1000)

        assert len(message.title) == 300
        assert message.title.endswith("…")

    @pytest.mark.parametrize(
        ("message", "text"),
        [
            (ServerMessage("Title", "Detail"), "Title: Detail"),
            (ServerMessage("Same", "Same"), "Same"),
            (ServerMessage("", "Only detail"), "Only detail"),
            (ServerMessage("Only title"), "Only title"),
        ],
    )
    def test_server_message_text(self, message: ServerMessage, text: str) -> None:
        assert str(message) == text


# --- Writing -----------------------------------------------------------------------------


class TestDraftToWire:
    def test_the_body_of_a_create(self) -> None:
        draft = AttendanceDraft(
            user="hansm",
            start=datetime(2020, 10, 20, 11, 0, tzinfo=BERLIN),
            end=datetime(2020, 10, 20, 19, 0, 0, 123_456, tzinfo=BERLIN),
            break_minutes=30,
            notes="Frühschicht",
            manual=True,
        )

        assert draft_to_wire(draft) == {
            "username": "hansm",
            "from": "2020-10-20T09:00:00.000Z",
            "to": "2020-10-20T17:00:00.123Z",
            "breakMinutes": 30,
            "notes": "Frühschicht",
            "manual": True,
        }

    def test_a_stamp_in_is_sent_as_not_manual(self) -> None:
        body = draft_to_wire(AttendanceDraft(user="hansm", start=NINE, end=NINE, manual=False))

        assert body["manual"] is False
        assert body["from"] == body["to"] == "2020-10-20T09:00:00.000Z"

    def test_coordinates_are_numbers(self) -> None:
        draft = AttendanceDraft(
            user="hansm",
            start=NINE,
            end=FIVE_PM,
            start_location=Location(48.137, 11.575),
            end_location=Location(-33.45, -70.66),
        )

        body = draft_to_wire(draft)

        assert body["latitudeStart"] == 48.137
        assert body["longitudeStart"] == 11.575
        assert body["latitudeEnd"] == -33.45
        assert body["longitudeEnd"] == -70.66
        for key in ("latitudeStart", "longitudeStart", "latitudeEnd", "longitudeEnd"):
            assert type(body[key]) is float

    def test_only_the_documented_create_fields(self) -> None:
        body = draft_to_wire(AttendanceDraft(user="hansm", start=NINE, end=FIVE_PM))

        assert set(body) == {"username", "from", "to", "breakMinutes", "notes", "manual"}

    @settings(max_examples=100, deadline=None)
    @given(
        user=st.text(min_size=1, max_size=20),
        start=st.datetimes(
            min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
        ),
        length=st.timedeltas(min_value=timedelta(), max_value=timedelta(hours=30)),
        break_minutes=st.integers(0, 600),
        notes=st.text(max_size=40),
        manual=st.booleans(),
        location=st.none()
        | st.builds(
            Location,
            st.floats(-90, 90, allow_nan=False),
            st.floats(-180, 180, allow_nan=False),
        ),
    )
    def test_what_is_written_reads_back(
        self,
        *,
        user: str,
        start: datetime,
        length: timedelta,
        break_minutes: int,
        notes: str,
        manual: bool,
        location: Location | None,
    ) -> None:
        start = start.replace(microsecond=start.microsecond // 1000 * 1000)
        end = start + length
        draft = AttendanceDraft(
            user=user,
            start=start,
            end=end,
            break_minutes=break_minutes,
            notes=notes,
            manual=manual,
            start_location=location,
            end_location=location,
        )

        entry = parse_attendance({**draft_to_wire(draft), "id": 1})

        assert entry.user == user
        assert entry.start == start
        assert entry.end == end.replace(microsecond=end.microsecond // 1000 * 1000)
        assert (entry.break_minutes, entry.notes, entry.manual) == (break_minutes, notes, manual)
        assert entry.start_location == entry.end_location == location


class TestChangeToWire:
    def test_an_empty_change_sends_nothing(self) -> None:
        assert change_to_wire(AttendanceChange()) == {}

    def test_only_the_end(self) -> None:
        assert change_to_wire(AttendanceChange(end=FIVE_PM)) == {"to": "2020-10-20T17:00:00.000Z"}

    def test_every_field(self) -> None:
        change = AttendanceChange(
            start=datetime(2020, 10, 20, 11, 0, tzinfo=BERLIN),
            end=FIVE_PM,
            break_minutes=45,
            notes="korrigiert",
            manual=True,
        )

        assert change_to_wire(change) == {
            "from": "2020-10-20T09:00:00.000Z",
            "to": "2020-10-20T17:00:00.000Z",
            "breakMinutes": 45,
            "notes": "korrigiert",
            "manual": True,
        }

    def test_falsy_values_are_sent(self) -> None:
        body = change_to_wire(AttendanceChange(break_minutes=0, notes="", manual=False))

        assert body == {"breakMinutes": 0, "notes": "", "manual": False}

    @settings(max_examples=50, deadline=None)
    @given(
        start=st.none() | st.just(NINE),
        end=st.none() | st.just(FIVE_PM),
        break_minutes=st.none() | st.integers(0, 600),
        notes=st.none() | st.text(max_size=10),
        manual=st.none() | st.booleans(),
    )
    def test_never_the_user_and_only_what_is_set(
        self,
        *,
        start: datetime | None,
        end: datetime | None,
        break_minutes: int | None,
        notes: str | None,
        manual: bool | None,
    ) -> None:
        change = AttendanceChange(start, end, break_minutes, notes, manual)

        body = change_to_wire(change)

        assert "username" not in body
        assert "user" not in body
        expected_keys = {
            key
            for key, value in [
                ("from", start),
                ("to", end),
                ("breakMinutes", break_minutes),
                ("notes", notes),
                ("manual", manual),
            ]
            if value is not None
        }
        assert set(body) == expected_keys


class TestFilterParams:
    def test_october_in_berlin_ends_a_millisecond_before_november(self) -> None:
        since, until = DayRange(date(2020, 10, 1), date(2020, 10, 31)).utc_bounds(BERLIN)

        assert filter_params("hansm", since, until) == {
            "username": "hansm",
            "from": "2020-09-30T22:00:00.000Z",
            "to": "2020-10-31T22:59:59.999Z",
        }

    def test_nothing_set_sends_nothing(self) -> None:
        assert filter_params(None, None, None) == {}

    def test_an_empty_user_is_not_sent(self) -> None:
        assert filter_params("", NINE, None) == {"from": "2020-10-20T09:00:00.000Z"}

    def test_only_until(self) -> None:
        assert filter_params(None, None, FIVE_PM) == {"to": "2020-10-20T16:59:59.999Z"}

    def test_aware_local_bounds_are_sent_in_utc(self) -> None:
        until = datetime(2020, 11, 1, 0, 0, tzinfo=BERLIN)

        assert filter_params(None, None, until) == {"to": "2020-10-31T22:59:59.999Z"}


# -- the quick way through documented objects (issue #9) ---------------------------------

_STAMPS = st.one_of(
    st.datetimes(
        min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
    ).map(format_timestamp),
    st.sampled_from(
        [
            "2026-03-10T07:00:00Z",
            "2026-03-10T07:00:00.5Z",
            "2026-03-10 07:00:00.000Z",
            "2026-03-10T07:00:00.000+01:00",
            "2026-02-30T07:00:00.000Z",
            "0001-01-01T00:00:00.000Z",
            "9999-12-31T23:59:59.999Z",
            "\uff12\uff10\uff12\uff16-03-10T07:00:00.000Z",  # full-width digits
            "",
        ]
    ),
    st.none(),
    st.integers(),
)
_NUMBERS = st.one_of(
    st.integers(min_value=-5, max_value=20_000_000), st.booleans(), st.none(), st.just("30")
)


@settings(max_examples=400)
@given(
    entry_id=st.one_of(st.integers(min_value=-1, max_value=2**64), st.booleans(), st.just("7")),
    user=st.one_of(st.text(max_size=8), st.none(), st.integers()),
    start=_STAMPS,
    end=_STAMPS,
    break_minutes=_NUMBERS,
    worked=_NUMBERS,
    notes=st.one_of(st.text(max_size=8), st.none(), st.floats(allow_nan=False)),
    manual=st.one_of(st.booleans(), st.none(), st.just(1), st.just("true")),
    coordinates=st.dictionaries(
        st.sampled_from(["latitudeStart", "longitudeStart", "latitudeEnd", "longitudeEnd"]),
        st.one_of(st.floats(), st.text(max_size=6), st.none()),
    ),
    missing=st.sets(st.sampled_from(["user", "notes", "manual", "breakMinutes", "to"])),
)
def test_the_quick_way_reads_an_object_as_the_long_way_does(
    entry_id: object,
    user: object,
    start: object,
    end: object,
    break_minutes: object,
    worked: object,
    notes: object,
    manual: object,
    coordinates: dict[str, object],
    missing: set[str],
) -> None:
    record: dict[str, object] = {
        "id": entry_id,
        "user": user,
        "from": start,
        "to": end,
        "notes": notes,
        "manual": manual,
        "workedMinutes": worked,
        "breakMinutes": break_minutes,
        **coordinates,
    }
    for name in missing:
        del record[name]

    try:
        # A known id takes the long way; an object's own id wins over it where it has one.
        expected: Attendance | type[WireFormatError] = parse_attendance(
            record, known_id=entry_id if type(entry_id) is int and entry_id > 0 else 1
        )
    except WireFormatError:
        expected = WireFormatError
    quick = _plain_attendance(record)

    if quick is not None:
        assert quick == expected
    if expected is not WireFormatError and "id" in record and type(entry_id) is int:
        assert parse_attendance(record) == expected  # the way a list reads it


def test_a_documented_object_takes_the_quick_way() -> None:
    record = {
        "id": 5,
        "user": "Jörg",
        "from": "2026-03-10T07:00:00.000Z",
        "to": "2026-03-10T15:30:00Z",
        "notes": "Messe",
        "manual": True,
        "workedMinutes": 480,
        "breakMinutes": 30,
        "latitudeStart": 48.1,
        "longitudeStart": "11.5",
    }

    quick = _plain_attendance(record)

    assert quick is not None and quick == parse_attendance(record, known_id=5)
    assert quick.start_location == Location(48.1, 11.5) and quick.end_location is None


def test_a_list_shares_its_user_names_and_minute_counts_among_its_entries() -> None:
    """A list of a year holds 100,000 entries of a few users working a few hundred
    different minute counts: one object each, not one per entry."""
    # Numbers and names made at run time (not constants the compiler already shares).
    minutes = [int(str(450 + n % 3)) for n in range(9)]
    users = ["".join(["han", "sm"]) for _ in range(9)]
    items = [
        record("workedMinutes", id=n + 1, user=users[n])
        | ({"workedMinutes": minutes[n]} if n % 2 else {})  # sent, or worked out here
        for n in range(9)
    ]
    entries = parse_attendance_list(items)

    assert len({id(entry.user) for entry in entries}) == 1
    by_value: dict[int | None, set[int]] = {}
    for entry in entries:
        by_value.setdefault(entry.worked_minutes, set()).add(id(entry.worked_minutes))
    assert all(len(objects) == 1 for objects in by_value.values()), by_value
    assert len(by_value) > 1
