"""Fixtures of the system tests: a clean environment for child processes, and starters.

The starters are called from the test body, so a missing program or a server that does
not come up fails the test itself (it is never skipped). Every process a test starts is
stopped when the test ends, passed or failed, newest first.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO

import pytest

from tests.system import servers
from tests.system.processes import Background, Environment, clean_environment
from tests.system.servers import SECRETS_BUS_NAME, Launch, SecretService, XServer


@pytest.fixture
def child_env(tmp_path: Path) -> Environment:
    """The environment of every child: home, runtime and TimeClock folders in tmp."""
    folders = {
        "HOME": tmp_path / "home",
        "XDG_RUNTIME_DIR": tmp_path / "run",
        "XDG_CONFIG_HOME": tmp_path / "home" / ".config",
        "XDG_DATA_HOME": tmp_path / "home" / ".local" / "share",
        "XDG_CACHE_HOME": tmp_path / "home" / ".cache",
        "TIMECLOCK_CONFIG_DIR": tmp_path / "config",
        "TIMECLOCK_DATA_DIR": tmp_path / "data",
    }
    for folder in folders.values():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return clean_environment(
        {
            **{name: str(folder) for name, folder in folders.items()},
            "TZ": "Europe/Berlin",
            "LC_ALL": "C.UTF-8",
            "LANGUAGE": "",
        }
    )


@pytest.fixture
def launch(tmp_path: Path) -> Iterator[Launch]:
    """Start a process in the background (output in tmp files); all stop when the test ends."""
    started: list[Background] = []

    def start(
        name: str,
        args: Sequence[str],
        *,
        env: Mapping[str, str],
        stdin: int | IO[bytes] | None = subprocess.DEVNULL,
        pass_fds: Sequence[int] = (),
    ) -> Background:
        process = Background(name, args, env=env, log_dir=tmp_path, stdin=stdin, pass_fds=pass_fds)
        started.append(process)
        return process

    yield start
    for process in reversed(started):
        process.stop()


@pytest.fixture
def start_x_server(tmp_path: Path, child_env: Environment, launch: Launch) -> Callable[[], XServer]:
    """Call to start Xvfb (the test fails if it is not installed or does not come up)."""
    return lambda: servers.start_x_server(launch, child_env, tmp_path)


@pytest.fixture
def start_secret_service(
    tmp_path: Path, child_env: Environment, launch: Launch
) -> Iterator[Callable[[], SecretService]]:
    """Call to start a D-Bus session with an unlocked gnome-keyring in a tmp home.

    At the end the session is closed, and the test fails if gnome-keyring-daemon outlives
    its bus (it is killed then, by its pid).
    """
    started: list[SecretService] = []

    def start() -> SecretService:
        service = servers.start_secret_service(launch, child_env, tmp_path)
        started.append(service)
        daemon = service.keyring_daemon.name
        assert daemon.startswith("gnome-keyring"), f"{SECRETS_BUS_NAME} is served by {daemon}"
        return service

    yield start
    leaked = [service.keyring_daemon for service in started if not service.stop()]
    if leaked:
        pytest.fail(f"gnome-keyring-daemon outlived its D-Bus session: {leaked}", pytrace=False)
