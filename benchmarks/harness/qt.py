"""Watching a Qt window from outside: when a table has painted, how long the GUI thread
stalled, and (asked for) what it was doing meanwhile.

:class:`PaintWatch` is an application-wide event filter. It sees every paint of a table
view's viewport and calls back, in a zero-timer after the paint (so the paint and the
flush of the window to its backing store are done), once the waiter's condition holds.
:class:`Heartbeat` is a 5 ms precise timer: the longest gap between its ticks is the
longest time the GUI thread could not run its event loop (or get the GIL).
:class:`EventTrace` notes every event the GUI thread handles, to say what filled a stall.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from benchmarks.harness import outside

Condition = Callable[[QTableView], bool]
Callback = Callable[[QTableView], None]


@dataclass(slots=True)
class _Waiter:
    condition: Condition
    callback: Callback


class PaintWatch(QObject):
    """Calls back after a table's viewport painted while a condition held."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._waiters: list[_Waiter] = []
        self.last_rows = -1  # the rows of the last table painted, for a failure's message
        app.installEventFilter(self)

    def when_painted(self, condition: Condition, callback: Callback) -> None:
        """Call ``callback(table)`` once, after a paint of ``table`` where ``condition``
        held."""
        self._waiters.append(_Waiter(condition, callback))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if not self._waiters or event.type() != QEvent.Type.Paint:
            return False
        table = watched.parent() if isinstance(watched, QWidget) else None
        if not isinstance(table, QTableView) or watched.objectName() != "qt_scrollarea_viewport":
            return False
        model = table.model()
        self.last_rows = model.rowCount() if model is not None else -1
        for waiter in list(self._waiters):
            if waiter.condition(table):
                self._waiters.remove(waiter)
                QTimer.singleShot(0, lambda w=waiter, t=table: w.callback(t))
        return False


def rows(table: QTableView) -> int:
    """The rows the table shows."""
    model = table.model()
    return 0 if model is None else model.rowCount()


class Heartbeat(QObject):
    """A 5 ms timer on the GUI thread; the longest gap between ticks while recording."""

    def __init__(self, interval_ms: int = 5) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._beat)
        self._ticks: list[float] = []
        self.worst = (0.0, 0.0)  # the moments the longest gap began and ended

    def start(self) -> None:
        """Record from now on (the first gap counts from this moment)."""
        self._ticks = [time.monotonic()]
        self._timer.start()

    def _beat(self) -> None:
        self._ticks.append(time.monotonic())

    def stop(self) -> float:
        """Stop recording; the longest gap in milliseconds (to now for the last one)."""
        self._timer.stop()
        ticks = [*self._ticks, time.monotonic()]
        self.worst = max(itertools.pairwise(ticks), key=lambda gap: gap[1] - gap[0])
        return (self.worst[1] - self.worst[0]) * 1000


class EventTrace(QObject):
    """Every event the GUI thread handles while recording: its moment, type and receiver.

    An application-wide event filter; an event's share of a stall is the time from it to
    the next event noted (its handling, with whatever else ran on the thread before the
    next one, such as waiting for the interpreter lock). It costs the thread a little for
    each event, so it records only when asked (``--explain-stalls``).
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._events: list[tuple[float, QEvent.Type, str]] = []
        self._recording = False
        app.installEventFilter(self)

    def start(self) -> None:
        self._events = []
        self._recording = True

    def stop(self) -> None:
        self._recording = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if self._recording:
            name = watched.objectName()
            receiver = f"{type(watched).__name__} {name}" if name else type(watched).__name__
            self._events.append((time.monotonic(), event.type(), receiver))
        return False

    def explain(self, began: float, ended: float, most: int = 6) -> list[str]:
        """The ``most`` events that took longest between ``began`` and ``ended`` (a
        stall), in the order they came: what, for how long, and when after ``began``."""
        inside = [event for event in self._events if began <= event[0] < ended]
        ends = [moment for moment, _, _ in inside[1:]] + ([ended] if inside else [])
        spans = [
            (moment, end - moment, f"{kind.name} to {receiver}")
            for (moment, kind, receiver), end in zip(inside, ends, strict=True)
        ]
        first = inside[0][0] if inside else ended
        if first - began > 0.0005:  # nothing handled yet: the thread waited or was busy
            spans.append((began, first - began, "before any event (lock or idle wait)"))
        longest = sorted(spans, key=lambda span: span[1], reverse=True)[:most]
        return [
            f"{what} {seconds * 1000:.1f} ms at +{(moment - began) * 1000:.1f} ms"
            for moment, seconds, what in sorted(longest)
        ]


def finish(result_file: str, result: dict[str, Any], status: int = 0) -> None:
    """Write the result and end the process now (no Qt or Python shutdown)."""
    outside.write_result(result_file, result, status)


def fail(result_file: str, message: str) -> None:
    """End the process with ``message`` as its result's error."""
    finish(result_file, {"error": message}, 3)
