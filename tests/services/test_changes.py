"""A person's creates, corrections and deletes: queued, delivered, and what became of each."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import credentials_of
from tests.office import Office
from timeclock.api.client import TimeTrackClient
from timeclock.api.errors import ValidationError
from timeclock.domain.attendance import AttendanceChange, AttendanceDraft
from timeclock.domain.refs import server_ref
from timeclock.sandbox import AttendanceStore, NewAttendance, SandboxServer
from timeclock.sandbox.faults import FaultPlan
from timeclock.sandbox.records import AttendancePatch
from timeclock.services.changes import EntryChanges, Outcome
from timeclock.services.local_view import DiscardedEntryError
from timeclock.store.outbox import Hold, Kind, Outbox

MORNING = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)
EVENING = MORNING + timedelta(hours=8)
MARCH = (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC))


def day(offset: int = 0, **fields: object) -> AttendanceDraft:
    values: dict[str, object] = {
        "user": "hansm",
        "start": MORNING + timedelta(days=offset),
        "end": EVENING + timedelta(days=offset),
        "break_minutes": 30,
        "manual": True,
    }
    values.update(fields)
    return AttendanceDraft(**values)  # type: ignore[arg-type]


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    return Outbox(tmp_path / "outbox.sqlite3")


@pytest.fixture
def changes(server: SandboxServer, outbox: Outbox) -> Iterator[EntryChanges]:
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        yield EntryChanges(client, outbox)


@pytest.fixture
def office(outbox: Outbox) -> Iterator[tuple[Office, EntryChanges]]:
    """A sandbox that goes down and up, and the changes of hansm against it."""
    with AttendanceStore() as store:
        office = Office(store)
        with TimeTrackClient(office.base_url, office.credentials) as client:
            yield office, EntryChanges(client, outbox)
        office.down()


def test_a_create_goes_out_at_once_and_comes_back_as_timetrack_stored_it(
    changes: EntryChanges, server: SandboxServer, outbox: Outbox
) -> None:
    sent = changes.create(day(notes="Messe"))
    assert sent.outcome is Outcome.DELIVERED and sent.on_server
    (stored,) = server.store.all()
    assert sent.entry is not None and sent.entry.id == stored.id
    assert (stored.notes, stored.manual) == ("Messe", True)
    assert outbox.items(server.base_url) == []


def test_without_timetrack_a_change_waits_shows_as_intended_and_goes_out_later(
    office: tuple[Office, EntryChanges], outbox: Outbox
) -> None:
    place, changes = office
    sent = changes.create(day(notes="offline"))
    assert sent.outcome is Outcome.QUEUED
    (queued,) = outbox.items(place.base_url)
    assert sent.entry is not None and sent.entry.id is None  # not on TimeTrack: no id yet
    assert sent.entry.ref == sent.entry.local_ref == queued.ref
    assert sent.entry.notes == "offline"
    assert sent.report.failure is not None
    place.up()
    listing = changes.listing("hansm", *MARCH)
    assert [entry.ref for entry in listing.entries] == [queued.ref]  # still waiting
    assert listing.waiting == {queued.ref}
    assert changes.deliver().complete
    listing = changes.listing("hansm", *MARCH)
    (stored,) = place.store.all()
    assert [entry.id for entry in listing.entries] == [stored.id]
    assert listing.waiting == frozenset()


def test_a_refusal_holds_the_change_and_a_revision_sends_it_in_its_place(
    changes: EntryChanges, server: SandboxServer, outbox: Outbox
) -> None:
    swapped = day(start=EVENING, end=MORNING)
    sent = changes.create(swapped)
    assert sent.outcome is Outcome.REFUSED
    assert isinstance(sent.refusal, ValidationError)
    (held,) = outbox.items(server.base_url)
    assert (held.seq, held.hold) == (sent.seq, Hold.REFUSED)
    fixed = changes.create(day(), revising=sent.seq)
    assert (fixed.seq, fixed.outcome) == (sent.seq, Outcome.DELIVERED)
    assert len(server.store.all()) == 1
    # A revision of an item no longer waiting is queued afresh: nothing is lost.
    again = changes.create(day(1), revising=sent.seq)
    assert again.seq != sent.seq and again.outcome is Outcome.DELIVERED
    assert len(server.store.all()) == 2


def test_an_edit_of_an_entry_changed_elsewhere_is_a_conflict_not_an_overwrite(
    changes: EntryChanges, server: SandboxServer
) -> None:
    seen = changes.create(day(notes="Frühschicht")).entry
    assert seen is not None
    server.store.update(seen.id, AttendancePatch(notes="Lager 2"))
    sent = changes.update(seen, AttendanceChange(break_minutes=45))
    assert sent.outcome is Outcome.CONFLICT and sent.conflict is not None
    assert sent.conflict.current is not None and sent.conflict.current.notes == "Lager 2"
    assert server.store.get(seen.id).break_minutes == 30
    # Keep mine: the change on top of the current version goes out, checked against it.
    kept = changes.update(sent.conflict.current, sent.conflict.kept_mine(), revising=sent.seq)
    assert kept.outcome is Outcome.DELIVERED
    assert kept.entry is not None and (kept.entry.break_minutes, kept.entry.notes) == (
        45,
        "Lager 2",
    )


def test_a_delete_goes_out_and_one_already_gone_is_done(
    changes: EntryChanges, server: SandboxServer
) -> None:
    entry = server.store.create(NewAttendance(user="hansm", start=MORNING, end=EVENING))
    shown = changes.listing("hansm", *MARCH).entries[0]
    assert changes.delete(shown).outcome is Outcome.DELIVERED
    assert server.store.find(entry.id).deleted
    assert changes.delete(shown).outcome is Outcome.DELIVERED


def test_the_listing_applies_what_waits_and_keeps_to_the_user_and_the_range(
    office: tuple[Office, EntryChanges], outbox: Outbox
) -> None:
    place, changes = office
    place.up()
    kept = place.store.create(NewAttendance(user="hansm", start=MORNING, end=EVENING))
    moved = place.store.create(
        NewAttendance(
            user="hansm", start=MORNING + timedelta(days=1), end=EVENING + timedelta(days=1)
        )
    )
    other = place.store.create(NewAttendance(user="ivan", start=MORNING, end=EVENING))
    entries = {entry.id: entry for entry in changes.listing(None, *MARCH).entries}
    place.down()
    changes.update(entries[kept.id], AttendanceChange(notes="korrigiert"))
    april = datetime(2026, 4, 2, 7, 0, tzinfo=UTC)
    changes.update(entries[moved.id], AttendanceChange(start=april, end=april))
    changes.delete(entries[other.id])
    changes.create(day(2, user="ivan"))
    place.up()
    listing = changes.listing("hansm", *MARCH)
    assert [entry.id for entry in listing.entries] == [kept.id]  # moved out of March
    assert listing.entries[0].notes == "korrigiert"
    assert listing.waiting == {server_ref(kept.id)}
    everyone = changes.listing(None, *MARCH)
    assert [entry.user for entry in everyone.entries] == ["hansm", "ivan"]  # the new one
    assert all(entry.ref in everyone.waiting for entry in everyone.entries)


def test_an_entry_made_offline_and_corrected_before_it_went_out_goes_out_once_corrected(
    office: tuple[Office, EntryChanges], outbox: Outbox
) -> None:
    place, changes = office
    made = changes.create(day(notes="erst"))
    assert made.entry is not None
    corrected = changes.update(made.entry, AttendanceChange(notes="dann"))
    assert (corrected.seq, corrected.outcome) == (made.seq, Outcome.QUEUED)
    (only,) = outbox.items(place.base_url)
    assert only.kind is Kind.CREATE and only.draft is not None and only.draft.notes == "dann"
    place.up()
    assert changes.deliver().complete
    (stored,) = place.store.all()
    assert stored.notes == "dann"


def test_an_entry_made_offline_and_deleted_before_it_went_out_never_reaches_timetrack(
    office: tuple[Office, EntryChanges], outbox: Outbox
) -> None:
    place, changes = office
    made = changes.create(day())
    assert made.entry is not None
    gone = changes.delete(made.entry)
    assert gone.outcome is Outcome.DELIVERED  # nothing left to send
    assert outbox.items(place.base_url) == []
    with pytest.raises(DiscardedEntryError):
        changes.update(made.entry, AttendanceChange(notes="zu spät"))
    place.up()
    changes.deliver()
    assert place.store.all() == []


def test_a_create_that_may_have_reached_timetrack_is_followed_not_folded(
    office: tuple[Office, EntryChanges], outbox: Outbox
) -> None:
    """A send of the create began (its answer was lost): a delete must follow it."""
    place, changes = office
    place.up()
    made = changes.create(day())
    assert made.outcome is Outcome.DELIVERED
    place.down()
    lost = changes.create(day(1))
    assert lost.entry is not None
    outbox.begin_attempt(lost.seq)  # as if sent, answer lost
    follow = changes.delete(lost.entry)
    assert follow.seq != lost.seq
    assert [item.kind for item in outbox.items(place.base_url)] == [Kind.CREATE, Kind.DELETE]


def test_a_change_made_while_timetrack_fails_waits_and_its_row_says_so(
    changes: EntryChanges, server: SandboxServer, outbox: Outbox
) -> None:
    entry = server.store.create(NewAttendance(user="hansm", start=MORNING, end=EVENING))
    shown = changes.listing("hansm", *MARCH).entries[0]
    server.faults = FaultPlan(script=["503"], methods=["PUT"])
    try:
        sent = changes.update(shown, AttendanceChange(notes="später"))
    finally:
        server.faults = None
    assert sent.outcome is Outcome.QUEUED
    assert sent.entry is not None and (sent.entry.id, sent.entry.notes) == (entry.id, "später")
    listing = changes.listing("hansm", *MARCH)
    assert listing.waiting == {server_ref(entry.id)}
    assert listing.entries[0].notes == "später"
    assert changes.deliver().complete
    assert server.store.get(entry.id).notes == "später"
