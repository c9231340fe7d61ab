"""The attendance entry: when it is open, how long it counts, and how a change applies."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from timeclock.domain.attendance import (
    Attendance,
    AttendanceChange,
    AttendanceDraft,
    Location,
    time_order,
    whole_minutes,
    worked_time,
)

EIGHT = datetime(2020, 10, 20, 8, 0, tzinfo=UTC)
MUNICH = Location(48.137, 11.575)


def at(hours: float) -> datetime:
    """The instant ``hours`` after 08:00 UTC on 20 October 2020."""
    return EIGHT + timedelta(hours=hours)


def entry(
    *,
    start: datetime = EIGHT,
    end: datetime | None = None,
    manual: bool = False,
    break_minutes: int = 0,
    worked_minutes: int | None = None,
) -> Attendance:
    """An entry of hansm; ``end`` defaults to ``start`` (an open entry unless manual)."""
    return Attendance(
        id=7,
        user="hansm",
        start=start,
        end=start if end is None else end,
        break_minutes=break_minutes,
        notes="früh",
        manual=manual,
        worked_minutes=worked_minutes,
        start_location=MUNICH,
        end_location=None,
    )


class TestIsOpen:
    def test_a_stamped_entry_with_end_equal_to_start_is_open(self) -> None:
        assert entry(manual=False).is_open

    def test_a_manual_entry_with_end_equal_to_start_is_not_open(self) -> None:
        assert not entry(manual=True).is_open

    @pytest.mark.parametrize("manual", [False, True])
    def test_an_entry_with_a_later_end_is_closed(self, manual: bool) -> None:
        assert not entry(end=at(8), manual=manual).is_open

    def test_an_end_one_microsecond_after_start_is_closed(self) -> None:
        assert not entry(end=EIGHT + timedelta(microseconds=1)).is_open


class TestWorkedUntil:
    def test_open_entry_counts_to_now_less_the_breaks(self) -> None:
        open_entry = entry(break_minutes=30)

        assert open_entry.worked_until(at(4)) == timedelta(hours=3, minutes=30)
        assert open_entry.worked_until(at(4), timedelta(minutes=15)) == timedelta(
            hours=3, minutes=15
        )

    def test_open_entry_ignores_the_servers_worked_minutes(self) -> None:
        assert entry(worked_minutes=0).worked_until(at(2)) == timedelta(hours=2)

    @pytest.mark.parametrize(
        ("now", "break_minutes", "running"),
        [
            (EIGHT - timedelta(minutes=5), 0, timedelta()),
            (at(0.5), 45, timedelta()),
            (at(0.5), 0, timedelta(hours=1)),
        ],
    )
    def test_open_entry_never_counts_negative(
        self, now: datetime, break_minutes: int, running: timedelta
    ) -> None:
        assert entry(break_minutes=break_minutes).worked_until(now, running) == timedelta()

    def test_closed_entry_uses_the_servers_worked_minutes(self) -> None:
        closed = entry(end=at(8), break_minutes=30, worked_minutes=400)

        assert closed.worked_until(at(100)) == timedelta(minutes=400)

    def test_closed_entry_without_worked_minutes_is_span_less_break(self) -> None:
        closed = entry(end=at(8), break_minutes=30)

        assert closed.worked_until(at(100)) == timedelta(hours=7, minutes=30)
        assert closed.worked_until(EIGHT) == timedelta(hours=7, minutes=30)

    def test_closed_entry_ignores_a_running_break(self) -> None:
        closed = entry(end=at(8))

        assert closed.worked_until(at(9), timedelta(hours=1)) == timedelta(hours=8)

    def test_manual_zero_length_entry_counts_nothing(self) -> None:
        assert entry(manual=True).worked_until(at(5)) == timedelta()


class TestAttendanceChange:
    def test_no_fields_is_empty(self) -> None:
        assert AttendanceChange().is_empty()

    @pytest.mark.parametrize(
        "change",
        [
            AttendanceChange(start=EIGHT),
            AttendanceChange(end=EIGHT),
            AttendanceChange(break_minutes=0),
            AttendanceChange(notes=""),
            AttendanceChange(manual=False),
        ],
        ids=["start", "end", "break 0", "empty notes", "manual false"],
    )
    def test_a_falsy_value_is_still_a_change(self, change: AttendanceChange) -> None:
        assert not change.is_empty()

    def test_applied_to_replaces_the_set_fields_and_recomputes_worked(self) -> None:
        before = entry(end=at(8), break_minutes=30, worked_minutes=450)

        after = AttendanceChange(end=at(9), break_minutes=45).applied_to(before)

        assert after.end == at(9)
        assert after.break_minutes == 45
        assert after.worked_minutes == 9 * 60 - 45
        assert (after.id, after.user, after.start, after.notes, after.manual) == (
            before.id,
            before.user,
            before.start,
            before.notes,
            before.manual,
        )
        assert after.start_location == MUNICH
        assert after.end_location is None

    def test_applied_to_clears_notes_and_sets_manual_false(self) -> None:
        before = entry(end=at(1), manual=True)

        after = AttendanceChange(notes="", manual=False).applied_to(before)

        assert after.notes == ""
        assert after.manual is False
        assert after.worked_minutes == 60

    def test_an_empty_change_keeps_the_entry_but_fills_in_worked_minutes(self) -> None:
        before = entry(end=at(2), break_minutes=10)

        after = AttendanceChange().applied_to(before)

        assert after == dataclasses.replace(before, worked_minutes=110)

    def test_closing_an_open_entry(self) -> None:
        before = entry(break_minutes=5)
        assert before.is_open

        after = AttendanceChange(end=at(1), break_minutes=20).applied_to(before)

        assert not after.is_open
        assert after.worked_minutes == 40

    def test_change_and_entry_are_frozen(self) -> None:
        with pytest.raises(dataclasses.FrozenInstanceError):
            AttendanceChange().end = EIGHT  # type: ignore[misc]
        with pytest.raises(dataclasses.FrozenInstanceError):
            entry().end = EIGHT  # type: ignore[misc]


def test_a_draft_is_manual_unless_said_otherwise() -> None:
    draft = AttendanceDraft(user="hansm", start=EIGHT, end=at(1))

    assert draft.manual is True
    assert draft.break_minutes == 0
    assert draft.notes == ""
    assert draft.start_location is None


@pytest.mark.parametrize(
    ("start", "end", "break_minutes", "expected"),
    [
        (EIGHT, at(8), 30, timedelta(hours=7, minutes=30)),
        (EIGHT, at(8), 0, timedelta(hours=8)),
        (EIGHT, EIGHT, 0, timedelta()),
        (EIGHT, at(0.25), 30, timedelta()),
        (at(1), EIGHT, 0, timedelta()),
    ],
)
def test_worked_time_is_span_less_break_never_negative(
    start: datetime, end: datetime, break_minutes: int, expected: timedelta
) -> None:
    assert worked_time(start, end, break_minutes) == expected


@pytest.mark.parametrize(
    ("span", "minutes"),
    [
        (timedelta(), 0),
        (timedelta(seconds=59, microseconds=999_999), 0),
        (timedelta(seconds=60), 1),
        (timedelta(seconds=119), 1),
        (timedelta(hours=7, minutes=30), 450),
        (timedelta(days=2, minutes=1), 2 * 24 * 60 + 1),
    ],
)
def test_whole_minutes_rounds_down(span: timedelta, minutes: int) -> None:
    assert whole_minutes(span) == minutes


class TestReference:
    """Which entry an entry is: the server's id, or the waiting create's local reference."""

    def test_an_entry_of_the_server_is_known_by_its_id(self) -> None:
        assert entry().ref == "id:7"
        assert entry().local_ref is None

    def test_an_entry_not_yet_sent_has_no_id_and_is_known_by_its_create(self) -> None:
        draft = AttendanceDraft(user="hansm", start=EIGHT, end=EIGHT, manual=False)

        pending = draft.as_entry(local_ref="local:ab12")

        assert (pending.id, pending.ref) == (None, "local:ab12")
        assert pending.local_ref == "local:ab12" and pending.is_open
        assert not pending.known_by_id

    def test_a_server_entry_shown_as_a_create_is_known_by_the_create(self) -> None:
        """A create whose answer was lost made it: it shows under the create's reference
        (so one row, one break log) until the delivery adopts it."""
        shown = dataclasses.replace(entry(), local_ref="local:ab12")

        assert (shown.id, shown.ref) == (7, "local:ab12")
        assert shown.local_ref == "local:ab12"
        assert not shown.known_by_id and entry().known_by_id

    def test_an_entry_without_id_or_reference_is_refused(self) -> None:
        with pytest.raises(ValueError, match="server id or a local reference"):
            Attendance(id=None, user="hansm", start=EIGHT, end=EIGHT)

    def test_a_change_keeps_the_reference(self) -> None:
        pending = AttendanceDraft(user="hansm", start=EIGHT, end=EIGHT).as_entry(
            local_ref="local:ab12"
        )

        changed = AttendanceChange(end=at(8)).applied_to(pending)

        assert changed.ref == "local:ab12" and changed.id is None

    def test_time_order_puts_server_ids_in_number_order_and_unsent_entries_last(self) -> None:
        nine, twelve = dataclasses.replace(entry(), id=9), dataclasses.replace(entry(), id=12)
        pending = dataclasses.replace(entry(), id=None, local_ref="local:00")
        earlier = dataclasses.replace(entry(start=at(-1)), id=99)

        ordered = sorted([pending, twelve, earlier, nine], key=time_order)

        assert [each.ref for each in ordered] == ["id:99", "id:9", "id:12", "local:00"]
