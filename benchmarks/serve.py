"""A server child: the sandbox with benchmark data, or the trivial app it is compared with.

``python -m benchmarks.serve sandbox --entries N [--count-requests]`` serves a sandbox (as
``timeclock --demo`` runs it: :class:`~timeclock.sandbox.SandboxServer`, in a thread)
holding :func:`benchmarks.dataset.entries`; ``python -m benchmarks.serve trivial --body
FILE`` serves a plain Starlette app answering every GET with the bytes of FILE, under
the uvicorn settings the sandbox uses. Key and secret come from ``TIMECLOCK_API_KEY`` and
``TIMECLOCK_API_SECRET``. Once serving, the child prints one JSON line (``{"root_url":
...}``) and serves until its standard input closes.

With ``--count-requests`` a middleware in front of the sandbox notes every request:
``GET /_bench/requests`` answers the ``[method, path]`` pairs since the last ``POST
/_bench/clear``. (The sandbox has no request log of its own, and counting at the server
sees what any client sends.)
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import threading
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from benchmarks import dataset

COUNTS_PATH = "/_bench/requests"
CLEAR_PATH = "/_bench/clear"


class RequestCounter:
    """Pure ASGI middleware: notes each request's method and path, answers the two
    ``/_bench/`` paths itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.seen: list[list[str]] = []
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        if path == COUNTS_PATH:
            with self._lock:
                body = json.dumps(self.seen).encode()
            await _answer(send, 200, body)
            return
        if path == CLEAR_PATH:
            with self._lock:
                self.seen = []
            await _answer(send, 204, b"")
            return
        with self._lock:
            self.seen.append([scope["method"], path])
        await self.app(scope, receive, send)


async def _answer(send: Send, status: int, body: bytes) -> None:
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _credentials() -> tuple[str, str]:
    return os.environ["TIMECLOCK_API_KEY"], os.environ["TIMECLOCK_API_SECRET"]


def serve_sandbox(count: int, *, count_requests: bool) -> dict[str, Any]:
    """Start the sandbox with ``count`` entries ending today; returns what the driver needs
    to know (the last day too: a run may pass midnight)."""
    from starlette.middleware import Middleware  # noqa: PLC0415

    from timeclock.sandbox import AttendanceStore, SandboxServer  # noqa: PLC0415

    key, secret = _credentials()
    store = AttendanceStore()
    last = dataset.today()
    store.insert_many(dataset.entries(count, last))
    middleware = [Middleware(RequestCounter)] if count_requests else []
    server = SandboxServer(store=store, api_key=key, api_secret=secret, middleware=middleware)
    server.start()
    return {
        "root_url": server.root_url,
        "base_url": server.base_url,
        "entries": count,
        "last": last.isoformat(),
    }


def serve_trivial(body_file: Path) -> dict[str, Any]:
    """Start the trivial app: one route answering the bytes of ``body_file`` (the sandbox's
    own answer, fetched before): what the server stack costs for the same answer."""
    import uvicorn  # noqa: PLC0415
    from starlette.applications import Starlette  # noqa: PLC0415
    from starlette.requests import Request  # noqa: PLC0415
    from starlette.responses import Response  # noqa: PLC0415
    from starlette.routing import Route  # noqa: PLC0415

    body = body_file.read_bytes()

    async def answer(_request: Request) -> Response:
        return Response(body, media_type="application/json")

    app = Starlette(routes=[Route("/{path:path}", answer, methods=["GET"])])
    # The options SandboxServer.start gives uvicorn (its own h11 protocol class aside).
    config = uvicorn.Config(
        app,
        log_config=None,
        log_level="warning",
        access_log=False,
        lifespan="off",
        loop="asyncio",
        http="h11",
        ws="none",
        timeout_graceful_shutdown=2,
    )
    # IPPROTO_TCP spelled out: asyncio sets TCP_NODELAY only on sockets that say so (as
    # the sandbox's, made by getaddrinfo, do); without it Nagle costs 40 ms an answer.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        thread.join(0.01)
    port = sock.getsockname()[1]
    return {"root_url": f"http://127.0.0.1:{port}", "base_url": f"http://127.0.0.1:{port}"}


def main(argv: list[str] | None = None) -> int:
    from benchmarks.harness import outside  # noqa: PLC0415

    outside.count_compiles()  # the modules of the server, imported below
    parser = argparse.ArgumentParser(prog="python -m benchmarks.serve")
    parser.add_argument("kind", choices=["sandbox", "trivial"])
    parser.add_argument("--entries", type=int, default=0)
    parser.add_argument("--count-requests", action="store_true")
    parser.add_argument("--body", type=Path)
    options = parser.parse_args(argv)
    if options.kind == "sandbox":
        started = serve_sandbox(options.entries, count_requests=options.count_requests)
    else:
        started = serve_trivial(options.body)
    from benchmarks.environment import bytecode_state  # noqa: PLC0415

    started["bytecode"] = bytecode_state(outside.compiled())
    sys.stdout.write(json.dumps(started) + "\n")
    sys.stdout.flush()
    sys.stdin.read()  # serve until the driver closes our standard input
    os._exit(0)  # the server threads are daemons; no need to wait for them


if __name__ == "__main__":
    raise SystemExit(main())
