"""Running ``timeclock``: one verb, and every failure as one line on stderr."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from contextlib import ExitStack

from timeclock.api.endpoint import EndpointError
from timeclock.api.errors import TimeTrackError
from timeclock.cli.commands import COMMANDS
from timeclock.cli.context import (
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    Context,
    UsageError,
    explain,
    fail,
)
from timeclock.cli.parser import build_parser
from timeclock.domain.localtime import LocalTimeError
from timeclock.domain.shift import StampError
from timeclock.domain.timestamps import utc_now
from timeclock.sandbox.command import run_sandbox
from timeclock.services.account import Account, AccountError, resolve_account
from timeclock.services.demo import demo_account
from timeclock.services.localzone import local_zone
from timeclock.store.breaks import BreakStore, BreakStoreError
from timeclock.store.outbox import Outbox, OutboxError
from timeclock.store.secrets import KeyringUnavailableError
from timeclock.store.settings import SettingsError

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
    OutboxError,
)


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
        return fail(str(error), EXIT_USAGE)
    except _EXPECTED_ERRORS as error:
        return fail(explain(error))
    except KeyboardInterrupt:
        return fail("interrupted", EXIT_INTERRUPTED)
    except Exception as error:  # a bug: say so in one line, details only with --verbose
        logging.getLogger(__name__).debug("unexpected error", exc_info=True)
        return fail(f"unexpected {type(error).__name__}; run with --verbose for details")


def _open_window(options: argparse.Namespace) -> int:
    """``timeclock`` without a command opens the window (Qt is loaded only then)."""
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        return fail("no display to open the window on; use a command (see --help)")
    try:
        from timeclock.gui.app import run_gui  # noqa: PLC0415 - keeps Qt out of the CLI
    except ImportError as error:
        return fail(f"the window cannot start here ({error}); use a command")
    return run_gui(demo=options.demo)


def _run(options: argparse.Namespace) -> int:
    if options.command == "sandbox":
        return run_sandbox(options)
    with ExitStack() as stack:
        context = _context(options, stack)
        return COMMANDS[options.command](context, stack)


def _context(options: argparse.Namespace, stack: ExitStack) -> Context:
    if options.demo:
        account = stack.enter_context(demo_account())
        breaks = BreakStore(":memory:")
        stack.callback(breaks.close)
        outbox = Outbox(":memory:")
        stack.callback(outbox.close)
        return Context(
            options,
            sys.stdout,
            local_zone(),
            utc_now(),
            account=lambda: account,
            breaks=lambda: breaks,
            outbox=lambda: outbox,
        )
    return Context(
        options,
        sys.stdout,
        local_zone(),
        utc_now(),
        account=lambda: _account(options),
        breaks=BreakStore,
        outbox=Outbox,
    )


def _account(options: argparse.Namespace) -> Account:
    try:
        return resolve_account(options.url, options.user)
    except AccountError as error:
        raise AccountError(
            f"{error}; run 'timeclock login', or use --url/--user and TIMECLOCK_API_KEY/"
            "TIMECLOCK_API_SECRET (or try 'timeclock --demo')"
        ) from None
    except SettingsError as error:
        raise SettingsError(
            f"{error}; fix or remove the file, or set TIMECLOCK_URL and TIMECLOCK_USER"
        ) from None


def _configure_logging(verbose: bool) -> None:
    if verbose:
        logging.basicConfig(level=logging.DEBUG, format="%(name)s: %(message)s")
        # httpx and httpcore log headers at DEBUG level: keep them quiet, secrets live there.
        for noisy in ("httpx", "httpcore"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
