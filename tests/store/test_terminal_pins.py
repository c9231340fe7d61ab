"""The terminal's PINs: salted scrypt hashes in a private file, never the PIN itself."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from timeclock.store.terminal_pins import (
    PinFormatError,
    PinHash,
    TerminalFileError,
    TerminalPins,
    terminal_file,
)


def test_pins_are_checked_after_a_reload_and_wrong_ones_fail(tmp_path: Path) -> None:
    path = tmp_path / "data" / "terminal.json"
    pins = TerminalPins(path)
    assert not pins.has_admin_pin
    pins.set_admin_pin("9876")
    pins.set_pin("AnnaK", "2468")
    again = TerminalPins(path)
    assert again.has_admin_pin
    assert again.check_admin("9876") and not again.check_admin("9875")
    assert again.check("annak", "2468") and again.check(" ANNAK ", "2468")
    assert not again.check("annak", "2469")
    assert not again.check("hansm", "2468")  # no PIN: never right
    assert again.has_pin("annak") and not again.has_pin("hansm")
    assert again.users() == ["annak"]


def test_the_file_is_private_and_holds_no_pin_only_salted_hashes(tmp_path: Path) -> None:
    path = tmp_path / "data" / "terminal.json"
    pins = TerminalPins(path)
    pins.set_pin("annak", "24682468")
    pins.set_pin("hansm", "24682468")
    text = path.read_text()
    assert "24682468" not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    users = json.loads(text)["users"]
    assert users["annak"]["salt"] != users["hansm"]["salt"]  # a salt per PIN
    assert users["annak"]["hash"] != users["hansm"]["hash"]
    assert users["annak"]["n"] >= 2**14


def test_the_default_file_is_in_the_data_folder(tmp_path: Path) -> None:
    assert terminal_file() == tmp_path / "data" / "terminal.json"  # conftest's data folder


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", "١٢٣٤", "", "12 34"])
def test_a_pin_is_four_to_twelve_ascii_digits(tmp_path: Path, pin: str) -> None:
    with pytest.raises(PinFormatError):
        TerminalPins(tmp_path / "t.json").set_pin("annak", pin)
    assert not (tmp_path / "t.json").exists()


def test_employee_pins_are_a_setting_kept_with_them(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    pins = TerminalPins(path)
    assert not pins.employee_pins
    pins.require_employee_pins(True)
    assert TerminalPins(path).employee_pins


def test_removing_a_pin(tmp_path: Path) -> None:
    pins = TerminalPins(tmp_path / "t.json")
    pins.set_pin("annak", "2468")
    assert pins.remove_pin("ANNAK")
    assert not pins.remove_pin("annak")
    assert not TerminalPins(tmp_path / "t.json").has_pin("annak")


@pytest.mark.parametrize(
    "content",
    ["not json", "[]", '{"version": 2}', '{"version": 1, "admin": {"n": 0}}'],
)
def test_a_file_that_cannot_be_read_is_an_error_naming_it(tmp_path: Path, content: str) -> None:
    path = tmp_path / "t.json"
    path.write_text(content)
    with pytest.raises(TerminalFileError, match=r"t\.json"):
        TerminalPins(path)


def test_a_hash_matches_only_its_pin() -> None:
    kept = PinHash.of("2468")
    assert kept.matches("2468")
    assert not kept.matches("2467")
    assert PinHash.from_json(kept.to_json()) == kept


def test_a_pin_set_by_another_program_counts_at_once(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    running = TerminalPins(path)  # the terminal, reading the file at its start
    assert not running.has_pin("annak")
    TerminalPins(path).set_pin("annak", "2468")  # timeclock terminal-pin set annak
    TerminalPins(path).require_employee_pins(True)
    assert running.check("annak", "2468")
    assert running.employee_pins


def test_a_file_broken_while_running_leaves_the_pins_read_before(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    running = TerminalPins(path)
    running.set_admin_pin("9876")
    path.write_text("{ cut off")
    assert running.check_admin("9876")
    with pytest.raises(TerminalFileError):
        TerminalPins(path)  # a new start is told
