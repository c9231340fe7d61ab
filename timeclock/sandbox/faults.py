"""Fault injection: the sandbox misbehaving the way networks and servers do, on purpose.

A :class:`FaultPlan` says how often each :class:`FaultKind` happens (or scripts the next few
requests exactly), how much latency to add, and carries its own seeded random generator, so
a run with the same seed and the same requests meets the same faults. It counts what it did
(:meth:`FaultPlan.counts`). :class:`FaultInjection` is the pure ASGI middleware that acts on
the plan; it touches only the attendances resource (``/api/v2/ext/attendances...``), never
the OpenAPI document or the admin endpoint. :func:`admin_routes` lets tests read and replace
the plan over HTTP (``GET``/``PUT /api/v2/ext/_admin/faults``, ``POST .../_admin/reset``).

What each kind does to a request, and whether the change is stored:

======================  ==============================================================  ======
kind                    what the client gets                                            stored
======================  ==============================================================  ======
``500``                 500, the vendor's error body                                    no
``503``                 503, the vendor's error body, ``Retry-After``                   no
``429``                 429, the vendor's error body, ``Retry-After``                   no
``cut``                 the connection closes before the request reaches the app       no
``commit-then-cut``     the app handles the request, the connection closes unanswered   yes
``malformed-json``      200, ``application/json``, a body that is not valid JSON        yes
``wrong-content-type``  200, ``text/html``, a web page instead of the answer            yes
``truncated-body``      the app's head, a Content-Length the body never reaches, close  yes
======================  ==============================================================  ======

The three answer-mangling kinds let the app do its work first (as if the answer were damaged
on its way back), so for writes they are as hard on the client as ``commit-then-cut``.

Closing a connection with no answer is not possible in plain ASGI (an app that returns
without answering gets a 500 from the server). The sandbox's server therefore hands each
request a :class:`ConnectionHandle` in ``scope["extensions"]["timeclock.connection"]``; the
middleware closes the transport through it and waits until the server has seen the
connection go, so the server neither answers nor logs anything. Under another ASGI server
the cuts degrade to an answer that breaks off after its head.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import random
import re
import threading
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from timeclock.sandbox.errors import ApiError, ErrorCode
from timeclock.sandbox.payloads import read_json_object
from timeclock.sandbox.store import AttendanceStore

CONNECTION_EXTENSION: Final = "timeclock.connection"
MAX_LATENCY_MS: Final = 600_000.0
MAX_RETRY_AFTER: Final = 86_400
CLOSE_GRACE_SECONDS: Final = 2.0  # a TLS close waits for the peer's close_notify this long


class FaultKind(StrEnum):
    """One way a request can go wrong; the value is its name in options and JSON."""

    SERVER_ERROR = "500"
    UNAVAILABLE = "503"
    RATE_LIMITED = "429"
    CUT = "cut"
    COMMIT_THEN_CUT = "commit-then-cut"
    MALFORMED_JSON = "malformed-json"
    WRONG_CONTENT_TYPE = "wrong-content-type"
    TRUNCATED_BODY = "truncated-body"

    @classmethod
    def parse(cls, name: str) -> FaultKind:
        """The kind called ``name``; ValueError naming the known kinds otherwise."""
        try:
            return cls(name.strip().lower())
        except ValueError:
            known = ", ".join(kind.value for kind in cls)
            raise ValueError(f"unknown fault {name!r}; known faults: {known}") from None


ALL_KINDS: Final = tuple(FaultKind)
_ERROR_ANSWERS: Final = {
    FaultKind.SERVER_ERROR: ErrorCode.INTERNAL_ERROR.value,
    FaultKind.UNAVAILABLE: (10503, 503, "Service unavailable"),
    FaultKind.RATE_LIMITED: (10429, 429, "Too many requests"),
}
_RUNS_THE_APP: Final = frozenset(
    {
        FaultKind.COMMIT_THEN_CUT,
        FaultKind.MALFORMED_JSON,
        FaultKind.WRONG_CONTENT_TYPE,
        FaultKind.TRUNCATED_BODY,
    }
)
_HTTP_METHODS: Final = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"})


@dataclass(frozen=True, slots=True)
class FaultDecision:
    """What the plan chose for one request: a fault (or none) and a pause in seconds."""

    kind: FaultKind | None
    delay: float = 0.0


@dataclass(frozen=True, slots=True)
class FaultCounts:
    """What a plan has done so far.

    ``requests`` it decided on; ``passed`` went through untouched (perhaps delayed);
    ``delayed`` got latency; ``abandoned`` were given up by the client during the latency
    (nothing else happened to them); ``injected`` counts each fault kind.
    """

    requests: int = 0
    passed: int = 0
    delayed: int = 0
    abandoned: int = 0
    injected: Mapping[FaultKind, int] = field(default_factory=lambda: dict.fromkeys(ALL_KINDS, 0))

    @property
    def faults(self) -> int:
        """All faults injected, of any kind."""
        return sum(self.injected.values())

    def to_json(self) -> dict[str, object]:
        return {
            "requests": self.requests,
            "passed": self.passed,
            "delayed": self.delayed,
            "abandoned": self.abandoned,
            "faults": self.faults,
            "injected": {kind.value: self.injected.get(kind, 0) for kind in ALL_KINDS},
        }


class FaultPlan:
    """Which faults the sandbox injects, how often, and what it has injected so far.

    ``rates`` maps each kind (or its name) to the share of requests that get it; the shares
    add up to at most 1 and one request gets at most one fault. ``script`` decides the
    first requests exactly, one kind (or ``None`` for no fault) per request, before the
    rates take over. ``latency_ms`` (a number or a ``(min, max)`` range, in milliseconds)
    delays a share ``latency_rate`` of the requests before anything else happens to them.
    ``retry_after`` is the ``Retry-After`` of 429 and 503 answers, in seconds. ``methods``
    limits the plan to these HTTP methods (default: all). ``seed`` makes the random choices
    repeatable; faults and latency draw from separate generators, so adding latency does
    not change which requests fail.

    Safe to use from several threads: the server's loop draws, tests read the counts.
    """

    def __init__(
        self,
        rates: Mapping[FaultKind | str, float] | None = None,
        *,
        latency_ms: float | tuple[float, float] | None = None,
        latency_rate: float = 1.0,
        retry_after: int = 1,
        seed: int | None = None,
        script: Sequence[FaultKind | str | None] = (),
        methods: Collection[str] | None = None,
    ) -> None:
        self.rates: Mapping[FaultKind, float] = _checked_rates(rates or {})
        self.latency_ms = _checked_latency(latency_ms)
        self.latency_rate = _checked_rate("latency rate", latency_rate)
        if isinstance(retry_after, bool) or not isinstance(retry_after, int):
            raise TypeError("retry_after must be a whole number of seconds")
        if not 0 <= retry_after <= MAX_RETRY_AFTER:
            raise ValueError(f"retry_after must lie between 0 and {MAX_RETRY_AFTER} seconds")
        self.retry_after = retry_after
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise TypeError("the seed must be a whole number")
        self.seed = seed
        self.script: tuple[FaultKind | None, ...] = tuple(
            None if kind is None else FaultKind.parse(kind) for kind in script
        )
        self.methods = _checked_methods(methods)
        self._lock = threading.Lock()
        self._faults_random = random.Random(seed)  # noqa: S311 - not for security
        self._latency_random = random.Random(None if seed is None else f"latency-{seed}")  # noqa: S311
        self._scripted = 0
        self._requests = 0
        self._passed = 0
        self._delayed = 0
        self._abandoned = 0
        self._injected = dict.fromkeys(ALL_KINDS, 0)

    @classmethod
    def mixed(
        cls, rate: float, *, kinds: Collection[FaultKind | str] = ALL_KINDS, **options: Any
    ) -> FaultPlan:
        """``rate`` of the requests get a fault, shared evenly among ``kinds`` (default: all)."""
        chosen = [FaultKind.parse(kind) for kind in kinds]
        rate = _checked_rate("fault rate", rate)
        if not chosen:
            raise ValueError("no fault kinds to mix")
        return cls(dict.fromkeys(chosen, rate / len(chosen)), **options)

    # -- what the plan does ------------------------------------------------------------------

    @property
    def active(self) -> bool:
        """Whether the plan can do anything at all to a request."""
        return bool(
            any(self.rates.values())
            or any(kind is not None for kind in self.script)
            or (self.latency_ms is not None and self.latency_ms[1] > 0 and self.latency_rate > 0)
        )

    @property
    def fault_rate(self) -> float:
        """The share of requests that get a fault once the script has run out."""
        return min(1.0, sum(self.rates.values()))

    def applies_to(self, method: str) -> bool:
        return self.methods is None or method.upper() in self.methods

    def decide(self) -> FaultDecision:
        """Choose for the next request (counted in ``requests``, and ``delayed`` if paused)."""
        with self._lock:
            self._requests += 1
            if self._scripted < len(self.script):
                kind = self.script[self._scripted]
                self._scripted += 1
            else:
                kind = self._draw_kind()
            delay = self._draw_delay()
            if delay > 0:
                self._delayed += 1
            return FaultDecision(kind, delay)

    def record(self, kind: FaultKind | None) -> None:
        """Count what was done to a request: ``kind`` injected, or passed on untouched."""
        with self._lock:
            if kind is None:
                self._passed += 1
            else:
                self._injected[kind] += 1

    def record_abandoned(self) -> None:
        with self._lock:
            self._abandoned += 1

    def counts(self) -> FaultCounts:
        """A snapshot of the counters."""
        with self._lock:
            return FaultCounts(
                self._requests, self._passed, self._delayed, self._abandoned, dict(self._injected)
            )

    def _draw_kind(self) -> FaultKind | None:
        if not self.rates:
            return None
        point = self._faults_random.random()
        threshold = 0.0
        for kind in ALL_KINDS:  # a fixed order, so a seed always means the same faults
            threshold += self.rates.get(kind, 0.0)
            if point < threshold:
                return kind
        return None

    def _draw_delay(self) -> float:
        if self.latency_ms is None or self.latency_rate <= 0:
            return 0.0
        if self.latency_rate < 1 and self._latency_random.random() >= self.latency_rate:
            return 0.0
        low, high = self.latency_ms
        milliseconds = low if low == high else self._latency_random.uniform(low, high)
        return milliseconds / 1000

    # -- text and JSON -----------------------------------------------------------------------

    def describe(self) -> str:
        """One line for people, e.g. ``500 5%, cut 5%; seed 7``; ``none`` when inactive."""
        shares = set(self.rates.values())
        if len(self.rates) == len(ALL_KINDS) and len(shares) == 1:
            parts = [f"{_percent(self.fault_rate)} mixed over all kinds ({_percent(*shares)} each)"]
        else:
            parts = [f"{kind.value} {_percent(rate)}" for kind, rate in self.rates.items()]
        if any(kind is not None for kind in self.script):
            parts.append("scripted: " + ", ".join(kind or "none" for kind in self.script))
        if self.latency_ms is not None and self.latency_ms[1] > 0 and self.latency_rate > 0:
            low, high = (_number(value) for value in self.latency_ms)
            span = low if low == high else f"{low}-{high}"
            share = "every request" if self.latency_rate >= 1 else _percent(self.latency_rate)
            parts.append(f"latency {span} ms on {share}")
        if not parts:
            return "none"
        notes = []
        if any(kind in _ERROR_ANSWERS and kind != FaultKind.SERVER_ERROR for kind in self._kinds()):
            notes.append(f"Retry-After {self.retry_after} s")
        if self.methods is not None:
            notes.append("only " + "/".join(sorted(self.methods)))
        if self.seed is not None:
            notes.append(f"seed {self.seed}")
        return "; ".join([", ".join(parts), *notes])

    def to_json(self) -> dict[str, object]:
        """The plan as the admin endpoint shows it (and :meth:`from_json` reads it)."""
        return {
            "rates": {kind.value: rate for kind, rate in self.rates.items()},
            "latencyMs": None if self.latency_ms is None else list(self.latency_ms),
            "latencyRate": self.latency_rate,
            "retryAfter": self.retry_after,
            "seed": self.seed,
            "script": [None if kind is None else kind.value for kind in self.script],
            "methods": None if self.methods is None else sorted(self.methods),
        }

    @classmethod
    def from_json(cls, document: Mapping[str, object]) -> FaultPlan:
        """A plan from JSON like :meth:`to_json`'s; every key is optional.

        ``"mixed": RATE`` spreads RATE over all kinds; ``rates`` then overrides single kinds.
        Raises ValueError (or TypeError) with a message fit for a 400 answer.
        """
        known = {
            *("rates", "mixed", "latencyMs", "latencyRate", "retryAfter", "seed"),
            *("script", "methods"),
        }
        unknown = sorted(set(document) - known)
        if unknown:
            raise ValueError(f"unknown field(s) {', '.join(unknown)}; known: {sorted(known)}")
        rates: dict[FaultKind | str, float] = {}
        mixed = document.get("mixed")
        if mixed is not None:
            share = _checked_rate("mixed", _json_number("mixed", mixed)) / len(ALL_KINDS)
            rates.update(dict.fromkeys(ALL_KINDS, share))
        raw_rates = document.get("rates") or {}
        if not isinstance(raw_rates, Mapping):
            raise TypeError("rates must be an object of fault names and shares")
        for name, rate in raw_rates.items():
            rates[FaultKind.parse(str(name))] = _json_number(f"rates.{name}", rate)
        latency = document.get("latencyMs")
        latency_ms: float | tuple[float, float] | None
        if latency is None:
            latency_ms = None
        elif isinstance(latency, list) and len(latency) == 2:
            latency_ms = (
                _json_number("latencyMs", latency[0]),
                _json_number("latencyMs", latency[1]),
            )
        else:
            latency_ms = _json_number("latencyMs", latency)
        script = document.get("script") or []
        if not isinstance(script, list) or not all(
            kind is None or isinstance(kind, str) for kind in script
        ):
            raise TypeError("script must be a list of fault names (or null for no fault)")
        methods = document.get("methods")
        if methods is not None and (
            not isinstance(methods, list) or not all(isinstance(m, str) for m in methods)
        ):
            raise TypeError("methods must be a list of HTTP methods")
        return cls(
            rates,
            latency_ms=latency_ms,
            latency_rate=_json_number("latencyRate", document.get("latencyRate", 1.0)),
            retry_after=_json_int("retryAfter", document.get("retryAfter", 1)),
            seed=None if document.get("seed") is None else _json_int("seed", document["seed"]),
            script=script,
            methods=methods,
        )

    def __repr__(self) -> str:
        return f"FaultPlan({self.describe()})"

    def _kinds(self) -> set[FaultKind]:
        kinds = {kind for kind, rate in self.rates.items() if rate}
        return kinds | {kind for kind in self.script if kind is not None}


class FaultControl:
    """The plan in force, replaceable from any thread between (or during) requests."""

    def __init__(self, plan: FaultPlan | None = None) -> None:
        self.plan = plan if plan is not None else FaultPlan()


# -- the connection handle the sandbox's server provides ----------------------------------------


class ConnectionHandle:
    """What the server lets a request do to its connection: close it, and see it go.

    Made by the sandbox's uvicorn protocol (see :mod:`timeclock.sandbox.server`) and put
    into ``scope["extensions"][CONNECTION_EXTENSION]``. Used on the server's loop only.
    """

    def __init__(self, transport: asyncio.Transport) -> None:
        self.transport = transport
        self.lost = asyncio.Event()

    def connection_lost(self) -> None:
        """Called by the protocol once the server has finished with the connection."""
        self.lost.set()

    async def close(self) -> None:
        """Close after sending what was written; returns once the server saw it go.

        The server then marks the request as disconnected and neither answers it nor logs
        it. A TLS close that the peer does not complete is aborted after a grace period.
        """
        self.transport.close()
        try:
            await asyncio.wait_for(self.lost.wait(), CLOSE_GRACE_SECONDS)
        except TimeoutError:
            self.transport.abort()
            await self.lost.wait()


def connection_of(scope: Scope) -> ConnectionHandle | None:
    handle = (scope.get("extensions") or {}).get(CONNECTION_EXTENSION)
    return handle if isinstance(handle, ConnectionHandle) else None


# -- the middleware -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Answer:
    status: int = 500
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    body: bytearray = field(default_factory=bytearray)


class FaultInjection:
    """Pure ASGI middleware injecting the faults of ``control.plan`` into requests whose path
    matches ``paths`` (a regular expression); everything else passes untouched."""

    def __init__(self, app: ASGIApp, *, control: FaultControl, paths: str) -> None:
        self.app = app
        self.control = control
        self.paths = re.compile(paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        plan = self.control.plan
        if (
            scope["type"] != "http"
            or not self.paths.fullmatch(scope["path"])
            or not plan.active
            or not plan.applies_to(scope["method"])
        ):
            await self.app(scope, receive, send)
            return
        decision = plan.decide()
        connection = connection_of(scope)
        if decision.delay > 0 and await _client_left_during(decision.delay, connection):
            plan.record_abandoned()
            return
        kind = decision.kind
        plan.record(kind)
        if kind is None:
            await self.app(scope, receive, send)
        elif kind in _ERROR_ANSWERS:
            await _drain(receive)
            await _error_answer(kind, plan.retry_after)(scope, receive, send)
        elif kind is FaultKind.CUT:
            await _drain(receive)
            await _cut(connection, send)
        else:
            assert kind in _RUNS_THE_APP
            answer = await _run_app(self.app, scope, receive)
            await _damaged_answer(kind, answer, connection, send)


async def _client_left_during(seconds: float, connection: ConnectionHandle | None) -> bool:
    """Pause; True if the client hung up meanwhile (then nothing more is done)."""
    if connection is None:
        await asyncio.sleep(seconds)
        return False
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(connection.lost.wait(), seconds)
    return connection.lost.is_set()


async def _drain(receive: Receive) -> None:
    """Read and drop the request body, so closing does not turn into a TCP reset."""
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            return


_ERROR_DETAILS: Final = {
    FaultKind.SERVER_ERROR: "the sandbox failed on purpose (fault injection)",
    FaultKind.UNAVAILABLE: "the sandbox is unavailable on purpose (fault injection)",
    FaultKind.RATE_LIMITED: "too many requests; the sandbox limits on purpose (fault injection)",
}


def _error_answer(kind: FaultKind, retry_after: int) -> Response:
    code, status, title = _ERROR_ANSWERS[kind]
    problem = {"title": title, "status": status, "code": code, "detail": _ERROR_DETAILS[kind]}
    headers = {} if kind is FaultKind.SERVER_ERROR else {"Retry-After": str(retry_after)}
    return JSONResponse({"errors": [problem]}, status_code=status, headers=headers)


async def _run_app(app: ASGIApp, scope: Scope, receive: Receive) -> _Answer:
    """Let the app handle the request (and store what it changes); keep its answer here."""
    answer = _Answer()

    async def keep(message: Message) -> None:
        if message["type"] == "http.response.start":
            answer.status = message["status"]
            answer.headers = list(message.get("headers", []))
        elif message["type"] == "http.response.body":
            answer.body += message.get("body", b"")

    await app(scope, receive, keep)
    return answer


async def _cut(connection: ConnectionHandle | None, send: Send) -> None:
    """Close the connection without an answer (or, under a foreign server, after a head)."""
    if connection is not None:
        await connection.close()
        return
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"1")],
        }
    )


_HTML_PAGE: Final = (
    b"<!DOCTYPE html>\n<html><head><title>Wartungsarbeiten</title></head>\n"
    b"<body><h1>TimeTrack</h1><p>Der Dienst wird gerade gewartet. Bitte versuchen Sie es"
    b" sp&auml;ter noch einmal.</p></body></html>\n"
)


async def _damaged_answer(
    kind: FaultKind, answer: _Answer, connection: ConnectionHandle | None, send: Send
) -> None:
    if kind is FaultKind.COMMIT_THEN_CUT:
        await _cut(connection, send)
        return
    if kind is FaultKind.MALFORMED_JSON:
        await _send_whole(send, 200, b"application/json", broken_json(bytes(answer.body)))
        return
    if kind is FaultKind.WRONG_CONTENT_TYPE:
        await _send_whole(send, 200, b"text/html; charset=utf-8", _HTML_PAGE)
        return
    assert kind is FaultKind.TRUNCATED_BODY
    body = bytes(answer.body)
    status = answer.status
    headers = [(name, value) for name, value in answer.headers if name.lower() != b"content-length"]
    if len(body) < 2 or status in (204, 304) or status < 200:
        status, body = 200, b'{"status": "ok"}'
        headers = [(b"content-type", b"application/json")]
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True})
    if connection is not None:
        await connection.close()


async def _send_whole(send: Send, status: int, content_type: bytes, body: bytes) -> None:
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


def broken_json(body: bytes) -> bytes:
    """``body`` cut off in the middle (a JSON object or array is then never valid)."""
    text = body.strip()
    if len(text) >= 2 and text[:1] in (b"{", b"["):
        return text[: max(1, len(text) // 2)]
    return b'{"id": 1, "user": "'


# -- the admin endpoint -------------------------------------------------------------------------


def admin_routes(control: FaultControl, store: AttendanceStore, prefix: str) -> list[Route]:
    """``GET``/``PUT {prefix}/_admin/faults`` and ``POST {prefix}/_admin/reset``.

    GET answers ``{"plan": ..., "counts": ...}``; PUT replaces the plan with the one in the
    body (see :meth:`FaultPlan.from_json`; ``{}`` switches faults off) and answers like GET
    with the new plan's (zero) counts; reset empties the store and switches faults off.
    """

    def state() -> JSONResponse:
        plan = control.plan
        return JSONResponse({"plan": plan.to_json(), "counts": plan.counts().to_json()})

    async def faults(request: Request) -> Response:
        if request.method == "PUT":
            document = await read_json_object(request)
            try:
                control.plan = FaultPlan.from_json(document)
            except (TypeError, ValueError) as error:
                raise ApiError(ErrorCode.INVALID_FIELD, str(error)) from error
        return state()

    async def reset(_request: Request) -> Response:
        store.reset()
        control.plan = FaultPlan()
        return Response(status_code=204)

    return [
        Route(f"{prefix}/_admin/faults", faults, methods=["GET", "PUT"]),
        Route(f"{prefix}/_admin/reset", reset, methods=["POST"]),
    ]


# -- checks and parsing -------------------------------------------------------------------------


def _checked_rate(what: str, rate: float) -> float:
    if isinstance(rate, bool) or not isinstance(rate, int | float):
        raise TypeError(f"the {what} must be a number between 0 and 1")
    if not (math.isfinite(rate) and 0 <= rate <= 1):
        raise ValueError(f"the {what} must lie between 0 and 1, not {rate}")
    return float(rate)


def _checked_rates(rates: Mapping[FaultKind | str, float]) -> dict[FaultKind, float]:
    checked = {
        FaultKind.parse(kind): _checked_rate(f"rate of {kind}", rate)
        for kind, rate in rates.items()
    }
    if sum(checked.values()) > 1 + 1e-9:
        raise ValueError(f"the fault rates add up to {sum(checked.values()):g}, more than 1")
    return {kind: checked[kind] for kind in ALL_KINDS if checked.get(kind)}


def _checked_latency(latency: float | tuple[float, float] | None) -> tuple[float, float] | None:
    if latency is None:
        return None
    low, high = (latency, latency) if isinstance(latency, int | float) else latency
    for value in (low, high):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError("latency must be milliseconds or a (min, max) pair of them")
        if not (math.isfinite(value) and 0 <= value <= MAX_LATENCY_MS):
            raise ValueError(f"latency must lie between 0 and {MAX_LATENCY_MS:g} ms, not {value}")
    if high < low:
        raise ValueError(f"the latency range {low:g}-{high:g} ms ends before it starts")
    return (float(low), float(high))


def _checked_methods(methods: Collection[str] | None) -> frozenset[str] | None:
    if methods is None:
        return None
    if isinstance(methods, str):
        methods = [methods]
    checked = frozenset(method.upper() for method in methods)
    unknown = sorted(checked - _HTTP_METHODS)
    if unknown or not checked:
        raise ValueError(f"not HTTP methods: {unknown or 'none given'}")
    return checked


def _json_number(what: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{what} must be a number, not {json.dumps(value)}")
    return float(value)


def _json_int(what: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be a whole number, not {json.dumps(value)}")
    return value


def _percent(rate: float) -> str:
    return f"{_number(round(rate * 100, 2))}%"


def _number(value: float) -> str:
    return f"{value:g}"


def parse_rate(text: str) -> float:
    """A share such as ``0.3`` or ``30%``; ValueError otherwise."""
    stripped = text.strip()
    try:
        rate = float(stripped[:-1]) / 100 if stripped.endswith("%") else float(stripped)
    except ValueError:
        raise ValueError(f"not a rate: {text!r} (use e.g. 0.3 or 30%)") from None
    return _checked_rate("rate", rate)


def parse_latency(text: str) -> tuple[float, float]:
    """``MS`` or ``MIN-MAX`` milliseconds, e.g. ``200`` or ``50-500``; ValueError otherwise."""
    low, dash, high = text.strip().partition("-")
    try:
        values = (float(low), float(high) if dash else float(low))
    except ValueError:
        raise ValueError(f"not a latency: {text!r} (use MS or MIN-MAX, e.g. 50-500)") from None
    checked = _checked_latency(values)
    assert checked is not None
    return checked


def parse_fault(text: str) -> tuple[str, float]:
    """``KIND=RATE`` (``KIND`` a fault name, or ``latency`` for the share delayed)."""
    name, equals, rate = text.partition("=")
    if not equals:
        raise ValueError(f"expected KIND=RATE, e.g. cut=0.05, not {text!r}")
    name = name.strip().lower()
    if name != "latency":
        name = FaultKind.parse(name).value
    return name, parse_rate(rate)


__all__ = [
    "ALL_KINDS",
    "CONNECTION_EXTENSION",
    "ConnectionHandle",
    "FaultControl",
    "FaultCounts",
    "FaultDecision",
    "FaultInjection",
    "FaultKind",
    "FaultPlan",
    "admin_routes",
    "broken_json",
    "connection_of",
    "parse_fault",
    "parse_latency",
    "parse_rate",
]
