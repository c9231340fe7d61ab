"""The benchmark's stall explanation: the heartbeat finds the longest gap, and the event
trace says which events filled it and for how long (``--explain-stalls``)."""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from benchmarks.harness.qt import EventTrace, Heartbeat

SLOW = QEvent.Type(QEvent.registerEventType())


class Sleeper(QObject):
    """Takes ``milliseconds`` over each event of type SLOW it gets."""

    def __init__(self, milliseconds: float) -> None:
        super().__init__()
        self.setObjectName("sleeper")
        self.milliseconds = milliseconds
        self.handled = 0

    def event(self, event: QEvent) -> bool:
        if event.type() == SLOW:
            time.sleep(self.milliseconds / 1000)
            self.handled += 1
            return True
        return super().event(event)


def test_the_longest_gap_is_found_and_its_slow_event_named(
    qtbot: QtBot, qapp: QApplication
) -> None:
    sleeper = Sleeper(60)
    trace = EventTrace(qapp)
    beat = Heartbeat()
    trace.start()
    beat.start()
    QTimer.singleShot(30, lambda: QCoreApplication.postEvent(sleeper, QEvent(SLOW)))
    qtbot.waitUntil(lambda: sleeper.handled == 1)
    qtbot.wait(30)
    longest = beat.stop()
    trace.stop()
    began, ended = beat.worst
    assert 55 <= longest < 1000
    assert abs((ended - began) * 1000 - longest) < 0.01
    explained = trace.explain(began, ended)
    slow = [line for line in explained if "to Sleeper sleeper" in line]
    assert len(slow) == 1, explained
    took = float(slow[0].split(" ms at ")[0].rsplit(" ", 1)[1])
    assert 55 <= took <= longest


def test_events_outside_the_stall_or_after_recording_are_left_out(
    qtbot: QtBot, qapp: QApplication
) -> None:
    sleeper = Sleeper(5)
    trace = EventTrace(qapp)
    trace.start()
    QCoreApplication.postEvent(sleeper, QEvent(SLOW))
    qtbot.waitUntil(lambda: sleeper.handled == 1)
    trace.stop()
    after = time.monotonic()
    QCoreApplication.postEvent(sleeper, QEvent(SLOW))
    qtbot.waitUntil(lambda: sleeper.handled == 2)
    assert not any("Sleeper" in line for line in trace.explain(after, time.monotonic()))
    # Nothing noted in a window: it was all waiting, and says so.
    quiet = time.monotonic() + 10
    assert trace.explain(quiet, quiet + 0.02) == [
        "before any event (lock or idle wait) 20.0 ms at +0.0 ms"
    ]
