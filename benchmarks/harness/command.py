"""Child of figures 3 and 5: one ``timeclock`` command, measured from inside.

``python -m benchmarks.harness.command timeclock RESULT_FILE ARGS...`` runs ``timeclock
ARGS`` (``timeclock.cli.main``, as the console script does) and, as the process exits,
writes its exit status, its peak memory (VmHWM), how many SQLite connections it opened
(``sqlite3.connect`` is counted from before TimeClock is imported) and whether its
modules ran from bytecode.

``python -m benchmarks.harness.command floor RESULT_FILE FROM TO`` is figure 3's floor:
the same list paged with httpx (1000 a page), parsed with ``json`` and written to standard
output with ``json.dumps``.
"""

from __future__ import annotations

import atexit
import json
import os
import sqlite3
import sys
from typing import Any

_result: dict[str, Any] = {"status": None, "connections": 0, "files": []}


def _write(result_file: str) -> None:
    from benchmarks.environment import bytecode_state, peak_kb  # noqa: PLC0415
    from benchmarks.harness.outside import compiled  # noqa: PLC0415

    _result["peak_kb"] = peak_kb()
    _result["bytecode"] = bytecode_state(compiled())
    with open(result_file, "w", encoding="utf-8") as out:  # noqa: PTH123 - at exit, plain
        json.dump(_result, out)


def _count_connections() -> None:
    real = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        _result["connections"] += 1
        database = args[0] if args else kwargs.get("database")
        if str(database) not in _result["files"]:
            _result["files"].append(str(database))
        connection: sqlite3.Connection = real(*args, **kwargs)
        return connection

    sqlite3.connect = connect  # type: ignore[assignment]
    sqlite3.dbapi2.connect = connect  # type: ignore[assignment]


def timeclock(args: list[str]) -> int:
    """``timeclock ARGS`` as the script runs it (``main()`` reads ``sys.argv``)."""
    _count_connections()
    sys.argv = ["timeclock", *args]
    from timeclock.cli import main  # noqa: PLC0415

    status = main()
    _result["status"] = status
    return status


def floor(since: str, until: str) -> int:
    import httpx  # noqa: PLC0415

    headers = {
        "X-TimeTrack-Api-Key": os.environ["TIMECLOCK_API_KEY"],
        "X-TimeTrack-Api-Secret": os.environ["TIMECLOCK_API_SECRET"],
    }
    url = os.environ["TIMECLOCK_URL"].rstrip("/") + "/attendances"
    found: list[Any] = []
    with httpx.Client(headers=headers, timeout=60) as client:
        page = 0
        while True:
            params = {"from": since, "to": until, "limit": "1000", "page_number": str(page)}
            answer = client.get(url, params=params)
            answer.raise_for_status()
            items = json.loads(answer.content)
            found.extend(items)
            if len(items) < 1000:
                break
            page += 1
    sys.stdout.write(json.dumps(found, indent=2, ensure_ascii=False))
    sys.stdout.write("\n")
    _result["status"] = 0
    _result["entries"] = len(found)
    return 0


def main() -> int:
    mode, result_file, *args = sys.argv[1:]
    from benchmarks.harness.outside import count_compiles  # noqa: PLC0415

    count_compiles()
    atexit.register(_write, result_file)
    if mode == "timeclock":
        return timeclock(args)
    return floor(*args)


if __name__ == "__main__":
    sys.exit(main())
