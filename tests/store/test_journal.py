"""The correction journal keeps every line as written, privately, and never changes one."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from timeclock.domain.attendance import Attendance, AttendanceChange
from timeclock.domain.corrections import Action
from timeclock.store.journal import SCHEMA_VERSION, CorrectionJournal, JournalError

BASE = "https://testkonto.timetrackenterprise.com/api/v2/ext"
OTHER = "https://anderes.timetrackenterprise.com/api/v2/ext"
START = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)


def entry(**fields: object) -> Attendance:
    values: dict[str, object] = {
        "id": 42,
        "user": "anna",
        "start": START,
        "end": START + timedelta(hours=8),
        "break_minutes": 30,
        "notes": "Messe",
        "manual": True,
        "worked_minutes": 450,
    }
    values.update(fields)
    return Attendance(**values)  # type: ignore[arg-type]


@pytest.fixture
def journal(tmp_path: Path) -> CorrectionJournal:
    return CorrectionJournal(tmp_path / "data" / "journal.sqlite3")


def test_a_line_comes_back_with_who_when_which_before_after_and_why(
    journal: CorrectionJournal,
) -> None:
    before = entry()
    after = entry(end=START + timedelta(hours=9), break_minutes=45)
    at = datetime(2026, 3, 11, 9, 15, 30, tzinfo=UTC)
    seq = journal.record(
        BASE,
        author="chefin",
        action=Action.UPDATE,
        ref="id:42",
        owner="anna",
        before=before,
        after=after,
        reason="Stempeluhr vergessen",
        at=at,
    )

    (line,) = journal.corrections(BASE)
    assert line.seq == seq
    assert (line.author, line.action, line.ref, line.owner) == (
        "chefin",
        Action.UPDATE,
        "id:42",
        "anna",
    )
    assert line.recorded_at == at and line.recorded_at.tzinfo is not None
    assert (line.before, line.after) == (before, after)
    assert line.reason == "Stempeluhr vergessen"
    assert line.change is None and line.known_id == 42


def test_an_entry_not_yet_sent_and_a_change_without_the_entry_are_kept_too(
    journal: CorrectionJournal,
) -> None:
    pending = entry(id=None, local_ref="local:abc", worked_minutes=None)
    journal.record(
        BASE, author="hansm", action=Action.CREATE, ref="local:abc", owner="hansm", after=pending
    )
    change = AttendanceChange(end=START + timedelta(hours=7), notes="")
    journal.record(BASE, author="hansm", action=Action.UPDATE, ref="id:7", owner="", change=change)
    journal.record(
        BASE, author="hansm", action=Action.DELETE, ref="id:7", owner="", reason="doppelt"
    )

    made, changed, deleted = journal.corrections(BASE)
    assert made.before is None and made.after == pending and made.known_id is None
    assert changed.change == change and (changed.before, changed.after) == (None, None)
    assert deleted.action is Action.DELETE and deleted.reason == "doppelt"


def test_lines_are_read_by_entry_by_time_and_by_account(journal: CorrectionJournal) -> None:
    for minutes, ref, base in (
        (0, "id:1", BASE),
        (10, "id:2", BASE),
        (20, "id:1", BASE),
        (30, "id:1", OTHER),
    ):
        journal.record(
            base,
            author="chefin",
            action=Action.DELETE,
            ref=ref,
            owner="anna",
            reason=f"at {minutes}",
            at=START + timedelta(minutes=minutes),
        )

    assert [line.reason for line in journal.corrections(BASE)] == ["at 0", "at 10", "at 20"]
    assert [line.reason for line in journal.corrections(BASE, refs=["id:1"])] == ["at 0", "at 20"]
    assert journal.corrections(BASE, refs=[]) == []
    window = journal.corrections(
        BASE, since=START + timedelta(minutes=10), until=START + timedelta(minutes=20)
    )
    assert [line.reason for line in window] == ["at 10"]  # since included, until not
    assert [line.reason for line in journal.corrections(OTHER)] == ["at 30"]


def test_the_file_is_private_carries_its_schema_version_and_is_made_on_first_use(
    tmp_path: Path,
) -> None:
    path = tmp_path / "data" / "journal.sqlite3"
    journal = CorrectionJournal(path)
    assert not path.exists()  # a command that changes nothing does not open it

    journal.record(BASE, author="hansm", action=Action.DELETE, ref="id:1", owner="hansm")

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 1
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    journal.close()
    assert len(CorrectionJournal(path).corrections(BASE)) == 1  # kept across runs


def test_no_line_can_be_changed_or_removed(journal: CorrectionJournal) -> None:
    journal.record(
        BASE, author="chefin", action=Action.DELETE, ref="id:1", owner="anna", reason="x"
    )
    raw = sqlite3.connect(journal.path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute("UPDATE journal SET reason = 'anders'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute("DELETE FROM journal")
    finally:
        raw.close()
    assert [line.reason for line in journal.corrections(BASE)] == ["x"]


def test_a_journal_that_cannot_be_opened_says_which_file(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    journal = CorrectionJournal(folder)  # a folder, not a database file

    with pytest.raises(JournalError, match="the correction journal"):
        journal.record(BASE, author="hansm", action=Action.DELETE, ref="id:1", owner="hansm")
