"""The bundle's entry point: what the ``timeclock`` console script runs."""

import sys

from timeclock.cli import main

if __name__ == "__main__":
    sys.exit(main())
