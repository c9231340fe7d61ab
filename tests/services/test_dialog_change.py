"""The life of an entry dialog's change, without a window: held, revised, withdrawn."""

from __future__ import annotations

import pytest

from timeclock.services.changes import Outcome, Sent
from timeclock.services.dialog_change import DialogChange, Reaction
from timeclock.services.sync import SyncReport


def sent(seq: int, outcome: Outcome) -> Sent:
    return Sent(seq, outcome, None, SyncReport())


@pytest.mark.parametrize("outcome", [Outcome.DELIVERED, Outcome.QUEUED])
def test_a_change_on_timetrack_or_safe_here_closes_the_dialog(outcome: Outcome) -> None:
    change = DialogChange()
    assert change.begin_save()

    assert change.arrived(sent(4, outcome)) is Reaction.CLOSE
    assert change.held is None
    assert not change.saving
    assert change.cancelled() is None


def test_a_refused_change_is_held_and_the_next_save_revises_it() -> None:
    change = DialogChange()
    change.begin_save()

    assert change.arrived(sent(4, Outcome.REFUSED)) is Reaction.SHOW_REFUSAL
    assert change.revising == 4
    assert change.begin_save()
    assert change.arrived(sent(4, Outcome.DELIVERED)) is Reaction.CLOSE
    assert change.revising is None


def test_a_conflict_is_held_and_shown() -> None:
    change = DialogChange()
    change.begin_save()

    assert change.arrived(sent(9, Outcome.CONFLICT)) is Reaction.SHOW_CONFLICT
    assert change.held == 9


def test_cancel_withdraws_a_held_change_of_the_dialogs_own() -> None:
    change = DialogChange()
    change.begin_save()
    change.arrived(sent(4, Outcome.REFUSED))

    assert change.cancelled() == 4
    assert change.held is None
    assert change.cancelled() is None  # withdrawn once


def test_cancel_leaves_a_change_opened_from_the_outbox_held() -> None:
    change = DialogChange(held=7)
    assert change.fixing
    assert change.revising == 7

    assert change.cancelled() is None
    assert change.held == 7


def test_withdrawing_a_change_being_fixed_discards_it() -> None:
    change = DialogChange(held=7)

    assert change.withdraw() == 7  # "take theirs": not wanted from the outbox either
    assert change.withdraw() is None


def test_a_second_save_while_one_is_under_way_is_refused() -> None:
    change = DialogChange()

    assert change.begin_save()
    assert not change.begin_save()
    change.failed()
    assert change.begin_save()
