"""Every request ends by its deadline, however slowly the server sends; stop() ends them all;
a list that pages for ever stops at a cap of entries.

A server that sends one byte every so often never trips a read timeout: each read gets its
byte in time. So each request has an overall deadline (connect, headers and the whole
body), and a client may be given a moment no request may run past (a command's end). The
servers here drip their answers' bodies (the sandbox's ``drip_seconds`` quirk), drip the
status line and headers themselves, or say nothing at all (a raw socket server). All of it
is real loopback HTTP. The endless lists come from the sandbox's ``endless_pages`` quirk
(every page full of entries never sent before).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any, Self

import httpx
import pytest

from tests.api.faults import API_PREFIX, LOOPBACK
from tests.conftest import credentials_of
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.errors import MalformedResponseError, NetworkError, TimeoutError
from timeclock.domain.attendance import AttendanceDraft
from timeclock.sandbox import NewAttendance, SandboxServer, ServerQuirks

pytestmark = pytest.mark.timeout(30)

START = datetime(2020, 10, 20, 7, 0, tzinfo=UTC)
DRAFT = AttendanceDraft(user="hansm", start=START, end=START + timedelta(hours=8))
SLACK = 0.6  # what ending a request may take beyond its deadline on a busy machine


class TricklingServer:
    """A loopback server that answers each request with ``reply``, one byte per ``interval``.

    After ``reply`` it sends ``then`` (also a byte at a time) again and again; with an
    empty ``reply`` and ``then`` it says nothing and keeps the connection open. It stops
    when the client hangs up or the server is left. ``connections`` counts the accepted.
    """

    def __init__(self, reply: bytes = b"", *, then: bytes = b"", interval: float = 0.3) -> None:
        self.reply = reply
        self.then = then
        self.interval = interval
        self.connections = 0
        self._stop = threading.Event()
        self._listener = socket.create_server((LOOPBACK, 0))
        self._listener.settimeout(0.2)
        self._threads: list[threading.Thread] = []

    @property
    def base_url(self) -> str:
        return f"http://{LOOPBACK}:{self._listener.getsockname()[1]}{API_PREFIX}"

    def __enter__(self) -> Self:
        self._spawn(self._accept)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(5)
        self._listener.close()

    def _spawn(self, target: Callable[..., None], *args: Any) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            self._spawn(self._answer, connection)

    def _answer(self, connection: socket.socket) -> None:
        with connection, contextlib.suppress(OSError):
            connection.settimeout(2)
            received = b""
            while b"\r\n\r\n" not in received:
                chunk = connection.recv(65536)
                if not chunk:
                    return
                received += chunk
            for byte in self._bytes():
                if self._stop.wait(self.interval):
                    return
                connection.sendall(byte)

    def _bytes(self) -> Iterator[bytes]:
        for index in range(len(self.reply)):
            yield self.reply[index : index + 1]
        while True:
            if not self.then:
                yield from self._silence()
            for index in range(len(self.then)):
                yield self.then[index : index + 1]

    def _silence(self) -> Iterator[bytes]:
        while not self._stop.wait(0.1):
            pass
        yield b""


def client_of(url: str, **options: Any) -> TimeTrackClient:
    return TimeTrackClient(url, Credentials("key", "secret"), **options)


def ended_within(seconds: float, call: Callable[[], object]) -> NetworkError:
    """The error ``call`` raised, after checking it raised within ``seconds`` (+ slack)."""
    started = time.monotonic()
    with pytest.raises(NetworkError) as raised:
        call()
    elapsed = time.monotonic() - started
    assert elapsed < seconds + SLACK, f"took {elapsed:.1f} s"
    return raised.value


HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"


# -- a dripping body --------------------------------------------------------------------------


@pytest.fixture
def dripping(make_server: Callable[..., SandboxServer]) -> SandboxServer:
    """A sandbox holding one entry of hansm's, that drips every answer (2 s a byte)."""
    server = make_server()
    with TimeTrackClient(server.base_url, credentials_of(server)) as setup:
        setup.create_attendance(DRAFT)
    server.quirks = ServerQuirks(drip_seconds=2.0)
    return server


@pytest.mark.parametrize(
    "call",
    [
        lambda client: client.list_attendances(),
        lambda client: client.get_attendance(1),
        lambda client: client.create_attendance(DRAFT),
    ],
    ids=["list", "get", "create"],
)
def test_a_dripping_answer_ends_at_the_deadline(
    dripping: SandboxServer, call: Callable[[TimeTrackClient], object]
) -> None:
    with TimeTrackClient(dripping.base_url, credentials_of(dripping), deadline=2.5) as client:
        error = ended_within(2.5, lambda: call(client))

    assert isinstance(error, TimeoutError)
    assert error.reason == "timeout"
    assert error.retryable
    assert str(error) == "TimeTrack at 127.0.0.1 did not answer within 2 s; try again later."


def test_the_body_is_timed_chunk_by_chunk_on_any_transport(dripping: SandboxServer) -> None:
    # httpx's own transport knows nothing of the deadline: the client's reading of the body
    # must still stop (a byte every 2 s never trips the 30 s read timeout).
    with TimeTrackClient(
        dripping.base_url,
        credentials_of(dripping),
        deadline=3.0,
        transport=httpx.HTTPTransport(),
    ) as client:
        error = ended_within(3.0 + 2.0, lambda: client.get_attendance(1))

    assert isinstance(error, TimeoutError)


def test_a_request_after_the_drip_stopped_goes_through(dripping: SandboxServer) -> None:
    with TimeTrackClient(dripping.base_url, credentials_of(dripping), deadline=1.0) as client:
        ended_within(1.0, client.list_attendances)
        dripping.quirks = ServerQuirks()

        assert [entry.id for entry in client.list_attendances()] == [1]


# -- dripping headers, silence ----------------------------------------------------------------


def test_a_dripping_status_line_and_headers_end_at_the_deadline() -> None:
    endless_header = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 10_000
    with (
        TricklingServer(endless_header, interval=0.2) as server,
        client_of(server.base_url, deadline=1.5) as client,
    ):
        error = ended_within(1.5, client.list_attendances)

    assert isinstance(error, TimeoutError)
    assert "within 2 s" in str(error)  # 1.5 s, rounded for people


def test_a_silent_server_ends_at_the_deadline_not_the_read_timeout() -> None:
    with (
        TricklingServer() as server,
        client_of(server.base_url, deadline=1.0, timeout=httpx.Timeout(30.0)) as client,
    ):
        error = ended_within(1.0, client.list_attendances)

    assert isinstance(error, TimeoutError)


def test_a_body_without_end_ends_at_the_deadline() -> None:
    with (
        TricklingServer(HEAD, then=b" ", interval=0.01) as server,
        client_of(server.base_url, deadline=1.0) as client,
    ):
        error = ended_within(1.0, client.list_attendances)

    assert isinstance(error, TimeoutError)


# -- the end of a command ---------------------------------------------------------------------


def test_no_request_starts_past_finish_by() -> None:
    with (
        TricklingServer() as server,
        client_of(server.base_url, finish_by=time.monotonic() - 0.1) as client,
    ):
        error = ended_within(0.1, client.list_attendances)

    assert isinstance(error, TimeoutError)
    assert str(error) == (
        "TimeTrack at 127.0.0.1 was too slow: no time was left to ask it; try again later."
    )
    assert server.connections == 0  # nothing was sent


def test_finish_by_cuts_a_request_short_of_its_deadline() -> None:
    with (
        TricklingServer() as server,
        client_of(server.base_url, deadline=30.0, finish_by=time.monotonic() + 1.0) as client,
    ):
        error = ended_within(1.0, client.list_attendances)

    assert isinstance(error, TimeoutError)


def test_finish_by_may_be_set_on_a_client_in_use(server: SandboxServer) -> None:
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        assert client.list_attendances() == []
        client.finish_by = time.monotonic() - 1

        with pytest.raises(TimeoutError, match="no time was left"):
            client.list_attendances()


def test_a_quick_server_is_not_hurried(server: SandboxServer) -> None:
    with TimeTrackClient(server.base_url, credentials_of(server), deadline=5.0) as client:
        created = client.create_attendance(DRAFT)
        assert client.get_attendance(created.id) == created
        assert client.list_attendances() == [created]


@pytest.mark.parametrize("deadline", [0.0, -1.0, float("nan")])
def test_a_deadline_must_be_positive(deadline: float) -> None:
    with pytest.raises(ValueError, match="positive"):
        client_of("http://127.0.0.1:9", deadline=deadline)


# -- stop -------------------------------------------------------------------------------------


def test_stop_ends_a_waiting_request_from_another_thread_at_once() -> None:
    with TricklingServer() as server, client_of(server.base_url, deadline=20.0) as client:
        threading.Timer(0.5, client.stop).start()
        error = ended_within(0.5 + 0.5, client.list_attendances)

        assert error.reason == "stopped"
        assert str(error) == "The request to 127.0.0.1 was stopped: TimeClock is closing."
        assert error.retryable  # what it was sending stays in the outbox
        with pytest.raises(NetworkError, match="stopped"):
            client.get_attendance(1)  # nothing starts any more


# -- endless pages ----------------------------------------------------------------------------


@pytest.fixture
def endless(make_server: Callable[..., SandboxServer]) -> SandboxServer:
    return make_server(quirks=ServerQuirks(endless_pages=True))


def test_a_list_that_pages_for_ever_stops_at_max_entries(endless: SandboxServer) -> None:
    with (
        TimeTrackClient(
            endless.base_url, credentials_of(endless), page_size=100, max_entries=1_000
        ) as client,
        pytest.raises(MalformedResponseError) as raised,
    ):
        client.list_attendances(user="hansm", since=START, until=START + timedelta(days=1))

    assert str(raised.value) == (
        "TimeTrack kept sending pages; stopped after 1,000 entries. "
        "Try a shorter range, or ask the TimeTrack administrator."
    )


def test_an_endless_list_ends_by_finish_by_if_sooner(endless: SandboxServer) -> None:
    with TimeTrackClient(
        endless.base_url,
        credentials_of(endless),
        page_size=10,
        max_entries=10**9,
        finish_by=time.monotonic() + 1.5,
    ) as client:
        error = ended_within(1.5, client.list_attendances)

    assert isinstance(error, TimeoutError)


def test_the_cap_leaves_an_honest_long_list_whole(server: SandboxServer) -> None:
    server.store.insert_many(
        NewAttendance(
            user="hansm",
            start=START + timedelta(days=day),
            end=START + timedelta(days=day, hours=8),
        )
        for day in range(95)
    )
    with TimeTrackClient(
        server.base_url, credentials_of(server), page_size=10, max_entries=100
    ) as client:
        listed = client.list_attendances(user="hansm")

    assert len(listed) == 95
