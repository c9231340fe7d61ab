"""The ASGI middleware that acts on the fault plan, request by request.

:class:`FaultInjection` touches only the paths it is given (the sandbox gives it the
attendances resource, ``/api/v2/ext/attendances...``), never the OpenAPI document or the
admin endpoint. Error faults answer in the vendor's error format; cuts close the connection
through the request's :class:`~timeclock.sandbox.faults.connection.ConnectionHandle`; the
answer-mangling kinds let the app do its work first and damage its answer on the way back.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from dataclasses import dataclass, field
from typing import Final

from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from timeclock.sandbox.faults.connection import ConnectionHandle, connection_of
from timeclock.sandbox.faults.kinds import ERROR_ANSWERS, RUNS_THE_APP, FaultKind
from timeclock.sandbox.faults.plan import FaultControl


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
        elif kind in ERROR_ANSWERS:
            await _drain(receive)
            await _error_answer(kind, plan.retry_after)(scope, receive, send)
        elif kind is FaultKind.CUT:
            await _drain(receive)
            await _cut(connection, send)
        else:
            assert kind in RUNS_THE_APP
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
    code, status, title = ERROR_ANSWERS[kind]
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
