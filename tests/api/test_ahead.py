"""Ahead: one call at a time on a thread of its own, stopped and waited for on leaving."""

from __future__ import annotations

import threading
import time

import pytest

from timeclock.api.ahead import Ahead, StopFlag


def test_a_call_runs_on_another_thread_and_gives_its_result() -> None:
    caller = threading.get_ident()
    with Ahead[int](threading.Event()) as ahead:
        ahead.start(lambda _stop: threading.get_ident())
        assert ahead.result() != caller
        ahead.start(lambda _stop: 7)
        assert ahead.result() == 7


def test_a_calls_exception_is_raised_by_result() -> None:
    def failing(_stop: threading.Event) -> int:
        raise ValueError("broken page")

    with Ahead[int](threading.Event()) as ahead:
        ahead.start(failing)
        with pytest.raises(ValueError, match="broken page"):
            ahead.result()


def test_one_call_at_a_time() -> None:
    with Ahead[int](threading.Event()) as ahead:
        with pytest.raises(RuntimeError):
            ahead.result()
        ahead.start(lambda _stop: 1)
        with pytest.raises(RuntimeError):
            ahead.start(lambda _stop: 2)
        assert ahead.result() == 1


@pytest.mark.timeout(10)
def test_leaving_stops_a_running_call_and_waits_for_it() -> None:
    began, ended = threading.Event(), threading.Event()

    def waits_for_its_stop(stop: threading.Event) -> int:
        began.set()
        while not stop.is_set():  # as a request looks at its stop flag between reads
            time.sleep(0.01)
        ended.set()
        return 0

    started = time.monotonic()
    with Ahead[int](threading.Event()) as ahead:
        ahead.start(waits_for_its_stop)
        assert began.wait(5)
    assert ended.is_set()  # waited for: nothing outlives the block
    assert time.monotonic() - started < 5


@pytest.mark.timeout(10)
def test_a_failure_while_a_call_runs_stops_it_too() -> None:
    stopped = threading.Event()

    def runs_until_stopped(stop: threading.Event) -> int:
        while not stop.is_set():
            time.sleep(0.01)
        stopped.set()
        return 0

    with pytest.raises(KeyError), Ahead[int](threading.Event()) as ahead:
        ahead.start(runs_until_stopped)
        raise KeyError("the page before was broken")
    assert stopped.is_set()


def test_a_stop_flag_is_up_while_the_outer_one_is() -> None:
    outer = threading.Event()
    flag = StopFlag(outer)
    assert not flag.is_set()
    outer.set()
    assert flag.is_set()
    outer.clear()
    assert not flag.is_set()
    flag.set()
    assert flag.is_set() and not outer.is_set()
