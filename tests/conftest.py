"""Fixtures every test shares: isolation from the real machine, and a live sandbox server.

No test reads or writes the developer's real settings, data folder or keyring: the
autouse fixture points all three at throwaway places. Client tests talk to a real
sandbox server over HTTP on a loopback port; nothing mocks httpx.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from hypothesis import settings

from tests.memory_keyring import MemoryKeyring
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.sandbox import SandboxServer

# In CI the property tests replay the same examples every run, so a submission's result does
# not depend on luck; locally they keep exploring new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

_ENVIRONMENT = (
    "TIMECLOCK_URL",
    "TIMECLOCK_USER",
    "TIMECLOCK_API_KEY",
    "TIMECLOCK_API_SECRET",
    "TIMECLOCK_CONFIG_DIR",
    "TIMECLOCK_DATA_DIR",
)


@pytest.fixture(scope="session")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One ``$XDG_CACHE_HOME`` for the session: a ``timeclock`` process keeps its bytecode
    there (timeclock.cli.bytecode), shared by the tests' processes, never in the real home."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_machine(
    tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MemoryKeyring]:
    """Settings, data and cache in tmp folders, an in-memory keyring, no TIMECLOCK_* from
    outside."""
    for name in _ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TIMECLOCK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("TIMECLOCK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(isolated_machine: MemoryKeyring) -> MemoryKeyring:
    """The in-memory keyring of this test, to look into."""
    return isolated_machine


@pytest.fixture(scope="session")
def shared_server() -> Iterator[SandboxServer]:
    """One sandbox for the whole session; tests get it emptied through ``server``."""
    with SandboxServer() as server:
        yield server


@pytest.fixture
def server(shared_server: SandboxServer) -> Iterator[SandboxServer]:
    """A running sandbox with an empty store (ids start at 1 again) and no quirks.

    A test may set ``server.quirks = ServerQuirks(...)``; they are switched off afterwards.
    """
    shared_server.store.reset()
    shared_server.quirks = None
    yield shared_server
    shared_server.quirks = None


@pytest.fixture
def make_server() -> Iterator[Callable[..., SandboxServer]]:
    """Start a sandbox of one's own (another envelope, middleware, faults, quirks...), e.g.
    ``make_server(quirks=ServerQuirks(whole_seconds=True))``; stopped after the test."""
    started: list[SandboxServer] = []

    def make(**options: object) -> SandboxServer:
        server = SandboxServer(**options).start()  # type: ignore[arg-type]
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()


def credentials_of(server: SandboxServer) -> Credentials:
    """The credentials that ``server`` accepts."""
    return Credentials(server.api_key, server.api_secret)


@pytest.fixture
def client(server: SandboxServer) -> Iterator[TimeTrackClient]:
    """Our client, connected to ``server``."""
    with TimeTrackClient(server.base_url, credentials_of(server)) as connected:
        yield connected
