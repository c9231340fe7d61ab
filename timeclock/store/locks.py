"""Locks across processes: a lock file next to a data file, locked by the operating system.

Two programs on one desk (the window and a ``timeclock`` command, or two commands started
at once) share the data folder. Where both could decide the same thing at the same moment
(deliver the same create, stamp in twice), one lock file lets one of them go at a time.
The operating system ends the lock with its holder, even when that is killed.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from timeclock.store.private import private_file

POLL_SECONDS = 0.02


class LockTimeoutError(TimeoutError):
    """Another program held the lock for longer than we could wait."""


class FileLock:
    """An exclusive lock on ``path`` (created on first use), for threads and processes;
    without a path, for the threads of this process only (what one process keeps in
    memory, no other can touch)."""

    def __init__(self, path: Path | str | None) -> None:
        self.path = None if path is None else Path(path)
        self._threads = threading.Lock()  # threads of this process first

    @contextmanager
    def held(self, wait: float = 0.0) -> Iterator[bool]:
        """Hold the lock; yields False when it could not be had within ``wait`` seconds."""
        deadline = time.monotonic() + wait
        acquired = self._threads.acquire(timeout=wait) if wait > 0 else self._threads.acquire(False)
        if not acquired:
            yield False
            return
        try:
            if self.path is None:
                yield True
                return
            # The folder is made private if it is new; an existing one is not touched (it
            # may be a shared one such as /tmp: its files are private on their own).
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with private_file(self.path, create=True).open("a+b") as handle:
                while not _try_lock(handle.fileno()):
                    if time.monotonic() >= deadline:
                        yield False
                        return
                    time.sleep(POLL_SECONDS)
                try:
                    yield True
                finally:
                    _unlock(handle.fileno())
        finally:
            self._threads.release()


def _try_lock(descriptor: int) -> bool:
    """Lock the file without waiting; False when someone else holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt  # noqa: PLC0415 - Windows only

            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl  # noqa: PLC0415 - POSIX only

            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(descriptor: int) -> None:
    if sys.platform == "win32":
        import msvcrt  # noqa: PLC0415 - Windows only

        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl  # noqa: PLC0415 - POSIX only

        fcntl.flock(descriptor, fcntl.LOCK_UN)
