"""What a figure depends on besides the code: memory of this process, bytecode, the machine.

Only the standard library here: the children import this module after their measurement,
and the start figure must not pay for more than it measures.
"""

from __future__ import annotations

import importlib.util
import os
import platform
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


def _status_kb(field: str) -> int:
    """A ``kB`` line of /proc/self/status (0 where there is no procfs)."""
    try:
        text = _STATUS.read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def peak_kb() -> int:
    """The process's peak resident memory since its exec (or the last :func:`reset_peak`).

    ``VmHWM``, not ``ru_maxrss``: Linux keeps ``ru_maxrss`` across exec, so a child forked
    from a big parent would report the parent's memory as its own.
    """
    return _status_kb("VmHWM")


def rss_kb() -> int:
    """The process's resident memory now."""
    return _status_kb("VmRSS")


def reset_peak() -> bool:
    """Start the peak anew at the current memory (Linux: ``5`` into clear_refs)."""
    try:
        _CLEAR_REFS.write_text("5")
    except OSError:
        return False
    return True


def bytecode_state(
    compiled: Sequence[str] | None = None, package: str = "timeclock"
) -> dict[str, Any]:
    """Whether the imported modules ran from cached bytecode.

    ``package``: of the modules of this package loaded so far, how many ran from bytecode;
    ``all``: the same over every module imported from a ``.py`` file; ``dont_write``:
    whether this process may write bytecode (``PYTHONDONTWRITEBYTECODE``). With
    ``compiled`` (the files compiled from source in this process, see
    :func:`benchmarks.harness.outside.count_compiles`) a module ran from bytecode unless
    it was compiled, wherever its cache lives; without, a module counts when a ``.pyc``
    lies in its ``__pycache__``.
    """
    fresh = None if compiled is None else {os.path.realpath(path) for path in compiled}
    ours = [0, 0]
    every = [0, 0]
    for name, module in list(sys.modules.items()):
        source = getattr(module, "__file__", None)
        if not source or not source.endswith(".py") or name.split(".")[0] == "benchmarks":
            continue  # the harness's own modules are not what is measured
        if fresh is not None:
            cached = os.path.realpath(source) not in fresh
        else:
            try:
                cached = Path(importlib.util.cache_from_source(source)).exists()
            except (ValueError, NotImplementedError):
                continue
        every[0] += cached
        every[1] += 1
        if name == package or name.startswith(package + "."):
            ours[0] += cached
            ours[1] += 1
    return {"dont_write": sys.dont_write_bytecode, "package": ours, "all": every}


def bytecode_text(state: dict[str, Any]) -> str:
    """``pyc 0/95``: of the timeclock modules imported, how many ran from bytecode."""
    cached, imported = state["package"]
    every_cached, every_imported = state["all"]
    writes = "" if state["dont_write"] else ", writes"
    return f"pyc {cached}/{imported} (all {every_cached}/{every_imported}{writes})"


def machine() -> dict[str, Any]:
    """Python, PySide6 and the machine, for the table's heading."""
    try:
        from PySide6 import __version__ as pyside  # noqa: PLC0415 - only for the heading
    except ImportError:
        pyside = "absent"
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "pyside6": pyside,
        "cores": os.cpu_count() or 0,
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0,
        "load": [round(value, 2) for value in load],
        "platform": platform.platform(terse=True),
        "dont_write_bytecode": sys.dont_write_bytecode,
        "pythondontwritebytecode": os.environ.get("PYTHONDONTWRITEBYTECODE", ""),
    }
