"""The code-quality gates run as part of the test suite, so one command checks everything.

ruff (lint and format), mypy (strict on domain and api, see pyproject.toml) and
import-linter (no Qt outside the GUI, layers flow one way, the sandbox independent of the
client) each run as the developer would run them; their output is the failure message.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    """The tool installed next to this Python (the test extras put it there)."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; install the package with its test extras")
    return found


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "."),
        ("ruff", "format", "--check", "."),
        ("mypy",),
        ("lint-imports",),
    ],
    ids=["ruff-check", "ruff-format", "mypy", "import-linter"],
)
@pytest.mark.timeout(300)
def test_quality_gate(command: tuple[str, ...]) -> None:
    result = subprocess.run(
        [_tool(command[0]), *command[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=290,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
