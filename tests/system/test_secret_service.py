"""The API key and secret in a real Secret Service: gnome-keyring on a private D-Bus session.

``dbus-run-session`` starts the bus, gnome-keyring-daemon creates and unlocks a throwaway
login keyring in the test's tmp home, and separate Python processes join that session:
the app's own code (``timeclock.store.secrets``, then the ``timeclock`` command) stores,
finds and removes the credentials there. The test looks into the keyring independently
over D-Bus (secretstorage), and checks that the secret is in no output and in no file.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import secretstorage
from jeepney.io.blocking import open_dbus_connection

from tests.system.servers import SecretService
from timeclock.sandbox import DEMO_USER, SandboxServer
from timeclock.store.secrets import SERVICE
from timeclock.store.settings import Settings, load_settings, save_settings

BASE_URL = "https://testkonto.timetrackenterprise.com/api/v2/ext"
API_KEY = "system-test-key-4711"
API_SECRET = "system-test-SECRET-never-shown-0815"
SECRET_SERVICE_BACKEND = "keyring.backends.SecretService.Keyring"
RUN_SECONDS = 60

# Each script reads the key and secret from standard input (never from its command line)
# and prints which keyring backend the app's code got, and what it found; never a secret.
_BACKEND = """
import keyring
backend = type(keyring.get_keyring())
print(f"backend: {backend.__module__}.{backend.__qualname__}")
"""
SAVE_SCRIPT = (
    """
import sys
from timeclock.api.credentials import Credentials
from timeclock.store.secrets import save_credentials
key, secret = sys.stdin.read().split()
save_credentials(sys.argv[1], Credentials(key, secret))
print("saved")
"""
    + _BACKEND
)
LOAD_SCRIPT = (
    """
import sys
from timeclock.api.credentials import Credentials
from timeclock.store.secrets import load_credentials
key, secret = sys.stdin.read().split()
loaded = load_credentials(sys.argv[1])
if loaded is None:
    print("loaded: nothing")
else:
    print("loaded: " + ("the same" if loaded == Credentials(key, secret) else "different"))
"""
    + _BACKEND
)


def run_in_session(
    service: SecretService, args: list[str], stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run a Python process that joins the session (from the home folder, not the repo)."""
    return subprocess.run(
        [sys.executable, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=service.env,
        cwd=service.env["HOME"],
        timeout=RUN_SECONDS,
        check=False,
    )


def shown(result: subprocess.CompletedProcess[str]) -> str:
    return f"status {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def keyring_items(service: SecretService, base_url: str) -> dict[str, str]:
    """TimeClock's items in the Secret Service, read over D-Bus without ``keyring``."""
    found: dict[str, str] = {}
    with open_dbus_connection(bus=service.address) as connection:
        for part in ("api-key", "api-secret"):
            attributes = {"service": SERVICE, "username": f"{part}@{base_url}"}
            items = list(secretstorage.search_items(connection, attributes))
            assert len(items) <= 1, f"{len(items)} items for {part}"
            if items:
                found[part] = items[0].get_secret().decode()
    return found


def files_holding(root: Path, text: str) -> list[Path]:
    """The files under ``root`` whose bytes contain ``text``."""
    needle = text.encode()
    return [path for path in root.rglob("*") if path.is_file() and needle in path.read_bytes()]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_the_apps_own_code_keeps_credentials_in_gnome_keyring(
    tmp_path: Path, start_secret_service: Callable[[], SecretService]
) -> None:
    service = start_secret_service()
    config = Path(service.env["TIMECLOCK_CONFIG_DIR"])
    data = Path(service.env["TIMECLOCK_DATA_DIR"])
    save_settings(Settings(account=BASE_URL, user=DEMO_USER), config / "settings.json")
    before = snapshot(config), snapshot(data)
    typed = f"{API_KEY}\n{API_SECRET}\n"

    saved = run_in_session(service, ["-c", SAVE_SCRIPT, BASE_URL], typed)
    assert saved.returncode == 0, shown(saved)
    assert saved.stdout.splitlines() == ["saved", f"backend: {SECRET_SERVICE_BACKEND}"]

    # A fresh process (a new connection, nothing cached) finds them in the keyring.
    loaded = run_in_session(service, ["-c", LOAD_SCRIPT, BASE_URL], typed)
    assert loaded.returncode == 0, shown(loaded)
    assert loaded.stdout.splitlines() == ["loaded: the same", f"backend: {SECRET_SERVICE_BACKEND}"]

    assert keyring_items(service, BASE_URL) == {"api-key": API_KEY, "api-secret": API_SECRET}
    for result in (saved, loaded):
        assert API_SECRET not in result.stdout + result.stderr
    # Our code wrote nothing to its own folders: the settings file is as it was.
    assert (snapshot(config), snapshot(data)) == before
    # gnome-keyring keeps the login keyring encrypted in the tmp home: the secret is in
    # no file at all, not there and nowhere else.
    assert (Path(service.env["XDG_DATA_HOME"]) / "keyrings" / "login.keyring").is_file()
    assert files_holding(tmp_path, API_SECRET) == []


def test_login_then_status_through_the_command_use_gnome_keyring(
    tmp_path: Path, server: SandboxServer, start_secret_service: Callable[[], SecretService]
) -> None:
    service = start_secret_service()
    typed = f"{server.api_key}\n{server.api_secret}\n"

    login = run_in_session(
        service, ["-m", "timeclock", "login", "--url", server.base_url, "--user", DEMO_USER], typed
    )
    assert login.returncode == 0, shown(login)
    assert login.stdout == (
        f"Saved: {DEMO_USER} at {server.base_url}; key and secret are in the OS keyring "
        "(checked with the server).\n"
    )
    assert keyring_items(service, server.base_url) == {
        "api-key": server.api_key,
        "api-secret": server.api_secret,
    }
    settings = load_settings(Path(service.env["TIMECLOCK_CONFIG_DIR"]) / "settings.json")
    assert (settings.account, settings.user) == (server.base_url, DEMO_USER)

    # A new process with no credentials in its environment reads them from the keyring.
    status = run_in_session(service, ["-m", "timeclock", "status"])
    assert status.returncode == 0, shown(status)
    assert "Not stamped in." in status.stdout

    logout = run_in_session(service, ["-m", "timeclock", "logout"])
    assert logout.returncode == 0, shown(logout)
    assert logout.stdout == f"Removed the key and secret for {server.base_url}.\n"
    assert keyring_items(service, server.base_url) == {}
    after_logout = run_in_session(service, ["-m", "timeclock", "status"])
    assert after_logout.returncode == 1, shown(after_logout)
    assert after_logout.stderr.startswith(
        f"timeclock: error: no API key and secret are saved for {server.base_url}"
    )

    outputs = "".join(r.stdout + r.stderr for r in (login, status, logout, after_logout))
    assert server.api_secret not in outputs
    assert files_holding(tmp_path, server.api_secret) == []
