"""The demo window's server, in a process of its own.

``timeclock --demo`` opens a window on a sandbox on this machine. The sandbox is the
window's TimeTrack: it runs in a child process, as TimeTrack runs on a machine of its own.
Run in the window's process, its imports (Starlette, uvicorn, asyncio: about a fifth of
the start) and every answer it makes took the window's GIL; in a child they take the other
core. The child is started before Qt is imported, so it is serving by the time the window
asks, and the window reads its account off the GUI thread (:meth:`DemoProcess.account`),
as it reads a real account from the keyring.

The child serves the demo exactly as a demo command does (:func:`demo_account`: the same
data, port and credentials; a server already running is used), says so in one line of
JSON on its standard output, and serves until its standard input ends: when the window's
process closes it, or ends in any way, killed included. Ctrl+C in the terminal is the
window's to handle; the child ignores it and ends with the window.

The line carries the demo's made-up credentials from child to parent through a pipe:
never a command line or a file beyond the demo's own private ``server.json``.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from typing import IO, Self

from timeclock.api.credentials import Credentials
from timeclock.domain.errors import TimeClockError
from timeclock.domain.gc_pause import end_of_start
from timeclock.services.account import Account
from timeclock.services.demo import DemoError, demo_account

log = logging.getLogger(__name__)

START_SECONDS = 60.0  # a first demo makes its data; a slow machine may take a while
_STOP_SECONDS = 10.0  # then the child is killed


class DemoProcess:
    """The child serving the demo; :meth:`close` ends it (also as a context manager)."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process
        self._answer: Future[Account] = Future()
        threading.Thread(target=self._listen, name="timeclock-demo-server", daemon=True).start()

    @classmethod
    def start(cls, command: Sequence[str]) -> Self:
        """Start ``command`` (a program that runs :func:`serve_for_window`)."""
        try:
            process = subprocess.Popen(  # noqa: S603 - our own program, no shell
                list(command),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        except OSError as error:
            raise DemoError(f"the demo's server cannot start: {error.strerror or error}") from None
        return cls(process)

    def account(self, timeout: float = START_SECONDS) -> Account:
        """The demo's account once the child serves it (blocks; off the GUI thread).

        :class:`DemoError` when it cannot serve, or does not say so within ``timeout``.
        """
        try:
            return self._answer.result(timeout)
        except TimeoutError:
            raise DemoError(f"the demo's server did not start within {timeout:g} s") from None

    def close(self) -> None:
        """End the child (its input ends) and wait for it; killed if it lingers."""
        process = self._process
        if process.stdin is not None and not process.stdin.closed:
            process.stdin.close()
        try:
            process.wait(_STOP_SECONDS)
        except subprocess.TimeoutExpired:
            log.warning("the demo's server did not stop; killed")
            process.kill()
            process.wait()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _listen(self) -> None:
        """Read the child's one line (in a thread of its own: reading blocks)."""
        process = self._process
        assert process.stdout is not None and process.stderr is not None
        with process.stdout:
            line = process.stdout.readline()
        if not line:  # it ended without serving: its last words say why
            process.wait()
            with process.stderr:
                said = process.stderr.read().decode(errors="replace").strip().splitlines()
            reason = said[-1] if said else f"exit status {process.returncode}"
            self._answer.set_exception(DemoError(f"the demo's server did not start: {reason}"))
            return
        process.stderr.close()  # the child says nothing more there
        try:
            self._answer.set_result(_account_from(line))
        except DemoError as error:
            self._answer.set_exception(error)
        except (ValueError, KeyError, TypeError):
            self._answer.set_exception(DemoError("the demo's server said something unexpected"))


def _account_from(line: bytes) -> Account:
    """The account in the child's line; :class:`DemoError` for the error it reported."""
    said = json.loads(line)
    if not isinstance(said, dict):
        raise ValueError(said)
    if "error" in said:
        raise DemoError(str(said["error"]))
    return Account(
        str(said["url"]), str(said["user"]), Credentials(str(said["key"]), str(said["secret"]))
    )


def serve_for_window(stdin: IO[bytes], stdout: IO[bytes]) -> int:
    """The child's side: serve the demo until ``stdin`` ends; the exit status."""
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the window's; we end with it
    try:
        with demo_account() as account:
            _say(
                stdout,
                {
                    "url": account.base_url,
                    "user": account.user,
                    "key": account.credentials.api_key,
                    "secret": account.credentials.api_secret,
                },
            )
            _quiet_stderr()  # nobody reads it from now on: a full pipe must not block us
            end_of_start()  # the collector runs again, for the requests to come
            while stdin.read(4096):
                pass
    except (TimeClockError, OSError) as error:
        _say(stdout, {"error": str(error)})
        return 1
    return 0


def _say(stdout: IO[bytes], what: dict[str, str]) -> None:
    stdout.write(json.dumps(what).encode() + b"\n")
    stdout.flush()


def _quiet_stderr() -> None:
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, sys.stderr.fileno())
    finally:
        os.close(null)
