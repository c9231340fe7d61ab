"""A settings file that cannot be read, or is from a newer TimeClock, as the command sees it.

With account, user, key and secret all in the environment the settings file is not needed,
so a broken one does not stop the command; otherwise the command ends with one line naming
the file and what is wrong. Neither case touches the file.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import USER, Run
from tests.commands import run_timeclock
from timeclock.sandbox import SandboxServer
from timeclock.store.secrets import load_credentials
from timeclock.store.settings import SETTINGS_VERSION, settings_path

BROKEN = b'{"account": "testkonto", "user": '  # cut off mid-write by something else


def _timeclock(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_timeclock(*args, env={**os.environ, "TZ": "Europe/Berlin", **(env or {})})


def _settings_file(content: bytes) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def _environment(server: SandboxServer) -> dict[str, str]:
    return {
        "TIMECLOCK_URL": server.base_url,
        "TIMECLOCK_USER": USER,
        "TIMECLOCK_API_KEY": server.api_key,
        "TIMECLOCK_API_SECRET": server.api_secret,
    }


def test_everything_in_the_environment_runs_despite_a_broken_file(server: SandboxServer) -> None:
    path = _settings_file(BROKEN)

    result = _timeclock("status", env=_environment(server))

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") <= 1
    assert result.stdout.strip()
    assert path.read_bytes() == BROKEN


def test_without_the_environment_a_broken_file_is_one_line_naming_it() -> None:
    path = _settings_file(BROKEN)

    result = _timeclock("status")

    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"timeclock: error: cannot read the settings file {path}: ")
    assert "fix or remove the file, or set TIMECLOCK_URL and TIMECLOCK_USER" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == BROKEN


def test_a_file_that_is_not_an_object_is_one_line_too() -> None:
    path = _settings_file(b'["testkonto"]')

    result = _timeclock("list", env={"TIMECLOCK_API_KEY": "k", "TIMECLOCK_API_SECRET": "s"})

    assert result.returncode == 1
    assert result.stderr == (
        f"timeclock: error: the settings file {path} is not a JSON object; fix or remove the "
        "file, or set TIMECLOCK_URL and TIMECLOCK_USER\n"
    )


def test_a_newer_file_gives_account_and_user_it_shares_with_this_version(
    server: SandboxServer,
) -> None:
    newer = {
        "version": SETTINGS_VERSION + 1,
        "account": server.base_url,
        "user": USER,
        "profiles": {"evening": {"user": "ivan"}},
    }
    path = _settings_file(json.dumps(newer).encode())
    env = _environment(server)
    del env["TIMECLOCK_URL"], env["TIMECLOCK_USER"]

    result = _timeclock("stamp", "in", env=env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Stamped in at ")
    assert [entry.user for entry in server.store.all()] == [USER]
    assert json.loads(path.read_bytes()) == newer


def test_login_does_not_overwrite_a_newer_file(
    server: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    newer = json.dumps({"version": SETTINGS_VERSION + 1, "account": "other", "user": "ivan"})
    path = _settings_file(newer.encode())
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{server.api_key}\n{server.api_secret}\n"))

    result = run("login", "--no-check", "--url", server.base_url, "--user", USER)

    assert result.status == 1
    assert result.err.count("\n") == 1
    assert result.err.startswith(
        f"timeclock: error: the settings file {path} is from a newer TimeClock"
    )
    assert path.read_text(encoding="utf-8") == newer
    assert load_credentials(server.base_url) is None  # nothing stored half-way
