"""Running ``timeclock``: one verb, and every failure as one line on stderr.

What only one verb needs is imported when that verb runs: the sandbox (Starlette, uvicorn)
for ``sandbox`` and ``--demo``, the commands for a command, Qt for the window.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack

from timeclock import __version__
from timeclock.cli.context import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    Context,
    UsageError,
    explain,
    fail,
)
from timeclock.cli.deadline import command_seconds, request_seconds
from timeclock.cli.demo import reset_command, tell_demo_folder
from timeclock.cli.demo_server import demo_server_command
from timeclock.cli.display import unreachable_display
from timeclock.cli.i18n import _, command_line_language, use_language
from timeclock.cli.parser import build_parser
from timeclock.domain.errors import TimeClockError
from timeclock.domain.gc_pause import end_of_start
from timeclock.domain.timestamps import utc_now
from timeclock.services.account import (
    ENV_API_KEY,
    ENV_API_SECRET,
    Account,
    AccountError,
    resolve_account,
)
from timeclock.services.demo import demo_account, demo_desk
from timeclock.services.demo_process import DemoProcess
from timeclock.services.desk import Desk
from timeclock.services.localzone import local_zone
from timeclock.store.logfile import (
    SecretFilter,
    close_log,
    current_log,
    open_log,
    register_secret,
)
from timeclock.store.settings import SettingsError, read_settings

log = logging.getLogger(__name__)

# Failures with a message fit for a person (see timeclock.domain.errors); anything else is a
# bug and reported as one.
_EXPECTED_ERRORS = (TimeClockError,)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    A reader that stops reading (``timeclock list | head``) ends the command quietly with
    :data:`EXIT_BROKEN_PIPE`, as a program killed by ``SIGPIPE`` would.
    """
    try:
        try:
            return _parsed_and_run(argv)
        finally:
            sys.stdout.flush()  # here, not at the interpreter's exit, where it cannot be caught
    except BrokenPipeError:
        return _reader_gone()


def _reader_gone() -> int:
    """Standard output's reader went away: nothing more to say, to anyone.

    Standard output is pointed at the null device, so what is still buffered for it (and
    the interpreter's last flush) goes nowhere instead of raising again at exit.
    """
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (a test's capture)
        return EXIT_BROKEN_PIPE
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, descriptor)
    finally:
        os.close(null)
    return EXIT_BROKEN_PIPE


def _parsed_and_run(argv: Sequence[str] | None) -> int:
    # Before the parser: its help texts and argparse's own words are in this language.
    use_language(command_line_language(read_settings()[0].language))
    parser = build_parser()
    options = parser.parse_args(argv)
    if options.command != "sandbox":  # a test server logs on its own, not into the log file
        _configure_logging(options.verbose)
    try:
        log.info("timeclock %s: %s", __version__, options.command or "window")
        status = _main(options)
        log.info("done, exit status %d", status)
        return status
    finally:
        close_log()


def _main(options: argparse.Namespace) -> int:
    try:
        if options.command is None:
            return _open_window(options)
        return _run(options)
    except UsageError as error:
        log.info("usage error: %s", error)
        return fail(str(error), EXIT_USAGE)
    except _EXPECTED_ERRORS as error:
        log.warning("failed: %s", explain(error))
        return fail(explain(error))
    except KeyboardInterrupt:
        log.info("interrupted")
        return fail(_("interrupted"), EXIT_INTERRUPTED)
    except BrokenPipeError:  # the reader is gone: not a bug (see main)
        log.info("standard output was closed by its reader; stopped")
        raise
    except Exception as error:  # a bug: one line here, the details in the log file
        log.error("unexpected error", exc_info=True)
        where = current_log()
        details = (
            _("details are in {file}").format(file=where)
            if where
            else _("run with --verbose for details")
        )
        return fail(
            _("unexpected {error}; {details}").format(error=type(error).__name__, details=details)
        )


def _open_window(options: argparse.Namespace) -> int:
    """``timeclock`` without a command opens the window (Qt is loaded only then)."""
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        return fail(_("no display to open the window on; use a command (see --help)"))
    display = unreachable_display(os.environ)
    if display is not None:  # Qt would abort (exit 134) with a hint about plugins
        return fail(
            _(
                "cannot open the display {display} (no X server?); "
                "run 'timeclock {demo}list' for the terminal"
            ).format(display=display, demo="--demo " if options.demo else "")
        )
    if options.terminal and not _terminal_ready():
        return fail(
            _(
                "the terminal mode needs an administrator PIN to leave it; set one with "
                "'timeclock terminal-pin set --admin'"
            )
        )
    with ExitStack() as stack:
        # The demo's server starts first, in a process of its own: it is up by the time the
        # window asks (timeclock.services.demo_process).
        demo_server = (
            stack.enter_context(DemoProcess.start(demo_server_command())) if options.demo else None
        )
        try:
            from timeclock.gui.app import run_gui  # noqa: PLC0415 - keeps Qt out of the CLI
        except ImportError as error:
            return fail(
                _("the window cannot start here ({error}); use a command").format(error=error)
            )
        return run_gui(demo=demo_server, terminal=options.terminal)


def _terminal_ready() -> bool:
    """Whether an administrator PIN is set (an unreadable PIN file is an error)."""
    from timeclock.store.terminal_pins import TerminalPins  # noqa: PLC0415

    return TerminalPins().has_admin_pin


def _run(options: argparse.Namespace) -> int:
    if options.terminal:
        raise UsageError(_("--terminal opens the shared terminal and takes no command"))
    if options.command == "terminal-pin":  # this computer's PINs: no account, no desk
        from timeclock.cli.terminal_pin import terminal_pin_command  # noqa: PLC0415

        return terminal_pin_command(options, sys.stdout)
    if options.command == "desktop":  # files in the user's data folder: no account, no desk
        from timeclock.cli.desktop import desktop_command  # noqa: PLC0415

        return desktop_command(options, sys.stdout)
    if options.command == "sandbox":
        from timeclock.sandbox.command import run_sandbox  # noqa: PLC0415

        end_of_start()
        return run_sandbox(options)
    if options.command == "reset":  # the demo's: before a demo is started for it
        return reset_command(options, sys.stdout)
    from timeclock.cli.commands import COMMANDS  # noqa: PLC0415

    with ExitStack() as stack:
        context = _context(options, stack)
        end_of_start()
        return COMMANDS[options.command](context, stack)


def _context(options: argparse.Namespace, stack: ExitStack) -> Context:
    seconds = request_seconds()
    time_limit = {
        "request_seconds": seconds,
        "finish_by": time.monotonic() + command_seconds(options, seconds),
    }
    desk = _opened_once(lambda: stack.enter_context(demo_desk() if options.demo else Desk()))
    if options.demo:
        account = stack.enter_context(demo_account(on_made=tell_demo_folder))
        return Context(
            options,
            sys.stdout,
            local_zone(_warn),
            utc_now(),
            account=lambda: account,
            desk=desk,
            **time_limit,
        )
    return Context(
        options,
        sys.stdout,
        local_zone(_warn),
        utc_now(),
        account=lambda: _account(options),
        desk=desk,
        **time_limit,
    )


def _opened_once(open_desk: Callable[[], Desk]) -> Callable[[], Desk]:
    """The desk, opened when a command first needs it (``status --help`` needs none)."""
    opened: list[Desk] = []

    def desk() -> Desk:
        if not opened:
            opened.append(open_desk())
        return opened[0]

    return desk


def _warn(message: str) -> None:
    """A problem the command goes on despite: one line on stderr."""
    sys.stderr.write(_("timeclock: warning: {message}").format(message=message) + "\n")


def _account(options: argparse.Namespace) -> Account:
    try:
        return resolve_account(options.url, options.user)
    except AccountError as error:
        raise AccountError(
            _(
                "{error}; run 'timeclock login', or use --url/--user and TIMECLOCK_API_KEY/"
                "TIMECLOCK_API_SECRET (or try 'timeclock --demo')"
            ).format(error=_(str(error)))
        ) from None
    except SettingsError as error:
        raise SettingsError(
            _("{error}; fix or remove the file, or set TIMECLOCK_URL and TIMECLOCK_USER").format(
                error=error
            )
        ) from None


def _configure_logging(verbose: bool) -> None:
    """The log file (INFO, DEBUG with ``--verbose``); with ``--verbose`` stderr as well."""
    if verbose:
        root = logging.getLogger()
        before = list(root.handlers)
        logging.basicConfig(level=logging.DEBUG, format="%(name)s: %(message)s")
        for handler in root.handlers:
            if handler not in before:
                handler.addFilter(SecretFilter())
    # Known from the start, so not even a bug's message can carry them into the log.
    for variable in (ENV_API_KEY, ENV_API_SECRET):
        register_secret(os.environ.get(variable, ""))
    # httpx and httpcore log headers at DEBUG level: open_log keeps them quiet.
    open_log(verbose=verbose)
