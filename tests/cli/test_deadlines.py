"""``timeclock`` never hangs on a server that drips its answers: every command has a deadline.

The server is the sandbox with its ``drip_seconds`` quirk (each answer one byte every two
seconds, which trips no read timeout); ``timeclock`` runs as the separate process a person
starts, and the time it takes is measured from the outside.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable

import pytest

from tests.cli.conftest import USER
from tests.commands import run_timeclock
from timeclock.sandbox import SandboxServer, ServerQuirks

STARTUP = 4.0  # what starting Python and timeclock may take on a busy machine


def timeclock(
    server: SandboxServer, *args: str, timeout: str | None = None
) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run ``timeclock ARGS`` against ``server``; the result and the seconds it took."""
    env = {
        **os.environ,
        "TIMECLOCK_URL": server.base_url,
        "TIMECLOCK_USER": USER,
        "TIMECLOCK_API_KEY": server.api_key,
        "TIMECLOCK_API_SECRET": server.api_secret,
        "TZ": "Europe/Berlin",
    }
    env.pop("TIMECLOCK_TIMEOUT", None)
    if timeout is not None:
        env["TIMECLOCK_TIMEOUT"] = timeout
    started = time.monotonic()
    result = run_timeclock(*args, env=env, timeout=90)
    return result, time.monotonic() - started


@pytest.fixture
def dripping(make_server: Callable[..., SandboxServer]) -> SandboxServer:
    return make_server(quirks=ServerQuirks(drip_seconds=2.0))


def test_a_stamp_against_a_dripping_server_ends_in_time_and_stays_queued(
    dripping: SandboxServer,
) -> None:
    stamped, took = timeclock(dripping, "stamp", "in", timeout="3")

    assert took < 3 + STARTUP, f"took {took:.1f} s"
    assert stamped.returncode == 0, stamped.stderr
    assert "; saved on this computer, not yet on TimeTrack: " in stamped.stdout
    assert "1 change waiting; 'timeclock sync' sends them." in stamped.stdout
    assert dripping.store.all() == []

    dripping.quirks = ServerQuirks()  # the server is well again
    sent, _ = timeclock(dripping, "sync")

    assert sent.returncode == 0, sent.stderr
    assert sent.stdout == "All changes are on TimeTrack (1 sent now).\n"
    (entry,) = dripping.store.all()
    assert entry.user == USER
    assert entry.end == entry.start  # the open entry of the stamp


def test_sync_wait_ends_within_its_wait_and_a_few_seconds(dripping: SandboxServer) -> None:
    queued, _ = timeclock(dripping, "stamp", "in", timeout="1")
    assert queued.returncode == 0, queued.stderr

    waited, took = timeclock(dripping, "sync", "--wait", "5")  # 30 s for a request

    assert took < 5 + 5 + STARTUP, f"took {took:.1f} s"
    assert waited.returncode == 1
    assert waited.stdout.startswith("1 change still waiting: ")
    assert waited.stderr == ""


def test_an_unusable_timeout_setting_is_one_line(dripping: SandboxServer) -> None:
    result, _ = timeclock(dripping, "status", timeout="soon")

    assert result.returncode == 2
    assert result.stderr == (
        "timeclock: error: TIMECLOCK_TIMEOUT must be a number of seconds above 0, not 'soon'\n"
    )
