"""``python -m benchmarks --quick`` runs every figure and prints every row of the table.

It asserts that each figure was measured (samples, no failure), never how fast: the
figures themselves are for people to read (see the README's Performance section).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.children import REPO

ROWS = [
    "start to first list painted (--demo)",
    "start to the list asked for painted (--demo)",
    "reference: bare window with an HTTP client",
    "peak memory at start",
    "All users, 1k: click to sorted table painted",
    "All users, 1k: longest GUI stall (5 ms beat)",
    "All users, 1k: a paint beside a busy thread",
    "All users, 1k: memory added",
    "click Worked header to re-sort, 1k",
    "click End header as the list comes, 1k",
    "timeclock list --all-users --format json, 1k: time",
    "timeclock list --all-users --format json, 1k: peak memory",
    "sandbox GET of 50 entries",
    "requests per stamp in",
    "requests per stamp out",
    "requests per edit save",
    "SQLite connections opened per stamp in",
]


def run_benchmarks(*args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "benchmarks", *args],
        cwd=REPO,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.timeout(240)
def test_the_quick_run_measures_and_prints_every_figure(tmp_path: Path) -> None:
    raw = tmp_path / "samples.json"
    done = run_benchmarks("--quick", "--explain-stalls", "--json", str(raw), timeout=220)
    assert done.returncode == 0, done.stdout + done.stderr
    printed = done.stdout.splitlines()
    assert "PySide6" in printed[0] and "cores" in printed[0]
    assert "PYTHONDONTWRITEBYTECODE" in printed[1]
    for what in ROWS:
        assert any(f"  {what}  " in line for line in printed), what
    rows = json.loads(raw.read_text())["rows"]
    assert [row["what"] for row in rows] == ROWS
    for row in rows:
        assert row["error"] is None, row
        assert row["samples"], row
        # Every row is held against a goal of the issue, but for a reference (a second
        # floor, to read the goal's floor by).
        assert bool(row["goal"]) != row["what"].startswith("reference: "), row
    assert any("pyc " in note for row in rows for note in row["notes"])
    # --explain-stalls: what the window's thread and the floor's handled in the longest
    # stall, under the stall's row, in the table's printout and in the JSON.
    stall = next(row for row in rows if row["what"].startswith("All users, 1k: longest GUI"))
    for who, samples in (("TimeClock", stall["samples"]), ("floor", stall["floor"])):
        heading = f"{who}, longest stall of 1 run, {samples[0]:.0f} ms:"
        assert heading in stall["details"], stall["details"]
        assert f"  {heading}" in printed, printed
    assert any(line.startswith("  ") and " ms at +" in line for line in stall["details"])


def test_a_figure_can_be_chosen_and_a_bad_option_is_one_line() -> None:
    done = run_benchmarks("--only", "nonsense", timeout=30)
    assert done.returncode == 2
    assert "figures are start, all-users, list, server, requests" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_a_fuller_run_measures_every_size_with_spread(tmp_path: Path) -> None:
    raw = tmp_path / "samples.json"
    done = run_benchmarks(
        "--sizes", "1000,10000", "--repeats", "3", "--json", str(raw), "--markdown", timeout=1150
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = json.loads(raw.read_text())["rows"]
    sizes = {
        row["what"].split(",")[1].split(":")[0].strip() for row in rows if row["figure"] == "2"
    }
    assert sizes == {"1k", "10k"}
    for row in rows:
        assert row["error"] is None, row
        if row["figure"] in "1234":
            clicks = 2 if "re-sort" in row["what"] else 1  # two header clicks a window
            assert len(row["samples"]) == 3 * clicks, row
    assert "| # | what |" in done.stdout
