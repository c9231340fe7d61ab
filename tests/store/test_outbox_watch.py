"""The outbox watch's fingerprint changes with what other programs do to the waiting
changes, and only with that."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from timeclock.domain.attendance import Attendance, AttendanceChange, AttendanceDraft
from timeclock.store.outbox import Outbox, server_ref
from timeclock.store.outbox_watch import OutboxWatch

BASE = "https://testkonto.timetrackenterprise.com/api/v2/ext"
START = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)
DRAFT = AttendanceDraft(user="hansm", start=START, end=START, manual=False)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    Outbox(tmp_path / "outbox.sqlite3")  # the window's outbox exists before it is watched
    return tmp_path / "outbox.sqlite3"


@pytest.fixture
def watch(path: Path) -> Iterator[OutboxWatch]:
    watching = OutboxWatch(str(path), BASE)
    yield watching
    watching.close()


def test_every_change_another_program_makes_to_what_waits_changes_the_fingerprint(
    path: Path, watch: OutboxWatch
) -> None:
    seen = [watch.fingerprint()]
    seq, _ = Outbox(path).add_create(BASE, DRAFT)
    seen.append(watch.fingerprint())
    update = Outbox(path).add_update(BASE, server_ref(5), AttendanceChange(notes="x"))
    seen.append(watch.fingerprint())
    Outbox(path).mark_stuck(update, "refused")
    seen.append(watch.fingerprint())
    Outbox(path).revise(update, change=AttendanceChange(notes="y"))
    seen.append(watch.fingerprint())
    Outbox(path).delivered(BASE, seq, created_id=5)
    seen.append(watch.fingerprint())
    Outbox(path).discard(update)
    seen.append(watch.fingerprint())
    assert None not in seen
    assert len(set(seen)) == len(seen)
    assert watch.fingerprint() == seen[-1]  # nothing happened since


def test_what_changes_nothing_shown_leaves_the_fingerprint(path: Path, watch: OutboxWatch) -> None:
    """The window's own reads keep the entries last seen (a write) and a failing delivery
    counts attempts: a new fingerprint for these would make every reload call for another."""
    seq, _ = Outbox(path).add_create(BASE, DRAFT)
    before = watch.fingerprint()
    outbox = Outbox(path)
    seen = Attendance(1, "hansm", START, START + timedelta(hours=1), 0, "", False)
    outbox.recent.remember(BASE, "hansm", [seen], fetched_at=START)
    outbox.begin_attempt(seq)
    outbox.note_problem(seq, "HTTP 503")
    assert watch.fingerprint() == before


def test_a_change_queued_and_gone_between_two_looks_changes_the_fingerprint(
    path: Path, watch: OutboxWatch
) -> None:
    """A view showed it waiting; by the next look it was delivered or discarded."""
    empty = watch.fingerprint()
    seq, _ = Outbox(path).add_create(BASE, DRAFT)
    Outbox(path).delivered(BASE, seq, created_id=5)
    delivered = watch.fingerprint()
    seq, _ = Outbox(path).add_create(BASE, DRAFT)
    Outbox(path).discard(seq)
    assert len({empty, delivered, watch.fingerprint()}) == 3


def test_an_outbox_in_memory_has_no_fingerprint() -> None:
    assert OutboxWatch(":memory:", BASE).fingerprint() is None


def test_an_outbox_not_yet_there_is_not_created_by_looking(tmp_path: Path) -> None:
    missing = tmp_path / "later" / "outbox.sqlite3"
    watch = OutboxWatch(str(missing), BASE)
    nothing = watch.fingerprint()
    assert nothing is not None
    assert not missing.exists()
    missing.parent.mkdir()
    Outbox(missing).add_create(BASE, DRAFT)
    assert watch.fingerprint() not in (None, nothing)
    watch.close()
