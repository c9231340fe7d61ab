"""The settings dialog: secrets only in the keyring, the connection test, a broken keyring."""

from __future__ import annotations

import keyring
import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import credentials_of
from tests.gui.helpers import Sessions, SettableClock, account_of, emissions, utc
from tests.memory_keyring import BrokenKeyring, MemoryKeyring
from timeclock.api.credentials import Credentials
from timeclock.gui.settings_dialog import SettingsDialog
from timeclock.gui.window_dialogs import WindowDialogs
from timeclock.sandbox import SandboxServer
from timeclock.services.account import Account
from timeclock.store.secrets import SERVICE, load_credentials, save_credentials
from timeclock.store.settings import Settings, load_settings, save_settings, settings_path

WAIT = 5000


def opened(qtbot: QtBot, dialog: SettingsDialog | None = None) -> SettingsDialog:
    """The dialog, shown, once its settings and saved credentials have arrived."""
    dialog = dialog or SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    return dialog


def fill(dialog: SettingsDialog, server: SandboxServer, secret: str | None = None) -> None:
    dialog.account_edit.setText(server.base_url)
    dialog.user_edit.setText("hansm")
    dialog.key_edit.setText(server.api_key)
    dialog.secret_edit.setText(secret or server.api_secret)


def test_an_empty_dialog_says_what_is_missing(qtbot: QtBot) -> None:
    dialog = opened(qtbot)
    assert dialog.account_edit.text() == ""
    assert not dialog.save_button.isEnabled()
    assert not dialog.test_button.isEnabled()
    assert dialog.problem.text().startswith("Enter the TimeTrack account")
    assert dialog.secret_edit.echoMode() == QLineEdit.EchoMode.Password


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("account_edit", "http://example.com", "The account is neither"),
        ("user_edit", " ", "Enter the user name."),
        ("secret_edit", "", "Enter the API key and the API secret."),
        ("key_edit", "kéy", "The API key and secret may contain only"),
    ],
)
def test_save_stays_disabled_with_the_reason(
    qtbot: QtBot, server: SandboxServer, field: str, value: str, reason: str
) -> None:
    dialog = opened(qtbot)
    fill(dialog, server)
    assert dialog.save_button.isEnabled()
    getattr(dialog, field).setText(value)
    assert not dialog.save_button.isEnabled()
    assert dialog.problem.text().startswith(reason)


def test_save_puts_the_secret_in_the_keyring_and_nowhere_else(
    qtbot: QtBot, server: SandboxServer, memory_keyring: MemoryKeyring
) -> None:
    dialog = opened(qtbot)
    fill(dialog, server)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("de"))
    languages: list[str] = []
    dialog.language_changed.connect(languages.append)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as blocker:
        dialog.save_button.click()
    account, session_only = blocker.args
    assert account == Account(server.base_url, "hansm", credentials_of(server))
    assert session_only is False
    assert languages == ["de"]
    assert not dialog.isVisible()
    assert memory_keyring.passwords == {
        (SERVICE, f"api-key@{server.base_url}"): server.api_key,
        (SERVICE, f"api-secret@{server.base_url}"): server.api_secret,
    }
    written = settings_path().read_text(encoding="utf-8")
    assert server.api_secret not in written
    assert server.api_key not in written
    assert load_settings() == Settings(account=server.base_url, user="hansm", language="de")


def test_the_dialog_shows_what_was_saved(qtbot: QtBot, server: SandboxServer) -> None:
    save_settings(Settings(account=server.base_url, user="ivan", language="en"))
    save_credentials(server.base_url, credentials_of(server))
    dialog = opened(qtbot)
    assert (dialog.account_edit.text(), dialog.user_edit.text()) == (server.base_url, "ivan")
    assert dialog.key_edit.text() == server.api_key
    assert dialog.secret_edit.text() == server.api_secret
    assert dialog.language_combo.currentData() == "en"
    assert dialog.save_button.isEnabled()
    dialog.show_secrets.setChecked(True)
    assert dialog.secret_edit.echoMode() == QLineEdit.EchoMode.Normal


def test_the_window_s_account_is_shown_rather_than_the_keyring_s(
    qtbot: QtBot, server: SandboxServer
) -> None:
    account = Account(server.base_url, "lenak", Credentials("session-key", "session-secret"))
    dialog = opened(qtbot, SettingsDialog(account=account))
    assert (dialog.account_edit.text(), dialog.user_edit.text()) == (server.base_url, "lenak")
    assert dialog.secret_edit.text() == "session-secret"


def test_connection_test_with_the_right_and_a_wrong_secret(
    qtbot: QtBot, server: SandboxServer
) -> None:
    dialog = opened(qtbot)
    fill(dialog, server)
    dialog.test_button.click()
    assert dialog.test_result.text() == "Testing the connection…"
    assert not dialog.test_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.test_result.text() == "Connected.", timeout=WAIT)
    assert dialog.save_button.isEnabled()

    dialog.secret_edit.setText("not-the-secret")
    assert dialog.test_result.isHidden()  # a changed form is not the one tested
    dialog.test_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert dialog.test_result.text().startswith("TimeTrack rejected the API key or secret")
    assert dialog.isVisible()


def test_focus_credentials_points_at_the_secret(qtbot: QtBot, server: SandboxServer) -> None:
    save_settings(Settings(account=server.base_url, user="hansm"))
    save_credentials(server.base_url, credentials_of(server))
    dialog = SettingsDialog()
    dialog.focus_credentials()  # before the saved values arrived
    dialog = opened(qtbot, dialog)
    assert dialog.hint.text().startswith("TimeTrack refused the API key or secret")
    assert dialog.secret_edit.hasFocus()
    assert dialog.secret_edit.selectedText() == server.api_secret


def test_a_broken_keyring_offers_this_session_only(qtbot: QtBot, server: SandboxServer) -> None:
    save_settings(Settings(account=server.base_url, user="hansm", language="en"))
    keyring.set_keyring(BrokenKeyring())
    dialog = opened(qtbot)
    assert dialog.hint.text().startswith(
        "The system keyring is locked, so the API key and secret"
    )  # reading failed
    assert dialog.key_edit.text() == ""
    fill(dialog, server)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.keyring_question is not None, timeout=WAIT)
    question = dialog.keyring_question
    assert question is not None
    assert question.text().startswith("The system keyring is locked, so the API key and secret")
    assert question.isVisible()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as blocker:
        question.button(QMessageBox.StandardButton.Yes).click()
    account, session_only = blocker.args
    assert account.credentials == credentials_of(server)
    assert session_only is True
    written = settings_path().read_text(encoding="utf-8")
    assert server.api_secret not in written
    assert load_settings() == Settings(account=server.base_url, user="hansm", language="en")


def test_no_to_session_only_keeps_the_dialog_open(qtbot: QtBot, server: SandboxServer) -> None:
    keyring.set_keyring(BrokenKeyring())
    dialog = opened(qtbot)
    fill(dialog, server)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.keyring_question is not None, timeout=WAIT)
    assert dialog.keyring_question is not None
    dialog.keyring_question.button(QMessageBox.StandardButton.No).click()
    assert dialog.isVisible()
    assert dialog.save_button.isEnabled()
    assert dialog.problem.text().startswith(
        "The system keyring is locked, so the API key and secret"
    )
    assert not settings_path().exists()  # nothing saved


def test_the_demos_settings_show_its_account_need_no_key_and_save_the_rest(
    qtbot: QtBot, server: SandboxServer, sessions: Sessions
) -> None:
    window = sessions.window(account_of(server), SettableClock(utc(2026, 3, 10, 7, 0)))
    dialogs = WindowDialogs(
        window,
        on_account_changed=lambda _account: pytest.fail("the demo keeps its account"),
        on_language_changed=lambda _language: None,
        settings_account=None,
        demo=True,
    )
    window.settings_action.trigger()
    dialog = dialogs.settings_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert dialog.account_edit.text() == server.base_url
    assert dialog.user_edit.text() == "hansm"
    assert dialog.account_edit.isReadOnly() and dialog.user_edit.isReadOnly()
    assert not dialog.account_edit.hasFrame()  # shown as text, not as a field
    assert not dialog.key_edit.isVisibleTo(dialog)
    assert not dialog.secret_edit.isVisibleTo(dialog)
    assert "needs no API key" in dialog.hint.text() and dialog.hint.isVisibleTo(dialog)
    assert dialog.problem.isHidden()
    assert dialog.save_button.isEnabled()
    changed = emissions(dialog.language_changed)
    saved = emissions(dialog.saved)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("de"))
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        dialog.save_button.click()
    assert changed == [("de",)] and saved == []
    kept = load_settings()
    assert kept.language == "de"
    assert kept.account == "" and kept.user == ""  # the demo's account is not saved
    assert load_credentials(server.base_url) is None  # nor a key
