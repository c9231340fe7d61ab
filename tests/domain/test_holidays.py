"""German public holidays per state, against the published calendars."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from timeclock.domain.errors import TimeClockError
from timeclock.domain.holidays import (
    STATES,
    Holiday,
    UnknownStateError,
    easter_sunday,
    holidays,
    is_holiday,
)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (1818, date(1818, 3, 22)),  # the earliest possible
        (1943, date(1943, 4, 25)),  # the latest possible
        (2000, date(2000, 4, 23)),
        (2008, date(2008, 3, 23)),
        (2019, date(2019, 4, 21)),
        (2020, date(2020, 4, 12)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter_sunday_matches_the_published_dates(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


def test_bavaria_2024_is_the_published_list() -> None:
    assert {day: h.name_de for day, h in holidays(2024, "BY").items()} == {
        date(2024, 1, 1): "Neujahr",
        date(2024, 1, 6): "Heilige Drei Könige",
        date(2024, 3, 29): "Karfreitag",
        date(2024, 4, 1): "Ostermontag",
        date(2024, 5, 1): "Tag der Arbeit",
        date(2024, 5, 9): "Christi Himmelfahrt",
        date(2024, 5, 20): "Pfingstmontag",
        date(2024, 5, 30): "Fronleichnam",
        date(2024, 10, 3): "Tag der Deutschen Einheit",
        date(2024, 11, 1): "Allerheiligen",
        date(2024, 12, 25): "1. Weihnachtstag",
        date(2024, 12, 26): "2. Weihnachtstag",
    }


def test_saxony_2023_has_reformation_and_repentance_day() -> None:
    assert list(holidays(2023, "SN")) == [
        date(2023, 1, 1),
        date(2023, 4, 7),
        date(2023, 4, 10),
        date(2023, 5, 1),
        date(2023, 5, 18),
        date(2023, 5, 29),
        date(2023, 10, 3),
        date(2023, 10, 31),
        date(2023, 11, 22),
        date(2023, 12, 25),
        date(2023, 12, 26),
    ]


def test_berlin_2025_has_womens_day_and_the_one_off_liberation_day() -> None:
    found = holidays(2025, "BE")
    assert found[date(2025, 3, 8)].name_en == "International Women's Day"
    assert found[date(2025, 5, 8)].name_de == "Tag der Befreiung"
    assert found[date(2025, 4, 18)].name_de == "Karfreitag"
    assert found[date(2025, 5, 29)].name_de == "Christi Himmelfahrt"
    assert found[date(2025, 6, 9)].name_de == "Pfingstmontag"
    assert len(found) == 11
    assert date(2024, 5, 8) not in holidays(2024, "BE")


def test_saarland_2020_has_corpus_christi_assumption_and_all_saints() -> None:
    found = holidays(2020, "SL")
    assert found[date(2020, 6, 11)].name_de == "Fronleichnam"
    assert found[date(2020, 8, 15)].name_de == "Mariä Himmelfahrt"
    assert found[date(2020, 11, 1)].name_de == "Allerheiligen"
    assert len(found) == 12


@pytest.mark.parametrize(
    ("state", "count"),
    [
        ("BW", 12),
        ("BY", 12),
        ("BE", 10),
        ("BB", 12),  # Easter and Whit Sunday are holidays by law there
        ("HB", 10),
        ("HH", 10),
        ("HE", 10),
        ("MV", 11),
        ("NI", 10),
        ("NW", 11),
        ("RP", 11),
        ("SL", 12),
        ("SN", 11),
        ("ST", 11),
        ("SH", 10),
        ("TH", 11),
    ],
)
def test_each_state_has_its_published_number_of_holidays_in_2024(state: str, count: int) -> None:
    assert len(holidays(2024, state)) == count


@pytest.mark.parametrize(
    ("state", "day", "first_year"),
    [
        ("HB", date(1, 10, 31), 2018),
        ("HH", date(1, 10, 31), 2018),
        ("NI", date(1, 10, 31), 2018),
        ("SH", date(1, 10, 31), 2018),
        ("BE", date(1, 3, 8), 2019),
        ("MV", date(1, 3, 8), 2023),
        ("TH", date(1, 9, 20), 2019),
    ],
)
def test_new_state_holidays_start_in_the_year_the_law_took_effect(
    state: str, day: date, first_year: int
) -> None:
    before = day.replace(year=first_year - 2)  # 2017 was a one-off Reformation Day everywhere
    assert is_holiday(before, state) is None
    assert is_holiday(day.replace(year=first_year), state) is not None
    assert is_holiday(day.replace(year=first_year + 5), state) is not None


def test_reformation_day_2017_was_a_holiday_in_every_state() -> None:
    for state in STATES:
        assert is_holiday(date(2017, 10, 31), state) == Holiday(
            "Reformationstag", "Reformation Day"
        )
    assert is_holiday(date(2016, 10, 31), "BY") is None
    assert is_holiday(date(2016, 10, 31), "BB") is not None


@pytest.mark.parametrize(
    "day",
    [date(2021, 11, 17), date(2022, 11, 16), date(2024, 11, 20), date(2025, 11, 19)],
)
def test_repentance_day_is_the_published_wednesday_and_only_in_saxony(day: date) -> None:
    assert is_holiday(day, "SN") == Holiday("Buß- und Bettag", "Day of Repentance and Prayer")
    assert is_holiday(day, "BY") is None
    assert is_holiday(day - timedelta(days=7), "SN") is None


def test_repentance_day_was_everywhere_before_1995() -> None:
    assert is_holiday(date(1994, 11, 16), "NW") is not None
    assert is_holiday(date(1995, 11, 22), "NW") is None
    assert is_holiday(date(1995, 11, 22), "SN") is not None


def test_local_only_holidays_are_left_out() -> None:
    assert is_holiday(date(2024, 8, 15), "BY") is None  # Catholic communities only
    assert is_holiday(date(2024, 5, 30), "SN") is None  # Corpus Christi: some towns only
    assert is_holiday(date(2024, 8, 8), "BY") is None  # Augsburg only


def test_every_holiday_has_both_names_and_working_days_have_none() -> None:
    for state in STATES:
        for holiday in holidays(2024, state).values():
            assert holiday.name_de
            assert holiday.name_en
    assert is_holiday(date(2024, 3, 28), "BY") is None


def test_the_result_is_a_copy_the_caller_may_change() -> None:
    mine = holidays(2024, "HE")
    mine.clear()
    assert len(holidays(2024, "HE")) == 10


def test_an_unknown_state_is_a_readable_error() -> None:
    with pytest.raises(UnknownStateError, match="not a German state code") as caught:
        holidays(2024, "XX")
    assert isinstance(caught.value, TimeClockError)
    with pytest.raises(UnknownStateError):
        is_holiday(date(2024, 1, 1), "by")
