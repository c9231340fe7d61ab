"""Every error a person can meet, said in the window's language.

The lower layers raise typed errors that keep their parts (status, host, reason, what the
server said); this module words them through Qt's translation. What the server itself
said is shown as it came (TimeTrack answers in its own language).
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication

from timeclock.api.endpoint import EndpointError
from timeclock.api.errors import (
    AuthenticationError,
    MalformedResponseError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    TimeTrackError,
    ValidationError,
)
from timeclock.domain.attendance import Attendance
from timeclock.domain.localtime import AmbiguousLocalTimeError, NonexistentLocalTimeError
from timeclock.domain.rules import EntryProblem
from timeclock.domain.shift import StampError, StampProblem
from timeclock.gui.change_text import describe_change
from timeclock.gui.formatting import day_text, time_text
from timeclock.services.account import AccountError
from timeclock.services.demo import DemoError
from timeclock.services.desk import Hold, OutboxItem
from timeclock.services.local_view import DiscardedEntryError
from timeclock.services.stamping import StampBusyError
from timeclock.services.sync import DeliveryBusyError, Discarded
from timeclock.store.database import DatabaseError
from timeclock.store.secrets import KeyringUnavailableError
from timeclock.store.settings import SettingsError

translate = QCoreApplication.translate


def explain(error: BaseException) -> str:  # noqa: PLR0912 - one case per error type
    """The sentence that tells a person what went wrong and what to do."""
    if isinstance(error, AuthenticationError):
        return translate(
            "Messages",
            "TimeTrack rejected the API key or secret (HTTP %1). Check them in TimeTrack "
            "under Settings / General / API; the secret may have been regenerated.",
        ).replace("%1", str(error.status))
    if isinstance(error, NetworkError):
        return _network(error)
    if isinstance(error, NotFoundError):
        if error.entry_id is not None:
            text = translate("Messages", "Entry %1 no longer exists on TimeTrack.").replace(
                "%1", str(error.entry_id)
            )
        else:
            text = translate(
                "Messages", "TimeTrack does not know this address; check the account URL."
            )
        return _with_server(text, error)
    if isinstance(error, ValidationError):
        return _with_server(translate("Messages", "TimeTrack refused the data."), error)
    if isinstance(error, RateLimitedError):
        return translate(
            "Messages", "TimeTrack asks to slow down (too many requests); try again shortly."
        )
    if isinstance(error, ServerError):
        return _with_server(
            translate("Messages", "TimeTrack had a problem (HTTP %1). Try again later.").replace(
                "%1", str(error.status)
            ),
            error,
        )
    if isinstance(error, MalformedResponseError):
        return translate(
            "Messages", "TimeTrack sent an answer this program cannot read: %1"
        ).replace("%1", error.message)
    if isinstance(error, TimeTrackError):
        return error.message
    if isinstance(error, StampError):
        return stamp_problem(error.problem)
    if isinstance(error, KeyringUnavailableError):
        return keyring_problem(error.reason)
    if isinstance(error, NonexistentLocalTimeError):
        return translate(
            "Messages", "This time does not exist on the local clock (the clocks go forward)."
        )
    if isinstance(error, AmbiguousLocalTimeError):
        return translate(
            "Messages", "This time occurs twice on the local clock (the clocks go back)."
        )
    if isinstance(error, EndpointError):
        return translate(
            "Messages", "The account is neither a TimeTrack account name nor an https:// address."
        )
    if isinstance(error, AccountError):
        return translate("Messages", "The connection to TimeTrack is not set up yet.")
    if isinstance(error, DiscardedEntryError):
        return translate(
            "Messages",
            "This entry was discarded before it reached TimeTrack; it no longer exists.",
        )
    if isinstance(error, DeliveryBusyError):
        return translate(
            "Messages",
            "Another TimeClock on this computer is sending changes right now; try again in "
            "a moment.",
        )
    if isinstance(error, StampBusyError):
        return translate(
            "Messages",
            "Another TimeClock on this computer is stamping right now; nothing was stamped. "
            "Try again in a moment.",
        )
    if isinstance(error, DemoError):  # its reason names what is in the way (a port, a file)
        return str(error)
    if isinstance(error, SettingsError | DatabaseError):  # the outbox, the break logs
        return translate("Messages", "A local file cannot be used: %1").replace("%1", str(error))
    return translate("Messages", "Something unexpected went wrong (%1).").replace(
        "%1", type(error).__name__
    )


def stamp_problem(problem: StampProblem) -> str:
    """Why a stamp does not fit the current state."""
    texts = {
        StampProblem.ALREADY_IN: translate("Messages", "You are already clocked in."),
        StampProblem.NOT_IN: translate("Messages", "You are not clocked in."),
        StampProblem.ON_BREAK: translate("Messages", "A break is already running."),
        StampProblem.NOT_ON_BREAK: translate("Messages", "No break is running."),
    }
    return texts[problem]


def entry_problem(problem: EntryProblem) -> str:
    """Why an entry in a dialog cannot be saved yet."""
    texts = {
        EntryProblem.NO_USER: translate("Messages", "Enter the user name."),
        EntryProblem.END_BEFORE_START: translate("Messages", "The end lies before the start."),
        EntryProblem.NEGATIVE_BREAK: translate("Messages", "The break cannot be negative."),
        EntryProblem.BREAK_TOO_LONG: translate(
            "Messages", "The break must be shorter than the time from start to end."
        ),
        EntryProblem.TOO_LONG: translate("Messages", "An entry cannot be longer than 24 hours."),
    }
    return texts[problem]


def keyring_problem(reason: str) -> str:
    """Why the OS keyring cannot keep the credentials."""
    if reason == "missing":
        return translate(
            "Messages", "This system has no keyring to keep the API key and secret safe."
        )
    if reason == "locked":
        return translate(
            "Messages", "The system keyring is locked, so the API key and secret cannot be kept."
        )
    return translate(
        "Messages", "The system keyring does not work, so the API key and secret cannot be kept."
    )


def _network(error: NetworkError) -> str:
    host = error.host or "TimeTrack"
    texts = {
        "timeout": translate(
            "Messages", "TimeTrack at %1 did not answer in time; try again later."
        ),
        "untrusted": translate(
            "Messages",
            "The security certificate of %1 is not trusted, so the connection was refused.",
        ),
        "unreachable": translate(
            "Messages", "Cannot reach TimeTrack at %1; check the network connection."
        ),
        "cut": translate(
            "Messages", "The connection to %1 broke before the answer arrived; try again."
        ),
    }
    text = texts.get(error.reason, translate("Messages", "The connection to %1 failed."))
    return text.replace("%1", host)


def _with_server(text: str, error: TimeTrackError) -> str:
    if error.server_says:
        return (
            text
            + " "
            + translate("Messages", "TimeTrack says: %1").replace("%1", error.server_says)
        )
    return text


def held_message(item: OutboxItem, zone: tzinfo) -> str:
    """A change saved here that a delivery held for a person to decide, with its entry."""
    what = describe_change(item, zone)
    if item.hold is Hold.CONFLICT:
        text = translate(
            "Messages",
            "Not sent: %1. The entry was changed or deleted on TimeTrack meanwhile. "
            "Open Entries > Changes not yet sent to decide.",
        )
    elif item.hold is Hold.AMBIGUOUS:
        text = translate(
            "Messages",
            "Not sent: %1. Its answer was lost, and more than one entry on TimeTrack fits "
            "it, so it may be there already. Check the list, then open Entries > Changes "
            "not yet sent to discard it or try again.",
        )
    elif item.hold is Hold.ORPHANED:
        text = translate(
            "Messages",
            "Not sent: %1. The new entry it changes was discarded before it reached "
            "TimeTrack. Open Entries > Changes not yet sent to discard it.",
        )
    elif item.hold is Hold.UNREADABLE:
        text = translate(
            "Messages",
            "A change saved on this computer cannot be read by this TimeClock (saved by a "
            "newer version, or damaged). Open Entries > Changes not yet sent to discard it.",
        )
    else:
        text = translate(
            "Messages",
            "TimeTrack refused a change saved on this computer: %1 (%2). Open Entries > "
            "Changes not yet sent to fix or discard it.",
        ).replace("%2", item.problem)
    return text.replace("%1", what)


def discarded_message(discarded: Discarded | None) -> str:
    """What discarding a waiting change did; TimeTrack may have had it already."""
    if discarded is None:
        return translate("Messages", "This change no longer waited; nothing was discarded.")
    if discarded.on_server is not None:
        return translate(
            "Messages",
            "Not discarded: it had already reached TimeTrack as entry #%1 (its answer was "
            "lost). To remove it, delete the entry in the list.",
        ).replace("%1", str(discarded.on_server.id))
    if discarded.unsure is not None:
        return translate(
            "Messages",
            "Discarded here. It may already have reached TimeTrack; check the list before "
            "entering it again.",
        )
    return translate("Messages", "Discarded. TimeTrack will not get this change.")


def also_open_message(entry: Attendance, zone: tzinfo) -> str:
    """Another open entry of the user besides the shift's own (stamped in at two desks)."""
    since = f"{day_text(entry.start, zone)} {time_text(entry.start, zone)}"
    if entry.id is not None:
        text = translate(
            "Messages",
            "You are also clocked in since %1 (entry #%2), probably at another desk. Open "
            "the entry to set its end, or delete it in the list.",
        ).replace("%2", str(entry.id))
    else:
        text = translate(
            "Messages",
            "You are also clocked in since %1 (an entry not yet on TimeTrack). Open the "
            "entry to set its end, or delete it in the list.",
        )
    return text.replace("%1", since)


def queued_message(deletion: bool) -> str:
    """A change saved on this computer while TimeTrack cannot take it."""
    if deletion:
        return translate(
            "Messages",
            "Deleted on this computer. TimeTrack will delete the entry as soon as it can "
            "be reached.",
        )
    return translate(
        "Messages",
        "Saved on this computer. TimeTrack gets the change as soon as it can be reached.",
    )


def seen_list_note(seen_at: datetime, zone: tzinfo) -> str:
    """Under a list read while offline: which entries the rows are."""
    return (
        translate(
            "Messages",
            "The list shows the entries as last seen on %1 at %2, with the changes waiting here.",
        )
        .replace("%1", day_text(seen_at, zone))
        .replace("%2", time_text(seen_at, zone))
    )


def held_note(conflict: bool, problem: str) -> str:
    """Why a held change waits, above the entry dialog that fixes it."""
    if conflict:
        return translate(
            "Messages",
            "Someone else changed this entry on TimeTrack after your change was saved here. "
            "The form shows TimeTrack's version with your change on top: check it and save, "
            "or cancel to leave the change waiting.",
        )
    return translate(
        "Messages",
        "TimeTrack did not take this change. Correct it and save, or cancel to leave it "
        "waiting. Reason: %1",
    ).replace("%1", problem)


def held_entry_gone() -> str:
    """A held correction of an entry that no longer exists on TimeTrack."""
    return translate(
        "Messages",
        "This entry no longer exists on TimeTrack, so the change cannot be fixed; discard it.",
    )
