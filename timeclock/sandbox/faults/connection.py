"""The handle the sandbox's server gives each request to close its connection.

Closing a connection with no answer is not possible in plain ASGI (an app that returns
without answering gets a 500 from the server). The sandbox's server therefore hands each
request a :class:`ConnectionHandle` in ``scope["extensions"]["timeclock.connection"]``; the
middleware closes the transport through it and waits until the server has seen the
connection go, so the server neither answers nor logs anything. Under another ASGI server
the cuts degrade to an answer that breaks off after its head.
"""

from __future__ import annotations

import asyncio
from typing import Final

from starlette.types import Scope

CONNECTION_EXTENSION: Final = "timeclock.connection"
CLOSE_GRACE_SECONDS: Final = 2.0  # a TLS close waits for the peer's close_notify this long


class ConnectionHandle:
    """What the server lets a request do to its connection: close it, and see it go.

    Made by the sandbox's uvicorn protocol (see :mod:`timeclock.sandbox.server`) and put
    into ``scope["extensions"][CONNECTION_EXTENSION]``. Used on the server's loop only.
    """

    def __init__(self, transport: asyncio.Transport) -> None:
        self.transport = transport
        self.lost = asyncio.Event()
        self.ending = asyncio.Event()  # lost, or the server is stopping

    def connection_lost(self) -> None:
        """Called by the protocol once the server has finished with the connection."""
        self.lost.set()
        self.ending.set()

    def server_stopping(self) -> None:
        """Called by the protocol when the server shuts down: slow answers should give up."""
        self.ending.set()

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
