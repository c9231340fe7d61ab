"""Folders and files only this user may read: the data and config folders and what is in them.

Notes, entries and the account name are nobody else's business on a shared machine. The
folders are made 0700 and the files 0600; ones left more open by an earlier version are
tightened whenever they are opened. A file is created with its mode in the same step, so it
is never readable by others, not even for a moment. Windows has no such mode bits (its
folders in the user profile are private already), so there nothing is changed.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600

# The files SQLite keeps next to a database while it is open.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")

_POSIX = sys.platform != "win32"


def private_dir(path: Path, *, create: bool = True) -> Path:
    """Make ``path`` (and missing parents) if ``create``, and take group and other access away."""
    if create:
        path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    _tighten(path)
    return path


def private_file(path: Path, *, create: bool = False) -> Path:
    """Take group and other access away from ``path``; with ``create``, make it if missing.

    A new file gets its private mode from ``os.open``, so no other user can open it in
    the moment between its creation and a ``chmod``.
    """
    if create:
        # O_EXCL: a file that exists is never opened here. Closing any descriptor of a
        # file drops every POSIX lock this process holds on it, and SQLite keeps its
        # locks that way: opening and closing a database another connection of this
        # process uses would let other processes write into it at the same time.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, flags, FILE_MODE))
    _tighten(path)
    return path


def private_database(path: Path) -> Path:
    """Prepare an SQLite database file and its companions so that all of them are private.

    The folder becomes private, the database is created 0600 before SQLite opens it, and
    SQLite gives its -wal and -shm files the database's mode; companions an earlier
    version left readable are tightened as well.
    """
    private_dir(path.parent)
    private_file(path, create=True)
    for suffix in SQLITE_COMPANIONS:
        private_file(path.with_name(path.name + suffix))
    return path


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that only this user may read it, in one step.

    A temporary file beside ``path`` (0600 from its creation) takes the bytes and then
    replaces ``path``: a reader never sees half a file, nor another user the whole one. An
    ``OSError`` (no such folder, no permission, a full disk) leaves no temporary file behind.
    """
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _tighten(path)


def is_private_dir(path: Path) -> bool:
    """Whether ``path`` is a real folder (no symlink) of this user that no one else can use.

    Always True on Windows, which has no such mode bits.
    """
    if not _POSIX:
        return True
    try:
        status = path.lstat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(status.st_mode)
        and status.st_uid == os.getuid()
        and not stat.S_IMODE(status.st_mode) & 0o077
    )


def _tighten(path: Path) -> None:
    """Clear group and other bits (0755 becomes 0700, 0644 0600); a missing or foreign path is left.

    A folder this user does not own (a shared one chosen by ``TIMECLOCK_DATA_DIR``, say)
    cannot be changed; what TimeClock writes into it is still private on its own.
    """
    if not _POSIX:
        return
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current & 0o077:
            path.chmod(current & ~0o077)
    except (FileNotFoundError, PermissionError):
        return
