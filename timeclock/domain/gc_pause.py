"""Keeping Python's cycle collector out of the way while many objects are made at once.

The collector runs after every 700 new container objects, and each third run of a
generation runs the next: a start (thousands of classes and functions) or a parse of
100,000 entries (millions of objects, no cycles among them) triggers full collections that
walk every live object while holding the GIL, 60 to 105 ms each, long enough to stall the
window. Pausing the collector for such a stretch loses nothing (reference counting still
frees everything that is not a cycle), and freezing what a start made keeps those objects
out of every later collection.

The collector is one per process: pauses from several threads nest, and it runs again once
the last one ends (if it ran before the first began).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

# Lists of this many entries (and what is made of them) are kept out of the collector's
# walks once they are made: a walk of 100,000 entries takes 60 to 150 ms, and even the
# youngest generation's first walk after a pause, 15 ms for the table of such a list.
FREEZE_FROM = 20_000

_lock = threading.Lock()
_holds = 0
_enabled_before = False
_start_held = False


@dataclass(slots=True)
class Pause:
    """A pause of the collector; set :attr:`freeze` inside the block to freeze at its end."""

    freeze: bool = False


@contextmanager
def collection_paused(*, freeze: bool = False) -> Iterator[Pause]:
    """No automatic collection during the ``with`` block (e.g. around a big parse).

    A pause alone only postpones the work: the first collections afterwards walk every
    object made during the block (measured: 60 to 150 ms, three times over as the objects
    age, after listing 100,000 entries; each holds the GIL and so stalls the window). With
    ``freeze`` (or :attr:`Pause.freeze` set inside the block, once the size of what was
    made is known) what is alive at the end of the block is frozen first (at no cost), so
    no collection walks it again. The price: cycles that were garbage by then, here or in
    other threads, are frozen too and never collected; so only for blocks that make many
    objects that live on (a long list the window keeps).
    """
    pause = Pause(freeze)
    _hold()
    try:
        yield pause
    finally:
        if pause.freeze:
            gc.freeze()
        _release()


def pause_for_start() -> None:
    """No automatic collection until :func:`end_of_start` (once per process)."""
    global _start_held  # noqa: PLW0603 - one start per process
    with _lock:
        if _start_held:
            return
        _start_held = True
    _hold()


def end_of_start() -> None:
    """The start is done: freeze what it made, and collect again (if it was paused).

    Idempotent, and harmless without :func:`pause_for_start` (e.g. in a test).
    """
    global _start_held  # noqa: PLW0603 - one start per process
    with _lock:
        if not _start_held:
            return
        _start_held = False
    gc.freeze()  # modules, classes, the window: alive until the end, never garbage
    _release()


def _hold() -> None:
    global _holds, _enabled_before  # noqa: PLW0603 - the collector is process-wide too
    with _lock:
        if _holds == 0:
            _enabled_before = gc.isenabled()
            gc.disable()
        _holds += 1


def _release() -> None:
    global _holds  # noqa: PLW0603 - the collector is process-wide too
    with _lock:
        _holds -= 1
        if _holds == 0 and _enabled_before:
            gc.enable()
