"""What a ``timeclock`` process imports: only what the verb it runs needs (#9).

Each test starts the program as the ``timeclock`` script does (``main()`` reading
``sys.argv``) in a fresh interpreter, and reads which modules it had imported at exit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from timeclock.sandbox import SandboxServer

# The sandbox stack, the keyring, Qt, and what else a start must not pay for.
HEAVY = (
    "starlette",
    "uvicorn",
    "asyncio",
    "keyring",
    "PySide6",
    "importlib.metadata",
    "click",
    "rich",
)

_PROGRAM = """
import atexit, json, os, sys

def _report():
    with open(os.environ["IMPORTED_LIST"], "w", encoding="utf-8") as file:
        json.dump(sorted(sys.modules), file)

atexit.register(_report)
sys.argv = ["timeclock", *sys.argv[1:]]
from timeclock.cli import main
sys.exit(main())
"""


def _imported(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``timeclock ARGS`` as a program; its result and the modules it imported."""
    listing = tmp_path / "imported.json"
    result = subprocess.run(
        [sys.executable, "-c", _PROGRAM, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {}), "IMPORTED_LIST": str(listing)},
        check=False,
        stdin=subprocess.DEVNULL,
    )
    return result, set(json.loads(listing.read_text(encoding="utf-8")))


def _heavy(modules: set[str]) -> set[str]:
    return {name for name in HEAVY if name in modules}


def test_the_version_imports_nothing_heavy(tmp_path: Path) -> None:
    result, modules = _imported(tmp_path, "--version")

    assert result.stdout.startswith("timeclock ")
    assert _heavy(modules) == set()
    assert "timeclock.cli.commands" not in modules
    assert "timeclock.sandbox" not in modules


def test_status_with_the_account_from_the_environment_imports_no_sandbox_or_keyring(
    tmp_path: Path, server: SandboxServer
) -> None:
    env = {
        "TIMECLOCK_URL": server.base_url,
        "TIMECLOCK_USER": "hansm",
        "TIMECLOCK_API_KEY": server.api_key,
        "TIMECLOCK_API_SECRET": server.api_secret,
    }
    result, modules = _imported(tmp_path, "status", env=env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Not stamped in")
    assert _heavy(modules) == set()
    assert "timeclock.sandbox" not in modules
    assert "httpx" in modules  # it did talk to the server


def test_the_demo_imports_the_sandbox_but_not_the_keyring(tmp_path: Path) -> None:
    result, modules = _imported(tmp_path, "--demo", "status")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Not stamped in")
    assert {"starlette", "uvicorn", "timeclock.sandbox"} <= modules
    assert "keyring" not in modules


def test_the_sandbox_verb_s_help_still_lists_its_options(tmp_path: Path) -> None:
    result, modules = _imported(tmp_path, "sandbox", "--help")

    assert result.returncode == 0, result.stderr
    assert "--demo-data" in result.stdout
    assert "--fault-rate" in result.stdout
    assert "timeclock.sandbox.command" in modules


def test_the_sandbox_verb_s_options_are_checked(tmp_path: Path) -> None:
    result, _modules = _imported(tmp_path, "sandbox", "--port", "-1")

    assert result.returncode == 2
    assert result.stderr == (
        "timeclock sandbox: error: argument --port: not a port number: '-1' "
        "(see 'timeclock sandbox --help')\n"
    )
