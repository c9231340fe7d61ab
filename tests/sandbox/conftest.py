"""Fixtures for the sandbox tests: one real server per session, an emptied store per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from timeclock.sandbox import KEY_HEADER, SECRET_HEADER, NewAttendance, SandboxServer

API_KEY = "test-key"
API_SECRET = "test-secret"
BASE_TIME = datetime(2020, 10, 1, 8, 0, tzinfo=UTC)

MakeEntries = Callable[..., list[NewAttendance]]
ExpectError = Callable[[httpx.Response, int, int], dict[str, object]]


def auth_headers(server: SandboxServer) -> dict[str, str]:
    return {KEY_HEADER: server.api_key, SECRET_HEADER: server.api_secret}


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[SandboxServer]:
    with SandboxServer(api_key=API_KEY, api_secret=API_SECRET) as server:
        yield server


@pytest.fixture
def sandbox(sandbox_server: SandboxServer) -> SandboxServer:
    """The session's server with an empty store (ids start at 1 again)."""
    sandbox_server.store.reset()
    return sandbox_server


@pytest.fixture
def api(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    """An authenticated client whose relative URLs start below ``/api/v2/ext``."""
    with httpx.Client(base_url=sandbox.base_url, headers=auth_headers(sandbox), timeout=10) as c:
        yield c


@pytest.fixture
def make_entries() -> MakeEntries:
    """Build ``count`` entries one hour apart from ``start``, 8 h long with a 30 min break."""

    def make(
        count: int, *, user: str = "ivan", start: datetime = BASE_TIME, step_hours: float = 1
    ) -> list[NewAttendance]:
        return [
            NewAttendance(
                user=user,
                start=start + timedelta(hours=step_hours * index),
                end=start + timedelta(hours=step_hours * index + 8),
                break_minutes=30,
            )
            for index in range(count)
        ]

    return make


@pytest.fixture
def expect_error() -> ExpectError:
    """Assert the vendor's error body with this status and code; returns the error."""

    def check(response: httpx.Response, status: int, code: int) -> dict[str, object]:
        assert response.status_code == status, response.text
        assert response.headers["content-type"] == "application/json"
        body = response.json()
        assert set(body) == {"errors"}
        (error,) = body["errors"]
        assert set(error) == {"title", "status", "code", "detail"}
        assert error["status"] == status
        assert error["code"] == code
        assert isinstance(error["title"], str) and error["title"]
        assert isinstance(error["detail"], str) and error["detail"]
        return dict(error)

    return check
