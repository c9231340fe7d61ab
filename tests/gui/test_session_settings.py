"""The settings' group for the session: start with it (the autostart entry is the setting),
and the locked-screen threshold, checked as it is typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from timeclock.gui.session_settings import SessionSettingsGroup
from timeclock.gui.settings_dialog import SettingsDialog
from timeclock.sandbox import SandboxServer
from timeclock.services.autostart import autostart_enabled, xdg_autostart_path
from timeclock.store.settings import Settings, load_settings, settings_path

WAIT = 5000


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The autostart folder of the test's own."""
    folder = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "xdg-system"))
    return folder


@pytest.fixture
def group(qtbot: QtBot) -> SessionSettingsGroup:
    shown = SessionSettingsGroup()
    qtbot.addWidget(shown)
    shown.show_settings(Settings(lock_break_minutes="20"))
    return shown


def test_it_shows_the_settings_and_the_autostart_entry_as_they_are(qtbot: QtBot) -> None:
    xdg_autostart_path().parent.mkdir(parents=True)
    xdg_autostart_path().write_text("[Desktop Entry]\nType=Application\nExec=timeclock\n")
    group = SessionSettingsGroup()
    qtbot.addWidget(group)

    group.show_settings(Settings(lock_break_minutes="25"))

    assert group.autostart.isChecked()
    assert group.lock_minutes.text() == "25"
    assert group.problem() == ""
    assert group.changes() == {}


def test_off_by_default(qtbot: QtBot) -> None:
    group = SessionSettingsGroup()
    qtbot.addWidget(group)
    group.show_settings(Settings())

    assert not group.autostart.isChecked()
    assert group.lock_minutes.text() == ""
    assert group.lock_minutes.placeholderText() == "off"


def test_the_changed_threshold_is_given_as_the_file_keeps_it(group: SessionSettingsGroup) -> None:
    group.lock_minutes.setText(" 15 ")
    assert group.changes() == {"lock_break_minutes": "15"}
    group.lock_minutes.setText("")
    assert group.changes() == {"lock_break_minutes": ""}
    group.lock_minutes.setText("20")
    assert group.changes() == {}


@pytest.mark.parametrize("text", ["0", "481", "zehn", "7,5", "-3"])
def test_a_threshold_that_is_no_whole_minutes_is_said_under_it(
    group: SessionSettingsGroup, text: str
) -> None:
    changed: list[None] = []
    group.changed.connect(lambda: changed.append(None))

    group.lock_minutes.setText(text)

    assert changed
    assert group.problem() == "Enter whole minutes from 1 to 480, or leave it empty for off."
    assert not group.lock_problem.isHidden()
    group.lock_minutes.setText("")
    assert group.problem() == ""
    assert group.lock_problem.isHidden()


def test_saving_with_the_box_ticked_writes_the_autostart_entry(
    group: SessionSettingsGroup,
) -> None:
    group.autostart.setChecked(True)
    assert not autostart_enabled()  # nothing is written before the save

    assert group.apply_autostart() == ""

    assert autostart_enabled()
    assert "Exec=" in xdg_autostart_path().read_text()


def test_saving_with_the_box_cleared_removes_the_entry(qtbot: QtBot) -> None:
    group = SessionSettingsGroup()
    qtbot.addWidget(group)
    group.autostart.setChecked(True)
    group.apply_autostart()
    group.show_settings(Settings())
    assert group.autostart.isChecked()

    group.autostart.setChecked(False)
    assert group.apply_autostart() == ""

    assert not xdg_autostart_path().exists()


def test_an_unchanged_choice_leaves_the_entry_alone(qtbot: QtBot) -> None:
    """An entry the person edited (another command, say) is not rewritten by every save."""
    xdg_autostart_path().parent.mkdir(parents=True)
    own = "[Desktop Entry]\nType=Application\nExec=timeclock --demo\n"
    xdg_autostart_path().write_text(own)
    group = SessionSettingsGroup()
    qtbot.addWidget(group)
    group.show_settings(Settings())

    assert group.apply_autostart() == ""

    assert xdg_autostart_path().read_text() == own


def test_an_entry_that_cannot_be_written_is_one_message(
    group: SessionSettingsGroup, config_home: Path
) -> None:
    config_home.mkdir()
    (config_home / "autostart").write_text("a file where the folder should be")
    group.autostart.setChecked(True)

    message = group.apply_autostart()

    assert message.startswith("TimeClock cannot be set to start when you log in: ")
    assert "\n" not in message
    assert not autostart_enabled()


def test_every_control_has_an_accessible_name(group: SessionSettingsGroup) -> None:
    controls = [group.autostart, group.lock_minutes]
    assert all(isinstance(control, QWidget) and control.accessibleName() for control in controls)
    assert group.lock_problem.accessibleName() == "Problem: Locked screen as a possible break"


def opened_dialog(qtbot: QtBot, server: SandboxServer) -> SettingsDialog:
    """The settings dialog, loaded and filled in for the sandbox."""
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    dialog.account_edit.setText(server.base_url)
    dialog.user_edit.setText("hansm")
    dialog.key_edit.setText(server.api_key)
    dialog.secret_edit.setText(server.api_secret)
    return dialog


def test_the_group_is_on_the_desk_page_and_a_wrong_threshold_stops_the_save(
    qtbot: QtBot, server: SandboxServer
) -> None:
    dialog = opened_dialog(qtbot, server)
    group = dialog.session_group
    assert group.parentWidget() is dialog.desk
    assert dialog.save_button.isEnabled()

    group.lock_minutes.setText("0")

    assert not dialog.save_button.isEnabled()
    assert dialog.problem.text().endswith(
        "Enter whole minutes from 1 to 480, or leave it empty for off."
    )
    group.lock_minutes.setText("15")
    assert dialog.save_button.isEnabled()


def test_save_keeps_the_threshold_and_writes_the_autostart_entry(
    qtbot: QtBot, server: SandboxServer
) -> None:
    dialog = opened_dialog(qtbot, server)
    dialog.session_group.lock_minutes.setText("15")
    dialog.session_group.autostart.setChecked(True)

    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_button.click()

    assert load_settings().lock_break_minutes == "15"
    assert autostart_enabled()
    assert "autostart" not in settings_path().read_text()  # the entry is the setting


def test_an_autostart_entry_that_cannot_be_written_stops_the_save(
    qtbot: QtBot, server: SandboxServer, config_home: Path
) -> None:
    config_home.mkdir()
    (config_home / "autostart").write_text("a file where the folder should be")
    dialog = opened_dialog(qtbot, server)
    dialog.session_group.autostart.setChecked(True)
    dialog.session_group.lock_minutes.setText("15")

    dialog.save_button.click()

    assert dialog.problem.text().startswith("TimeClock cannot be set to start when you log in:")
    assert dialog.isVisible()
    assert not settings_path().exists()
