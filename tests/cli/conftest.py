"""Fixtures for command-line tests: run ``timeclock`` in-process against a live sandbox."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from timeclock import cli
from timeclock.cli import run as cli_run
from timeclock.cli.i18n import use_language
from timeclock.sandbox import SandboxServer

USER = "hansm"


@dataclass
class Result:
    """What one run of the command printed, and its exit status."""

    status: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The command line in English, whatever this machine's locale (a test of the German
    sets it); the words of a German test's run do not stay for the next test."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    use_language("en")
    yield
    use_language("en")


@pytest.fixture
def connected(server: SandboxServer, monkeypatch: pytest.MonkeyPatch) -> SandboxServer:
    """The environment points ``timeclock`` at the sandbox as user ``hansm``."""
    monkeypatch.setenv("TIMECLOCK_URL", server.base_url)
    monkeypatch.setenv("TIMECLOCK_USER", USER)
    monkeypatch.setenv("TIMECLOCK_API_KEY", server.api_key)
    monkeypatch.setenv("TIMECLOCK_API_SECRET", server.api_secret)
    monkeypatch.setenv("TZ", "Europe/Berlin")
    return server


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime], None]:
    """Set the moment the command line believes it is (stamping tests need minutes to pass)."""

    def set_now(moment: datetime) -> None:
        monkeypatch.setattr(cli_run, "utc_now", lambda: moment.astimezone(UTC))

    return set_now


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run ``timeclock ARGS...`` in this process; returns status and output."""

    def run_command(*args: str) -> Result:
        try:
            status = cli.main(list(args))
        except SystemExit as exit_:  # argparse: --help, --version, usage errors
            status = int(exit_.code or 0)
        captured = capsys.readouterr()
        return Result(status, captured.out, captured.err)

    return run_command
