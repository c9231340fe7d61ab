"""The command line's side of the demo: where its data lives, and starting it over."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from timeclock.cli.context import EXIT_OK, UsageError
from timeclock.cli.i18n import _
from timeclock.services.demo import reset_demo


def tell_demo_folder(folder: Path) -> None:
    """Said once, by the run that made the demo's data: the demo remembers, and where."""
    sys.stderr.write(
        _(
            "timeclock: the demo keeps its data in {folder}; "
            "'timeclock --demo reset' starts it over"
        ).format(folder=folder)
        + "\n"
    )


def reset_command(options: argparse.Namespace, out: TextIO) -> int:
    """``timeclock --demo reset``: the demo's entries, changes and breaks go."""
    if not options.demo:
        raise UsageError(_("only the demo can be reset: 'timeclock --demo reset'"))
    if reset_demo():
        out.write(_("The demo's data is gone; the next demo command starts over.") + "\n")
    else:
        out.write(_("The demo has no data yet; nothing to reset.") + "\n")
    return EXIT_OK
