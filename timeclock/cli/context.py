"""What every command gets, and how the command line talks to a person."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TextIO

from timeclock.api.client import DEFAULT_DEADLINE, TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.errors import TimeTrackError
from timeclock.cli.i18n import _, current_language
from timeclock.domain.errors import TimeClockError
from timeclock.domain.language import SOURCE_LANGUAGE
from timeclock.domain.shift import StampError
from timeclock.services.account import Account
from timeclock.services.desk import Desk
from timeclock.store.logfile import register_secret

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
# Standard output's reader closed it early (``timeclock list | head``): what a program that
# SIGPIPE ended reports in a shell (128 + 13), so ``set -o pipefail`` sees the output cut
# short as it does for cat, grep or seq; no message, since the reader asked for no more.
EXIT_BROKEN_PIPE = 141


class UsageError(TimeClockError):
    """The command line asks for something that cannot be done as written."""


@dataclass
class Context:
    """What every command gets: its options, where to write, the clock and the zone."""

    options: argparse.Namespace
    out: TextIO
    zone: tzinfo
    now: datetime
    account: Callable[[], Account]
    desk: Callable[[], Desk]  # opened on first use, once per command
    # The time each request may take, and the moment (time.monotonic()) the command's
    # requests must end by (see timeclock.cli.deadline).
    request_seconds: float = DEFAULT_DEADLINE
    finish_by: float | None = None

    def client(self, stack: ExitStack) -> TimeTrackClient:
        account = self.account()
        return stack.enter_context(
            TimeTrackClient(
                account.base_url,
                account.credentials,
                deadline=self.request_seconds,
                finish_by=self.finish_by,
            )
        )

    def print(self, text: str = "") -> None:
        self.out.write(text + "\n")


def ask(prompt: str) -> str:
    """A line from the person at the terminal (or from piped standard input)."""
    if sys.stdin.isatty():
        sys.stderr.write(prompt)
        sys.stderr.flush()
    answer = sys.stdin.readline()
    if not answer:
        raise UsageError(_("no answer on standard input"))
    answer = answer.strip()
    if not answer:
        raise UsageError(_("an answer is needed"))
    return answer


def ask_secret(prompt: str) -> str:
    """A secret from the terminal without echo; from standard input when piped."""
    if sys.stdin.isatty():
        answer = getpass.getpass(prompt).strip()
        if not answer:
            raise UsageError(_("an answer is needed"))
        return answer
    return ask(prompt)


def ask_credentials() -> Credentials:
    key = ask_secret(_("API key: "))
    secret = ask_secret(_("API secret: "))
    register_secret(key)  # kept out of the log file from now on
    register_secret(secret)
    try:
        return Credentials(key, secret)
    except ValueError as error:
        raise UsageError(str(error)) from None


def fail(message: str, status: int = EXIT_FAILED) -> int:
    sys.stderr.write(_("timeclock: error: {message}").format(message=message) + "\n")
    return status


def explain(error: BaseException) -> str:
    """An error's one line; in German where its text is one of the catalog's (a fixed one)."""
    if isinstance(error, StampError):
        text = _(error.problem.value)
        if error.since is not None:
            text += " " + _("since {moment}").format(moment=error.since.isoformat())
        return text
    if isinstance(error, TimeTrackError) and current_language() != SOURCE_LANGUAGE:
        from timeclock.cli.trouble import worded  # noqa: PLC0415 - German only

        german = worded(error)
        if german is not None:
            return german
    return _(str(error)) or type(error).__name__
