"""``timeclock terminal-pin`` and ``timeclock --terminal`` on the command line: PINs read
from the terminal (here piped), never from the command line, kept as hashes only; the
terminal refuses to start without an administrator PIN."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tests.commands import run_timeclock
from timeclock.store.terminal_pins import TerminalPins


def typed(monkeypatch: pytest.MonkeyPatch, *lines: str) -> None:
    """What the person types (standard input, as a pipe)."""
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))


def test_setting_the_administrators_and_an_employees_pin(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    typed(monkeypatch, "9876", "9876")
    done = run("terminal-pin", "set", "--admin")
    assert (done.status, done.err) == (0, "")
    assert "administrator's PIN is set" in done.out
    typed(monkeypatch, "2468", "2468")
    assert run("terminal-pin", "set", "annak").status == 0
    pins = TerminalPins()
    assert pins.check_admin("9876") and pins.check("annak", "2468")
    assert "2468" not in (tmp_path / "data" / "terminal.json").read_text()
    listed = run("terminal-pin", "list")
    assert listed.out.splitlines() == [
        "Administrator's PIN: set",
        "Employees' PINs: not asked for",
        "  annak",
    ]


def test_pins_that_differ_or_are_too_short_change_nothing(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed(monkeypatch, "2468", "2469")
    differ = run("terminal-pin", "set", "annak")
    assert (differ.status, differ.err) == (
        2,
        "timeclock: error: the two PINs differ; nothing was changed\n",
    )
    typed(monkeypatch, "12")
    short = run("terminal-pin", "set", "annak")
    assert (short.status, short.err) == (1, "timeclock: error: a PIN is 4 to 12 digits (0 to 9)\n")
    assert not TerminalPins().has_pin("annak")


def test_a_pin_is_never_taken_from_the_command_line(run: Run) -> None:
    done = run("terminal-pin", "set", "annak", "2468")
    assert done.status == 2
    assert "unrecognized arguments: 2468" in done.err
    assert run("terminal-pin", "set").status == 2  # neither a user nor --admin


def test_requiring_employee_pins_and_removing_one(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("terminal-pin", "require", "on").status == 0
    assert TerminalPins().employee_pins
    typed(monkeypatch, "2468", "2468")
    run("terminal-pin", "set", "annak")
    assert run("terminal-pin", "remove", "annak").out == "Removed the PIN of annak.\n"
    assert run("terminal-pin", "remove", "annak").out == "annak has no PIN here.\n"
    assert run("terminal-pin", "require", "off").status == 0
    assert not TerminalPins().employee_pins


def test_the_terminal_refuses_to_start_without_an_administrator_pin(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = run_timeclock("--demo", "--terminal", env=env)
    assert started.returncode == 1
    assert started.stderr == (
        "timeclock: error: the terminal mode needs an administrator PIN to leave it; set one "
        "with 'timeclock terminal-pin set --admin'\n"
    )


def test_the_terminal_takes_no_command(run: Run) -> None:
    done = run("--terminal", "status")
    assert (done.status, done.err) == (
        2,
        "timeclock: error: --terminal opens the shared terminal and takes no command\n",
    )


def test_an_unreadable_pin_file_is_one_line(run: Run, tmp_path: Path) -> None:
    (tmp_path / "data").mkdir(mode=0o700)
    (tmp_path / "data" / "terminal.json").write_text("{")
    done = run("terminal-pin", "list")
    assert done.status == 1
    assert done.err.startswith("timeclock: error: cannot read the terminal's PIN file ")
    assert len(done.err.splitlines()) == 1
