"""Two ``timeclock stamp in`` at the same moment on one desk make exactly one open entry.

Two real processes share one data folder (so one outbox and one stamp lock) and are started
back to back. To make them really race whatever the machine's load, a gate in front of the
sandbox (:class:`ReadGate`) holds each read of the entries until the other process's read
has arrived too (or :data:`GATE_SECONDS` passed), then lets both go together. Without the
stamp lock both reads arrive, both say "not stamped in" and both processes queue a stamp
(issue 8, finding 4; with ``TimeClock._deciding`` made a no-op, every round doubled). With
it, the second process reads only after the first has queued its stamp: the gate never
holds two reads at once, and the second is refused.

Each round then checks, through the command line, that the desk says "stamped in", that
``stamp out`` closes the entry and that it then says "Not stamped in". The rounds share the
data folder and the server, as a desk's days do.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

import pytest
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send

from tests.cli.conftest import Run
from tests.system.processes import Background, clean_environment
from timeclock.sandbox import SandboxServer

USER: Final = "hansm"
GATE_SECONDS: Final = 1.0  # how long a read waits for the other one
PROCESS_SECONDS: Final = 60.0
COMMAND: Final = [sys.executable, "-m", "timeclock"]
LIST_PATH: Final = re.compile(r".*/attendances")


class Gate:
    """Counts the reads the gate holds; armed and read from the test's thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.armed = False
        self.held = 0  # reads held right now
        self.most = 0  # most reads held at once since armed
        self.arrived = 0  # reads since armed

    def arm(self) -> None:
        with self.lock:
            self.armed, self.held, self.most, self.arrived = True, 0, 0, 0

    def disarm(self) -> None:
        with self.lock:
            self.armed = False


class ReadGate:
    """ASGI middleware: while the gate is armed, a GET of the entry list waits until two
    are held at once (then both go) or GATE_SECONDS passed."""

    def __init__(self, app: ASGIApp, *, gate: Gate) -> None:
        self.app = app
        self.gate = gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        gate = self.gate
        if not (
            scope["type"] == "http"
            and scope["method"] == "GET"
            and LIST_PATH.fullmatch(scope["path"])
            and gate.armed
        ):
            await self.app(scope, receive, send)
            return
        with gate.lock:
            gate.held += 1
            gate.arrived += 1
            gate.most = max(gate.most, gate.held)
        deadline = time.monotonic() + GATE_SECONDS
        while gate.most < 2 and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
        with gate.lock:
            gate.held -= 1
        await self.app(scope, receive, send)


@pytest.fixture
def gate() -> Gate:
    return Gate()


@pytest.fixture
def desk_server(
    make_server: Callable[..., SandboxServer], gate: Gate, monkeypatch: pytest.MonkeyPatch
) -> SandboxServer:
    """A sandbox of its own behind the read gate; ``timeclock`` points at it."""
    server = make_server(middleware=[Middleware(ReadGate, gate=gate)])
    monkeypatch.setenv("TIMECLOCK_URL", server.base_url)
    monkeypatch.setenv("TIMECLOCK_USER", USER)
    monkeypatch.setenv("TIMECLOCK_API_KEY", server.api_key)
    monkeypatch.setenv("TIMECLOCK_API_SECRET", server.api_secret)
    monkeypatch.setenv("TZ", "UTC")
    return server


def stamp_in_twice_at_once(gate: Gate, folder: Path, number: int) -> tuple[Background, Background]:
    """Start two ``timeclock stamp in`` back to back on this desk, their reads gated;
    returns once both ended."""
    env = clean_environment(
        {
            name: value
            for name, value in os.environ.items()
            if name.startswith("TIMECLOCK_") or name == "TZ"
        }
    )
    gate.arm()
    first = Background(f"round-{number}-a", [*COMMAND, "stamp", "in"], env=env, log_dir=folder)
    second = Background(f"round-{number}-b", [*COMMAND, "stamp", "in"], env=env, log_dir=folder)
    try:
        for process in (first, second):
            if process.wait(PROCESS_SECONDS) is None:
                pytest.fail(f"timeclock stamp in hung:\n{process.report()}", pytrace=False)
    finally:
        gate.disarm()
        first.stop()
        second.stop()
    return first, second


def open_entries(server: SandboxServer) -> list[int]:
    return [entry.id for entry in server.store.all() if entry.end == entry.start]


@pytest.mark.parametrize(
    "rounds",
    [3, pytest.param(20, marks=[pytest.mark.slow, pytest.mark.timeout(600)])],
    ids=lambda rounds: f"{rounds}-rounds",
)
def test_two_stamp_ins_at_once_make_one_open_entry(
    desk_server: SandboxServer, gate: Gate, run: Run, tmp_path: Path, rounds: int
) -> None:
    for number in range(1, rounds + 1):
        first, second = stamp_in_twice_at_once(gate, tmp_path, number)
        outcomes = {process.process.returncode: process for process in (first, second)}
        report = first.report() + second.report()
        assert set(outcomes) == {0, 1}, f"round {number}: not one stamped, one refused\n{report}"
        assert outcomes[0].stdout().startswith("Stamped in at "), report
        assert "already stamped in" in outcomes[1].stderr(), report
        assert "Traceback" not in report
        # Both read where the user stands, never at the same time (the gate would have
        # let two held reads go together).
        assert (gate.arrived, gate.most) == (2, 1), (gate.arrived, gate.most)

        synced = run("sync")
        assert synced.status == 0, synced.out + synced.err
        assert len(open_entries(desk_server)) == 1, f"round {number}: {desk_server.store.all()}"
        assert len(desk_server.store.all()) == number  # one entry per round, no more

        assert "Stamped in since" in run("status").out
        out = run("stamp", "out")
        assert out.status == 0, out.err
        assert out.out.startswith("Stamped out at "), out.out
        assert open_entries(desk_server) == []
        assert "Not stamped in." in run("status").out
