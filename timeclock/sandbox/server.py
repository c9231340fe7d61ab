"""Run the sandbox in-process: uvicorn in a daemon thread, on a socket bound up front.

Binding the socket before the thread starts means a busy port fails in ``start()`` with a
plain ``OSError`` (no thread, no traceback in the log), and port 0 yields the free port
before anyone needs the URL. Tests start many servers, so stopping is made quick: the
serve loop wakes as soon as ``stop()`` asks instead of polling every 0.1 s.

Each connection is served by :class:`_SandboxH11Protocol`, uvicorn's h11 protocol that also
hands every request a :class:`~timeclock.sandbox.faults.ConnectionHandle`: fault injection
needs it to close a connection without an answer. With a certificate the server speaks
HTTPS; the certificate is loaded in ``start()``, before anything is bound.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import ssl
import threading
from collections.abc import Sequence
from types import TracebackType
from typing import Any, Self

import uvicorn
from starlette.middleware import Middleware
from starlette.types import Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from timeclock.sandbox.app import API_PREFIX, create_app
from timeclock.sandbox.auth import ApiCredentials
from timeclock.sandbox.directory import Directory
from timeclock.sandbox.faults import CONNECTION_EXTENSION, ConnectionHandle, FaultControl, FaultPlan
from timeclock.sandbox.listing import Envelope
from timeclock.sandbox.quirks import QuirkControl, ServerQuirks
from timeclock.sandbox.store import AttendanceStore

START_TIMEOUT_SECONDS = 10.0
STOP_TIMEOUT_SECONDS = 5.0


class SandboxStartError(RuntimeError):
    """The server thread ended before it was ready to serve."""


class SandboxTlsError(SandboxStartError):
    """The TLS certificate or key cannot be used; the message names the file and why."""


class _SandboxH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, with a :class:`ConnectionHandle` in every request's scope."""

    _handle: ConnectionHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        handle = self._handle = ConnectionHandle(transport)
        app = self.app

        async def with_handle(scope: Scope, receive: Receive, send: Send) -> None:
            scope["extensions"] = {**(scope.get("extensions") or {}), CONNECTION_EXTENSION: handle}
            await app(scope, receive, send)

        self.app = with_handle

    def connection_lost(self, exc: Exception | None) -> None:
        super().connection_lost(exc)
        if self._handle is not None:
            self._handle.connection_lost()

    def shutdown(self) -> None:
        super().shutdown()
        if self._handle is not None:
            self._handle.server_stopping()  # a dripping answer stops, so stop() is quick


class _ThreadedServer(uvicorn.Server):
    """A uvicorn server that reports readiness and can be woken to exit from another thread."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wakeup: asyncio.Event | None = None

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        self._loop = asyncio.get_running_loop()
        self._wakeup = asyncio.Event()
        await super().startup(sockets=sockets)
        self.ready.set()

    async def main_loop(self) -> None:
        assert self._wakeup is not None
        counter = 0
        while not await self.on_tick(counter):
            counter = (counter + 1) % 864000
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), timeout=0.1)

    def request_exit(self) -> None:
        self.should_exit = True
        if self._loop is not None and self._wakeup is not None:
            with contextlib.suppress(RuntimeError):  # the loop has already closed
                self._loop.call_soon_threadsafe(self._wakeup.set)


class SandboxServer:
    """A TimeTrack-compatible server on ``host:port`` (port 0 picks a free port).

    Without a ``store`` the server makes an in-memory one and closes it on ``stop()``; a
    store passed in belongs to the caller. Key and secret are generated when not given.
    ``faults`` is the :class:`FaultPlan` to start with (default: none); ``server.faults``
    reads or replaces it at any time, as does ``PUT /api/v2/ext/_admin/faults``. ``quirks``
    are the :class:`ServerQuirks` to start with (default: all off); ``server.quirks`` and
    ``PUT /api/v2/ext/_admin/quirks`` replace them at any time. With
    ``ssl_certfile`` (a PEM certificate chain, with the key unless ``ssl_keyfile`` names
    it) the server speaks HTTPS. ``directory`` (default: an empty one, as
    ``server.directory``) holds the users, absences and working models behind ``users``,
    ``absences`` and ``work_reports``, and their quirks (``server.directory.quirks``).
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        store: AttendanceStore | None = None,
        api_key: str | None = None,
        api_secret: str | None = None,
        envelope: Envelope = "array",
        middleware: Sequence[Middleware] = (),
        faults: FaultPlan | None = None,
        quirks: ServerQuirks | None = None,
        directory: Directory | None = None,
        ssl_certfile: str | os.PathLike[str] | None = None,
        ssl_keyfile: str | os.PathLike[str] | None = None,
    ) -> None:
        if ssl_keyfile is not None and ssl_certfile is None:
            raise ValueError("a TLS key needs its certificate (ssl_certfile)")
        generated = ApiCredentials.generate()
        self.credentials = ApiCredentials(api_key or generated.key, api_secret or generated.secret)
        self.host = host
        self.port = port
        self.envelope: Envelope = envelope
        self.ssl_certfile = ssl_certfile
        self.ssl_keyfile = ssl_keyfile
        self._fault_control = FaultControl(faults)
        self._quirk_control = QuirkControl(quirks)
        self._socket: socket.socket | None = None
        self._server: _ThreadedServer | None = None
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None
        self._used = False
        self._owns_store = store is None
        self.store = AttendanceStore() if store is None else store
        self.directory = Directory() if directory is None else directory
        try:
            self.app = create_app(
                self.store,
                self.credentials,
                envelope=envelope,
                middleware=middleware,
                faults=self._fault_control,
                quirks=self._quirk_control,
                directory=self.directory,
            )
        except BaseException:
            self.stop()  # closes the store made above
            raise

    @property
    def api_key(self) -> str:
        return self.credentials.key

    @property
    def api_secret(self) -> str:
        return self.credentials.secret

    @property
    def faults(self) -> FaultPlan:
        """The fault plan in force; assign a new :class:`FaultPlan` to change it."""
        return self._fault_control.plan

    @faults.setter
    def faults(self, plan: FaultPlan | None) -> None:
        self._fault_control.plan = plan if plan is not None else FaultPlan()

    @property
    def quirks(self) -> ServerQuirks:
        """The quirks in force; assign new :class:`ServerQuirks` (or None: all off) to change."""
        return self._quirk_control.quirks

    @quirks.setter
    def quirks(self, quirks: ServerQuirks | None) -> None:
        self._quirk_control.quirks = quirks if quirks is not None else ServerQuirks()

    @property
    def tls(self) -> bool:
        """Whether the server speaks HTTPS."""
        return self.ssl_certfile is not None

    @property
    def root_url(self) -> str:
        """``http(s)://host:port`` with a wildcard host replaced by loopback, IPv6 bracketed."""
        wildcards = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "::1"}  # noqa: S104
        host = wildcards.get(self.host, self.host)
        scheme = "https" if self.tls else "http"
        return (
            f"{scheme}://[{host}]:{self.port}" if ":" in host else f"{scheme}://{host}:{self.port}"
        )

    @property
    def base_url(self) -> str:
        """What the client is configured with, e.g. ``http://127.0.0.1:PORT/api/v2/ext``."""
        return self.root_url + API_PREFIX

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> Self:
        """Bind, serve in a daemon thread, and return once requests are accepted.

        Raises :class:`SandboxTlsError` when the certificate or key cannot be used,
        ``OSError`` when the address cannot be bound (e.g. the port is in use) and
        :class:`SandboxStartError` if the server fails to come up.
        """
        if self._used:
            raise RuntimeError("a SandboxServer can be started only once")
        self._used = True
        tls: dict[str, Any] = {}
        if self.ssl_certfile is not None:
            tls = {"ssl_certfile": self.ssl_certfile, "ssl_keyfile": self.ssl_keyfile}
        config = uvicorn.Config(
            self.app,
            log_config=None,  # leave the process's logging set-up alone
            log_level="warning",
            access_log=False,
            lifespan="off",
            loop="asyncio",
            http=_SandboxH11Protocol,
            ws="none",
            timeout_graceful_shutdown=2,
            **tls,
        )
        try:
            config.load()  # reads the certificate here, not in the thread
        except (OSError, ValueError) as error:  # ssl.SSLError is an OSError
            self.stop()
            if not self.tls:
                raise
            raise SandboxTlsError(
                _tls_problem(self.ssl_certfile, self.ssl_keyfile, error)
            ) from error
        try:
            self._socket = bind_socket(self.host, self.port)
        except OSError:
            self.stop()
            raise
        self.port = self._socket.getsockname()[1]
        self._server = _ThreadedServer(config)
        self._thread = threading.Thread(
            target=self._serve, name=f"timeclock-sandbox-{self.port}", daemon=True
        )
        self._thread.start()
        self._server.ready.wait(START_TIMEOUT_SECONDS)
        if not (self._server.started and self.running):
            failure = self._failure
            self.stop()
            raise SandboxStartError("the sandbox server did not start") from failure
        return self

    def stop(self) -> None:
        """Stop serving, join the thread, release the socket (and an own store). Idempotent."""
        if self._server is not None and self._thread is not None:
            self._server.request_exit()
            self._thread.join(STOP_TIMEOUT_SECONDS)
            if self._thread.is_alive():
                self._server.force_exit = True
                self._thread.join(STOP_TIMEOUT_SECONDS)
            self._thread = None
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        if self._owns_store:
            self.store.close()
            self._owns_store = False

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the server thread ends (or ``timeout``); True if it has ended."""
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.running

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _serve(self) -> None:
        assert self._server is not None and self._socket is not None
        try:
            self._server.run(sockets=[self._socket])
        except BaseException as error:  # noqa: BLE001 - also uvicorn's SystemExit on a failed start
            self._failure = error
        finally:
            self._server.ready.set()


def _tls_problem(
    certfile: str | os.PathLike[str] | None,
    keyfile: str | os.PathLike[str] | None,
    error: BaseException,
) -> str:
    files = os.fspath(certfile or "") + (f" / {os.fspath(keyfile)}" if keyfile else "")
    if isinstance(error, ssl.SSLError):
        reason = error.reason or error.strerror or str(error)
        if reason == "KEY_VALUES_MISMATCH":
            reason = "the key does not belong to the certificate"
        elif "PEM" in str(reason) or "NO_START_LINE" in str(reason):
            reason = "not a PEM certificate with its private key"
    else:
        reason = getattr(error, "strerror", None) or str(error)
    return f"cannot use the TLS certificate {files}: {reason}"


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port``; raises OSError (e.g. EADDRINUSE)."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        if os.name != "nt":  # on Windows SO_REUSEADDR would let two servers share a port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except BaseException:
        sock.close()
        raise
    return sock
