"""One request at a time on a thread of its own, while the caller works on the answer before.

A list of a year is a hundred pages. Asked for one after the other, the server's work on a
page and the client's on the page before it (reading a thousand entries) take turns, each
waiting for the other. Asked for as soon as it is known to be needed, the next page is
served while the page before is read: the request waits for the server on its own thread,
and a socket wait leaves Python's lock to the reading thread.

A request that is no longer wanted (the reading failed, or the caller stopped paging) is
ended at once through its own stop flag, which is also up whenever the client's is, and
waited for: no request outlives the ``with`` block.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Generic, Self, TypeVar

T = TypeVar("T")


class StopFlag(threading.Event):
    """A request's own stop flag, which also reads as set while ``outer`` (the client's
    flag, for :meth:`TimeTrackClient.stop`) is set."""

    def __init__(self, outer: threading.Event) -> None:
        super().__init__()
        self._outer = outer

    def is_set(self) -> bool:
        return self._outer.is_set() or super().is_set()


class Ahead(Generic[T]):
    """Runs ``call(stop_flag)`` on a thread of its own, one call at a time.

    :meth:`start` begins a call, :meth:`result` waits for it and returns what it returned
    (or raises what it raised). Leaving the ``with`` block stops a call still running (its
    stop flag is set) and waits for it to end.
    """

    def __init__(self, outer: threading.Event, name: str = "timeclock-ahead") -> None:
        self._outer = outer
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._running: tuple[Future[T], StopFlag] | None = None

    def start(self, call: Callable[[threading.Event], T]) -> None:
        """Begin ``call``; the one before must have been taken with :meth:`result`."""
        if self._running is not None:
            raise RuntimeError("a call is still running; take its result first")
        stop = StopFlag(self._outer)
        self._running = (self._pool.submit(call, stop), stop)

    def result(self) -> T:
        """What the running call returns (waiting for it), or the exception it raises."""
        if self._running is None:
            raise RuntimeError("no call was started")
        future, _ = self._running
        self._running = None
        return future.result()

    def close(self) -> None:
        """Stop the running call, if any, and wait until it and the thread have ended."""
        if self._running is not None:
            future, stop = self._running
            self._running = None
            stop.set()
            future.cancel()  # one that has not begun never will
        self._pool.shutdown(wait=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
