"""Starting the window: ``timeclock`` (the saved account) or ``timeclock --demo``."""

from __future__ import annotations

import logging
import sys
from contextlib import ExitStack
from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractEventDispatcher,
    QCoreApplication,
    QEvent,
    QObject,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from timeclock import __version__
from timeclock.api.endpoint import EndpointError
from timeclock.domain.foreground import foreground_busy, foreground_idle, take_foreground
from timeclock.domain.gc_pause import end_of_start
from timeclock.gui.crash import CrashReporter
from timeclock.gui.filter_bar import FilterState
from timeclock.gui.first_list import after_first_list
from timeclock.gui.i18n import install_translators, language_for, remove_translators
from timeclock.gui.main_window import MainWindow
from timeclock.gui.messages import explain
from timeclock.gui.session import ClockSession
from timeclock.gui.settings_notice import settings_problem_box
from timeclock.gui.single_instance import SingleInstance
from timeclock.gui.tasks import Failure, TaskRunner
from timeclock.gui.window_dialogs import WindowDialogs, first_run_settings
from timeclock.gui.zone_notice import unreadable_tz_message
from timeclock.services.account import Account, AccountError, resolve_account
from timeclock.services.demo import DEMO_STATE, demo_desk
from timeclock.services.demo_process import DemoProcess
from timeclock.services.desk import Desk
from timeclock.services.localzone import local_zone, unreadable_tz
from timeclock.store.logfile import register_secret
from timeclock.store.paths import config_dir
from timeclock.store.private import private_dir, private_file
from timeclock.store.secrets import KeyringUnavailableError
from timeclock.store.settings import SettingsError, read_settings, save_settings

if TYPE_CHECKING:
    from timeclock.gui.desk_reminders import DeskReminders

log = logging.getLogger(__name__)
APP_ID = "io.github.timeclock.TimeClock"
translate = QCoreApplication.translate


def window_state() -> QSettings:
    """Window geometry and recent user names: non-secret, in the config folder.

    The file is made private first: Qt keeps the mode of a file it rewrites.
    """
    path = private_file(private_dir(config_dir()) / "window.ini", create=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def run_gui(*, demo: DemoProcess | None = None, terminal: bool = False) -> int:
    """Open the main window (or the shared terminal) and run until it closes; the exit
    status. With ``demo`` (the demo's server, starting), on the demo's account."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("TimeClock")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(resources.files("timeclock.gui") / "icons" / "timeclock.svg")))
    go_first(app)
    if terminal:
        from timeclock.gui.terminal_app import run_terminal  # noqa: PLC0415 - only for it

        return run_terminal(app, demo=demo)
    instance = SingleInstance("demo" if demo is not None else "app")
    if not instance.claim():
        sys.stderr.write("TimeClock is already running; its window was brought to the front.\n")
        return 0
    with ExitStack() as stack:
        stack.callback(instance.release)
        # The demo remembers: its desk is its own.
        desk = stack.enter_context(demo_desk() if demo is not None else Desk())
        launcher = Launcher(app, desk, instance, demo=demo)
        stack.callback(launcher.runner.shutdown)
        launcher.start()
        reporter = CrashReporter(launcher.active_window, launcher.secrets)
        reporter.install()
        stack.callback(reporter.uninstall)
        end_of_start()  # the window is built: what the start made stays, frozen
        return app.exec()


class _GoFirst(QObject):
    """Tells workers when the window's thread works: from the first event it handles
    after waking (seen here, as an application-wide event filter) until its event loop
    is about to wait again (see :mod:`timeclock.domain.foreground`).

    The event loop's ``awake`` signal would be the natural start, but Qt's GLib loop
    sends it after the events it woke for were handled.
    """

    def eventFilter(self, _watched: QObject, _event: QEvent) -> bool:  # noqa: N802 - Qt API
        foreground_busy()
        return False


def go_first(app: QApplication) -> None:
    """Let the window's thread go first: workers' long loops wait while it works."""
    take_foreground()
    dispatcher = QAbstractEventDispatcher.instance()
    if dispatcher is None or app.findChild(_GoFirst) is not None:
        return
    app.installEventFilter(_GoFirst(app))
    dispatcher.aboutToBlock.connect(foreground_idle)


class Launcher:
    """Makes the main window for an account, and a new one when the account changes."""

    def __init__(
        self,
        app: QApplication,
        desk: Desk,
        instance: SingleInstance,
        *,
        demo: DemoProcess | None = None,
    ) -> None:
        self.app = app
        self.desk = desk
        self.demo_server = demo
        self.demo = demo is not None
        self.window: MainWindow | None = None
        self._accounts: list[Account] = []
        self._translators: list[QTranslator] = []
        self.first_run: QDialog | None = None
        self.language = ""
        self.settings_problem: SettingsError | None = None  # told once a window is up
        self.settings_notice: QMessageBox | None = None
        self.demo_failure: QMessageBox | None = None
        self._reminders: DeskReminders | None = None  # the current window's
        # Reads and writes of the keyring and the settings file, off the GUI thread.
        self.runner = TaskRunner(app, name="timeclock-app")
        instance.activated.connect(self.raise_window)

    def start(self) -> None:
        """Read the settings, then open the window (or the first-run settings).

        A settings file that cannot be read does not stop the start: TimeClock goes on with
        the defaults (the environment still wins) and tells the person once a window is up.
        """
        settings, self.settings_problem = read_settings()
        if self.settings_problem is not None:
            log.warning("%s; starting with default settings", self.settings_problem)
        self.change_language(settings.language)
        if self.demo_server is not None:
            # The demo's server may still be starting: its account is awaited off the GUI
            # thread, as a real account is read from the keyring.
            self.runner.run(self.demo_server.account, self.open_window, self._demo_failed)
            return
        # The keyring may answer slowly (D-Bus, an unlock prompt): ask off the GUI thread.
        self.runner.run(lambda: resolve_account(settings=settings), self.open_window, self.set_up)

    def open_window(self, account: Account, filters: FilterState | None = None) -> None:
        """Show the main window for ``account`` (replacing the current one), its list
        filtered as ``filters`` says (the replaced window's, for another language)."""
        self._accounts.append(account)
        register_secret(account.credentials.api_key)  # typed in settings, say: not logged
        register_secret(account.credentials.api_secret)
        previous = self.window
        session = ClockSession(account, self.desk)
        window = MainWindow(session, local_zone(), window_state())
        WindowDialogs(
            window,
            on_account_changed=self.open_window,
            on_language_changed=self.switch_language,
            # The demo's made-up account is not what settings should offer to save.
            settings_account=None if self.demo else account,
            state=DEMO_STATE if self.demo else None,
            demo=self.demo,
        )
        window.set_language_choice(self.language)
        window.language_requested.connect(self.choose_language)
        self.window = window
        if previous is None:
            after_first_list(window, lambda: self._attach_desk(window))
        else:  # at once: the replaced window's reminders hand over to this one
            self._attach_desk(window)
            window.restoreGeometry(previous.saveGeometry())
            previous.close_for_good()
            previous.deleteLater()
        if filters is not None:
            window.filter_bar.restore(filters)
        window.show()
        window.start()
        self._tell_zone_problem(window)
        self._tell_settings_problem(window)

    def _attach_desk(self, window: MainWindow) -> None:
        """The tray icon, the reminders and the screen-lock question. With a tray, closing
        the window may only hide it: TimeClock then quits when its window closes for good,
        not when none is shown."""
        if window is not self.window:  # replaced meanwhile: its successor has its own
            return
        # Imported here: a first window attaches them only once its list is shown.
        from timeclock.gui.desk_setup import attach_desk  # noqa: PLC0415
        from timeclock.gui.lock_break_prompt import watch_screen_lock  # noqa: PLC0415

        settings, _problem = read_settings()  # told once at the start, if there was one
        earlier = self._reminders
        if earlier is not None and earlier.window.session.account != window.session.account:
            earlier = None  # another person's reminders start afresh
        tray, self._reminders = attach_desk(
            window, settings, state=DEMO_STATE if self.demo else None, earlier=earlier
        )
        self.app.setQuitOnLastWindowClosed(tray is None)
        window.closed.connect(lambda: self._window_closed(window))
        watch_screen_lock(window)  # a locked screen as a possible break, when set

    def _window_closed(self, window: MainWindow) -> None:
        # Not one a new window took the place of; without a tray Qt quits by itself.
        if window is self.window and not self.app.quitOnLastWindowClosed():
            self.app.quit()

    def set_up(self, failure: Failure) -> None:
        """No usable account (not set up, a bad URL, no keyring): open the settings first."""
        if not isinstance(failure.error, AccountError | EndpointError | KeyringUnavailableError):
            log.warning("reading the account failed: %s", failure.message)
        # Kept referenced, since a parentless dialog would be collected at once.
        self.first_run = first_run_settings(self.open_window, self.app.quit)
        self._tell_settings_problem(self.first_run)

    def _demo_failed(self, failure: Failure) -> None:
        """The demo's server did not start: say why; TimeClock ends (exit status 1)."""
        log.warning("the demo did not start: %s", failure.message)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "TimeClock",
            translate("Launcher", "The demo cannot start: %1").replace(
                "%1", explain(failure.error)
            ),
        )
        box.setAccessibleName(translate("Launcher", "The demo cannot start"))
        box.finished.connect(lambda _result: self.app.exit(1))
        self.demo_failure = box  # referenced: a parentless dialog would be collected
        box.open()

    @staticmethod
    def _tell_zone_problem(window: MainWindow) -> None:
        """``TZ`` names no zone: times are UTC, and the window says so (local_zone logs it)."""
        value = unreadable_tz()
        if value is not None:
            window.message_bar.show_problem(unreadable_tz_message(value))

    def _tell_settings_problem(self, parent: QWidget) -> None:
        """Once, over the first window shown: the settings file could not be read."""
        if self.settings_problem is None:
            return
        self.settings_notice = settings_problem_box(parent, self.settings_problem)
        self.settings_problem = None
        self.settings_notice.open()

    def change_language(self, setting: str) -> None:
        """Load the translations for the language ``setting`` ("" follows the system)."""
        self.language = setting
        remove_translators(self.app, self._translators)
        self._translators = install_translators(self.app, language_for(setting))

    def switch_language(self, setting: str) -> None:
        """Show the window in another language: new translations, the window built anew."""
        self.change_language(setting)
        if self.window is not None:
            self.open_window(self.window.session.account, self.window.filter_bar.state())

    def choose_language(self, setting: str) -> None:
        """The person picked a language in the window: remember it, then show it."""

        def remember() -> None:
            # A broken file is kept aside by the save, as the start told the person.
            save_settings(read_settings()[0].updated(language=setting))

        self.runner.run(remember, lambda _result: self.switch_language(setting), self._not_saved)

    def _not_saved(self, failure: Failure) -> None:
        if self.window is not None:
            self.window.message_bar.show_problem(explain(failure.error))

    def raise_window(self) -> None:
        """Bring the window to the front (another start asked for it)."""
        if self.window is not None:
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()

    def active_window(self) -> MainWindow | None:
        """The window error dialogs belong to."""
        return self.window

    def secrets(self) -> list[str]:
        """Every secret this run has known, to cut out of crash reports."""
        return [
            value
            for account in self._accounts
            for value in (account.credentials.api_key, account.credentials.api_secret)
        ]
