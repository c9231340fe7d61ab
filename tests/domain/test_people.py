"""Employees, absences and daily reports: names, type-ahead, days covered, balances."""

from __future__ import annotations

from datetime import date

import pytest

from timeclock.domain.people import (
    Absence,
    AbsenceStatus,
    AbsenceTime,
    DailyReport,
    Employee,
    balance_seconds,
)

HANS = Employee("hansm", "Hans", "Müller", personal_number="1001")


def test_full_name_falls_back_to_the_user_name() -> None:
    assert HANS.full_name == "Hans Müller"
    assert Employee("ivan", last_name="Petrov").full_name == "Petrov"
    assert Employee("ivan").full_name == "ivan"


@pytest.mark.parametrize("text", ["hans", "HANSM", "müller", "MÜLLER", "s Mü", "Müller, H", "100"])
def test_type_ahead_matches_names_and_numbers_in_any_case(text: str) -> None:
    assert HANS.matches(text)


@pytest.mark.parametrize("text", ["ivan", "1002", "Hans Meier"])
def test_type_ahead_does_not_match_others(text: str) -> None:
    assert not HANS.matches(text)


def test_an_empty_type_ahead_matches_everyone() -> None:
    assert HANS.matches("  ")


def test_an_absence_covers_its_days_both_ends_included() -> None:
    vacation = Absence("hansm", date(2024, 5, 6), date(2024, 5, 8), 1, "U")
    assert vacation.approved and not vacation.pending
    assert [vacation.covers(date(2024, 5, d)) for d in (5, 6, 8, 9)] == [False, True, True, False]
    assert Absence("x", date(2024, 5, 6), date(2024, 5, 6), status=AbsenceStatus.PENDING).pending


def test_the_difference_is_worked_minus_target_and_adds_up_to_the_balance() -> None:
    days = [
        DailyReport("hansm", date(2024, 5, 6), target_seconds=28800, worked_seconds=30600),
        DailyReport("hansm", date(2024, 5, 7), target_seconds=28800, worked_seconds=25200),
        DailyReport(
            "hansm", date(2024, 5, 8), absences=(AbsenceTime(28800, "U"), AbsenceTime(0, "K"))
        ),
    ]
    assert [day.difference_seconds for day in days] == [1800, -3600, 0]
    assert balance_seconds(days) == -1800
    assert days[2].absence_seconds == 28800
    assert [day.weekday for day in days] == [1, 2, 3]
