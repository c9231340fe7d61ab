"""The stamping rules: stamping in and out, breaks, and finding the open entry again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from timeclock.domain.attendance import Attendance, AttendanceChange
from timeclock.domain.shift import BreakLog, Shift, StampError, find_open_entry, rounded_minutes

EIGHT = datetime(2020, 10, 20, 8, 0, tzinfo=UTC)


def at(hours: float = 0, *, minutes: float = 0, seconds: float = 0) -> datetime:
    """An instant relative to 08:00 UTC on 20 October 2020."""
    return EIGHT + timedelta(hours=hours, minutes=minutes, seconds=seconds)


def open_entry(
    entry_id: int = 7, *, user: str = "hansm", start: datetime = EIGHT, break_minutes: int = 0
) -> Attendance:
    """An entry the time clock created when stamping in (``from == to``, not manual)."""
    return Attendance(
        id=entry_id, user=user, start=start, end=start, break_minutes=break_minutes, manual=False
    )


def closed_entry(entry_id: int, *, user: str = "hansm", start: datetime = EIGHT) -> Attendance:
    """A finished entry of eight hours."""
    return Attendance(id=entry_id, user=user, start=start, end=start + timedelta(hours=8))


class TestStampIn:
    def test_creates_an_open_stamped_entry_at_now(self) -> None:
        draft = Shift(None).stamp_in("hansm", at(0, minutes=1))

        assert (draft.user, draft.start, draft.end) == ("hansm", at(minutes=1), at(minutes=1))
        assert draft.manual is False
        assert draft.break_minutes == 0

    def test_the_created_entry_is_found_open_again(self) -> None:
        draft = Shift(None).stamp_in("hansm", EIGHT)
        stored = Attendance(
            id=1, user=draft.user, start=draft.start, end=draft.end, manual=draft.manual
        )

        assert stored.is_open
        assert find_open_entry([stored], "hansm") == stored

    def test_refused_when_already_stamped_in(self) -> None:
        with pytest.raises(StampError, match="already stamped in since 2020-10-20T08:00"):
            Shift(open_entry()).stamp_in("hansm", at(1))


class TestStampOut:
    def test_sets_the_end_and_break_and_nothing_else(self) -> None:
        change = Shift(open_entry()).stamp_out(at(8))

        assert change == AttendanceChange(end=at(8), break_minutes=0)

    def test_a_running_break_ends_at_stamp_out_and_counts(self) -> None:
        breaks = BreakLog("id:7", taken=timedelta(minutes=15), running_since=at(4))
        shift = Shift(open_entry(break_minutes=10), breaks)

        change = shift.stamp_out(at(4, minutes=20, seconds=30))

        assert change.end == at(4, minutes=20, seconds=30)
        # 10 min known to the server + 15 min finished + 20.5 min running, rounded.
        assert change.break_minutes == 46

    def test_never_ends_before_the_start(self) -> None:
        shift = Shift(open_entry(), BreakLog("id:7", running_since=EIGHT))

        change = shift.stamp_out(at(minutes=-5))

        # A second after it: an entry ending at its start would read as still open.
        assert change.end == EIGHT + timedelta(seconds=1)
        assert change.break_minutes == 0
        assert not change.applied_to(open_entry()).is_open

    def test_a_stamp_out_in_the_second_of_the_stamp_in_still_closes(self) -> None:
        change = Shift(open_entry()).stamp_out(EIGHT)

        assert change.end == EIGHT + timedelta(seconds=1)
        assert not change.applied_to(open_entry()).is_open

    def test_refused_when_not_stamped_in(self) -> None:
        with pytest.raises(StampError, match="not stamped in"):
            Shift(None).stamp_out(at(8))


class TestBreaks:
    def test_starting_a_break_opens_a_log_for_the_entry(self) -> None:
        log = Shift(open_entry(entry_id=42)).start_break(at(4))

        assert log == BreakLog("id:42", timedelta(), at(4))
        assert log.on_break

    def test_starting_a_break_keeps_earlier_breaks(self) -> None:
        shift = Shift(open_entry(), BreakLog("id:7", taken=timedelta(minutes=10)))

        log = shift.start_break(at(5))

        assert log.taken == timedelta(minutes=10)
        assert log.running_since == at(5)

    def test_ending_a_break_adds_it_to_the_taken_time(self) -> None:
        shift = Shift(open_entry(), BreakLog("id:7", timedelta(minutes=10), at(4)))

        log = shift.end_break(at(4, minutes=25))

        assert log == BreakLog("id:7", timedelta(minutes=35), None)
        assert not log.on_break

    def test_starting_a_second_break_is_refused(self) -> None:
        with pytest.raises(StampError, match="already running"):
            Shift(open_entry(), BreakLog("id:7", running_since=at(4))).start_break(at(5))

    @pytest.mark.parametrize(
        "shift",
        [Shift(None), Shift(open_entry()), Shift(open_entry(), BreakLog("id:7"))],
        ids=["not stamped in", "no log", "no running break"],
    )
    def test_ending_a_break_that_is_not_running_is_refused(self, shift: Shift) -> None:
        with pytest.raises(StampError):
            shift.end_break(at(5))

    def test_starting_a_break_when_not_stamped_in_is_refused(self) -> None:
        with pytest.raises(StampError, match="not stamped in"):
            Shift(None).start_break(at(5))

    def test_state_flags(self) -> None:
        assert not Shift(None).stamped_in
        assert not Shift(None).on_break
        assert Shift(open_entry()).stamped_in
        assert not Shift(open_entry(), BreakLog("id:7")).on_break
        assert Shift(open_entry(), BreakLog("id:7", running_since=EIGHT)).on_break


class TestBreakLog:
    def test_total_counts_the_running_break_up_to_now(self) -> None:
        log = BreakLog("id:7", timedelta(minutes=10), at(4))

        assert log.total(at(4, minutes=5)) == timedelta(minutes=15)

    def test_total_never_counts_a_break_that_starts_in_the_future(self) -> None:
        log = BreakLog("id:7", timedelta(minutes=10), at(4))

        assert log.total(at(3)) == timedelta(minutes=10)
        assert log.ended(at(3)).taken == timedelta(minutes=10)

    def test_started_twice_is_refused(self) -> None:
        with pytest.raises(StampError):
            BreakLog("id:7").started(at(1)).started(at(2))

    def test_ended_without_a_running_break_is_refused(self) -> None:
        with pytest.raises(StampError):
            BreakLog("id:7").ended(at(1))

    def test_logs_are_immutable_values(self) -> None:
        log = BreakLog("id:7")

        started = log.started(at(1))

        assert log.running_since is None
        assert started.entry == "id:7"


class TestShiftTimes:
    def test_break_and_worked_time_so_far(self) -> None:
        shift = Shift(open_entry(break_minutes=10), BreakLog("id:7", timedelta(minutes=20), at(4)))

        now = at(4, minutes=30)

        assert shift.break_time(now) == timedelta(hours=1)
        assert shift.worked_time(now) == timedelta(hours=3, minutes=30)

    def test_worked_time_without_a_log(self) -> None:
        assert Shift(open_entry()).worked_time(at(2)) == timedelta(hours=2)

    def test_not_stamped_in_means_nothing_worked(self) -> None:
        assert Shift(None).worked_time(at(2)) == timedelta()
        assert Shift(None).break_time(at(2)) == timedelta()

    def test_worked_time_is_never_negative(self) -> None:
        shift = Shift(open_entry(break_minutes=60))

        assert shift.worked_time(at(0.5)) == timedelta()
        assert Shift(open_entry()).worked_time(at(-1)) == timedelta()


class TestFindOpenEntry:
    def test_picks_the_latest_open_entry_of_the_user(self) -> None:
        older = open_entry(1, start=at(-24))
        newer = open_entry(2, start=at(0))
        entries = [newer, closed_entry(3, start=at(1)), older]

        assert find_open_entry(entries, "hansm") == newer

    def test_ignores_other_users_even_if_later(self) -> None:
        mine = open_entry(1, start=at(0))
        theirs = open_entry(2, user="erikam", start=at(5))

        assert find_open_entry([theirs, mine], "hansm") == mine
        assert find_open_entry([theirs, mine], "erikam") == theirs
        # TimeTrack may store or match names in another case: the same user.
        assert find_open_entry([theirs, mine], "HANSM") == mine

    def test_ignores_closed_and_manual_zero_length_entries(self) -> None:
        manual = Attendance(id=5, user="hansm", start=at(3), end=at(3), manual=True)

        assert find_open_entry([closed_entry(4), manual], "hansm") is None

    def test_a_tie_on_start_goes_to_the_higher_id(self) -> None:
        entries = [open_entry(9), open_entry(12), open_entry(10)]

        found = find_open_entry(entries, "hansm")

        assert found is not None
        assert found.id == 12

    def test_nothing_at_all(self) -> None:
        assert find_open_entry([], "hansm") is None

    def test_accepts_any_iterable(self) -> None:
        def generate() -> Iterator[Attendance]:
            yield open_entry(1)

        assert find_open_entry(generate(), "hansm") == open_entry(1)


@pytest.mark.parametrize(
    ("seconds", "minutes"),
    [
        (0, 0),
        (29, 0),
        (29.999999, 0),
        (30, 1),
        (59, 1),
        (89, 1),
        (90, 2),
        (60 * 45 + 29, 45),
        (60 * 45 + 30, 46),
    ],
)
def test_rounded_minutes_rounds_half_up(seconds: float, minutes: int) -> None:
    assert rounded_minutes(timedelta(seconds=seconds)) == minutes
