"""The settings file: which account and user this desk uses, and the language.

Only non-secret values live here. The API key and secret go to the OS keyring
(:mod:`timeclock.store.secrets`), never into this file. The file is JSON with a version
number so later versions can upgrade it step by step; it is written atomically, so a crash
mid-write leaves the old file, never half a file.

Nothing a person wrote is lost: a file from a newer TimeClock is read as far as this one
understands it and never overwritten, and a file that cannot be read at all is moved aside
as ``settings.json.broken-<date>-<time>`` before a new one takes its place.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from timeclock.domain.errors import ErrorKind, TimeClockError
from timeclock.store.paths import config_dir
from timeclock.store.private import private_dir, private_file

SETTINGS_VERSION = 1
FILE_NAME = "settings.json"
BROKEN_SUFFIX = ".broken-"

log = logging.getLogger(__name__)


class SettingsError(TimeClockError):
    """The settings file cannot be read or written; the text says which file and why."""

    kind = ErrorKind.SETUP


class NewerSettingsError(SettingsError):
    """The settings file is from a newer TimeClock; this one does not overwrite it."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Every non-secret setting with its default."""

    account: str = ""  # TimeTrack account name or API URL
    user: str = ""  # the TimeTrack user name this desk stamps for
    language: str = ""  # "" follows the system; "de" or "en" overrides it
    # The German state whose public holidays count (ArbZG §9), a code such as "BY" or "NW"
    # (timeclock.domain.holidays.STATES); "" checks no public holidays.
    state: str = ""
    # Target hours per weekday, Monday first ("8 8 8 8 8 0 0"; "7,5" is 7.5 h): the working
    # model for targets and balances where TimeTrack offers no work_reports; "" is 8 h on
    # Monday to Friday (timeclock.services.balance.working_model).
    work_hours: str = ""
    # At the desk (issue #11). Values are text like the rest of the file; the services that
    # use them parse them and treat what they cannot read as the default.
    # "on": closing the window keeps TimeClock in the tray where a tray exists; "off" quits.
    close_to_tray: str = "on"
    # Reminders, only on working days (work_hours > 0) within remind_within ("07:00-20:00").
    remind_after_hours: str = "10"  # still stamped in after this many hours; "" is off
    remind_end_of_day: str = ""  # "17:30": not stamped out by then; "" is off
    remind_open_at_start: str = "on"  # an entry still open from an earlier day at start
    remind_no_break: str = "on"  # 6 h worked without a break
    remind_within: str = "06:00-22:00"
    remind_snooze_minutes: str = "15"
    # A locked session of at least this many minutes while stamped in may be recorded as a
    # break (asked on unlock); "" is off, the default.
    lock_break_minutes: str = ""

    def updated(self, **changes: str) -> Settings:
        """A copy with some values changed."""
        return replace(self, **changes)


def settings_path() -> Path:
    """The settings file's path."""
    return config_dir() / FILE_NAME


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults when there is no file yet.

    A file from a newer TimeClock gives the values this version knows. A file that cannot be
    read raises :class:`SettingsError` naming it.
    """
    path = path or settings_path()
    raw = _read(path)
    if raw is None:
        return Settings()
    version = _version(raw, path)
    if version > SETTINGS_VERSION:
        log.info(
            "the settings file %s is from a newer TimeClock (version %d); "
            "reading what version %d knows",
            path,
            version,
            SETTINGS_VERSION,
        )
    known = {field.name for field in fields(Settings)}
    values = {
        key: value
        for key, value in _upgrade(raw).items()
        if key in known and isinstance(value, str)
    }
    return Settings(**values)


def read_settings(path: Path | None = None) -> tuple[Settings, SettingsError | None]:
    """The saved settings, or the defaults and why when the file cannot be read.

    For the window, which starts anyway and tells the person; the file is left as it is.
    """
    try:
        return load_settings(path), None
    except SettingsError as error:
        return Settings(), error


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically (a new file replaces the old in one step).

    Refuses (:class:`NewerSettingsError`) to replace a file of a newer TimeClock; moves a
    file that cannot be read aside first, so that what was in it is kept.
    """
    path = path or settings_path()
    _make_way(path)
    content = json.dumps({"version": SETTINGS_VERSION, **asdict(settings)}, indent=2) + "\n"
    temporary: Path | None = None
    try:
        private_dir(path.parent)
        # A temporary file is 0600 from the start, and the settings file becomes it.
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=".settings-", delete=False
        ) as handle:
            temporary = Path(handle.name)
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except OSError as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)  # a failed save leaves no stray file behind
        raise SettingsError(f"cannot write the settings file {path}: {_reason(error)}") from None


def _read(path: Path) -> dict[str, Any] | None:
    """The file's JSON object; None when there is no file."""
    try:
        # Left readable by an earlier version: made private before it is read.
        private_file(private_dir(path.parent, create=False) / path.name)
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        raise SettingsError(f"cannot read the settings file {path}: {_reason(error)}") from None
    if not isinstance(raw, dict):
        raise SettingsError(f"the settings file {path} is not a JSON object")
    return raw


def _version(raw: dict[str, Any], path: Path) -> int:
    """The file's format version; a file without one is of the first."""
    version = raw.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise SettingsError(f"the settings file {path} has no valid version ({version!r})")
    return version


def check_can_save(path: Path | None = None) -> None:
    """Raise :class:`NewerSettingsError` now if saving would be refused, before anything
    else of a change is done (``login`` storing a key in the keyring, say)."""
    path = path or settings_path()
    if not path.is_file():
        return
    try:
        version = _version(_read(path) or {}, path)
    except SettingsError:
        return  # unreadable: a save keeps it aside and goes on
    _refuse_newer(path, version)


def _make_way(path: Path) -> None:
    """Before a save: refuse to replace a newer file, move an unreadable one aside."""
    if not path.is_file():
        return  # nothing there (or a folder, which the replace reports)
    try:
        version = _version(_read(path) or {}, path)
    except SettingsError as problem:
        kept = _broken_name(path)
        try:
            path.replace(kept)
        except OSError as error:
            raise SettingsError(
                f"cannot keep the unreadable settings file {path}: {_reason(error)}"
            ) from None
        log.warning("%s; kept it as %s before saving new settings", problem, kept)
        return
    _refuse_newer(path, version)


def _refuse_newer(path: Path, version: int) -> None:
    if version > SETTINGS_VERSION:
        raise NewerSettingsError(
            f"the settings file {path} is from a newer TimeClock (version {version}; this one "
            f"knows up to {SETTINGS_VERSION}) and is not overwritten; update TimeClock to "
            "change the settings"
        )


def _broken_name(path: Path) -> Path:
    """``settings.json.broken-<local date>-<time>``, numbered if that name is taken."""
    base = f"{path.name}{BROKEN_SUFFIX}{datetime.now().astimezone():%Y%m%d-%H%M%S}"
    candidate, number = path.with_name(base), 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{base}-{number}")
    return candidate


def _upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    """Bring an older file's values to the current shape (version 1 is the first)."""
    return raw


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
