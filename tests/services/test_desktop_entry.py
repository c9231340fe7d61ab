"""The menu entry's files for a pip install (timeclock/services/desktop_entry.py); the
command line's side is in tests/cli/test_desktop.py."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from timeclock.services.autostart import launch_command
from timeclock.services.desktop_entry import (
    DesktopEntryError,
    desktop_file_text,
    install,
    placed,
    program_command,
    uninstall,
)

SHIPPED = Path(__file__).resolve().parents[2] / "timeclock" / "share"


def test_only_exec_and_tryexec_change_from_the_shipped_desktop_file() -> None:
    shipped = (SHIPPED / "io.github.timeclock.TimeClock.desktop").read_text(encoding="utf-8")
    text = desktop_file_text(["/opt/my tools/timeclock", "--demo"])

    changed = [
        (old, new)
        for old, new in zip(shipped.splitlines(), text.splitlines(), strict=True)
        if old != new
    ]
    assert changed == [
        ("Exec=timeclock", 'Exec="/opt/my tools/timeclock" --demo'),
        ("TryExec=timeclock", "TryExec=/opt/my tools/timeclock"),
    ]
    exec_line = text.split("\nExec=", 1)[1].split("\n", 1)[0]
    assert shlex.split(exec_line) == ["/opt/my tools/timeclock", "--demo"]


def test_the_program_is_the_running_timeclock_else_the_autostart_command(tmp_path: Path) -> None:
    script = tmp_path / "bin" / "timeclock"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    link = tmp_path / "timeclock-link"
    link.symlink_to(script)

    assert program_command(str(link)) == [str(script)]  # links resolved
    assert program_command("/usr/lib/python3/dist-packages/pytest/__main__.py") == (
        launch_command()
    )
    assert program_command("timeclock") == launch_command()  # not a file here


def test_install_and_uninstall_in_a_given_folder(tmp_path: Path) -> None:
    where = install(["/usr/bin/timeclock"], tmp_path)

    assert where == placed(tmp_path)
    assert all(path.is_file() for path in where.files())
    assert uninstall(tmp_path) == list(where.files())
    assert uninstall(tmp_path) == []


def test_a_file_that_cannot_be_removed_names_itself(tmp_path: Path) -> None:
    where = placed(tmp_path)
    where.metainfo.mkdir(parents=True)  # a folder where the file belongs

    with pytest.raises(DesktopEntryError) as raised:
        uninstall(tmp_path)

    assert raised.value.path == where.metainfo
    assert str(raised.value).startswith(f"cannot change {where.metainfo}: ")
