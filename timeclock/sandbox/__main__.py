"""`python -m timeclock.sandbox` runs the same server as `timeclock sandbox`."""

import sys

from timeclock.sandbox.command import run_sandbox_command

sys.exit(run_sandbox_command())
