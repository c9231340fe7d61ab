"""``timeclock`` as a separate process, the way a person or a script starts it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping


def run_timeclock(
    *args: str, env: Mapping[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m timeclock ARGS`` with ``env`` (default: this process's environment),
    no standard input, and its output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "timeclock", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=dict(os.environ if env is None else env),
        check=False,
        stdin=subprocess.DEVNULL,
    )
