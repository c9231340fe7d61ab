"""The ``drip_seconds`` quirk: answers that arrive one byte at a time.

A slow server or a proxy that trickles can keep a connection busy far longer than any
single read takes; a client whose timeout counts per read, not per answer, then hangs. The
:class:`Drip` middleware sends the head at once and then each byte of the body on its own,
pausing ``drip_seconds`` before every byte. It stops as soon as the client hangs up or the
server shuts down (then it closes the connection), so ``SandboxServer.stop()`` never waits
for a drip to finish.
"""

from __future__ import annotations

import asyncio
import contextlib
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from timeclock.sandbox.faults import ConnectionHandle, connection_of
from timeclock.sandbox.quirks import QuirkControl


class Drip:
    """Pure ASGI middleware dripping the answers to requests whose path matches ``paths``
    (a regular expression) while ``control.quirks.drip_seconds`` is above 0."""

    def __init__(self, app: ASGIApp, *, control: QuirkControl, paths: str) -> None:
        self.app = app
        self.control = control
        self.paths = re.compile(paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        seconds = self.control.quirks.drip_seconds
        if scope["type"] != "http" or seconds <= 0 or not self.paths.fullmatch(scope["path"]):
            await self.app(scope, receive, send)
            return
        connection = connection_of(scope)
        given_up = False

        async def drip(message: Message) -> None:
            nonlocal given_up
            body = message.get("body", b"") if message["type"] == "http.response.body" else b""
            if given_up or not body:
                if not given_up:
                    await send(message)
                return
            more_body = message.get("more_body", False)
            for index in range(len(body)):
                if await _ending_during(seconds, connection):
                    given_up = True
                    assert connection is not None
                    await connection.close()
                    return
                last = index == len(body) - 1
                await send(
                    {
                        "type": "http.response.body",
                        "body": body[index : index + 1],
                        "more_body": more_body or not last,
                    }
                )

        await self.app(scope, receive, drip)


async def _ending_during(seconds: float, connection: ConnectionHandle | None) -> bool:
    """Pause; True if meanwhile the client hung up or the server began to stop."""
    if connection is None:  # under a foreign ASGI server: just pause
        await asyncio.sleep(seconds)
        return False
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(connection.ending.wait(), seconds)
    return connection.ending.is_set()
