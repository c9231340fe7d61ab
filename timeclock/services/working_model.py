"""The local working model: target hours per weekday and the German state of the holidays.

Used where TimeTrack offers no ``work_reports`` (an account's plan, a key that may not read
them, a compatible server without them): the balance is then computed on this desk with the
same reading the sandbox's reports use (:mod:`timeclock.sandbox.work_reports`): a public
holiday on a working day and an approved absence each cover that day's target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from timeclock.domain.errors import TimeClockError
from timeclock.domain.holidays import STATES, Holiday, UnknownStateError, is_holiday
from timeclock.store.settings import Settings

DEFAULT_HOURS: tuple[float, ...] = (8, 8, 8, 8, 8, 0, 0)
_HOURS = re.compile(r"[0-9]{1,2}(?:[.,][0-9]{1,2})?", re.ASCII)


class WorkingModelError(TimeClockError, ValueError):
    """Target hours a person wrote that are not seven numbers of hours."""


@dataclass(frozen=True, slots=True)
class WorkingModel:
    """Target hours for each weekday (Monday first) and the state whose holidays count
    (None: no public holidays)."""

    hours: tuple[float, ...] = DEFAULT_HOURS
    state: str | None = None

    def __post_init__(self) -> None:
        if len(self.hours) != 7 or not all(0 <= hours <= 24 for hours in self.hours):
            raise WorkingModelError("a working model has 7 days of 0 to 24 hours each")

    def hours_on(self, day: date) -> timedelta:
        """The weekday's hours, before holidays and absences."""
        return timedelta(seconds=round(self.hours[day.weekday()] * 3600))

    def holiday(self, day: date) -> Holiday | None:
        """The public holiday ``day`` is in the model's state, if it has one."""
        return None if self.state is None else is_holiday(day, self.state)


def parse_hours(text: str) -> tuple[float, ...]:
    """Seven hours, Monday first, as people write them: ``8 8 8 8 7,5 0 0`` (spaces, ``;``
    or ``/`` between them; a decimal dot or comma). An empty text is :data:`DEFAULT_HOURS`."""
    parts = [part for part in re.split(r"[\s;/]+", text.strip()) if part]
    if not parts:
        return DEFAULT_HOURS
    if len(parts) != 7 or not all(_HOURS.fullmatch(part) for part in parts):
        raise WorkingModelError(
            f"'{text.strip()}' is not seven target hours from Monday to Sunday "
            "(such as 8 8 8 8 8 0 0)"
        )
    hours = tuple(float(part.replace(",", ".")) for part in parts)
    if any(value > 24 for value in hours):
        raise WorkingModelError(f"'{text.strip()}': a day has at most 24 hours")
    return hours


def working_model(settings: Settings) -> WorkingModel:
    """The model the settings describe (``work_hours`` and ``state``)."""
    try:
        hours = parse_hours(settings.work_hours)
    except WorkingModelError as error:
        raise WorkingModelError(f"the work hours in the settings file: {error}") from None
    return WorkingModel(hours, holiday_state(settings))


def state_code(text: str) -> str | None:
    """A state as people write it (``by``, `` NW ``) as its code; None for an empty text.

    Not one of :data:`~timeclock.domain.holidays.STATES`: :class:`UnknownStateError`.
    """
    code = text.strip().upper()
    if not code:
        return None
    if code not in STATES:
        raise UnknownStateError(
            f"'{text.strip()}' is not a German state code (one of {', '.join(STATES)})"
        )
    return code


def holiday_state(settings: Settings) -> str | None:
    """The state whose public holidays count, from the settings; None when none is set."""
    try:
        return state_code(settings.state)
    except UnknownStateError as error:
        raise UnknownStateError(f"the state in the settings file: {error}") from None
