"""Kill -9 at any moment: real ``timeclock`` processes killed mid-write, mid-request and
mid-sync, then one sync that is let finish; nothing queued is lost, nothing is doubled.

A sandbox runs in this process (it must outlive the clients) with 30-120 ms latency on
every request. Round after round, one ``python -m timeclock`` process (``add``, ``stamp
in/out``, ``edit``, ``delete --yes``, ``sync``) shares one data folder, so one outbox, with
all the others, and is killed with SIGKILL:

* after a random pause (before it even started, while it writes the outbox, while its
  request is out, after it finished), or
* exactly while the server holds its first write request, before storing it, or
* exactly after the server stored it, before the answer leaves (:mod:`tests.soak.helpers`),
* exactly while a ``stamp`` holds the desk's stamp lock (its read of where the user stands
  is held by the server): the first stamp of every run. The lock must be free the moment
  the process is gone (the operating system ends it), and the next stamp goes through at
  once instead of waiting for it,
* or not at all, now and then.

Between rounds the outbox is read (read-only) to learn what was queued. A killed command
may or may not have queued its change; the test accepts both, but a change that was queued
(seen in the outbox, or confirmed in the command's output) must reach the server exactly
once, in order, and nothing may ever be stored twice. Every seed makes the same rounds;
the moments of the kills vary with the machine, which the checks do not depend on.

It runs against each server TimeTrack may be (:mod:`tests.soak.modes`); where the server
stores user names in lower case, the client is ``HansM``. By default 20 rounds against the
plain server and 12 against one with both quirks; 150 rounds in every mode with ``-m slow``.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Final

import pytest
from starlette.middleware import Middleware

from tests.soak.helpers import Hold, KillTrap, Trap
from tests.soak.modes import ALL_MODES, BOTH, DEFAULT, ServerMode, mode_param
from timeclock.api.endpoint import resolve_base_url
from timeclock.domain.timestamps import format_timestamp
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.faults import FaultPlan
from timeclock.sandbox.records import Attendance as StoredEntry
from timeclock.store.outbox import Kind, Outbox, OutboxItem, entry_id_of

USER: Final = "hansm"
KEY, SECRET = "kill9-key", "kill9-secret"
ADDS_FROM: Final = datetime(2025, 6, 2, 6, 0, tzinfo=UTC)
LATENCY_MS: Final = (30, 120)
PROCESS_SECONDS: Final = 60.0  # no single command may take longer: that would be a hang
COMMANDS: Final = {"add": 40, "stamp": 20, "edit": 15, "delete": 7, "sync": 18}
KILLS: Final = {"timer": 46, "arrival": 20, "answer": 20, "lock": 4, "none": 10}
GETS: Final = frozenset({"GET"})
LOCK_FREED_SECONDS: Final = 10.0  # a stamp after a kill in the lock: far below its 30 s wait
LONGEST_PAUSE: Final = 0.9  # seconds; the start of Python alone takes about 0.25
CONFIRMED: Final = ("Added ", "Changed ", "Deleted ", "Stamped in ", "Stamped out ")


@dataclass
class Round:
    """One client process: what it ran, how it ended, and what it printed."""

    number: int
    verb: str
    args: list[str]
    kill: str
    killed: bool = False
    held: str = ""  # the method of the request the trap held when it was killed
    returncode: int | None = None
    out: str = ""
    err: str = ""
    seconds: float = 0.0
    lock_held: bool | None = None  # killed in the stamp lock: whether it held it then
    lock_freed: bool | None = None  # ... and whether the lock was free once it was gone

    @property
    def confirmed(self) -> bool:
        """The command said its change is saved (queued or delivered)."""
        return any(line.startswith(CONFIRMED) for line in self.out.splitlines())

    def describe(self) -> str:
        how = f"exit {self.returncode}"
        if self.killed:
            how = f"killed ({self.kill}{' ' + self.held if self.held else ''})"
        command = " ".join(self.args)
        return f"round {self.number}: timeclock {command} -> {how}: {self.out!r} {self.err!r}"


@dataclass
class Edit:
    round: int
    notes: str
    confirmed: bool = False


@dataclass
class Model:
    """What the rounds started and what is known to have been queued."""

    adds: dict[datetime, Round] = field(default_factory=dict)  # by the entry's start
    queued_creates: set[datetime] = field(default_factory=set)  # starts seen in the outbox
    edits: dict[int, list[Edit]] = field(default_factory=dict)  # by server id, in order
    deletes: dict[int, bool] = field(default_factory=dict)  # server id -> confirmed
    stamp_ins_started: int = 0
    stamp_ins_confirmed: int = 0
    queued_seen: int = 0  # changes seen waiting between rounds, summed


class Desk:
    """The shared data folder, and the client processes that use it one after another."""

    def __init__(
        self, server: SandboxServer, trap: Trap, folder: Path, mode: ServerMode = DEFAULT
    ) -> None:
        self.server = server
        self.trap = trap
        self.folder = folder
        self.user = mode.client_user(USER)  # "HansM" where the server folds case
        self.stored_user = mode.kept_user(self.user)
        self.base_url = resolve_base_url(server.base_url)
        self.outbox_path = folder / "data" / "outbox.sqlite3"
        self.env = {
            **os.environ,
            "TIMECLOCK_URL": server.base_url,
            "TIMECLOCK_USER": self.user,
            "TIMECLOCK_API_KEY": KEY,
            "TIMECLOCK_API_SECRET": SECRET,
            "TIMECLOCK_DATA_DIR": str(folder / "data"),
            "TIMECLOCK_CONFIG_DIR": str(folder / "config"),
            "TZ": "UTC",
        }
        self.running: subprocess.Popen[bytes] | None = None

    def run(self, number: int, verb: str, args: list[str], kill: str, pause: float) -> Round:
        """Run ``timeclock ARGS``, killing it as ``kill`` says; returns when it is gone."""
        result = Round(number, verb, args, kill)
        hold = self._arm(kill)
        started = time.monotonic()
        out_path = self.folder / f"round-{number}.out"
        err_path = self.folder / f"round-{number}.err"
        try:
            with out_path.open("wb") as out, err_path.open("wb") as err:
                process = self.running = subprocess.Popen(
                    [sys.executable, "-m", "timeclock", *args],
                    stdin=subprocess.DEVNULL,
                    stdout=out,
                    stderr=err,
                    env=self.env,
                    start_new_session=True,
                )
            deadline = time.monotonic() + PROCESS_SECONDS
            if hold is not None:
                while process.poll() is None and not hold.sprung.wait(0.005):
                    if time.monotonic() > deadline:
                        pytest.fail(f"timeclock {' '.join(args)} hung", pytrace=False)
                if hold.sprung.is_set():
                    result.held = hold.method
                    if kill == "lock":
                        result.lock_held = not self.stamp_lock_free()
                    self._kill(process)
            elif kill == "timer":
                try:
                    process.wait(timeout=pause)
                except subprocess.TimeoutExpired:
                    self._kill(process)
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pytest.fail(f"timeclock {' '.join(args)} hung", pytrace=False)
        finally:
            self.trap.disarm()
            if hold is not None:
                hold.release.set()
            self.stop()
        result.seconds = time.monotonic() - started
        result.returncode = process.returncode
        result.killed = process.returncode == -signal.SIGKILL
        if kill == "lock" and result.held:
            result.lock_freed = self.stamp_lock_free()
        result.out = out_path.read_text(encoding="utf-8", errors="replace")
        result.err = err_path.read_text(encoding="utf-8", errors="replace")
        return result

    def _arm(self, kill: str) -> Hold | None:
        """The trap's hold for a kill at a request, or None for the others."""
        if kill in ("arrival", "answer"):
            return self.trap.arm(kill)  # type: ignore[arg-type]
        if kill == "lock":  # the stamp's read of where the user stands, in the lock
            return self.trap.arm("arrival", GETS)
        return None

    def stop(self) -> None:
        """Kill the running client, if any (the test's clean-up)."""
        process, self.running = self.running, None
        if process is not None and process.poll() is None:
            self._kill(process)
            process.wait(timeout=10)

    @staticmethod
    def _kill(process: subprocess.Popen[bytes]) -> None:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)

    def stamp_lock_free(self) -> bool:
        """Whether no program holds this desk's stamp lock now (it is not waited for)."""
        outbox = Outbox(self.outbox_path)
        try:
            with outbox.stamping(0) as allowed:
                return allowed
        finally:
            outbox.close()

    def waiting(self) -> list[OutboxItem]:
        """What waits in the outbox now (read only; no client runs meanwhile)."""
        if not self.outbox_path.exists():
            return []
        return Outbox(self.outbox_path).items(self.base_url)


@pytest.fixture
def trap() -> Trap:
    return Trap()


@pytest.fixture
def latent_server(trap: Trap) -> Iterator[SandboxServer]:
    """The server the clients talk to: slow answers, and the kill trap in front."""
    server = SandboxServer(
        api_key=KEY,
        api_secret=SECRET,
        faults=FaultPlan(latency_ms=LATENCY_MS, seed=9),
        middleware=[Middleware(KillTrap, trap=trap)],
    )
    with server:
        yield server


def live_manual_ids(desk: Desk, model: Model) -> list[int]:
    """Entries added by hand that are on the server and no delete was started for."""
    return [
        entry.id
        for entry in desk.server.store.all()
        if entry.user == desk.stored_user and entry.manual and entry.id not in model.deletes
    ]


def plan_round(
    number: int, rng: random.Random, desk: Desk, model: Model, stamped_in: bool
) -> tuple[str, list[str]]:
    """The command of round ``number`` (seeded; edits and deletes need an entry)."""
    verb = rng.choices(list(COMMANDS), list(COMMANDS.values()))[0]
    candidates = live_manual_ids(desk, model)
    if verb in ("edit", "delete") and not candidates:
        verb = "add"
    if verb == "add":
        start = ADDS_FROM + timedelta(days=number, minutes=rng.randrange(0, 120))
        return verb, [
            "add",
            "--from",
            format_timestamp(start),
            "--to",
            format_timestamp(start + timedelta(hours=8)),
            "--break",
            "30",
            "--notes",
            f"round {number}",
        ]
    if verb == "stamp":
        return verb, ["stamp", "out" if stamped_in else "in"]
    if verb == "edit":
        return verb, ["edit", str(rng.choice(candidates)), "--notes", f"edit in round {number}"]
    if verb == "delete":
        return verb, ["delete", str(rng.choice(candidates)), "--yes"]
    return verb, ["sync"]


def note_round(result: Round, model: Model) -> None:
    """Remember what the round started and whether it said the change is saved."""
    if result.verb == "add":
        start = datetime.fromisoformat(result.args[2])
        model.adds[start] = result
    elif result.verb == "edit":
        model.edits.setdefault(int(result.args[1]), []).append(
            Edit(result.number, result.args[3], result.confirmed)
        )
    elif result.verb == "delete":
        entry_id = int(result.args[1])
        model.deletes[entry_id] = model.deletes.get(entry_id, False) or result.confirmed
    elif result.args == ["stamp", "in"]:
        model.stamp_ins_started += 1
        model.stamp_ins_confirmed += result.confirmed


def note_waiting(desk: Desk, model: Model) -> None:
    """Read the outbox: whatever waits in it was queued and must not be lost."""
    items = desk.waiting()
    model.queued_seen += len(items)
    for item in items:
        assert not item.stuck, f"held: {item}"
        if item.draft is not None:
            model.queued_creates.add(item.draft.start)
            continue
        entry_id = entry_id_of(item.ref)
        if item.change is not None and entry_id in model.edits:
            for edit in model.edits[entry_id]:
                if edit.notes == item.change.notes:
                    edit.confirmed = True
        elif item.kind == Kind.DELETE and entry_id in model.deletes:
            model.deletes[entry_id] = True


def check_process(result: Round) -> None:
    """A process that was not killed ended as its command promises; none crashed."""
    assert "Traceback" not in result.err, result.describe()
    assert "unexpected" not in result.err, result.describe()
    if result.kill == "lock" and result.held:
        assert result.lock_held, f"the stamp read its state outside the lock: {result.describe()}"
        assert result.lock_freed, f"the stamp lock outlived its process: {result.describe()}"
    if result.killed:
        return
    if result.verb == "stamp":  # a stamp that does not fit the state is refused: exit 1
        assert result.returncode == 0 or (result.returncode == 1 and "stamped in" in result.err), (
            result.describe()
        )
    else:
        assert result.returncode == 0, result.describe()
        assert result.confirmed or result.verb == "sync", result.describe()


def play(desk: Desk, rounds: int, seed: int, model: Model) -> list[Round]:
    """The rounds, each one killed client process; then one sync that is let finish.

    The first stamp of the run is killed while it holds the stamp lock, and is followed
    at once by a stamp that must go through (:func:`stamp_after_lock_kill`).
    """
    rng = random.Random(seed)
    results: list[Round] = []
    stamped_in = False
    lock_killed = False
    serial = 0  # numbers the processes (a round may start more than one)
    for number in range(1, rounds + 1):
        verb, args = plan_round(number, rng, desk, model, stamped_in)
        kill = rng.choices(list(KILLS), list(KILLS.values()))[0]
        if verb == "stamp" and not lock_killed:
            kill = "lock"
        elif kill == "lock" and verb != "stamp":
            kill = "timer"
        pause = rng.uniform(0.0, LONGEST_PAUSE)
        serial += 1
        result = desk.run(serial, verb, args, kill, pause)
        batch = [result]
        if result.kill == "lock" and result.killed:
            lock_killed = True
            batch += stamp_after_lock_kill(desk, serial, args)
            serial += len(batch) - 1
        for each in batch:
            results.append(each)
            check_process(each)
            note_round(each, model)
            stamped_in = stamp_state(each, stamped_in)
        note_waiting(desk, model)
    assert lock_killed, "no stamp was killed in the stamp lock"
    for attempt in range(3):  # a second one only if the first ran out of time
        final = desk.run(serial + 1 + attempt, "sync", ["sync", "--wait", "30"], "none", 0)
        check_process(final)
        if final.returncode == 0:
            return results
    pytest.fail(f"sync never finished: {final.describe()}")


def stamp_after_lock_kill(desk: Desk, serial: int, args: list[str]) -> list[Round]:
    """The stamp again, right after its process was killed in the stamp lock: it runs at
    once (it does not wait for a lock left behind) and stamps; where the user already
    stands the other way (the plan guessed wrong about an earlier killed stamp), it is
    refused for that, and the other stamp goes through."""
    again = desk.run(serial + 1, "stamp", args, "none", 0)
    assert "stamping right now" not in again.err, again.describe()
    assert again.seconds < LOCK_FREED_SECONDS, again.describe()
    if again.returncode == 0 and again.confirmed:
        return [again]
    assert again.returncode == 1 and "stamped in" in again.err, again.describe()
    other = ["stamp", "out" if args[1] == "in" else "in"]
    turned = desk.run(serial + 2, "stamp", other, "none", 0)
    assert turned.returncode == 0 and turned.confirmed, turned.describe()
    return [again, turned]


def stamp_state(result: Round, stamped_in: bool) -> bool:
    """Whether the user is stamped in after ``result``, as far as it tells (a killed stamp
    may or may not have queued its stamp: then the plan guesses it did)."""
    if result.verb != "stamp":
        return stamped_in
    direction_in = result.args[1] == "in"
    if result.confirmed:
        return direction_in
    if not result.killed and "already stamped in" in result.err:
        return True
    if not result.killed and "not stamped in" in result.err:
        return False
    if result.kill == "lock" and result.held:
        return stamped_in  # killed before it could queue anything
    return direction_in


def check_adds_edits_deletes(stored: list[StoredEntry], model: Model) -> None:
    by_start = {entry.start: entry for entry in stored}
    # Every add that was queued is there exactly once, as typed; the others at most once.
    lost = []
    for start, added in model.adds.items():
        entry = by_start.get(start)
        if entry is None:
            if added.confirmed or start in model.queued_creates:
                lost.append(added.describe())
            continue
        typed = (start + timedelta(hours=8), 30, True)
        assert (entry.end, entry.break_minutes, entry.manual) == typed, entry
    assert not lost, "queued, then lost:\n" + "\n".join(lost)
    manual = [entry for entry in stored if entry.manual]
    assert {entry.start for entry in manual} <= set(model.adds), "an entry nobody added"

    for entry in manual:
        # A queued delete went through; an entry no delete was started for is still there.
        if model.deletes.get(entry.id):
            assert entry.deleted, f"a queued delete was lost: {entry}"
        elif entry.id not in model.deletes:
            assert not entry.deleted, f"deleted, but nobody asked: {entry}"
        # Edits go out in order: the notes are those of the last queued edit or a later
        # one (or, if none was surely queued, of any edit started, or as added).
        edits = model.edits.get(entry.id, [])
        last_queued = max((i for i, edit in enumerate(edits) if edit.confirmed), default=None)
        allowed = {edit.notes for edit in edits[last_queued or 0 :]}
        if last_queued is None:
            allowed.add(model.adds[entry.start].args[-1])
        assert entry.notes in allowed, f"{entry} has notes {entry.notes!r}, not one of {allowed}"


def check_stamps(stored: list[StoredEntry], model: Model) -> list[StoredEntry]:
    """Each stamp-in seen queued is there once; no more entries than stamp-ins started,
    no fewer than confirmed; never two open at once."""
    stamps = [entry for entry in stored if not entry.manual]
    queued = {start for start in model.queued_creates if start not in model.adds}
    assert queued <= {entry.start for entry in stamps}, "a queued stamp-in was lost"
    assert model.stamp_ins_confirmed <= len(stamps) <= model.stamp_ins_started
    open_entries = [e for e in stamps if e.end == e.start and not e.deleted]
    assert len(open_entries) <= 1, f"open at once: {open_entries}"
    return stamps


@pytest.mark.parametrize(
    ("rounds", "seed", "mode"),
    [
        mode_param(DEFAULT, 20, 1, slow=False),
        mode_param(BOTH, 12, 2, slow=False),
        *(mode_param(mode, 150, 4712, slow=True, timeout=1200) for mode in ALL_MODES),
    ],
)
def test_killed_clients_lose_nothing_and_double_nothing(
    latent_server: SandboxServer,
    trap: Trap,
    tmp_path: Path,
    rounds: int,
    seed: int,
    mode: ServerMode,
) -> None:
    latent_server.quirks = mode.quirks
    desk = Desk(latent_server, trap, tmp_path, mode)
    model = Model()
    started = time.monotonic()
    try:
        results = play(desk, rounds, seed, model)
    finally:
        desk.stop()
    duration = time.monotonic() - started

    assert desk.waiting() == [], "the outbox is not empty after the sync"
    everyone = latent_server.store.all(include_deleted=True)
    stored = [e for e in everyone if e.user == desk.stored_user]
    assert len(stored) == len(everyone), "stored under another user name"
    doubled = {start: n for start, n in Counter(e.start for e in stored).items() if n > 1}
    history = "\n".join(result.describe() for result in results)
    assert not doubled, f"stored more than once (deleted ones too): {doubled}\n{history}"
    check_adds_edits_deletes(stored, model)
    stamps = check_stamps(stored, model)

    verbs = Counter(result.verb for result in results)
    kills = Counter(
        (result.kill + (f" {result.held}" if result.held else "")) if result.killed else "finished"
        for result in results
    )
    on_server = {entry.start for entry in stored}
    in_lock = [r for r in results if r.kill == "lock" and r.killed]
    after_lock = [results[results.index(r) + 1] for r in in_lock]
    open_now = [e for e in stamps if e.end == e.start and not e.deleted]
    print(
        f"\nkill -9 seed {seed}, {mode.name} server ({mode.quirks.describe()}): "
        f"{rounds} rounds, {len(results)} processes in {duration:.1f} s "
        f"({', '.join(f'{verb} {n}' for verb, n in sorted(verbs.items()))})\n"
        f"  processes killed {sum(r.killed for r in results)}: "
        + ", ".join(f"{how} {n}" for how, n in sorted(kills.items()))
        + f"\n  adds started {len(model.adds)}, confirmed "
        f"{sum(r.confirmed for r in model.adds.values())}, seen queued "
        f"{len(model.queued_creates & set(model.adds))}, on the server "
        f"{len(on_server & set(model.adds))}\n"
        f"  stamp-ins started {model.stamp_ins_started}, confirmed {model.stamp_ins_confirmed}, "
        f"entries {len(stamps)}; edits started {sum(len(e) for e in model.edits.values())}; "
        f"deletes started {len(model.deletes)}\n"
        f"  killed in the stamp lock {len(in_lock)} (lock held then, free once gone), "
        f"next stamp after {', '.join(f'{r.seconds:.1f} s' for r in after_lock)}\n"
        f"  changes seen waiting between rounds {model.queued_seen}; "
        f"stored {len(stored)}; open now {len(open_now)}, open twice 0; "
        f"lost 0, duplicated 0; outbox empty"
    )
