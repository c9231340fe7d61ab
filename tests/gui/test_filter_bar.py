"""The filter bar: presets as local day ranges, the custom range, whose entries, recent names."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from tests.gui.helpers import emissions
from timeclock.domain.ranges import DayRange, Preset
from timeclock.gui.filter_bar import CUSTOM, MAX_RECENT_USERS, FilterBar

MONDAY = date(2026, 3, 9)
SUNDAY = date(2026, 3, 15)


@pytest.fixture
def bar(qtbot: QtBot) -> FilterBar:
    filter_bar = FilterBar()
    qtbot.addWidget(filter_bar)
    return filter_bar


def days(first: date, last: date) -> DayRange:
    return DayRange(first, last)


def shown_dates(bar: FilterBar) -> tuple[QDate, QDate]:
    return bar.first.date(), bar.last.date()


@pytest.mark.parametrize(
    ("preset", "today", "expected"),
    [
        (Preset.TODAY, MONDAY, days(MONDAY, MONDAY)),
        (Preset.THIS_WEEK, MONDAY, days(MONDAY, SUNDAY)),
        (Preset.THIS_WEEK, SUNDAY, days(MONDAY, SUNDAY)),
        (Preset.LAST_WEEK, MONDAY, days(date(2026, 3, 2), date(2026, 3, 8))),
        (Preset.LAST_WEEK, SUNDAY, days(date(2026, 3, 2), date(2026, 3, 8))),
        # A week across the turn of the year.
        (Preset.THIS_WEEK, date(2027, 1, 1), days(date(2026, 12, 28), date(2027, 1, 3))),
        (Preset.THIS_MONTH, date(2026, 1, 31), days(date(2026, 1, 1), date(2026, 1, 31))),
        (Preset.THIS_MONTH, date(2026, 2, 1), days(date(2026, 2, 1), date(2026, 2, 28))),
        (Preset.LAST_MONTH, date(2026, 1, 31), days(date(2025, 12, 1), date(2025, 12, 31))),
        (Preset.LAST_MONTH, date(2024, 3, 31), days(date(2024, 2, 1), date(2024, 2, 29))),
        (Preset.LAST_MONTH, date(2026, 11, 1), days(date(2026, 10, 1), date(2026, 10, 31))),
    ],
)
def test_a_preset_is_the_right_days_for_today(
    bar: FilterBar, preset: Preset, today: date, expected: DayRange
) -> None:
    bar.choose_preset(preset, today)
    assert bar.day_range(today) == expected
    assert shown_dates(bar) == (
        QDate(expected.first.year, expected.first.month, expected.first.day),
        QDate(expected.last.year, expected.last.month, expected.last.day),
    )


def test_this_month_is_chosen_at_first(bar: FilterBar) -> None:
    assert bar.preset.currentData() == Preset.THIS_MONTH.value
    assert bar.day_range(date(2026, 2, 14)) == days(date(2026, 2, 1), date(2026, 2, 28))


def test_a_preset_follows_the_day_it_is_asked_on(bar: FilterBar) -> None:
    bar.choose_preset(Preset.TODAY, MONDAY)
    # Past midnight the same preset means the next day.
    assert bar.day_range(date(2026, 3, 10)) == days(date(2026, 3, 10), date(2026, 3, 10))


def test_choosing_a_preset_in_the_list_announces_a_change(bar: FilterBar) -> None:
    changed = emissions(bar.changed)
    bar.preset.setCurrentIndex(bar.preset.findData(Preset.LAST_WEEK.value))
    assert len(changed) == 1
    assert bar.day_range(MONDAY) == days(date(2026, 3, 2), date(2026, 3, 8))


def test_editing_a_date_switches_to_the_custom_range(bar: FilterBar) -> None:
    bar.choose_preset(Preset.LAST_WEEK, MONDAY)
    changed = emissions(bar.changed)
    bar.last.setDate(QDate(2026, 3, 20))
    assert bar.preset.currentData() == CUSTOM
    assert len(changed) == 1
    # The custom range starts where the preset did, and no longer moves with today.
    assert bar.day_range(MONDAY) == days(date(2026, 3, 2), date(2026, 3, 20))
    assert bar.day_range(date(2027, 6, 1)) == days(date(2026, 3, 2), date(2026, 3, 20))


def test_dates_given_the_wrong_way_round_still_make_a_range(bar: FilterBar) -> None:
    bar.choose_preset(None, MONDAY)
    bar.first.setDate(QDate(2026, 5, 31))
    bar.last.setDate(QDate(2026, 5, 1))
    assert bar.day_range(MONDAY) == days(date(2026, 5, 1), date(2026, 5, 31))


def test_a_custom_range_is_set_in_one_change(bar: FilterBar) -> None:
    changed = emissions(bar.changed)
    bar.set_custom_range(days(date(2026, 10, 24), date(2026, 10, 26)))
    assert len(changed) == 1
    assert bar.preset.currentData() == CUSTOM
    assert shown_dates(bar) == (QDate(2026, 10, 24), QDate(2026, 10, 26))
    assert bar.day_range(MONDAY) == days(date(2026, 10, 24), date(2026, 10, 26))


def test_the_user_filter(qtbot: QtBot, bar: FilterBar) -> None:
    assert bar.user_filter("hansm") == "hansm"  # empty: one's own entries
    bar.user.setText("  ivan ")
    assert bar.user_filter("hansm") == "ivan"
    changed = emissions(bar.changed)
    bar.all_users.setChecked(True)
    assert bar.user_filter("hansm") is None
    assert not bar.user.isEnabled()
    bar.all_users.setChecked(False)
    assert bar.user_filter("hansm") == "ivan"
    assert bar.user.isEnabled()
    assert len(changed) == 2


def enter_user(qtbot: QtBot, bar: FilterBar, name: str) -> None:
    bar.user.clear()
    qtbot.keyClicks(bar.user, name)
    qtbot.keyClick(bar.user, Qt.Key.Key_Return)


def test_entered_names_are_remembered_most_recent_first_and_at_most_ten(
    qtbot: QtBot, bar: FilterBar
) -> None:
    bar.show()
    changed = emissions(bar.changed)
    for number in range(12):
        enter_user(qtbot, bar, f"user{number}")
    assert len(changed) == 12
    expected = [f"user{number}" for number in range(11, 1, -1)]
    assert bar.recent_users() == expected
    assert len(bar.recent_users()) == MAX_RECENT_USERS

    enter_user(qtbot, bar, "user5")  # an old name moves to the front, once
    assert bar.recent_users() == ["user5", *(name for name in expected if name != "user5")]
    enter_user(qtbot, bar, "")  # back to one's own: nothing to remember
    assert bar.recent_users()[0] == "user5"
    assert bar.user_filter("hansm") == "hansm"


def test_recent_names_offered_by_the_completer(bar: FilterBar) -> None:
    bar.set_recent_users([f"name{number}" for number in range(15)])
    assert bar.recent_users() == [f"name{number}" for number in range(10)]
    completer = bar.user.completer()
    assert completer is not None
    completer.setCompletionPrefix("NAME1")  # case does not matter
    assert completer.currentCompletion() == "name1"


def test_presets_are_shown_for_the_day_the_bar_is_given(qtbot: QtBot) -> None:
    bar = FilterBar(today=lambda: date(2026, 11, 1))
    qtbot.addWidget(bar)
    assert shown_dates(bar) == (QDate(2026, 11, 1), QDate(2026, 11, 30))  # this month
    bar.preset.setCurrentIndex(bar.preset.findData(Preset.LAST_WEEK.value))
    assert shown_dates(bar) == (QDate(2026, 10, 19), QDate(2026, 10, 25))
    bar.first.setDate(QDate(2026, 10, 20))  # a custom range starts from what was shown
    assert bar.day_range(date(2030, 1, 1)) == days(date(2026, 10, 20), date(2026, 10, 25))
