"""Running blocking work off the GUI thread: one worker shape for all of it.

A :class:`TaskRunner` owns one ``QThread`` with one worker ``QObject`` moved to it. Work is
a plain callable (a client call, a keyring look-up); it runs in the worker thread, one at a
time and in the order submitted, so stamps reach the server in the order they were made.
Its result or its error comes back to the GUI thread by queued signals, the error already
turned into a sentence a person can read.

Closing never waits long for a worker: :meth:`TaskRunner.shutdown` gives the running task
:data:`SHUTDOWN_WAIT_SECONDS` to finish (a client call ends at once when its client is
stopped first, see :meth:`TimeTrackClient.stop`), then leaves it to end on its own. What
it was sending is safe in the outbox either way.

The thread keeps what its tasks keep per thread (a connection to each database file of this
desk) from one task to the next, and closes those connections when it stops, whether
after a shutdown or, left running, after its last task.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from timeclock.api.errors import AuthenticationError, NetworkError
from timeclock.domain.errors import TimeClockError
from timeclock.domain.foreground import foreground_idle
from timeclock.store.database import close_thread_connections

log = logging.getLogger(__name__)

# How long closing waits for a task still running before it leaves it behind.
SHUTDOWN_WAIT_SECONDS = 2.0
# Threads left running by a shutdown, with their workers: a QThread destroyed while it runs
# ends the process, so they are kept until the process ends (by then they are done).
_left_running: list[tuple[QThread, QObject]] = []

# Failures that carry a sentence fit to show as it is (timeclock.domain.errors); anything
# else is a bug.
EXPECTED_ERRORS: tuple[type[Exception], ...] = (TimeClockError,)


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a task failed, ready for the person and for the program.

    ``kind`` lets callers react (``auth`` re-opens the credentials, ``network`` means
    offline); ``details`` is for the "copy details" of an unexpected error.
    """

    message: str
    kind: str  # "auth", "network", "refused", "bug"
    error: BaseException
    details: str = ""

    @property
    def is_bug(self) -> bool:
        """Whether this is a program error rather than something a person can act on."""
        return self.kind == "bug"


def describe(error: BaseException) -> Failure:
    """The :class:`Failure` for an exception raised by a task."""
    if isinstance(error, AuthenticationError):
        return Failure(str(error), "auth", error)
    if isinstance(error, NetworkError):
        return Failure(str(error), "network", error)
    if isinstance(error, EXPECTED_ERRORS):
        return Failure(str(error), "refused", error)
    details = "".join(traceback.format_exception(error))
    return Failure(f"Unexpected {type(error).__name__}", "bug", error, details)


class _WorkerThread(QThread):
    """A thread that runs its event loop from Python and closes its database connections
    when the loop ends.

    Running the loop from Python keeps one Python thread state for the thread's whole
    life: with Qt's own ``run``, each queued call gets a new one, so what a task keeps per
    thread (``threading.local``) is gone by the next task, and its connections are left
    to the garbage collector unclosed.
    """

    def run(self) -> None:
        try:
            self.exec()
        finally:
            closed = close_thread_connections()
            log.debug("%s stopped; %d database connections closed", self.objectName(), closed)


class _Worker(QObject):
    """Lives in the worker thread and runs what it is handed."""

    done = Signal(int, object)
    failed = Signal(int, object)

    @Slot(int, object)
    def run(self, token: int, work: Callable[[], Any]) -> None:
        # Work queued before shutdown may already sit in the batch of events the thread is
        # working through, where quit() does not reach it: drop it here instead.
        if QThread.currentThread().isInterruptionRequested():
            return
        try:
            result = work()
        except Exception as error:  # noqa: BLE001 - every failure goes back as a Failure
            failure = describe(error)
            if failure.is_bug:  # the details go to the crash dialog, not to stderr
                log.debug("task failed unexpectedly\n%s", failure.details)
            self.failed.emit(token, failure)
        else:
            self.done.emit(token, result)


class TaskRunner(QObject):
    """Runs callables in one worker thread and calls back in the GUI thread."""

    busy_changed = Signal(bool)
    _submit = Signal(int, object)

    def __init__(self, parent: QObject | None = None, name: str = "timeclock-worker") -> None:
        super().__init__(parent)
        self._tokens = itertools.count(1)
        self._callbacks: dict[
            int, tuple[Callable[[Any], None], Callable[[Failure], None] | None]
        ] = {}
        self._thread = _WorkerThread()
        self._thread.setObjectName(name)
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()

    @property
    def is_shut_down(self) -> bool:
        """Whether :meth:`shutdown` ended the runner (nothing more can be queued)."""
        return not self._thread.isRunning()

    @property
    def busy(self) -> bool:
        """Whether any task is queued or running."""
        return bool(self._callbacks)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Failure], None] | None = None,
    ) -> int:
        """Queue ``work``; ``on_done(result)`` or ``on_failed(failure)`` follows in this thread."""
        if self.is_shut_down:
            raise RuntimeError("the task runner was shut down")
        token = next(self._tokens)
        was_busy = self.busy
        self._callbacks[token] = (on_done, on_failed)
        if not was_busy:
            self.busy_changed.emit(True)
        self._submit.emit(token, work)
        return token

    def shutdown(self, wait_seconds: float = SHUTDOWN_WAIT_SECONDS) -> bool:
        """Drop the queued tasks and stop the thread, giving the running task at most
        ``wait_seconds`` to finish; whether the thread stopped in that time.

        A task still running then is left to finish on its own (nobody is called back).
        """
        self._callbacks.clear()
        if not self._thread.isRunning():
            return True
        self._thread.requestInterruption()
        self._thread.quit()
        foreground_idle()  # this thread only waits now: the task's pause points go on
        if self._thread.wait(max(0, round(wait_seconds * 1000))):
            return True
        log.warning("a task still runs after %.1f s; not waiting for it", wait_seconds)
        _left_running.append((self._thread, self._worker))
        return False

    def wait_stopped(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for a thread left running by :meth:`shutdown` to end."""
        foreground_idle()
        return self._thread.wait(max(0, round(seconds * 1000)))

    @Slot(int, object)
    def _on_done(self, token: int, result: object) -> None:
        callbacks = self._finish(token)
        if callbacks is not None:
            callbacks[0](result)

    @Slot(int, object)
    def _on_failed(self, token: int, failure: Failure) -> None:
        callbacks = self._finish(token)
        if callbacks is not None and callbacks[1] is not None:
            callbacks[1](failure)

    def _finish(
        self, token: int
    ) -> tuple[Callable[[Any], None], Callable[[Failure], None] | None] | None:
        callbacks = self._callbacks.pop(token, None)
        if not self._callbacks:
            self.busy_changed.emit(False)
        return callbacks
