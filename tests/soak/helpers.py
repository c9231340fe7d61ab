"""A trap in the sandbox that holds one request, so a test can kill its client there.

Killing a process after a random pause hits some moments and misses others. To be sure
of the two that matter most for exactly-once delivery, :class:`KillTrap` (pure ASGI
middleware, outermost in front of the sandbox) holds the next write request on the
attendances resource at a chosen point until the test has killed the client:

* ``"arrival"``: the request has reached the server, nothing is stored yet; after the kill
  it is answered 503 without reaching the app (the change is not stored).
* ``"answer"``: the app has stored the change and is about to answer; after the kill the
  answer goes nowhere (stored, but the client never learned it).

Armed for ``GET`` instead, the trap holds the next read of the entries at its arrival: a
``stamp`` reads where the user stands while it holds the desk's stamp lock, so the client
can be killed exactly while it holds that lock.
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Final, Literal

from starlette.types import ASGIApp, Message, Receive, Scope, Send

Moment = Literal["arrival", "answer"]
WRITES: Final = frozenset({"POST", "PUT", "PATCH", "DELETE"})
HOLD_SECONDS: Final = 30.0  # a hold never outlives this, even if the test forgets to release


@dataclass
class Hold:
    """One armed trap: ``sprung`` once a request is held, ``release`` lets it go on."""

    moment: Moment
    methods: frozenset[str] = WRITES
    sprung: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    method: str = ""


class Trap:
    """What :class:`KillTrap` is to hold next; armed and disarmed from the test's thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._armed: Hold | None = None

    def arm(self, moment: Moment, methods: frozenset[str] = WRITES) -> Hold:
        """Hold the next request of ``methods`` (writes unless told) at ``moment``; returns
        the hold to wait on."""
        hold = Hold(moment, methods)
        with self._lock:
            self._armed = hold
        return hold

    def disarm(self) -> None:
        with self._lock:
            self._armed = None

    def take(self, method: str) -> Hold | None:
        """The armed hold for this request, if it is of the hold's methods (then it is
        disarmed)."""
        with self._lock:
            hold = self._armed
            if hold is None or method not in hold.methods:
                return None
            self._armed = None
        hold.method = method
        return hold


class KillTrap:
    """ASGI middleware: holds the write request :class:`Trap` says (see the module)."""

    def __init__(self, app: ASGIApp, *, trap: Trap, paths: str = r".*/attendances(/.*)?") -> None:
        self.app = app
        self.trap = trap
        self.paths = re.compile(paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        hold = (
            self.trap.take(scope["method"])
            if scope["type"] == "http" and self.paths.fullmatch(scope["path"])
            else None
        )
        if hold is None:
            await self.app(scope, receive, send)
            return
        if hold.moment == "arrival":
            hold.sprung.set()
            await _released(hold)
            await send(
                {
                    "type": "http.response.start",
                    "status": 503,
                    "headers": [(b"content-type", b"application/json")],
                }
            )
            await send({"type": "http.response.body", "body": b'{"errors": []}'})
            return

        async def held_answer(message: Message) -> None:
            if message["type"] == "http.response.start" and not hold.sprung.is_set():
                hold.sprung.set()  # the app has stored the change by now
                await _released(hold)
            await send(message)

        await self.app(scope, receive, held_answer)


async def _released(hold: Hold) -> None:
    deadline = time.monotonic() + HOLD_SECONDS
    while not hold.release.is_set() and time.monotonic() < deadline:
        await asyncio.sleep(0.005)
