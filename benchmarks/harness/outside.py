"""Watching a TimeClock process from inside it without changing how it starts.

A child that runs TimeClock must not import Qt (or anything else TimeClock imports) before
TimeClock does: the order of the start is part of what is measured (what TimeClock does
before, during and after Qt's import is its own choice). So nothing here imports Qt.
Instead:

- :func:`when_app_exists` polls, in a thread, for the QApplication that TimeClock makes,
  and has the GUI thread call back (a queued call, run by the event loop before the
  window's first paint is) so a paint watch can be installed there;
- :func:`count_compiles` counts the modules compiled from source in this process (a
  wrapper of ``builtins.compile``), which tells whether bytecode was cached, wherever the
  cache lives;
- :func:`deadline` ends the process with an error result if the measurement hangs.
"""

from __future__ import annotations

import builtins
import functools
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

_compiled: list[str] = []


def count_compiles() -> None:
    """Note the file of every module compiled from source from now on."""
    real = builtins.compile

    def compile_counted(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        if mode == "exec" and isinstance(filename, str) and filename.endswith(".py"):
            _compiled.append(filename)
        return real(source, filename, mode, *args, **kwargs)

    builtins.compile = compile_counted


def compiled() -> list[str]:
    """The source files compiled since :func:`count_compiles`."""
    return list(_compiled)


def when_app_exists(callback: Callable[[Any], None], poll_seconds: float = 0.002) -> None:
    """Call ``callback(app)`` on the GUI thread once a QApplication exists."""

    def poll() -> None:
        while True:
            widgets = sys.modules.get("PySide6.QtWidgets")
            core = sys.modules.get("PySide6.QtCore")
            application = getattr(widgets, "QApplication", None)
            timer = getattr(core, "QTimer", None)
            app = application.instance() if application is not None else None
            if app is not None and timer is not None:
                timer.singleShot(0, app, functools.partial(callback, app))
                return
            time.sleep(poll_seconds)

    threading.Thread(target=poll, name="benchmark-attach", daemon=True).start()


def write_result(result_file: str, result: dict[str, Any], status: int = 0) -> None:
    """Write the result (with the bytecode state) and end the process at once."""
    from benchmarks.environment import bytecode_state  # noqa: PLC0415 - after the measure

    result.setdefault("bytecode", bytecode_state(compiled()))
    with open(result_file, "w", encoding="utf-8") as out:  # noqa: PTH123 - at exit, plain
        json.dump(result, out)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def deadline(result_file: str, seconds: float, what: Callable[[], str]) -> None:
    """End the process with an error result after ``seconds``; ``what()`` says what it
    was waiting for."""

    def expire() -> None:
        write_result(result_file, {"error": f"timed out after {seconds:g} s: {what()}"}, 3)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
