"""Where TimeClock keeps its files: platformdirs' folders, or the TIMECLOCK_* overrides."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from timeclock.store.paths import APP_NAME, config_dir, data_dir


def test_the_autouse_fixture_points_both_folders_into_tmp(tmp_path: Path) -> None:
    assert config_dir() == tmp_path / "config"
    assert data_dir() == tmp_path / "data"


def test_the_overrides_are_independent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMECLOCK_CONFIG_DIR", str(tmp_path / "elsewhere"))

    assert config_dir() == tmp_path / "elsewhere"
    assert data_dir() == tmp_path / "data"


def test_the_environment_is_read_on_every_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = data_dir()
    monkeypatch.setenv("TIMECLOCK_DATA_DIR", str(tmp_path / "moved"))

    assert first == tmp_path / "data"
    assert data_dir() == tmp_path / "moved"


def test_a_tilde_in_an_override_means_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TIMECLOCK_CONFIG_DIR", "~/timeclock-config")
    monkeypatch.setenv("TIMECLOCK_DATA_DIR", "~/timeclock-data")

    assert config_dir() == tmp_path / "home" / "timeclock-config"
    assert data_dir() == tmp_path / "home" / "timeclock-data"


@pytest.mark.parametrize("value", [None, ""], ids=["unset", "empty"])
def test_without_an_override_platformdirs_chooses(
    value: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("TIMECLOCK_CONFIG_DIR", "TIMECLOCK_DATA_DIR"):
        if value is None:
            monkeypatch.delenv(name)
        else:
            monkeypatch.setenv(name, value)

    assert config_dir() == Path(platformdirs.user_config_dir(APP_NAME, False)).expanduser()
    assert data_dir() == Path(platformdirs.user_data_dir(APP_NAME, False)).expanduser()
    assert APP_NAME in config_dir().parts
    assert APP_NAME in data_dir().parts


def test_asking_for_a_folder_does_not_create_it() -> None:
    assert not config_dir().exists()
    assert not data_dir().exists()
