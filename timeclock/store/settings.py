"""The settings file: which account and user this desk uses, and the language.

Only non-secret values live here. The API key and secret go to the OS keyring
(:mod:`timeclock.store.secrets`), never into this file. The file is JSON with a version
number so later versions can upgrade it step by step; it is written atomically, so a crash
mid-write leaves the old file, never half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from timeclock.store.paths import config_dir
from timeclock.store.private import private_dir, private_file

SETTINGS_VERSION = 1
FILE_NAME = "settings.json"


class SettingsError(Exception):
    """The settings file cannot be read or written; the text says which file and why."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Every non-secret setting with its default."""

    account: str = ""  # TimeTrack account name or API URL
    user: str = ""  # the TimeTrack user name this desk stamps for
    language: str = ""  # "" follows the system; "de" or "en" overrides it

    def updated(self, **changes: str) -> Settings:
        """A copy with some values changed."""
        return replace(self, **changes)


def settings_path() -> Path:
    """The settings file's path."""
    return config_dir() / FILE_NAME


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults when there is no file yet."""
    path = path or settings_path()
    try:
        # Left readable by an earlier version: made private before it is read.
        private_file(private_dir(path.parent, create=False) / path.name)
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as error:
        raise SettingsError(f"cannot read the settings file {path}: {_reason(error)}") from None
    if not isinstance(raw, dict):
        raise SettingsError(f"the settings file {path} is not a JSON object")
    known = {field.name for field in fields(Settings)}
    values = {
        key: value
        for key, value in _upgrade(raw).items()
        if key in known and isinstance(value, str)
    }
    return Settings(**values)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically (a new file replaces the old in one step)."""
    path = path or settings_path()
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


def _upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    """Bring an older file's values to the current shape (version 1 is the first)."""
    return raw


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
