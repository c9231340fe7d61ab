"""`python -m timeclock` runs the same entry point as the `timeclock` command."""

import sys

from timeclock.cli import main

sys.exit(main())
