"""Retry delays: exponential, jittered, capped, and a server's Retry-After honoured."""

from __future__ import annotations

import random

import pytest

from timeclock.domain.backoff import Backoff


@pytest.mark.parametrize(("attempt", "ceiling"), [(0, 1.0), (1, 2.0), (3, 8.0), (20, 300.0)])
def test_delays_grow_and_stay_within_half_to_full(attempt: int, ceiling: float) -> None:
    rng = random.Random(7)
    delays = [Backoff().delay(attempt, rng=rng) for _ in range(200)]
    assert all(ceiling / 2 <= delay <= ceiling for delay in delays)
    assert max(delays) - min(delays) > ceiling / 4  # jittered, not all the same


def test_retry_after_is_waited_for_but_capped() -> None:
    assert Backoff().delay(0, retry_after=30) == 30
    assert Backoff().delay(0, retry_after=10**9) == 1200
    assert Backoff().delay(10, retry_after=0.5) >= 150  # never shorter than the backoff


def test_huge_attempt_counts_do_not_overflow() -> None:
    assert Backoff().delay(10**6, rng=random.Random(1)) <= 300
