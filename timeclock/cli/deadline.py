"""How long a command may wait for TimeTrack: a deadline for the whole command.

Each request already ends within its own time (see :mod:`timeclock.api.deadline`), but a
command makes several (a stamp looks its shift up, then sends; a list pages), so the
command as a whole gets a moment it ends by too, and hands it to its client: a request
that would run past it is cut short, or not sent. A change a command queued stays in the
outbox then, and the command says so.

``TIMECLOCK_TIMEOUT`` (seconds, default 30) is the time of one request and of a whole
command; ``sync --wait S`` ends within S seconds plus a few for the delivery under way.
"""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Mapping
from typing import Final

from timeclock.api.client import DEFAULT_DEADLINE
from timeclock.cli.context import UsageError
from timeclock.cli.i18n import _

ENV_TIMEOUT: Final = "TIMECLOCK_TIMEOUT"
# What a delivery under way may take past the end of ``sync --wait``.
SYNC_GRACE: Final = 5.0


def request_seconds(environ: Mapping[str, str] = os.environ) -> float:
    """The time a request (and a command) may take: ``TIMECLOCK_TIMEOUT`` or 30 s."""
    text = environ.get(ENV_TIMEOUT, "").strip()
    if not text:
        return DEFAULT_DEADLINE
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise UsageError(
            _("{variable} must be a number of seconds above 0, not {text!r}").format(
                variable=ENV_TIMEOUT, text=text
            )
        )
    return seconds


def command_seconds(options: argparse.Namespace, seconds: float) -> float:
    """The time the command in ``options`` may take in all, given ``seconds`` a request."""
    wait = float(getattr(options, "wait", 0.0) or 0.0) if options.command == "sync" else 0.0
    return wait + min(seconds, SYNC_GRACE) if wait > 0 else seconds
