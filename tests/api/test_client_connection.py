"""How the client connects: one kept-alive connection, proxies never used for loopback."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send

from tests.conftest import credentials_of
from timeclock.api.client import TimeTrackClient
from timeclock.sandbox import NewAttendance, SandboxServer


class PeerRecorder:
    """ASGI middleware that notes the client address of every request."""

    peers: list[tuple[str, int]]

    def __init__(self, app: ASGIApp, peers: list[tuple[str, int]]) -> None:
        self.app = app
        self.peers = peers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            self.peers.append(tuple(scope["client"]))  # type: ignore[arg-type]
        await self.app(scope, receive, send)


def test_every_request_of_a_session_reuses_one_connection(
    make_server: Callable[..., SandboxServer],
) -> None:
    peers: list[tuple[str, int]] = []
    server = make_server(middleware=[Middleware(PeerRecorder, peers=peers)])
    start = datetime(2020, 10, 1, tzinfo=UTC)
    server.store.insert_many(
        NewAttendance(user="ivan", start=start + timedelta(hours=i), end=start + timedelta(hours=i))
        for i in range(120)
    )
    with TimeTrackClient(server.base_url, credentials_of(server), page_size=50) as client:
        assert len(client.list_attendances(user="ivan")) == 120
        client.get_attendance(1)
    assert len(peers) == 4  # three pages and one get
    assert len(set(peers)) == 1, peers


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy"])
def test_loopback_is_never_sent_through_a_proxy(
    server: SandboxServer, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    # A proxy that does not exist: any request sent through it would fail.
    monkeypatch.setenv(variable, "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        assert client.list_attendances() == []
