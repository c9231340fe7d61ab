"""``timeclock --demo``: a sandbox with demo data for the ``with`` block, and its account.

The account's credentials must work against the running sandbox, the demo user must not be
stamped in at first, and after the block the server is gone (a request fails as a network
error). The demo remembers between runs (issue #11): its entries, changes and breaks stay in
the demo's folder of the data folder, and only there (no keyring entry, no settings), until
:func:`reset_demo`.
"""

from __future__ import annotations

import stat
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from tests.memory_keyring import MemoryKeyring
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.endpoint import is_loopback
from timeclock.api.errors import NetworkError
from timeclock.domain.shift import find_open_entry
from timeclock.domain.timestamps import utc_now
from timeclock.sandbox import DEMO_USER, DEMO_USERS, SandboxServer
from timeclock.services.account import Account
from timeclock.services.demo import (
    SANDBOX_FILE,
    SERVER_FILE,
    DemoError,
    demo_account,
    demo_desk,
    reset_demo,
)
from timeclock.services.stamping import TimeClock
from timeclock.store.breaks import BreakStore


def test_the_demo_users_credentials_list_the_demo_entries() -> None:
    with (
        demo_account() as account,
        TimeTrackClient(account.base_url, account.credentials) as client,
    ):
        mine = client.list_attendances(user=account.user)
        everyone = client.list_attendances()

    assert account.user == DEMO_USER == "hansm"
    assert mine
    assert {entry.user for entry in mine} == {DEMO_USER}
    assert {entry.user for entry in everyone} > {DEMO_USER}
    assert {entry.user for entry in everyone} <= set(DEMO_USERS)


def test_the_demo_user_is_not_stamped_in() -> None:
    breaks = BreakStore(":memory:")
    try:
        with (
            demo_account() as account,
            TimeTrackClient(account.base_url, account.credentials) as client,
        ):
            mine = client.list_attendances(user=account.user)
            status = TimeClock(client, account.user, breaks).status(utc_now())
    finally:
        breaks.close()

    assert find_open_entry(mine, DEMO_USER) is None
    assert not status.shift.stamped_in
    assert status.recent, "the demo user has worked in the last weeks"


def test_the_demo_user_can_stamp_in_and_out() -> None:
    breaks = BreakStore(":memory:")
    now = utc_now().replace(microsecond=0)  # stamps are taken at whole seconds
    try:
        with (
            demo_account() as account,
            TimeTrackClient(account.base_url, account.credentials) as client,
        ):
            clock = TimeClock(client, account.user, breaks)
            opened = clock.stamp_in(now)
            stamped_in = clock.shift(now + timedelta(minutes=1)).stamped_in
            closed = clock.stamp_out(now + timedelta(hours=1))
    finally:
        breaks.close()

    assert stamped_in
    assert opened.user == DEMO_USER
    assert closed.id == opened.id
    assert closed.end == now + timedelta(hours=1)


def test_the_account_points_at_loopback_with_made_up_credentials() -> None:
    with demo_account() as account:
        pass

    host = account.base_url.split("://", 1)[1].rsplit(":", 1)[0]
    assert account.base_url.startswith("http://")
    assert account.base_url.endswith("/api/v2/ext")
    assert is_loopback(host)
    assert isinstance(account.credentials, Credentials)


def test_a_second_demo_at_the_same_time_uses_the_first_ones_server() -> None:
    """As a command does while the demo window is open: one server, the same entries."""
    with demo_account() as first, demo_account("ivan") as second:
        assert first.base_url == second.base_url
        assert first.credentials == second.credentials
        with TimeTrackClient(second.base_url, second.credentials) as client:
            assert client.list_attendances(user="ivan")


def test_another_user_can_be_asked_for() -> None:
    with (
        demo_account("ivan") as account,
        TimeTrackClient(account.base_url, account.credentials) as client,
    ):
        entries = client.list_attendances(user=account.user)

    assert account.user == "ivan"
    assert {entry.user for entry in entries} == {"ivan"}


def test_the_server_is_stopped_after_the_block() -> None:
    with demo_account() as account:
        client = TimeTrackClient(account.base_url, account.credentials)
        assert client.list_attendances(user=account.user)

    with client, pytest.raises(NetworkError):
        client.list_attendances(user=account.user)
    with (
        TimeTrackClient(account.base_url, account.credentials) as fresh,
        pytest.raises(NetworkError),
    ):
        fresh.list_attendances(user=account.user)


def test_the_server_is_stopped_when_the_block_fails() -> None:
    class BlockError(Exception):
        """What went wrong inside the ``with`` block."""

    with pytest.raises(BlockError), demo_account() as account:
        raise BlockError

    with (
        TimeTrackClient(account.base_url, account.credentials) as client,
        pytest.raises(NetworkError),
    ):
        client.list_attendances(user=account.user)


def test_a_demo_run_keeps_its_data_in_the_demo_folder_only(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    with (
        demo_account() as account,
        TimeTrackClient(account.base_url, account.credentials) as client,
    ):
        client.list_attendances(user=account.user)
    with demo_desk():
        pass

    assert memory_keyring.passwords == {}
    assert not (tmp_path / "config").exists()
    assert [path.name for path in (tmp_path / "data").iterdir()] == ["demo"]
    files = {path.name: path for path in (tmp_path / "data" / "demo").iterdir()}
    assert {SANDBOX_FILE, SERVER_FILE, "outbox.sqlite3", "state.sqlite3"} <= set(files)
    assert {stat.S_IMODE(path.stat().st_mode) for path in files.values()} == {0o600}
    assert stat.S_IMODE((tmp_path / "data" / "demo").stat().st_mode) == 0o700


def _stamped_in(account: Account) -> bool:
    with TimeTrackClient(account.base_url, account.credentials) as client:
        return find_open_entry(client.list_attendances(user=account.user), account.user) is not None


def test_the_demo_remembers_a_stamp_between_runs() -> None:
    now = utc_now().replace(microsecond=0)
    with (
        demo_account() as account,
        demo_desk() as desk,
        TimeTrackClient(account.base_url, account.credentials) as client,
    ):
        desk.clock(client, account.user).stamp_in(now)
        desk.clock(client, account.user).start_break(now + timedelta(minutes=5))

    with (
        demo_account() as again,
        demo_desk() as desk,
        TimeTrackClient(again.base_url, again.credentials) as client,
    ):
        status = desk.clock(client, again.user).status(now + timedelta(minutes=10))

    assert again.base_url == account.base_url  # what the desk's files know it by
    assert status.shift.stamped_in
    assert status.shift.breaks is not None
    assert status.shift.breaks.running_since == now + timedelta(minutes=5)


def test_only_the_run_that_made_the_data_says_where_it_lives(tmp_path: Path) -> None:
    told: list[Path] = []

    with demo_account(on_made=told.append):
        pass
    with demo_account(on_made=told.append):
        pass

    assert told == [tmp_path / "data" / "demo"]


def test_reset_starts_the_demo_over() -> None:
    told: list[Path] = []
    now = utc_now().replace(microsecond=0)
    with (
        demo_account() as before,
        demo_desk() as desk,
        TimeTrackClient(before.base_url, before.credentials) as client,
    ):
        desk.clock(client, before.user).stamp_in(now)

    assert reset_demo() is True
    assert reset_demo() is False  # nothing left
    with demo_account(on_made=told.append) as after:
        assert not _stamped_in(after)

    assert len(told) == 1  # the data was made anew
    assert after.credentials != before.credentials


def test_reset_is_refused_while_a_demo_runs() -> None:
    with demo_account() as account:
        with pytest.raises(DemoError, match="the demo is in use"):
            reset_demo()
        assert _stamped_in(account) is False  # still served

    assert reset_demo() is True


def test_a_port_another_program_took_is_one_readable_error(
    make_server: Callable[..., SandboxServer], tmp_path: Path
) -> None:
    with demo_account() as account:
        port = int(account.base_url.split(":")[2].split("/")[0])
    make_server(port=port)  # not the demo: other credentials

    with pytest.raises(DemoError) as raised, demo_account():
        pass

    assert str(raised.value) == (
        f"the demo's port {port} is in use by another program; "
        "'timeclock --demo reset' starts the demo over on another port"
    )


def test_an_unreadable_server_file_starts_the_demo_over(tmp_path: Path) -> None:
    told: list[Path] = []
    with demo_account():
        pass
    (tmp_path / "data" / "demo" / SERVER_FILE).write_text("{not json", encoding="utf-8")

    with demo_account(on_made=told.append) as account:
        assert not _stamped_in(account)

    assert told == [tmp_path / "data" / "demo"]


def test_a_desk_opened_before_the_first_demo_keeps_its_files() -> None:
    """As the window does: it opens the demo desk, then starts the demo, whose data is made
    then. Another thread's connection must find the same outbox (a removed file would be
    made anew, empty, under it)."""
    with demo_desk() as desk, demo_account() as account:
        found: list[object] = []
        worker = threading.Thread(target=lambda: found.append(desk.outbox.items(account.base_url)))
        worker.start()
        worker.join()

    assert found == [[]]
