"""A server that pages for ever: ``timeclock`` stops in bounded time and memory, in one line.

The sandbox's ``endless_pages`` quirk answers every list request with a full page of
entries never sent before, all matching the filter, so paging "until a short page" never
ends. ``timeclock`` runs as a separate process; its peak memory (``VmHWM``) is written to a
file as it exits, so the measure is the process's own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import USER
from timeclock.sandbox import SandboxServer, ServerQuirks

MEMORY_LIMIT_KB = 300 * 1024  # without the cap it grows by some 700 MB a minute
TIME_LIMIT = 60.0  # the cap of 200,000 entries comes after about 10 s here

# The peak is VmHWM of /proc/self/status, which belongs to the process's own memory since
# its exec. (ru_maxrss would not do: Linux keeps it across exec, so a child forked from a
# pytest process grown to 400 MB would report those 400 MB as its own.)
_MEASURED = (
    "import atexit, runpy, sys\n"
    "PEAK_FILE = sys.argv[1]\n"
    "def _peak_kb():\n"
    "    with open('/proc/self/status') as status:\n"
    "        for line in status:\n"
    "            if line.startswith('VmHWM:'):\n"
    "                return int(line.split()[1])\n"
    "    raise RuntimeError('no VmHWM')\n"
    "def _write():\n"
    "    with open(PEAK_FILE, 'w') as out:\n"
    "        out.write(str(_peak_kb()))\n"
    "atexit.register(_write)\n"
    "sys.argv = ['timeclock', *sys.argv[2:]]\n"
    "runpy.run_module('timeclock', run_name='__main__')\n"
)


def measured(
    server: SandboxServer, tmp_path: Path, *args: str
) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """Run ``timeclock ARGS``; the result, the seconds it took and its peak RSS in kB."""
    env = {
        **os.environ,
        "TIMECLOCK_URL": server.base_url,
        "TIMECLOCK_USER": USER,
        "TIMECLOCK_API_KEY": server.api_key,
        "TIMECLOCK_API_SECRET": server.api_secret,
        "TZ": "Europe/Berlin",
    }
    env.pop("TIMECLOCK_TIMEOUT", None)
    peak_file = tmp_path / "peak-rss"
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, str(peak_file), *args],
        capture_output=True,
        text=True,
        timeout=100,
        env=env,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    return result, time.monotonic() - started, int(peak_file.read_text())


@pytest.fixture
def endless(make_server: Callable[..., SandboxServer]) -> SandboxServer:
    return make_server(quirks=ServerQuirks(endless_pages=True))


def _stopped(message: str) -> bool:
    """Whether ``message`` is one of the two ways the endless list may be stopped: by the
    cap of entries, or (on a very slow machine) by the command's 30 s."""
    return message.startswith("TimeTrack kept sending pages; stopped after 200,000 entries.") or (
        "did not answer within" in message
    )


def test_list_against_endless_pages_is_one_line_in_bounded_time_and_memory(
    endless: SandboxServer, tmp_path: Path
) -> None:
    result, took, peak_kb = measured(endless, tmp_path, "list")

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("timeclock: error: ")
    assert _stopped(result.stderr.removeprefix("timeclock: error: "))
    assert took < TIME_LIMIT
    assert peak_kb < MEMORY_LIMIT_KB, f"peak RSS {peak_kb / 1024:.0f} MB"


def test_status_against_endless_pages_ends_in_bounded_time_and_memory(
    endless: SandboxServer, tmp_path: Path
) -> None:
    # The status goes on with what this desk knows when the server's answer is garbled
    # (as when it cannot be reached), and says why.
    result, took, peak_kb = measured(endless, tmp_path, "status")

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    first_line = result.stdout.splitlines()[0]
    assert first_line.startswith("Offline (")
    assert _stopped(first_line.removeprefix("Offline ("))
    assert "Not stamped in." in result.stdout
    assert took < TIME_LIMIT
    assert peak_kb < MEMORY_LIMIT_KB, f"peak RSS {peak_kb / 1024:.0f} MB"
