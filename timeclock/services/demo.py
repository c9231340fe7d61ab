"""``timeclock --demo``: a sandbox with demo data in this process, and an account for it.

The credentials are made up for the run and stay in memory; nothing touches the keyring,
the settings file or the network beyond this machine's loopback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from timeclock.api.credentials import Credentials
from timeclock.domain.timestamps import utc_now
from timeclock.sandbox import DEMO_USER, AttendanceStore, SandboxServer, load_demo_data
from timeclock.sandbox.demo import berlin_today
from timeclock.services.account import Account


@contextmanager
def demo_account(user: str = DEMO_USER) -> Iterator[Account]:
    """Run a demo sandbox for the ``with`` block; yields the account to use with it."""
    with AttendanceStore() as store:
        load_demo_data(store, berlin_today(), now=utc_now())
        with SandboxServer(store=store) as server:
            yield Account(server.base_url, user, Credentials(server.api_key, server.api_secret))
