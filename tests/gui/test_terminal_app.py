"""``timeclock --demo --terminal`` in this process: the terminal opens on the demo's own
sandbox, stamps a scanned badge there, and ends with the administrator's PIN (app.exec()
returns 0). The test drives it from timers, as the event loop runs until then."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from timeclock.cli.demo_server import demo_server_command
from timeclock.gui.terminal_app import run_terminal
from timeclock.gui.terminal_window import TerminalWindow
from timeclock.services.demo_process import DemoProcess
from timeclock.services.terminal import Phase
from timeclock.store.terminal_pins import TerminalPins

ADMIN_PIN = "9876"


def test_the_demo_terminal_stamps_a_badge_and_ends_with_the_administrators_pin(
    qapp: QApplication,
) -> None:
    TerminalPins().set_admin_pin(ADMIN_PIN)
    seen: list[str] = []
    steps: list[Callable[[TerminalWindow], bool]] = []

    def terminal() -> TerminalWindow | None:
        found = [w for w in qapp.topLevelWidgets() if isinstance(w, TerminalWindow)]
        return found[0] if found and found[0].isVisible() else None

    def scan(window: TerminalWindow) -> bool:
        if not window.people_read:
            return False
        QTest.keyClicks(window.search, "1003")  # Anna's personal number in the demo
        QTest.keyClick(window.search, Qt.Key.Key_Return)
        return True

    def confirmed(window: TerminalWindow) -> bool:
        if window.terminal.phase in (Phase.CONFIRMED, Phase.CHOICE):
            seen.append(window.terminal.phase.value)
            seen.append(window.confirmation.text().replace("\n", " "))
            QTest.keyClick(window.search, Qt.Key.Key_Escape)  # ends it
            return True
        return False

    def leave(window: TerminalWindow) -> bool:
        if window.terminal.phase is not Phase.IDLE:
            return False
        QTest.keyClick(window.search, Qt.Key.Key_Escape)
        QTest.keyClicks(window.pin_field, ADMIN_PIN)
        QTest.keyClick(window.pin_field, Qt.Key.Key_Return)
        return True

    steps.extend([scan, confirmed, leave])
    driver = QTimer()
    driver.setInterval(50)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(qapp.quit)  # a step that never comes ends the test, failed

    def step() -> None:
        window = terminal()
        if window is not None and steps and steps[0](window):
            steps.pop(0)
        if not steps:
            driver.stop()

    driver.timeout.connect(step)
    driver.start()
    deadline.start(30_000)
    with DemoProcess.start(demo_server_command()) as server:
        status = run_terminal(qapp, demo=server)
    driver.stop()
    finished = deadline.isActive()
    deadline.stop()
    assert finished and steps == [], f"the terminal stopped before: {seen}"
    assert status == 0
    # Anna was stamped in (a confirmation) or, if the demo has her in already, offered the
    # choice; either way the demo's sandbox answered the terminal over HTTP.
    assert seen[0] in ("confirmed", "choice")
    if seen[0] == "confirmed":
        assert seen[1].startswith("Good ") and ", Anna — clocked in " in seen[1]
    assert terminal() is None
