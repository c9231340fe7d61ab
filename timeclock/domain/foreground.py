"""Long work in worker threads that lets the window's thread go first.

CPython runs Python in one thread at a time. A PySide window needs the interpreter lock
for far more than our own code: every virtual call Qt makes on an object created from
Python (each widget's ``event``, ``paintEvent``, each ``rowCount`` and ``data`` of a model)
first takes the lock to look for a Python override. One paint of the list is a few thousand
such calls. While a worker runs Python, each of them waits up to the switch interval (5 ms)
for the worker to hand the lock over, and the worker takes it straight back: measured, a
paint of the list took 0.5 to 0.8 s while a list of 100,000 entries was being built.

So the window says when its thread is working (:func:`foreground_busy` as it handles an
event, :func:`foreground_idle` before its event loop sleeps, see :mod:`timeclock.gui.app`),
and long loops in workers pass :func:`pause_point` between slices (:func:`paced` does that
every :data:`SLICE` items): while the window works, the worker waits there with the lock
released, at most :data:`LONGEST_WAIT` at a time, so a window that never sleeps slows the
work down but never stops it. Without a window nothing is ever busy and a pause point costs one flag
check.
"""

from __future__ import annotations

import heapq
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice, pairwise
from typing import Any, TypeVar

T = TypeVar("T")

SLICE = 512  # items between pause points: well under a millisecond of work
SORT_SLICE = 4096  # items sorted in one go (in C, holding the lock): a few milliseconds
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
    """The items of ``items``, with a :func:`pause_point` before each ``every`` of them."""
    iterator = iter(items)
    while part := list(islice(iterator, every)):
        pause_point()
        yield from part


class Abandoned(Exception):  # noqa: N818 - not an error: the work is no longer wanted
    """Raised at a pause point of work whose ``stop`` says it is no longer wanted."""


def sorted_paced(
    items: Sequence[T], key: Callable[[T], Any], stop: Callable[[], bool] | None = None
) -> list[T]:
    """``sorted(items, key=key)`` (stable) in a worker, never holding the lock for long.

    One ``sorted`` runs in C and holds the interpreter lock throughout (a quarter of a
    second for 100,000 entries out of order). So slices of :data:`SORT_SLICE` are sorted
    one at a time and merged in Python with pause points; slices that come out in order
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
    slices: list[list[T]] = []
    for start in range(0, len(items), SORT_SLICE):
        pause()
        slices.append(sorted(items[start : start + SORT_SLICE], key=key))
    if all(not key(after[0]) < key(before[-1]) for before, after in pairwise(slices)):
        return [item for part in slices for item in part]
    merged, result = heapq.merge(*slices, key=key), []
    while part := list(islice(merged, SLICE)):
        result.extend(part)
        pause()
    return result
