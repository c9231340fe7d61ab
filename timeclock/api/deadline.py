"""An overall deadline for each request, down to the socket, and a way to stop them all.

httpx's timeouts hold per operation: a read may wait 30 s, and the next read another 30 s.
A server that sends one byte every two seconds never trips them, so one request (its
connection, its status line and headers, its body) could last for ever. Here every socket
operation of a request is given at most the time the request has left, and none starts
once that time is up; so a request ends by its deadline whatever the server does.

The network backend of the client's connection pool wraps every connection's stream. What
a request may still take lives in a context variable set around the request
(:func:`request_budget`), so each thread's request has its own even where several threads
share the client. A read waits in short slices, so :meth:`Budget.cancel` (a window that
closes) ends a waiting request within a fraction of a second, from any thread.
"""

from __future__ import annotations

import ssl
import threading
import time
import typing
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Final

import httpcore
import httpx

# How long one wait for data lasts before the deadline and the stop flag are looked at again.
READ_SLICE: Final = 0.2


class CancelledError(httpcore.ReadError):
    """The request was stopped from outside (the program is closing)."""


@dataclass(frozen=True, slots=True)
class Budget:
    """The moment (``time.monotonic()``) one request must end by, and the client's stop flag."""

    ends: float
    stop: threading.Event = field(default_factory=threading.Event)

    def left(self) -> float:
        """Seconds left (negative once past)."""
        return self.ends - time.monotonic()


_budget: ContextVar[Budget | None] = ContextVar("timeclock_request_budget", default=None)


@contextmanager
def request_budget(budget: Budget) -> Iterator[None]:
    """Run a request (in this thread) within ``budget``."""
    token = _budget.set(budget)
    try:
        yield
    finally:
        _budget.reset(token)


def bounded(timeout: float | None, expired: type[Exception]) -> float | None:
    """``timeout`` cut to what the running request has left; ``expired`` when nothing is."""
    budget = _budget.get()
    if budget is None:
        return timeout
    if budget.stop.is_set():
        raise CancelledError("stopped")
    left = budget.left()
    if left <= 0:
        raise expired("the request's deadline has passed")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    """A connection's stream whose every operation keeps to the running request's budget."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        # The whole wait is cut in slices, so that a stop is noticed while nothing arrives.
        waited_until = None if timeout is None else time.monotonic() + timeout
        while True:
            left = None if waited_until is None else waited_until - time.monotonic()
            if left is not None and left <= 0:
                raise httpcore.ReadTimeout("timed out")
            allowed = bounded(left, httpcore.ReadTimeout)
            if _budget.get() is None:
                return self._stream.read(max_bytes, allowed)
            piece = READ_SLICE if allowed is None else min(READ_SLICE, allowed)
            try:
                return self._stream.read(max_bytes, piece)
            except httpcore.ReadTimeout:
                continue  # the loop looks at the stop flag, the deadline and the timeout

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        wrapped = self._stream.start_tls(
            ssl_context, server_hostname, bounded(timeout, httpcore.ConnectTimeout)
        )
        return _Stream(wrapped)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    """httpcore's synchronous backend, handing out :class:`_Stream` connections."""

    def __init__(self) -> None:
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(
            host, port, bounded(timeout, httpcore.ConnectTimeout), local_address, socket_options
        )
        return _Stream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_unix_socket(
            path, bounded(timeout, httpcore.ConnectTimeout), socket_options
        )
        return _Stream(stream)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool whose connections keep to the budget.

    Everything else is as ``httpx.HTTPTransport(verify=ssl_context)`` has it (HTTP/1.1,
    its limits); environment proxies get httpx's own transports, which keep only to the
    per-operation timeouts and the client's check of the body's time.
    """

    def __init__(self, ssl_context: ssl.SSLContext) -> None:
        super().__init__(verify=ssl_context)
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=5.0,
            network_backend=_Backend(),
        )
