"""The settings file: JSON with a version, written atomically, read forgivingly.

A missing file means the defaults; a file that cannot be read or is not a JSON object is a
:class:`SettingsError` naming the file; keys this version does not know and values of the
wrong type are ignored, so an older program can read a newer file, but never overwrites
it. A save over a file that cannot be read keeps that file aside first.
"""

from __future__ import annotations

import json
import os
import re
from datetime import datetime, tzinfo
from pathlib import Path

import pytest

from timeclock.store import settings as settings_module
from timeclock.store.settings import (
    FILE_NAME,
    SETTINGS_VERSION,
    NewerSettingsError,
    Settings,
    SettingsError,
    load_settings,
    read_settings,
    save_settings,
    settings_path,
)

FILLED = Settings(account="testkonto", user="hansm", language="de")


def files_in(folder: Path) -> list[str]:
    """The names of everything in ``folder`` (hidden files too), sorted."""
    return sorted(child.name for child in folder.iterdir())


def test_the_settings_file_lives_in_the_config_folder(tmp_path: Path) -> None:
    assert settings_path() == tmp_path / "config" / FILE_NAME


def test_without_a_file_the_defaults_apply() -> None:
    assert load_settings() == Settings()
    assert Settings() == Settings(account="", user="", language="")
    assert not settings_path().exists()


def test_saved_settings_load_again() -> None:
    save_settings(FILLED)

    assert settings_path().is_file()
    assert load_settings() == FILLED


def test_the_file_is_a_json_object_with_the_version_and_every_setting() -> None:
    save_settings(FILLED)

    assert json.loads(settings_path().read_text(encoding="utf-8")) == {
        "version": SETTINGS_VERSION,
        "account": "testkonto",
        "user": "hansm",
        "language": "de",
        "state": "",
        "work_hours": "",
        "close_to_tray": "on",
        "remind_after_hours": "10",
        "remind_end_of_day": "",
        "remind_open_at_start": "on",
        "remind_no_break": "on",
        "remind_within": "06:00-22:00",
        "remind_snooze_minutes": "15",
        "lock_break_minutes": "",
    }


def test_a_file_without_a_state_checks_no_public_holidays() -> None:
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text('{"version": 1, "account": "testkonto"}', encoding="utf-8")

    assert load_settings() == Settings(account="testkonto", state="")


def test_the_state_is_saved_and_loaded() -> None:
    save_settings(FILLED.updated(state="NW"))

    assert load_settings().state == "NW"


def test_the_work_hours_are_saved_and_loaded() -> None:
    save_settings(FILLED.updated(work_hours="8 8 8 8 6 0 0"))

    assert load_settings().work_hours == "8 8 8 8 6 0 0"


def test_an_explicit_path_is_used_instead_of_the_config_folder(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "mine.json"

    save_settings(FILLED, path)

    assert load_settings(path) == FILLED
    assert not settings_path().exists()


def test_saving_again_replaces_the_file_and_leaves_no_temporary_files() -> None:
    save_settings(FILLED)
    save_settings(FILLED.updated(user="ivan", language=""))

    assert load_settings() == Settings(account="testkonto", user="ivan", language="")
    assert files_in(settings_path().parent) == [FILE_NAME]


def test_non_ascii_values_survive_the_round_trip() -> None:
    settings = Settings(account="testkonto", user="jürgen.groß", language="de")

    save_settings(settings)

    assert load_settings() == settings


def test_updated_changes_only_the_named_values() -> None:
    changed = FILLED.updated(language="en")

    assert changed == Settings(account="testkonto", user="hansm", language="en")
    assert FILLED.language == "de"


def test_unknown_keys_and_values_that_are_not_text_are_ignored() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(
        json.dumps(
            {
                "version": 7,
                "account": "testkonto",
                "user": 42,
                "language": None,
                "theme": "dark",
                "window": {"width": 800},
            }
        ),
        encoding="utf-8",
    )

    assert load_settings() == Settings(account="testkonto")


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"", b'{"account": "testkonto"', b"\xff\xfe{}"],
    ids=["garbage", "empty", "truncated", "not-utf8"],
)
def test_a_corrupt_file_is_a_settings_error_naming_the_file(content: bytes) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)

    with pytest.raises(SettingsError, match="cannot read the settings file") as caught:
        load_settings()

    assert str(path) in str(caught.value)


@pytest.mark.parametrize("content", ["[]", '"testkonto"', "42", "null"])
def test_json_that_is_not_an_object_is_a_settings_error(content: str) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")

    with pytest.raises(SettingsError, match="is not a JSON object") as caught:
        load_settings()

    assert str(path) in str(caught.value)


def test_an_unreadable_file_is_a_settings_error() -> None:
    settings_path().mkdir(parents=True)  # a folder where the file should be

    with pytest.raises(SettingsError, match="cannot read the settings file"):
        load_settings()


def test_a_folder_that_cannot_be_made_is_a_settings_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")

    with pytest.raises(SettingsError, match="cannot write the settings file") as caught:
        save_settings(FILLED, blocker / "settings.json")

    assert str(blocker / "settings.json") in str(caught.value)


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    save_settings(FILLED)
    before = settings_path().read_bytes()

    def fail(descriptor: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)

    with pytest.raises(SettingsError, match="Input/output error"):
        save_settings(Settings(account="other", user="ivan"))

    assert settings_path().read_bytes() == before
    assert load_settings() == FILLED
    assert files_in(settings_path().parent) == [FILE_NAME]


def test_a_failed_replace_leaves_no_temporary_file() -> None:
    path = settings_path()
    path.mkdir(parents=True)
    (path / "keep").write_text("something", encoding="utf-8")  # a folder cannot be replaced

    with pytest.raises(SettingsError, match="cannot write the settings file"):
        save_settings(FILLED)

    assert files_in(path.parent) == [FILE_NAME]
    assert files_in(path) == ["keep"]


def _write(content: str | bytes) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


@pytest.mark.parametrize("version", ['"2"', "0", "-1", "true", "1.5", "null"])
def test_a_version_that_is_not_a_whole_number_from_1_is_a_settings_error(version: str) -> None:
    path = _write(f'{{"version": {version}, "account": "testkonto"}}')

    with pytest.raises(SettingsError, match="has no valid version") as caught:
        load_settings()

    assert str(path) in str(caught.value)


def test_a_file_without_a_version_is_read_as_the_first() -> None:
    _write('{"account": "testkonto", "user": "hansm"}')

    assert load_settings() == Settings(account="testkonto", user="hansm")


def test_a_newer_file_is_read_as_far_as_this_version_knows_it() -> None:
    newer = {
        "version": SETTINGS_VERSION + 1,
        "account": "testkonto",
        "user": "hansm",
        "language": "de",
        "accounts": [{"account": "other", "user": "ivan"}],  # a later version's idea
    }
    _write(json.dumps(newer))

    assert load_settings() == FILLED


def test_a_newer_file_is_never_overwritten() -> None:
    newer = json.dumps({"version": SETTINGS_VERSION + 1, "account": "testkonto", "extra": 1})
    path = _write(newer)

    with pytest.raises(NewerSettingsError, match="is from a newer TimeClock") as caught:
        save_settings(FILLED.updated(language="en"))

    assert str(path) in str(caught.value)
    assert "update TimeClock" in str(caught.value)
    assert path.read_text(encoding="utf-8") == newer
    assert files_in(path.parent) == [FILE_NAME]


def test_an_older_or_current_file_is_replaced() -> None:
    path = _write('{"account": "old"}')  # no version: the first

    save_settings(FILLED)

    assert load_settings() == FILLED
    assert files_in(path.parent) == [FILE_NAME]


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"", b"[]", b'{"version": "x"}', b"\xff\xfe{}"],
    ids=["garbage", "empty", "not-an-object", "bad-version", "not-utf8"],
)
def test_read_settings_gives_the_defaults_and_the_reason_and_leaves_the_file(
    content: bytes,
) -> None:
    path = _write(content)

    settings, problem = read_settings()

    assert settings == Settings()
    assert isinstance(problem, SettingsError)
    assert str(path) in str(problem)
    assert path.read_bytes() == content


def test_read_settings_of_a_good_file_has_no_problem() -> None:
    save_settings(FILLED)

    assert read_settings() == (FILLED, None)


def test_saving_over_a_broken_file_keeps_it_aside() -> None:
    path = _write(b"{not json")

    save_settings(FILLED)

    assert load_settings() == FILLED
    (kept,) = [name for name in files_in(path.parent) if name != FILE_NAME]
    assert re.fullmatch(r"settings\.json\.broken-\d{8}-\d{6}", kept)
    assert (path.parent / kept).read_bytes() == b"{not json"


def test_broken_files_kept_in_the_same_second_get_their_own_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    moment = datetime(2026, 3, 10, 8, 0, 0).astimezone()

    class Frozen(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Frozen:
            return cls.fromtimestamp(moment.timestamp(), tz)

    monkeypatch.setattr(settings_module, "datetime", Frozen)
    path = _write(b"first")
    save_settings(FILLED)
    path.write_bytes(b"second")
    save_settings(FILLED)

    stamp = f"{moment:%Y%m%d-%H%M%S}"
    assert (path.parent / f"settings.json.broken-{stamp}").read_bytes() == b"first"
    assert (path.parent / f"settings.json.broken-{stamp}-2").read_bytes() == b"second"
    assert load_settings() == FILLED


def test_a_broken_file_that_cannot_be_kept_is_not_replaced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _write(b"{not json")
    original_replace = Path.replace

    def refuse(self: Path, target: str | os.PathLike[str]) -> Path:
        if self == path:
            raise OSError(13, "Permission denied")
        return original_replace(self, target)

    monkeypatch.setattr(Path, "replace", refuse)

    with pytest.raises(SettingsError, match="cannot keep the unreadable settings file"):
        save_settings(FILLED)

    assert path.read_bytes() == b"{not json"
    assert files_in(path.parent) == [FILE_NAME]
