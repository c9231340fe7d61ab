"""Figure 4: requests a second for a list of 50 entries, the sandbox against a trivial
Starlette app answering the same bytes (the sandbox's answer, taken once) under the same
uvicorn settings.

Each server is a child of its own (``benchmarks.serve``); the load comes from this process:
a few keep-alive connections on plain asyncio streams, each sending the next request when
the answer is in, so the client costs little next to the server. The samples alternate
between the two servers. Where ``/proc`` tells, each server's CPU time per answer is noted
too: on a shared, loaded machine the rates swing with what else runs, the CPU an answer
costs much less.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import time
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.children import ChildError, ServerChild, Workspace, new_credentials
from benchmarks.environment import bytecode_text
from benchmarks.figures.common import Options, notes
from benchmarks.report import Goal, Measure, Row, Unit

ENTRIES = 1_000  # in the sandbox; the list asks for the first page of 50
PATH = "/api/v2/ext/attendances?limit=50"


def measure(options: Options, workspace: Workspace) -> list[Row]:
    credentials = new_credentials()
    env = workspace.env(credentials)
    bytecode = ""
    sandbox_rates: list[float] = []
    trivial_rates: list[float] = []
    cpu: dict[str, list[float]] = {"sandbox": [], "trivial": []}
    try:
        with ServerChild(
            ["sandbox", "--entries", str(ENTRIES)], env, timeout=options.timeout
        ) as sandbox:
            bytecode = "server " + bytecode_text(sandbox.info["bytecode"])
            body = _first_answer(sandbox.root_url, credentials)
            if len(json.loads(body)) != 50:
                raise ChildError("the sandbox did not answer 50 entries")
            body_file = workspace.folder("trivial") / "body.json"
            body_file.write_bytes(body)
            with ServerChild(
                ["trivial", "--body", str(body_file)], env, timeout=options.timeout
            ) as trivial:
                servers = (
                    ("trivial", trivial, trivial_rates),
                    ("sandbox", sandbox, sandbox_rates),
                )
                for _ in range(options.repeats):
                    for name, server, rates in servers:
                        before = _cpu_seconds(server.pid)
                        rate, answers = asyncio.run(
                            _rate(
                                server.root_url, credentials, options.seconds, options.connections
                            )
                        )
                        after = _cpu_seconds(server.pid)
                        rates.append(rate)
                        if before is not None and after is not None and answers:
                            cpu[name].append((after - before) / answers)
    except (ChildError, OSError) as error:
        return [Row("4", "sandbox GET of 50 entries", None, error=str(error))]
    return [
        Row(
            "4",
            "sandbox GET of 50 entries",
            Measure.of(sandbox_rates, Unit.PER_SECOND),
            Measure.of(trivial_rates, Unit.PER_SECOND),
            "trivial Starlette",
            Goal("≥ 0.8x floor", least=0.8),
            notes(
                f"{options.connections} keep-alive connections, {options.seconds:g} s a sample",
                f"{ENTRIES} entries stored",
                _cpu_note(cpu["sandbox"], cpu["trivial"]),
                bytecode,
            ),
        )
    ]


def _request(root_url: str, credentials: dict[str, str]) -> tuple[str, int, bytes]:
    address = urlsplit(root_url)
    host, port = address.hostname or "127.0.0.1", address.port or 80
    request = (
        f"GET {PATH} HTTP/1.1\r\nHost: {host}:{port}\r\n"
        f"X-TimeTrack-Api-Key: {credentials['TIMECLOCK_API_KEY']}\r\n"
        f"X-TimeTrack-Api-Secret: {credentials['TIMECLOCK_API_SECRET']}\r\n\r\n"
    ).encode()
    return host, port, request


def _first_answer(root_url: str, credentials: dict[str, str]) -> bytes:
    async def once() -> bytes:
        host, port, request = _request(root_url, credentials)
        reader, writer = await asyncio.open_connection(host, port)
        try:
            writer.write(request)
            return await _answer(reader)
        finally:
            writer.close()

    return asyncio.run(once())


async def _answer(reader: asyncio.StreamReader) -> bytes:
    head = await reader.readuntil(b"\r\n\r\n")
    status = head.split(b" ", 2)[1]
    if status != b"200":
        raise ChildError(f"the server answered {status.decode()}")
    length = 0
    for line in head.lower().split(b"\r\n"):
        if line.startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    return await reader.readexactly(length)


def _cpu_seconds(pid: int) -> float | None:
    """The user and system CPU time process ``pid`` has used so far; None without ``/proc``."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat.rsplit(")", 1)[1].split()  # the name in parentheses may hold spaces
        ticks = int(fields[11]) + int(fields[12])  # utime and stime, the 14th and 15th fields
    except (OSError, IndexError, ValueError):
        return None
    return ticks / os.sysconf("SC_CLK_TCK")


def _cpu_note(sandbox: list[float], trivial: list[float]) -> str:
    if not sandbox or not trivial:
        return ""
    ours, floor = statistics.median(sandbox) * 1e6, statistics.median(trivial) * 1e6
    return f"server CPU per answer {ours:.0f} µs, floor {floor:.0f} µs ({floor / ours:.2f}x)"


async def _rate(
    root_url: str, credentials: dict[str, str], seconds: float, connections: int
) -> tuple[float, int]:
    """Answers a second over ``seconds`` (after a short warm-up), ``connections`` at a time;
    and all answers, the warm-up's too."""
    host, port, request = _request(root_url, credentials)
    answers = 0
    done = 0
    counting = False
    stop = False

    async def client() -> None:
        nonlocal answers, done
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while not stop:
                writer.write(request)
                await _answer(reader)
                answers += 1
                if counting:
                    done += 1
        finally:
            writer.close()

    tasks = [asyncio.create_task(client()) for _ in range(connections)]
    await asyncio.sleep(min(0.3, seconds / 2))  # connections open, caches warm
    counting = True
    started = time.monotonic()
    await asyncio.sleep(seconds)
    counting = False
    elapsed = time.monotonic() - started
    stop = True
    await asyncio.gather(*tasks)
    return done / elapsed, answers
