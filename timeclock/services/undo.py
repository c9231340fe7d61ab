"""Ctrl+Z of the window: what it did to entries, step by step, and the changes that take a
step back. No Qt here; the window sends those changes through the one write path
(:class:`~timeclock.services.changes.EntryChanges`, through its session), so an undo is
queued, delivered, checked against changes made elsewhere and journalled like any other.

- a new entry is taken back by deleting it;
- a correction by changing the fields it changed back to what they were, sent only if
  TimeTrack still holds the entry as the correction left it (else it is a conflict and
  nothing is overwritten);
- a deletion by creating the entry again with its values (a new entry, with a new id).

A step may hold several changes (a bulk delete, a break set for many entries): they are
undone together, the last one first. Undoing a change of another employee's entry needs
a reason as the change itself did; the window words it (:attr:`Undo.at` says when the
change it takes back was made).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from timeclock.domain.attendance import Attendance, AttendanceChange, AttendanceDraft
from timeclock.domain.corrections import Action, needs_reason
from timeclock.services.changes import EntryChanges, Sent

# Steps kept; older ones are forgotten (a day's corrections fit many times over).
HISTORY_LIMIT = 100


@dataclass(frozen=True, slots=True)
class Done:
    """One change the window made: ``before`` is the entry as it was (None for a new one),
    ``after`` as it showed once saved (None for a deletion); ``at`` when (UTC)."""

    action: Action
    before: Attendance | None
    after: Attendance | None
    at: datetime

    def __post_init__(self) -> None:
        if (self.before is None) != (self.action is Action.CREATE) or (self.after is None) != (
            self.action is Action.DELETE
        ):
            raise ValueError(f"a {self.action} needs before/after accordingly")

    @property
    def entry(self) -> Attendance:
        """The entry the change was about (as it showed last)."""
        shown = self.after if self.after is not None else self.before
        assert shown is not None  # see __post_init__
        return shown


@dataclass(frozen=True, slots=True)
class Step:
    """What one action of the window did: one change, or several at once (bulk)."""

    done: tuple[Done, ...]

    @property
    def action(self) -> Action:
        """What the step did (a bulk step does one thing to each entry)."""
        return self.done[0].action

    @property
    def entries(self) -> list[Attendance]:
        """The entries the step was about."""
        return [done.entry for done in self.done]


@dataclass(frozen=True, slots=True)
class Undo:
    """The change that takes ``undoes`` back: ``action`` on ``entry`` (update, delete) with
    ``change``, or a create of ``draft``; ``reason_needed`` for another employee's entry."""

    undoes: Done
    action: Action
    entry: Attendance | None = None
    change: AttendanceChange | None = None
    draft: AttendanceDraft | None = None
    reason_needed: bool = False

    @property
    def at(self) -> datetime:
        """When the change this takes back was made."""
        return self.undoes.at


def undo_of(done: Done, author: str) -> Undo:
    """The change that takes ``done`` back, made by ``author``."""
    shown = done.entry
    reason = needs_reason(author, shown.user)
    if done.action is Action.CREATE:
        return Undo(done, Action.DELETE, entry=done.after, reason_needed=reason)
    if done.action is Action.DELETE:
        assert done.before is not None
        return Undo(
            done, Action.CREATE, draft=AttendanceDraft.of(done.before), reason_needed=reason
        )
    assert done.before is not None and done.after is not None
    return Undo(
        done,
        Action.UPDATE,
        entry=done.after,
        change=change_back(done.after, done.before),
        reason_needed=reason,
    )


def change_back(now: Attendance, was: Attendance) -> AttendanceChange:
    """The fields of ``now`` to set to ``was``'s values (those that differ)."""
    return AttendanceChange(
        start=was.start if now.start != was.start else None,
        end=was.end if now.end != was.end else None,
        break_minutes=was.break_minutes if now.break_minutes != was.break_minutes else None,
        notes=was.notes if now.notes != was.notes else None,
        manual=was.manual if now.manual != was.manual else None,
    )


def send(undo: Undo, changes: EntryChanges, reason: str = "") -> Sent:
    """Make ``undo``'s change through ``changes`` (for a worker thread: it is delivered).

    The window does the same through its session; this is the write path's other door."""
    if undo.action is Action.CREATE:
        assert undo.draft is not None
        return changes.create(undo.draft, reason=reason)
    assert undo.entry is not None
    if undo.action is Action.DELETE:
        return changes.delete(undo.entry, reason=reason)
    assert undo.change is not None
    return changes.update(undo.entry, undo.change, reason=reason)


class UndoHistory:
    """The steps the window made, newest last; :meth:`take` hands out the newest's undo.

    ``author`` is the desk's user: taking back a change of another employee's entry needs
    a reason (:attr:`Undo.reason_needed`).
    """

    def __init__(self, author: str, limit: int = HISTORY_LIMIT) -> None:
        self.author = author
        self._limit = limit
        self._steps: list[Step] = []

    def __len__(self) -> int:
        return len(self._steps)

    def record(self, done: Iterable[Done]) -> None:
        """Remember one step (several changes made at once are one step); an empty one is
        not a step."""
        step = Step(tuple(done))
        if step.done:
            self._steps.append(step)
            del self._steps[: -self._limit]

    @property
    def last(self) -> Step | None:
        """The step Ctrl+Z would take back, if any."""
        return self._steps[-1] if self._steps else None

    def take(self) -> tuple[Step, list[Undo]] | None:
        """The newest step, off the history, with its undos (its last change first)."""
        if not self._steps:
            return None
        step = self._steps.pop()
        return step, [undo_of(done, self.author) for done in reversed(step.done)]

    def put_back(self, done: Iterable[Done]) -> None:
        """The changes of a step whose undo could not be made are the newest step again
        (in the order they were made)."""
        self.record(done)

    def clear(self) -> None:
        """Forget every step (another account or user)."""
        self._steps.clear()
