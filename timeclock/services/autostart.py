"""Starting TimeClock with the desktop session: the system's own autostart entry.

There is no setting for it: the entry is the truth. On Linux (and other free desktops)
it is the XDG autostart file ``$XDG_CONFIG_HOME/autostart/io.github.timeclock.TimeClock
.desktop`` (freedesktop's Desktop Application Autostart Specification); on Windows the
``Run`` key of the current user; on macOS a LaunchAgent. Only Linux is tested here; the
other two are kept as small as they can be.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import shutil
import sys
from pathlib import Path

from timeclock.domain.errors import ErrorKind, TimeClockError

APP_ID = "io.github.timeclock.TimeClock"
DESKTOP_FILE = f"{APP_ID}.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "TimeClock"

# timeclock/share/io.github.timeclock.TimeClock.desktop, with the installed program in
# Exec (a session starts programs without the shell's PATH of a terminal).
_ENTRY = """\
[Desktop Entry]
Type=Application
Name=TimeClock
GenericName=Time Clock
GenericName[de]=Stempeluhr
Comment=Clock in and out, take breaks and correct your attendance in TimeTrack
Comment[de]=Kommen, Gehen, Pausen und Korrekturen Ihrer Anwesenheit in TimeTrack
Exec={exec}
Icon=io.github.timeclock.TimeClock
Terminal=false
Categories=Office;ProjectManagement;Qt;
X-GNOME-Autostart-enabled=true
"""


class AutostartError(TimeClockError):
    """The autostart entry cannot be written; ``reason`` is the system's why."""

    kind = ErrorKind.SETUP

    def __init__(self, enabled: bool, reason: str) -> None:
        what = "turn on" if enabled else "turn off"
        super().__init__(f"cannot {what} starting with the session: {reason}")
        self.enabled = enabled
        self.reason = reason


def launch_command() -> list[str]:
    """How the session starts this TimeClock: the installed ``timeclock`` beside this
    Python (a virtual environment's), else the one on PATH, else ``python -m timeclock``."""
    name = "timeclock.exe" if sys.platform == "win32" else "timeclock"
    beside = Path(sys.executable).with_name(name)
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("timeclock")
    return [found] if found else [sys.executable, "-m", "timeclock"]


def autostart_enabled() -> bool:
    """Whether TimeClock starts with the session now."""
    if sys.platform == "win32":
        return _windows_command() is not None
    if sys.platform == "darwin":
        return _launch_agent().is_file()
    return _xdg_enabled(xdg_autostart_path())


def set_autostart(enabled: bool) -> None:
    """Start TimeClock with the session from now on, or no longer."""
    try:
        if sys.platform == "win32":
            _set_windows(enabled)
        elif sys.platform == "darwin":
            _set_launch_agent(enabled)
        else:
            _set_xdg(enabled)
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        raise AutostartError(enabled, reason) from None


# -- Linux and other free desktops ---------------------------------------------------------


def xdg_autostart_path() -> Path:
    """The user's autostart entry: ``$XDG_CONFIG_HOME/autostart/<app id>.desktop``."""
    return _config_home() / "autostart" / DESKTOP_FILE


def desktop_entry(command: list[str]) -> str:
    """The autostart entry that starts ``command``."""
    return _ENTRY.format(exec=" ".join(_exec_argument(argument) for argument in command))


def _config_home() -> Path:
    value = os.environ.get("XDG_CONFIG_HOME", "")
    # The specification: a relative path is invalid and is ignored.
    return Path(value) if Path(value).is_absolute() else Path.home() / ".config"


def _system_entries() -> list[Path]:
    """Entries of the same name in ``$XDG_CONFIG_DIRS`` (one a system administrator put
    there for everyone), which the user's entry overrides."""
    dirs = os.environ.get("XDG_CONFIG_DIRS", "") or "/etc/xdg"
    return [
        Path(folder) / "autostart" / DESKTOP_FILE
        for folder in dirs.split(":")
        if Path(folder).is_absolute()
    ]


def _xdg_enabled(path: Path) -> bool:
    """The user's entry, else the system's, unless it says ``Hidden=true``."""
    for entry in (path, *_system_entries()):
        try:
            text = entry.read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        except (OSError, UnicodeDecodeError):
            return False  # unreadable: the session cannot read it either
        return not _hidden(text)
    return False


def _hidden(text: str) -> bool:
    return any(
        line.partition("=")[0].strip() == "Hidden"
        and line.partition("=")[2].strip().lower() == "true"
        for line in text.splitlines()
    )


def _set_xdg(enabled: bool) -> None:
    path = xdg_autostart_path()
    if enabled:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.new")
        temporary.write_text(desktop_entry(launch_command()), encoding="utf-8")
        temporary.replace(path)
    elif any(entry.is_file() for entry in _system_entries()):
        # The specification's way to turn off a system-wide entry for one user.
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("[Desktop Entry]\nType=Application\nName=TimeClock\nHidden=true\n")
    else:
        path.unlink(missing_ok=True)


def _exec_argument(argument: str) -> str:
    """``argument`` quoted for a desktop entry's ``Exec`` key where it needs quotes.

    Inside quotes ``"``, `````, ``$`` and ``\\`` take a backslash (the Exec rules), and
    every backslash is doubled again as the value is a string (the general rules).
    """
    if argument and not any(char in argument for char in " \t\n\"'\\><~|&;$*?#()`%"):
        return argument
    quoted = "".join(f"\\{char}" if char in '"`$\\' else char for char in argument)
    return '"' + quoted.replace("\\", "\\\\").replace("%", "%%") + '"'


# -- Windows and macOS ---------------------------------------------------------------------


def _windows_command_line() -> str:
    import subprocess  # noqa: PLC0415 - only here

    return subprocess.list2cmdline(launch_command())


def _windows_command() -> str | None:
    if sys.platform != "win32":  # so that mypy checks what follows for Windows only
        return None
    import winreg  # noqa: PLC0415 - Windows only

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            value, _kind = winreg.QueryValueEx(key, RUN_VALUE)
    except OSError:
        return None
    return str(value)


def _set_windows(enabled: bool) -> None:
    if sys.platform != "win32":
        return
    import winreg  # noqa: PLC0415 - Windows only

    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
        if enabled:
            winreg.SetValueEx(key, RUN_VALUE, 0, winreg.REG_SZ, _windows_command_line())
        else:
            with contextlib.suppress(FileNotFoundError):
                winreg.DeleteValue(key, RUN_VALUE)


def _launch_agent() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{APP_ID}.plist"


def _set_launch_agent(enabled: bool) -> None:
    path = _launch_agent()
    if not enabled:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    agent = {"Label": APP_ID, "ProgramArguments": launch_command(), "RunAtLoad": True}
    path.write_bytes(plistlib.dumps(agent))
