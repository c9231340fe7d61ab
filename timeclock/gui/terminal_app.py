"""Starting the shared terminal: ``timeclock --terminal`` (or ``--demo --terminal``).

The account is the desk's saved one (or the demo's); the terminal stamps for whoever
identifies at it, through this computer's outbox. It runs full screen until the
administrator's PIN ends it.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from timeclock.api.client import TimeTrackClient
from timeclock.domain.gc_pause import end_of_start
from timeclock.gui.i18n import install_translators, language_for, remove_translators
from timeclock.gui.single_instance import SingleInstance
from timeclock.gui.tasks import TaskRunner
from timeclock.gui.terminal_window import TerminalWindow
from timeclock.services.account import Account, AccountError, resolve_account
from timeclock.services.demo import demo_desk
from timeclock.services.demo_process import DemoProcess
from timeclock.services.desk import Desk
from timeclock.services.localzone import local_zone
from timeclock.services.terminal import Terminal
from timeclock.services.terminal_clock import TerminalClock
from timeclock.store.logfile import register_secret
from timeclock.store.settings import read_settings
from timeclock.store.terminal_pins import TerminalPins

# What waits in the outbox (a stamp made while TimeTrack could not be reached) is sent
# again this often.
DELIVERY_MILLISECONDS = 60_000


def run_terminal(app: QApplication, *, demo: DemoProcess | None) -> int:
    """Run the terminal until the administrator ends it; the exit status. With ``demo``
    (the demo's server, starting), on the demo's account."""
    instance = SingleInstance("terminal-demo" if demo is not None else "terminal")
    if not instance.claim():
        sys.stderr.write(
            "The TimeClock terminal is already running; it was brought to the front.\n"
        )
        return 0
    with ExitStack() as stack:
        stack.callback(instance.release)
        settings, _problem = read_settings()
        translators = install_translators(app, language_for(settings.language))
        stack.callback(remove_translators, app, translators)
        pins = TerminalPins()
        account = demo.account() if demo is not None else _saved_account()
        register_secret(account.credentials.api_key)
        register_secret(account.credentials.api_secret)
        # The demo remembers: its desk is the demo window's and the demo commands'.
        desk = stack.enter_context(demo_desk() if demo is not None else Desk())
        client = stack.enter_context(TimeTrackClient(account.base_url, account.credentials))
        service = TerminalClock(desk, client, local_zone())
        window = TerminalWindow(service, Terminal(pins), service.zone)
        stack.callback(window.deleteLater)
        stack.callback(window.close)
        stack.callback(window.allow_close)
        # Only the administrator's PIN ends the terminal (app.quit); a closed window does not.
        stack.callback(app.setQuitOnLastWindowClosed, app.quitOnLastWindowClosed())
        app.setQuitOnLastWindowClosed(False)
        window.left.connect(app.quit)
        instance.activated.connect(window.raise_)
        delivery = _DeliveryTimer(window, service)
        stack.callback(delivery.stop)
        stack.callback(client.stop)  # first at the end: a request under way ends now
        screen = app.primaryScreen()
        if screen is not None:  # the whole screen even where no window manager makes it so
            window.setGeometry(screen.geometry())
        window.showFullScreen()
        window.start()
        end_of_start()
        return app.exec()


def _saved_account() -> Account:
    try:
        return resolve_account()
    except AccountError as error:
        raise AccountError(
            f"{error}; the terminal uses the saved account: run 'timeclock login' first"
        ) from None


class _DeliveryTimer:
    """Sends what waits in the outbox now and then, in a worker of its own."""

    def __init__(self, parent: QObject, service: TerminalClock) -> None:
        self._runner = TaskRunner(parent, name="timeclock-terminal-delivery")
        self._timer = QTimer(parent)
        self._timer.setInterval(DELIVERY_MILLISECONDS)
        self._timer.timeout.connect(self._deliver)
        self._service = service
        self._timer.start()

    def _deliver(self) -> None:
        if not self._runner.busy:
            self._runner.run(self._service.deliver, lambda _report: None, lambda _failure: None)

    def stop(self) -> None:
        self._timer.stop()
        self._runner.shutdown()
