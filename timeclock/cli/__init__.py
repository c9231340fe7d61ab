"""The ``timeclock`` command: stamping, listing and correcting entries from a terminal.

Every failure a person can meet ends as one line on stderr and a non-zero exit status
(2 for a command line that does not parse), never as a traceback.

This package's ``__init__`` is what the ``timeclock`` script imports before anything else,
so it imports nothing itself: the start is prepared (:mod:`timeclock.cli.start`) before the
rest of TimeClock is loaded.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

# The demo window's server (timeclock.cli.demo_server), checked before anything is imported.
DEMO_SERVER_ARGUMENT = "--serve-demo-for-window"


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``timeclock`` with ``argv`` (default: the program's own); the exit status.

    Without ``argv`` this is the program starting (the ``timeclock`` script, ``python -m
    timeclock``), which first prepares the process for a quick start; a caller that passes
    the arguments (a test) keeps its process as it is.
    """
    if argv is None:
        from timeclock.cli.start import prepare_process  # noqa: PLC0415

        prepare_process()
        if sys.argv[1:] == [DEMO_SERVER_ARGUMENT]:
            from timeclock.cli.demo_server import serve  # noqa: PLC0415

            return serve()
    from timeclock.cli.run import main as run  # noqa: PLC0415 - after prepare_process

    return run(argv)


__all__ = ["DEMO_SERVER_ARGUMENT", "main"]
