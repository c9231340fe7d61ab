"""What the user's entries look like from this desk: the server's, plus what still waits.

A stamp queued in the outbox must show at once, network or not. This applies the waiting
changes, oldest first, to the entries last seen on the server. An entry created while
offline has no server id yet; it shows with its create's local reference
(:attr:`~timeclock.domain.attendance.Attendance.local_ref`), which later changes of it use.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace

from timeclock.domain.attendance import Attendance, AttendanceDraft, listed_order, time_order
from timeclock.domain.errors import TimeClockError
from timeclock.domain.foreground import paced, sorted_paced
from timeclock.domain.matching import AmbiguousMatchError, find_made
from timeclock.domain.refs import entry_id_of, is_local, server_ref
from timeclock.store.outbox import Kind, Outbox, OutboxItem


def overlay(
    entries: Iterable[Attendance], items: Iterable[OutboxItem], outbox: Outbox, base_url: str
) -> list[Attendance]:
    """``entries`` with the waiting ``items`` applied, in time order."""
    items = [item for item in items if not item.stuck]
    entries = list(entries)
    if not items and all(entry.known_by_id for entry in paced(entries)):
        return _as_listed(entries)
    by_ref: dict[str, Attendance] = {entry.ref: entry for entry in paced(entries)}
    # The server's entry that a create sent before already made (its answer was lost)
    # shows as that create, under the create's reference, until the delivery adopts it: so
    # it shows once, and as the same entry whether the server could be asked or not (a
    # break started on it is kept under that reference).
    made_by: dict[str, str] = {}  # server ref -> the local ref of the create that made it
    for item in items:  # a stuck one was refused by the server: not shown as done
        known = outbox.server_id(base_url, item.ref)
        key = server_ref(known) if known is not None else item.ref
        key = made_by.get(key, key)
        if item.kind == Kind.CREATE and item.draft is not None:
            if key in by_ref:
                continue
            taken = outbox.known_ids(base_url, before=item.seq) if item.attempts else set()
            made = lost_create(item, by_ref.values(), taken)
            if made is not None:
                del by_ref[made.ref]
                made_by[made.ref] = key
                by_ref[key] = replace(made, local_ref=key if is_local(key) else None)
            else:  # not yet seen on the server
                by_ref[key] = pending_entry(key, item.draft)
        elif item.kind == Kind.UPDATE and item.change is not None:
            if key in by_ref:
                by_ref[key] = item.change.applied_to(by_ref[key])
        elif item.kind == Kind.DELETE:
            by_ref.pop(key, None)
    # A list of a year is 100,000 entries, read while the window paints: see
    # domain.foreground.
    return sorted_paced(list(by_ref.values()), key=time_order)


def _as_listed(entries: list[Attendance]) -> list[Attendance]:
    """The server's ``entries`` (each :attr:`~Attendance.known_by_id`) once each (the last
    of an entry listed twice), in time order: what :func:`overlay` makes of them with
    nothing waiting, told apart and ordered by their ids (``listed_order``) without writing
    out a reference for each (a list of a year is 100,000 entries: 0.1 s and 10 MB less)."""
    by_id = {entry.id: entry for entry in paced(entries)}
    return sorted_paced(list(by_id.values()), key=listed_order)


def lost_create(
    item: OutboxItem, entries: Iterable[Attendance], known: Collection[int] = ()
) -> Attendance | None:
    """The server's entry that a create sent before (its answer lost) already made.

    The same rule as the delivery's before it sends such a create again
    (:func:`~timeclock.domain.matching.find_made`), so the entry does not show twice until
    then. Where two entries fit, neither is taken for it (the delivery holds the create).
    """
    draft = item.draft
    if item.kind != Kind.CREATE or draft is None or item.attempts == 0:
        return None
    try:
        return find_made(draft, entries, known=known)
    except AmbiguousMatchError:
        return None


class DiscardedEntryError(TimeClockError, LookupError):
    """A change of an entry made on this desk whose create was discarded: it exists nowhere."""


def ref_of(entry: Attendance, outbox: Outbox, base_url: str) -> str:
    """The outbox reference of a shown entry, checked to lead somewhere.

    An entry shown with its local reference may have reached the server since it was
    shown; the reference still leads to it. One whose create was discarded exists nowhere.
    """
    ref = entry.ref
    if not is_local(ref) or outbox.server_id(base_url, ref) is not None:
        return ref
    if any(item.ref == ref and item.kind == Kind.CREATE for item in outbox.items(base_url)):
        return ref
    raise DiscardedEntryError(
        "this entry was discarded before it reached TimeTrack; it cannot be changed"
    )


def pending_entry(ref: str, draft: AttendanceDraft) -> Attendance:
    """How a queued create of entry ``ref`` shows until the server shows it."""
    entry_id = entry_id_of(ref)
    return draft.as_entry(local_ref=ref) if entry_id is None else draft.as_entry(entry_id)
