"""Needs attention through our client against the sandbox, and the state from the settings."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from timeclock.api.client import TimeTrackClient
from timeclock.api.errors import ValidationError
from timeclock.domain.findings import Rule
from timeclock.domain.holidays import UnknownStateError
from timeclock.domain.localtime import to_utc
from timeclock.domain.ranges import DayRange
from timeclock.sandbox import NewAttendance, SandboxServer
from timeclock.services.attention import needs_attention
from timeclock.services.working_model import holiday_state, state_code
from timeclock.store.settings import Settings

BERLIN = ZoneInfo("Europe/Berlin")
NOW = to_utc(datetime(2020, 10, 20, 12), BERLIN)


def at(day: int, hour: int) -> datetime:
    return to_utc(datetime(2020, 10, day, hour), BERLIN)


def work(user: str, start: datetime, end: datetime) -> NewAttendance:
    return NewAttendance(user=user, start=start, end=end, manual=True)


@pytest.fixture
def two_users(server: SandboxServer) -> SandboxServer:
    server.store.insert_many(
        [
            work("hansm", at(1, 17), at(1, 23)),  # 1: Thursday 1st, until 23:00
            work("hansm", at(2, 7), at(2, 9)),  # 2: Friday 2nd, 8 h later
            work("ivan", at(3, 9), at(3, 12)),  # 3: Saturday 3rd, German Unity Day
            work("ivan", at(4, 9), at(4, 12)),  # 4: Sunday 4th
        ]
    )
    return server


def test_one_user_with_the_day_before_the_range_read(
    two_users: SandboxServer, client: TimeTrackClient
) -> None:
    found = needs_attention(
        client, DayRange(date(2020, 10, 2), date(2020, 10, 4)), user="hansm", zone=BERLIN, now=NOW
    )

    assert [(f.rule, f.date, f.ids) for f in found] == [(Rule.REST, date(2020, 10, 2), [1, 2])]


def test_everyone_with_the_holidays_of_a_state(
    two_users: SandboxServer, client: TimeTrackClient
) -> None:
    found = needs_attention(
        client,
        DayRange(date(2020, 10, 3), date(2020, 10, 4)),
        user=None,
        zone=BERLIN,
        now=NOW,
        state="SN",
    )

    assert [(f.user, f.rule, f.ids) for f in found] == [
        ("ivan", Rule.HOLIDAY, [3]),
        ("ivan", Rule.SUNDAY, [4]),
    ]


def test_a_range_at_the_start_of_the_calendar_reads_from_its_first_day(
    client: TimeTrackClient,
) -> None:
    first = date(1, 1, 2)
    # The days before it do not exist: the first day's query goes out (no OverflowError),
    # and the sandbox refuses it as it takes years from 1900 only.
    with pytest.raises(ValidationError, match="'from' must be a timestamp"):
        needs_attention(client, DayRange(first, first), user=None, zone=BERLIN, now=NOW)


@pytest.mark.parametrize(("text", "code"), [("BY", "BY"), (" nw ", "NW"), ("", None), (" ", None)])
def test_state_codes(text: str, code: str | None) -> None:
    assert state_code(text) == code


def test_the_settings_state() -> None:
    assert holiday_state(Settings()) is None
    assert holiday_state(Settings(state="he")) == "HE"
    with pytest.raises(UnknownStateError, match=r"settings file: 'Hessen' is not a German state"):
        holiday_state(Settings(state="Hessen"))
