"""The ``timeclock`` command: stamping, listing and correcting entries from a terminal.

Every failure a person can meet ends as one line on stderr and a non-zero exit status
(2 for a command line that does not parse), never as a traceback.
"""

from timeclock.cli.run import main

__all__ = ["main"]
