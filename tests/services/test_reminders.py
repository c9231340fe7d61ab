"""The reminder engine (services/reminders.py): what is due when, without Qt.

Each test builds the shift as the window's status gives it and asks the engine minute by
minute, as the window does, so "once per occasion" is the engine's, not the test's.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from timeclock.domain.attendance import Attendance
from timeclock.domain.shift import BreakLog, Shift
from timeclock.services.reminders import (
    Kind,
    Reminder,
    ReminderEngine,
    ReminderRules,
    ReminderSettingError,
    SettingProblem,
    parse_clock,
    parse_hours,
    parse_minutes,
    parse_within,
    rules_from,
)
from timeclock.services.working_model import WorkingModel
from timeclock.store.settings import Settings

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
WEEKDAYS = WorkingModel()  # 8 h Monday to Friday


def berlin(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A Berlin wall time as an aware UTC instant (for unambiguous times)."""
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


def open_entry(start: datetime, *, break_minutes: int = 0, entry_id: int = 1) -> Attendance:
    return Attendance(
        id=entry_id, user="hansm", start=start, end=start, break_minutes=break_minutes
    )


def minutes(start: datetime, end: datetime) -> list[datetime]:
    """Every minute from ``start`` to ``end`` (included)."""
    count = int((end - start) / timedelta(minutes=1))
    return [start + timedelta(minutes=n) for n in range(count + 1)]


def run(
    engine: ReminderEngine,
    shift: Shift,
    moments: list[datetime],
    also_open: tuple[Attendance, ...] = (),
) -> list[tuple[datetime, Reminder]]:
    """Ask at each moment as the window does; what came, when."""
    shown = []
    for moment in moments:
        reminder = engine.next_due(shift, moment, also_open)
        if reminder is not None:
            shown.append((moment, reminder))
    return shown


def engine_of(rules: ReminderRules, model: WorkingModel = WEEKDAYS, zone=BERLIN) -> ReminderEngine:
    return ReminderEngine(rules, model, zone)


# -- still stamped in after N hours ---------------------------------------------------------


def test_a_long_shift_is_reminded_of_once_when_its_hours_are_up() -> None:
    start = berlin(2026, 11, 16, 7, 30)  # a Monday
    shift = Shift(open_entry(start), BreakLog("id:1", timedelta(minutes=45)))
    engine = engine_of(ReminderRules(after=timedelta(hours=10), no_break=False))
    shown = run(engine, shift, minutes(start, berlin(2026, 11, 16, 21, 0)))
    assert [(moment, reminder.kind) for moment, reminder in shown] == [
        (berlin(2026, 11, 16, 17, 30), Kind.LONG_SHIFT)
    ]
    assert shown[0][1].since == berlin(2026, 11, 16, 17, 30)
    assert shown[0][1].entry.start == start


def test_a_long_shift_counts_real_hours_across_the_spring_switch() -> None:
    """29 March 2026 (a Sunday, worked here): clocks go from 02:00 to 03:00 in Berlin."""
    every_day = WorkingModel(hours=(8,) * 7)
    start = berlin(2026, 3, 29, 0, 30)
    shift = Shift(open_entry(start))
    rules = ReminderRules(after=timedelta(hours=10), no_break=False, within=(time(0), time(23, 59)))
    engine = engine_of(rules, every_day)
    shown = run(engine, shift, minutes(start, start + timedelta(hours=12)))
    assert len(shown) == 1
    moment, reminder = shown[0]
    assert moment == start + timedelta(hours=10)
    assert moment.astimezone(BERLIN).hour == 11  # 10 real hours after 00:30 is 11:30 CEST
    assert reminder.kind is Kind.LONG_SHIFT


def test_the_long_shift_reminder_is_off_without_hours() -> None:
    start = berlin(2026, 11, 16, 7)
    engine = engine_of(ReminderRules(after=None, no_break=False))
    assert run(engine, Shift(open_entry(start)), minutes(start, berlin(2026, 11, 16, 21, 59))) == []


# -- not stamped out at the end of the day -------------------------------------------------


def test_the_end_of_the_day_is_reminded_of_at_the_set_local_time_once() -> None:
    start = berlin(2026, 11, 17, 8)
    engine = engine_of(ReminderRules(after=None, end_of_day=time(17, 30), no_break=False))
    shown = run(engine, Shift(open_entry(start)), minutes(start, berlin(2026, 11, 17, 21, 59)))
    assert [(moment, r.kind) for moment, r in shown] == [
        (berlin(2026, 11, 17, 17, 30), Kind.END_OF_DAY)
    ]
    assert shown[0][1].since == berlin(2026, 11, 17, 17, 30)


def test_no_end_of_day_reminder_for_a_shift_begun_after_it_or_when_stamped_out() -> None:
    engine = engine_of(ReminderRules(after=None, end_of_day=time(17, 30), no_break=False))
    late = Shift(open_entry(berlin(2026, 11, 17, 18)))
    assert run(engine, late, minutes(berlin(2026, 11, 17, 18), berlin(2026, 11, 17, 21))) == []
    out = Shift(None)
    assert run(engine, out, minutes(berlin(2026, 11, 18, 17), berlin(2026, 11, 18, 18))) == []


def test_an_end_of_day_in_the_autumn_repeat_counts_at_its_first_time() -> None:
    """25 October 2026: 02:00-03:00 comes twice in Berlin; 02:30 means the first."""
    every_day = WorkingModel(hours=(8,) * 7)
    rules = ReminderRules(
        after=None, end_of_day=time(2, 30), no_break=False, within=(time(0), time(23, 59))
    )
    start = berlin(2026, 10, 25, 0)
    shown = run(
        engine_of(rules, every_day),
        Shift(open_entry(start)),
        minutes(start, start + timedelta(hours=5)),
    )
    first_half_past_two = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST
    assert [moment for moment, _ in shown] == [first_half_past_two]


def test_an_end_of_day_the_spring_gap_skips_comes_right_after_the_gap() -> None:
    """29 March 2026: 02:00-03:00 does not exist in Berlin; 02:30 comes at 03:30 CEST."""
    every_day = WorkingModel(hours=(8,) * 7)
    rules = ReminderRules(
        after=None, end_of_day=time(2, 30), no_break=False, within=(time(0), time(23, 59))
    )
    start = berlin(2026, 3, 29, 0)
    shown = run(
        engine_of(rules, every_day),
        Shift(open_entry(start)),
        minutes(start, start + timedelta(hours=5)),
    )
    assert [moment.astimezone(BERLIN).strftime("%H:%M %Z") for moment, _ in shown] == ["03:30 CEST"]


def test_the_end_of_day_follows_the_zone_given() -> None:
    start = datetime(2026, 11, 17, 13, tzinfo=UTC)  # 08:00 in New York
    rules = ReminderRules(after=None, end_of_day=time(17, 0), no_break=False)
    shown = run(
        engine_of(rules, zone=NEW_YORK),
        Shift(open_entry(start)),
        minutes(start, start + timedelta(hours=12)),
    )
    assert [moment for moment, _ in shown] == [datetime(2026, 11, 17, 22, tzinfo=UTC)]


# -- an entry open since an earlier day at start --------------------------------------------


def test_an_entry_open_since_yesterday_is_reminded_of_at_start_alone() -> None:
    """The start's reminder is the only one of it: stamping out now would make it a 30 h
    shift; its fix is entering the end it had."""
    yesterday = open_entry(berlin(2026, 11, 16, 8))
    engine = engine_of(ReminderRules(after=timedelta(hours=10), end_of_day=time(17)))
    start = berlin(2026, 11, 17, 9)
    shown = run(engine, Shift(yesterday), minutes(start, berlin(2026, 11, 17, 21)))
    assert [(moment, r.kind, r.entry) for moment, r in shown] == [
        (start, Kind.OPEN_FROM_EARLIER, yesterday)
    ]


def test_an_open_entry_of_today_is_no_entry_from_an_earlier_day() -> None:
    engine = engine_of(ReminderRules(after=None, no_break=False))
    today = open_entry(berlin(2026, 11, 17, 8))
    assert (
        run(engine, Shift(today), minutes(berlin(2026, 11, 17, 9), berlin(2026, 11, 17, 10))) == []
    )


def test_an_entry_opened_after_start_is_not_the_start_reminder() -> None:
    """Only what was open when TimeClock started: a shift over midnight begun later is not."""
    rules = ReminderRules(after=None, no_break=False, within=(time(0), time(23, 59)))
    engine = engine_of(rules)
    assert engine.next_due(Shift(None), berlin(2026, 11, 16, 20)) is None  # the start
    night = Shift(open_entry(berlin(2026, 11, 16, 22)))
    assert run(engine, night, minutes(berlin(2026, 11, 17, 0), berlin(2026, 11, 17, 6))) == []


def test_the_other_open_entry_from_an_earlier_day_is_reminded_of_too() -> None:
    older = open_entry(berlin(2026, 11, 13, 8), entry_id=7)
    today = open_entry(berlin(2026, 11, 17, 8), entry_id=8)
    engine = engine_of(ReminderRules(after=None, no_break=False))
    shown = run(engine, Shift(today), [berlin(2026, 11, 17, 9)], also_open=(older,))
    assert [(r.kind, r.entry) for _, r in shown] == [(Kind.OPEN_FROM_EARLIER, older)]


def test_an_open_entry_at_start_closed_meanwhile_is_not_reminded_of() -> None:
    """Started on a Sunday (no reminders); closed from another desk before Monday."""
    engine = engine_of(ReminderRules(after=None, no_break=False))
    friday = open_entry(berlin(2026, 11, 13, 8))
    assert engine.next_due(Shift(friday), berlin(2026, 11, 15, 10)) is None
    assert run(engine, Shift(None), minutes(berlin(2026, 11, 16, 8), berlin(2026, 11, 16, 9))) == []


def test_the_start_reminder_waits_for_the_reminder_hours() -> None:
    engine = engine_of(ReminderRules(after=None, no_break=False))
    friday = open_entry(berlin(2026, 11, 13, 8))
    assert engine.next_due(Shift(friday), berlin(2026, 11, 16, 5, 30)) is None  # before 06:00
    shown = run(
        engine, Shift(friday), minutes(berlin(2026, 11, 16, 5, 31), berlin(2026, 11, 16, 7))
    )
    assert [(moment, r.kind) for moment, r in shown] == [
        (berlin(2026, 11, 16, 6), Kind.OPEN_FROM_EARLIER)
    ]


# -- 6 h without a break --------------------------------------------------------------------


def test_six_hours_without_a_break_are_reminded_of_once() -> None:
    start = berlin(2026, 11, 18, 7)
    engine = engine_of(ReminderRules(after=None))
    shown = run(engine, Shift(open_entry(start)), minutes(start, berlin(2026, 11, 18, 16)))
    assert [(moment, r.kind) for moment, r in shown] == [(berlin(2026, 11, 18, 13), Kind.NO_BREAK)]


def test_a_break_of_a_quarter_hour_or_a_running_one_prevents_the_no_break_reminder() -> None:
    start = berlin(2026, 11, 18, 7)
    engine = engine_of(ReminderRules(after=None))
    taken = Shift(open_entry(start), BreakLog("id:1", timedelta(minutes=15)))
    assert run(engine, taken, minutes(start, berlin(2026, 11, 18, 16))) == []
    running = Shift(open_entry(start), BreakLog("id:1", running_since=berlin(2026, 11, 18, 12)))
    assert run(engine, running, minutes(start, berlin(2026, 11, 18, 16))) == []


def test_a_short_break_does_not_count_and_the_worked_time_excludes_it() -> None:
    start = berlin(2026, 11, 18, 7)
    engine = engine_of(ReminderRules(after=None))
    short = Shift(open_entry(start, break_minutes=10))
    shown = run(engine, short, minutes(start, berlin(2026, 11, 18, 16)))
    assert [moment for moment, _ in shown] == [berlin(2026, 11, 18, 13, 10)]


# -- working days and hours, snooze, one at a time ------------------------------------------


def test_no_reminders_on_a_day_without_target_hours_or_on_a_public_holiday() -> None:
    saturday = open_entry(berlin(2026, 11, 21, 7))
    engine = engine_of(ReminderRules())
    assert (
        run(engine, Shift(saturday), minutes(berlin(2026, 11, 21, 7), berlin(2026, 11, 21, 21)))
        == []
    )
    christmas = open_entry(berlin(2026, 12, 25, 7))  # a Friday, a holiday in every state
    in_bavaria = engine_of(ReminderRules(), WorkingModel(state="BY"))
    assert (
        run(in_bavaria, Shift(christmas), minutes(christmas.start, berlin(2026, 12, 25, 21))) == []
    )
    # Without a state no public holiday counts: the same Friday is a working day.
    anywhere = engine_of(ReminderRules())
    shown = run(anywhere, Shift(christmas), minutes(christmas.start, berlin(2026, 12, 25, 21)))
    assert [r.kind for _, r in shown] == [Kind.NO_BREAK, Kind.LONG_SHIFT]


def test_reminders_only_within_the_hours_and_the_due_one_comes_when_they_begin() -> None:
    start = berlin(2026, 11, 18, 5)  # an early shift: 6 h without a break at 11:00
    engine = engine_of(ReminderRules(after=None, within=(time(12), time(20))))
    shown = run(engine, Shift(open_entry(start)), minutes(start, berlin(2026, 11, 18, 23)))
    assert [moment for moment, _ in shown] == [berlin(2026, 11, 18, 12)]


def test_hours_over_midnight_belong_to_the_day_they_begin_on() -> None:
    engine = engine_of(ReminderRules(within=(time(22), time(6))))
    assert engine.reminds_at(berlin(2026, 11, 20, 23))  # Friday night
    assert engine.reminds_at(berlin(2026, 11, 21, 5))  # still Friday's night
    assert not engine.reminds_at(berlin(2026, 11, 21, 23))  # Saturday night
    assert not engine.reminds_at(berlin(2026, 11, 20, 12))
    assert engine.reminds_at(berlin(2026, 11, 17, 1))  # Monday's night, on Tuesday


def test_a_snoozed_reminder_comes_again_once_after_the_snooze_if_it_still_holds() -> None:
    start = berlin(2026, 11, 18, 7)
    engine = engine_of(ReminderRules(after=timedelta(hours=8), no_break=False))
    shift = Shift(open_entry(start))
    first = engine.next_due(shift, berlin(2026, 11, 18, 15))
    assert first is not None and first.kind is Kind.LONG_SHIFT
    assert engine.snooze(first, berlin(2026, 11, 18, 15, 2)) == berlin(2026, 11, 18, 15, 17)
    shown = run(engine, shift, minutes(berlin(2026, 11, 18, 15, 3), berlin(2026, 11, 18, 17)))
    assert [moment for moment, _ in shown] == [berlin(2026, 11, 18, 15, 17)]
    engine.snooze(shown[0][1], berlin(2026, 11, 18, 17))
    assert (
        run(engine, Shift(None), minutes(berlin(2026, 11, 18, 17), berlin(2026, 11, 18, 18))) == []
    )


def test_several_due_come_one_at_a_time_most_pressing_first() -> None:
    start = berlin(2026, 11, 18, 7)
    engine = engine_of(ReminderRules(after=timedelta(hours=6), end_of_day=time(13)))
    shift = Shift(open_entry(start))
    shown = run(engine, shift, minutes(berlin(2026, 11, 18, 13), berlin(2026, 11, 18, 14)))
    assert [(moment, r.kind) for moment, r in shown] == [
        (berlin(2026, 11, 18, 13), Kind.END_OF_DAY),
        (berlin(2026, 11, 18, 13, 1), Kind.LONG_SHIFT),
        (berlin(2026, 11, 18, 13, 2), Kind.NO_BREAK),
    ]


def test_the_occasion_stays_when_the_entry_gets_timetracks_id() -> None:
    start = berlin(2026, 11, 18, 7)
    engine = engine_of(ReminderRules(after=timedelta(hours=2), no_break=False))
    local = Attendance(id=None, user="hansm", start=start, end=start, local_ref="local:3")
    assert engine.next_due(Shift(local), berlin(2026, 11, 18, 9)) is not None
    assert (
        engine.next_due(Shift(open_entry(start, entry_id=42)), berlin(2026, 11, 18, 9, 1)) is None
    )


def test_a_new_shift_on_the_same_day_is_a_new_occasion_for_its_hours() -> None:
    engine = engine_of(ReminderRules(after=timedelta(hours=2), no_break=False))
    first = Shift(open_entry(berlin(2026, 11, 18, 7)))
    second = Shift(open_entry(berlin(2026, 11, 18, 12), entry_id=2))
    assert engine.next_due(first, berlin(2026, 11, 18, 9)) is not None
    assert engine.next_due(second, berlin(2026, 11, 18, 14)) is not None


# -- the settings ---------------------------------------------------------------------------


def test_the_settings_defaults_give_the_default_rules() -> None:
    assert rules_from(Settings()) == ReminderRules(
        after=timedelta(hours=10),
        end_of_day=None,
        open_at_start=True,
        no_break=True,
        within=(time(6), time(22)),
        snooze=timedelta(minutes=15),
    )


def test_the_settings_are_read_and_unreadable_ones_count_as_defaults() -> None:
    settings = Settings().updated(
        remind_after_hours="9,5",
        remind_end_of_day="17.45",
        remind_open_at_start="off",
        remind_no_break="off",
        remind_within="07:00 - 19:30",
        remind_snooze_minutes="5",
    )
    assert rules_from(settings) == ReminderRules(
        after=timedelta(hours=9, minutes=30),
        end_of_day=time(17, 45),
        open_at_start=False,
        no_break=False,
        within=(time(7), time(19, 30)),
        snooze=timedelta(minutes=5),
    )
    broken = Settings().updated(
        remind_after_hours="lots",
        remind_end_of_day="25:00",
        remind_within="x",
        remind_snooze_minutes="0",
    )
    assert rules_from(broken) == ReminderRules(end_of_day=None)
    assert rules_from(Settings().updated(remind_after_hours="")).after is None


@pytest.mark.parametrize(
    ("parse", "text", "problem"),
    [
        (parse_clock, "25:00", SettingProblem.NOT_A_TIME),
        (parse_clock, "17:60", SettingProblem.NOT_A_TIME),
        (parse_clock, "five", SettingProblem.NOT_A_TIME),
        (parse_within, "07:00", SettingProblem.NOT_A_SPAN),
        (parse_within, "07:00-24:00", SettingProblem.NOT_A_SPAN),
        (parse_within, "08:00-08:00", SettingProblem.EMPTY_SPAN),
        (parse_hours, "0", SettingProblem.NOT_HOURS),
        (parse_hours, "25", SettingProblem.NOT_HOURS),
        (parse_hours, "1e1", SettingProblem.NOT_HOURS),
        (parse_minutes, "0", SettingProblem.NOT_MINUTES),
        (parse_minutes, "2,5", SettingProblem.NOT_MINUTES),
        (parse_minutes, "241", SettingProblem.NOT_MINUTES),
    ],
)
def test_unreadable_settings_say_why(parse, text: str, problem: SettingProblem) -> None:
    with pytest.raises(ReminderSettingError) as raised:
        parse(text)
    assert raised.value.problem is problem


def test_readable_settings() -> None:
    assert parse_clock(" 7:05 ") == time(7, 5)
    assert parse_within("22:00\N{EN DASH}06:00") == (time(22), time(6))
    assert parse_hours("12") == timedelta(hours=12)
    assert parse_minutes("240") == timedelta(minutes=240)


def test_a_new_engine_for_the_same_person_carries_over_what_was_shown_and_snoozed() -> None:
    """A new window (another language, saved settings) shows nothing twice."""
    yesterday = open_entry(berlin(2026, 11, 16, 8))
    first = engine_of(ReminderRules(after=None, no_break=False))
    reminder = first.next_due(Shift(yesterday), berlin(2026, 11, 17, 9))
    assert reminder is not None and reminder.kind is Kind.OPEN_FROM_EARLIER
    first.snooze(reminder, berlin(2026, 11, 17, 9))
    second = engine_of(ReminderRules(after=None, no_break=False))
    second.carry_over(first)
    assert second.started
    assert second.next_due(Shift(yesterday), berlin(2026, 11, 17, 9, 10)) is None
    assert second.next_due(Shift(yesterday), berlin(2026, 11, 17, 9, 15)) == reminder
    assert second.next_due(Shift(yesterday), berlin(2026, 11, 17, 9, 16)) is None
    fresh = engine_of(ReminderRules(after=None, no_break=False))
    assert fresh.next_due(Shift(yesterday), berlin(2026, 11, 17, 9, 16)) == reminder
