"""A list read while TimeTrack cannot be reached: the entries last seen, with what waits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.office import Office
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.errors import AuthenticationError, NetworkError
from timeclock.domain.attendance import AttendanceChange, AttendanceDraft
from timeclock.sandbox import AttendanceStore
from timeclock.sandbox.quirks import ServerQuirks
from timeclock.services.changes import EntryChanges, Outcome
from timeclock.store.outbox import Outbox

MORNING = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)
MARCH = (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC))
SEEN_AT = datetime(2026, 3, 12, 9, 30, tzinfo=UTC)


def day(offset: int, user: str = "hansm", notes: str = "") -> AttendanceDraft:
    start = MORNING + timedelta(days=offset)
    return AttendanceDraft(user, start, start + timedelta(hours=8), 30, notes, manual=True)


# Every server behaviour the documents allow that bears on a list (see sandbox/quirks.py).
QUIRKS = {
    "plain": ServerQuirks(),
    "whole-seconds": ServerQuirks(whole_seconds=True),
    "folded-case": ServerQuirks(fold_user_case=True),
}


@pytest.fixture(params=list(QUIRKS), ids=list(QUIRKS))
def office(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[Office, Outbox, TimeTrackClient]]:
    with AttendanceStore() as store:
        office = Office(store)
        office.up()
        assert office.server is not None
        office.server.quirks = QUIRKS[request.param]
        with TimeTrackClient(office.base_url, office.credentials) as client:
            yield office, Outbox(tmp_path / "outbox.sqlite3"), client
        office.down()


def restarted(client: TimeTrackClient, outbox: Outbox) -> EntryChanges:
    """The changes of a desk started again: only the files are the same."""
    return EntryChanges(client, Outbox(outbox.path), clock=lambda: SEEN_AT)


def test_a_list_seen_before_shows_offline_with_the_changes_waiting_here(
    office: tuple[Office, Outbox, TimeTrackClient],
) -> None:
    server, outbox, client = office
    changes = restarted(client, outbox)
    for offset in range(3):
        assert changes.create(day(offset, notes=f"day {offset}")).on_server
    first, second, third = changes.listing("hansm", *MARCH).entries
    assert changes.listing("hansm", *MARCH).offline is None

    server.down()
    changes = restarted(client, outbox)
    assert changes.create(day(5, notes="offline")).outcome is not Outcome.DELIVERED
    assert changes.update(second, AttendanceChange(notes="fixed")).outcome is not (
        Outcome.DELIVERED
    )
    changes.delete(third)

    listing = changes.listing("hansm", *MARCH)
    assert isinstance(listing.offline, NetworkError)
    assert listing.seen_at == SEEN_AT
    assert [entry.notes for entry in listing.entries] == ["day 0", "fixed", "offline"]
    assert listing.entries[0] == first
    # Every row with a change not on TimeTrack is marked, as in a list read online.
    assert listing.waiting == {listing.entries[1].ref, listing.entries[2].ref}


def test_only_the_kept_range_is_shown_and_each_user_keeps_their_own(
    office: tuple[Office, Outbox, TimeTrackClient],
) -> None:
    server, outbox, client = office
    changes = restarted(client, outbox)
    changes.create(day(0))
    changes.create(day(1, user="annas"))
    changes.create(day(25))  # 4 April: outside March
    changes.listing("hansm", *MARCH)
    server.down()

    listing = changes.listing("HansM", *MARCH)  # user names in another case: the same user
    assert [entry.start for entry in listing.entries] == [MORNING]
    # Annas' list was never read here: nothing is known, which is not "no entries".
    with pytest.raises(NetworkError):
        changes.listing("annas", *MARCH)
    # Nor is everyone's (lists of all users are not kept).
    with pytest.raises(NetworkError):
        changes.listing(None, *MARCH)


def test_a_newer_list_replaces_what_was_kept_for_its_range(
    office: tuple[Office, Outbox, TimeTrackClient],
) -> None:
    server, outbox, client = office
    changes = restarted(client, outbox)
    kept = changes.create(day(0)).entry
    gone = changes.create(day(1)).entry
    assert kept is not None and gone is not None and gone.id is not None
    changes.listing("hansm", *MARCH)
    server.store.delete(gone.id)  # deleted elsewhere, seen by the next list
    changes.listing("hansm", *MARCH)
    server.down()

    assert [entry.id for entry in changes.listing("hansm", *MARCH).entries] == [kept.id]


def test_changes_delivered_after_the_list_was_read_show_in_the_offline_list(
    office: tuple[Office, Outbox, TimeTrackClient],
) -> None:
    server, outbox, client = office
    changes = restarted(client, outbox)
    edited = changes.create(day(0)).entry
    deleted = changes.create(day(1)).entry
    assert edited is not None and deleted is not None
    changes.listing("hansm", *MARCH)
    # Delivered, so gone from the outbox: the kept list is all that knows of them.
    assert changes.create(day(2, notes="new")).on_server
    assert changes.update(edited, AttendanceChange(notes="edited")).on_server
    assert changes.delete(deleted).on_server
    server.down()

    listing = restarted(client, outbox).listing("hansm", *MARCH)
    assert [(entry.notes, entry.id is not None) for entry in listing.entries] == [
        ("edited", True),
        ("new", True),
    ]
    assert listing.waiting == frozenset()


def test_a_rejected_key_is_said_not_covered_by_the_list_seen_before(
    office: tuple[Office, Outbox, TimeTrackClient],
) -> None:
    server, outbox, client = office
    changes = restarted(client, outbox)
    changes.create(day(0))
    changes.listing("hansm", *MARCH)
    wrong = Credentials(server.credentials.api_key, "not-the-secret")
    with TimeTrackClient(server.base_url, wrong) as rejected, pytest.raises(AuthenticationError):
        restarted(rejected, outbox).listing("hansm", *MARCH)
