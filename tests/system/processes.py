"""Starting, watching and stopping the helper processes of the system tests.

Every process runs in a session of its own, so stopping it also stops whatever it started
(``dbus-run-session`` its bus, for instance). Output goes to files in the test's tmp folder:
nothing can fill a pipe and block, and the files can be read while the process still runs.
Waiting always polls a condition against a deadline; nothing sleeps a fixed time.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TypeVar

import pytest

T = TypeVar("T")

POLL_SECONDS = 0.05
STOP_SECONDS = 10.0

# The Debian package of each program these tests run; `.ci/run` installs them.
PACKAGES = {
    "Xvfb": "xvfb",
    "xdotool": "xdotool",
    "import": "imagemagick",
    "display": "imagemagick",
    "dbus-run-session": "dbus-x11",
    "gnome-keyring-daemon": "gnome-keyring",
}


def require(*programs: str) -> dict[str, str]:
    """The paths of ``programs``; the test fails (it does not skip) when one is missing."""
    found = {name: shutil.which(name) for name in programs}
    missing = [name for name, path in found.items() if path is None]
    if missing:
        packages = " ".join(sorted({PACKAGES.get(name, name) for name in missing}))
        pytest.fail(
            f"not installed: {', '.join(missing)} (Debian packages: {packages}). "
            "Run .ci/run, which installs what the tests need; CI does.",
            pytrace=False,
        )
    return {name: path for name, path in found.items() if path is not None}


def wait_until(
    condition: Callable[[], T | None],
    timeout: float,
    what: str,
    *,
    details: Callable[[], str] = lambda: "",
) -> T:
    """Poll ``condition`` until it returns something true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            extra = details()
            pytest.fail(
                f"timed out after {timeout:g} s waiting for {what}"
                + (f"\n{extra}" if extra else ""),
                pytrace=False,
            )
        time.sleep(POLL_SECONDS)


class Environment(dict[str, str]):
    """A child's environment; its repr names the variables but shows no values.

    pytest prints a failing test's arguments, and CI logs should not carry whatever
    tokens the machine's environment holds.
    """

    def __repr__(self) -> str:
        return f"Environment({', '.join(sorted(self))})"


def clean_environment(overrides: Mapping[str, str]) -> Environment:
    """This process's environment without what ties a child to the developer's desktop.

    No display, no D-Bus session, no keyring or Qt settings from outside, no TimeClock
    settings from the environment; then ``overrides`` on top.
    """
    dropped_prefixes = ("TIMECLOCK_", "QT_", "XDG_", "DBUS_", "GNOME_KEYRING", "KEYRING")
    dropped = {"DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "PYTHON_KEYRING_BACKEND"}
    environment = Environment(
        (name, value)
        for name, value in os.environ.items()
        if name not in dropped and not name.startswith(dropped_prefixes)
    )
    environment.update(overrides)
    return environment


class Background:
    """A process in its own session; ``stop()`` ends it and everything left in its group."""

    def __init__(
        self,
        name: str,
        args: Sequence[str],
        *,
        env: Mapping[str, str],
        log_dir: Path,
        stdin: int | IO[bytes] | None = subprocess.DEVNULL,
        pass_fds: Sequence[int] = (),
    ) -> None:
        self.name = name
        self._stopped = False
        self.stdout_path = log_dir / f"{name}.stdout"
        self.stderr_path = log_dir / f"{name}.stderr"
        with self.stdout_path.open("wb") as out, self.stderr_path.open("wb") as err:
            self.process = subprocess.Popen(
                list(args),
                env=dict(env),
                stdin=stdin,
                stdout=out,
                stderr=err,
                pass_fds=tuple(pass_fds),
                start_new_session=True,
            )

    @property
    def pid(self) -> int:
        return self.process.pid

    def running(self) -> bool:
        return self.process.poll() is None

    def stdout(self) -> str:
        return self.stdout_path.read_text(encoding="utf-8", errors="replace")

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def report(self) -> str:
        """What the process said so far, for failure messages."""
        state = "running" if self.running() else f"exited with status {self.process.returncode}"
        return (
            f"--- {self.name} ({state}) stdout:\n{self.stdout()}"
            f"--- {self.name} stderr:\n{self.stderr()}"
        )

    def wait(self, timeout: float) -> int | None:
        """The exit status once the process has ended, or ``None`` after ``timeout``."""
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self, *, grace: float = 0.0) -> None:
        """Close its input, allow ``grace`` seconds to exit, then SIGTERM, then SIGKILL.

        Whatever is left in its process group is killed right after. Later calls do nothing
        (the group's id may belong to someone else by then).
        """
        if self._stopped:
            return
        self._stopped = True
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        if grace and self.running():
            self.wait(grace)
        for sent in (signal.SIGTERM, signal.SIGKILL):
            if not self.running():
                break
            self._signal_group(sent)
            self.wait(STOP_SECONDS)
        self._signal_group(signal.SIGKILL)  # stragglers of the group, if any

    def _signal_group(self, sent: signal.Signals) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, sent)  # its own session: group id == its pid


@dataclass(frozen=True)
class ProcessIdentity:
    """A process that is not our child (a daemon that detached), known by pid and start time.

    The start time guards against a recycled pid: ``gone()`` and ``kill()`` never mistake
    a later, unrelated process for this one.
    """

    pid: int
    started: str
    name: str

    @classmethod
    def of(cls, pid: int) -> ProcessIdentity:
        started = _start_time(pid)
        if started is None:
            pytest.fail(f"process {pid} ended before it could be looked at", pytrace=False)
        name = Path(f"/proc/{pid}/comm").read_text(encoding="utf-8", errors="replace").strip()
        return cls(pid, started, name)

    def gone(self) -> bool:
        """True once it has exited (a zombie waiting for its parent counts as gone)."""
        return _start_time(self.pid) != self.started

    def kill(self) -> None:
        if not self.gone():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)


def _start_time(pid: int) -> str | None:
    """The start time of a live (not zombie) ``pid`` from /proc, or ``None``."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = stat.rsplit(")", 1)[-1].split()
    state, started = fields[0], fields[19]  # fields 3 and 22 of proc(5)
    return None if state in ("Z", "X") else started


def alarming_lines(stderr: str) -> list[str]:
    """Lines of a process's stderr that mean a crash or a leak, not a harmless notice."""
    signs = (
        "Traceback",
        "Error",
        "Exception",
        "Fatal",
        "QThread",
        "QObject::",
        "Segmentation",
        "core dumped",
    )
    return [line for line in stderr.splitlines() if any(sign in line for sign in signs)]
