"""The local working model: hours per weekday as people write them, and the holidays."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from timeclock.domain.holidays import UnknownStateError
from timeclock.services.working_model import (
    DEFAULT_HOURS,
    WorkingModel,
    WorkingModelError,
    parse_hours,
    working_model,
)
from timeclock.store.settings import Settings


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("", DEFAULT_HOURS),
        ("  ", DEFAULT_HOURS),
        ("8 8 8 8 8 0 0", (8, 8, 8, 8, 8, 0, 0)),
        ("7,5;7,5;7.5/7.5 6 0 0", (7.5, 7.5, 7.5, 7.5, 6, 0, 0)),
    ],
)
def test_hours_as_people_write_them(text: str, hours: tuple[float, ...]) -> None:
    assert parse_hours(text) == hours


@pytest.mark.parametrize(
    "text", ["8 8 8 8 8", "8 8 8 8 8 0 0 0", "8 8 8 8 x 0 0", "25 0 0 0 0 0 0"]
)
def test_other_texts_are_refused(text: str) -> None:
    with pytest.raises(WorkingModelError, match=r"seven target hours|at most 24"):
        parse_hours(text)


def test_the_settings_make_the_model() -> None:
    model = working_model(Settings(work_hours="6 6 6 6 6 4 0", state="by"))

    assert model.state == "BY"
    assert model.hours_on(date(2024, 5, 11)) == timedelta(hours=4)  # a Saturday
    assert model.holiday(date(2024, 5, 30)) is not None  # Corpus Christi in Bavaria
    assert WorkingModel().holiday(date(2024, 12, 25)) is None  # no state: no holidays


def test_bad_settings_name_the_setting() -> None:
    with pytest.raises(WorkingModelError, match="work hours in the settings file"):
        working_model(Settings(work_hours="eight"))
    with pytest.raises(UnknownStateError, match="state in the settings file"):
        working_model(Settings(state="XX"))
