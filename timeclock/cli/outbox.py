"""Writes through the outbox: a change is safe on this computer before it is sent.

``timeclock stamp``, ``add``, ``edit`` and ``delete`` queue their change, then try to
deliver everything that waits. When TimeTrack cannot be reached (or fails, or refuses the
key), the change stays queued, the command says so and exits 0: the stamp is safe.
``timeclock sync`` delivers later; ``timeclock outbox`` shows what waits.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import datetime

from timeclock.cli import text as cli_text
from timeclock.cli.context import EXIT_FAILED, EXIT_OK, Context, UsageError, explain
from timeclock.cli.i18n import _, plural
from timeclock.domain.backoff import Backoff
from timeclock.services.changes import Outcome, Sent
from timeclock.services.desk import OutboxItem
from timeclock.services.sync import CONFLICT_PROBLEM, Discarded, SyncReport

log = logging.getLogger(__name__)


# How long a command waits for another TimeClock on this desk that is delivering right
# now, before it leaves its own change to the next delivery.
DELIVERY_WAIT_SECONDS = 10.0


def tell_sent(context: Context, done: str, sent: Sent, entry_id: int | None = None) -> int:
    """Say what became of a change a command queued (``done`` says what it was, of the
    entry ``entry_id``, or of the entry it made once that is on TimeTrack)."""
    if entry_id is None and sent.on_server and sent.entry is not None:
        entry_id = sent.entry.id
    if entry_id is not None:
        done = _("{done} (entry #{id})").format(done=done, id=entry_id)
    if sent.outcome is Outcome.REFUSED:
        context.print(
            _("{done}, but TimeTrack refused it: {why}").format(done=done, why=sent.refusal)
        )
        context.print(_("It is held in the outbox: see 'timeclock outbox' to retry or discard it."))
        return EXIT_FAILED
    if sent.outcome is Outcome.CONFLICT:
        context.print(_("{done}, but not sent: {why}.").format(done=done, why=_(CONFLICT_PROBLEM)))
        context.print(
            _(
                "It is held in the outbox: look at the entry ('timeclock show'), then "
                "'timeclock outbox retry' to send it anyway or 'timeclock outbox discard' to "
                "drop it."
            )
        )
        return EXIT_FAILED
    if sent.on_server:
        context.print(_("{done}.").format(done=done))
        return EXIT_OK
    if sent.trouble is not None:
        return _tell_trouble(context, done, sent.trouble)
    return _tell_waiting(context, done, sent.report)


def deliver_queued(
    context: Context, done: str, before: set[int], deliver: Callable[[float], SyncReport]
) -> int:
    """After a change was queued: deliver it (``deliver(wait)``) and tell what became of it.

    The change is on disk already, so nothing that fails from here on can make it "not
    done": such a failure is told as what it is, a change saved here and not yet sent.
    """
    try:
        report = deliver(DELIVERY_WAIT_SECONDS)
    except Exception as error:  # whatever broke, the change is safe on disk
        log.debug("delivery after queuing failed", exc_info=True)
        return _tell_trouble(context, done, error)
    return tell(context, done, report, before)


def _tell_trouble(context: Context, done: str, trouble: BaseException) -> int:
    """A change saved here that something on this computer kept from going out."""
    context.print(
        _("{done}; saved on this computer, not yet sent ({why}).").format(
            done=done, why=explain(trouble)
        )
    )
    context.print(_("'timeclock sync' sends it; 'timeclock outbox' shows what waits."))
    return EXIT_OK


def tell(context: Context, done: str, report: SyncReport, before: set[int]) -> int:
    """Say what became of the changes queued just now (those not in ``before``)."""
    refused = [item for item in report.stuck if item.seq not in before]
    if refused:
        problems = "; ".join(item.problem for item in refused)
        context.print(_("{done}, but TimeTrack refused it: {why}").format(done=done, why=problems))
        context.print(_("It is held in the outbox: see 'timeclock outbox' to retry or discard it."))
        return EXIT_FAILED
    if report.failure is None and not report.busy_elsewhere:
        context.print(_("{done}.").format(done=done))
        return EXIT_OK
    return _tell_waiting(context, done, report)


def _tell_waiting(context: Context, done: str, report: SyncReport) -> int:
    """A change saved here that did not go out: why, and how it will."""
    if report.busy_elsewhere:
        context.print(
            _("{done}; saved on this computer, another TimeClock is sending it now.").format(
                done=done
            )
        )
        return EXIT_OK
    reason = f": {report.failure}" if report.failure is not None else ""
    context.print(
        _("{done}; saved on this computer, not yet on TimeTrack{reason}").format(
            done=done, reason=reason
        )
    )
    context.print(
        _("{changes} waiting; 'timeclock sync' sends them.").format(
            changes=_changes(report.waiting)
        )
    )
    return EXIT_OK


def sync_command(context: Context, stack: ExitStack) -> int:
    """``timeclock sync [--wait SECONDS]``: deliver; exit 1 while anything still waits."""
    deliverer = context.desk().deliverer(context.client(stack))
    deadline = time.monotonic() + context.options.wait
    backoff = Backoff(first=1.0, longest=30.0)
    attempt = 0
    while True:
        report = deliverer.deliver()
        if report.complete:
            context.print(
                _("All changes are on TimeTrack ({count} sent now).").format(count=report.delivered)
            )
            return EXIT_OK
        blocked = report.paused_for_credentials or (
            report.failure is None and not report.busy_elsewhere
        )
        pause = backoff.delay(attempt, report.retry_after)
        if blocked or time.monotonic() + pause > deadline:
            break
        time.sleep(pause)
        attempt += 1
    reason = f": {report.failure}" if report.failure is not None else ""
    if report.busy_elsewhere:
        reason = ": " + _("another TimeClock is sending them right now")
    held = (
        _(", {count} of them held (see 'timeclock outbox')").format(count=len(report.stuck))
        if report.stuck
        else ""
    )
    context.print(
        _("{changes} still waiting{held}{reason}").format(
            changes=_changes(report.waiting), held=held, reason=reason
        )
    )
    return EXIT_FAILED


def outbox_command(context: Context, stack: ExitStack) -> int:
    """``timeclock outbox [retry|discard ID]``: what waits, and what to do with held items."""
    changes = context.desk().changes(context.client(stack), delivery_wait=DELIVERY_WAIT_SECONDS)
    action, seq = context.options.action, context.options.item
    if action is not None:
        if seq is None or seq not in {item.seq for item in changes.waiting()}:
            raise UsageError(_("no waiting change #{seq}; see 'timeclock outbox'").format(seq=seq))
        if action == "retry":
            changes.retry(seq)
            context.print(
                _("Change #{seq} will be sent again by the next 'timeclock sync'.").format(seq=seq)
            )
            return EXIT_OK
        context.print(_discarded_text(seq, changes.discard(seq)))
        return EXIT_OK
    items = changes.waiting()
    last = changes.last_delivery()
    since = (
        _("never")
        if last is None
        else cli_text.day_label(last, context.zone)
        + " "
        + (cli_text.clock_time(last, context.zone))
    )
    if not items:
        context.print(_("Nothing waits. Last delivery: {since}.").format(since=since))
        return EXIT_OK
    for item in items:
        context.print(describe(item, context))
    context.print(
        _("{changes} waiting. Last delivery: {since}.").format(
            changes=_changes(len(items)), since=since
        )
    )
    return EXIT_OK


def _discarded_text(seq: int, discarded: Discarded | None) -> str:
    if discarded is None:
        return _("Change #{seq} no longer waits; nothing was discarded.").format(seq=seq)
    if discarded.on_server is not None:
        return _(
            "Change #{seq} had already reached TimeTrack as entry #{id} (its answer was lost), "
            "so it no longer waits here. To remove the entry from TimeTrack, use 'timeclock "
            "delete {id}'."
        ).format(seq=seq, id=discarded.on_server.id)
    if discarded.unsure is not None:
        return _(
            "Change #{seq} was discarded here, but an earlier send may already have reached "
            "TimeTrack ({why}); check 'timeclock list' before adding it again."
        ).format(seq=seq, why=discarded.unsure)
    return _("Change #{seq} was discarded; TimeTrack will not get it.").format(seq=seq)


def describe(item: OutboxItem, context: Context) -> str:
    """One waiting change in one line."""
    zone = context.zone
    if item.draft is not None:
        what = _("create {user}: {start}-{end}").format(
            user=item.draft.user,
            start=_when(item.draft.start, context),
            end=cli_text.clock_time(item.draft.end, zone),
        )
    elif item.change is not None:
        fields = ", ".join(
            name
            for name, value in (
                ("from", item.change.start),
                ("to", item.change.end),
                ("break", item.change.break_minutes),
                ("notes", item.change.notes),
            )
            if value is not None
        )
        what = _("change {entry} ({fields})").format(entry=_entry(item.ref), fields=fields)
    else:
        what = _("delete {entry}").format(entry=_entry(item.ref))
    state = (
        _("HELD: {why}").format(why=_(item.problem or ""))
        if item.stuck
        else (_(item.problem or "") or _("waiting"))
    )
    return _("#{seq} {what}, queued {when} - {state}").format(
        seq=item.seq, what=what, when=_when(item.queued_at, context), state=state
    )


def _when(moment: datetime, context: Context) -> str:
    return f"{cli_text.day_label(moment, context.zone)} {cli_text.clock_time(moment, context.zone)}"


def _entry(ref: str) -> str:
    if ref.startswith("id:"):
        return _("entry {id}").format(id=ref.removeprefix("id:"))
    return _("the new entry")


def _changes(count: int) -> str:
    return plural(count, "{n} change", "{n} changes")
