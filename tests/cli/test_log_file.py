"""The log file as ``timeclock`` writes it in a real process: what, how much, never secrets."""

from __future__ import annotations

import os
import stat
import subprocess

import pytest

from tests.cli.conftest import USER, Run
from tests.commands import run_timeclock
from timeclock import __version__
from timeclock.cli.commands import COMMANDS
from timeclock.sandbox import SandboxServer
from timeclock.store.logfile import LOG_NAME, MAX_BYTES, log_path


def _timeclock(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_timeclock(*args, env={**os.environ, "TZ": "Europe/Berlin", **(env or {})})


def _environment(server: SandboxServer, secret: str | None = None) -> dict[str, str]:
    return {
        "TIMECLOCK_URL": server.base_url,
        "TIMECLOCK_USER": USER,
        "TIMECLOCK_API_KEY": server.api_key,
        "TIMECLOCK_API_SECRET": secret or server.api_secret,
    }


def _assert_no_secret(server: SandboxServer, *texts: str) -> None:
    for text in texts:
        assert server.api_key not in text
        assert server.api_secret not in text


def test_verbose_writes_debug_lines_and_never_the_key_or_secret(server: SandboxServer) -> None:
    result = _timeclock("--verbose", "stamp", "in", env=_environment(server))
    assert result.returncode == 0, result.stderr

    path = log_path()
    text = path.read_text(encoding="utf-8")
    assert f": timeclock {__version__}: stamp\n" in text
    assert " DEBUG timeclock.api.client " in text  # every request, with its status
    assert "/attendances" in text
    assert text.rstrip().endswith("done, exit status 0")
    _assert_no_secret(server, text, result.stdout, result.stderr)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_without_verbose_the_file_gets_info_only(server: SandboxServer) -> None:
    result = _timeclock("status", env=_environment(server))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # the log goes to the file, not the terminal

    text = log_path().read_text(encoding="utf-8")
    assert ": timeclock " in text and ": done, exit status 0" in text
    assert " DEBUG " not in text


def test_a_failure_is_logged_with_its_reason_and_not_the_wrong_secret(
    server: SandboxServer,
) -> None:
    wrong = "wr0ng-" + server.api_secret[::-1]
    result = _timeclock("--verbose", "list", env=_environment(server, wrong))
    assert result.returncode == 1

    text = log_path().read_text(encoding="utf-8")
    assert " WARNING timeclock.cli.run " in text
    assert "failed: TimeTrack rejected the API key or secret" in text
    assert wrong not in text
    _assert_no_secret(server, text)


def test_a_full_log_file_rotates_and_the_new_one_is_private(server: SandboxServer) -> None:
    path = log_path()
    path.parent.mkdir(parents=True, mode=0o700)
    path.write_text("old line\n" * (MAX_BYTES // 9), encoding="utf-8")  # almost full
    path.chmod(0o600)

    result = _timeclock("--verbose", "status", env=_environment(server))
    assert result.returncode == 0, result.stderr

    rotated = path.with_name(f"{LOG_NAME}.1")
    assert rotated.read_text(encoding="utf-8").startswith("old line\n")
    assert "old line" not in path.read_text(encoding="utf-8")
    assert path.stat().st_size < MAX_BYTES // 10
    assert [stat.S_IMODE(p.stat().st_mode) for p in (path, rotated)] == [0o600, 0o600]


def test_an_unexpected_error_is_one_line_pointing_at_the_log_with_the_traceback(
    connected: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> int:
        raise RuntimeError(f"a bug that quotes {connected.api_secret}")

    monkeypatch.setitem(COMMANDS, "status", broken)

    result = run("status")

    assert result.status == 1
    assert result.err == (
        f"timeclock: error: unexpected RuntimeError; details are in {log_path()}\n"
    )
    text = log_path().read_text(encoding="utf-8")
    assert "ERROR timeclock.cli.run" in text
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: a bug that quotes <hidden>" in text
    _assert_no_secret(connected, text)
