"""``timeclock desktop install|uninstall`` (issue #12): TimeClock in the application menu
for a pip install, in a temporary ``$XDG_DATA_HOME``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from timeclock.services.desktop_entry import data_home

APP_ID = "io.github.timeclock.TimeClock"
SHARE = Path(__file__).resolve().parents[2] / "timeclock" / "share"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of its own, and a ``timeclock`` program that is running now."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    return tmp_path / "share"


@pytest.fixture
def program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``sys.argv[0]``: a ``timeclock`` script in a folder with a space, as venvs may be."""
    script = tmp_path / "my venv" / "bin" / "timeclock"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setattr(sys, "argv", [str(script)])
    return script


def entry_files(home: Path) -> list[Path]:
    return [
        home / "applications" / f"{APP_ID}.desktop",
        home / "metainfo" / f"{APP_ID}.metainfo.xml",
        home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    ]


def keys(desktop_file: Path) -> dict[str, str]:
    lines = desktop_file.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_install_puts_the_entry_metainfo_and_icon_into_the_data_folder(
    run: Run, home: Path, program: Path
) -> None:
    result = run("desktop", "install")

    assert (result.status, result.err) == (0, "")
    desktop_file, metainfo, icon = entry_files(home)
    assert result.out == (
        f"TimeClock is in your application menu ({desktop_file}), starting {program}.\n"
    )
    entry = keys(desktop_file)
    assert entry["Exec"] == f'"{program}"'  # quoted: the path has a space
    assert entry["TryExec"] == str(program)
    assert entry["Icon"] == APP_ID
    assert metainfo.read_bytes() == (SHARE / f"{APP_ID}.metainfo.xml").read_bytes()
    assert icon.read_bytes() == (SHARE / f"{APP_ID}.svg").read_bytes()
    validator = shutil.which("desktop-file-validate")
    assert validator, "desktop-file-validate is missing (Debian: desktop-file-utils; .ci/run)"
    checked = subprocess.run(
        [validator, str(desktop_file)], check=False, capture_output=True, text=True
    )
    assert (checked.returncode, checked.stdout) == (0, "")


def test_installing_again_points_the_entry_at_the_program_that_runs_now(
    run: Run, home: Path, program: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("desktop", "install").status == 0
    moved = tmp_path / "elsewhere" / "timeclock"
    moved.parent.mkdir()
    shutil.copy2(program, moved)
    monkeypatch.setattr(sys, "argv", [str(moved)])

    assert run("desktop", "install").status == 0
    assert run("desktop", "install").status == 0  # and again: nothing changes

    assert keys(entry_files(home)[0])["Exec"] == str(moved)
    assert sorted(path.name for path in home.rglob("*") if path.is_file()) == sorted(
        path.name for path in entry_files(home)
    )  # no temporary files left


def test_uninstall_removes_exactly_the_installed_files_and_may_be_repeated(
    run: Run, home: Path, program: Path
) -> None:
    assert run("desktop", "install").status == 0
    neighbour = home / "applications" / "other.desktop"
    neighbour.write_text("[Desktop Entry]\n")

    first, second = run("desktop", "uninstall"), run("desktop", "uninstall")

    assert (first.status, first.out) == (
        0,
        "TimeClock is no longer in your application menu (3 files removed).\n",
    )
    assert (second.status, second.out) == (
        0,
        "TimeClock was not in your application menu; nothing to remove.\n",
    )
    assert not any(path.exists() for path in entry_files(home))
    assert neighbour.exists()


def test_a_folder_that_cannot_be_written_is_one_line_on_stderr(
    run: Run, home: Path, program: Path
) -> None:
    home.mkdir()
    (home / "applications").write_text("a file where the folder belongs")

    result = run("desktop", "install")

    assert result.status == 1
    assert result.out == ""
    assert result.err.count("\n") == 1
    assert result.err.startswith(f"timeclock: error: cannot change {home / 'applications'}")
    assert "Traceback" not in result.err


def test_the_messages_and_help_are_german_under_a_german_locale(
    run: Run, home: Path, program: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "de_DE.UTF-8")

    installed = run("desktop", "install")
    removed = run("desktop", "uninstall")
    helped = run("desktop", "--help")

    assert installed.out.startswith("TimeClock ist in Ihrem Anwendungsmenü (")
    assert removed.out == "TimeClock ist nicht mehr in Ihrem Anwendungsmenü (3 Dateien entfernt).\n"
    assert "TimeClock ins Anwendungsmenü aufnehmen" in helped.out


def test_an_action_is_required(run: Run, home: Path) -> None:
    result = run("desktop")

    assert result.status == 2
    assert "ACTION" in result.err


def test_the_data_folder_follows_the_base_directory_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))

    assert data_home({"XDG_DATA_HOME": "/srv/data"}) == Path("/srv/data")
    assert data_home({"XDG_DATA_HOME": "relative/data"}) == tmp_path / ".local" / "share"
    assert data_home({}) == tmp_path / ".local" / "share"
