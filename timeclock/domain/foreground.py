"""Long work in worker threads that lets the window's thread go first.

CPython runs Python in one thread at a time. A PySide window needs the interpreter lock
for far more than our own code: every virtual call Qt makes on an object created from
Python (each widget's ``event``, ``paintEvent``, each ``rowCount`` and ``data`` of a model)
first takes the lock to look for a Python override. One paint of the list was a few thousand
such calls (a few hundred since the model answers a cell in one call). While a worker runs
Python, each of them waits up to the switch interval (5 ms) for the worker to hand the lock
over, and the worker takes it straight back: measured, a paint of the list took 0.5 to 0.8 s
while a list of 100,000 entries was being built.

So the window says when its thread is working (:func:`foreground_busy` as it handles an
event, :func:`foreground_idle` before its event loop sleeps, see :mod:`timeclock.gui.app`),
and long loops in workers pass :func:`pause_point` between slices (:func:`paced` does that
every :data:`SLICE` items): while the window works, the worker waits there with the lock
released, at most :data:`LONGEST_WAIT` at a time, so a window that never sleeps slows the
work down but never stops it. Without a window nothing is ever busy and a pause point costs one flag
check.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, islice, pairwise
from typing import Any, TypeVar

T = TypeVar("T")

SLICE = 512  # items between pause points: well under a millisecond of work
SORT_SLICE = 4096  # items sorted in one go (in C, holding the lock): a few milliseconds
_SAMPLES_PER_RUN = 32  # keys a sorted slice gives to find where the merge's steps end
LONGEST_WAIT = 0.05  # seconds a worker waits for a busy window before it goes on

_idle = threading.Event()
_idle.set()
_foreground: int | None = None  # the thread that must not wait on itself


def take_foreground() -> None:
    """The calling thread is the window's: it goes first from now on (and its own loops
    never wait at a pause point)."""
    global _foreground  # noqa: PLW0603 - one window thread per process
    _foreground = threading.get_ident()


def foreground_busy() -> None:
    """The window's thread is working: workers wait at their next pause point."""
    if _idle.is_set():  # called for every event the window handles: mostly a no-op
        _idle.clear()


def foreground_idle() -> None:
    """The window's thread waits for events: workers go on."""
    _idle.set()


def pause_point() -> None:
    """Wait here, with the interpreter lock released, while the window's thread works."""
    if not _idle.is_set() and threading.get_ident() != _foreground:
        _idle.wait(LONGEST_WAIT)


def paced(items: Iterable[T], every: int = SLICE) -> Iterator[T]:
    """The items of ``items``, with a :func:`pause_point` before each ``every`` of them.

    The items come through C (a chain of slices), not through a generator's frame one by
    one: a pass over 100,000 items costs 2 ms more than an unpaced one, not 5 ms (a new
    list of that size is paced through some 30 passes)."""
    iterator = iter(items)
    slices: Iterator[list[T]] = iter(lambda: list(islice(iterator, every)), [])
    return chain.from_iterable(map(_after_pause, slices))


def _after_pause(part: list[T]) -> list[T]:
    pause_point()
    return part


class Abandoned(Exception):  # noqa: N818 - not an error: the work is no longer wanted
    """Raised at a pause point of work whose ``stop`` says it is no longer wanted."""


def sorted_paced(
    items: Sequence[T], key: Callable[[T], Any], stop: Callable[[], bool] | None = None
) -> list[T]:
    """``sorted(items, key=key)`` (stable) in a worker, never holding the lock for long.

    One ``sorted`` runs in C and holds the interpreter lock throughout (30 to 250 ms for
    100,000 entries out of order, by the key). So slices of :data:`SORT_SLICE` are sorted
    one at a time, then merged all at once in steps of about as many items, each sorted in
    C (:func:`_merged`), with a pause point between steps. Slices that come out in order
    end to end (a list that was sorted already, the usual case) are just joined.

    ``stop`` is asked at each pause point: once it says yes, :class:`Abandoned` is raised
    (the order is no longer wanted, and something else waits for the worker).
    """

    def pause() -> None:
        pause_point()
        if stop is not None and stop():
            raise Abandoned

    if len(items) <= SORT_SLICE:
        return sorted(items, key=key)
    runs: list[list[T]] = []
    for start in range(0, len(items), SORT_SLICE):
        pause()
        runs.append(sorted(items[start : start + SORT_SLICE], key=key))
    if all(not key(after[0]) < key(before[-1]) for before, after in pairwise(runs)):
        return [item for run in runs for item in run]
    return _merged(runs, key, pause)


def _merged(runs: list[list[T]], key: Callable[[T], Any], pause: Callable[[], None]) -> list[T]:
    """Sorted runs as one, stable (an earlier run's items before a later run's equal ones).

    The keys of a regular sample of every run give bounds that cut the whole into steps
    of about :data:`SORT_SLICE` items (a step is larger only by keys that repeat). Each
    step takes from every run what sorts below its bound (found by bisection), and sorts
    just those in C: Timsort merges the runs' pieces in one pass. One pass over the items,
    not one per doubling of the runs as merging them two by two took (1.6 to 2.2 times as
    long at 100,000 rows, for the keys of every column).
    """
    total = sum(len(run) for run in runs)
    every = max(1, SORT_SLICE // _SAMPLES_PER_RUN)
    sample = sorted(key(run[at]) for run in runs for at in range(every - 1, len(run), every))
    steps = -(-total // SORT_SLICE)
    bounds: list[Any] = []
    for step in range(1, steps):
        bound = sample[len(sample) * step // steps]
        if not bounds or bounds[-1] < bound:  # a key that repeats: one step for all of it
            bounds.append(bound)
    starts = [0] * len(runs)
    merged: list[T] = []
    for bound in [*bounds, None]:  # None: the rest
        pause()
        part: list[T] = []
        for index, run in enumerate(runs):
            end = len(run) if bound is None else bisect_left(run, bound, starts[index], key=key)
            part += run[starts[index] : end]
            starts[index] = end
        merged += sorted(part, key=key)
    return merged
