"""The settings' *At the desk* page (gui/desk_settings.py) inside the settings dialog:
checked as typed, the reason under the field, saved into the settings file."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QLineEdit
from pytestqt.qtbot import QtBot

from tests.conftest import credentials_of
from timeclock.gui.settings_dialog import SettingsDialog
from timeclock.sandbox import SandboxServer
from timeclock.store.secrets import save_credentials
from timeclock.store.settings import Settings, load_settings, save_settings

WAIT = 5000


@pytest.fixture
def dialog(qtbot: QtBot, server: SandboxServer) -> SettingsDialog:
    """The dialog over saved settings that can be saved as they are."""
    save_settings(Settings(account=server.base_url, user="hansm", remind_end_of_day="17:30"))
    save_credentials(server.base_url, credentials_of(server))
    opened = SettingsDialog()
    qtbot.addWidget(opened)
    opened.open()
    qtbot.waitUntil(lambda: not opened.busy, timeout=WAIT)
    return opened


def test_the_page_shows_the_saved_desk_settings(dialog: SettingsDialog) -> None:
    desk = dialog.desk
    assert dialog.tabs.tabText(1) == "At the &desk"
    assert desk.close_to_tray.isChecked()
    assert desk.after_hours.text() == "10"
    assert desk.end_of_day.text() == "17:30"
    assert desk.open_at_start.isChecked() and desk.no_break.isChecked()
    assert (desk.within.text(), desk.snooze.text()) == ("06:00-22:00", "15")
    assert dialog.save_button.isEnabled()
    assert desk.problem() == ""


@pytest.mark.parametrize(
    ("field", "text", "reason", "good"),
    [
        ("end_of_day", "25:00", "Enter a time from 00:00 to 23:59, such as 17:30.", "17:00"),
        ("after_hours", "0", "Enter hours from 1 to 24, such as 10 or 9,5.", "9,5"),
        (
            "within",
            "6-22",
            "Enter two times from 00:00 to 23:59, such as 06:00-22:00.",
            "6:00-22:00",
        ),
        ("within", "08:00-08:00", "The two times must differ.", "22:00-06:00"),
        ("snooze", "", "Enter whole minutes from 1 to 240.", "30"),
    ],
)
def test_a_wrong_value_is_said_under_its_field_and_save_waits(
    qtbot: QtBot, dialog: SettingsDialog, field: str, text: str, reason: str, good: str
) -> None:
    dialog.tabs.setCurrentWidget(dialog.desk)
    edit = getattr(dialog.desk, field)
    edit.setText(text)
    message = dialog.desk.messages[edit]
    assert message.isVisible() and message.text() == reason
    assert not dialog.save_button.isEnabled()
    assert dialog.save_button.toolTip() == f"At the desk: {reason}"
    assert dialog.problem.text() == f"At the desk: {reason}"
    # Below its own field: the message's row follows the field's.
    assert message.geometry().top() > edit.geometry().bottom()
    edit.setText(good)
    assert message.isHidden()
    assert dialog.save_button.isEnabled()
    assert dialog.problem.isHidden()


def test_empty_hours_and_end_of_day_switch_those_reminders_off(dialog: SettingsDialog) -> None:
    dialog.desk.after_hours.setText("")
    dialog.desk.end_of_day.setText(" ")
    assert dialog.save_button.isEnabled()


def test_save_writes_the_desk_settings(
    qtbot: QtBot, server: SandboxServer, dialog: SettingsDialog
) -> None:
    desk = dialog.desk
    desk.close_to_tray.setChecked(False)
    desk.after_hours.setText("9,5")
    desk.end_of_day.setText("18:15")
    desk.no_break.setChecked(False)
    desk.within.setText("07:00-19:00")
    desk.snooze.setText("5")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_button.click()
    assert load_settings() == Settings(
        account=server.base_url,
        user="hansm",
        close_to_tray="off",
        remind_after_hours="9,5",
        remind_end_of_day="18:15",
        remind_open_at_start="on",
        remind_no_break="off",
        remind_within="07:00-19:00",
        remind_snooze_minutes="5",
    )


def test_every_field_of_the_page_has_an_accessible_name(dialog: SettingsDialog) -> None:
    fields = dialog.desk.findChildren(QLineEdit) + dialog.desk.findChildren(QCheckBox)
    assert len(fields) >= 7
    assert all(field.accessibleName() for field in fields)
