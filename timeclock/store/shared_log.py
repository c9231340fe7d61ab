"""A rotating log file that several programs write at once: the window and ``timeclock`` commands.

Python's ``RotatingFileHandler`` assumes it is the file's only writer. With two processes,
both can find the file full at the same moment and both rotate it (the second rotation
pushes a nearly empty file into the backups and one more old file falls off the end), and
a process that did not rotate keeps writing into the file the other one renamed to
``.1``, past its size and out of order.

:class:`SharedRotatingFileHandler` writes each record under a lock file shared by all
processes (:class:`~timeclock.store.locks.FileLock`). Under the lock it first checks that
the file it has open is still the one at the log's path (another process may have rotated
it: then it opens the new file), then rotates if the record would not fit, then writes
and flushes. So exactly one process rotates a full file, and every line lands in the
current file. Every file it creates is private (0600).
"""

from __future__ import annotations

import logging
import os
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path

from timeclock.store.locks import FileLock
from timeclock.store.private import private_file

# How long one record waits for another process's write; a write takes microseconds, so
# this is reached only when a holder hangs. Then the line is written without rotating
# (a file a little too long is better than a line lost).
LOCK_WAIT_SECONDS = 2.0


class SharedRotatingFileHandler(RotatingFileHandler):
    """Rotates ``path`` at ``max_bytes`` keeping ``backup_count`` old files, safely when
    other processes log to the same file with the same ``lock_path``."""

    def __init__(self, path: Path, *, max_bytes: int, backup_count: int, lock_path: Path) -> None:
        self._file_lock = FileLock(lock_path)
        super().__init__(path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8")

    def _open(self) -> TextIOWrapper:
        private_file(Path(self.baseFilename), create=True)
        return super()._open()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            with self._file_lock.held(wait=LOCK_WAIT_SECONDS) as held:
                self._follow_rotation()
                if held and self.shouldRollover(record):
                    self.doRollover()
                logging.FileHandler.emit(self, record)  # writes and flushes
        except Exception:  # noqa: BLE001 - as logging does: a log line never stops the program
            self.handleError(record)

    def _follow_rotation(self) -> None:
        """Open the file at the log's path if the one open is no longer there (another
        process rotated it, or it was removed)."""
        if self.stream is None:
            return
        try:
            at_path = os.stat(self.baseFilename)  # noqa: PTH116 - compared with os.fstat
        except FileNotFoundError:
            at_path = None
        open_now = os.fstat(self.stream.fileno())
        if at_path is None or (at_path.st_dev, at_path.st_ino) != (
            open_now.st_dev,
            open_now.st_ino,
        ):
            self.stream.close()
            self.stream = self._open()
