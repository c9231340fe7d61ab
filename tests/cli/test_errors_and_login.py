"""What a person sees when something is wrong, and ``login``/``logout`` with the keyring."""

from __future__ import annotations

import json
import socket
import sys

import pytest

from tests.cli.conftest import USER, Run
from tests.memory_keyring import BrokenKeyring, MemoryKeyring
from timeclock.sandbox import SandboxServer
from timeclock.store.secrets import SERVICE
from timeclock.store.settings import settings_path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_wrong_secret_is_one_line_that_does_not_show_it(
    connected: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIMECLOCK_API_SECRET", "wrong-secret-4711")
    result = run("--verbose", "list")
    assert result.status == 1
    last_line = result.err.splitlines()[-1]
    assert last_line.startswith("timeclock: error: TimeTrack rejected the API key or secret")
    assert "wrong-secret-4711" not in result.err + result.out
    assert connected.api_secret not in result.err + result.out
    assert "Traceback" not in result.err


def test_a_server_that_is_down_is_one_line(
    connected: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIMECLOCK_URL", f"http://127.0.0.1:{_free_port()}")
    result = run("list")
    assert result.status == 1
    assert (
        result.err
        == "timeclock: error: Cannot reach TimeTrack at 127.0.0.1; check the network connection.\n"
    )


def test_no_account_tells_how_to_set_one_up(run: Run) -> None:
    result = run("status")
    assert result.status == 1
    assert result.err.startswith(
        "timeclock: error: no TimeTrack account is set up; run 'timeclock login'"
    )


def test_half_the_credentials_in_the_environment(
    connected: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TIMECLOCK_API_SECRET")
    result = run("status")
    assert result.status == 1
    assert "set both TIMECLOCK_API_KEY and TIMECLOCK_API_SECRET" in result.err


def test_an_insecure_url_is_refused(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("--url", "http://timetrack.example.com", "--user", USER, "status")
    assert result.status == 1
    assert "would send the API secret unencrypted" in result.err


def test_options_after_the_verb_work_too(
    connected: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TIMECLOCK_USER")
    assert run("status", "--user", USER).status == 0
    assert run("--user", USER, "status").status == 0


def test_help_and_version(run: Run) -> None:
    assert "stamp" in run("--help").out
    assert run("--version").out.startswith("timeclock ")


def _login(run: Run, monkeypatch: pytest.MonkeyPatch, answers: str, *args: str) -> object:
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO(answers))
    return run("login", *args)


def test_login_keeps_the_secret_in_the_keyring_only(
    server: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    result = _login(
        run,
        monkeypatch,
        f"{server.api_key}\n{server.api_secret}\n",
        "--url",
        server.base_url,
        "--user",
        USER,
    )
    assert result.status == 0, result.err  # type: ignore[attr-defined]
    assert memory_keyring.passwords == {
        (SERVICE, f"api-key@{server.base_url}"): server.api_key,
        (SERVICE, f"api-secret@{server.base_url}"): server.api_secret,
    }
    saved = settings_path().read_text(encoding="utf-8")
    assert json.loads(saved)["account"] == server.base_url
    assert json.loads(saved)["user"] == USER
    assert server.api_secret not in saved
    assert server.api_key not in saved
    # From now on the saved account works without anything in the environment.
    assert run("status").out.startswith("Not stamped in.")
    assert run("logout").out.startswith("Removed the key and secret")
    assert memory_keyring.passwords == {}
    assert "no API key and secret are saved" in run("status").err


def test_login_with_a_wrong_secret_saves_nothing(
    server: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    result = _login(
        run,
        monkeypatch,
        f"{server.api_key}\nnot-the-secret\n",
        "--url",
        server.base_url,
        "--user",
        USER,
    )
    assert result.status == 1  # type: ignore[attr-defined]
    assert "rejected the API key or secret" in result.err  # type: ignore[attr-defined]
    assert memory_keyring.passwords == {}
    assert not settings_path().exists()


def test_login_without_a_usable_keyring_says_so(
    server: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring

    keyring.set_keyring(BrokenKeyring())
    result = _login(
        run,
        monkeypatch,
        f"{server.api_key}\n{server.api_secret}\n",
        "--url",
        server.base_url,
        "--user",
        USER,
    )
    assert result.status == 1  # type: ignore[attr-defined]
    assert result.err.startswith(  # type: ignore[attr-defined]
        "timeclock: error: the OS keyring is locked, so the API key and secret cannot be kept"
    )
    assert not settings_path().exists()


def test_a_broken_settings_file_is_one_line(run: Run) -> None:
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text("{not json", encoding="utf-8")
    result = run("status")
    assert result.status == 1
    assert result.err.startswith("timeclock: error: cannot read the settings file")
    assert result.err.count("\n") == 1
