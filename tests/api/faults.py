"""Server faults and request recording for the client tests, all on real loopback HTTP.

Nothing here mocks httpx. The pieces either sit in front of the sandbox as pure ASGI
middleware (passed to ``make_server(middleware=[Middleware(...)])``) or are tiny servers of
their own:

* :class:`Recorder` writes down every request (method, path, query, headers, body) and
  then lets the sandbox answer it; an optional ``before`` hook runs first (e.g. to change
  the store between two page requests).
* :class:`CannedResponses` answers requests matching a rule of its :class:`FaultPlan`
  itself with a :class:`Canned` response (any status, headers and bytes, optionally after a
  pause) and lets the others through to the sandbox. The plan can be changed between
  requests, so one server serves many tests.
* :class:`EmptyAnswers` lets the sandbox do the work but throws its answer's body away.
* :class:`RawSocketServer` accepts TCP connections, reads the request head and sends a fixed
  number of raw bytes (possibly none, possibly half a response) before closing.
* :func:`unused_port` names a loopback port with nothing listening.
* :func:`self_signed_certificate` makes an untrusted certificate for an HTTPS raw server.
* :func:`instrumented_server` starts a sandbox with a :class:`Recorder` (outermost) and,
  optionally, a :class:`FaultPlan` behind it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import socket
import ssl
import struct
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self
from urllib.parse import parse_qsl

from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from timeclock.sandbox import SandboxServer

LOOPBACK = "127.0.0.1"
API_PREFIX = "/api/v2/ext"


# -- recording -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Recorded:
    """One request as it reached the server."""

    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    headers: tuple[tuple[str, str], ...]
    body: bytes

    @property
    def params(self) -> dict[str, str]:
        """The query parameters (the last value of a repeated name wins)."""
        return dict(self.query)

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (case-insensitive), or None."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key == wanted), None)

    def json(self) -> object:
        """The body decoded as JSON."""
        return json.loads(self.body)


def _recorded(scope: Scope, body: bytes) -> Recorded:
    return Recorded(
        method=scope["method"],
        path=scope["path"],
        query=tuple(parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)),
        headers=tuple(
            (name.decode("latin-1").lower(), value.decode("latin-1"))
            for name, value in scope["headers"]
        ),
        body=body,
    )


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replaying(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the already-read body over once, then defers to the real one."""
    delivered = False

    async def replay() -> Message:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class Recorder:
    """Append every HTTP request to ``log``, then pass it on to the app.

    ``before`` (if given) is called with the recorded request before the app sees it; it runs
    on the server's thread, so it must be quick and thread-safe (the sandbox store is).
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        log: list[Recorded],
        before: Callable[[Recorded], None] | None = None,
    ) -> None:
        self.app = app
        self.log = log
        self.before = before

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body = await _read_body(receive)
        request = _recorded(scope, body)
        self.log.append(request)
        if self.before is not None:
            self.before(request)
        await self.app(scope, _replaying(body, receive), send)


def api_requests(log: Iterable[Recorded], method: str = "GET") -> list[Recorded]:
    """The recorded requests with ``method`` to the attendances collection (list calls)."""
    collection = re.compile(re.escape(API_PREFIX) + r"/attendances/?")
    return [r for r in log if r.method == method and collection.fullmatch(r.path)]


# -- canned answers --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Canned:
    """A response to send instead of the sandbox's.

    ``delay`` pauses before answering; the pause ends early when the client hangs up, so a
    test that times out does not keep the server busy.
    """

    status: int = 200
    body: bytes = b""
    content_type: str | None = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0

    @classmethod
    def json(
        cls,
        value: object,
        *,
        status: int = 200,
        headers: Sequence[tuple[str, str]] = (),
        delay: float = 0.0,
    ) -> Canned:
        """A JSON answer."""
        return cls(status, json.dumps(value).encode(), "application/json", tuple(headers), delay)

    @classmethod
    def error(cls, status: int, title: str, detail: str = "", code: int = 0) -> Canned:
        """An error in the vendor's shape ``{"errors": [{title, status, code, detail}]}``."""
        problem = {"title": title, "status": status, "code": code, "detail": detail}
        return cls.json({"errors": [problem]}, status=status)

    def raw_headers(self) -> list[tuple[bytes, bytes]]:
        headers = [
            (name.lower().encode("latin-1"), value.encode("latin-1"))
            for name, value in self.headers
        ]
        if self.content_type is not None:
            headers.append((b"content-type", self.content_type.encode("latin-1")))
        headers.append((b"content-length", str(len(self.body)).encode()))
        return headers


@dataclass(frozen=True, slots=True)
class Rule:
    """Which requests get ``answer``: ``method`` (None: any) and a ``path`` regex searched in
    the path (None: any)."""

    answer: Canned
    method: str | None = None
    path: str | None = None

    def matches(self, scope: Scope) -> bool:
        if self.method is not None and scope["method"] != self.method.upper():
            return False
        return self.path is None or re.search(self.path, scope["path"]) is not None


async def _wait_for_disconnect(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


class FaultPlan:
    """The rules a :class:`CannedResponses` middleware follows, changeable between requests.

    A test that shares one server with others sets the rules it needs and clears them after;
    the middleware reads them afresh for every request.
    """

    def __init__(self, *rules: Rule) -> None:
        self.rules: tuple[Rule, ...] = rules

    def set(self, *rules: Rule) -> None:
        """Answer with these rules from the next request on (first match wins)."""
        self.rules = rules

    def clear(self) -> None:
        """Let every request through to the sandbox again."""
        self.rules = ()

    def match(self, scope: Scope) -> Rule | None:
        if scope["type"] != "http":
            return None
        return next((rule for rule in self.rules if rule.matches(scope)), None)


class CannedResponses:
    """Answer requests that match a rule of ``plan`` with its canned answer; pass the rest."""

    def __init__(self, app: ASGIApp, *, plan: FaultPlan) -> None:
        self.app = app
        self.plan = plan

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        rule = self.plan.match(scope)
        if rule is None:
            await self.app(scope, receive, send)
            return
        await _read_body(receive)
        answer = rule.answer
        if answer.delay > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(_wait_for_disconnect(receive), answer.delay)
        await send(
            {
                "type": "http.response.start",
                "status": answer.status,
                "headers": answer.raw_headers(),
            }
        )
        await send({"type": "http.response.body", "body": answer.body, "more_body": False})


class EmptyAnswers:
    """Let the app handle ``method`` requests but send its answer without a body.

    The status code is kept (or replaced by ``status``); used to play a server that confirms
    an update without echoing the object back.
    """

    def __init__(self, app: ASGIApp, *, method: str, status: int | None = None) -> None:
        self.app = app
        self.method = method.upper()
        self.status = status

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != self.method:
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if name.lower() not in (b"content-length", b"content-type")
                ]
                status = self.status if self.status is not None else message["status"]
                await send(
                    {
                        "type": "http.response.start",
                        "status": status,
                        "headers": [*headers, (b"content-length", b"0")],
                    }
                )
            elif message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
            else:
                await send(message)

        await self.app(scope, receive, send_without_body)


class RewrittenAnswers:
    """Let the app handle ``method`` requests, then send its JSON answer through ``rewrite``.

    Plays a server (or a proxy mixing up answers) that stores the change and answers with
    another entry, another user's, or one without some field.
    """

    def __init__(
        self, app: ASGIApp, *, method: str, rewrite: Callable[[dict[str, object]], object]
    ) -> None:
        self.app = app
        self.method = method.upper()
        self.rewrite = rewrite

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != self.method:
            await self.app(scope, receive, send)
            return
        start: Message = {}
        chunks: list[bytes] = []

        async def collect(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            if message["type"] != "http.response.body" or message.get("more_body", False):
                return
            body = b"".join(chunks)
            value = json.loads(body) if body else None
            if isinstance(value, dict):
                body = json.dumps(self.rewrite(value)).encode()
            headers = [(k, v) for k, v in start.get("headers", []) if k != b"content-length"]
            await send({**start, "headers": [*headers, (b"content-length", b"%d" % len(body))]})
            await send({"type": "http.response.body", "body": body, "more_body": False})

        await self.app(scope, receive, collect)


# -- wire objects for canned answers --------------------------------------------------------


def wire_entry(entry_id: int, **fields: object) -> dict[str, object]:
    """An attendance object as the vendor documents it; ``fields`` override or add keys."""
    entry: dict[str, object] = {
        "id": entry_id,
        "user": "ivan",
        "from": "2020-10-20T07:00:00.000Z",
        "to": "2020-10-20T15:30:00.000Z",
        "notes": "",
        "manual": False,
        "workedMinutes": 480,
        "breakMinutes": 30,
    }
    entry.update(fields)
    return entry


# -- servers that are no HTTP server ---------------------------------------------------------


def unused_port() -> int:
    """A loopback port that nothing listens on (bound to port 0, read, released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        port: int = probe.getsockname()[1]
    return port


@dataclass(slots=True)
class RawSocketServer:
    """A loopback TCP server that reads each request head, sends ``reply`` and hangs up.

    ``reply=b""`` cuts the connection before any answer; half a response (a head that
    promises more body than follows) cuts it in the middle. ``reset=True`` closes with a TCP
    RST instead of a FIN. With ``tls`` (a server-side context) it speaks HTTPS.
    ``connections`` counts the connections accepted.
    """

    reply: bytes = b""
    reset: bool = False
    tls: ssl.SSLContext | None = None
    connections: int = 0
    _listener: socket.socket | None = field(default=None, repr=False)
    _thread: threading.Thread | None = field(default=None, repr=False)
    _stop: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def base_url(self) -> str:
        assert self._listener is not None, "not started"
        scheme = "http" if self.tls is None else "https"
        return f"{scheme}://{LOOPBACK}:{self._listener.getsockname()[1]}{API_PREFIX}"

    def __enter__(self) -> Self:
        self._listener = socket.create_server((LOOPBACK, 0))
        self._listener.settimeout(0.5)
        self._thread = threading.Thread(target=self._serve, name="raw-socket-server", daemon=True)
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._listener is not None and self._thread is not None:
            # Wake the blocked accept() at once instead of waiting for its next poll.
            with contextlib.suppress(OSError):
                socket.create_connection(self._listener.getsockname(), timeout=1).close()
        if self._thread is not None:
            self._thread.join(5)
        if self._listener is not None:
            self._listener.close()

    def _serve(self) -> None:
        assert self._listener is not None
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                if self._stop.is_set():
                    return
                self.connections += 1
                self._answer(connection)

    def _answer(self, connection: socket.socket) -> None:
        connection.settimeout(2)
        with contextlib.ExitStack() as closing, contextlib.suppress(OSError):
            # OSError includes ssl.SSLError: a client that refuses the certificate.
            if self.tls is not None:
                connection = closing.enter_context(
                    self.tls.wrap_socket(connection, server_side=True)
                )
            received = b""
            while b"\r\n\r\n" not in received:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                received += chunk
            if self.reply:
                connection.sendall(self.reply)
            if self.reset:
                connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def complete_response(body: bytes, status: str = "200 OK") -> bytes:
    """A whole HTTP/1.1 JSON response, for a :class:`RawSocketServer` to send."""
    head = (
        f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


# -- servers with the pieces above ------------------------------------------------------------


def instrumented_middleware(
    log: list[Recorded],
    *,
    plan: FaultPlan | None = None,
    before: Callable[[Recorded], None] | None = None,
) -> list[Middleware]:
    """A :class:`Recorder` writing to ``log`` and, behind it, canned answers from ``plan``."""
    middleware = [Middleware(Recorder, log=log, before=before)]
    if plan is not None:
        middleware.append(Middleware(CannedResponses, plan=plan))
    return middleware


def instrumented_server(
    make_server: Callable[..., SandboxServer],
    *,
    plan: FaultPlan | None = None,
    before: Callable[[Recorded], None] | None = None,
    **options: object,
) -> tuple[SandboxServer, list[Recorded]]:
    """A sandbox (from the ``make_server`` fixture) whose requests are recorded."""
    log: list[Recorded] = []
    server = make_server(
        middleware=instrumented_middleware(log, plan=plan, before=before), **options
    )
    return server, log
