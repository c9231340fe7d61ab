"""``timeclock --demo``: a sandbox with demo data for the ``with`` block, and its account.

The account's credentials must work against the running sandbox, the demo user must not be
stamped in, and after the block the server is gone (a request fails as a network error).
Nothing of the run is kept: no keyring entry, no settings or data files.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.memory_keyring import MemoryKeyring
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.endpoint import is_loopback
from timeclock.api.errors import AuthenticationError, NetworkError
from timeclock.domain.shift import find_open_entry
from timeclock.domain.timestamps import utc_now
from timeclock.sandbox import DEMO_USER, DEMO_USERS
from timeclock.services.demo import demo_account
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


def test_each_demo_run_has_its_own_server_and_credentials() -> None:
    with demo_account() as first, demo_account() as second:
        assert first.base_url != second.base_url
        assert first.credentials != second.credentials
        with (
            TimeTrackClient(first.base_url, second.credentials) as wrong,
            pytest.raises(AuthenticationError),
        ):
            wrong.list_attendances(user=DEMO_USER)


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


def test_a_demo_run_leaves_nothing_behind(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    with (
        demo_account() as account,
        TimeTrackClient(account.base_url, account.credentials) as client,
    ):
        client.list_attendances(user=account.user)

    assert memory_keyring.passwords == {}
    assert not (tmp_path / "config").exists()
    assert not (tmp_path / "data").exists()
