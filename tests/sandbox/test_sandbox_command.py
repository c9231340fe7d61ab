"""``timeclock sandbox`` in a real subprocess: banner, one request, clean stop on signals."""

from __future__ import annotations

import argparse
import io
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import timeclock
from timeclock.sandbox import KEY_HEADER, SECRET_HEADER, add_sandbox_arguments, run_sandbox

# The function the CLI wires in, run the way `timeclock sandbox ...` will run it.
RUNNER = (
    "import sys; from timeclock.sandbox.command import run_sandbox_command;"
    " sys.exit(run_sandbox_command(sys.argv[1:]))"
)
PROJECT_ROOT = Path(timeclock.__file__).resolve().parents[1]

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="sends POSIX signals")


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        yield blocker.getsockname()[1]


def launch(*args: str) -> subprocess.Popen[str]:
    env = os.environ | {"PYTHONPATH": str(PROJECT_ROOT), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", RUNNER, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )


def read_banner(process: subprocess.Popen[str]) -> dict[str, str]:
    """The banner's "label: value" lines, read up to "Press Ctrl+C to stop."."""
    assert process.stdout is not None
    found: dict[str, str] = {}
    for line in process.stdout:
        if line.startswith("TimeTrack sandbox running at "):
            found["url"] = line.removeprefix("TimeTrack sandbox running at ").strip()
        elif ":" in line and not line.startswith(" "):
            label, _, value = line.partition(":")
            found[label] = value.strip()
        if line.startswith("Press Ctrl+C"):
            return found
    raise AssertionError(f"no banner; stderr: {process.stderr.read() if process.stderr else ''}")


@posix_only
@pytest.mark.timeout(30)
@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["INT", "TERM"])
def test_the_command_serves_until_a_signal_and_exits_cleanly(
    tmp_path: Path, stop_signal: signal.Signals
) -> None:
    database = tmp_path / "sandbox.db"
    with launch(
        "--port", "0", "--demo-data", "--api-key", "key-1", "--db", str(database)
    ) as process:
        try:
            banner = read_banner(process)
            url = banner["url"]
            response = httpx.get(
                url + "/attendances",
                params={"username": "hansm"},
                headers={KEY_HEADER: "key-1", SECRET_HEADER: banner["API secret"]},
            )
        finally:
            process.send_signal(stop_signal)
            stdout, stderr = process.communicate(timeout=15)

    assert url.startswith("http://127.0.0.1:") and url.endswith("/api/v2/ext")
    assert banner["API key"] == "key-1"
    assert len(banner["API secret"]) >= 30  # generated
    assert "hansm" in banner["Demo data"]
    assert response.status_code == 200
    assert len(response.json()) == 50  # the first page of the demo user's entries
    assert process.returncode == 0
    assert stdout.strip() == "Sandbox stopped."
    assert stderr == ""
    assert database.exists()


@posix_only
@pytest.mark.timeout(30)
def test_the_example_command_and_envelope_option(tmp_path: Path) -> None:
    with launch("--port", "0", "--envelope", "data", "--api-secret", "s-1") as process:
        try:
            banner = read_banner(process)
            response = httpx.get(
                banner["url"] + "/attendances",
                headers={KEY_HEADER: banner["API key"], SECRET_HEADER: "s-1"},
            )
        finally:
            process.send_signal(signal.SIGINT)
            process.communicate(timeout=15)

    assert response.json() == {"data": []}
    assert banner["Store"].startswith("in memory")
    assert process.returncode == 0


@pytest.mark.timeout(30)
def test_a_busy_port_is_one_line_on_stderr_and_exit_code_1(busy_port: int) -> None:
    with launch("--port", str(busy_port)) as process:
        stdout, stderr = process.communicate(timeout=15)

    assert process.returncode == 1
    assert stdout == ""
    assert stderr.count("\n") == 1
    assert stderr.startswith(f"timeclock sandbox: cannot listen on 127.0.0.1:{busy_port}")
    assert "in use" in stderr


def test_run_sandbox_reports_a_busy_port_in_process(busy_port: int) -> None:
    parser = add_sandbox_arguments(argparse.ArgumentParser())
    args = parser.parse_args(["--port", str(busy_port)])
    out, err = io.StringIO(), io.StringIO()

    assert run_sandbox(args, stdout=out, stderr=err) == 1
    assert out.getvalue() == ""
    assert "cannot listen" in err.getvalue()


def test_run_sandbox_reports_an_unusable_database(tmp_path: Path) -> None:
    parser = add_sandbox_arguments(argparse.ArgumentParser())
    args = parser.parse_args(["--db", str(tmp_path / "missing-dir" / "x.db")])
    err = io.StringIO()

    assert run_sandbox(args, stdout=io.StringIO(), stderr=err) == 1
    assert err.getvalue().startswith("timeclock sandbox: cannot open the database")


def test_the_options_and_their_defaults() -> None:
    parser = add_sandbox_arguments(argparse.ArgumentParser())

    defaults = vars(parser.parse_args([]))

    assert defaults == {
        "host": "127.0.0.1",
        "port": 8080,
        "db": None,
        "demo_data": False,
        "api_key": None,
        "api_secret": None,
        "envelope": "array",
        "fault_rate": None,
        "fault": None,
        "latency": None,
        "fault_seed": None,
        "fault_script": None,
        "fault_methods": None,
        "retry_after": 1,
        "whole_seconds": False,
        "fold_user_case": False,
        "drip": 0.0,
        "endless_pages": False,
        "wrong_id": False,
        "wrong_user": False,
        "tls_cert": None,
        "tls_key": None,
    }


@pytest.mark.parametrize(
    "argv", [["--port", "70000"], ["--port", "x"], ["--envelope", "items"], ["--api-key", ""]]
)
def test_bad_options_are_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    parser = add_sandbox_arguments(argparse.ArgumentParser())

    with pytest.raises(SystemExit) as exit_info:
        parser.parse_args(argv)

    assert exit_info.value.code == 2
    assert "error" in capsys.readouterr().err
