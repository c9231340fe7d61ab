"""The command line's verbs and options, and how their values are read."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, NoReturn

from timeclock import __version__
from timeclock.cli.context import EXIT_USAGE
from timeclock.cli.i18n import _
from timeclock.domain.attendance import MAX_ENTRY_ID
from timeclock.domain.localtime import OutOfRangeError, check_day
from timeclock.domain.ranges import Preset

# Numbers are ASCII digits only: Python's int() and float() also read other scripts' digits
# ("٣" as 3), which a person did not mean to type into a command line.
_WHOLE_NUMBER = re.compile(r"[0-9]+", re.ASCII)
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+", re.ASCII)
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})", re.ASCII)


class _Formatter(argparse.HelpFormatter):
    """argparse's help in the command line's language: every help text, description,
    epilog and section title is looked up in the catalog as it is written out (so the
    options that verbs add late, and other modules' ones, are translated alike)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return None if action.help is None else _(action.help)

    def _format_text(self, text: str) -> str:
        return super()._format_text(_(text))

    def start_section(self, heading: str | None) -> None:
        super().start_section(None if heading is None else _(heading))


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2, and the help
    is in the command line's language (:class:`_Formatter`).

    ``late_arguments`` adds arguments only when this parser is first used (parses or
    shows its help): the ``sandbox`` verb's options come with the sandbox's imports.
    """

    def __init__(
        self,
        *args: Any,
        late_arguments: Callable[[argparse.ArgumentParser], object] | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._late_arguments = late_arguments

    def _add_late_arguments(self) -> None:
        if self._late_arguments is not None:
            add, self._late_arguments = self._late_arguments, None
            add(self)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self._add_late_arguments()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self._add_late_arguments()
        return super().format_usage()

    def format_help(self) -> str:
        self._add_late_arguments()
        return super().format_help()

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(
            _("{prog}: error: {message} (see '{prog} --help')").format(
                prog=self.prog, message=message
            )
            + "\n"
        )
        raise SystemExit(EXIT_USAGE)


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
    parser.add_argument(
        "--terminal",
        action="store_true",
        help="open the shared terminal: full screen, employees stamp by name, personal number "
        "or badge (needs an administrator PIN, see 'timeclock terminal-pin')",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="show the version and exit",
    )
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
    stamp.add_argument(
        "direction", choices=["in", "out"], help="in: start work now; out: end work now"
    )
    pause = verb("break", "start or end a break")
    pause.add_argument(
        "action", choices=["start", "end"], help="start: begin a break now; end: end it now"
    )

    listing = verb("list", "list entries of local calendar days (default: this month)")
    _add_day_range(listing)
    listing.add_argument("--all-users", action="store_true", help="entries of every user")
    listing.add_argument(
        "--format",
        choices=["table", "json", "csv"],
        default="table",
        help="table for people (default); json or csv with TimeTrack's field names",
    )

    check = verb(
        "check",
        "find what needs a correction on local calendar days (default: this month): entries "
        "open since an earlier day, overlapping or in the future, and work against the German "
        "Working Hours Act (over 10 h a day, too short a break or rest, Sundays, holidays)",
    )
    _add_day_range(check)
    check.add_argument(
        "--all-users", action="store_true", help="entries of every user (not with --user)"
    )
    check.add_argument(
        "--state",
        metavar="CODE",
        help="German state whose public holidays count, e.g. BY or NW (else the settings' "
        "state; with none, holidays are not checked)",
    )
    check.add_argument(
        "--format", choices=["table", "json"], default="table", help="table (default) or json"
    )

    _add_report(
        verb(
            "report",
            "write the monthly report for payroll: each day's start, end, break, worked time, "
            "target and difference, as CSV (for German Excel), XLSX or a PDF timesheet to sign",
        )
    )

    show = verb("show", "show one entry")
    show.add_argument("id", type=_entry_id, help="the entry's id (see 'timeclock list')")
    show.add_argument(
        "--format", choices=["table", "json"], default="table", help="table (default) or json"
    )

    _add_add(verb("add", "add an entry by hand (T: ISO date-time, local unless it has an offset)"))
    _add_edit(verb("edit", "change an entry (only the given fields)"))

    _add_delete(verb("delete", "delete an entry"))

    _add_journal(
        verb(
            "journal",
            "list the corrections made from this computer: who changed which entry when, "
            "from what to what, and why (oldest first)",
        )
    )

    sync = verb("sync", "send the changes waiting on this computer to TimeTrack")
    sync.add_argument(
        "--wait",
        metavar="SECONDS",
        type=_seconds,
        default=0.0,
        help="keep trying this long while TimeTrack cannot be reached",
    )
    _add_outbox(verb("outbox", "list the changes waiting on this computer; retry or discard one"))
    verb("reset", "with --demo: start the demo over (its entries, breaks and waiting changes)")

    verbs.add_parser(
        "terminal-pin",
        help="set the shared terminal's PINs (administrator, employees) and whether employees "
        "need one",
        description="The PINs of the shared terminal (timeclock --terminal), kept on this "
        "computer as salted hashes only.",
        late_arguments=_terminal_pin_arguments,
    )

    verbs.add_parser(
        "desktop",
        help="add TimeClock to your application menu, or remove it (for a pip install)",
        description="TimeClock in the application menu of your Linux desktop, for a pip "
        "install (the Debian package puts it there itself).",
        late_arguments=_desktop_arguments,
    )

    verbs.add_parser(
        "sandbox",
        help="run a local TimeTrack-compatible server for trying and testing",
        description="Run a local TimeTrack-compatible server for trying and testing.",
        late_arguments=_sandbox_arguments,
    )
    return parser


def _add_day_range(parser: argparse.ArgumentParser) -> None:
    """``--from``, ``--to`` and ``--range``: which local calendar days a verb covers."""
    parser.add_argument(
        "--from", dest="first", metavar="DATE", type=_date, help="first local day, YYYY-MM-DD"
    )
    parser.add_argument(
        "--to",
        dest="last",
        metavar="DATE",
        type=_date,
        help="last local day, YYYY-MM-DD (included)",
    )
    parser.add_argument(
        "--range",
        dest="preset",
        choices=[p.value for p in Preset],
        help="a named range instead of --from/--to",
    )


def _add_add(parser: argparse.ArgumentParser) -> None:
    """The ``add`` verb's options: the new entry's fields."""
    parser.add_argument(
        "--from", dest="start", metavar="T", type=_moment, required=True, help="the start"
    )
    parser.add_argument(
        "--to", dest="end", metavar="T", type=_moment, required=True, help="the end"
    )
    parser.add_argument(
        "--break",
        dest="break_minutes",
        metavar="MIN",
        type=_minutes,
        default=0,
        help="the break in whole minutes (default 0)",
    )
    parser.add_argument("--notes", metavar="TEXT", default="", help="a note on the entry")


def _add_edit(parser: argparse.ArgumentParser) -> None:
    """The ``edit`` verb's arguments: which entry, and the fields to change."""
    parser.add_argument("id", type=_entry_id, help="the entry's id (see 'timeclock list')")
    parser.add_argument("--from", dest="start", metavar="T", type=_moment, help="the new start")
    parser.add_argument("--to", dest="end", metavar="T", type=_moment, help="the new end")
    parser.add_argument(
        "--break",
        dest="break_minutes",
        metavar="MIN",
        type=_minutes,
        help="the new break in whole minutes",
    )
    parser.add_argument("--notes", metavar="TEXT", help="the new note ('' removes it)")
    _add_reason(parser)


def _add_outbox(parser: argparse.ArgumentParser) -> None:
    """The ``outbox`` verb's arguments: what to do with which waiting change."""
    parser.add_argument(
        "action",
        nargs="?",
        choices=["retry", "discard"],
        help="retry: send a held change again; discard: drop it (without: list what waits)",
    )
    parser.add_argument(
        "item", nargs="?", type=_entry_id, metavar="ID", help="the change's number in the list"
    )


def _add_delete(parser: argparse.ArgumentParser) -> None:
    """The ``delete`` verb's arguments."""
    parser.add_argument("id", type=_entry_id, help="the entry's id (see 'timeclock list')")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    _add_reason(parser)


def _add_journal(parser: argparse.ArgumentParser) -> None:
    """The ``journal`` verb's options: which entry, and the local days it was changed on."""
    parser.add_argument("--entry", metavar="ID", type=_entry_id, help="of this entry only")
    parser.add_argument(
        "--from",
        dest="first",
        metavar="DATE",
        type=_date,
        help="made on or after this local day, YYYY-MM-DD",
    )
    parser.add_argument(
        "--to",
        dest="last",
        metavar="DATE",
        type=_date,
        help="made on or before this local day, YYYY-MM-DD (included)",
    )
    parser.add_argument(
        "--format", choices=["table", "json"], default="table", help="table (default) or json"
    )


def _add_reason(parser: argparse.ArgumentParser) -> None:
    """``--reason``: why an entry is corrected (needed for another user's entry)."""
    parser.add_argument(
        "--reason",
        metavar="TEXT",
        default="",
        help="why (required to change or delete another user's entry; kept in the journal)",
    )


def _add_report(parser: argparse.ArgumentParser) -> None:
    """The ``report`` verb's options: the month (or the days), whose, the format and the file."""
    parser.add_argument("--month", metavar="YYYY-MM", type=_month, help="the calendar month")
    parser.add_argument(
        "--from", dest="first", metavar="DATE", type=_date, help="or from this local day"
    )
    parser.add_argument(
        "--to", dest="last", metavar="DATE", type=_date, help="to this one (included)"
    )
    parser.add_argument("--all-users", action="store_true", help="every employee (not with --user)")
    parser.add_argument(
        "--format",
        choices=["csv", "xlsx", "pdf"],
        required=True,
        help="csv (for German Excel), xlsx (a workbook) or pdf (a timesheet to sign)",
    )
    parser.add_argument(
        "--output", metavar="FILE", required=True, help="the file to write (readable by you only)"
    )
    parser.add_argument(
        "--language",
        choices=["de", "en"],
        help="the words of the report (else the settings' language, else the system's)",
    )


def _terminal_pin_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``terminal-pin`` verb's actions."""
    from timeclock.cli.terminal_pin import add_terminal_pin_arguments  # noqa: PLC0415

    add_terminal_pin_arguments(parser)


def _desktop_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``desktop`` verb's actions."""
    from timeclock.cli.desktop import add_desktop_arguments  # noqa: PLC0415

    add_desktop_arguments(parser)


def _sandbox_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``sandbox`` verb's options: imported only for that verb (Starlette, uvicorn)."""
    from timeclock.sandbox.command import add_sandbox_arguments  # noqa: PLC0415

    add_sandbox_arguments(parser)


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
        help="log details (never secrets) to stderr and the log file in the data folder",
    )


def _date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date like 2020-10-31").format(text=text)
        ) from None
    return _in_range(day)


def _month(text: str) -> date:
    """``YYYY-MM`` as the first day of that month."""
    found = _MONTH.fullmatch(text.strip())
    if found is None or not 1 <= int(found[2]) <= 12:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a month like 2020-10").format(text=text)
        )
    return _in_range(date(int(found[1]), int(found[2]), 1))


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date-time like 2020-10-05T08:00 or 2020-10-05T06:00Z").format(
                text=text
            )
        ) from None
    _in_range(moment.date())  # in UTC it is checked once the zone is known
    return moment


def _in_range(day: date) -> date:
    try:
        return check_day(day)
    except OutOfRangeError as error:
        raise argparse.ArgumentTypeError(_(str(error))) from None


def _minutes(text: str) -> int:
    if not _WHOLE_NUMBER.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a whole number of minutes (digits 0 to 9)").format(text=text)
        )
    return int(text)


def _seconds(text: str) -> float:
    seconds = float(text) if _NUMBER.fullmatch(text.strip()) else -1.0
    if not 0 <= seconds <= 86_400:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a number of seconds (0 to 86400)").format(text=text)
        )
    return seconds


def _entry_id(text: str) -> int:
    if not _WHOLE_NUMBER.fullmatch(text.strip()) or not 0 < int(text) <= MAX_ENTRY_ID:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not an entry id (a whole number from 1 to {most})").format(
                text=text, most=MAX_ENTRY_ID
            )
        )
    return int(text)
