"""Starting the benchmark's child processes: a private environment, a result file, servers.

Every child gets folders of its own for TimeClock's settings, data and single-instance
socket (so a running TimeClock or another benchmark never interferes), the offscreen Qt
platform, English texts and ``TZ=Europe/Berlin``. ``PYTHONDONTWRITEBYTECODE`` is passed
on as it is: whether bytecode was cached is part of what a figure reports.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from benchmarks import dataset

REPO = Path(__file__).resolve().parent.parent
_ACCOUNT_VARIABLES = (
    "TIMECLOCK_URL",
    "TIMECLOCK_USER",
    "TIMECLOCK_API_KEY",
    "TIMECLOCK_API_SECRET",
)


class ChildError(RuntimeError):
    """A child failed: its message says how (one line)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a child reported, with the driver's own clock around it."""

    result: dict[str, Any]
    started: float  # time.monotonic() just before the process was started
    seconds: float  # from then until it exited


@dataclass(slots=True)
class Workspace:
    """A temporary folder; each :meth:`env` call makes fresh TimeClock folders in it."""

    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="timeclock-bench-")))
    shared_cache: bool = True  # one user cache folder (TimeClock's bytecode) for all children
    _made: int = 0

    def folder(self, name: str) -> Path:
        self._made += 1
        path = self.root / f"{self._made:04d}-{name}"
        path.mkdir(mode=0o700)
        return path

    def env(self, account: Mapping[str, str] | None = None) -> dict[str, str]:
        """The environment of a child: private folders, offscreen Qt, English, Berlin.

        The user cache folder (where TimeClock keeps its bytecode when Python may not write
        it) is the run's own: shared by all children, as on a person's machine after the
        first start, or with ``shared_cache`` off, one per child (every start a first one).
        """
        home = self.folder("child")
        env = {name: value for name, value in os.environ.items() if name not in _ACCOUNT_VARIABLES}
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "TIMECLOCK_TIMEOUT"):
            env.pop(name, None)
        runtime = home / "runtime"
        runtime.mkdir(mode=0o700)
        cache = self.root / "cache" if self.shared_cache else home / "cache"
        env |= {
            "XDG_CACHE_HOME": str(cache),
            "TIMECLOCK_CONFIG_DIR": str(home / "config"),
            "TIMECLOCK_DATA_DIR": str(home / "data"),
            "XDG_RUNTIME_DIR": str(runtime),
            "QT_QPA_PLATFORM": "offscreen",
            "TZ": dataset.ZONE_NAME,
            "LANG": "C.UTF-8",
            "PYTHONPATH": os.pathsep.join(
                [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]
            ),
        }
        env.update(account or {})
        return env

    def cleanup(self) -> None:
        import shutil  # noqa: PLC0415

        shutil.rmtree(self.root, ignore_errors=True)


def run_child(
    module: str,
    args: Sequence[str],
    env: Mapping[str, str],
    workspace: Workspace,
    *,
    timeout: float,
    stdout: int | IO[bytes] = subprocess.DEVNULL,
) -> Outcome:
    """Run ``python -m module RESULT_FILE ARGS``; its result, or :class:`ChildError`."""
    result_file = workspace.folder("result") / "result.json"
    command = [sys.executable, "-m", module, *args[:1], str(result_file), *args[1:]]
    started = time.monotonic()
    try:
        process = subprocess.run(  # noqa: S603 - our own interpreter and module
            command,
            env=dict(env),
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise ChildError(f"{module} {' '.join(args[:1])} took longer than {timeout:g} s") from error
    seconds = time.monotonic() - started
    try:
        result: dict[str, Any] = json.loads(result_file.read_text())
    except (OSError, ValueError):
        stderr = process.stderr.decode(errors="replace").strip().splitlines()
        last = stderr[-1] if stderr else f"exit status {process.returncode}"
        raise ChildError(f"{module}: no result ({last})") from None
    if "error" in result:
        raise ChildError(str(result["error"]))
    return Outcome(result, started, seconds)


def new_credentials() -> dict[str, str]:
    """A key and secret for one run's servers (kept in memory and the children's env)."""
    return {
        "TIMECLOCK_API_KEY": secrets.token_urlsafe(24),
        "TIMECLOCK_API_SECRET": secrets.token_urlsafe(32),
    }


class ServerChild:
    """A ``benchmarks.serve`` child for the ``with`` block."""

    def __init__(self, args: Sequence[str], env: Mapping[str, str], *, timeout: float) -> None:
        self.args = list(args)
        self.env = dict(env)
        self.timeout = timeout
        self.info: dict[str, Any] = {}
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Self:
        self._process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "benchmarks.serve", *self.args],
            env=self.env,
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            self._stop()
            assert self._process.stderr is not None
            stderr = self._process.stderr.read().decode(errors="replace").strip().splitlines()
            raise ChildError(f"the server did not start: {stderr[-1] if stderr else '?'}")
        self.info = json.loads(line)
        return self

    @property
    def root_url(self) -> str:
        return str(self.info["root_url"])

    @property
    def base_url(self) -> str:
        return str(self.info["base_url"])

    @property
    def last_day(self) -> date:
        """The day a sandbox's data ends on (see :mod:`benchmarks.dataset`)."""
        return date.fromisoformat(str(self.info["last"]))

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop()

    def _stop(self) -> None:
        process = self._process
        if process is None:
            return
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
