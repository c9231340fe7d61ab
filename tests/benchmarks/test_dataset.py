"""The benchmark's entries: as many as asked, spread over the days the children expect."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from benchmarks import dataset


@pytest.mark.parametrize("count", [100, 1_000, 1_234])
def test_entries_are_as_many_as_asked_and_match_the_arithmetic(count: int) -> None:
    last = date(2026, 3, 29)  # a DST switch inside the span
    made = dataset.entries(count, last)
    assert len(made) == count
    per_user = Counter(entry.user for entry in made)
    for person, user in enumerate(dataset.USERS):
        assert per_user[user] == dataset.own_count(count, person)
    first, end = dataset.days(count, last)
    since, until = dataset.utc_bounds(first, end)
    assert all(since <= entry.start < until for entry in made)
    local_days = {entry.start.astimezone(dataset.ZONE).date() for entry in made}
    assert min(local_days) == first and max(local_days) == last
    assert any(entry.latitude_start is not None for entry in made)  # the location column
    assert any(entry.notes for entry in made)


def test_the_own_user_has_an_entry_on_the_last_day() -> None:
    made = dataset.entries(120, date(2026, 12, 1))
    own = [e for e in made if e.user == dataset.OWN_USER]
    assert max(e.start.astimezone(dataset.ZONE).date() for e in own) == date(2026, 12, 1)


def test_wire_times_have_milliseconds_and_z() -> None:
    since, _ = dataset.utc_bounds(date(2026, 7, 1), date(2026, 7, 1))
    assert dataset.wire_time(since) == "2026-06-30T22:00:00.000Z"
