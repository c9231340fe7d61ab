"""Several changes through the session at once, answered together: a bulk delete, a break
set for many entries, the undo of such a step.

Each change goes through the one write path on its own (the session's worker sends them
one after another, in order); :func:`send_all` calls back once every one is answered. A
change TimeTrack refused, or one that met a change made elsewhere, is not kept waiting in
the outbox: the person asked for many at once and is told which did not go through.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from timeclock.gui.messages import explain
from timeclock.gui.session import ClockSession
from timeclock.services.changes import Outcome, Sent

OnSent = Callable[[Sent], None]
OnFailed = Callable[[str], None]
# One change to make: given what to call with its outcome, it asks the session.
Job = Callable[[OnSent, OnFailed], None]


@dataclass(frozen=True, slots=True)
class Answer:
    """What became of one change: ``sent`` when it is on TimeTrack or safely queued,
    else ``problem`` in words."""

    sent: Sent | None
    problem: str = ""

    @property
    def ok(self) -> bool:
        """The change was made (or waits safely on this computer)."""
        return self.sent is not None


def send_all(
    session: ClockSession, jobs: list[Job], on_done: Callable[[list[Answer]], None]
) -> None:
    """Start every job; ``on_done`` gets their answers in the jobs' order, once all came."""
    answers: list[Answer | None] = [None] * len(jobs)

    def answered(index: int, answer: Answer) -> None:
        answers[index] = answer
        if all(each is not None for each in answers):
            on_done([each for each in answers if each is not None])

    def sent_of(index: int) -> OnSent:
        def sent(result: Sent) -> None:
            if result.outcome in (Outcome.DELIVERED, Outcome.QUEUED):
                answered(index, Answer(result))
                return
            session.discard_change(result.seq)  # held: not wanted as part of a batch
            answered(index, Answer(None, problem_of(result)))

        return sent

    def failed_of(index: int) -> OnFailed:
        return lambda message: answered(index, Answer(None, message))

    if not jobs:
        on_done([])
    for index, job in enumerate(jobs):
        job(sent_of(index), failed_of(index))


def problem_of(sent: Sent) -> str:
    """Why a change did not go through, in words."""
    if sent.refusal is not None:
        return explain(sent.refusal)
    return QCoreApplication.translate(
        "Batch", "The entry was changed or deleted on TimeTrack meanwhile."
    )
