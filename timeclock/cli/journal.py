"""``timeclock journal``: the corrections made from this computer, as a table or as JSON.

The table is for people (local times, one line a correction, what changed); JSON is for
scripts and an audit: every line with the entry's values before and after as TimeTrack's
field names have them (``before`` null for a create, ``after`` null for a delete), UTC
timestamps, and the reason.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta, tzinfo
from typing import Any, TextIO

from timeclock.cli.context import EXIT_OK, Context, UsageError
from timeclock.cli.i18n import _
from timeclock.cli.text import clock_time, day_label, printable
from timeclock.domain.attendance import Attendance, AttendanceChange
from timeclock.domain.corrections import Action, Correction
from timeclock.domain.ranges import DayRange
from timeclock.domain.timestamps import format_timestamp
from timeclock.domain.totals import format_hours
from timeclock.services.export import entry_record
from timeclock.services.journal import corrections_of


def run_journal(context: Context) -> int:
    """Print the journal's lines for the options' entry and days."""
    options = context.options
    since, until = _bounds(options.first, options.last, context.zone)
    account = context.account()
    desk = context.desk()
    lines = corrections_of(
        desk.journal,
        desk.outbox,
        account.base_url,
        entry_id=options.entry,
        since=since,
        until=until,
    )
    if options.format == "json":
        write_json(lines, context.out)
        return EXIT_OK
    if lines:
        context.print(journal_table(lines, context.zone))
    else:
        context.print(
            _("No corrections were made from this computer in that time.")
            if options.entry is None
            else _(
                "No corrections of entry #{id} were made from this computer in that time."
            ).format(id=options.entry)
        )
    return EXIT_OK


def _bounds(first: Any, last: Any, zone: tzinfo) -> tuple[datetime | None, datetime | None]:
    """The UTC instants of ``--from`` and ``--to`` (local days, both included)."""
    if first is not None and last is not None and last < first:
        raise UsageError(
            _("--to ({last}) lies before --from ({first})").format(last=last, first=first)
        )
    since = None if first is None else DayRange(first, first).utc_bounds(zone)[0]
    until = None if last is None else DayRange(last, last).utc_bounds(zone)[1]
    return since, until


def correction_record(line: Correction) -> dict[str, Any]:
    """One line as a JSON-ready object."""
    record: dict[str, Any] = {
        "seq": line.seq,
        "at": format_timestamp(line.recorded_at),
        "by": line.author,
        "action": line.action.value,
        "entry": line.known_id,
        "ref": line.ref,
        "user": line.owner or None,
        "before": None if line.before is None else _entry(line.before, line.known_id),
        "after": None if line.after is None else _entry(line.after, line.known_id),
        "reason": line.reason,
    }
    if line.change is not None:
        record["change"] = _change(line.change)
    return record


def _entry(entry: Attendance, known_id: int | None) -> dict[str, Any]:
    record = entry_record(entry)
    if record["id"] is None:
        record["id"] = known_id  # a create's entry, once TimeTrack made it
    return record


def _change(change: AttendanceChange) -> dict[str, Any]:
    fields = {
        "from": None if change.start is None else format_timestamp(change.start),
        "to": None if change.end is None else format_timestamp(change.end),
        "breakMinutes": change.break_minutes,
        "notes": change.notes,
        "manual": change.manual,
    }
    return {name: value for name, value in fields.items() if value is not None}


def write_json(lines: Sequence[Correction], out: TextIO) -> None:
    """A JSON array of correction objects, one object a line, and a newline."""
    if not lines:
        out.write("[]\n")
        return
    texts = (json.dumps(correction_record(line), ensure_ascii=False) for line in lines)
    out.write("[\n  " + ",\n  ".join(texts) + "\n]\n")


def journal_table(lines: Sequence[Correction], zone: tzinfo) -> str:
    """The lines as an aligned text table, a correction a line."""
    rows = [[_("When"), _("By"), _("Action"), _("Entry"), _("User"), _("What"), _("Reason")]]
    for line in lines:
        when = line.recorded_at
        rows.append(
            [
                f"{day_label(when, zone)} {clock_time(when, zone)}",
                printable(line.author),
                _(line.action.value),
                _("not yet sent") if line.known_id is None else f"#{line.known_id}",
                printable(line.owner) or "?",
                what_changed(line, zone),
                printable(line.reason),
            ]
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def what_changed(line: Correction, zone: tzinfo) -> str:
    """What a correction did, in a few words: the entry made or deleted, or each field
    changed as ``before -> after``."""
    if line.action is Action.CREATE and line.after is not None:
        return _("made {entry}").format(entry=_summary(line.after, zone))
    if line.action is Action.DELETE:
        if line.before is None:
            return _("deleted")
        return _("deleted {entry}").format(entry=_summary(line.before, zone))
    if line.before is not None and line.after is not None:
        return "; ".join(_differences(line.before, line.after, zone)) or _("no change")
    if line.change is not None:  # the entry could not be read when it was changed
        after = _change(line.change)
        fields = ", ".join(f"{name} {value}" for name, value in after.items())
        return _("set {fields}").format(fields=fields)
    return ""


def _summary(entry: Attendance, zone: tzinfo) -> str:
    end = _("open") if entry.is_open else clock_time(entry.end, zone)
    return _("{day} {start}-{end}, break {break_time}").format(
        day=day_label(entry.start, zone),
        start=clock_time(entry.start, zone),
        end=end,
        break_time=format_hours(timedelta(minutes=entry.break_minutes)),
    )


def _differences(before: Attendance, after: Attendance, zone: tzinfo) -> list[str]:
    def moment(value: datetime) -> str:
        return f"{day_label(value, zone)} {clock_time(value, zone)}"

    found = []
    if before.start != after.start:
        found.append(
            _("from {was} -> {now}").format(was=moment(before.start), now=moment(after.start))
        )
    if before.end != after.end:
        was = _("open") if before.is_open else moment(before.end)
        found.append(_("to {was} -> {now}").format(was=was, now=moment(after.end)))
    if before.break_minutes != after.break_minutes:
        found.append(
            _("break {was} -> {now} min").format(was=before.break_minutes, now=after.break_minutes)
        )
    if before.notes != after.notes:
        found.append(
            _('notes "{was}" -> "{now}"').format(
                was=printable(before.notes), now=printable(after.notes)
            )
        )
    return found
