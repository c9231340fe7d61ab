"""Preparing the ``timeclock`` process for a quick start, before the rest is imported."""

from __future__ import annotations

import sys

from timeclock.cli.bytecode import use_private_cache


def prepare_process() -> None:
    """Collector paused until the start is done, bytecode from the private cache, and no
    import that TimeClock never uses."""
    use_private_cache()  # first: what follows comes from the cache too
    from timeclock.domain.gc_pause import pause_for_start  # noqa: PLC0415 - see above

    pause_for_start()
    skip_httpx_command_line()


def skip_httpx_command_line() -> None:
    """httpx imports its own command-line client when click, rich and pygments are
    installed (about 100 ms, and click comes with uvicorn); TimeClock never runs it.

    A ``None`` in ``sys.modules`` makes that import fail, and httpx has a fallback for it.
    """
    if "httpx" not in sys.modules:
        sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
