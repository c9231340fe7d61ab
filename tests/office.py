"""A sandbox whose network can be pulled and put back: same port, same data."""

from __future__ import annotations

from tests.api.faults import unused_port
from timeclock.api.credentials import Credentials
from timeclock.sandbox import AttendanceStore, SandboxServer
from timeclock.services.account import Account

KEY, SECRET = "desk-key", "desk-secret"


class Office:
    """TimeTrack as seen from a desk whose cable can be pulled (``down``) and put back."""

    def __init__(self, store: AttendanceStore) -> None:
        self.store = store
        self.port = unused_port()
        self.server: SandboxServer | None = None

    @property
    def base_url(self) -> str:
        """The API address, valid whether the server is up or not."""
        return f"http://127.0.0.1:{self.port}/api/v2/ext"

    @property
    def credentials(self) -> Credentials:
        """What the server accepts."""
        return Credentials(KEY, SECRET)

    def account(self, user: str = "hansm") -> Account:
        """An account of ``user`` at this office."""
        return Account(self.base_url, user, self.credentials)

    def up(self) -> None:
        """Start answering (again), with the data it had."""
        self.server = SandboxServer(
            port=self.port, store=self.store, api_key=KEY, api_secret=SECRET
        ).start()

    def down(self) -> None:
        """Stop answering: connections are refused."""
        if self.server is not None:
            self.server.stop()
            self.server = None
