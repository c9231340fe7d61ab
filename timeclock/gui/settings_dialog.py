"""The connection settings: account, user, API key and secret, and the window's language.

Key and secret go to the OS keyring and nowhere else; the settings file gets only the
account, the user and the language. Keyring backends may block on D-Bus and the connection
test goes over the network, so both run in the dialog's own worker thread, which stops
when the dialog closes. When the keyring cannot be used the dialog says why and offers to
keep the credentials for this session only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import httpx
from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.endpoint import EndpointError, resolve_base_url
from timeclock.domain.rules import EntryProblem
from timeclock.domain.timestamps import utc_now
from timeclock.gui.desk_settings import DeskSettingsPage
from timeclock.gui.dialog_base import (
    InlineMessage,
    MessageKind,
    WorkingDialog,
    add_row,
    ask,
    save_cancel_buttons,
    set_tab_order,
    show_as_text,
)
from timeclock.gui.messages import entry_problem, explain, keyring_problem
from timeclock.gui.session_settings import SessionSettingsGroup
from timeclock.gui.tasks import Failure
from timeclock.services.account import Account
from timeclock.store.secrets import KeyringUnavailableError, load_credentials, save_credentials
from timeclock.store.settings import Settings, read_settings, save_settings

# Short, so that closing the dialog during a test never waits long for the worker.
TEST_TIMEOUT = httpx.Timeout(connect=5.0, read=10.0, write=10.0, pool=5.0)


@dataclass(frozen=True, slots=True)
class _Loaded:
    settings: Settings
    credentials: Credentials | None
    keyring_reason: str | None  # why the keyring could not be read, if it could not


def _load(account: Account | None) -> _Loaded:
    """Settings file and saved credentials (runs in the worker: both may block).

    A broken settings file gives the defaults: the start already said so, and saving moves
    the file aside rather than over it.
    """
    settings, _problem = read_settings()
    if account is not None:
        return _Loaded(settings, account.credentials, None)
    try:
        base_url = resolve_base_url(settings.account)
    except EndpointError:
        return _Loaded(settings, None, None)
    try:
        return _Loaded(settings, load_credentials(base_url), None)
    except KeyringUnavailableError as error:
        return _Loaded(settings, None, error.reason)


def _try_connection(account: Account) -> None:
    """List the user's last day: proves address, credentials and user in one request."""
    now = utc_now()
    with TimeTrackClient(account.base_url, account.credentials, timeout=TEST_TIMEOUT) as client:
        client.list_attendances(user=account.user, since=now - timedelta(days=1), until=now)


class SettingsDialog(WorkingDialog):
    """Account, user, key and secret, language; :attr:`saved` once all is stored.

    ``account`` is the one the window uses now (its credentials are shown instead of the
    keyring's, which matters for session-only and demo credentials).

    In the ``demo`` the account is the demo's sandbox: it is shown, not edited, needs no
    key (none is shown), and Save keeps everything but the account.
    """

    saved = Signal(object, bool)  # Account, and whether its credentials are session-only
    language_changed = Signal(str)  # "" (system), "de" or "en"

    def __init__(
        self,
        *,
        account: Account | None = None,
        demo: bool = False,
        window_state: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(window_state, parent)
        self._account = account
        self._demo = demo and account is not None
        self._settings = Settings()
        self._loaded = False
        self._loading = False
        self._busy = False
        self._focus_secret = False
        self.keyring_question: QMessageBox | None = None
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(440)
        self.setAccessibleName(self.windowTitle())

        self.form = QWidget(self)
        self._build_form(QFormLayout(self.form))
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self._test)
        self.test_result = InlineMessage(self.tr("Connection test result"), self)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        self.problem = InlineMessage(self.tr("Problem"), self)
        self.buttons, self.save_button = save_cancel_buttons(self, self._save)
        # The tray and the reminders on a page of their own (gui/desk_settings.py).
        self.desk = DeskSettingsPage(self)
        self.desk.changed.connect(self._validate)
        self.session_group = SessionSettingsGroup(self.desk)  # autostart, screen lock
        self.desk.add_group(self.session_group)
        self.session_group.changed.connect(self._validate)
        connection = QWidget(self)
        connection_layout = QVBoxLayout(connection)
        connection_layout.addWidget(self.form)
        connection_layout.addLayout(test_row)
        connection_layout.addStretch(1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(connection, self.tr("Co&nnection"))
        self.tabs.addTab(self.desk, self.tr("At the &desk"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        set_tab_order(
            self.account_edit,
            self.user_edit,
            self.key_edit,
            self.secret_edit,
            self.show_secrets,
            self.language_combo,
            self.test_button,
            self.buttons,
        )
        self._set_busy(True, self.tr("Loading…"))
        if self._demo:
            self._show_demo()

    def _show_demo(self) -> None:
        """The demo's account, read-only, and no key to type: nothing here blocks."""
        for edit in (self.account_edit, self.user_edit):
            show_as_text(edit)
        form = self.form.layout()
        assert isinstance(form, QFormLayout)
        for row in (self.key_edit, self.secret_edit, self.show_secrets):
            form.setRowVisible(row, False)
        self.hint.show_message(
            self.tr(
                "This is the demo: it runs on a sandbox inside TimeClock with made-up "
                "employees and needs no API key. Nothing is sent anywhere, and the demo's "
                "account is not saved."
            ),
            MessageKind.INFO,
        )

    # -- public -------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Whether settings are loading or being saved, or the connection is being tested."""
        return self._busy or not self._loaded

    def focus_credentials(self) -> None:
        """Point at the secret: TimeTrack refused the key or secret (HTTP 401 or 403)."""
        self.hint.show_message(
            self.tr(
                "TimeTrack refused the API key or secret. Enter them again as shown in "
                "TimeTrack under Settings / General / API."
            ),
            MessageKind.ERROR,
        )
        self._focus_secret = True
        if self._loaded and not self._busy:
            self._select_secret()

    def done(self, result: int) -> None:
        question, self.keyring_question = self.keyring_question, None
        if question is not None:
            question.close()  # its answer is ignored from here on
        self._loading = False  # the worker stops: a load still running is dropped
        super().done(result)

    # -- building -----------------------------------------------------------------------

    def _build_form(self, form: QFormLayout) -> None:
        form.setContentsMargins(0, 0, 0, 0)
        self.account_edit = self._line_edit(self.tr("TimeTrack account"))
        self.account_edit.setPlaceholderText(self.tr("account name or https:// address"))
        self.user_edit = self._line_edit(self.tr("User name"))
        self.key_edit = self._line_edit(self.tr("API key"), secret=True)
        self.secret_edit = self._line_edit(self.tr("API secret"), secret=True)
        self.show_secrets = QCheckBox(self.tr("S&how key and secret"), self.form)
        self.show_secrets.toggled.connect(self._show_secrets)
        self.hint = InlineMessage(self.tr("Credentials hint"), self.form)
        self.language_combo = QComboBox(self.form)
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.addItem(self.tr("System language"), "")
        # Language names in their own language, untranslated: whoever cannot read the
        # current language still finds theirs.
        self.language_combo.addItem("Deutsch", "de")
        self.language_combo.addItem("English", "en")
        add_row(form, self.tr("&Account:"), self.account_edit)
        add_row(form, self.tr("&User name:"), self.user_edit)
        add_row(form, self.tr("API &key:"), self.key_edit)
        add_row(form, self.tr("API s&ecret:"), self.secret_edit)
        form.addRow("", self.show_secrets)
        form.addRow("", self.hint)
        add_row(form, self.tr("&Language:"), self.language_combo)

    def _line_edit(self, name: str, *, secret: bool = False) -> QLineEdit:
        edit = QLineEdit(self.form)
        edit.setAccessibleName(name)
        edit.textChanged.connect(self._validate)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _show_secrets(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.key_edit.setEchoMode(mode)
        self.secret_edit.setEchoMode(mode)

    def _select_secret(self) -> None:
        self._focus_secret = False
        self.secret_edit.setFocus()
        self.secret_edit.selectAll()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._loaded and not self._loading:
            self._loading = True
            account = self._account
            self.worker().run(lambda: _load(account), self._prefill, self._load_failed)

    # -- loading ------------------------------------------------------------------------

    def _prefill(self, loaded: _Loaded) -> None:
        self._settings = loaded.settings
        text, user = loaded.settings.account, loaded.settings.user
        if self._account is not None:
            user = self._account.user
            if self._resolves_to(text) != self._account.base_url:
                text = self._account.base_url
        self.account_edit.setText(text)
        self.user_edit.setText(user)
        if loaded.credentials is not None:
            self.key_edit.setText(loaded.credentials.api_key)
            self.secret_edit.setText(loaded.credentials.api_secret)
        index = self.language_combo.findData(loaded.settings.language)
        self.language_combo.setCurrentIndex(max(index, 0))
        self.desk.set_settings(loaded.settings)
        self.session_group.show_settings(loaded.settings)
        self._loaded = True
        self._set_busy(False)
        if loaded.keyring_reason is not None and not self._demo:
            self.hint.show_message(keyring_problem(loaded.keyring_reason), MessageKind.INFO)
        if self._focus_secret:
            self._select_secret()

    def _load_failed(self, failure: Failure) -> None:
        self._loaded = True
        self._set_busy(False)
        self.problem.show_message(explain(failure.error), MessageKind.ERROR)

    @staticmethod
    def _resolves_to(text: str) -> str | None:
        try:
            return resolve_base_url(text)
        except EndpointError:
            return None

    # -- checking -----------------------------------------------------------------------

    def _checked(self) -> tuple[Account | None, str]:
        """The account the form describes, or None and the first reason it does not."""
        if self._demo:
            return self._account, ""
        text = self.account_edit.text().strip()
        if not text:
            return None, self.tr("Enter the TimeTrack account (its name or API address).")
        try:
            base_url = resolve_base_url(text)
        except EndpointError as error:
            return None, explain(error)
        user = self.user_edit.text().strip()
        if not user:
            return None, entry_problem(EntryProblem.NO_USER)
        key, secret = self.key_edit.text().strip(), self.secret_edit.text().strip()
        if not key or not secret:
            return None, self.tr("Enter the API key and the API secret.")
        try:
            credentials = Credentials(key, secret)
        except ValueError:
            return None, self.tr(
                "The API key and secret may contain only letters, digits and punctuation."
            )
        return Account(base_url, user, credentials), ""

    def _validate(self) -> None:
        if self.busy:
            return
        account, reason = self._checked()
        desk_problem = self.desk.problem() or self.session_group.problem()  # and under it
        if account is not None and desk_problem:
            reason = self.tr("At the desk: %1").replace("%1", desk_problem)
        self.save_button.setEnabled(account is not None and not desk_problem)
        self.test_button.setEnabled(account is not None)
        self.save_button.setToolTip(reason)
        self.test_result.clear_message()
        if reason:
            self.problem.show_message(reason, MessageKind.ERROR)
        else:
            self.problem.clear_message()

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.form.setEnabled(not busy)
        self.desk.setEnabled(not busy)
        if busy:
            self.save_button.setEnabled(False)
            self.test_button.setEnabled(False)
            self.problem.show_message(text, MessageKind.INFO)
        else:
            self.problem.clear_message()
            self._validate()

    # -- testing ------------------------------------------------------------------------

    def _test(self) -> None:
        account, _ = self._checked()
        if account is None or self.busy:
            return
        self._set_busy(True)
        self.problem.clear_message()
        self.test_result.show_message(self.tr("Testing the connection…"), MessageKind.INFO)
        self.worker().run(lambda: _try_connection(account), self._tested, self._test_failed)

    def _tested(self, _: object) -> None:
        self._set_busy(False)
        self.test_result.show_message(self.tr("Connected."), MessageKind.SUCCESS)

    def _test_failed(self, failure: Failure) -> None:
        self._set_busy(False)
        self.test_result.show_message(explain(failure.error), MessageKind.ERROR)

    # -- saving -------------------------------------------------------------------------

    def _save(self) -> None:
        account, _ = self._checked()
        if account is None or self.busy or self.desk.problem():
            return
        autostart_problem = self.session_group.apply_autostart()  # its own file, at once
        if autostart_problem:
            self.problem.show_message(autostart_problem, MessageKind.ERROR)
            return
        # The demo's account is made up for this run: everything else is kept.
        kept = {} if self._demo else {"account": self.account_edit.text().strip()}
        settings = self._settings.updated(
            **kept,
            user=self._settings.user if self._demo else account.user,
            language=str(self.language_combo.currentData()),
            **self.desk.values(),
            **self.session_group.changes(),
        )
        self._set_busy(True, self.tr("Saving…"))

        def store() -> None:
            # The keyring first: if it refuses, the settings file is left as it was.
            if not self._demo:
                save_credentials(account.base_url, account.credentials)
            save_settings(settings)

        self.worker().run(
            store,
            lambda _: self._stored(account, settings, session_only=False),
            lambda failure: self._store_failed(failure, account, settings),
        )

    def _store_failed(self, failure: Failure, account: Account, settings: Settings) -> None:
        error = failure.error
        if not isinstance(error, KeyringUnavailableError):
            self._set_busy(False)
            self.problem.show_message(explain(error), MessageKind.ERROR)
            return

        def answered(yes: bool) -> None:
            if self.keyring_question is None:
                return  # the dialog closed first
            self.keyring_question = None
            if not yes:
                self._set_busy(False)
                self.problem.show_message(keyring_problem(error.reason), MessageKind.ERROR)
                return
            self.worker().run(
                lambda: save_settings(settings),
                lambda _: self._stored(account, settings, session_only=True),
                lambda failure: self._store_failed(failure, account, settings),
            )

        self.keyring_question = ask(
            self,
            self.tr("Keyring not available"),
            keyring_problem(error.reason),
            self.tr(
                "Keep the API key and secret for this session only? TimeClock forgets "
                "them when it closes."
            ),
            answered,
        )

    def _stored(self, account: Account, settings: Settings, *, session_only: bool) -> None:
        language_changed = settings.language != self._settings.language
        self._settings = settings
        self._set_busy(False)
        if not self._demo:  # the demo goes on with its account
            self.saved.emit(account, session_only)
        if language_changed:
            self.language_changed.emit(settings.language)
        self.accept()
