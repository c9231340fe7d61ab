"""The log file: what TimeClock did, to find out afterwards why something went wrong.

``timeclock.log`` in the data folder, shared by the command line and the window (each line
names the process), rotated at about 1 MB with three old files kept, so it never grows
without bound. Several programs may write it at once: they rotate it in turn, under a lock
file (:mod:`timeclock.store.shared_log`). Like everything in the data folder it is private
(0600), the new file after each rotation too. INFO by default; ``--verbose`` makes it DEBUG.

The API key and secret never reach it: whoever loads credentials registers them with
:func:`register_secret`, and a filter on the handler replaces them with ``<hidden>`` in
every record, message, arguments, exception and stack alike.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from timeclock.store.paths import data_dir
from timeclock.store.private import private_dir
from timeclock.store.shared_log import SharedRotatingFileHandler

LOG_NAME = "timeclock.log"
LOCK_NAME = "timeclock-log.lock"  # not timeclock.log.*: that is what the old files are called
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
HIDDEN = "<hidden>"
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S%z"
# httpx and httpcore log every request's steps at DEBUG; even with --verbose they stay quiet.
QUIET_LOGGERS = ("httpx", "httpcore")

_secrets: tuple[str, ...] = ()  # longest first, so a secret inside another is never half-hidden
_secrets_lock = threading.Lock()
_handler: logging.Handler | None = None
_path: Path | None = None


def register_secret(text: str) -> None:
    """From now on, replace ``text`` with ``<hidden>`` wherever it would be logged."""
    global _secrets  # noqa: PLW0603 - one list for every thread, replaced whole
    text = text.strip()  # as Credentials keeps them
    if not text:
        return
    with _secrets_lock:
        if text not in _secrets:
            _secrets = tuple(sorted({*_secrets, text}, key=len, reverse=True))


def hide_secrets(text: str) -> str:
    """``text`` with every registered secret replaced."""
    for secret in _secrets:
        text = text.replace(secret, HIDDEN)
    return text


class SecretFilter(logging.Filter):
    """Replaces the registered secrets in a record before any handler after it sees it.

    The record is changed in place (its message is formatted once, with its arguments), so
    a handler that comes later never gets the secret either.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if not _secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - arguments that do not fit the message
            message = f"{record.msg} {record.args!r}"
        record.msg, record.args = hide_secrets(str(message)), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = hide_secrets(record.exc_text)
        record.exc_info = None  # the text above is what is written; no raw traceback again
        if record.stack_info:
            record.stack_info = hide_secrets(record.stack_info)
        return True


def log_path(folder: Path | None = None) -> Path:
    """Where the log file is."""
    return (folder or data_dir()) / LOG_NAME


def open_log(*, verbose: bool = False, folder: Path | None = None) -> Path | None:
    """Log to the file from now on (replacing an earlier :func:`open_log`); its path.

    A folder that cannot be written is no reason to stop: then nothing is logged to a file
    and None is returned.
    """
    close_log()
    level = logging.DEBUG if verbose else logging.INFO
    root = logging.getLogger()
    if root.getEffectiveLevel() > level:
        root.setLevel(level)  # lowered only: the file's own level is on its handler
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    path = log_path(folder)
    try:
        private_dir(path.parent)
        handler = SharedRotatingFileHandler(
            path,
            max_bytes=MAX_BYTES,
            backup_count=BACKUP_COUNT,
            lock_path=path.with_name(LOCK_NAME),
        )
    except OSError as error:
        logging.getLogger(__name__).debug("no log file at %s: %s", path, error)
        # Some handler keeps logging's last resort from printing warnings on stderr.
        _attach(logging.NullHandler(), None)
        return None
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(FORMAT, DATE_FORMAT))
    handler.addFilter(SecretFilter())
    _attach(handler, path)
    return path


def current_log() -> Path | None:
    """The file logged to now, if any."""
    return _path


def close_log() -> None:
    """Stop logging to the file (at the end of a run; tests open a new one per run)."""
    global _handler, _path  # the one file handler of this process
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
    _handler, _path = None, None


def _attach(handler: logging.Handler, path: Path | None) -> None:
    global _handler, _path  # the one file handler of this process
    _handler, _path = handler, path
    logging.getLogger().addHandler(handler)
