"""A reader that stops reading early (``timeclock list | head``) ends ``timeclock`` quietly.

Real processes and real pipes: the exit status is 141 (what a shell reports for a program
that SIGPIPE ended, so ``set -o pipefail`` sees the output cut short as it does for
``cat`` or ``grep``), and nothing at all is said on stderr.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from timeclock.cli.context import EXIT_BROKEN_PIPE
from timeclock.services.demo import demo_account


@pytest.fixture(autouse=True)
def demo_made() -> None:
    """The demo's data made beforehand: its first command would say where it lives."""
    with demo_account():
        pass


def _closed_at_once(*args: str) -> subprocess.CompletedProcess[str]:
    """``timeclock ARGS`` whose standard output's reader closed it before reading a byte."""
    process = subprocess.Popen(
        [sys.executable, "-m", "timeclock", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    with process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # long before the interpreter has started: the reader is gone
        err = process.stderr.read()
        status = process.wait(timeout=60)
    return subprocess.CompletedProcess(process.args, status, "", err)


def test_a_list_piped_into_head_ends_quietly() -> None:
    """More JSON than a pipe holds (about 100 kB), read by ``head -n 1`` in a shell."""
    first = (date.today() - timedelta(days=80)).isoformat()
    script = (
        f'"{sys.executable}" -m timeclock --demo list --all-users --from {first} --format json'
        ' | head -n 1; echo "status ${PIPESTATUS[0]}" >&2'
    )
    result = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, timeout=60, check=False
    )

    assert result.stdout == "[\n"
    # only the shell's own line: no "unexpected BrokenPipeError", no traceback
    assert result.stderr.splitlines()[-1] == f"status {EXIT_BROKEN_PIPE}"
    assert "timeclock" not in result.stderr.replace(sys.executable, "")


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("list", "--format", "json"),
        ("list", "--format", "csv"),
        ("check", "--all-users"),
        ("journal",),
        ("status",),
    ],
    ids=" ".join,
)
def test_a_closed_output_ends_the_command_quietly(args: tuple[str, ...]) -> None:
    result = _closed_at_once("--demo", *args)

    assert (result.returncode, result.stderr) == (EXIT_BROKEN_PIPE, "")


def test_a_report_that_cannot_say_what_it_wrote_ends_quietly(tmp_path: Path) -> None:
    """The file is written; only the line telling so has no reader."""
    output = tmp_path / "report.csv"
    month = (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    result = _closed_at_once(
        "--demo", "report", "--month", month, "--format", "csv", "--output", str(output)
    )

    assert (result.returncode, result.stderr) == (EXIT_BROKEN_PIPE, "")
    assert output.stat().st_size > 0
