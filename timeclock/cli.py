"""The ``timeclock`` command: stamping, listing and correcting entries from a terminal.

Every failure a person can meet ends as one line on stderr and a non-zero exit status
(2 for a command line that does not parse), never as a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import NoReturn, TextIO

from timeclock import __version__, cli_text
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.endpoint import EndpointError, resolve_base_url
from timeclock.api.errors import TimeTrackError
from timeclock.domain.attendance import AttendanceChange, AttendanceDraft
from timeclock.domain.localtime import LocalTimeError, to_utc
from timeclock.domain.ranges import DayRange, Preset, month_of
from timeclock.domain.rules import entry_problems
from timeclock.domain.shift import StampError
from timeclock.domain.timestamps import utc_now
from timeclock.domain.totals import format_hours, totals, worked_on
from timeclock.sandbox.command import add_sandbox_arguments, run_sandbox
from timeclock.services import export
from timeclock.services.account import Account, AccountError, resolve_account
from timeclock.services.demo import demo_account
from timeclock.services.localzone import local_zone
from timeclock.services.stamping import TimeClock
from timeclock.store.breaks import BreakStore, BreakStoreError
from timeclock.store.secrets import KeyringUnavailableError, delete_credentials, save_credentials
from timeclock.store.settings import SettingsError, load_settings, save_settings

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

# Failures with a message fit for a person; anything else is a bug and reported as one.
_EXPECTED_ERRORS = (
    TimeTrackError,
    AccountError,
    EndpointError,
    SettingsError,
    KeyringUnavailableError,
    BreakStoreError,
    StampError,
    LocalTimeError,
)


class UsageError(Exception):
    """The command line asks for something that cannot be done as written."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(EXIT_USAGE)


@dataclass
class Context:
    """What every command gets: its options, where to write, the clock and the zone."""

    options: argparse.Namespace
    out: TextIO
    zone: tzinfo
    now: datetime
    account: Callable[[], Account]
    breaks: Callable[[], BreakStore]

    def client(self, stack: ExitStack) -> TimeTrackClient:
        account = self.account()
        return stack.enter_context(TimeTrackClient(account.base_url, account.credentials))

    def print(self, text: str = "") -> None:
        self.out.write(text + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    options = parser.parse_args(argv)
    _configure_logging(options.verbose)
    try:
        if options.command is None:
            return _open_window(options)
        return _run(options)
    except UsageError as error:
        return _fail(str(error), EXIT_USAGE)
    except _EXPECTED_ERRORS as error:
        return _fail(_explain(error))
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_INTERRUPTED)
    except Exception as error:  # a bug: say so in one line, details only with --verbose
        logging.getLogger(__name__).debug("unexpected error", exc_info=True)
        return _fail(f"unexpected {type(error).__name__}; run with --verbose for details")


def build_parser() -> argparse.ArgumentParser:
    """The parser of every verb and option."""
    parser = _Parser(
        prog="timeclock",
        description="A time clock for TimeTrack: stamp in and out, take breaks, list and "
        "correct attendance entries.",
        epilog="Secrets are never taken as options: use 'timeclock login' (OS keyring) or "
        "TIMECLOCK_API_KEY and TIMECLOCK_API_SECRET.",
    )
    _add_connection_options(parser, defaults=True)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    verbs = parser.add_subparsers(dest="command", metavar="COMMAND")

    def verb(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = verbs.add_parser(name, help=help_text, description=help_text)
        _add_connection_options(sub, defaults=False)
        return sub

    login = verb("login", "save account and user, and the API key and secret in the OS keyring")
    login.add_argument(
        "--no-check",
        action="store_true",
        help="save without trying the credentials against the server",
    )
    verb("logout", "remove the saved API key and secret from the OS keyring")
    verb("status", "show whether you are stamped in, and the time worked so far")
    stamp = verb("stamp", "stamp in (start work) or out (end work)")
    stamp.add_argument("direction", choices=["in", "out"])
    pause = verb("break", "start or end a break")
    pause.add_argument("action", choices=["start", "end"])

    listing = verb("list", "list entries of local calendar days (default: this month)")
    listing.add_argument(
        "--from", dest="first", metavar="DATE", type=_date, help="first local day, YYYY-MM-DD"
    )
    listing.add_argument(
        "--to",
        dest="last",
        metavar="DATE",
        type=_date,
        help="last local day, YYYY-MM-DD (included)",
    )
    listing.add_argument(
        "--range",
        dest="preset",
        choices=[p.value for p in Preset],
        help="a named range instead of --from/--to",
    )
    listing.add_argument("--all-users", action="store_true", help="entries of every user")
    listing.add_argument("--format", choices=["table", "json", "csv"], default="table")

    show = verb("show", "show one entry")
    show.add_argument("id", type=_entry_id)
    show.add_argument("--format", choices=["table", "json"], default="table")

    add = verb("add", "add an entry by hand (T: ISO date-time, local unless it has an offset)")
    add.add_argument("--from", dest="start", metavar="T", type=_moment, required=True)
    add.add_argument("--to", dest="end", metavar="T", type=_moment, required=True)
    add.add_argument("--break", dest="break_minutes", metavar="MIN", type=_minutes, default=0)
    add.add_argument("--notes", default="")

    edit = verb("edit", "change an entry (only the given fields)")
    edit.add_argument("id", type=_entry_id)
    edit.add_argument("--from", dest="start", metavar="T", type=_moment)
    edit.add_argument("--to", dest="end", metavar="T", type=_moment)
    edit.add_argument("--break", dest="break_minutes", metavar="MIN", type=_minutes)
    edit.add_argument("--notes")

    delete = verb("delete", "delete an entry")
    delete.add_argument("id", type=_entry_id)
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    sandbox = verbs.add_parser(
        "sandbox",
        help="run a local TimeTrack-compatible server for trying and testing",
        description="Run a local TimeTrack-compatible server for trying and testing.",
    )
    add_sandbox_arguments(sandbox)
    return parser


def _add_connection_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    """The options every verb takes, before or after the verb.

    After the verb their defaults are suppressed, so they override what was given before
    it without resetting it.
    """

    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    group = parser.add_argument_group("connection")
    group.add_argument(
        "--url",
        metavar="ACCOUNT",
        default=default(None),
        help="TimeTrack account name or API URL (else TIMECLOCK_URL, settings)",
    )
    group.add_argument(
        "--user",
        metavar="NAME",
        default=default(None),
        help="TimeTrack user name (else TIMECLOCK_USER, settings)",
    )
    group.add_argument(
        "--demo",
        action="store_true",
        default=default(False),
        help="use a built-in sandbox with demo data instead of TimeTrack",
    )
    group.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=default(False),
        help="log requests (never secrets) to stderr",
    )


def _open_window(options: argparse.Namespace) -> int:
    """``timeclock`` without a command opens the window (Qt is loaded only then)."""
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        return _fail("no display to open the window on; use a command (see --help)")
    try:
        from timeclock.gui.app import run_gui  # noqa: PLC0415 - keeps Qt out of the CLI
    except ImportError as error:
        return _fail(f"the window cannot start here ({error}); use a command")
    return run_gui(demo=options.demo)


def _run(options: argparse.Namespace) -> int:
    if options.command == "sandbox":
        return run_sandbox(options)
    with ExitStack() as stack:
        context = _context(options, stack)
        return _COMMANDS[options.command](context, stack)


def _context(options: argparse.Namespace, stack: ExitStack) -> Context:
    if options.demo:
        account = stack.enter_context(demo_account())
        breaks = BreakStore(":memory:")
        stack.callback(breaks.close)
        return Context(
            options,
            sys.stdout,
            local_zone(),
            utc_now(),
            account=lambda: account,
            breaks=lambda: breaks,
        )
    return Context(
        options,
        sys.stdout,
        local_zone(),
        utc_now(),
        account=lambda: _account(options),
        breaks=BreakStore,
    )


def _account(options: argparse.Namespace) -> Account:
    try:
        return resolve_account(options.url, options.user)
    except AccountError as error:
        raise AccountError(
            f"{error}; run 'timeclock login', or use --url/--user and TIMECLOCK_API_KEY/"
            "TIMECLOCK_API_SECRET (or try 'timeclock --demo')"
        ) from None


# -- commands -------------------------------------------------------------------------------


def _login(context: Context, stack: ExitStack) -> int:
    options = context.options
    if options.demo:
        raise UsageError("the demo needs no login")
    settings = load_settings()
    account = options.url or settings.account or _ask("TimeTrack account name or API URL: ")
    base_url = resolve_base_url(account)
    user = options.user or settings.user or _ask("TimeTrack user name: ")
    credentials = _ask_credentials()
    if not options.no_check:
        with TimeTrackClient(base_url, credentials) as client:
            client.list_attendances(
                user=user, since=context.now - timedelta(days=1), until=context.now
            )
    save_credentials(base_url, credentials)
    save_settings(settings.updated(account=account.strip(), user=user.strip()))
    checked = "" if options.no_check else " (checked with the server)"
    context.print(f"Saved: {user} at {base_url}; key and secret are in the OS keyring{checked}.")
    return EXIT_OK


def _logout(context: Context, stack: ExitStack) -> int:
    if context.options.demo:
        raise UsageError("the demo has no saved login")
    settings = load_settings()
    account = context.options.url or settings.account
    if not account:
        context.print("No account is set up; nothing to remove.")
        return EXIT_OK
    base_url = resolve_base_url(account)
    removed = delete_credentials(base_url)
    context.print(
        f"Removed the key and secret for {base_url}."
        if removed
        else f"No key or secret was saved for {base_url}."
    )
    return EXIT_OK


def _status(context: Context, stack: ExitStack) -> int:
    clock = _clock(context, stack)
    status = clock.status(context.now)
    today = context.now.astimezone(context.zone).date()
    worked = worked_on(today, status.recent, status.shift, context.now, context.zone)
    for line in cli_text.shift_lines(status.shift, worked, context.zone, context.now):
        context.print(line)
    return EXIT_OK


def _stamp(context: Context, stack: ExitStack) -> int:
    clock = _clock(context, stack)
    if context.options.direction == "in":
        entry = clock.stamp_in(context.now)
        context.print(
            f"Stamped in at {cli_text.clock_time(entry.start, context.zone)} (entry #{entry.id})."
        )
        return EXIT_OK
    entry = clock.stamp_out(context.now)
    context.print(
        f"Stamped out at {cli_text.clock_time(entry.end, context.zone)}: worked "
        f"{format_hours(entry.worked_until(context.now))} h, break "
        f"{format_hours(timedelta(minutes=entry.break_minutes))} h (entry #{entry.id})."
    )
    return EXIT_OK


def _break(context: Context, stack: ExitStack) -> int:
    clock = _clock(context, stack)
    if context.options.action == "start":
        log = clock.start_break(context.now)
        context.print(
            f"Break started at {cli_text.clock_time(context.now, context.zone)}"
            f" (breaks so far: {format_hours(log.taken)} h)."
        )
        return EXIT_OK
    log = clock.end_break(context.now)
    context.print(
        f"Break ended at {cli_text.clock_time(context.now, context.zone)}"
        f" (breaks so far: {format_hours(log.taken)} h)."
    )
    return EXIT_OK


def _list(context: Context, stack: ExitStack) -> int:
    options = context.options
    days = _day_range(options, context.now.astimezone(context.zone).date())
    since, until = days.utc_bounds(context.zone)
    user = None if options.all_users else context.account().user
    entries = context.client(stack).list_attendances(user=user, since=since, until=until)
    if options.format == "json":
        context.print(export.to_json(entries))
    elif options.format == "csv":
        context.out.write(export.to_csv(entries))
    else:
        if entries:
            context.print(
                cli_text.entry_table(
                    entries, context.zone, context.now, with_user=options.all_users
                )
            )
        else:
            context.print(f"No entries from {days.first} to {days.last}.")
        context.print(cli_text.totals_line(totals(entries, context.now, context.zone)))
    return EXIT_OK


def _show(context: Context, stack: ExitStack) -> int:
    entry = context.client(stack).get_attendance(context.options.id)
    if context.options.format == "json":
        context.print(json.dumps(export.entry_record(entry), indent=2, ensure_ascii=False))
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
    entry = context.client(stack).create_attendance(draft)
    context.print("Added " + cli_text.entry_line(entry, context.zone, context.now))
    return EXIT_OK


def _edit(context: Context, stack: ExitStack) -> int:
    options = context.options
    change = AttendanceChange(
        start=to_utc(options.start, context.zone) if options.start else None,
        end=to_utc(options.end, context.zone) if options.end else None,
        break_minutes=options.break_minutes,
        notes=options.notes,
    )
    if change.is_empty():
        raise UsageError("nothing to change: give --from, --to, --break or --notes")
    client = context.client(stack)
    planned = change.applied_to(client.get_attendance(options.id))
    _check_entry(planned.user or "?", planned.start, planned.end, planned.break_minutes)
    entry = client.update_attendance(options.id, change)
    context.print("Changed " + cli_text.entry_line(entry, context.zone, context.now))
    return EXIT_OK


def _delete(context: Context, stack: ExitStack) -> int:
    client = context.client(stack)
    entry = client.get_attendance(context.options.id)
    description = cli_text.entry_line(entry, context.zone, context.now)
    if not context.options.yes:
        if not sys.stdin.isatty():
            raise UsageError("not deleting without confirmation; add --yes")
        answer = input(f"Delete {description}? [y/N] ").strip().lower()
        if answer not in ("y", "yes", "j", "ja"):
            context.print("Nothing deleted.")
            return EXIT_OK
    client.delete_attendance(entry.id)
    context.print("Deleted " + description)
    return EXIT_OK


_COMMANDS: dict[str, Callable[[Context, ExitStack], int]] = {
    "login": _login,
    "logout": _logout,
    "status": _status,
    "stamp": _stamp,
    "break": _break,
    "list": _list,
    "show": _show,
    "add": _add,
    "edit": _edit,
    "delete": _delete,
}


# -- helpers --------------------------------------------------------------------------------


def _clock(context: Context, stack: ExitStack) -> TimeClock:
    return TimeClock(context.client(stack), context.account().user, context.breaks())


def _check_entry(user: str, start: datetime, end: datetime, break_minutes: int) -> None:
    problems = entry_problems(user, start, end, break_minutes)
    if problems:
        raise UsageError("; ".join(problem.value for problem in problems))


def _day_range(options: argparse.Namespace, today: date) -> DayRange:
    if options.preset and (options.first or options.last):
        raise UsageError("--range cannot be combined with --from or --to")
    if options.preset:
        return Preset(options.preset).range(today)
    first = options.first or (
        month_of(options.last).first if options.last else today.replace(day=1)
    )
    last = options.last or max(first, today)
    if last < first:
        raise UsageError(f"--to ({last}) lies before --from ({first})")
    return DayRange(first, last)


def _ask(prompt: str) -> str:
    """A line from the person at the terminal (or from piped standard input)."""
    if sys.stdin.isatty():
        sys.stderr.write(prompt)
        sys.stderr.flush()
    answer = sys.stdin.readline()
    if not answer:
        raise UsageError("no answer on standard input")
    answer = answer.strip()
    if not answer:
        raise UsageError("an answer is needed")
    return answer


def _ask_secret(prompt: str) -> str:
    """A secret from the terminal without echo; from standard input when piped."""
    if sys.stdin.isatty():
        answer = getpass.getpass(prompt).strip()
        if not answer:
            raise UsageError("an answer is needed")
        return answer
    return _ask(prompt)


def _ask_credentials() -> Credentials:
    key = _ask_secret("API key: ")
    secret = _ask_secret("API secret: ")
    try:
        return Credentials(key, secret)
    except ValueError as error:
        raise UsageError(str(error)) from None


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2020-10-31") from None


def _moment(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date-time like 2020-10-05T08:00 or 2020-10-05T06:00Z"
        ) from None


def _minutes(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of minutes")
    return int(text)


def _entry_id(text: str) -> int:
    if not text.strip().isdigit() or int(text) <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not an entry id")
    return int(text)


def _explain(error: BaseException) -> str:
    return str(error) or type(error).__name__


def _fail(message: str, status: int = EXIT_FAILED) -> int:
    sys.stderr.write(f"timeclock: error: {message}\n")
    return status


def _configure_logging(verbose: bool) -> None:
    if verbose:
        logging.basicConfig(level=logging.DEBUG, format="%(name)s: %(message)s")
        # httpx and httpcore log headers at DEBUG level: keep them quiet, secrets live there.
        for noisy in ("httpx", "httpcore"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
