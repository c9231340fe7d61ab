"""Needs attention over the demo office: each rule the demo is meant to show, found."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from timeclock.api.client import TimeTrackClient
from timeclock.domain.findings import Rule
from timeclock.domain.ranges import DayRange, Preset
from timeclock.domain.timestamps import utc_now
from timeclock.sandbox import SandboxServer, load_demo_data
from timeclock.services.attention import needs_attention
from timeclock.services.demo import demo_account

BERLIN = ZoneInfo("Europe/Berlin")
SHOWN = {Rule.OPEN, Rule.OVERLAP, Rule.MAX_HOURS, Rule.BREAK, Rule.REST, Rule.SUNDAY}


@pytest.mark.parametrize(
    ("today", "holiday"),
    [(date(2026, 12, 3), date(2026, 10, 3)), (date(2026, 6, 1), date(2026, 5, 25))],
    ids=str,
)
def test_every_rule_of_the_demo_is_found_once_over_everyone(
    server: SandboxServer, client: TimeTrackClient, today: date, holiday: date
) -> None:
    now = datetime.combine(today, time(11), BERLIN).astimezone(UTC)
    load_demo_data(server.store, today, now=now)
    days = DayRange(holiday, today)

    found = needs_attention(client, days, user=None, zone=BERLIN, now=now, state="BE")

    assert sorted(f.rule.value for f in found) == sorted(r.value for r in SHOWN | {Rule.HOLIDAY})
    by_rule = {f.rule: f for f in found}
    assert by_rule[Rule.HOLIDAY].date == holiday
    assert by_rule[Rule.HOLIDAY].user == "tobiasw"
    assert by_rule[Rule.MAX_HOURS].user == by_rule[Rule.BREAK].user == "hansm"
    assert len(by_rule[Rule.OVERLAP].entries) == 2
    assert by_rule[Rule.OPEN].entries[0].is_open


def test_the_demo_user_s_own_list_shows_his_long_day(
    server: SandboxServer, client: TimeTrackClient
) -> None:
    today = date(2026, 12, 3)
    now = datetime.combine(today, time(11), BERLIN).astimezone(UTC)
    load_demo_data(server.store, today, now=now)

    found = needs_attention(
        client, Preset.THIS_MONTH.range(today), user="hansm", zone=BERLIN, now=now, state="BE"
    )

    assert [(f.rule, f.date) for f in found] == [
        (Rule.MAX_HOURS, date(2026, 12, 2)),
        (Rule.BREAK, date(2026, 12, 2)),
    ]


def test_the_running_demo_shows_them_this_month_and_last() -> None:
    """``timeclock --demo`` as it starts today: everything but the holiday lies in this
    month or the last, and the holiday within the year."""
    now = utc_now()
    today = now.astimezone(BERLIN).date()
    recent = DayRange(Preset.LAST_MONTH.range(today).first, today)
    with (
        demo_account() as account,
        TimeTrackClient(account.base_url, account.credentials) as client,
    ):
        found = needs_attention(client, recent, user=None, zone=BERLIN, now=now, state="BE")
        year = DayRange(today - timedelta(days=366), today)
        holidays = needs_attention(client, year, user=None, zone=BERLIN, now=now, state="BE")

    assert {f.rule for f in found} >= SHOWN
    assert [f.rule for f in found].count(Rule.OPEN) == 1
    assert [f.rule for f in found].count(Rule.OVERLAP) == 1
    assert [f.rule for f in holidays].count(Rule.HOLIDAY) == 1


def test_the_window_knows_the_demo_office_s_state() -> None:
    from timeclock.sandbox.demo import DEMO_STATE as SANDBOX_STATE
    from timeclock.services.demo import DEMO_STATE

    assert DEMO_STATE == SANDBOX_STATE == "BE"
