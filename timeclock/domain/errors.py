"""The root of every error a person can meet, and what kind of trouble it is.

The command line prints such an error as one line and the window shows it as one message;
anything that is not a :class:`TimeClockError` is a bug and reported as one. So both derive
their lists of expected errors from this root, and a new error is expected (worded for a
person) by being made a subclass, in one place.
"""

from __future__ import annotations

import enum
from typing import ClassVar


class ErrorKind(enum.Enum):
    """What kind of trouble an error is, for whoever must act on it."""

    INPUT = "input"  # what was asked cannot be done as given (a time, a stamp, a value)
    SERVER = "server"  # TimeTrack refused, failed, or could not be reached
    SETUP = "setup"  # the account, the settings file, the keyring
    LOCAL = "local"  # this computer's own files (outbox, state, log)
    BUSY = "busy"  # another TimeClock on this computer is doing the same thing now


class TimeClockError(Exception):
    """Base of every error whose text is fit to show a person as it is."""

    kind: ClassVar[ErrorKind] = ErrorKind.INPUT
