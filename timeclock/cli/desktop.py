"""``timeclock desktop install|uninstall``: TimeClock in the application menu for a pip
install (the files and where they go: :mod:`timeclock.services.desktop_entry`)."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from timeclock.cli.context import EXIT_OK, UsageError, fail
from timeclock.cli.i18n import _, plural
from timeclock.services import desktop_entry
from timeclock.services.desktop_entry import DesktopEntryError


def add_desktop_arguments(parser: argparse.ArgumentParser) -> None:
    """The verb's actions."""
    actions = parser.add_subparsers(dest="desktop_action", metavar="ACTION", required=True)
    actions.add_parser(
        "install",
        help="add TimeClock to your application menu (files in ~/.local/share)",
        description="Add TimeClock to your application menu: its desktop file, AppStream "
        "metainfo and icon go into $XDG_DATA_HOME (default ~/.local/share), the menu entry "
        "starting this timeclock program.",
    )
    actions.add_parser(
        "uninstall",
        help="remove TimeClock from your application menu",
        description="Remove the files 'timeclock desktop install' wrote.",
    )


def desktop_command(options: argparse.Namespace, out: TextIO) -> int:
    """Run ``timeclock desktop ACTION``; the exit status."""
    if not desktop_entry.supported():
        raise UsageError(_("the application menu entry is for Linux desktops only"))
    try:
        if options.desktop_action == "install":
            command = desktop_entry.program_command(sys.argv[0])
            where = desktop_entry.install(command)
            out.write(
                _("TimeClock is in your application menu ({file}), starting {program}.").format(
                    file=where.desktop_file, program=command[0]
                )
                + "\n"
            )
        else:
            removed = desktop_entry.uninstall()
            out.write(
                (
                    plural(
                        len(removed),
                        "TimeClock is no longer in your application menu ({n} file removed).",
                        "TimeClock is no longer in your application menu ({n} files removed).",
                    )
                    if removed
                    else _("TimeClock was not in your application menu; nothing to remove.")
                )
                + "\n"
            )
    except DesktopEntryError as error:
        return fail(
            _("cannot change {file}: {reason}").format(file=error.path, reason=error.reason)
        )
    return EXIT_OK
