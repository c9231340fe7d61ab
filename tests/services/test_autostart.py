"""Starting with the session: the XDG autostart entry is the setting (Linux)."""

from __future__ import annotations

import configparser
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from timeclock import __version__
from timeclock.services.autostart import (
    AutostartError,
    autostart_enabled,
    desktop_entry,
    launch_command,
    set_autostart,
    xdg_autostart_path,
)

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "timeclock" / "share" / "io.github.timeclock.TimeClock.desktop"


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ``$XDG_CONFIG_HOME`` of the test's own, and no system-wide entries; the free
    desktops' way on any system (the one way that can be tested here)."""
    monkeypatch.setattr(sys, "platform", "linux")
    folder = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "xdg-system"))
    return folder


def entry_of(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return dict(parser["Desktop Entry"])


def test_turning_it_on_writes_the_entry_in_the_users_autostart_folder(config_home: Path) -> None:
    assert not autostart_enabled()

    set_autostart(True)

    path = config_home / "autostart" / "io.github.timeclock.TimeClock.desktop"
    assert xdg_autostart_path() == path
    assert path.is_file()
    assert autostart_enabled()
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_the_entry_is_the_shipped_desktop_file_with_the_installed_program(
    config_home: Path,
) -> None:
    set_autostart(True)

    written = entry_of(xdg_autostart_path())
    shipped = entry_of(SHIPPED)
    for key in ("Type", "Name", "GenericName[de]", "Comment", "Comment[de]", "Icon", "Terminal"):
        assert written[key] == shipped[key], key
    assert written.get("Hidden", "false") == "false"
    command = shlex.split(written["Exec"])
    assert command == launch_command()
    assert Path(command[0]).is_absolute()


def test_the_entrys_command_is_this_timeclock() -> None:
    set_autostart(True)

    command = shlex.split(entry_of(xdg_autostart_path())["Exec"])
    result = subprocess.run(
        [*command, "--version"], capture_output=True, text=True, timeout=60, check=False
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"timeclock {__version__}"


def test_turning_it_off_removes_the_entry() -> None:
    set_autostart(True)

    set_autostart(False)

    assert not xdg_autostart_path().exists()
    assert not autostart_enabled()
    set_autostart(False)  # off twice is still off
    assert not autostart_enabled()


def test_an_entry_with_hidden_true_is_off() -> None:
    path = xdg_autostart_path()
    path.parent.mkdir(parents=True)
    path.write_text("[Desktop Entry]\nType=Application\nName=TimeClock\nHidden=true\n")

    assert not autostart_enabled()
    set_autostart(True)
    assert autostart_enabled()


def test_a_system_wide_entry_is_on_and_turned_off_for_this_user_only(tmp_path: Path) -> None:
    system = tmp_path / "xdg-system" / "autostart" / "io.github.timeclock.TimeClock.desktop"
    system.parent.mkdir(parents=True)
    system.write_text(desktop_entry(["/usr/bin/timeclock"]))
    before = system.read_text()
    assert autostart_enabled()

    set_autostart(False)

    assert not autostart_enabled()
    assert entry_of(xdg_autostart_path())["Hidden"] == "true"
    assert system.read_text() == before


def test_without_xdg_config_home_the_entry_is_in_dot_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for value in ("", "relative/config"):  # unset, or relative (which the spec ignores)
        monkeypatch.setenv("XDG_CONFIG_HOME", value)
        assert xdg_autostart_path() == tmp_path / "home" / ".config" / "autostart" / (
            "io.github.timeclock.TimeClock.desktop"
        )


@pytest.mark.parametrize(
    ("command", "exec_line"),
    [
        (["/usr/bin/timeclock"], "/usr/bin/timeclock"),
        (["/home/a b/venv/bin/timeclock"], '"/home/a b/venv/bin/timeclock"'),
        (["/opt/$x/timeclock"], '"/opt/\\\\$x/timeclock"'),
        (["C:\\tc"], '"C:\\\\\\\\tc"'),
        (["/opt/100%/timeclock"], '"/opt/100%%/timeclock"'),
        (["/usr/bin/python3", "-m", "timeclock"], "/usr/bin/python3 -m timeclock"),
    ],
)
def test_exec_quotes_as_the_desktop_entry_spec_says(command: list[str], exec_line: str) -> None:
    lines = desktop_entry(command).splitlines()
    assert f"Exec={exec_line}" in lines


def test_without_a_timeclock_script_python_runs_the_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python3"))
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))

    assert launch_command() == [str(tmp_path / "bin" / "python3"), "-m", "timeclock"]


def test_the_script_beside_this_python_is_preferred() -> None:
    script = Path(sys.executable).with_name("timeclock")
    assert script.is_file()  # the test environment has TimeClock installed
    assert launch_command() == [str(script)]
    assert os.access(script, os.X_OK)


def test_an_entry_that_cannot_be_written_is_one_readable_error(config_home: Path) -> None:
    config_home.mkdir()
    (config_home / "autostart").write_text("a file where the folder should be")

    with pytest.raises(AutostartError, match=r"^cannot turn on starting with the session: "):
        set_autostart(True)
    assert not autostart_enabled()
