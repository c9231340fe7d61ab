"""The server figure's CPU note: each server's CPU time per answer, read from ``/proc``."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.figures.throughput import _cpu_note, _cpu_seconds

HAS_PROC = Path(f"/proc/{os.getpid()}/stat").exists()


def test_a_processs_cpu_time_grows_while_it_works_where_proc_tells() -> None:
    before = _cpu_seconds(os.getpid())
    deadline = time.process_time() + 0.05
    while time.process_time() < deadline:
        pass
    after = _cpu_seconds(os.getpid())

    if not HAS_PROC:  # the note is left out there
        assert before is None and after is None
        return
    assert before is not None and after is not None
    assert after - before >= 0.03  # clock ticks are 10 ms; 50 ms of work shows


def test_a_process_that_is_gone_has_no_cpu_time() -> None:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )

    assert _cpu_seconds(int(child.stdout)) is None


def test_the_note_gives_both_medians_and_their_ratio() -> None:
    note = _cpu_note([400e-6, 500e-6, 450e-6], [360e-6, 400e-6])

    assert note == "server CPU per answer 450 µs, floor 380 µs (0.84x)"
    assert _cpu_note([], [1e-3]) == ""
