"""Needs attention: each rule on local days in Europe/Berlin, at its boundaries, across
midnight and the DST switches, with entries still running."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from timeclock.domain.attendance import Attendance
from timeclock.domain.findings import Finding, Rule, find_all, local_days
from timeclock.domain.holidays import UnknownStateError
from timeclock.domain.localtime import to_utc
from timeclock.domain.ranges import DayRange

BERLIN = ZoneInfo("Europe/Berlin")
# Tuesday 20 October 2020, 12:00 in Berlin: the default "now" (5-11 October lie before it).
NOW = to_utc(datetime(2020, 10, 20, 12, 0), BERLIN)


def local(day: date, hour: int, minute: int = 0, *, later: bool = False) -> datetime:
    """The UTC instant of a Berlin wall time (``later``: the second of a repeated hour)."""
    wall = datetime(day.year, day.month, day.day, hour, minute)
    return to_utc(wall, BERLIN, prefer_first=not later)


def entry(
    entry_id: int,
    start: datetime,
    end: datetime,
    *,
    break_minutes: int = 0,
    user: str = "hansm",
    manual: bool = True,
) -> Attendance:
    return Attendance(
        id=entry_id, user=user, start=start, end=end, break_minutes=break_minutes, manual=manual
    )


def stamped_in(entry_id: int, start: datetime, *, user: str = "hansm") -> Attendance:
    """An entry stamped in at ``start`` and not yet out."""
    return Attendance(id=entry_id, user=user, start=start, end=start, manual=False)


def worked(
    entry_id: int,
    day: date,
    hours: float,
    *,
    break_minutes: int = 0,
    begin: tuple[int, int] = (8, 0),
) -> Attendance:
    """An entry on ``day`` from ``begin`` with ``hours`` of net work after the break."""
    start = local(day, *begin)
    span = timedelta(hours=hours, minutes=break_minutes)
    return entry(entry_id, start, start + span, break_minutes=break_minutes)


def check(*entries: Attendance, now: datetime = NOW, **options: object) -> list[Finding]:
    return find_all(list(entries), zone=BERLIN, now=now, **options)  # type: ignore[arg-type]


def rules(findings: list[Finding]) -> list[tuple[str, date, list[int | None]]]:
    return [(finding.rule.value, finding.date, finding.ids) for finding in findings]


MON = date(2020, 10, 5)
TUE = date(2020, 10, 6)
SAT = date(2020, 10, 10)
SUN = date(2020, 10, 11)
MINUTE = 1 / 60


class TestMaxHours:
    def test_ten_hours_net_is_allowed(self) -> None:
        assert check(worked(1, MON, 10, break_minutes=45)) == []

    def test_a_minute_more_is_a_finding_with_both_languages(self) -> None:
        (finding,) = check(worked(1, MON, 10 + MINUTE, break_minutes=45))

        assert (finding.rule, finding.date, finding.ids, finding.user) == (
            Rule.MAX_HOURS,
            MON,
            [1],
            "hansm",
        )
        assert finding.detail_en == "Worked 10:01 h; at most 10:00 h a day are allowed (ArbZG §3)."
        assert finding.detail("de") == (
            "10:01 Std. gearbeitet; erlaubt sind höchstens 10:00 Std. am Tag (ArbZG §3)."
        )

    def test_counts_the_days_entries_together(self) -> None:
        morning = worked(1, MON, 6, break_minutes=0, begin=(6, 0))  # 06:00-12:00
        afternoon = worked(2, MON, 4.5, begin=(12, 45))  # 12:45-17:15, gap 0:45 as break

        assert rules(check(morning, afternoon)) == [("max-hours", MON, [1, 2])]

    def test_uses_the_servers_worked_minutes(self) -> None:
        start = local(MON, 8)
        reported = Attendance(
            id=1, user="hansm", start=start, end=start + timedelta(hours=9), worked_minutes=601
        )

        assert [f.rule for f in check(reported)] == [Rule.MAX_HOURS, Rule.BREAK]

    def test_a_night_shift_counts_on_the_day_it_starts(self) -> None:
        night = entry(1, local(MON, 20), local(TUE, 7), break_minutes=45)  # 10:15 net

        assert rules(check(night)) == [("max-hours", MON, [1])]

    def test_a_running_entry_counts_up_to_now(self) -> None:
        today = date(2020, 10, 20)
        running = stamped_in(1, local(today, 1, 30))  # 10:30 by 12:00

        (finding,) = check(running)

        assert (finding.rule, finding.date) == (Rule.MAX_HOURS, today)
        assert finding.detail_en.startswith("Worked 10:30 h so far;")


class TestBreak:
    def test_six_hours_need_no_break(self) -> None:
        assert check(worked(1, MON, 6)) == []

    def test_over_six_hours_need_thirty_minutes(self) -> None:
        (finding,) = check(worked(1, MON, 6 + MINUTE, break_minutes=29))

        assert (finding.rule, finding.date, finding.ids) == (Rule.BREAK, MON, [1])
        assert finding.detail_en == (
            "Worked 6:01 h with a break of 0:29 h; at least 0:30 h are required (ArbZG §4)."
        )
        assert check(worked(1, MON, 6 + MINUTE, break_minutes=30)) == []

    def test_nine_hours_with_thirty_minutes_are_enough(self) -> None:
        assert check(worked(1, MON, 9, break_minutes=30)) == []

    def test_over_nine_hours_need_forty_five_minutes(self) -> None:
        (finding,) = check(worked(1, MON, 9 + MINUTE, break_minutes=44))

        assert finding.rule is Rule.BREAK
        assert "at least 0:45 h" in finding.detail_en
        assert check(worked(1, MON, 9 + MINUTE, break_minutes=45)) == []

    def test_thresholds_are_on_net_time(self) -> None:
        # 6:20 from start to end, 0:25 break: 5:55 net needs no break at all.
        start = local(MON, 8)
        assert check(entry(1, start, start + timedelta(minutes=380), break_minutes=25)) == []

    def test_a_gap_of_fifteen_minutes_between_entries_is_a_break(self) -> None:
        morning = entry(1, local(MON, 8), local(MON, 12), break_minutes=15)
        afternoon = entry(2, local(MON, 12, 15), local(MON, 15))  # 6:45 net, 0:30 break

        assert check(morning, afternoon) == []

    def test_a_shorter_gap_is_no_break(self) -> None:
        morning = entry(1, local(MON, 8), local(MON, 12), break_minutes=16)
        afternoon = entry(2, local(MON, 12, 14), local(MON, 15))  # 6:30 net, 14 + 16 min

        (finding,) = check(morning, afternoon)

        assert (finding.rule, finding.ids) == (Rule.BREAK, [1, 2])
        assert "a break of 0:16 h" in finding.detail_en

    def test_a_running_day_is_not_judged_yet(self) -> None:
        today = date(2020, 10, 20)
        assert check(stamped_in(1, local(today, 4))) == []  # 8 h so far without a break


class TestRest:
    def test_eleven_hours_are_enough(self) -> None:
        evening = entry(1, local(MON, 14), local(MON, 22), break_minutes=30)
        morning = entry(2, local(TUE, 9), local(TUE, 15))

        assert check(evening, morning) == []

    def test_a_minute_less_is_a_finding_on_the_later_day(self) -> None:
        evening = entry(1, local(MON, 14), local(MON, 22), break_minutes=30)
        morning = entry(2, local(TUE, 8, 59), local(TUE, 12))

        (finding,) = check(evening, morning)

        assert (finding.rule, finding.date, finding.ids) == (Rule.REST, TUE, [1, 2])
        assert finding.detail_en == (
            "Only 10:59 h of rest between the end of work on Mon 2020-10-05 at 22:00 and "
            "the start at 08:59; at least 11:00 h are required (ArbZG §5)."
        )
        assert finding.detail_de.startswith("Nur 10:59 Std. Ruhezeit zwischen Arbeitsende Mo")

    def test_counts_from_the_end_of_a_night_shift(self) -> None:
        night = entry(1, local(MON, 22), local(TUE, 6), break_minutes=30)
        late = entry(2, local(TUE, 16, 59), local(TUE, 20))

        assert rules(check(night, late)) == [("rest", TUE, [1, 2])]
        assert check(night, entry(2, local(TUE, 17), local(TUE, 20))) == []

    def test_counts_from_the_days_last_entry(self) -> None:
        early = entry(1, local(MON, 6), local(MON, 8))
        late = entry(2, local(MON, 20), local(MON, 22))

        found = check(early, late, entry(3, local(TUE, 7), local(TUE, 9)))

        assert rules(found) == [("rest", TUE, [2, 3])]

    def test_a_running_entry_after_short_rest(self) -> None:
        yesterday, today = date(2020, 10, 19), date(2020, 10, 20)
        found = check(
            entry(1, local(yesterday, 17), local(yesterday, 23)), stamped_in(2, local(today, 6))
        )

        assert rules(found) == [("rest", today, [1, 2])]


class TestOverlap:
    def test_two_entries_sharing_time(self) -> None:
        (finding,) = check(
            entry(1, local(MON, 8), local(MON, 11)), entry(2, local(MON, 10), local(MON, 12))
        )

        assert (finding.rule, finding.date, finding.ids) == (Rule.OVERLAP, MON, [1, 2])
        assert finding.detail_en == (
            "Entries #1 (08:00-11:00) and #2 (10:00-12:00) overlap by 1:00 h."
        )
        assert finding.detail_de.endswith("um 1:00 Std.")  # one dot, not "Std.."

    def test_entries_that_only_touch_do_not_overlap(self) -> None:
        touching = entry(1, local(MON, 8), local(MON, 12)), entry(2, local(MON, 12), local(MON, 14))
        assert check(*touching) == []

    def test_other_users_do_not_overlap_but_the_same_name_in_another_case_does(self) -> None:
        mine = entry(1, local(MON, 8), local(MON, 12))
        assert check(mine, entry(2, local(MON, 9), local(MON, 11), user="ivan")) == []
        assert rules(check(mine, entry(2, local(MON, 9), local(MON, 11), user="HansM"))) == [
            ("overlap", MON, [1, 2])
        ]

    def test_dated_on_the_later_start_across_midnight(self) -> None:
        night = entry(1, local(MON, 22), local(TUE, 6), break_minutes=30)
        early = entry(2, local(TUE, 5), local(TUE, 7))

        assert [f for f in rules(check(night, early)) if f[0] == "overlap"] == [
            ("overlap", TUE, [1, 2])
        ]

    def test_a_running_entry_lasts_until_now(self) -> None:
        today = date(2020, 10, 20)
        running = stamped_in(1, local(today, 8))
        typed = entry(2, local(today, 11), local(today, 11, 30))

        (finding,) = check(running, typed)

        assert (finding.rule, finding.ids) == (Rule.OVERLAP, [1, 2])
        assert "#1 (08:00-now)" in finding.detail_en
        assert "#1 (08:00-jetzt)" in finding.detail_de

    def test_three_entries_give_each_pair(self) -> None:
        found = check(
            entry(1, local(MON, 8), local(MON, 12)),
            entry(2, local(MON, 9), local(MON, 10)),
            entry(3, local(MON, 11), local(MON, 13)),
        )

        assert [f.ids for f in found if f.rule is Rule.OVERLAP] == [[1, 2], [1, 3]]


class TestOpenAndFuture:
    def test_an_entry_open_since_an_earlier_day(self) -> None:
        (finding,) = check(stamped_in(1, local(MON, 8)))

        assert (finding.rule, finding.date, finding.ids) == (Rule.OPEN, MON, [1])
        assert finding.detail_en == "Open since Mon 2020-10-05 08:00: not stamped out."
        assert finding.detail_de == "Seit Mo 05.10.2020 08:00 offen: nicht ausgestempelt."

    def test_an_entry_open_since_today_is_running(self) -> None:
        assert check(stamped_in(1, local(date(2020, 10, 20), 8))) == []

    def test_open_since_before_midnight(self) -> None:
        now = local(TUE, 0, 30)
        assert rules(check(stamped_in(1, local(MON, 23)), now=now)) == [("open", MON, [1])]

    def test_an_open_entry_counts_for_no_time_rule(self) -> None:
        # Stamped in on Monday and on Tuesday: no overlap, no 24-hour day, no short rest.
        found = check(stamped_in(1, local(MON, 8)), worked(2, TUE, 8, break_minutes=30))

        assert rules(found) == [("open", MON, [1])]

    def test_an_entry_starting_in_the_future(self) -> None:
        tomorrow = date(2020, 10, 21)
        (finding,) = check(entry(1, local(tomorrow, 8), local(tomorrow, 20)))

        assert (finding.rule, finding.date) == (Rule.FUTURE, tomorrow)
        assert finding.detail_en == "Starts in the future (Wed 2020-10-21 08:00)."

    def test_a_future_entry_is_nothing_else(self) -> None:
        sunday = date(2020, 10, 25)
        found = check(entry(1, local(sunday, 8), local(sunday, 20)), now=local(SUN, 12))

        assert rules(found) == [("future", sunday, [1])]

    def test_an_entry_starting_now_is_not_in_the_future(self) -> None:
        assert check(stamped_in(1, NOW)) == []


class TestSunday:
    def test_work_on_a_sunday(self) -> None:
        (finding,) = check(entry(1, local(SUN, 9), local(SUN, 13)))

        assert (finding.rule, finding.date, finding.ids) == (Rule.SUNDAY, SUN, [1])
        assert finding.detail_en == "Work on a Sunday (09:00-13:00; ArbZG §9)."
        assert finding.detail_de == "Arbeit an einem Sonntag (09:00-13:00; ArbZG §9)."

    def test_a_night_shift_into_sunday(self) -> None:
        night = entry(1, local(SAT, 22), local(SUN, 2))
        assert rules(check(night)) == [("sunday", SUN, [1])]

    def test_ending_at_midnight_is_not_sunday_work(self) -> None:
        assert check(entry(1, local(SAT, 20), local(SUN, 0))) == []

    def test_a_days_entries_are_one_finding(self) -> None:
        found = check(
            entry(1, local(SUN, 8), local(SUN, 10)), entry(2, local(SUN, 11), local(SUN, 12))
        )
        assert rules(found) == [("sunday", SUN, [1, 2])]

    def test_an_entry_open_since_a_sunday_works_on_that_sunday_only(self) -> None:
        found = check(stamped_in(1, local(SUN, 8)))
        assert rules(found) == [("open", SUN, [1]), ("sunday", SUN, [1])]


class TestDstSwitches:
    def test_spring_forward_day_is_23_hours_long(self) -> None:
        # 27/28 March 2021: 22:00 to 08:00 on the wall is 9 h, less 0:30 break = 8:30 net.
        sat, sun = date(2021, 3, 27), date(2021, 3, 28)
        night = entry(1, local(sat, 22), local(sun, 8), break_minutes=30)

        assert rules(check(night, now=local(date(2021, 4, 1), 12))) == [("sunday", sun, [1])]

    def test_fall_back_day_is_25_hours_long(self) -> None:
        # 25 October 2020: 00:00 to 10:00 on the wall is 11 h; less 0:30 = 10:30 net.
        sun = date(2020, 10, 25)
        long_day = entry(1, local(sun, 0), local(sun, 10), break_minutes=30)

        found = check(long_day, now=local(date(2020, 10, 27), 12))

        assert rules(found) == [
            ("max-hours", sun, [1]),
            ("break", sun, [1]),
            ("sunday", sun, [1]),
        ]
        assert "Worked 10:30 h" in found[0].detail_en

    def test_rest_across_the_repeated_hour(self) -> None:
        # Saturday 24 October 2020 until 22:00; Sunday from 08:00: 11 hours on the wall,
        # 11 real ones too only if the repeated hour counts: it does (12 h).
        sat, sun = date(2020, 10, 24), date(2020, 10, 25)
        found = check(
            entry(1, local(sat, 16), local(sat, 22)),
            entry(2, local(sun, 8), local(sun, 9)),
            now=local(date(2020, 10, 27), 12),
        )
        assert rules(found) == [("sunday", sun, [2])]

    def test_rest_across_the_skipped_hour(self) -> None:
        # 27/28 March 2021: 22:00 to 09:00 on the wall is only 10 real hours.
        sat, sun = date(2021, 3, 27), date(2021, 3, 28)
        found = check(
            entry(1, local(sat, 16), local(sat, 22)),
            entry(2, local(sun, 9), local(sun, 10)),
            now=local(date(2021, 4, 1), 12),
        )
        assert rules(found) == [("rest", sun, [1, 2]), ("sunday", sun, [2])]
        assert "Only 10:00 h of rest" in found[0].detail_en

    def test_the_second_of_a_repeated_hour_is_the_same_day(self) -> None:
        sun = date(2020, 10, 25)
        start = local(sun, 2, 30, later=True)
        assert local_days(start, start + timedelta(hours=1), BERLIN) == [sun]


class TestSelection:
    def test_only_findings_on_the_asked_days(self) -> None:
        evening = entry(1, local(MON, 17), local(MON, 23))
        morning = entry(2, local(TUE, 6), local(TUE, 9))
        sunday = entry(3, local(SUN, 9), local(SUN, 10))

        only_tuesday = check(evening, morning, sunday, days=DayRange(TUE, TUE))
        only_monday = check(evening, morning, sunday, days=DayRange(MON, MON))

        assert rules(only_tuesday) == [("rest", TUE, [1, 2])]
        assert only_monday == []

    def test_sorted_by_day_then_user_then_rule(self) -> None:
        found = check(
            entry(1, local(TUE, 8), local(TUE, 20), user="ivan"),
            entry(2, local(MON, 10), local(MON, 11), user="ivan"),
            entry(3, local(MON, 10), local(MON, 11), user="anna"),
            entry(4, local(MON, 10, 30), local(MON, 11, 30), user="anna"),
            stamped_in(5, local(MON, 9), user="anna"),
        )

        assert [(f.date, f.user, f.rule.value) for f in found] == [
            (MON, "anna", "open"),
            (MON, "anna", "overlap"),
            (TUE, "ivan", "max-hours"),
            (TUE, "ivan", "break"),
        ]


class TestLocalDays:
    def test_an_entry_without_length_is_on_its_start_day(self) -> None:
        start = local(SUN, 23)
        assert local_days(start, start, BERLIN) == [SUN]

    def test_every_day_touched(self) -> None:
        assert local_days(local(SAT, 23), local(date(2020, 10, 12), 0, 1), BERLIN) == [
            SAT,
            SUN,
            date(2020, 10, 12),
        ]


class TestHoliday:
    def test_work_on_a_public_holiday_of_the_state(self) -> None:
        all_saints = date(2020, 11, 1)  # a Sunday, and a holiday in Bavaria, not in Berlin
        now = local(date(2020, 11, 5), 12)
        work = entry(1, local(all_saints, 9), local(all_saints, 12))

        found = check(work, now=now, state="BY")

        assert rules(found) == [("sunday", all_saints, [1]), ("holiday", all_saints, [1])]
        assert found[1].detail_en == (
            "Work on a public holiday in BY, All Saints' Day (09:00-12:00; ArbZG §9)."
        )
        assert found[1].detail_de == (
            "Arbeit am Feiertag Allerheiligen in BY (09:00-12:00; ArbZG §9)."
        )
        assert rules(check(work, now=now, state="BE")) == [("sunday", all_saints, [1])]

    def test_without_a_state_holidays_are_not_checked(self) -> None:
        unity_day = date(2019, 10, 3)  # a Thursday, a holiday everywhere
        work = entry(1, local(unity_day, 9), local(unity_day, 12))

        assert check(work) == []
        assert rules(check(work, state="HH")) == [("holiday", unity_day, [1])]

    def test_a_night_shift_into_a_holiday(self) -> None:
        eve, christmas = date(2019, 12, 24), date(2019, 12, 25)
        night = entry(1, local(eve, 22), local(christmas, 4), break_minutes=30)

        assert rules(check(night, state="NW")) == [("holiday", christmas, [1])]

    def test_an_unknown_state_is_refused(self) -> None:
        with pytest.raises(UnknownStateError, match="'XX' is not a German state code"):
            check(state="XX")
