"""``timeclock --demo``: a sandbox with demo data in this process, and an account for it.

The credentials are made up for the run and stay in memory; nothing touches the keyring,
the settings file or the network beyond this machine's loopback.

The sandbox (Starlette, uvicorn, asyncio) is imported only when a demo starts. The window
imports it before Qt (:func:`import_sandbox`): every module imported after Qt passes
PySide6's import hook, which costs. (Starting the sandbox in a thread of its own while Qt
is imported gains nothing: imports hold the GIL, and so does PySide6 in Qt's code.)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from timeclock.api.credentials import Credentials
from timeclock.domain.timestamps import utc_now
from timeclock.services.account import Account

# The demo office is in Berlin: its public holidays are Berlin's (the sandbox's
# timeclock.sandbox.demo.DEMO_STATE, named here so the window need not import the sandbox).
DEMO_STATE = "BE"


def import_sandbox() -> None:
    """Import the sandbox now, ahead of a :func:`demo_account` to come."""
    import timeclock.sandbox  # noqa: F401, PLC0415 - see the module's docstring


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
    from timeclock.sandbox.demo_people import demo_directory  # noqa: PLC0415

    with AttendanceStore() as store:
        today = berlin_today()
        load_demo_data(store, today, now=utc_now())
        with SandboxServer(store=store, directory=demo_directory(store, today)) as server:
            credentials = Credentials(server.api_key, server.api_secret)
            yield Account(server.base_url, user or DEMO_USER, credentials)
