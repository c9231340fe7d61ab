"""The cycle collector paused around a start or a big parse, and back on afterwards."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from timeclock.domain.gc_pause import collection_paused, end_of_start, pause_for_start


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    """Each test starts with the collector on and nothing frozen, and leaves it so."""
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    end_of_start()
    gc.unfreeze()
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_no_collection_inside_the_block_and_again_after() -> None:
    with collection_paused():
        assert not gc.isenabled()
        before = gc.get_stats()[0]["collections"]
        garbage = [[] for _ in range(10 * gc.get_threshold()[0])]  # several thresholds' worth
        assert gc.get_stats()[0]["collections"] == before
        del garbage
    assert gc.isenabled()


def test_a_frozen_pause_leaves_what_it_made_to_no_later_collection() -> None:
    with collection_paused(freeze=True):
        kept = [[index] for index in range(1000)]

    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(kept)
    gc.collect()
    # Not in any generation a collection walks (the freeze count itself may fall meanwhile:
    # other threads free frozen objects of earlier tests).
    assert not _walked(kept)


def test_a_pause_can_decide_inside_the_block_to_freeze() -> None:
    with collection_paused() as small:
        unfrozen = [[index] for index in range(10)]
        small.freeze = len(unfrozen) >= 1000
    assert _walked(unfrozen) == len(unfrozen)

    with collection_paused() as big:
        kept = [[index] for index in range(1000)]
        big.freeze = len(kept) >= 1000
    assert not _walked(kept)


def _walked(objects: list[list[int]]) -> int:
    """How many of ``objects`` are in a generation the collector walks (not frozen)."""
    ids = {id(each) for each in objects}
    return sum(1 for generation in range(3) for o in gc.get_objects(generation) if id(o) in ids)


def test_a_plain_pause_freezes_nothing() -> None:
    with collection_paused():
        kept = [[index] for index in range(1000)]
    assert gc.get_freeze_count() == 0
    assert kept


def test_nested_and_overlapping_pauses_end_with_the_last() -> None:
    first_in = threading.Event()
    release_first = threading.Event()

    def parse_in_a_worker() -> None:
        with collection_paused():
            first_in.set()
            release_first.wait(5)

    worker = threading.Thread(target=parse_in_a_worker)
    worker.start()
    first_in.wait(5)
    with collection_paused():
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
        release_first.set()
        worker.join(5)
        assert not gc.isenabled()  # the worker's pause ended, this one has not
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with collection_paused():
        pass
    assert not gc.isenabled()


def test_the_start_pauses_until_its_end_and_freezes_what_it_made() -> None:
    pause_for_start()
    pause_for_start()  # once per process: a second call changes nothing
    made_during_start = [object() for _ in range(10)]
    with collection_paused():
        pass
    assert not gc.isenabled()  # a parse during the start does not end the start's pause

    end_of_start()

    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    assert made_during_start


def test_the_end_of_a_start_that_never_paused_changes_nothing() -> None:
    end_of_start()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    with collection_paused():
        pass
    assert gc.isenabled()
