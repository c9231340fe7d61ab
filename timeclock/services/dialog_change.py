"""The one change an entry dialog makes, across its saves: held, revised, withdrawn.

A dialog may save more than once: TimeTrack refuses the first try (the dialog stays open
with the values), or the entry changed elsewhere meanwhile (the conflict dialog opens).
Such a change is *held* in the outbox, so nothing typed is lost; the next save revises it
in place (same place in the queue, same reference), and what Cancel does depends on how
the dialog was opened:

- opened to make a change: Cancel takes back a change of its own that is held (the person
  chose not to fix it);
- opened from the outbox to fix a held change: Cancel leaves it held there.

This is the state machine, without a window: :class:`DialogChange` says which change a save
revises and which one to withdraw; the dialog does the sending and withdrawing through the
session.
"""

from __future__ import annotations

import enum

from timeclock.services.changes import Outcome, Sent


class Reaction(enum.Enum):
    """What the dialog does once a save's change has an outcome."""

    CLOSE = "close"  # on TimeTrack, or safe on this computer: done
    SHOW_REFUSAL = "refusal"  # held: TimeTrack refused it; the person may fix and save again
    SHOW_CONFLICT = "conflict"  # held: the entry changed elsewhere; the person chooses


class DialogChange:
    """The change of one entry dialog (``held``: the held change it was opened to fix)."""

    def __init__(self, held: int | None = None) -> None:
        self._held = held
        self.fixing = held is not None  # opened from the outbox to fix ``held``
        self.saving = False

    @property
    def held(self) -> int | None:
        """The outbox item this dialog's change is held as, if it is held."""
        return self._held

    @property
    def revising(self) -> int | None:
        """The held change a save puts its values into (None: a save queues a new one)."""
        return self._held

    def begin_save(self) -> bool:
        """A save starts; False when one is still under way (a second click)."""
        if self.saving:
            return False
        self.saving = True
        return True

    def failed(self) -> None:
        """The save could not be queued (the outbox failed): the person may try again."""
        self.saving = False

    def arrived(self, sent: Sent) -> Reaction:
        """What became of the save's change, and what the dialog does now."""
        self.saving = False
        if sent.outcome in (Outcome.DELIVERED, Outcome.QUEUED):
            self._held = None
            return Reaction.CLOSE
        self._held = sent.seq  # held in the outbox; the next save revises it
        return Reaction.SHOW_CONFLICT if sent.outcome is Outcome.CONFLICT else Reaction.SHOW_REFUSAL

    def withdraw(self) -> int | None:
        """The held change is not wanted (from the outbox neither): the item to discard."""
        held, self._held = self._held, None
        return held

    def cancelled(self) -> int | None:
        """Cancel: the item to discard, if any (a change being fixed stays held)."""
        return None if self.fixing else self.withdraw()
