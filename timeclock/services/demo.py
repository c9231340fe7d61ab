"""``timeclock --demo``: a sandbox with demo data in this process, and an account for it.

The credentials are made up for the run and stay in memory; nothing touches the keyring,
the settings file or the network beyond this machine's loopback.

The sandbox (Starlette, uvicorn, asyncio) is imported only when a demo starts. The window
starts it with :class:`DemoInBackground` before it imports Qt: the sandbox is imported
first (modules imported after Qt pass PySide6's import hook, which costs), then filled and
served in a thread of its own while the window's own imports run.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from timeclock.api.credentials import Credentials
from timeclock.domain.timestamps import utc_now
from timeclock.services.account import Account

STOP_SECONDS = 10.0


@contextmanager
def demo_account(user: str | None = None) -> Iterator[Account]:
    """Run a demo sandbox for the ``with`` block; yields the account to use with it (as
    ``user``, by default the sandbox's demo user)."""
    from timeclock.sandbox import (  # noqa: PLC0415 - see the module's docstring
        DEMO_USER,
        AttendanceStore,
        SandboxServer,
        load_demo_data,
    )
    from timeclock.sandbox.demo import berlin_today  # noqa: PLC0415

    with AttendanceStore() as store:
        load_demo_data(store, berlin_today(), now=utc_now())
        with SandboxServer(store=store) as server:
            credentials = Credentials(server.api_key, server.api_secret)
            yield Account(server.base_url, user or DEMO_USER, credentials)


class DemoInBackground:
    """:func:`demo_account` in a thread of its own, started at once.

    ``with DemoInBackground() as account`` waits until the sandbox serves (and raises what
    starting it raised); leaving the block stops it. The thread that started the sandbox
    also stops it, as the sandbox expects.
    """

    def __init__(self, user: str | None = None) -> None:
        import timeclock.sandbox  # noqa: F401, PLC0415 - here, not in the thread (see above)

        self._user = user
        self._account: Account | None = None
        self._error: BaseException | None = None
        self._ready = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="timeclock-demo", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        try:
            with demo_account(self._user) as account:
                self._account = account
                self._ready.set()
                self._stop.wait()
        except BaseException as error:  # noqa: BLE001 - handed to the thread that waits
            self._error = error
        finally:
            self._ready.set()

    def account(self) -> Account:
        """The demo account, once the sandbox serves."""
        self._ready.wait()
        if self._account is None:
            assert self._error is not None  # the thread ended without an account: it failed
            raise self._error
        return self._account

    def stop(self) -> None:
        """Stop the sandbox and wait for its thread (idempotent)."""
        self._stop.set()
        self._thread.join(STOP_SECONDS)

    def __enter__(self) -> Account:
        try:
            return self.account()
        except BaseException:
            self.stop()
            raise

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
