"""TimeClock in the desktop's application menu for a pip install: ``timeclock desktop
install`` copies the desktop file, the AppStream metainfo and the icon that ship in the
package (``timeclock/share``) into the user's data folder, as a system package puts them
into ``/usr/share``:

- ``$XDG_DATA_HOME/applications/io.github.timeclock.TimeClock.desktop``, its ``Exec`` the
  ``timeclock`` program that ran the command (a menu starts programs without a terminal's
  PATH, so a virtual environment's program needs its full path);
- ``$XDG_DATA_HOME/metainfo/io.github.timeclock.TimeClock.metainfo.xml``;
- ``$XDG_DATA_HOME/icons/hicolor/scalable/apps/io.github.timeclock.TimeClock.svg``.

``$XDG_DATA_HOME`` is ``~/.local/share`` unless set. Desktops watch these folders, so the
entry appears without a log-out. Installing again rewrites the files (a moved program
gets the new path); removing removes exactly these three files.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from timeclock.domain.errors import ErrorKind, TimeClockError
from timeclock.services.autostart import APP_ID, DESKTOP_FILE, launch_command
from timeclock.services.autostart import _exec_argument as exec_argument

METAINFO_FILE = f"{APP_ID}.metainfo.xml"
ICON_FILE = f"{APP_ID}.svg"
_EXEC_KEYS = re.compile(r"^(Exec|TryExec)=.*$", re.MULTILINE)


class DesktopEntryError(TimeClockError):
    """A file of the menu entry cannot be written or removed; ``reason`` is the system's."""

    kind = ErrorKind.LOCAL

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot change {path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Placed:
    """Where the entry's three files go (or are)."""

    desktop_file: Path
    metainfo: Path
    icon: Path

    def files(self) -> tuple[Path, Path, Path]:
        return (self.desktop_file, self.metainfo, self.icon)


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` where it is unset or not absolute (the
    Base Directory Specification ignores a relative one)."""
    value = (os.environ if environ is None else environ).get("XDG_DATA_HOME", "")
    return Path(value) if Path(value).is_absolute() else Path.home() / ".local" / "share"


def placed(home: Path) -> Placed:
    """The entry's files under the data folder ``home``."""
    return Placed(
        desktop_file=home / "applications" / DESKTOP_FILE,
        metainfo=home / "metainfo" / METAINFO_FILE,
        icon=home / "icons" / "hicolor" / "scalable" / "apps" / ICON_FILE,
    )


def program_command(argv0: str) -> list[str]:
    """How the menu starts this TimeClock: the program that runs now (``argv0``, with
    links resolved) where it is a ``timeclock`` program, else as autostart would."""
    path = Path(argv0)
    if path.name.lower().startswith("timeclock") and path.is_file():
        return [str(path.resolve())]
    return launch_command()


def desktop_file_text(command: list[str]) -> str:
    """The shipped desktop file with ``Exec`` and ``TryExec`` set to ``command``."""
    shipped = _shipped(DESKTOP_FILE).decode("utf-8")
    line = " ".join(exec_argument(argument) for argument in command)

    def replace(found: re.Match[str]) -> str:
        return f"Exec={line}" if found[1] == "Exec" else f"TryExec={command[0]}"

    return _EXEC_KEYS.sub(replace, shipped)


def install(command: list[str], home: Path | None = None) -> Placed:
    """Write the entry's files (again) under ``home`` (default: :func:`data_home`)."""
    where = placed(data_home() if home is None else home)
    _write(where.desktop_file, desktop_file_text(command).encode("utf-8"))
    _write(where.metainfo, _shipped(METAINFO_FILE))
    _write(where.icon, _shipped(ICON_FILE))
    return where


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove the entry's files under ``home``; the ones that were there."""
    removed = []
    for path in placed(data_home() if home is None else home).files():
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise DesktopEntryError(path, _reason(error)) from None
        removed.append(path)
    return removed


def _shipped(name: str) -> bytes:
    """A file of ``timeclock/share`` as the package (wheel, checkout or bundle) has it."""
    return (resources.files("timeclock") / "share" / name).read_bytes()


def _write(path: Path, content: bytes) -> None:
    """``content`` into ``path`` whole or not at all (a menu never reads half a file)."""
    temporary = path.with_name(f".{path.name}.new")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(content)
        temporary.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise DesktopEntryError(path, _reason(error)) from None


def _reason(error: OSError) -> str:
    return error.strerror or str(error) or type(error).__name__


def supported() -> bool:
    """Whether this system has freedesktop menus (not Windows or macOS)."""
    return sys.platform not in ("win32", "darwin")
