"""The soak test: many mixed changes through the outbox against a sandbox that fails 30% of
its requests in every way it can, and in the end the server holds exactly what was meant.

Creates (manual entries, and open ones as a stamp-in leaves them), updates of notes, break
and end (also of entries whose create still waits, by their local reference; half of them
checked against the entry as it was seen, as the entry dialog sends them), deletes, and a
user who stamps in and out with breaks through :class:`TimeClock` are queued in an
:class:`Outbox` and delivered by :class:`Deliverer` passes, sometimes one pass between two
changes, sometimes until the outbox is empty. An independent model keeps what each entry
must end up as. The sandbox's faults (``FaultPlan.mixed(0.3)``: 500, 503, 429, connection
cut, commit-then-cut, malformed JSON, wrong content type, truncated body) and the
operations come from fixed seeds, so a run is the same every time.

At the end: the server's live entries equal the model exactly (no loss, no wrong field),
no (user, start) was ever stored twice (deleted rows counted), every delete went through,
no entry is open that should be closed, the outbox is empty, and every fault kind actually
happened.

It runs against each server TimeTrack may be (:mod:`tests.soak.modes`): one that keeps
milliseconds, one that keeps whole seconds (the creates are sent with milliseconds, so a
lost answer must be recognised within its second), one that stores user names in lower
case (the client writes them ``AnnA``), and one that does both. The model is compared with
what such a server keeps. The small version runs by default against the plain server and
the one with both quirks; the 1,000-operation one is ``-m slow``, in every mode.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import credentials_of
from tests.soak.modes import ALL_MODES, BOTH, DEFAULT, ServerMode, mode_param
from timeclock.api.client import TimeTrackClient
from timeclock.domain.attendance import Attendance, AttendanceChange, AttendanceDraft
from timeclock.domain.shift import rounded_minutes
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.faults import ALL_KINDS, FaultPlan
from timeclock.sandbox.records import Attendance as StoredEntry
from timeclock.services.stamping import TimeClock
from timeclock.services.sync import Deliverer, SyncReport
from timeclock.store.breaks import BreakStore
from timeclock.store.outbox import Outbox, server_ref

FAULT_RATE = 0.3
USERS = ("anna", "bernd", "cem")  # their changes are queued in the outbox directly
STAMPER = "dilek"  # stamps in and out (with breaks) through TimeClock
SLOTS_FROM = datetime(2025, 1, 6, 5, 0, tzinfo=UTC)
STAMPS_FROM = datetime(2026, 2, 2, 6, 0, tzinfo=UTC)
MAX_PASSES_PER_DRAIN = 2_000  # at 30% faults a drain takes a handful; this only stops a hang
NOTES = (
    "",
    "Frühdienst",
    "Kundentermin in München",
    "Übergabe an die Spätschicht ✓",
    'Notiz mit "Anführungszeichen" und \\ Backslash',
    "Zeile eins\nZeile zwei",
    "x" * 300,
)
# What one step does, and how often (weights).
OPERATIONS = {
    "create": 28,
    "create-open": 8,
    "update": 32,
    "delete": 8,
    "stamp": 14,
}


@dataclass(frozen=True, slots=True)
class Expected:
    """What the server must hold for one entry in the end."""

    user: str
    start: datetime
    end: datetime
    break_minutes: int
    notes: str
    manual: bool

    def as_entry(self) -> Attendance:
        """The entry as this desk would show it (its id does not count in a comparison)."""
        return Attendance(
            0, self.user, self.start, self.end, self.break_minutes, self.notes, self.manual
        )

    def kept_by(self, mode: ServerMode) -> Expected:
        """What a server of ``mode`` holds for this entry (its user name, its precision)."""
        return replace(
            self,
            user=mode.kept_user(self.user),
            start=mode.kept_moment(self.start),
            end=mode.kept_moment(self.end),
        )

    @property
    def open(self) -> bool:
        """An open entry (stamped in, not out): ``to`` equals ``from``."""
        return self.end == self.start


def as_expected(entry: StoredEntry) -> Expected:
    """The fields of a stored sandbox entry that the model predicts."""
    return Expected(
        entry.user, entry.start, entry.end, entry.break_minutes, entry.notes, entry.manual
    )


class CountingDeliverer(Deliverer):
    """The product's Deliverer, counting its look-ups of creates whose answer was lost."""

    def __init__(self, client: TimeTrackClient, outbox: Outbox) -> None:
        super().__init__(client, outbox)
        self.lookups = 0
        self.adoptions = 0

    def find_created(self, draft: AttendanceDraft, seq: int) -> Attendance | None:
        found = super().find_created(draft, seq)
        self.lookups += 1
        self.adoptions += found is not None
        return found


@dataclass
class Figures:
    operations: Counter[str] = field(default_factory=Counter)
    passes: int = 0
    drains: int = 0
    delivered: int = 0
    pass_endings: Counter[str] = field(default_factory=Counter)  # why a pass stopped early
    most_waiting: int = 0
    checked_updates: int = 0  # updates sent only if the entry is still as it was seen


class Soak:
    """Drives the client and keeps the model of what the server must end up with."""

    def __init__(
        self,
        client: TimeTrackClient,
        outbox: Outbox,
        breaks: BreakStore,
        seed: int,
        mode: ServerMode = DEFAULT,
    ) -> None:
        self.rng = random.Random(seed)
        self.mode = mode
        self.users = tuple(mode.client_user(user) for user in USERS)
        self.stamper = mode.client_user(STAMPER)
        self.base = client.base_url
        self.outbox = outbox
        self.deliverer = CountingDeliverer(client, outbox)
        self.clock = TimeClock(client, self.stamper, breaks, outbox)
        self.intended: dict[str, Expected] = {}  # by the local reference of the create
        self.deleted: dict[str, Expected] = {}
        self.creates = 0
        self.stamper_now = STAMPS_FROM
        self.stamper_open: str | None = None  # the reference of the open entry
        self.figures = Figures()

    # -- the run -----------------------------------------------------------------------

    def run(self, operations: int) -> None:
        names, weights = zip(*OPERATIONS.items(), strict=True)
        for _ in range(operations):
            name = self.rng.choices(names, weights)[0]
            if name in ("update", "delete") and not self._others():
                name = "create"
            getattr(self, "_" + name.replace("-", "_"))()
            self.figures.operations[name] += 1
            self.figures.most_waiting = max(self.figures.most_waiting, self.outbox.count(self.base))
            chance = self.rng.random()
            if chance < 0.3:
                self.deliver_once()
            elif chance < 0.38:
                self.drain()
        self.drain()

    def deliver_once(self) -> SyncReport:
        report = self.deliverer.deliver()
        self.figures.passes += 1
        self.figures.delivered += report.delivered
        if report.failure is not None:
            self.figures.pass_endings[type(report.failure).__name__] += 1
        assert not report.stuck, "held: " + "; ".join(
            f"#{item.seq} {item.kind} {item.ref}: {item.problem}" for item in report.stuck
        )
        assert not report.paused_for_credentials, str(report.failure)
        return report

    def drain(self) -> None:
        """Deliver until the outbox is empty; a pass ending on a failure just goes on."""
        self.figures.drains += 1
        for _ in range(MAX_PASSES_PER_DRAIN):
            report = self.deliver_once()
            if report.complete:
                return
            assert report.failure is not None, (
                f"a pass stopped with {report.waiting} waiting and no failure: "
                f"{self.outbox.items(self.base)}"
            )
        pytest.fail(f"the outbox did not empty in {MAX_PASSES_PER_DRAIN} passes")

    # -- operations --------------------------------------------------------------------

    def _create(self) -> None:
        start = self._next_start()
        minutes = self.rng.randrange(15, 12 * 60)
        breaks = 0 if self.rng.random() < 0.3 else self.rng.randrange(0, min(minutes, 90))
        draft = AttendanceDraft(
            user=self.rng.choice(self.users),
            start=start,
            end=start + timedelta(minutes=minutes),
            break_minutes=breaks,
            notes=self.rng.choice(NOTES),
            manual=True,
        )
        self._queue_create(draft)

    def _create_open(self) -> None:
        """An entry as stamping in leaves it: from == to, not manual."""
        start = self._next_start()
        self._queue_create(
            AttendanceDraft(user=self.rng.choice(self.users), start=start, end=start, manual=False)
        )

    def _update(self) -> None:
        local = self.rng.choice(self._others())
        now = self.intended[local]
        fields = set(self.rng.sample(["notes", "break", "end"], k=self.rng.randint(1, 3)))
        end, breaks, notes = now.end, now.break_minutes, now.notes
        if "end" in fields:
            end = now.start + timedelta(minutes=self.rng.randrange(0, 12 * 60))
        span = (end - now.start) // timedelta(minutes=1)
        if "break" in fields or breaks >= max(span, 1):  # the break must stay shorter
            fields.add("break")
            breaks = self.rng.randrange(0, span) if span > 0 else 0
        if "notes" in fields:
            notes = self.rng.choice(NOTES)
        change = AttendanceChange(
            end=end if "end" in fields else None,
            break_minutes=breaks if "break" in fields else None,
            notes=notes if "notes" in fields else None,
        )
        # Half of them as the entry dialog sends them: checked against the entry as it was
        # seen (on the server: its user name and precision). The server holds exactly that
        # when the update's turn comes (this desk is the only writer), so a conflict here
        # would be a false one: the run fails on it.
        seen = now.kept_by(self.mode).as_entry() if self.rng.random() < 0.5 else None
        self.outbox.add_update(self.base, self._target(local), change, base=seen)
        self.figures.checked_updates += seen is not None
        self.intended[local] = replace(now, end=end, break_minutes=breaks, notes=notes)

    def _delete(self) -> None:
        local = self.rng.choice(self._others())
        self.outbox.add_delete(self.base, self._target(local))
        self.deleted[local] = self.intended.pop(local)

    def _stamp(self) -> None:
        """Stamp in, or take a break perhaps and stamp out, through TimeClock."""
        if self.stamper_open is None:
            now = self.stamper_now
            entry = self.clock.stamp_in(now)
            assert entry.id is None and (entry.start, entry.end) == (now, now)
            ref = entry.ref  # the create's local reference, as the outbox knows it
            assert any(item.ref == ref for item in self.outbox.items(self.base))
            self.intended[ref] = Expected(self.stamper, now, now, 0, "", manual=False)
            self.stamper_open = ref
            self.stamper_now = now + timedelta(minutes=self.rng.randrange(30, 300))
            return
        taken = timedelta()
        if self.rng.random() < 0.4:
            taken = timedelta(minutes=self.rng.randrange(5, 50))
            self.clock.start_break(self.stamper_now)
            self.clock.end_break(self.stamper_now + taken)
            self.stamper_now += taken + timedelta(minutes=self.rng.randrange(10, 120))
        now = self.stamper_now
        closed = self.clock.stamp_out(now)
        assert (closed.end, closed.break_minutes) == (now, rounded_minutes(taken))
        ref = self.stamper_open
        self.intended[ref] = replace(
            self.intended[ref], end=now, break_minutes=rounded_minutes(taken)
        )
        self.stamper_open = None
        self.stamper_now = now + timedelta(minutes=self.rng.randrange(20, 600))

    # -- plumbing ----------------------------------------------------------------------

    def _next_start(self) -> datetime:
        """A start no other entry has: 41 minutes apart, with some milliseconds."""
        self.creates += 1
        return SLOTS_FROM + timedelta(
            minutes=41 * self.creates, milliseconds=self.rng.randrange(1000)
        )

    def _queue_create(self, draft: AttendanceDraft) -> None:
        _, ref = self.outbox.add_create(self.base, draft)
        self.intended[ref] = Expected(
            draft.user, draft.start, draft.end, draft.break_minutes, draft.notes, draft.manual
        )

    def _others(self) -> list[str]:
        """The live entries not made by stamping (those the stamper's clock owns)."""
        return [ref for ref, entry in self.intended.items() if entry.user != self.stamper]

    def _target(self, local: str) -> str:
        """How a change names its entry: by server id once known (half the time), as the
        window does after a refresh, else by the create's local reference."""
        entry_id = self.outbox.server_id(self.base, local)
        if entry_id is not None and self.rng.random() < 0.5:
            return server_ref(entry_id)
        return local


@pytest.fixture
def soak_server() -> Iterator[SandboxServer]:
    with SandboxServer() as server:
        yield server


@pytest.mark.parametrize(
    ("operations", "seed", "mode"),
    [
        # By default the small run, against the plain server and the one with both quirks.
        *(mode_param(mode, 150, 20260310, slow=False) for mode in (DEFAULT, BOTH)),
        *(mode_param(mode, 1000, 20260311, slow=True, timeout=900) for mode in ALL_MODES),
    ],
)
def test_soak_under_30_percent_faults_ends_exactly_as_intended(
    soak_server: SandboxServer, tmp_path: Path, operations: int, seed: int, mode: ServerMode
) -> None:
    server = soak_server
    server.quirks = mode.quirks
    server.faults = FaultPlan.mixed(FAULT_RATE, seed=seed, retry_after=0)
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    breaks = BreakStore(tmp_path / "state.sqlite3")
    started = time.monotonic()
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        soak = Soak(client, outbox, breaks, seed, mode)
        soak.run(operations)
    duration = time.monotonic() - started
    counts = server.faults.counts()
    server.faults = FaultPlan()  # reading the result back must not meet faults
    breaks.close()

    # The outbox is empty: nothing waits, nothing is held.
    assert outbox.items(server.base_url) == []

    # Every intended entry is on the server, under the id its create got, exactly as meant
    # (as this server keeps it: user names in its case, instants at its precision).
    expected: dict[int, Expected] = {}
    for ref, entry in soak.intended.items():
        entry_id = outbox.server_id(server.base_url, ref)
        assert entry_id is not None, f"the create of {ref} was never confirmed: {entry}"
        expected[entry_id] = entry.kept_by(mode)
    live = {stored.id: as_expected(stored) for stored in server.store.all()}
    lost = sorted(expected.keys() - live.keys())
    extra = sorted(live.keys() - expected.keys())
    wrong = {
        entry_id: (live[entry_id], expected[entry_id])
        for entry_id in expected.keys() & live.keys()
        if live[entry_id] != expected[entry_id]
    }
    assert not lost, f"lost: {[expected[entry_id] for entry_id in lost]}"
    assert not extra, f"on the server but never intended: {[live[i] for i in extra]}"
    assert not wrong, f"stored (left) differs from intended (right): {wrong}"
    assert live == expected

    # No entry is left open that should be closed (an open stamp-in sent twice would be).
    left_open = {i: e for i, e in live.items() if e.open and not expected[i].open}
    assert not left_open, f"open, but meant to be closed: {left_open}"
    still_open = sum(entry.open for entry in live.values())

    # Nothing was ever stored twice, not even an entry deleted later.
    stored = server.store.all(include_deleted=True)
    doubled = {
        key: count for key, count in Counter((s.user, s.start) for s in stored).items() if count > 1
    }
    assert not doubled, f"stored more than once: {doubled}"
    assert len(stored) == len(soak.intended) + len(soak.deleted)

    # Every delete went through.
    for ref, entry in soak.deleted.items():
        entry_id = outbox.server_id(server.base_url, ref)
        assert entry_id is not None, f"the create of the deleted {entry} was never confirmed"
        found = server.store.find(entry_id)
        assert found is not None and found.deleted, f"not deleted: {found}"

    # The run really met every kind of fault (the seed is fixed, so this is no gamble).
    missing = [kind.value for kind in ALL_KINDS if counts.injected[kind] == 0]
    assert not missing, f"no {missing} in {counts.to_json()}"
    assert soak.deliverer.adoptions > 0  # some answers were lost after the server stored

    figures = soak.figures
    print(
        f"\nsoak seed {seed}, {mode.name} server ({mode.quirks.describe()}): "
        f"{operations} operations "
        f"({', '.join(f'{name} {n}' for name, n in sorted(figures.operations.items()))}) "
        f"in {duration:.1f} s\n"
        f"  requests {counts.requests}, faults {counts.faults} "
        f"({counts.faults / counts.requests:.0%}): "
        + ", ".join(f"{kind.value} {counts.injected[kind]}" for kind in ALL_KINDS)
        + f"\n  delivery passes {figures.passes} ({figures.drains} drains), "
        f"changes delivered {figures.delivered}, most waiting at once {figures.most_waiting}\n"
        f"  updates checked against the entry as seen {figures.checked_updates}, "
        f"false conflicts 0\n"
        f"  passes ended by: {dict(figures.pass_endings)}\n"
        f"  lost creates looked up {soak.deliverer.lookups}, adopted "
        f"{soak.deliverer.adoptions}\n"
        f"  entries stored {len(stored)}, live {len(live)} ({still_open} open as meant), "
        f"deleted {len(soak.deleted)}; lost 0, duplicated 0, wrong 0, left open 0; "
        f"outbox empty"
    )


# -- what the soak found, replayed in a few steps ------------------------------------------

MORNING = STAMPS_FROM
GET_FAILS = {"503": 1.0}  # with methods=["GET"]: the server cannot be asked, writes go on


@pytest.fixture
def desk(soak_server: SandboxServer, tmp_path: Path) -> Iterator[TimeClock]:
    """A TimeClock with an outbox, talking to the soak's server (no faults yet)."""
    with TimeTrackClient(soak_server.base_url, credentials_of(soak_server)) as client:
        breaks = BreakStore(tmp_path / "state.sqlite3")
        yield TimeClock(client, STAMPER, breaks, Outbox(tmp_path / "outbox.sqlite3"))
        breaks.close()


def deliver_all(clock: TimeClock) -> None:
    for _ in range(20):
        if clock.deliver().complete:
            return
    pytest.fail("the outbox did not empty")


def test_a_garbled_answer_does_not_refuse_a_stamp(
    soak_server: SandboxServer, desk: TimeClock
) -> None:
    """A proxy's page or a cut-off body where the entries were expected: the state comes
    from this desk, as when the server cannot be reached, and the stamp is queued."""
    for kind in ("malformed-json", "wrong-content-type"):
        soak_server.faults = FaultPlan({kind: 1.0}, methods=["GET"])
        status = desk.status(MORNING)
        assert status.offline is not None
    desk.stamp_in(MORNING)
    soak_server.faults = FaultPlan()
    deliver_all(desk)
    assert [entry.start for entry in soak_server.store.all()] == [MORNING]


def test_stamping_out_offline_finds_the_stamp_in_that_went_out(
    soak_server: SandboxServer, desk: TimeClock
) -> None:
    """Stamped in online (delivered at once), then the network goes: the stamp-out must
    still find the open entry, and a second stamp-in must be refused."""
    desk.stamp_in(MORNING)
    assert desk.deliver().complete
    soak_server.faults = FaultPlan(GET_FAILS, methods=["GET"])
    later = MORNING + timedelta(hours=8)
    status = desk.status(later)
    assert status.offline is not None and status.shift.stamped_in
    with pytest.raises(ValueError, match="already stamped in"):
        desk.stamp_in(later)
    desk.stamp_out(later)
    assert not desk.status(later).shift.stamped_in
    soak_server.faults = FaultPlan()
    deliver_all(desk)
    (stored,) = soak_server.store.all()
    assert (stored.start, stored.end) == (MORNING, later)


def test_an_entry_whose_create_answer_was_lost_shows_once(
    soak_server: SandboxServer, desk: TimeClock
) -> None:
    """The server stored the stamp-in, its answer was lost: until the next delivery adopts
    it, the entry shows once (not as the server's plus the waiting one), so stamping out
    closes it and stamping in again is possible."""
    desk.stamp_in(MORNING)
    soak_server.faults = FaultPlan(script=["commit-then-cut"], methods=["POST"])
    assert not desk.deliver().complete
    assert len(soak_server.store.all()) == 1  # stored, but the desk does not know it yet
    soak_server.faults = FaultPlan()

    out, again = MORNING + timedelta(hours=8), MORNING + timedelta(hours=9)
    status = desk.status(out)
    assert [entry.start for entry in status.recent] == [MORNING]
    desk.stamp_out(out)
    desk.stamp_in(again)
    deliver_all(desk)
    stored = sorted(soak_server.store.all(), key=lambda entry: entry.start)
    assert [(entry.start, entry.end) for entry in stored] == [(MORNING, out), (again, again)]


@pytest.mark.parametrize("offline_at", ["break start", "break end"])
def test_a_break_stays_with_an_entry_whose_create_answer_was_lost(
    soak_server: SandboxServer, desk: TimeClock, offline_at: str
) -> None:
    """The break is kept under the entry's id; that id must not change between a look at
    the server and a look at what this desk remembers while the create is unconfirmed."""
    desk.stamp_in(MORNING)
    soak_server.faults = FaultPlan(script=["commit-then-cut"], methods=["POST"])
    assert not desk.deliver().complete
    offline, online = FaultPlan(GET_FAILS, methods=["GET"]), FaultPlan(methods=["POST"])
    breaks_from = MORNING + timedelta(hours=4)
    soak_server.faults = offline if offline_at == "break start" else online
    desk.start_break(breaks_from)
    soak_server.faults = offline if offline_at == "break end" else online
    desk.end_break(breaks_from + timedelta(minutes=30))
    soak_server.faults = FaultPlan()
    closed = desk.stamp_out(MORNING + timedelta(hours=8))
    assert closed.break_minutes == 30
    deliver_all(desk)
    (stored,) = soak_server.store.all()
    assert (stored.end, stored.break_minutes) == (MORNING + timedelta(hours=8), 30)
