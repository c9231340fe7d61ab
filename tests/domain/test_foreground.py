"""Workers' long loops wait while the window's thread works, and only then."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

import pytest

from timeclock.domain import foreground
from timeclock.domain.foreground import (
    Abandoned,
    foreground_busy,
    foreground_idle,
    paced,
    pause_point,
    sorted_paced,
    take_foreground,
)


@pytest.fixture(autouse=True)
def idle_after() -> Iterator[None]:
    yield
    foreground_idle()


def _in_worker(work: object) -> float:
    """Seconds ``work()`` took in another thread."""
    took: list[float] = []

    def run() -> None:
        started = time.monotonic()
        work()  # type: ignore[operator]
        took.append(time.monotonic() - started)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(5)
    return took[0]


def test_a_pause_point_costs_nothing_while_the_window_is_idle() -> None:
    foreground_idle()
    assert _in_worker(lambda: [pause_point() for _ in range(10_000)]) < 0.5


def test_a_worker_waits_at_a_pause_point_until_the_window_is_idle() -> None:
    foreground_busy()
    idle_at: list[float] = []

    def idle() -> None:
        idle_at.append(time.monotonic())
        foreground_idle()

    threading.Timer(0.02, idle).start()
    returned_at: list[float] = []
    _in_worker(lambda: (pause_point(), returned_at.append(time.monotonic())))

    assert idle_at, "the worker went on while the window was still busy"
    assert idle_at[0] <= returned_at[0] < idle_at[0] + 0.5


def test_a_window_that_never_sleeps_slows_a_worker_down_but_never_stops_it() -> None:
    foreground_busy()
    took = _in_worker(lambda: [pause_point() for _ in range(3)])
    assert 3 * foreground.LONGEST_WAIT * 0.9 <= took < 3 * foreground.LONGEST_WAIT + 1


def test_the_window_thread_never_waits_on_itself() -> None:
    before = foreground._foreground  # a window test of this process may have set it
    take_foreground()
    try:
        foreground_busy()
        started = time.monotonic()
        for _ in range(5):
            pause_point()
        assert time.monotonic() - started < foreground.LONGEST_WAIT
    finally:
        foreground._foreground = before


def test_paced_gives_every_item_once_in_order_with_a_pause_point_per_slice() -> None:
    calls: list[int] = []
    real = foreground.pause_point
    items = list(range(10))
    foreground.pause_point = lambda: calls.append(1)  # type: ignore[assignment]
    try:
        assert list(paced(items, every=4)) == items
    finally:
        foreground.pause_point = real
    assert len(calls) == 3  # before items 0, 4 and 8
    assert list(paced([])) == []


@pytest.mark.parametrize("order", ["shuffled", "sorted", "reversed", "few keys"])
def test_a_paced_sort_is_sorted_and_stable(order: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(foreground, "SORT_SLICE", 7)
    rng = random.Random(3)
    keys = [rng.randrange(1000) for _ in range(200)]
    if order == "sorted":
        keys.sort()
    elif order == "reversed":
        keys.sort(reverse=True)
    elif order == "few keys":
        keys = [key % 3 for key in keys]
    items = list(enumerate(keys))  # (position, key): equal keys must keep their positions

    assert sorted_paced(items, key=lambda item: item[1]) == sorted(items, key=lambda i: i[1])


def test_a_paced_sort_of_a_sorted_list_joins_its_slices_without_merging(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(foreground, "SORT_SLICE", 10)
    merged: list[object] = []
    monkeypatch.setattr(foreground, "_merged", lambda *a: merged.append(a) or [])
    items = list(range(100))

    assert sorted_paced(items, key=lambda item: item) == items
    assert merged == []


@pytest.mark.parametrize("order", ["shuffled", "sorted"])
def test_a_paced_sort_stops_at_a_pause_point_once_it_is_no_longer_wanted(
    order: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(foreground, "SORT_SLICE", 10)
    items = list(range(100)) if order == "sorted" else list(range(100, 0, -1))
    asked: list[int] = []

    def stop() -> bool:
        asked.append(len(asked))
        return len(asked) > 3  # wanted for three slices, then not

    with pytest.raises(Abandoned):
        sorted_paced(items, key=lambda item: item, stop=stop)
    assert len(asked) == 4  # stopped at the first pause point after it was told
    # Never told: the sort is whole.
    assert sorted_paced(items, key=lambda item: item, stop=lambda: False) == sorted(items)


def test_a_paced_sort_stops_while_it_merges_once_it_is_no_longer_wanted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(foreground, "SORT_SLICE", 10)
    items = list(range(100, 0, -1))  # 10 slices, then merges
    asked: list[int] = []

    def stop() -> bool:
        asked.append(len(asked))
        return len(asked) > 12  # wanted for the slices and two merge steps, then not

    with pytest.raises(Abandoned):
        sorted_paced(items, key=lambda item: item, stop=stop)
    assert len(asked) == 13


@pytest.mark.parametrize("seed", range(20))
def test_a_paced_sort_merges_runs_of_any_lengths_and_ties_stably(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Runs merged in steps, ties across the steps and keys that fill several."""
    rng = random.Random(seed)
    monkeypatch.setattr(foreground, "SORT_SLICE", rng.choice([2, 3, 5, 8]))
    keys = [rng.randrange(rng.choice([2, 5, 50])) for _ in range(rng.randrange(9, 120))]
    items = list(enumerate(keys))

    assert sorted_paced(items, key=lambda item: item[1]) == sorted(items, key=lambda i: i[1])


@pytest.mark.parametrize("keys", ["distinct", "few"])
def test_a_paced_sort_holds_the_lock_for_about_a_slice_at_a_time(
    keys: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between two pause points it sorts about one slice's items, however many there are
    (keys that repeat may gather in one step: it then merges pieces already in order)."""
    monkeypatch.setattr(foreground, "SORT_SLICE", 512)
    rng = random.Random(5)
    values = [rng.random() if keys == "distinct" else rng.randrange(40) for _ in range(8000)]
    calls = 0

    def key(item: int) -> float:
        nonlocal calls
        calls += 1
        return values[item]

    at_pauses: list[int] = []

    def stop() -> bool:
        at_pauses.append(calls)
        return False

    items = list(range(len(values)))
    assert sorted_paced(items, key=key, stop=stop) == sorted(items, key=values.__getitem__)
    at_pauses.append(calls)
    between = [after - before for before, after in pairwise(at_pauses)]
    # A step: its items keyed once (about a slice's, or all of a key that repeats), plus
    # a bisection of each of the 16 slices (10 keys each).
    largest = 512 if keys == "distinct" else max(Counter(values).values())
    assert max(between) <= 2 * largest + 512 + 10 * 16
    assert len(between) < 3 * 8000 // 512  # the slices, and one pass of steps
