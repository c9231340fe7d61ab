"""Every way TimeTrack can fail, as the client's typed errors with sentences people read.

Failures come from real servers on loopback: the sandbox itself (wrong secret, deleted
entry, refused data), canned answers from a :class:`~tests.api.faults.FaultPlan` in front
of it (403, 422, 429, 5xx, HTML, broken JSON, unknown shapes, endless pages, redirects, a
slow answer), a raw socket that hangs up, and a port nobody listens on.
"""

from __future__ import annotations

import builtins
import email.utils
import logging
import ssl
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import trustme

from tests.api.faults import (
    LOOPBACK,
    Canned,
    FaultPlan,
    RawSocketServer,
    Recorded,
    Rule,
    api_requests,
    complete_response,
    instrumented_middleware,
    unused_port,
    wire_entry,
)
from tests.conftest import credentials_of
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.errors import (
    AuthenticationError,
    MalformedResponseError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    ServerMessage,
    TimeoutError,
    TimeTrackError,
    ValidationError,
)
from timeclock.domain.attendance import AttendanceChange, AttendanceDraft
from timeclock.sandbox import SandboxServer

START = datetime(2020, 10, 20, 7, 0, tzinfo=UTC)
DRAFT = AttendanceDraft(user="ivan", start=START, end=START + timedelta(hours=8))
HTML = b"<!DOCTYPE html><html><head><title>Anmelden</title></head><body>Login</body></html>"

Operation = Callable[[TimeTrackClient], object]
OPERATIONS: dict[str, Operation] = {
    "list": lambda client: client.list_attendances(),
    "get": lambda client: client.get_attendance(1),
    "create": lambda client: client.create_attendance(DRAFT),
    "update": lambda client: client.update_attendance(1, AttendanceChange(notes="x")),
    "delete": lambda client: client.delete_attendance(1),
}
READING_OPERATIONS = {name: OPERATIONS[name] for name in ("list", "get", "create", "update")}


def assert_readable(error: BaseException) -> str:
    """``error`` is one of ours, and its text is one plain sentence (or question)."""
    assert isinstance(error, TimeTrackError)
    text = str(error)
    assert text
    assert text == error.message
    assert "\n" not in text
    assert text[0].isupper()
    assert text.endswith((".", "?"))
    assert len(text) < 400
    for noise in ("Traceback", "httpx", "<html", "{", "b'"):
        assert noise not in text
    return text


@dataclass(frozen=True, slots=True)
class Faulty:
    """The module's faulty server, what it received, and a client connected to it."""

    server: SandboxServer
    plan: FaultPlan
    log: list[Recorded]
    client: TimeTrackClient

    def answer(self, answer: Canned, method: str | None = None, path: str | None = None) -> None:
        self.plan.set(Rule(answer, method, path))


@pytest.fixture(scope="module")
def faulty_server() -> Iterator[tuple[SandboxServer, FaultPlan, list[Recorded]]]:
    """One sandbox for this module with a recorder and a fault plan in front of it."""
    plan = FaultPlan()
    log: list[Recorded] = []
    with SandboxServer(middleware=instrumented_middleware(log, plan=plan)) as server:
        yield server, plan, log


@pytest.fixture
def faulty(faulty_server: tuple[SandboxServer, FaultPlan, list[Recorded]]) -> Iterator[Faulty]:
    """The faulty server, emptied, without faults, and a client of it."""
    server, plan, log = faulty_server
    server.store.reset()
    plan.clear()
    log.clear()
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        yield Faulty(server, plan, log, client)
    plan.clear()


def quick_client(base_url: str, seconds: float = 0.3) -> TimeTrackClient:
    """A client of ``base_url`` that gives up after ``seconds``."""
    return TimeTrackClient(base_url, Credentials("key", "secret"), timeout=httpx.Timeout(seconds))


# -- authentication -------------------------------------------------------------------------


@pytest.mark.parametrize("wrong", ["secret", "key"])
def test_a_wrong_secret_or_key_is_an_authentication_error_that_leaks_nothing(
    server: SandboxServer, caplog: pytest.LogCaptureFixture, wrong: str
) -> None:
    caplog.set_level(logging.DEBUG)
    real_secret = server.api_secret
    wrong_secret = "WrongSecret-0123456789-abcdef"
    bad = (
        Credentials(server.api_key, wrong_secret)
        if wrong == "secret"
        else Credentials("WrongKey-0123456789", real_secret)
    )
    with TimeTrackClient(server.base_url, credentials_of(server)) as good_client:
        assert good_client.list_attendances() == []

    with TimeTrackClient(server.base_url, bad) as client:
        with pytest.raises(AuthenticationError) as caught:
            client.list_attendances()
        with pytest.raises(AuthenticationError):
            client.create_attendance(DRAFT)

    error = caught.value
    assert error.status == 401
    assert not error.retryable
    text = assert_readable(error)
    assert "key or secret" in text
    assert "HTTP 401" in text
    assert server.store.count() == 0
    logged = [
        " ".join([record.getMessage(), repr(record.args), str(record.exc_text)])
        for record in caplog.records
    ]
    assert any("401" in line for line in logged), "the failed request should be logged"
    for secret in (real_secret, wrong_secret):
        assert secret not in str(error)
        assert secret not in repr(error)
        assert secret not in "".join(traceback.format_exception(error))
        assert secret not in caplog.text
        for line in logged:
            assert secret not in line


@pytest.mark.parametrize("operation", OPERATIONS.values(), ids=OPERATIONS.keys())
def test_403_is_an_authentication_error(faulty: Faulty, operation: Operation) -> None:
    faulty.answer(Canned.error(403, "Forbidden", "API access is disabled", 10403))

    with pytest.raises(AuthenticationError) as caught:
        operation(faulty.client)

    assert caught.value.status == 403
    assert "HTTP 403" in assert_readable(caught.value)


# -- the server's own refusals --------------------------------------------------------------


def test_a_deleted_entry_is_not_found_with_the_vendors_title(client: TimeTrackClient) -> None:
    created = client.create_attendance(DRAFT)
    client.delete_attendance(created.id)

    for operation in (
        lambda: client.get_attendance(created.id),
        lambda: client.update_attendance(created.id, AttendanceChange(notes="zu spät")),
        lambda: client.delete_attendance(created.id),
    ):
        with pytest.raises(NotFoundError) as caught:
            operation()
        text = assert_readable(caught.value)
        assert text.startswith(f"Entry {created.id} was not found on TimeTrack")
        assert "TimeEntry exist but it is deleted" in text
        assert caught.value.status == 404
        assert not caught.value.retryable


def test_an_end_before_the_start_is_refused_with_the_servers_reason(
    client: TimeTrackClient, server: SandboxServer
) -> None:
    backwards = AttendanceDraft(user="ivan", start=START, end=START - timedelta(minutes=1))

    with pytest.raises(ValidationError) as caught:
        client.create_attendance(backwards)

    error = caught.value
    assert error.status == 400
    assert error.messages == (
        ServerMessage("Invalid time range", "'to' must not lie before 'from'", 15005),
    )
    text = assert_readable(error)
    assert "Invalid time range: 'to' must not lie before 'from'" in text
    assert not error.retryable
    assert server.store.count() == 0


def test_an_update_to_an_end_before_the_start_is_refused(
    client: TimeTrackClient, server: SandboxServer
) -> None:
    created = client.create_attendance(DRAFT)

    with pytest.raises(ValidationError, match="Invalid time range"):
        client.update_attendance(created.id, AttendanceChange(end=START - timedelta(hours=1)))

    assert server.store.all()[0].end == DRAFT.end


@pytest.mark.parametrize("operation", READING_OPERATIONS.values(), ids=READING_OPERATIONS.keys())
def test_422_is_a_validation_error_with_the_servers_messages(
    faulty: Faulty, operation: Operation
) -> None:
    body = {
        "errors": [
            {"title": "Unprocessable", "status": 422, "code": 4221, "detail": "break too long"},
            {"title": "Unknown user", "detail": "ivan"},
        ]
    }
    faulty.answer(Canned.json(body, status=422))

    with pytest.raises(ValidationError) as caught:
        operation(faulty.client)

    assert caught.value.status == 422
    assert caught.value.messages == (
        ServerMessage("Unprocessable", "break too long", 4221),
        ServerMessage("Unknown user", "ivan"),
    )
    text = assert_readable(caught.value)
    assert "Unprocessable: break too long" in text
    assert "Unknown user: ivan" in text


# -- slow down, try later -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "seconds"), [("7", 7.0), ("0", 0.0), ("120", 120.0), (None, None)]
)
@pytest.mark.parametrize("operation", OPERATIONS.values(), ids=OPERATIONS.keys())
def test_429_is_rate_limited_with_the_servers_retry_after(
    faulty: Faulty, operation: Operation, header: str | None, seconds: float | None
) -> None:
    headers = [] if header is None else [("Retry-After", header)]
    body = {"errors": [{"title": "Too many requests", "status": 429}]}
    faulty.answer(Canned.json(body, status=429, headers=headers))

    with pytest.raises(RateLimitedError) as caught:
        operation(faulty.client)

    assert caught.value.retry_after == seconds
    assert caught.value.status == 429
    assert caught.value.retryable
    assert "too many requests" in assert_readable(caught.value)


def test_429_with_retry_after_as_an_http_date(faulty: Faulty) -> None:
    when = datetime.now(UTC) + timedelta(seconds=120)
    header = email.utils.format_datetime(when, usegmt=True)
    faulty.answer(Canned(429, b"", None, (("Retry-After", header),)))

    with pytest.raises(RateLimitedError) as caught:
        faulty.client.list_attendances()

    assert caught.value.retry_after is not None
    assert 100 <= caught.value.retry_after <= 120


@pytest.mark.parametrize(
    ("status", "answer", "said"),
    [
        (500, Canned.error(500, "Internal server error", "boom", 10500), "Internal server error"),
        (503, Canned.error(503, "Service Unavailable", "maintenance", 10503), "maintenance"),
        (502, Canned(502, HTML, "text/html"), None),
        (504, Canned(504, b"", None), None),
    ],
    ids=["500", "503", "502 html", "504 empty"],
)
@pytest.mark.parametrize("operation", OPERATIONS.values(), ids=OPERATIONS.keys())
def test_5xx_is_a_retryable_server_error(
    faulty: Faulty, operation: Operation, status: int, answer: Canned, said: str | None
) -> None:
    faulty.answer(answer)

    with pytest.raises(ServerError) as caught:
        operation(faulty.client)

    assert caught.value.status == status
    assert caught.value.retryable
    text = assert_readable(caught.value)
    assert f"server error (HTTP {status})" in text
    assert text.endswith("Try again later.")
    if said is not None:
        assert said in text
    assert "Anmelden" not in text


# -- answers that are not what the API describes --------------------------------------------


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        (Canned(200, HTML, "text/html; charset=utf-8"), "not JSON (text/html, HTTP 200)"),
        (Canned(200, b'[{"id": 1, "from": "2020-10-', "application/json"), "not JSON"),
        (Canned(200, b"{'id': 1}", "application/json"), "not JSON"),
        (Canned(200, b"", "application/json"), "empty answer"),
        (Canned.json({"foo": 1}), "cannot read"),
        (Canned.json("attendances"), "cannot read"),
        (Canned.json(None), "cannot read"),
    ],
    ids=["html", "truncated json", "not json", "empty", "unknown object", "a string", "null"],
)
@pytest.mark.parametrize("operation", READING_OPERATIONS.values(), ids=READING_OPERATIONS.keys())
def test_an_answer_that_is_no_attendance_is_malformed(
    faulty: Faulty, operation: Operation, answer: Canned, says: str
) -> None:
    faulty.answer(answer)

    with pytest.raises(MalformedResponseError) as caught:
        operation(faulty.client)

    assert says in assert_readable(caught.value)
    assert not caught.value.retryable


def test_a_body_that_cannot_be_decoded_is_malformed(faulty: Faulty) -> None:
    faulty.answer(Canned(200, b"[] - not gzip at all", "application/json",
                         (("Content-Encoding", "gzip"),)))  # fmt: skip

    with pytest.raises(MalformedResponseError) as caught:
        faulty.client.list_attendances()

    assert "cannot be decoded" in assert_readable(caught.value)


def test_a_wrong_api_path_is_not_found(faulty: Faulty) -> None:
    wrong_path = faulty.server.root_url + "/api/v1"
    with (
        TimeTrackClient(wrong_path, credentials_of(faulty.server)) as client,
        pytest.raises(NotFoundError) as caught,
    ):
        client.list_attendances()

    text = assert_readable(caught.value)
    assert text.startswith("The requested address was not found on TimeTrack")
    assert "/api/v1/attendances" in text


@pytest.mark.parametrize(
    ("items", "says"),
    [
        ([wire_entry(1), {"id": 2, "user": "ivan"}], "item 1 of the list: the field 'from'"),
        ([wire_entry(1, to="2020-10-20T06:00:00.000Z")], "item 0 of the list: entry ends"),
        ([wire_entry(1, id=0)], "id must be positive"),
        ([wire_entry(1, breakMinutes="viel")], "'breakMinutes' must be a whole number"),
        ([wire_entry(1, **{"from": "20.10.2020 09:00"})], "not a UTC timestamp"),
    ],
    ids=["no from", "ends before start", "id 0", "break not a number", "german date"],
)
def test_a_list_with_a_broken_item_is_malformed(
    faulty: Faulty, items: list[object], says: str
) -> None:
    faulty.answer(Canned.json(items), "GET")

    with pytest.raises(MalformedResponseError) as caught:
        faulty.client.list_attendances()

    assert says in assert_readable(caught.value)


@pytest.mark.parametrize("same_id", [False, True], ids=["same page", "one id throughout"])
@pytest.mark.timeout(10)
def test_a_server_that_ignores_the_page_number_is_malformed_not_a_hang(
    faulty: Faulty, same_id: bool
) -> None:
    page = [wire_entry(1 if same_id else number) for number in range(1, 1001)]
    faulty.answer(Canned.json(page), "GET", r"/attendances/?$")
    started = time.monotonic()

    with pytest.raises(MalformedResponseError) as caught:
        faulty.client.list_attendances()

    assert time.monotonic() - started < 10
    assert "same page again" in assert_readable(caught.value)
    assert [r.params["page_number"] for r in api_requests(faulty.log)] == ["0", "1"]


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("operation", OPERATIONS.values(), ids=OPERATIONS.keys())
def test_a_redirect_is_malformed_and_not_followed(
    faulty: Faulty, operation: Operation, status: int
) -> None:
    elsewhere = faulty.server.root_url + "/login"
    faulty.answer(Canned(status, b"", None, (("Location", elsewhere),)), path="/api/")

    with pytest.raises(MalformedResponseError) as caught:
        operation(faulty.client)

    assert caught.value.status == status
    assert f"redirected the request (HTTP {status})" in assert_readable(caught.value)
    assert [r.path for r in faulty.log if r.path == "/login"] == []
    assert len(faulty.log) == 1


# -- no answer at all -----------------------------------------------------------------------


@pytest.mark.parametrize("operation", OPERATIONS.values(), ids=OPERATIONS.keys())
def test_a_slow_server_times_out(faulty: Faulty, operation: Operation) -> None:
    faulty.answer(Canned.json([], delay=1.0))
    started = time.monotonic()

    with (
        TimeTrackClient(
            faulty.server.base_url,
            credentials_of(faulty.server),
            timeout=httpx.Timeout(0.3),
        ) as client,
        pytest.raises(TimeoutError) as caught,
    ):
        operation(client)

    assert time.monotonic() - started < 0.9
    error = caught.value
    assert isinstance(error, NetworkError)
    assert isinstance(error, builtins.TimeoutError)
    assert error.retryable
    text = assert_readable(error)
    assert "127.0.0.1" in text
    assert "did not answer in time" in text


def test_nothing_listening_is_a_network_error_naming_the_host() -> None:
    port = unused_port()

    with quick_client(f"http://127.0.0.1:{port}") as client, pytest.raises(NetworkError) as caught:
        client.list_attendances()

    error = caught.value
    assert type(error) is NetworkError
    assert error.retryable
    text = assert_readable(error)
    assert "Cannot reach TimeTrack at 127.0.0.1" in text


@pytest.mark.parametrize(
    ("reply", "reset"),
    [
        (b"", False),
        (b"", True),
        (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n", False),
        (
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n"
            b'[{"id": 1, "user": "ivan", "from": "2020-10-',
            False,
        ),
    ],
    ids=["closed before the answer", "reset before the answer", "half a head", "half a body"],
)
@pytest.mark.parametrize("operation", OPERATIONS.values(), ids=OPERATIONS.keys())
def test_a_connection_cut_is_a_network_error(
    operation: Operation, reply: bytes, reset: bool
) -> None:
    with (
        RawSocketServer(reply=reply, reset=reset) as cutter,
        quick_client(cutter.base_url, seconds=5) as client,
        pytest.raises(NetworkError) as caught,
    ):
        operation(client)
    connections = cutter.connections

    assert connections == 1
    assert type(caught.value) is NetworkError
    assert caught.value.retryable
    assert "127.0.0.1" in assert_readable(caught.value)


# -- TLS ------------------------------------------------------------------------------------


@pytest.fixture
def https_server() -> Iterator[tuple[RawSocketServer, trustme.CA]]:
    """An HTTPS server on loopback, certified by a test CA nobody trusts, answering ``[]``."""
    authority = trustme.CA()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    authority.issue_cert(LOOPBACK).configure_cert(context)
    with RawSocketServer(reply=complete_response(b"[]"), tls=context) as server:
        yield server, authority


def test_an_untrusted_certificate_is_refused(
    https_server: tuple[RawSocketServer, trustme.CA],
) -> None:
    server, _ = https_server

    with quick_client(server.base_url, seconds=5) as client, pytest.raises(NetworkError) as caught:
        client.list_attendances()

    text = assert_readable(caught.value)
    assert text.startswith("The TLS certificate of 127.0.0.1 is not trusted")


def test_a_certificate_trusted_through_an_ssl_context_is_accepted(
    https_server: tuple[RawSocketServer, trustme.CA],
) -> None:
    server, authority = https_server
    trusting = ssl.create_default_context()
    authority.configure_trust(trusting)

    with TimeTrackClient(server.base_url, Credentials("key", "secret"), verify=trusting) as client:
        assert client.list_attendances() == []

    assert server.connections == 1
