"""Comparing two versions of an entry, and what each way out of an edit conflict stores."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from timeclock.domain.attendance import Attendance, AttendanceChange, Location
from timeclock.domain.conflicts import (
    Conflict,
    EntryField,
    changed_fields,
    differences,
    find_conflict,
    rebased,
)

START = datetime(2021, 10, 31, 1, 30, 15, 123000, tzinfo=UTC)
BASE = Attendance(
    id=7,
    user="hansm",
    start=START,
    end=START + timedelta(hours=6),
    break_minutes=30,
    notes="Frühschicht",
    manual=False,
    worked_minutes=330,
    start_location=Location(52.520008, 13.404954),
)


def test_equal_versions_do_not_differ() -> None:
    assert differences(BASE, replace(BASE)) == frozenset()


def test_a_user_name_in_another_case_is_the_same_user_not_a_change_elsewhere() -> None:
    """A list answers with the name as asked (``HansM``), a read by id as the server keeps
    it (``hansm``): an edit between the two is no conflict."""
    assert differences(replace(BASE, user="HansM"), BASE) == frozenset()
    assert differences(replace(BASE, user="petra"), BASE) == {EntryField.USER}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"start": START - timedelta(minutes=5)}, EntryField.START),
        ({"start": START + timedelta(seconds=1)}, EntryField.START),
        ({"end": START + timedelta(hours=7)}, EntryField.END),
        ({"break_minutes": 45}, EntryField.BREAK),
        ({"notes": "Spätschicht"}, EntryField.NOTES),
        ({"notes": "Frühschicht "}, EntryField.NOTES),
        ({"manual": True}, EntryField.MANUAL),
        ({"user": "ivan"}, EntryField.USER),
        ({"start_location": None}, EntryField.START_LOCATION),
        ({"end_location": Location(52.5, 13.4)}, EntryField.END_LOCATION),
    ],
    ids=lambda value: value.name if isinstance(value, EntryField) else "",
)
def test_each_visible_field_counts(changes: dict[str, object], field: EntryField) -> None:
    assert differences(BASE, replace(BASE, **changes)) == {field}  # type: ignore[arg-type]


def test_the_server_s_arithmetic_and_the_id_do_not_count() -> None:
    assert differences(BASE, replace(BASE, worked_minutes=None)) == frozenset()
    assert differences(BASE, replace(BASE, worked_minutes=999, id=8)) == frozenset()


def test_the_same_instant_in_another_zone_is_no_difference(berlin: ZoneInfo) -> None:
    # START lies in Berlin's repeated autumn hour, where Python's own == says "differ".
    assert differences(BASE, replace(BASE, start=START.astimezone(berlin))) == frozenset()


def test_instants_in_the_same_second_are_no_difference() -> None:
    """A server may keep whole seconds: 16:30:00.5 sent, 16:30:00 kept is the same edit."""
    kept = replace(BASE, start=START.replace(microsecond=0), end=BASE.end.replace(microsecond=0))
    assert differences(BASE, kept) == frozenset()
    change = AttendanceChange(end=BASE.end + timedelta(milliseconds=400))
    assert changed_fields(change, kept) == frozenset()
    assert find_conflict(BASE, kept, AttendanceChange(notes="x")) is None


def test_several_differences_at_once() -> None:
    other = replace(BASE, break_minutes=0, notes="", end=BASE.end + timedelta(minutes=1))
    assert differences(BASE, other) == {EntryField.BREAK, EntryField.NOTES, EntryField.END}


def test_changed_fields_ignore_unset_and_unchanged_values() -> None:
    change = AttendanceChange(break_minutes=45, notes=BASE.notes)
    assert changed_fields(change, BASE) == {EntryField.BREAK}
    assert changed_fields(AttendanceChange(), BASE) == frozenset()


def test_rebased_leaves_out_what_the_server_already_holds() -> None:
    current = replace(BASE, break_minutes=45)
    change = AttendanceChange(break_minutes=45, notes="Inventur")
    assert rebased(change, current) == AttendanceChange(notes="Inventur")
    assert rebased(AttendanceChange(break_minutes=45), current).is_empty()


# -- finding a conflict ---------------------------------------------------------------------

MINE = AttendanceChange(break_minutes=45, notes="Inventur")


def test_an_unchanged_entry_is_no_conflict() -> None:
    assert find_conflict(BASE, replace(BASE, worked_minutes=None), MINE) is None


def test_a_changed_entry_is_a_conflict() -> None:
    current = replace(BASE, end=BASE.end + timedelta(hours=1), break_minutes=60)
    conflict = find_conflict(BASE, current, MINE)
    assert conflict == Conflict(BASE, current, MINE)
    assert not conflict.deleted
    assert conflict.theirs == {EntryField.END, EntryField.BREAK}
    assert conflict.mine == {EntryField.BREAK, EntryField.NOTES}
    assert conflict.clashing == {EntryField.BREAK}


def test_a_deleted_entry_is_a_conflict() -> None:
    conflict = find_conflict(BASE, None, MINE)
    assert conflict is not None
    assert conflict.deleted
    assert conflict.theirs == frozenset(EntryField)
    assert conflict.clashing == frozenset()
    with pytest.raises(ValueError, match="deleted"):
        conflict.kept_mine()
    with pytest.raises(ValueError, match="deleted"):
        conflict.merged()


def test_yours_is_the_change_on_the_version_the_edit_began_with() -> None:
    conflict = Conflict(BASE, None, MINE)
    yours = conflict.yours()
    assert (yours.break_minutes, yours.notes, yours.start, yours.end) == (
        45,
        "Inventur",
        BASE.start,
        BASE.end,
    )
    assert yours.worked_minutes == 6 * 60 - 45


def test_keep_mine_applies_only_the_person_s_fields_onto_the_current_version() -> None:
    later = BASE.end + timedelta(hours=1)
    current = replace(BASE, end=later, notes="changed elsewhere", manual=True, worked_minutes=None)
    conflict = Conflict(BASE, current, AttendanceChange(break_minutes=45))
    assert conflict.kept_mine() == AttendanceChange(break_minutes=45)
    merged = conflict.merged()
    # Their end, notes and source stay; the person's break goes on top.
    assert (merged.end, merged.notes, merged.manual, merged.break_minutes) == (
        later,
        "changed elsewhere",
        True,
        45,
    )
    assert merged.worked_minutes == 7 * 60 - 45


def test_a_clash_is_only_where_both_changed_to_different_values() -> None:
    current = replace(BASE, break_minutes=45, notes="changed elsewhere")
    conflict = Conflict(BASE, current, MINE)
    assert conflict.theirs & conflict.mine == {EntryField.BREAK, EntryField.NOTES}
    assert conflict.clashing == {EntryField.NOTES}  # both set the break to 45
    assert conflict.kept_mine() == AttendanceChange(notes="Inventur")
