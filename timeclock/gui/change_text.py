"""A waiting change in words: what it does to which entry, and why it waits.

Shared by the outbox dialog's rows and the message a held change brings up in the window,
so a person recognises the change in both.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication

from timeclock.domain.attendance import AttendanceChange
from timeclock.gui.formatting import day_text, hours_text, time_text
from timeclock.services.desk import Hold, Kind, OutboxItem, entry_id_of

translate = QCoreApplication.translate  # lupdate finds the literal texts of these calls


def describe_change(item: OutboxItem, zone: tzinfo) -> str:
    """What the change does, with the entry it is about, in a few words."""
    if item.kind == Kind.UNREADABLE:
        return translate("OutboxModel", "A change this TimeClock cannot read")
    if item.kind == Kind.CREATE and item.draft is not None:
        return (
            translate("OutboxModel", "New entry of %1: %2")
            .replace("%1", item.draft.user)
            .replace("%2", _span(item.draft.start, item.draft.end, zone))
        )
    if item.base is not None:
        entry = translate("OutboxModel", "the entry of %1, %2").replace("%1", item.base.user)
        entry = entry.replace("%2", _span(item.base.start, item.base.end, zone))
    else:
        number = entry_id_of(item.ref)
        entry = (
            translate("OutboxModel", "entry %1").replace("%1", str(number))
            if number is not None
            else ""
        )
        entry = entry or translate("OutboxModel", "a new entry")
    if item.kind == Kind.DELETE:
        return translate("OutboxModel", "Deletion of %1").replace("%1", entry)
    fields = _changed_fields(item.change, zone) if item.change is not None else ""
    return translate("OutboxModel", "Change of %1: %2").replace("%1", entry).replace("%2", fields)


def change_state(item: OutboxItem) -> str:
    """Waiting, or held with the reason."""
    if item.hold is Hold.CONFLICT:
        return translate(
            "OutboxModel", "Held: the entry was changed or deleted on TimeTrack meanwhile"
        )
    if item.hold is Hold.AMBIGUOUS:
        return translate(
            "OutboxModel",
            "Held: its answer was lost and more than one entry on TimeTrack fits it; "
            "check the list, then discard it or try again",
        )
    if item.hold is Hold.ORPHANED:
        return translate(
            "OutboxModel",
            "Held: the new entry it changes was discarded before it reached TimeTrack; "
            "discard this change too",
        )
    if item.hold is Hold.UNREADABLE:
        return translate(
            "OutboxModel",
            "Held: saved by a newer TimeClock, or damaged; it can only be discarded",
        )
    if item.stuck:  # refused by TimeTrack: the refusal as it was saved
        return translate("OutboxModel", "Held: %1").replace("%1", item.problem)
    # The last failure, if any, is in the tooltip: it is the program's English text.
    return translate("OutboxModel", "Waiting")


def can_retry(item: OutboxItem | None) -> bool:
    """Whether trying a held change again may get it through (not for a change that can
    never be sent: one this version cannot read, or one whose entry exists nowhere)."""
    return item is not None and item.stuck and item.hold not in (Hold.UNREADABLE, Hold.ORPHANED)


def can_fix(item: OutboxItem | None) -> bool:
    """Whether a held change can be corrected in the entry dialog (a delete has no values,
    and a change of an entry that exists nowhere has nothing to correct)."""
    return (
        item is not None
        and item.stuck
        and item.kind in (Kind.CREATE, Kind.UPDATE)
        and item.hold is not Hold.ORPHANED
    )


def _span(start: datetime, end: datetime, zone: tzinfo) -> str:
    return f"{day_text(start, zone)} {time_text(start, zone)}\N{EN DASH}{time_text(end, zone)}"


def _changed_fields(change: AttendanceChange, zone: tzinfo) -> str:
    parts = []
    if change.start is not None:
        parts.append(
            translate("OutboxModel", "from %1").replace("%1", time_text(change.start, zone))
        )
    if change.end is not None:
        parts.append(translate("OutboxModel", "to %1").replace("%1", time_text(change.end, zone)))
    if change.break_minutes is not None:
        minutes = timedelta(minutes=change.break_minutes)
        parts.append(translate("OutboxModel", "break %1 h").replace("%1", hours_text(minutes)))
    if change.notes is not None:
        parts.append(translate("OutboxModel", "notes"))
    return ", ".join(parts)
