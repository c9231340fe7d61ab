"""The task runner: work runs in its thread, answers come back in order, failures worded."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QThread
from pytestqt.qtbot import QtBot

from tests.gui.conftest import native_threads
from tests.gui.helpers import WAIT, emissions
from timeclock.api.errors import AuthenticationError, NetworkError, ServerError, ValidationError
from timeclock.domain.foreground import (
    LONGEST_WAIT,
    SLICE,
    foreground_busy,
    foreground_idle,
    paced,
)
from timeclock.domain.shift import StampError, StampProblem
from timeclock.gui.tasks import Failure, TaskRunner
from timeclock.store.database import open_connections
from timeclock.store.outbox import Outbox

BASE = "https://acme.timetrackenterprise.com/api/v2/ext"


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()


def raising(error: Exception) -> Callable[[], Any]:
    def work() -> Any:
        raise error

    return work


def test_work_runs_off_the_gui_thread_and_answers_in_it(qtbot: QtBot, runner: TaskRunner) -> None:
    gui_thread = threading.get_ident()
    answered_in: list[int] = []
    results: list[int] = []

    def done(result: int) -> None:
        answered_in.append(threading.get_ident())
        results.append(result)

    runner.run(threading.get_ident, done)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=WAIT)
    assert results[0] != gui_thread
    assert answered_in == [gui_thread]


def test_results_come_back_in_the_order_the_work_was_given(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    ran: list[int] = []
    answers: list[int] = []

    def work(number: int) -> Callable[[], int]:
        def do() -> int:
            ran.append(number)
            return number * 10

        return do

    for number in range(8):
        runner.run(work(number), answers.append)
    qtbot.waitUntil(lambda: len(answers) == 8, timeout=WAIT)
    assert ran == list(range(8))
    assert answers == [number * 10 for number in range(8)]


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (AuthenticationError("rejected", status=401), "auth"),
        (NetworkError("cannot reach", reason="unreachable", host="example.org"), "network"),
        (ValidationError("refused"), "refused"),
        (ServerError("HTTP 500", status=500), "refused"),
        (StampError(StampProblem.ALREADY_IN), "refused"),
        (ZeroDivisionError("division by zero"), "bug"),
    ],
    ids=["auth", "network", "validation", "server", "stamp", "bug"],
)
def test_a_failure_comes_back_as_a_failure_of_its_kind(
    qtbot: QtBot, runner: TaskRunner, error: Exception, kind: str
) -> None:
    failures: list[Failure] = []
    results: list[object] = []
    runner.run(raising(error), results.append, failures.append)
    qtbot.waitUntil(lambda: len(failures) == 1, timeout=WAIT)
    failure = failures[0]
    assert results == []
    assert failure.kind == kind
    assert failure.error is error
    assert failure.is_bug == (kind == "bug")
    if kind == "bug":
        assert failure.message == "Unexpected ZeroDivisionError"
        assert "Traceback" in failure.details
        assert "division by zero" in failure.details
    else:
        assert failure.message == str(error)
        assert failure.details == ""


def test_a_failure_without_a_failure_callback_does_not_stop_the_runner(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    results: list[str] = []
    runner.run(raising(ValueError("lost")), results.append)
    runner.run(lambda: "still working", results.append)
    qtbot.waitUntil(lambda: results == ["still working"], timeout=WAIT)


def test_busy_goes_true_once_and_false_once_for_a_batch_of_work(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    busy = emissions(runner.busy_changed)
    answers: list[object] = []
    assert not runner.busy
    runner.run(lambda: 1, answers.append)
    assert runner.busy
    runner.run(raising(ValueError("no")), answers.append, answers.append)
    runner.run(lambda: 3, answers.append)
    with qtbot.waitSignal(runner.busy_changed, timeout=WAIT, check_params_cb=lambda b: not b):
        pass
    assert busy == [(True,), (False,)]
    assert not runner.busy
    assert len(answers) == 3


def test_shutdown_drops_queued_work_and_stops_the_thread(qtbot: QtBot) -> None:
    threads_before = native_threads()
    runner = TaskRunner()
    assert native_threads() - threads_before  # its worker thread
    started = threading.Event()
    ran: list[str] = []
    answers: list[object] = []

    def first() -> str:
        started.set()
        # Busy until shutdown begins; bounded, so a broken shutdown fails instead of hanging.
        thread = QThread.currentThread()
        deadline = threading.Event()
        for _ in range(WAIT // 5):
            if thread.isInterruptionRequested():
                break
            deadline.wait(0.005)
        ran.append("first")
        return "first"

    def queued(name: str) -> Callable[[], str]:
        def work() -> str:
            ran.append(name)
            return name

        return work

    # Queued at once, as quick clicks do: the worker may take all three in one batch.
    runner.run(first, answers.append, answers.append)
    runner.run(queued("second"), answers.append, answers.append)
    runner.run(queued("third"), answers.append, answers.append)
    assert started.wait(WAIT / 1000)

    runner.shutdown()

    assert ran == ["first"]  # the running task finished; the queued ones never ran
    for _ in range(3):
        QCoreApplication.processEvents()
    assert answers == []  # and nobody is called back after shutdown
    qtbot.waitUntil(lambda: not (native_threads() - threads_before), timeout=WAIT)
    with pytest.raises(RuntimeError, match="shut down"):
        runner.run(queued("fourth"), answers.append)
    runner.shutdown()  # a second shutdown is harmless


def test_a_runner_shut_down_while_idle_stops_its_thread(qtbot: QtBot) -> None:
    threads_before = native_threads()
    runner = TaskRunner()
    answers: list[int] = []
    runner.run(lambda: 1, answers.append)
    qtbot.waitUntil(lambda: answers == [1], timeout=WAIT)
    runner.shutdown()
    qtbot.waitUntil(lambda: not (native_threads() - threads_before), timeout=WAIT)


def test_the_thread_keeps_its_database_connection_between_tasks_and_closes_it_when_it_stops(
    qtbot: QtBot, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    before = open_connections()  # the test thread's, opened to set the file up
    runner = TaskRunner()
    answers: list[int] = []

    def work() -> int:
        outbox.items(BASE)
        return open_connections()

    for _ in range(3):
        runner.run(work, answers.append)
    qtbot.waitUntil(lambda: len(answers) == 3, timeout=WAIT)
    assert answers == [before + 1] * 3  # one connection for the thread, not one per task

    assert runner.shutdown()
    assert open_connections() == before
    outbox.close()


def test_a_thread_left_running_closes_its_connection_after_its_last_task(
    qtbot: QtBot, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    before = open_connections()
    runner = TaskRunner()
    release = threading.Event()
    started = threading.Event()

    def slow() -> None:
        outbox.items(BASE)
        started.set()
        release.wait(WAIT / 1000)

    runner.run(slow, lambda _result: None)
    assert started.wait(WAIT / 1000)
    assert not runner.shutdown(wait_seconds=0.05)  # left running
    assert open_connections() == before + 1

    release.set()
    assert runner.wait_stopped(WAIT / 1000)
    assert open_connections() == before
    outbox.close()


def test_a_shutdown_lets_a_task_at_its_pause_points_go_on(runner: TaskRunner) -> None:
    """The window's thread waits in a shutdown: a long task must not wait at each of its
    pause points as if the window were working."""
    started = threading.Event()

    def work() -> int:
        started.set()
        return sum(1 for _ in paced(range(400 * SLICE)))  # 400 pause points

    runner.run(work, lambda _result: None)
    assert started.wait(5)
    foreground_busy()  # as while the window handles the event that closes it
    try:
        began = time.monotonic()
        assert runner.shutdown(wait_seconds=10)
        assert time.monotonic() - began < 100 * LONGEST_WAIT  # 400 waits would be 20 s
    finally:
        foreground_idle()
