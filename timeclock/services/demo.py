"""``timeclock --demo``: a sandbox with demo data on this machine, and an account for it.

The demo remembers between runs: its sandbox keeps the entries in a private SQLite file in
the demo's own folder of the data folder (:func:`~timeclock.store.paths.demo_dir`), beside
the demo desk's outbox, break log and journal (:func:`demo_desk`), apart from a real
account's. So ``timeclock --demo stamp in`` and a later ``timeclock --demo status``, or the
demo window, see the same shift. The first run makes the data (and says where, through
``on_made``); :func:`reset_demo` removes it, and the next run starts over.

Every run serves that file at the same loopback address with the same made-up credentials
(``server.json`` in the folder, readable by this user only): the desk's files know a
server by its address, so the address must not change between runs; and the credentials
are the demo sandbox's own, good for nothing but its demo data. When the demo's port is
served already (by the demo window, or another demo command), a run uses that server
instead of starting its own: both serve the same file.

Nothing touches the keyring, the settings file or the network beyond this machine's
loopback.

The sandbox (Starlette, uvicorn, asyncio) is imported only when a demo starts. The demo
window serves it from a process of its own (:mod:`timeclock.services.demo_process`), a
demo command in a thread of its own.
"""

from __future__ import annotations

import json
import logging
import secrets
import socket
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from timeclock.api.credentials import Credentials
from timeclock.api.errors import TimeTrackError
from timeclock.domain.errors import TimeClockError
from timeclock.domain.timestamps import utc_now
from timeclock.services.account import Account
from timeclock.store.locks import FileLock
from timeclock.store.paths import demo_dir
from timeclock.store.private import (
    SQLITE_COMPANIONS,
    private_database,
    private_dir,
    write_private_file,
)

if TYPE_CHECKING:
    from timeclock.services.desk import Desk

log = logging.getLogger(__name__)

# The demo office is in Berlin: its public holidays are Berlin's (the sandbox's
# timeclock.sandbox.demo.DEMO_STATE, named here so the window need not import the sandbox).
DEMO_STATE = "BE"
SANDBOX_FILE = "sandbox.sqlite3"  # the demo sandbox's entries
SERVER_FILE = "server.json"  # its port and credentials, and the day its data was made for
_LOCK_FILE = "demo.lock"  # one run at a time makes the data or takes the port
_LOCK_SECONDS = 15.0
_HOST = "127.0.0.1"
_API_PREFIX = "/api/v2/ext"  # the sandbox's (timeclock.sandbox.app.API_PREFIX)
_CHECK_SECONDS = 5.0  # asking a running demo server whether it is ours
_ANY_USER = "hansm"  # whose entries that question lists (the sandbox's DEMO_USER)


class DemoError(TimeClockError):
    """The demo cannot start or start over (its port taken, a run in the way)."""


@dataclass(frozen=True, slots=True)
class DemoServer:
    """What every run of the demo serves alike."""

    port: int
    api_key: str
    api_secret: str
    day: date  # the (Berlin) day the demo's data was made for

    @property
    def base_url(self) -> str:
        return f"http://{_HOST}:{self.port}{_API_PREFIX}"

    def account(self, user: str) -> Account:
        return Account(self.base_url, user, Credentials(self.api_key, self.api_secret))


def demo_desk() -> Desk:
    """The demo's desk: its outbox, break log and journal, in the demo's folder."""
    from timeclock.services.desk import Desk  # noqa: PLC0415 - not for the demo's server

    return Desk(folder=private_dir(demo_dir()))


@contextmanager
def demo_account(
    user: str | None = None, *, on_made: Callable[[Path], None] | None = None
) -> Iterator[Account]:
    """Serve the demo for the ``with`` block (or use the demo server already running);
    yields the account to use with it (as ``user``, by default the sandbox's demo user).

    ``on_made`` is told the demo's folder when this run made the demo's data.
    """
    from timeclock.sandbox import (  # noqa: PLC0415 - see the module's docstring
        DEMO_USER,
        AttendanceStore,
        SandboxServer,
        load_demo_data,
    )
    from timeclock.sandbox.demo_people import demo_directory  # noqa: PLC0415

    folder = private_dir(demo_dir())
    with ExitStack() as stack:
        with _locked(folder):
            server, made = _demo_server(folder)
            store = stack.enter_context(AttendanceStore(private_database(folder / SANDBOX_FILE)))
            if made:
                load_demo_data(store, server.day, now=utc_now())
                _save(folder, server)  # last: the data is complete
            sandbox = SandboxServer(
                host=_HOST,
                port=server.port,
                store=store,
                api_key=server.api_key,
                api_secret=server.api_secret,
                directory=demo_directory(store, server.day),
            )
            try:
                stack.enter_context(sandbox)
            except OSError:  # the port is served: by the demo (a window, a command)?
                if not _answers(server.account(DEMO_USER)):
                    raise DemoError(
                        f"the demo's port {server.port} is in use by another program; "
                        "'timeclock --demo reset' starts the demo over on another port"
                    ) from None
                log.info("using the demo server already running on port %d", server.port)
        if made and on_made is not None:
            on_made(folder)
        yield server.account(user or DEMO_USER)


def reset_demo() -> bool:
    """Remove the demo's data (entries, changes, breaks, journal); whether there was any.

    Refused while a demo server runs on it (the demo window, say): its files would be
    removed under it.
    """
    folder = demo_dir()
    if not folder.is_dir():
        return False
    with _locked(folder):
        server = _read(folder)
        if server is not None and _answers(server.account(_ANY_USER)):
            raise DemoError("the demo is in use (is its window open?); close it and try again")
        removed = False
        for path in sorted(folder.iterdir()):
            if path.name != _LOCK_FILE and path.is_file():
                path.unlink()
                removed = True
        return removed


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    with FileLock(folder / _LOCK_FILE).held(wait=_LOCK_SECONDS) as held:
        if not held:
            raise DemoError("another demo command is starting; try again")
        yield


def _demo_server(folder: Path) -> tuple[DemoServer, bool]:
    """The demo's server as saved, or a new one (and True) when there is no demo yet.

    A new demo starts with new entries: those of an unfinished earlier one go. The demo
    desk's files stay (the window opens them first): what they hold of an earlier demo is
    kept under that one's address, which the new demo does not share.
    """
    saved = _read(folder)
    if saved is not None and (folder / SANDBOX_FILE).exists():
        return saved, False
    for name in (SERVER_FILE, SANDBOX_FILE, *(SANDBOX_FILE + end for end in SQLITE_COMPANIONS)):
        (folder / name).unlink(missing_ok=True)
    from timeclock.sandbox.demo import berlin_today  # noqa: PLC0415 - see the docstring

    server = DemoServer(
        port=_free_port(),
        api_key=secrets.token_hex(16),
        api_secret=secrets.token_hex(24),
        day=berlin_today(),
    )
    return server, True


def _read(folder: Path) -> DemoServer | None:
    """The saved server; None when there is none or it cannot be read (then made anew)."""
    try:
        saved = json.loads((folder / SERVER_FILE).read_text(encoding="utf-8"))
        return DemoServer(
            port=int(saved["port"]),
            api_key=str(saved["apiKey"]),
            api_secret=str(saved["apiSecret"]),
            day=date.fromisoformat(saved["day"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        if not isinstance(error, FileNotFoundError):
            log.warning(
                "the demo's %s cannot be read (%s); the demo starts over", SERVER_FILE, error
            )
        return None


def _save(folder: Path, server: DemoServer) -> None:
    text = json.dumps(
        {
            "port": server.port,
            "apiKey": server.api_key,
            "apiSecret": server.api_secret,
            "day": server.day.isoformat(),
        }
    )
    write_private_file(folder / SERVER_FILE, text.encode("utf-8"))


def _free_port() -> int:
    """A loopback port nothing listens on now; the demo keeps it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((_HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(account: Account) -> bool:
    """Whether the demo's server (these credentials) answers at ``account``'s address."""
    from timeclock.api.client import TimeTrackClient  # noqa: PLC0415 - seldom needed

    now = utc_now()
    try:
        with TimeTrackClient(
            account.base_url, account.credentials, deadline=_CHECK_SECONDS
        ) as client:
            client.list_attendances(user=account.user, since=now - timedelta(minutes=1), until=now)
    except TimeTrackError:
        return False
    return True
