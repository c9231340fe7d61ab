"""Figure 5: the requests TimeTrack gets for a stamp in, a stamp out and an edit, and the
SQLite connections a stamp in opens.

Each is one ``timeclock`` command in a child (``stamp in``, ``stamp out``, ``edit ID
--notes ...``), in one data folder, against a sandbox with an empty list whose middleware
counts the requests (``benchmarks.serve --count-requests``); the child counts the
``sqlite3.connect`` calls of its own process. The command line and the window share one
write path (the services), so these are the window's requests too.
"""

from __future__ import annotations

import httpx

from benchmarks import dataset
from benchmarks.children import ChildError, ServerChild, Workspace, new_credentials, run_child
from benchmarks.environment import bytecode_text
from benchmarks.figures.common import Options, notes
from benchmarks.report import Goal, Measure, Row, Unit
from benchmarks.serve import CLEAR_PATH, COUNTS_PATH

MODULE = "benchmarks.harness.command"
WRITES = ("POST", "PUT", "PATCH", "DELETE")


def measure(options: Options, workspace: Workspace) -> list[Row]:
    credentials = new_credentials()
    server_env = workspace.env(credentials)
    try:
        with ServerChild(
            ["sandbox", "--entries", "0", "--count-requests"], server_env, timeout=options.timeout
        ) as server:
            return _measure(options, workspace, server, credentials)
    except ChildError as error:
        return [Row("5", "requests per stamp in / out / edit save", None, error=str(error))]


def _measure(
    options: Options, workspace: Workspace, server: ServerChild, credentials: dict[str, str]
) -> list[Row]:
    account = {"TIMECLOCK_URL": server.base_url, "TIMECLOCK_USER": dataset.OWN_USER}
    env = workspace.env(account | credentials)  # one data folder for the three commands
    seen: dict[str, list[list[str]]] = {}
    connections: dict[str, int] = {}
    files: dict[str, int] = {}
    bytecode: dict[str, str] = {}
    error: str | None = None
    with httpx.Client(base_url=server.root_url, timeout=30) as client:
        steps: list[tuple[str, list[str] | None]] = [
            ("stamp in", ["stamp", "in"]),
            ("stamp out", ["stamp", "out"]),
            ("edit save", None),  # the entry's id is known after the stamps
        ]
        for name, args in steps:
            command = args or ["edit", str(_entry_id(server, credentials)), "--notes", "edited"]
            client.post(CLEAR_PATH).raise_for_status()
            try:
                outcome = run_child(
                    MODULE, ["timeclock", *command], env, workspace, timeout=options.timeout
                )
            except ChildError as failure:
                error = error or f"{name}: {failure}"
                break
            if outcome.result.get("status") != 0:
                error = error or f"{name}: exit status {outcome.result.get('status')}"
                break
            seen[name] = client.get(COUNTS_PATH).json()
            connections[name] = int(outcome.result.get("connections", 0))
            files[name] = len(outcome.result.get("files", []))
            bytecode[name] = bytecode_text(outcome.result["bytecode"])
    rows = []
    for name, goal in (
        ("stamp in", Goal("1 write + ≤ 1 read", most=2, ratio=False)),
        ("stamp out", Goal("1 write + ≤ 1 read", most=2, ratio=False)),
        ("edit save", Goal("1 read + 1 write", most=2, ratio=False)),
    ):
        requests = seen.get(name)
        writes = sum(method in WRITES for method, _path in requests or [])
        row = Row(
            "5",
            f"requests per {name}",
            Measure.of([len(requests)], Unit.COUNT) if requests is not None else None,
            goal=goal,
            notes=notes(_spelled(requests) if requests is not None else "", bytecode.get(name)),
            error=None if requests is not None else error or "not measured",
        )
        if requests is not None and writes != 1:
            row.notes.append(f"{writes} writes: goal NOT met")
            row.goal = Goal(goal.text + " (writes ≠ 1)", most=-1, ratio=False)
        rows.append(row)
    rows.append(
        Row(
            "5",
            "SQLite connections opened per stamp in",
            Measure.of([connections["stamp in"]], Unit.COUNT)
            if "stamp in" in connections
            else None,
            # A command works on one thread: one connection per file it opens (the
            # outbox, the state, the correction journal).
            goal=Goal(
                f"1 per thread and file (≤ {files.get('stamp in', 0)})",
                most=files.get("stamp in", 0),
                ratio=False,
            ),
            notes=notes(
                "sqlite3.connect calls in the command's process",
                f"{files.get('stamp in', '?')} files",
                "stamp out {}, edit {}".format(
                    connections.get("stamp out", "?"), connections.get("edit save", "?")
                ),
            ),
            error=None if "stamp in" in connections else error or "not measured",
        )
    )
    return rows


def _entry_id(server: ServerChild, credentials: dict[str, str]) -> int:
    """The id of the own user's newest entry (the one stamped in and out)."""
    headers = {
        "X-TimeTrack-Api-Key": credentials["TIMECLOCK_API_KEY"],
        "X-TimeTrack-Api-Secret": credentials["TIMECLOCK_API_SECRET"],
    }
    answer = httpx.get(
        server.base_url + "/attendances",
        params={"user": dataset.OWN_USER, "limit": "1000"},
        headers=headers,
        timeout=30,
    )
    answer.raise_for_status()
    items = answer.json()
    if not items:
        raise ChildError("the stamp made no entry to edit")
    return int(items[-1]["id"])


def _spelled(requests: list[list[str]]) -> str:
    """``GET 1, POST 1``: the requests by method."""
    methods: dict[str, int] = {}
    for method, _path in requests:
        methods[method] = methods.get(method, 0) + 1
    return ", ".join(f"{method} {count}" for method, count in sorted(methods.items()))
