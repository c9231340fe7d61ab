"""Ctrl+Z's history: each step taken back through the one write path, against the sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import credentials_of
from timeclock.api.client import TimeTrackClient
from timeclock.domain.attendance import AttendanceChange, AttendanceDraft
from timeclock.domain.corrections import Action, ReasonError
from timeclock.sandbox import NewAttendance, SandboxServer
from timeclock.services.changes import EntryChanges, Outcome
from timeclock.services.undo import Done, UndoHistory, change_back, send
from timeclock.store.journal import CorrectionJournal
from timeclock.store.outbox import Outbox

MORNING = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)
EVENING = MORNING + timedelta(hours=8)
AT = datetime(2026, 3, 11, 9, 0, tzinfo=UTC)
MANAGER = "chefin"


@pytest.fixture
def journal(tmp_path: Path) -> CorrectionJournal:
    return CorrectionJournal(tmp_path / "journal.sqlite3")


@pytest.fixture
def changes(
    server: SandboxServer, tmp_path: Path, journal: CorrectionJournal
) -> Iterator[EntryChanges]:
    """The manager's desk: changes by ``chefin``, journalled."""
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        yield EntryChanges(
            client, Outbox(tmp_path / "outbox.sqlite3"), journal=journal, author=MANAGER
        )


def stored(server: SandboxServer) -> list[tuple[str, datetime, datetime, int, str]]:
    return sorted(
        (entry.user, entry.start, entry.end, entry.break_minutes, entry.notes)
        for entry in server.store.all()
    )


def put(server: SandboxServer, user: str = MANAGER, offset: int = 0, notes: str = "") -> int:
    day = timedelta(days=offset)
    made = server.store.create(
        NewAttendance(
            user=user, start=MORNING + day, end=EVENING + day, break_minutes=30, notes=notes
        )
    )
    return made.id


def test_undoing_a_new_entry_deletes_it(changes: EntryChanges, server: SandboxServer) -> None:
    history = UndoHistory(MANAGER)
    sent = changes.create(AttendanceDraft(MANAGER, MORNING, EVENING, 30))
    assert sent.outcome is Outcome.DELIVERED and sent.entry is not None
    history.record([Done(Action.CREATE, None, sent.entry, AT)])

    taken = history.take()
    assert taken is not None
    step, (undo,) = taken
    assert step.action is Action.CREATE and not undo.reason_needed
    assert send(undo, changes).outcome is Outcome.DELIVERED
    assert server.store.all() == []
    assert history.take() is None


def test_undoing_a_correction_sets_the_fields_back(
    changes: EntryChanges, server: SandboxServer
) -> None:
    before = changes.client.get_attendance(put(server, notes="Messe"))
    sent = changes.update(before, AttendanceChange(end=EVENING + timedelta(hours=1), notes="x"))
    assert sent.entry is not None
    history = UndoHistory(MANAGER)
    history.record([Done(Action.UPDATE, before, sent.entry, AT)])
    _step, (undo,) = history.take() or (None, [])
    assert undo.change == AttendanceChange(end=EVENING, notes="Messe")

    assert send(undo, changes).outcome is Outcome.DELIVERED
    assert stored(server) == [(MANAGER, MORNING, EVENING, 30, "Messe")]


def test_undoing_a_deletion_creates_the_entry_again_with_its_values(
    changes: EntryChanges, server: SandboxServer
) -> None:
    gone = changes.client.get_attendance(put(server, notes="Messe"))
    changes.delete(gone)
    assert server.store.all() == []
    history = UndoHistory(MANAGER)
    history.record([Done(Action.DELETE, gone, None, AT)])
    _step, (undo,) = history.take() or (None, [])

    sent = send(undo, changes)
    assert sent.outcome is Outcome.DELIVERED
    assert stored(server) == [(MANAGER, MORNING, EVENING, 30, "Messe")]
    assert sent.entry is not None and sent.entry.id != gone.id  # a new entry


def test_a_bulk_step_is_undone_at_once_last_change_first(
    changes: EntryChanges, server: SandboxServer
) -> None:
    entries = [changes.client.get_attendance(put(server, offset=day)) for day in range(3)]
    history = UndoHistory(MANAGER)
    done = []
    for entry in entries:
        sent = changes.update(entry, AttendanceChange(break_minutes=45))
        assert sent.entry is not None
        done.append(Done(Action.UPDATE, entry, sent.entry, AT))
    history.record(done)
    assert len(history) == 1

    _step, undos = history.take() or (None, [])
    assert [undo.undoes for undo in undos] == done[::-1]
    for undo in undos:
        assert send(undo, changes).outcome is Outcome.DELIVERED
    assert [row[3] for row in stored(server)] == [30, 30, 30]


def test_undoing_another_employees_entry_needs_a_reason_and_journals_it(
    changes: EntryChanges, server: SandboxServer, journal: CorrectionJournal
) -> None:
    annas = changes.client.get_attendance(put(server, user="anna"))
    sent = changes.update(annas, AttendanceChange(break_minutes=60), reason="Arzttermin")
    assert sent.entry is not None
    history = UndoHistory(MANAGER)
    history.record([Done(Action.UPDATE, annas, sent.entry, AT)])
    _step, (undo,) = history.take() or (None, [])
    assert undo.reason_needed

    with pytest.raises(ReasonError):
        send(undo, changes)
    send(undo, changes, reason="Undo of the correction of 11.03.2026 10:00")
    assert stored(server)[0][3] == 30
    last = journal.corrections(server.base_url)[-1]
    assert (last.action, last.reason) == (
        Action.UPDATE,
        "Undo of the correction of 11.03.2026 10:00",
    )
    assert last.before is not None and last.before.break_minutes == 60


def test_an_undo_never_overwrites_a_change_made_elsewhere(
    changes: EntryChanges, server: SandboxServer
) -> None:
    before = changes.client.get_attendance(put(server))
    sent = changes.update(before, AttendanceChange(break_minutes=45))
    assert sent.entry is not None
    history = UndoHistory(MANAGER)
    history.record([Done(Action.UPDATE, before, sent.entry, AT)])
    assert sent.entry.id is not None
    changes.client.update_attendance(sent.entry.id, AttendanceChange(break_minutes=50))  # elsewhere

    _step, (undo,) = history.take() or (None, [])
    assert send(undo, changes).outcome is Outcome.CONFLICT
    assert stored(server)[0][3] == 50


def test_a_step_that_could_not_be_undone_goes_back_and_old_steps_are_forgotten() -> None:
    entry_made = AttendanceDraft(MANAGER, MORNING, EVENING).as_entry(1)
    history = UndoHistory(MANAGER, limit=2)
    for minute in range(3):
        history.record([Done(Action.CREATE, None, entry_made, AT + timedelta(minutes=minute))])
    history.record([])  # nothing done: no step
    assert len(history) == 2
    taken = history.take()
    assert taken is not None
    history.put_back(taken[0].done)
    assert history.last == taken[0]


def test_change_back_names_only_the_fields_that_differ() -> None:
    was = AttendanceDraft(MANAGER, MORNING, EVENING, 30, "a").as_entry(1)
    now = replace(was, break_minutes=45)
    assert change_back(now, was) == AttendanceChange(break_minutes=30)
    assert change_back(was, was).is_empty()


def test_a_change_needs_its_before_and_after() -> None:
    entry_made = AttendanceDraft(MANAGER, MORNING, EVENING).as_entry(1)
    with pytest.raises(ValueError, match="needs before/after"):
        Done(Action.UPDATE, None, entry_made, AT)
    with pytest.raises(ValueError, match="needs before/after"):
        Done(Action.DELETE, entry_made, entry_made, AT)
