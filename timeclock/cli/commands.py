"""The verbs: stamping, listing and correcting entries."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date, datetime, timedelta

from timeclock.api.client import TimeTrackClient
from timeclock.api.endpoint import resolve_base_url
from timeclock.api.errors import TimeTrackError
from timeclock.cli import text as cli_text
from timeclock.cli.context import EXIT_OK, Context, UsageError, ask, ask_credentials
from timeclock.cli.i18n import _, plural
from timeclock.cli.outbox import (
    DELIVERY_WAIT_SECONDS,
    deliver_queued,
    outbox_command,
    sync_command,
    tell_sent,
)
from timeclock.domain.attendance import AttendanceChange, AttendanceDraft
from timeclock.domain.corrections import check_reason
from timeclock.domain.gc_pause import collection_paused
from timeclock.domain.localtime import to_utc
from timeclock.domain.ranges import DayRange, Preset, month_of
from timeclock.domain.refs import local_ref
from timeclock.domain.rules import entry_problems
from timeclock.domain.totals import format_hours, totals, worked_on
from timeclock.services import export
from timeclock.services.changes import EntryChanges
from timeclock.services.stamping import TimeClock, server_unavailable
from timeclock.services.sync import JustRead
from timeclock.store.secrets import delete_credentials, save_credentials
from timeclock.store.settings import check_can_save, load_settings, save_settings


def _login(context: Context, stack: ExitStack) -> int:
    options = context.options
    if options.demo:
        raise UsageError(_("the demo needs no login"))
    settings = load_settings()
    account = options.url or settings.account or ask(_("TimeTrack account name or API URL: "))
    base_url = resolve_base_url(account)
    user = options.user or settings.user or ask(_("TimeTrack user name: "))
    check_can_save()  # refused before the key goes into the keyring, not after
    credentials = ask_credentials()
    if not options.no_check:
        with TimeTrackClient(base_url, credentials) as client:
            client.list_attendances(
                user=user, since=context.now - timedelta(days=1), until=context.now
            )
    save_credentials(base_url, credentials)
    save_settings(settings.updated(account=account.strip(), user=user.strip()))
    saved = (
        _("Saved: {user} at {url}; key and secret are in the OS keyring.")
        if options.no_check
        else _(
            "Saved: {user} at {url}; key and secret are in the OS keyring (checked with the "
            "server)."
        )
    )
    context.print(saved.format(user=user, url=base_url))
    return EXIT_OK


def _logout(context: Context, stack: ExitStack) -> int:
    if context.options.demo:
        raise UsageError(_("the demo has no saved login"))
    settings = load_settings()
    account = context.options.url or settings.account
    if not account:
        context.print(_("No account is set up; nothing to remove."))
        return EXIT_OK
    base_url = resolve_base_url(account)
    removed = delete_credentials(base_url)
    context.print(
        (
            _("Removed the key and secret for {url}.")
            if removed
            else _("No key or secret was saved for {url}.")
        ).format(url=base_url)
    )
    return EXIT_OK


def _status(context: Context, stack: ExitStack) -> int:
    clock = _clock(context, stack)
    status = clock.status(context.now)
    if status.offline is not None:
        context.print(
            _("Offline ({reason}); this is what this computer knows:").format(reason=status.offline)
        )
    today = context.now.astimezone(context.zone).date()
    worked = worked_on(today, status.recent, status.shift, context.now, context.zone)
    for line in cli_text.shift_lines(status.shift, worked, context.zone, context.now):
        context.print(line)
    for other in status.also_open:
        since = f"{cli_text.day_label(other.start, context.zone)} "
        since += cli_text.clock_time(other.start, context.zone)
        context.print(
            _(
                "Also stamped in: entry #{id} since {since} (stamped in twice, at two desks?). "
                "Close it with 'timeclock edit {id} --to TIME' or delete it."
            ).format(id=other.id, since=since)
            if other.id is not None
            else _(
                "Also stamped in: an entry not yet sent since {since}; see 'timeclock outbox'."
            ).format(since=since)
        )
    if status.waiting:
        context.print(
            plural(
                status.waiting,
                "{n} change not yet on TimeTrack; see 'timeclock outbox'.",
                "{n} changes not yet on TimeTrack; see 'timeclock outbox'.",
            )
        )
    return EXIT_OK


def _stamp(context: Context, stack: ExitStack) -> int:
    clock = _clock(context, stack)
    before = {item.seq for item in clock.changes_waiting()}
    if context.options.direction == "in":
        entry = clock.stamp_in(context.now)
        done = _("Stamped in at {time}").format(time=cli_text.clock_time(entry.start, context.zone))
    else:
        entry = clock.stamp_out(context.now)
        done = _("Stamped out at {time}: worked {worked} h, break {break_time} h").format(
            time=cli_text.clock_time(entry.end, context.zone),
            worked=format_hours(entry.worked_until(context.now)),
            break_time=format_hours(timedelta(minutes=entry.break_minutes)),
        )
        if entry.start > context.now:  # another desk's clock runs ahead of this one
            behind = round((entry.start - context.now).total_seconds())
            done += " " + _(
                "(this computer's clock is {seconds} s behind the stamp in, so the entry ends "
                "one second after its start)"
            ).format(seconds=behind)
    return deliver_queued(context, done, before, clock.deliver)


def _break(context: Context, stack: ExitStack) -> int:
    clock = _clock(context, stack)
    if context.options.action == "start":
        log = clock.start_break(context.now)
        context.print(
            _("Break started at {time} (breaks so far: {taken} h).").format(
                time=cli_text.clock_time(context.now, context.zone), taken=format_hours(log.taken)
            )
        )
        return EXIT_OK
    log = clock.end_break(context.now)
    context.print(
        _("Break ended at {time} (breaks so far: {taken} h).").format(
            time=cli_text.clock_time(context.now, context.zone), taken=format_hours(log.taken)
        )
    )
    return EXIT_OK


def _list(context: Context, stack: ExitStack) -> int:
    options = context.options
    days = _day_range(options, context.now.astimezone(context.zone).date())
    since, until = days.utc_bounds(context.zone)
    user = None if options.all_users else context.account().user
    if options.format in ("json", "csv"):  # for scripts and payroll: TimeTrack's data only
        # A year of a company is 100,000 entries (millions of objects, none in a cycle):
        # the cycle collector would walk them again and again while they are made.
        with collection_paused():
            entries = context.client(stack).list_attendances(user=user, since=since, until=until)
        write = export.write_json if options.format == "json" else export.write_csv
        write(entries, context.out, now=context.now)  # a running entry: worked so far
        return EXIT_OK
    # For people: as the window shows it, with what waits on this computer applied.
    listing = _changes(context, stack).listing(user, since, until)
    entries = listing.entries
    if listing.offline is not None and listing.seen_at is not None:
        seen = listing.seen_at.astimezone(context.zone)
        sys.stderr.write(
            _(
                "timeclock: TimeTrack cannot be reached ({reason}); these are the entries as "
                "last seen on {day} at {time}"
            ).format(reason=listing.offline, day=f"{seen:%Y-%m-%d}", time=f"{seen:%H:%M}")
            + "\n"
        )
    if entries:
        context.print(
            cli_text.entry_table(
                entries,
                context.zone,
                context.now,
                with_user=options.all_users,
                waiting=listing.waiting,
            )
        )
        if listing.waiting:
            context.print(_("* saved on this computer, not yet on TimeTrack ('timeclock outbox')"))
    else:
        context.print(
            _("No entries from {first} to {last}.").format(first=days.first, last=days.last)
        )
    context.print(cli_text.totals_line(totals(entries, context.now, context.zone)))
    return EXIT_OK


def _check(context: Context, stack: ExitStack) -> int:
    # The rules and the holiday calendar are loaded for this verb only.
    from timeclock.cli.check import run_check  # noqa: PLC0415

    days = _day_range(context.options, context.now.astimezone(context.zone).date())
    return run_check(context, stack, days)


def _report(context: Context, stack: ExitStack) -> int:
    # The report's writers (openpyxl, Qt for the PDF) are loaded for this verb only.
    from timeclock.cli.report import run_report  # noqa: PLC0415

    return run_report(context, stack)


def _show(context: Context, stack: ExitStack) -> int:
    entry = context.client(stack).get_attendance(context.options.id)
    if context.options.format == "json":
        record = export.entry_record(entry, context.now)
        context.print(json.dumps(record, indent=2, ensure_ascii=False))
    else:
        context.print(cli_text.entry_details(entry, context.zone, context.now))
    return EXIT_OK


def _add(context: Context, stack: ExitStack) -> int:
    options = context.options
    user = context.account().user
    start, end = to_utc(options.start, context.zone), to_utc(options.end, context.zone)
    _check_entry(user, start, end, options.break_minutes)
    draft = AttendanceDraft(
        user=user,
        start=start,
        end=end,
        break_minutes=options.break_minutes,
        notes=options.notes,
        manual=True,
    )
    unsent = draft.as_entry(local_ref=local_ref())  # not yet queued: shown without an id
    shown = cli_text.entry_line(unsent, context.zone, context.now, with_id=False)
    done = _("Added {entry}").format(entry=shown)
    return tell_sent(context, done, _changes(context, stack).create(draft))


def _edit(context: Context, stack: ExitStack) -> int:
    options = context.options
    change = AttendanceChange(
        start=to_utc(options.start, context.zone) if options.start else None,
        end=to_utc(options.end, context.zone) if options.end else None,
        break_minutes=options.break_minutes,
        notes=options.notes,
    )
    if change.is_empty():
        raise UsageError(_("nothing to change: give --from, --to, --break or --notes"))
    read = _read_entry(context, stack, options.id)
    changes = _changes(context, stack)
    if read is not None:
        stored = changes.as_shown(read.entry)
        planned = change.applied_to(stored)
        _check_entry(planned.user or "?", planned.start, planned.end, planned.break_minutes)
        what = cli_text.entry_line(planned, context.zone, context.now, with_id=False)
        # Checked at delivery against the entry as read here: a change made elsewhere
        # meanwhile holds this one as a conflict instead of being overwritten. Delivered
        # at once, the read just made is that check (one read and one write).
        sent = changes.update(stored, change, read=read, reason=options.reason)
    else:  # offline: what can be checked without the stored entry
        if change.start is not None and change.end is not None:
            _check_entry("?", change.start, change.end, change.break_minutes or 0)
        what = _("the entry")
        sent = changes.update_unread(options.id, change, reason=options.reason)
    return tell_sent(context, _("Changed {entry}").format(entry=what), sent, options.id)


def _delete(context: Context, stack: ExitStack) -> int:
    entry_id = context.options.id
    read = _read_entry(context, stack, entry_id)
    stored = None if read is None else _changes(context, stack).as_shown(read.entry)
    description = (
        _("the entry")
        if stored is None
        else cli_text.entry_line(stored, context.zone, context.now, with_id=False)
    )
    if stored is not None:  # refused before the question, not after it
        check_reason(context.account().user, stored.user, context.options.reason)
    if not context.options.yes:
        if not sys.stdin.isatty():
            raise UsageError(_("not deleting without confirmation; add --yes"))
        answer = input(_("Delete {entry}? [y/N] ").format(entry=description)).strip().lower()
        if answer not in ("y", "yes", "j", "ja"):
            context.print(_("Nothing deleted."))
            return EXIT_OK
    changes = _changes(context, stack)
    reason = context.options.reason
    sent = (
        changes.delete_unread(entry_id, reason=reason)
        if stored is None
        else changes.delete(stored, reason=reason)
    )
    return tell_sent(context, _("Deleted {entry}").format(entry=description), sent, entry_id)


def _journal(context: Context, stack: ExitStack) -> int:
    from timeclock.cli.journal import run_journal  # noqa: PLC0415 - this verb only

    return run_journal(context)


def _read_entry(context: Context, stack: ExitStack, entry_id: int) -> JustRead | None:
    """The entry as the server has it, read now; None when the server cannot be asked right
    now. (:meth:`EntryChanges.as_shown` makes it the entry as this desk shows it, with the
    changes that still wait for it applied.)

    An entry the server does not know is an error here: there is nothing to change.
    """
    began = time.monotonic()  # the read's age counts from before it: never understated
    try:
        return JustRead(context.client(stack).get_attendance(entry_id), began)
    except TimeTrackError as error:
        if server_unavailable(error):
            return None
        raise


def _changes(context: Context, stack: ExitStack) -> EntryChanges:
    return context.desk().changes(
        context.client(stack),
        author=context.account().user,
        delivery_wait=DELIVERY_WAIT_SECONDS,
        clock=lambda: context.now,
    )


def _clock(context: Context, stack: ExitStack) -> TimeClock:
    return context.desk().clock(context.client(stack), context.account().user)


def _check_entry(user: str, start: datetime, end: datetime, break_minutes: int) -> None:
    problems = entry_problems(user, start, end, break_minutes)
    if problems:
        raise UsageError("; ".join(_(problem.value) for problem in problems))


def _day_range(options: argparse.Namespace, today: date) -> DayRange:
    if options.preset and (options.first or options.last):
        raise UsageError(_("--range cannot be combined with --from or --to"))
    if options.preset:
        return Preset(options.preset).range(today)
    first = options.first or (
        month_of(options.last).first if options.last else today.replace(day=1)
    )
    last = options.last or max(first, today)
    if last < first:
        raise UsageError(
            _("--to ({last}) lies before --from ({first})").format(last=last, first=first)
        )
    return DayRange(first, last)


COMMANDS: dict[str, Callable[[Context, ExitStack], int]] = {
    "login": _login,
    "logout": _logout,
    "status": _status,
    "stamp": _stamp,
    "break": _break,
    "list": _list,
    "check": _check,
    "report": _report,
    "show": _show,
    "add": _add,
    "edit": _edit,
    "delete": _delete,
    "journal": _journal,
    "sync": sync_command,
    "outbox": outbox_command,
}
