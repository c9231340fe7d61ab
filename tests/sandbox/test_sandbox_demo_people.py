"""The demo's people: names and numbers, absences where the demo entries leave gaps."""

from __future__ import annotations

from datetime import date, timedelta

from timeclock.sandbox import DEMO_USERS, AttendanceStore, load_demo_data
from timeclock.sandbox.demo import BERLIN
from timeclock.sandbox.demo_findings import is_working_day
from timeclock.sandbox.demo_people import demo_directory
from timeclock.sandbox.directory import PENDING, SICK, VACATION

TODAY = date(2024, 6, 12)  # a Wednesday


def test_every_demo_login_is_a_user_with_a_name_and_a_number() -> None:
    with AttendanceStore() as store:
        load_demo_data(store, TODAY)
        directory = demo_directory(store, TODAY)

    assert [user.username for user in directory.users] == list(DEMO_USERS)
    assert all(user.first_name and user.last_name for user in directory.users)
    numbers = [user.personal_number for user in directory.users]
    assert len(set(numbers)) == len(numbers)
    assert directory.state == "BE"
    assert any(sum(user.model.hours) < 40 for user in directory.users)  # some part-time


def test_absences_fill_exactly_the_missed_working_days() -> None:
    with AttendanceStore() as store:
        load_demo_data(store, TODAY)
        directory = demo_directory(store, TODAY)
        worked = {(e.user, e.start.astimezone(BERLIN).date()) for e in store.query()}

    past = [a for a in directory.absences if a.start < TODAY]
    kinds = {absence.absence_type for absence in past}
    assert kinds == {VACATION, SICK}
    for absence in past:
        day = absence.start
        while day <= absence.end:
            assert day.weekday() >= 5 or (absence.user, day) not in worked
            day += timedelta(days=1)
    for user in DEMO_USERS:
        for back in range(1, 91):
            day = TODAY - timedelta(days=back)
            if is_working_day(day, "BE") and (user, day) not in worked:
                assert any(a.user == user and a.covers(day) for a in past), (user, day)
    future = [a for a in directory.absences if a.start > TODAY]
    assert {a.user for a in future} == set(DEMO_USERS)
    assert [a.status for a in future].count(PENDING) == 1
