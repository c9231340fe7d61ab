"""A reason is needed to change or delete another employee's entry, and kept short."""

from __future__ import annotations

import pytest

from timeclock.domain.corrections import (
    MAX_REASON_LENGTH,
    ReasonError,
    ReasonProblem,
    check_reason,
    needs_reason,
    reason_problem,
)
from timeclock.domain.errors import TimeClockError


def test_another_users_entry_needs_a_reason_ones_own_does_not() -> None:
    assert needs_reason("chefin", "anna")
    assert not needs_reason("HansM", "hansm")  # user names ignore case
    assert reason_problem("chefin", "anna", "") is ReasonProblem.MISSING
    assert reason_problem("chefin", "anna", "   \n") is ReasonProblem.MISSING
    assert reason_problem("chefin", "anna", "vergessen auszustempeln") is None
    assert reason_problem("anna", "anna", "") is None


def test_a_reason_is_kept_without_blanks_and_not_longer_than_the_limit() -> None:
    assert check_reason("chefin", "anna", "  Krank gemeldet \n") == "Krank gemeldet"
    assert check_reason("chefin", "anna", "x" * MAX_REASON_LENGTH) == "x" * MAX_REASON_LENGTH
    assert reason_problem("anna", "anna", "x" * (MAX_REASON_LENGTH + 1)) is ReasonProblem.TOO_LONG


def test_a_missing_reason_is_an_error_a_person_can_read() -> None:
    with pytest.raises(ReasonError) as raised:
        check_reason("chefin", "anna", "")
    assert isinstance(raised.value, TimeClockError)
    assert str(raised.value) == (
        "a reason is needed to change or delete another employee's entry; nothing was changed"
    )
