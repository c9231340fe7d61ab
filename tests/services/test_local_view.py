"""What a list looks like from this desk when nothing of it waits to be sent.

The usual list has no waiting change; :func:`overlay` then takes its entries as the
server listed them without writing out a reference for each. These tests hold that way to
the rule of the general one: each entry once (the last version listed), in
:func:`~timeclock.domain.attendance.time_order`.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from timeclock.domain.attendance import Attendance, AttendanceChange, time_order
from timeclock.services.local_view import overlay
from timeclock.store.outbox import Outbox

URL = "https://timetrack.example"
MONDAY = datetime(2026, 3, 2, 8, tzinfo=UTC)


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    return Outbox(tmp_path / "outbox.sqlite3")


def listed(entries: list[Attendance]) -> list[Attendance]:
    """The rule, written the plain way: one per reference, the last one, in time order."""
    return sorted({entry.ref: entry for entry in entries}.values(), key=time_order)


def server_entries(rng: random.Random, count: int) -> list[Attendance]:
    entries = []
    for number in range(count):
        # Few starts, so that ties are ordered by id.
        start = MONDAY + timedelta(hours=rng.randrange(4))
        entries.append(Attendance(1000 - number, "anna", start, start + timedelta(hours=8)))
    return entries


@pytest.mark.parametrize("seed", range(5))
def test_a_list_with_nothing_waiting_is_each_entry_once_in_time_order(
    seed: int, outbox: Outbox
) -> None:
    rng = random.Random(seed)
    entries = server_entries(rng, 40)
    rng.shuffle(entries)
    entries.append(replace(entries[3], notes="listed again, changed"))  # the last one counts

    shown = overlay(entries, [], outbox, URL)

    assert shown == listed(entries)
    assert len(shown) == 40
    assert [e.notes for e in shown if e.notes] == ["listed again, changed"]


def test_a_list_with_an_entry_of_this_desk_keeps_it_by_its_local_reference(
    outbox: Outbox,
) -> None:
    entries = server_entries(random.Random(9), 10)
    made_here = Attendance(None, "anna", MONDAY, MONDAY, local_ref="local:7")
    sent_unanswered = replace(entries[0], local_ref="local:8")  # its create's answer was lost
    mixed = [*entries, made_here, sent_unanswered]

    assert overlay(mixed, [], outbox, URL) == listed(mixed)


def test_a_change_held_for_a_person_shows_nothing_so_the_list_is_as_listed(
    outbox: Outbox,
) -> None:
    entries = server_entries(random.Random(4), 10)
    seq = outbox.add_update(URL, entries[2].ref, AttendanceChange(notes="not sent"))
    outbox.mark_stuck(seq, "refused")

    assert overlay(entries, outbox.items(URL), outbox, URL) == listed(entries)


def test_a_waiting_change_is_applied_to_its_entry(outbox: Outbox) -> None:
    entries = server_entries(random.Random(5), 10)
    outbox.add_update(URL, entries[2].ref, AttendanceChange(notes="waiting"))

    shown = overlay(entries, outbox.items(URL), outbox, URL)

    assert [e.ref for e in shown] == [e.ref for e in listed(entries)]
    assert [e.notes for e in shown if e.ref == entries[2].ref] == ["waiting"]
