"""The demo window's server in a process of its own (``timeclock --demo``).

The child is the real program (``python -m timeclock`` with the demo server's argument):
it must serve the demo's data with the demo's account, say why when it cannot, end when
its parent closes it, and end by itself when the parent is gone without closing it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.errors import NetworkError
from timeclock.cli.demo_server import demo_server_command
from timeclock.sandbox import DEMO_USER, SandboxServer
from timeclock.services.account import Account
from timeclock.services.demo import SERVER_FILE, DemoError, demo_account
from timeclock.services.demo_process import DemoProcess

REPO = Path(__file__).resolve().parents[2]


def _answers(account: Account) -> bool:
    try:
        with TimeTrackClient(account.base_url, account.credentials, deadline=5) as client:
            client.list_attendances(user=account.user)
    except NetworkError:
        return False
    return True


def _port(account: Account) -> int:
    return int(account.base_url.split(":")[2].split("/")[0])


def test_the_child_serves_the_demo_s_entries_with_the_demo_s_account(tmp_path: Path) -> None:
    with DemoProcess.start(demo_server_command()) as server:
        account = server.account()
        with TimeTrackClient(account.base_url, account.credentials) as client:
            mine = client.list_attendances(user=account.user)

    assert account.user == DEMO_USER
    assert mine
    assert {entry.user for entry in mine} == {DEMO_USER}
    # The same demo as a demo command's: its server file was made by the child.
    assert (tmp_path / "data" / "demo" / SERVER_FILE).is_file()
    with demo_account() as again:
        assert again == account


def test_closing_ends_the_child_and_its_server() -> None:
    server = DemoProcess.start(demo_server_command())
    account = server.account()
    assert _answers(account)

    server.close()

    assert not _answers(account)


def test_a_demo_server_already_running_is_used_not_a_second_one() -> None:
    with demo_account() as running, DemoProcess.start(demo_server_command()) as server:
        account = server.account()
        assert account == running
        assert _answers(account)


def test_a_port_another_program_took_is_the_demo_s_readable_error(
    make_server: Callable[..., SandboxServer],
) -> None:
    with demo_account() as account:
        port = _port(account)
    make_server(port=port)  # not the demo: other credentials

    with DemoProcess.start(demo_server_command()) as server, pytest.raises(DemoError) as raised:
        server.account()

    assert str(raised.value) == (
        f"the demo's port {port} is in use by another program; "
        "'timeclock --demo reset' starts the demo over on another port"
    )


def test_a_child_that_ends_without_serving_says_its_last_words() -> None:
    command = [sys.executable, "-c", "import sys; sys.exit('no demo for you')"]
    with DemoProcess.start(command) as server, pytest.raises(DemoError) as raised:
        server.account()

    assert str(raised.value) == "the demo's server did not start: no demo for you"


def test_a_program_that_cannot_be_started_is_one_readable_error(tmp_path: Path) -> None:
    with pytest.raises(DemoError) as raised:
        DemoProcess.start([str(tmp_path / "no-such-program")])

    assert str(raised.value).startswith("the demo's server cannot start: ")


def test_a_child_that_says_nothing_in_time_is_one_readable_error() -> None:
    command = [sys.executable, "-c", "import sys; sys.stdin.read()"]
    with DemoProcess.start(command) as server, pytest.raises(DemoError) as raised:
        server.account(timeout=0.2)

    assert str(raised.value) == "the demo's server did not start within 0.2 s"


def test_the_child_ends_when_its_parent_is_gone_without_closing_it() -> None:
    """A window that crashed or was killed must not leave the demo's server behind."""
    parent = textwrap.dedent(
        """
        import os, sys
        from timeclock.cli.demo_server import demo_server_command
        from timeclock.services.demo_process import DemoProcess

        account = DemoProcess.start(demo_server_command()).account()
        print(account.base_url, account.credentials.api_key, account.credentials.api_secret,
              flush=True)
        os._exit(9)  # no close, no clean-up: as if killed
        """
    )
    said = subprocess.run(
        [sys.executable, "-c", parent], capture_output=True, check=False, cwd=REPO, timeout=60
    )
    assert said.returncode == 9, said.stderr.decode(errors="replace")
    base_url, key, secret = said.stdout.decode().split()
    account = Account(base_url, DEMO_USER, Credentials(key, secret))
    deadline = time.monotonic() + 15
    while _answers(account) and time.monotonic() < deadline:
        time.sleep(0.1)

    assert not _answers(account)
