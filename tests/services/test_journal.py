"""Every change made from this desk leaves a line in its journal; another user's entry is
changed or deleted only with a reason."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import credentials_of
from tests.office import Office
from timeclock.api.client import TimeTrackClient
from timeclock.domain.attendance import AttendanceChange, AttendanceDraft
from timeclock.domain.corrections import Action, ReasonError
from timeclock.sandbox import AttendanceStore, NewAttendance, SandboxServer
from timeclock.services.changes import EntryChanges, Outcome
from timeclock.services.journal import corrections_of
from timeclock.services.stamping import TimeClock
from timeclock.store.breaks import BreakStore
from timeclock.store.journal import CorrectionJournal, JournalError
from timeclock.store.outbox import Outbox

MORNING = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)
EVENING = MORNING + timedelta(hours=8)
MANAGER = "chefin"


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    return Outbox(tmp_path / "outbox.sqlite3")


@pytest.fixture
def journal(tmp_path: Path) -> CorrectionJournal:
    return CorrectionJournal(tmp_path / "journal.sqlite3")


@pytest.fixture
def changes(
    server: SandboxServer, outbox: Outbox, journal: CorrectionJournal
) -> Iterator[EntryChanges]:
    """The manager's desk: changes by ``chefin``, journalled."""
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        yield EntryChanges(client, outbox, journal=journal, author=MANAGER)


def annas_day(server: SandboxServer) -> int:
    made = server.store.create(
        NewAttendance(user="anna", start=MORNING, end=EVENING, break_minutes=30, notes="Messe")
    )
    return made.id


def test_another_users_entry_is_not_changed_without_a_reason(
    changes: EntryChanges, server: SandboxServer, outbox: Outbox, journal: CorrectionJournal
) -> None:
    entry = changes.client.get_attendance(annas_day(server))

    with pytest.raises(ReasonError, match="a reason is needed"):
        changes.update(entry, AttendanceChange(break_minutes=45))
    with pytest.raises(ReasonError):
        changes.delete(entry, reason="   ")

    assert outbox.items(server.base_url) == []  # nothing queued, nothing sent
    assert journal.corrections(server.base_url) == []
    (stored,) = server.store.all()
    assert stored.break_minutes == 30


def test_a_correction_with_a_reason_goes_out_and_is_journalled_with_before_and_after(
    changes: EntryChanges, server: SandboxServer, journal: CorrectionJournal
) -> None:
    entry_id = annas_day(server)
    entry = changes.client.get_attendance(entry_id)

    sent = changes.update(
        entry, AttendanceChange(end=EVENING + timedelta(hours=1)), reason=" Nachgetragen "
    )

    assert sent.outcome is Outcome.DELIVERED
    assert server.store.get(entry_id).end == EVENING + timedelta(hours=1)
    (line,) = journal.corrections(server.base_url)
    assert (line.author, line.action, line.owner) == (MANAGER, Action.UPDATE, "anna")
    assert line.known_id == entry_id and line.reason == "Nachgetragen"
    assert line.before == entry
    assert line.after is not None and line.after.end == EVENING + timedelta(hours=1)
    assert line.after.break_minutes == line.before.break_minutes == 30
    assert abs(line.recorded_at - datetime.now(UTC)) < timedelta(minutes=1)


def test_a_delete_of_another_users_entry_keeps_the_entry_in_the_journal(
    changes: EntryChanges, server: SandboxServer, journal: CorrectionJournal
) -> None:
    entry = changes.client.get_attendance(annas_day(server))

    assert changes.delete(entry, reason="doppelt erfasst").on_server

    assert server.store.all() == []
    (line,) = changes.journal_of(entry)
    assert (line.action, line.before, line.after) == (Action.DELETE, entry, None)
    assert line.reason == "doppelt erfasst"


def test_ones_own_entries_need_no_reason_and_are_journalled_all_the_same(
    server: SandboxServer, outbox: Outbox, journal: CorrectionJournal
) -> None:
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        mine = EntryChanges(client, outbox, journal=journal, author="HansM")
        made = mine.create(AttendanceDraft(user="hansm", start=MORNING, end=EVENING))
        assert made.entry is not None and made.entry.id is not None
        mine.update(made.entry, AttendanceChange(notes="Kunde"))
        mine.delete(client.get_attendance(made.entry.id))

    lines = corrections_of(journal, outbox, server.base_url)
    assert [line.action for line in lines] == [Action.CREATE, Action.UPDATE, Action.DELETE]
    assert {line.reason for line in lines} == {""}
    assert {line.known_id for line in lines} == {made.entry.id}


def test_an_entry_made_offline_is_found_by_the_id_timetrack_gave_it_later(
    outbox: Outbox, journal: CorrectionJournal
) -> None:
    with AttendanceStore() as store:
        office = Office(store)
        try:
            with TimeTrackClient(office.base_url, office.credentials) as client:
                changes = EntryChanges(client, outbox, journal=journal, author="hansm")
                waiting = changes.create(AttendanceDraft(user="hansm", start=MORNING, end=EVENING))
                assert waiting.outcome is Outcome.QUEUED and waiting.entry is not None
                shown = waiting.entry  # no id yet: its local reference
                changes.update(shown, AttendanceChange(break_minutes=15))
                office.up()
                assert changes.deliver().complete
                (stored,) = store.all()
        finally:
            office.down()

    found = corrections_of(journal, outbox, office.base_url, entry_id=stored.id)
    assert [line.action for line in found] == [Action.CREATE, Action.UPDATE]
    assert {line.ref for line in found} == {shown.ref}  # journalled before it had an id
    assert {line.known_id for line in found} == {stored.id}
    assert found == changes.journal_of(shown)  # by the reference it showed with, too


def test_stamps_are_journalled_as_the_users_own_changes(
    server: SandboxServer, outbox: Outbox, journal: CorrectionJournal, tmp_path: Path
) -> None:
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        clock = TimeClock(
            client, "hansm", BreakStore(tmp_path / "state.sqlite3"), outbox, journal=journal
        )
        clock.stamp_in(MORNING)
        clock.deliver()
        clock.stamp_out(EVENING)
        clock.deliver()

    (stored,) = server.store.all()
    stamped_in, stamped_out = corrections_of(journal, outbox, server.base_url, entry_id=stored.id)
    assert (stamped_in.action, stamped_in.author, stamped_in.owner) == (
        Action.CREATE,
        "hansm",
        "hansm",
    )
    assert stamped_in.after is not None and stamped_in.after.is_open
    assert stamped_out.action is Action.UPDATE and stamped_out.after is not None
    assert stamped_out.after.end == EVENING


def test_a_change_whose_journal_line_cannot_be_written_is_not_made(
    server: SandboxServer, outbox: Outbox, tmp_path: Path
) -> None:
    broken = CorrectionJournal(tmp_path)  # a folder: it cannot be opened as a database
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        changes = EntryChanges(client, outbox, journal=broken, author="hansm")
        with pytest.raises(JournalError):
            changes.create(AttendanceDraft(user="hansm", start=MORNING, end=EVENING))

    assert outbox.items(server.base_url) == []
    assert server.store.all() == []
