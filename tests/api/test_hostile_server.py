"""The client against a hostile server: every answer ends in a clean value or a TimeTrackError.

The server is the sandbox with a :class:`Hostile` middleware in front of it, on real loopback
HTTP (nothing mocks httpx). One server serves the whole module; each test, and each
hypothesis example, swaps what it answers through the shared :data:`PLAN`. The answers are
what a broken or malicious server could send: any JSON value (wrong types, missing and
extra fields, NaN and out-of-range coordinates, impossible timestamps, lone surrogates),
strings of megabytes, 100,000 brackets, bodies beyond ``MAX_BODY_BYTES`` (plain, endless,
or a small gzip body that inflates to hundreds of megabytes), lists that page forever,
repeat themselves or ignore ``limit``, wrong content types and gzip-declared garbage.

Every outcome is caught with ``except TimeTrackError`` only: anything else (a
``RecursionError``, a ``MemoryError``, a ``KeyError``...) escapes and fails the test. Each
test is bounded in time, so a hang fails too. The parser-level fuzzing lives in
``test_wire.py``; its strategies are reused here, sent over the wire.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gzip
import itertools
import json
import math
import struct
import time
import tracemalloc
import zlib
from collections.abc import Awaitable, Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send

from tests.api.faults import API_PREFIX, RawSocketServer, complete_response, wire_entry
from tests.api.test_wire import ANYTHING, ERROR_BODIES, FIELD_VALUES, LISTS, check_entry
from timeclock.api import client as client_module
from timeclock.api import responses
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.errors import (
    AuthenticationError,
    MalformedResponseError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    TimeTrackError,
    ValidationError,
)
from timeclock.domain.attendance import Attendance, AttendanceChange, AttendanceDraft
from timeclock.sandbox import SandboxServer

pytestmark = pytest.mark.timeout(60)  # a hang fails here, long before the suite's 120 s

START = datetime(2020, 10, 20, 7, 0, tzinfo=UTC)
DRAFT = AttendanceDraft(user="ivan", start=START, end=START + timedelta(hours=8))
SECONDS = 5.0  # what any single call may take at most, however hostile the server
MB = 1_000_000
MiB = 1 << 20

Responder = Callable[[Scope, Receive, Send], Awaitable[None]]
Outcome = object  # a clean value, or the TimeTrackError the call raised


# -- the hostile server ---------------------------------------------------------------------


class Plan:
    """What the hostile server answers at the moment; ``None`` lets the sandbox answer.

    ``queries`` holds the query parameters of every request answered by the plan, in order.
    """

    def __init__(self) -> None:
        self.respond: Responder | None = None
        self.queries: list[dict[str, str]] = []

    def answer(self, respond: Responder | None) -> None:
        self.queries = []
        self.respond = respond


PLAN = Plan()


class Hostile:
    """ASGI middleware: requests to the attendances resource get :data:`PLAN`'s answer."""

    def __init__(self, app: ASGIApp, *, plan: Plan) -> None:
        self.app = app
        self.plan = plan

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        respond = self.plan.respond
        if (
            scope["type"] != "http"
            or respond is None
            or not scope["path"].startswith(API_PREFIX + "/attendances")
        ):
            await self.app(scope, receive, send)
            return
        self.plan.queries.append(dict(parse_qsl(scope["query_string"].decode("latin-1"))))
        while (message := await receive())["type"] == "http.request" and message.get(
            "more_body", False
        ):
            pass  # the request body is of no interest
        await respond(scope, receive, send)


def _head(status: int, headers: Sequence[tuple[str, str]]) -> dict[str, Any]:
    return {
        "type": "http.response.start",
        "status": status,
        "headers": [
            (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers
        ],
    }


def whole(
    body: bytes,
    *,
    status: int = 200,
    content_type: str | None = "application/json",
    headers: Sequence[tuple[str, str]] = (),
) -> Responder:
    """An answer with a Content-Length and the whole ``body``."""
    all_headers = [*headers, ("content-length", str(len(body)))]
    if content_type is not None:
        all_headers.append(("content-type", content_type))

    async def respond(_scope: Scope, _receive: Receive, send: Send) -> None:
        await send(_head(status, all_headers))
        await send({"type": "http.response.body", "body": body, "more_body": False})

    return respond


def json_body(value: object) -> bytes:
    """``value`` as JSON, NaN and Infinity written as JavaScript would (``json`` reads them)."""
    return json.dumps(value, allow_nan=True).encode()


def json_answer(value: object, *, status: int = 200) -> Responder:
    return whole(json_body(value), status=status)


def paged(page: Callable[[int, int], list[object]]) -> Responder:
    """A list server: ``page(page_number, limit)`` is the JSON array of each page."""

    async def respond(scope: Scope, receive: Receive, send: Send) -> None:
        query = dict(parse_qsl(scope["query_string"].decode("latin-1")))
        number, limit = int(query.get("page_number", "0")), int(query.get("limit", "50"))
        await whole(json_body(page(number, limit)))(scope, receive, send)

    return respond


def endless(
    chunk: bytes,
    *,
    status: int = 200,
    headers: Sequence[tuple[str, str]] = (("content-type", "application/json"),),
    first: bytes = b"",
    cap: int = 2_000 * MB,
) -> Responder:
    """A chunked answer that never ends: ``first``, then ``chunk`` again and again.

    It stops when the client hangs up (or, as a safety net for the test run, after ``cap``
    bytes, far more than the client may read).
    """

    async def respond(_scope: Scope, receive: Receive, send: Send) -> None:
        gone = asyncio.Event()

        async def watch() -> None:
            while (await receive())["type"] != "http.disconnect":
                pass
            gone.set()

        watcher = asyncio.create_task(watch())
        try:
            await send(_head(status, headers))
            await send({"type": "http.response.body", "body": first, "more_body": True})
            sent = 0
            while not gone.is_set() and sent < cap:
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
                sent += len(chunk)
                await asyncio.sleep(0)
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        finally:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher

    return respond


@pytest.fixture(scope="module")
def hostile_server() -> Iterator[SandboxServer]:
    """The module's one server: the sandbox behind :class:`Hostile`."""
    with SandboxServer(middleware=[Middleware(Hostile, plan=PLAN)]) as server:
        yield server
    PLAN.answer(None)


def connect(server: SandboxServer, **options: Any) -> TimeTrackClient:
    """A client of ``server`` that gives up on a silent server after :data:`SECONDS`."""
    return TimeTrackClient(
        server.base_url,
        Credentials(server.api_key, server.api_secret),
        timeout=httpx.Timeout(SECONDS),
        **options,
    )


@pytest.fixture(scope="module")
def client(hostile_server: SandboxServer) -> Iterator[TimeTrackClient]:
    """One client for the module (hypothesis examples share it, as a window would)."""
    with connect(hostile_server) as connected:
        yield connected


@pytest.fixture(autouse=True)
def no_answer_left_over() -> Iterator[None]:
    PLAN.answer(None)
    yield
    PLAN.answer(None)


# -- what a call may end in -----------------------------------------------------------------

Operation = Callable[[TimeTrackClient], object]
OPERATIONS: dict[str, Operation] = {
    "list": lambda client: client.list_attendances(),
    "get": lambda client: client.get_attendance(1),
    "create": lambda client: client.create_attendance(DRAFT),
    "update": lambda client: client.update_attendance(1, AttendanceChange(notes="x")),
    "delete": lambda client: client.delete_attendance(1),
}
SINGLE = ("get", "create", "update")


def outcome(call: Callable[[], object]) -> Outcome:
    """What ``call`` returns, or the TimeTrackError it raises; nothing else is caught.

    The call must also finish within :data:`SECONDS` (plus a little for the test run).
    """
    started = time.monotonic()
    try:
        result: Outcome = call()
    except TimeTrackError as error:
        result = error
    elapsed = time.monotonic() - started
    assert elapsed < SECONDS + 1, f"the call took {elapsed:.1f} s"
    return result


def assert_readable(error: TimeTrackError) -> None:
    """One line for a person: no traceback, no raw body, printable to any UTF-8 terminal."""
    text = str(error)
    assert text
    assert "\n" not in text
    assert len(text) < 1000
    text.encode("utf-8")  # no lone surrogate from the server's words
    assert "Traceback" not in text


def assert_clean_entry(entry: object) -> None:
    check_entry(entry)
    assert isinstance(entry, Attendance)
    for text in (entry.user, entry.notes):
        text.encode("utf-8")


def assert_clean_list(entries: object) -> None:
    assert isinstance(entries, list)
    for entry in entries:
        assert_clean_entry(entry)
    ids = [entry.id for entry in entries]
    assert len(ids) == len(set(ids)), f"an entry listed twice: {ids}"
    assert entries == sorted(entries, key=lambda entry: (entry.start, entry.id))


def assert_entry_or_malformed(name: str, result: Outcome) -> None:
    """What a 200 answer may end in: the operation's clean value, or a malformed answer."""
    if isinstance(result, TimeTrackError):
        assert isinstance(result, MalformedResponseError), repr(result)
        assert_readable(result)
    elif name == "list":
        assert_clean_list(result)
    elif name == "delete":
        assert result is None
    else:
        assert_clean_entry(result)


# -- any JSON value -------------------------------------------------------------------------

QUICK = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@QUICK
@given(value=ANYTHING, name=st.sampled_from(SINGLE))
def test_any_json_object_is_an_entry_or_malformed(
    client: TimeTrackClient, value: object, name: str
) -> None:
    PLAN.answer(json_answer(value))

    assert_entry_or_malformed(name, outcome(lambda: OPERATIONS[name](client)))


@QUICK
@given(value=LISTS)
def test_any_json_list_is_a_clean_list_or_malformed(client: TimeTrackClient, value: object) -> None:
    PLAN.answer(json_answer(value))

    assert_entry_or_malformed("list", outcome(client.list_attendances))


# What uvicorn can send (no 1xx as a final answer, no body with 204/205/304); other status
# lines come from a raw socket further down.
STATUSES = st.integers(200, 203) | st.integers(206, 303) | st.integers(305, 599)
CONTENT_TYPES = st.sampled_from(
    [
        None,
        "application/json",
        "application/json; charset=utf-8",
        "application/problem+json",
        "text/html; charset=utf-8",
        "text/plain",
        "application/xml",
        "application/octet-stream",
        "",
    ]
)
# Header values as a server may send them (h11 refuses surrounding blanks on its side).
HEADER_TEXT = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40).map(
    str.strip
)
ODD_HEADERS = st.lists(
    st.tuples(
        st.sampled_from(["Retry-After", "Location", "X-Whatever", "Content-Language"]), HEADER_TEXT
    ),
    max_size=3,
)


@settings(QUICK, max_examples=200)
@given(
    status=STATUSES,
    body=st.builds(json_body, ERROR_BODIES | ANYTHING) | st.binary(max_size=200),
    content_type=CONTENT_TYPES,
    headers=ODD_HEADERS,
    name=st.sampled_from(list(OPERATIONS)),
)
def test_any_status_body_and_headers_end_in_a_value_or_a_typed_error(
    client: TimeTrackClient,
    status: int,
    body: bytes,
    content_type: str | None,
    headers: list[tuple[str, str]],
    name: str,
) -> None:
    PLAN.answer(whole(body, status=status, content_type=content_type, headers=headers))

    result = outcome(lambda: OPERATIONS[name](client))

    if 200 <= status < 300:
        assert_entry_or_malformed(name, result)
        return
    assert isinstance(result, TimeTrackError), f"HTTP {status} gave {result!r}"
    assert_readable(result)
    expected: dict[range, type[TimeTrackError]] = {
        range(300, 400): MalformedResponseError,
        range(401, 402): AuthenticationError,
        range(403, 404): AuthenticationError,
        range(404, 405): NotFoundError,
        range(400, 401): ValidationError,
        range(422, 423): ValidationError,
        range(429, 430): RateLimitedError,
        range(500, 1000): ServerError,
    }
    wanted = next((kind for codes, kind in expected.items() if status in codes), ServerError)
    assert isinstance(result, wanted), (status, result)
    if isinstance(result, RateLimitedError) and result.retry_after is not None:
        assert result.retry_after >= 0


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (complete_response(b"[]", "600 Beyond"), ServerError),
        (complete_response(b"[]", "999 Whatever"), ServerError),
        (complete_response(b"[]", "204 No Content"), MalformedResponseError),
        (complete_response(b"[]", "304 Not Modified"), MalformedResponseError),
        (complete_response(b"[]", "1000 Four digits"), NetworkError),
        (complete_response(b"[]", "99 Two digits"), NetworkError),
        (complete_response(b"[]", "OK 200"), NetworkError),
        (b"HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n[]", NetworkError),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n[]", NetworkError),
        (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n[]\r\n0\r\n\r\n",
            NetworkError,
        ),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n[]", NetworkError),
        (b"HTTP/1.0 200 OK\r\n\r\n[]", list),  # no length: the body ends with the connection
        (b"HTTP/2 200\r\n\r\n[]", NetworkError),
        (b"\x00\xff" * 1000, NetworkError),
        (b"SSH-2.0-OpenSSH_9.6\r\n", NetworkError),
    ],
    ids=[
        "600",
        "999",
        "204 with a body",
        "304 with a body",
        "four digits",
        "two digits",
        "no status",
        "negative length",
        "two lengths",
        "bad chunk",
        "short body",
        "HTTP/1.0 without length",
        "HTTP/2 text",
        "binary",
        "ssh",
    ],
)
def test_odd_status_lines_end_in_a_typed_error(reply: bytes, expected: type) -> None:
    with (
        RawSocketServer(reply=reply) as raw,
        TimeTrackClient(
            raw.base_url, Credentials("key", "secret"), timeout=httpx.Timeout(SECONDS)
        ) as client,
    ):
        result = outcome(client.list_attendances)

    assert isinstance(result, expected), result
    if isinstance(result, TimeTrackError):
        assert_readable(result)


# -- field by field -------------------------------------------------------------------------

COORDINATES = (
    st.floats(allow_nan=True, allow_infinity=True)
    | st.integers(-(10**400), 10**400)
    | st.sampled_from(["NaN", "Infinity", "-inf", "1e999", "90.0000001", "-180.5", "0x10", "", " "])
    | st.floats(-1000, 1000).map(str)
    | FIELD_VALUES
)


@settings(QUICK, max_examples=150)
@given(lat_start=COORDINATES, lon_start=COORDINATES, lat_end=COORDINATES, lon_end=COORDINATES)
def test_coordinates_of_any_kind_keep_the_entry(
    client: TimeTrackClient, lat_start: object, lon_start: object, lat_end: object, lon_end: object
) -> None:
    PLAN.answer(
        json_answer(
            wire_entry(
                7,
                latitudeStart=lat_start,
                longitudeStart=lon_start,
                latitudeEnd=lat_end,
                longitudeEnd=lon_end,
            )
        )
    )

    entry = outcome(lambda: client.get_attendance(7))

    assert isinstance(entry, Attendance), entry  # a broken position never costs the entry
    assert_clean_entry(entry)
    for location in (entry.start_location, entry.end_location):
        if location is not None:
            assert math.isfinite(location.latitude)
            assert math.isfinite(location.longitude)


def _two_digits(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(lambda number: f"{number:02d}")


TIMESTAMPS = st.builds(
    lambda year, month, day, hour, minute, second, fraction, zone: (
        f"{year}-{month}-{day}T{hour}:{minute}{second}{fraction}{zone}"
    ),
    st.integers(0, 9999).map(lambda year: f"{year:04d}"),
    _two_digits(0, 19),
    _two_digits(0, 39),
    _two_digits(0, 29),
    _two_digits(0, 69),
    st.sampled_from(["", ":00", ":59", ":60", ":99"]),
    st.sampled_from(["", ".0", ".999", ".123456789", ".1234567891234"]),
    st.sampled_from(["Z", "z", "+00:00", "-23:59", "+23:59", "+24:00", "+0200", "", "+99:99"]),
)


@settings(QUICK, max_examples=200)
@given(start=TIMESTAMPS, end=TIMESTAMPS | st.none() | FIELD_VALUES, manual=st.booleans())
def test_impossible_timestamps_are_malformed_never_a_crash(
    client: TimeTrackClient, start: str, end: object, manual: bool
) -> None:
    PLAN.answer(json_answer([wire_entry(1, **{"from": start, "to": end, "manual": manual})]))

    result = outcome(client.list_attendances)

    assert_entry_or_malformed("list", result)
    if isinstance(result, list) and result:
        (entry,) = result
        assert entry.end >= entry.start
        assert entry.start.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2020-02-30T09:00:00Z", None),
        ("2021-02-29T09:00:00Z", None),
        ("2020-13-01T09:00:00Z", None),
        ("2020-10-20T24:00:00Z", None),
        ("2020-10-20T09:60:00Z", None),
        ("0000-01-01T00:00:00Z", None),
        ("0001-01-01T00:00:00+23:59", None),  # before the first day a datetime can hold
        ("9999-12-31T23:59:59-23:59", None),  # after the last one
        ("2020-10-20T09:00:00Z", "2020-10-20T08:59:59Z"),  # ends before it starts
        ("2020-10-20T09:00:00", None),  # no zone
        ("1603184400", None),
        ("20.10.2020 09:00", None),
    ],
)
def test_a_list_with_an_impossible_timestamp_is_malformed(
    client: TimeTrackClient, start: str, end: str | None
) -> None:
    PLAN.answer(json_answer([wire_entry(1), wire_entry(2, **{"from": start, "to": end})]))

    result = outcome(client.list_attendances)

    assert isinstance(result, MalformedResponseError), result
    assert "item 1 of the list" in str(result)


LONE_SURROGATES = st.sampled_from(["\ud800", "\udfff", "a\udc80b", "\ud83d"])


@settings(QUICK, max_examples=40)
@given(
    notes=st.builds(
        lambda a, s, b: a + s + b, st.text(max_size=5), LONE_SURROGATES, st.text(max_size=5)
    ),
    user=LONE_SURROGATES | st.just("ivan"),
)
def test_lone_surrogates_become_replacement_characters(
    client: TimeTrackClient, notes: str, user: str
) -> None:
    # json.dumps writes them as \\udXXX escapes: valid JSON, but no encodable text.
    PLAN.answer(json_answer([wire_entry(1, notes=notes, user=user)]))

    result = outcome(lambda: client.list_attendances(user=None))

    assert isinstance(result, list), result
    (entry,) = result
    assert_clean_entry(entry)
    assert "\ufffd" in entry.notes


def test_a_lone_surrogate_in_an_error_message_stays_printable(client: TimeTrackClient) -> None:
    problem = {"errors": [{"title": "Ung\udcfcltig", "detail": "bad \ud800 value", "code": 1}]}
    PLAN.answer(json_answer(problem, status=400))

    result = outcome(lambda: client.create_attendance(DRAFT))

    assert isinstance(result, ValidationError), result
    assert_readable(result)
    assert "Ung\ufffdltig" in str(result)
    for message in result.messages:
        str(message).encode("utf-8")


# -- sizes: huge strings, deep nesting, bodies beyond the limit ----------------------------


@pytest.mark.parametrize(
    ("fields", "clean"),
    [
        ({"notes": "x" * (5 * MB)}, True),
        ({"user": "ü" * (2 * MB)}, True),
        ({"from": "2020-10-20T07:00:00Z" * 150_000}, False),
        ({"from": " " * (3 * MB) + "2020-10-20T07:00:00Z"}, True),
        ({"to": "9" * (3 * MB)}, False),
        ({"id": "1" * (3 * MB)}, False),
        ({"breakMinutes": "0" * (3 * MB) + "5"}, False),
        ({"manual": "true" + " " * (3 * MB)}, True),
        ({"latitudeStart": "4" * (3 * MB), "longitudeStart": "1." + "1" * MB}, True),
        ({"extra": ["x" * 1000] * 5000, "more": {"k" * 100_000: None}}, True),
    ],
    ids=[
        "5 MB notes",
        "2 MB user",
        "3 MB from",
        "3 MB of blanks before from",
        "3 MB of digits as to",
        "3 MB id",
        "3 MB of minutes",
        "blanks after manual",
        "MB coordinates",
        "5 MB of extra fields",
    ],
)
def test_huge_strings_end_in_an_entry_or_malformed(
    client: TimeTrackClient, fields: dict[str, object], clean: bool
) -> None:
    PLAN.answer(json_answer(wire_entry(1, **fields)))

    result = outcome(lambda: client.get_attendance(1))

    if clean:
        assert isinstance(result, Attendance), result
        assert_clean_entry(result)
    else:
        assert isinstance(result, MalformedResponseError), result
        assert_readable(result)
        assert len(str(result)) < 400  # the huge value is not quoted in full


def test_a_huge_json_number_is_malformed(client: TimeTrackClient) -> None:
    # 5,000 digits: more than Python's int() reads from text (4,300) by default.
    PLAN.answer(whole(b'[{"id": ' + b"7" * 5000 + b', "from": "2020-10-20T07:00:00Z"}]'))

    result = outcome(client.list_attendances)

    assert isinstance(result, MalformedResponseError), result


DEPTH = 100_000


@pytest.mark.parametrize(
    "body",
    [
        b"[" * DEPTH + b"]" * DEPTH,
        b"[" * DEPTH,
        b'{"a":' * DEPTH + b"1" + b"}" * DEPTH,
        b'{"data":' * DEPTH + b"[]" + b"}" * DEPTH,
        b'{"id": 1, "from": "2020-10-20T07:00:00Z", "notes": ' + b"[" * DEPTH + b"]" * DEPTH + b"}",
        b"[" + b'{"errors":' * DEPTH + b"1" + b"}" * DEPTH + b"]",
    ],
    ids=["arrays", "unclosed arrays", "objects", "data envelopes", "inside a field", "in a list"],
)
@pytest.mark.parametrize("name", ["list", "get", "update"])
def test_deeply_nested_json_is_malformed_not_a_recursion_error(
    client: TimeTrackClient, body: bytes, name: str
) -> None:
    PLAN.answer(whole(body))

    result = outcome(lambda: OPERATIONS[name](client))

    assert isinstance(result, MalformedResponseError), result
    assert_readable(result)


@pytest.mark.parametrize("status", [400, 401, 404, 422, 429, 500, 503])
def test_a_deeply_nested_error_body_is_still_a_typed_error(
    client: TimeTrackClient, status: int
) -> None:
    PLAN.answer(whole(b'{"errors": ' + b"[" * DEPTH + b"]" * DEPTH + b"}", status=status))

    result = outcome(lambda: client.create_attendance(DRAFT))

    assert isinstance(result, TimeTrackError), result
    assert not isinstance(result, MalformedResponseError)
    assert_readable(result)


@pytest.mark.parametrize("depth", [2, 10, 500, 900])
def test_nesting_below_the_recursion_limit_is_malformed_too(
    client: TimeTrackClient, depth: int
) -> None:
    nested = b"[" * depth + json_body(wire_entry(1)) + b"]" * depth
    PLAN.answer(whole(b'{"data": ' + nested + b"}"))

    assert isinstance(outcome(client.list_attendances), MalformedResponseError)
    assert isinstance(outcome(lambda: client.get_attendance(1)), MalformedResponseError)


def test_a_body_beyond_the_limit_is_malformed(client: TimeTrackClient) -> None:
    body = b"[" + b" " * responses.MAX_BODY_BYTES + b"]"
    PLAN.answer(whole(body))

    result = outcome(client.list_attendances)

    assert isinstance(result, MalformedResponseError), result
    assert "that is not an attendance list" in str(result)


def test_a_body_just_within_the_limit_is_read(
    client: TimeTrackClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = json_body([wire_entry(1)])
    monkeypatch.setattr(responses, "MAX_BODY_BYTES", len(body))
    PLAN.answer(whole(body))

    assert [entry.id for entry in client.list_attendances()] == [1]

    monkeypatch.setattr(responses, "MAX_BODY_BYTES", len(body) - 1)
    assert isinstance(outcome(client.list_attendances), MalformedResponseError)


@functools.cache
def gzip_bomb(mebibytes: int) -> bytes:
    """A valid gzip body of about a kB per MiB that inflates to a JSON array of blanks.

    After a sync flush, compressing another MiB of blanks gives the same bytes every time,
    so the body is built by repetition instead of compressing all of it.
    """
    block = b" " * MiB
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)  # raw deflate
    head = compressor.compress(b"[" + block) + compressor.flush(zlib.Z_SYNC_FLUSH)
    again = compressor.compress(block) + compressor.flush(zlib.Z_SYNC_FLUSH)
    assert compressor.compress(block) + compressor.flush(zlib.Z_SYNC_FLUSH) == again
    tail = compressor.compress(b"]") + compressor.flush()
    crc = zlib.crc32(b"[" + block)
    for _ in range(mebibytes - 1):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(b"]", crc)
    size = mebibytes * MiB + 2
    gzip_head = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, size & 0xFFFFFFFF)
    return gzip_head + head + again * (mebibytes - 1) + tail + trailer


def test_the_gzip_bomb_is_a_valid_gzip_body() -> None:
    bomb = gzip_bomb(64)
    inflated = gzip.decompress(bomb)
    assert len(inflated) == 64 * MiB + 2
    assert json.loads(inflated) == []
    assert len(bomb) < 70_000


@pytest.mark.parametrize("name", ["list", "get"])
def test_a_gzip_bomb_is_refused_without_inflating_it(
    client: TimeTrackClient, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    bomb = gzip_bomb(1024)  # 1 MB that inflates to 1 GiB
    assert len(bomb) < 1.1 * MB
    monkeypatch.setattr(responses, "MAX_BODY_BYTES", 4 * MB)
    PLAN.answer(whole(bomb, headers=[("content-encoding", "gzip")]))

    tracemalloc.start()
    try:
        result = outcome(lambda: OPERATIONS[name](client))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert isinstance(result, MalformedResponseError), result
    assert "more than 4 MB" in str(result)
    # Reading stopped within one received chunk of the limit. One chunk of at most 64 KiB
    # inflates to at most ~66 MB (deflate's ratio is at most 1032:1), and zlib may hold
    # twice that while it grows its buffer; the whole body would have been 1 GiB.
    assert peak < 256 * MB, f"{peak / MB:.0f} MB held while reading"


@pytest.mark.parametrize(
    ("chunk", "headers", "first"),
    [
        (b" " * 65536, [("content-type", "application/json")], b"["),
        (b'{"id": 1},' * 6000, [("content-type", "application/json")], b"["),
        (b"<p>" * 20_000, [("content-type", "text/html")], b""),
        (
            gzip.compress(b" " * 65536) * 1000,  # members after the first decode to nothing
            [("content-type", "application/json"), ("content-encoding", "gzip")],
            gzip.compress(b"["),
        ),
    ],
    ids=["blanks", "objects", "html", "gzip members"],
)
def test_an_endless_body_is_cut_off_at_the_limit(
    client: TimeTrackClient,
    monkeypatch: pytest.MonkeyPatch,
    chunk: bytes,
    headers: list[tuple[str, str]],
    first: bytes,
) -> None:
    monkeypatch.setattr(responses, "MAX_BODY_BYTES", 8 * MB)
    PLAN.answer(endless(chunk, headers=headers, first=first))

    result = outcome(client.list_attendances)

    assert isinstance(result, MalformedResponseError), result
    assert "more than 8 MB" in str(result)


@pytest.mark.parametrize("status", [400, 404, 500])
def test_an_endless_error_page_is_cut_off_too(
    client: TimeTrackClient, monkeypatch: pytest.MonkeyPatch, status: int
) -> None:
    monkeypatch.setattr(responses, "MAX_BODY_BYTES", 2 * MB)
    PLAN.answer(
        endless(b"<p>Fehler</p>" * 5000, status=status, headers=[("content-type", "text/html")])
    )

    result = outcome(lambda: client.create_attendance(DRAFT))

    assert isinstance(result, MalformedResponseError), result
    assert "more than 2 MB" in str(result)


def test_a_one_megabyte_header_is_a_typed_error(client: TimeTrackClient) -> None:
    PLAN.answer(whole(b"[]", headers=[("x-junk", "j" * MB)]))

    result = outcome(client.list_attendances)

    assert isinstance(result, NetworkError), result
    assert_readable(result)


# -- content types and encodings ------------------------------------------------------------


@pytest.mark.parametrize(
    ("content_type", "body", "clean"),
    [
        ("text/html; charset=utf-8", json_body([wire_entry(1)]), True),  # the body is JSON
        ("text/plain", json_body([wire_entry(1)]), True),
        (None, json_body([wire_entry(1)]), True),
        ("application/json", b"<!DOCTYPE html><html><body>Login</body></html>", False),
        ("application/xml", b"<attendances><attendance id='1'/></attendances>", False),
        ("application/json; charset=latin-1", '[{"notes": "Fr\xfch"}]'.encode("latin-1"), False),
        ("application/json", "[]".encode("utf-16"), True),  # json detects UTF-16 by its BOM
        ("application/json", b"\xef\xbb\xbf[]", True),  # so does json a UTF-8 BOM
        ("application/json", b"\x00\x01\x02\xff" * 1000, False),
        ("application/json", b"[] []", False),
        ("application/json", b"[]\x00", False),
        ("multipart/form-data; boundary=x", b"--x\r\n\r\n[]\r\n--x--", False),
    ],
)
def test_wrong_content_types_and_charsets(
    client: TimeTrackClient, content_type: str | None, body: bytes, clean: bool
) -> None:
    PLAN.answer(whole(body, content_type=content_type))

    result = outcome(client.list_attendances)

    if clean:
        assert isinstance(result, list), result
        assert_clean_list(result)
    else:
        assert isinstance(result, MalformedResponseError), result
        assert_readable(result)


ENCODINGS = st.sampled_from(
    [
        "gzip",
        "deflate",
        "br",
        "zstd",
        "identity",
        "gzip, gzip",
        "gzip, deflate",
        "x-unknown",
        "GZIP",
    ]
)


def _truncated_gzip(value: object) -> bytes:
    packed = gzip.compress(json_body(value))
    return packed[: len(packed) // 2]


@settings(QUICK, max_examples=150)
@given(
    encoding=ENCODINGS,
    body=st.binary(max_size=300)
    | st.builds(lambda value: gzip.compress(json_body(value)), LISTS)
    | st.builds(_truncated_gzip, LISTS)
    | st.builds(lambda value: zlib.compress(json_body(value))[:-3], LISTS),
)
def test_encoding_declared_garbage_is_malformed_or_a_clean_list(
    client: TimeTrackClient, encoding: str, body: bytes
) -> None:
    PLAN.answer(whole(body, headers=[("content-encoding", encoding)]))

    assert_entry_or_malformed("list", outcome(client.list_attendances))


def test_gzip_declared_garbage_is_malformed(client: TimeTrackClient) -> None:
    PLAN.answer(whole(b"\x1f\x8b\x08\x00garbage" * 100, headers=[("content-encoding", "gzip")]))

    result = outcome(client.list_attendances)

    assert isinstance(result, MalformedResponseError), result
    assert "cannot be decoded" in str(result)


# -- paging ----------------------------------------------------------------------------------


@pytest.fixture
def max_pages(monkeypatch: pytest.MonkeyPatch) -> int:
    """The pager gives up after 12 pages in this test (not 10,000)."""
    monkeypatch.setattr(client_module, "MAX_PAGES", 12)
    return 12


def _ids(first: int, count: int) -> list[object]:
    return [wire_entry(entry_id) for entry_id in range(first, first + count)]


@pytest.mark.parametrize("page_size", [1, 5, 50])
def test_a_server_that_pages_forever_is_stopped_at_max_pages(
    hostile_server: SandboxServer, max_pages: int, page_size: int
) -> None:
    # Always a full page of ids never sent before: only the page limit can end this.
    PLAN.answer(paged(lambda number, limit: _ids(number * limit + 1, limit)))

    with connect(hostile_server, page_size=page_size) as client:
        result = outcome(client.list_attendances)

    assert isinstance(result, MalformedResponseError), result
    assert "kept sending pages" in str(result)
    assert [query["page_number"] for query in PLAN.queries] == [str(n) for n in range(max_pages)]
    assert {query["limit"] for query in PLAN.queries} == {str(page_size)}


def test_a_server_that_pages_forever_with_overlapping_pages_is_stopped(
    hostile_server: SandboxServer, max_pages: int
) -> None:
    # Each page repeats half of the page before: new ids on every page, without end.
    PLAN.answer(paged(lambda number, limit: _ids(number * limit // 2 + 1, limit)))

    with connect(hostile_server, page_size=10) as client:
        result = outcome(client.list_attendances)

    assert isinstance(result, MalformedResponseError), result
    assert len(PLAN.queries) == max_pages


def test_a_server_that_ignores_limit_and_sends_more_forever_is_stopped(
    hostile_server: SandboxServer, max_pages: int
) -> None:
    PLAN.answer(paged(lambda number, _limit: _ids(number * 70 + 1, 70)))

    with connect(hostile_server, page_size=10) as client:
        result = outcome(client.list_attendances)

    assert isinstance(result, MalformedResponseError), result
    assert len(PLAN.queries) == max_pages


def test_a_server_that_sends_more_than_asked_once_is_read_whole(
    hostile_server: SandboxServer, max_pages: int
) -> None:
    pages = {0: _ids(1, 25), 1: _ids(26, 3)}
    PLAN.answer(paged(lambda number, _limit: pages.get(number, [])))

    with connect(hostile_server, page_size=10) as client:
        result = outcome(client.list_attendances)

    assert isinstance(result, list), result
    assert [entry.id for entry in result] == list(range(1, 29))
    assert [query["page_number"] for query in PLAN.queries] == ["0", "1"]


@pytest.mark.parametrize("page_size", [1, 3, 1000])
def test_a_server_that_repeats_the_same_page_is_malformed(
    hostile_server: SandboxServer, max_pages: int, page_size: int
) -> None:
    PLAN.answer(paged(lambda _number, limit: _ids(1, limit)))

    with connect(hostile_server, page_size=page_size) as client:
        result = outcome(client.list_attendances)

    assert isinstance(result, MalformedResponseError), result
    assert "same page again" in str(result)
    assert [query["page_number"] for query in PLAN.queries] == ["0", "1"]


def test_an_id_twice_on_one_page_is_listed_once(client: TimeTrackClient) -> None:
    PLAN.answer(json_answer([wire_entry(1), wire_entry(2), wire_entry(1, notes="again")]))

    result = outcome(client.list_attendances)

    assert isinstance(result, list), result
    assert [(entry.id, entry.notes) for entry in result] == [(1, ""), (2, "")]


PAGE_IDS = st.lists(st.integers(1, 40), max_size=8)


@settings(QUICK, max_examples=150)
@given(
    pages=st.lists(PAGE_IDS, min_size=1, max_size=6),
    tail=st.sampled_from(["empty", "last again", "fresh forever"]),
    page_size=st.integers(1, 6),
)
def test_any_sequence_of_pages_ends_in_a_clean_list_or_malformed(
    client: TimeTrackClient, pages: list[list[int]], tail: str, page_size: int
) -> None:
    """Pages of arbitrary ids (repeated, overlapping, too many, too few), then a tail.

    A list that comes back holds every entry of every page the client was sent, once.
    """
    fresh = itertools.count(1_000)
    sent: list[list[int]] = []

    def page(number: int, limit: int) -> list[object]:
        if number < len(pages):
            ids = pages[number]
        elif tail == "empty":
            ids = []
        elif tail == "last again":
            ids = pages[-1]
        else:
            ids = [next(fresh) for _ in range(limit)]
        sent.append(ids)
        return [wire_entry(entry_id) for entry_id in ids]

    PLAN.answer(paged(page))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(client_module, "MAX_PAGES", 10)
        patch.setattr(client, "page_size", page_size)
        result = outcome(client.list_attendances)

    assert len(sent) == len(PLAN.queries) <= 10
    assert_entry_or_malformed("list", result)
    if isinstance(result, list):
        assert sorted(entry.id for entry in result) == sorted({i for ids in sent for i in ids})


# -- the command line shows what the hostile server sent, and does not crash ---------------


def test_the_command_line_lists_hostile_text_without_crashing(
    hostile_server: SandboxServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from timeclock import cli

    monkeypatch.setenv("TIMECLOCK_URL", hostile_server.base_url)
    monkeypatch.setenv("TIMECLOCK_USER", "ivan")
    monkeypatch.setenv("TIMECLOCK_API_KEY", hostile_server.api_key)
    monkeypatch.setenv("TIMECLOCK_API_SECRET", hostile_server.api_secret)
    monkeypatch.setenv("TZ", "Europe/Berlin")
    PLAN.answer(
        json_answer(
            [
                wire_entry(1, notes="Fr\ud800h\nschicht\x1b[31m", user="ivan"),
                wire_entry(2, notes="x" * 10_000, latitudeStart=math.nan, longitudeStart=1e308),
            ]
        )
    )

    for output in ("table", "json", "csv"):
        status = cli.main(
            ["list", "--from", "2020-10-01", "--to", "2020-10-31", "--format", output]
        )
        captured = capsys.readouterr()
        assert status == 0, captured.err
        assert "unexpected" not in captured.err
        assert "Fr\ufffdh" in captured.out or "Fr\\ufffdh" in captured.out
