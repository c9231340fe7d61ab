"""``timeclock terminal-pin``: the shared terminal's PINs and whether employees need one.

PINs are typed without echo (or piped on standard input), never taken from the command
line, and kept only as salted hashes in a private file on this computer
(:mod:`timeclock.store.terminal_pins`).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from timeclock.cli.context import EXIT_OK, UsageError, ask_secret
from timeclock.store.terminal_pins import TerminalPins, check_pin_format


def add_terminal_pin_arguments(parser: argparse.ArgumentParser) -> None:
    """The verb's actions: set, remove, require, list."""
    actions = parser.add_subparsers(dest="pin_action", metavar="ACTION", required=True)
    setting = actions.add_parser(
        "set",
        help="set (or change) an employee's PIN, or with --admin the administrator's",
        description="Set an employee's PIN (or the administrator's, which leaving the "
        "terminal mode asks for). The PIN is asked for twice, without echo.",
    )
    setting.add_argument("user", nargs="?", metavar="USER", help="the employee's user name")
    setting.add_argument(
        "--admin", action="store_true", help="the administrator's PIN instead of an employee's"
    )
    removing = actions.add_parser("remove", help="remove an employee's PIN")
    removing.add_argument("user", metavar="USER", help="the employee's user name")
    requiring = actions.add_parser(
        "require", help="whether employees confirm each stamp at the terminal with their PIN"
    )
    requiring.add_argument("answer", choices=["on", "off"], help="on: a PIN is asked for")
    actions.add_parser("list", help="who has a PIN, and whether PINs are asked for")


def terminal_pin_command(options: argparse.Namespace, out: TextIO) -> int:
    """Run ``timeclock terminal-pin ACTION``; the exit status."""
    pins = TerminalPins()
    action = options.pin_action
    if action == "set":
        if options.admin == bool(options.user):
            raise UsageError("name a USER or give --admin (not both)")
        pin = _new_pin()
        if options.admin:
            pins.set_admin_pin(pin)
            out.write("The administrator's PIN is set; leaving the terminal mode asks for it.\n")
        else:
            pins.set_pin(options.user, pin)
            out.write(f"The PIN of {options.user.strip()} is set.\n")
    elif action == "remove":
        removed = pins.remove_pin(options.user)
        name = options.user.strip()
        out.write(f"Removed the PIN of {name}.\n" if removed else f"{name} has no PIN here.\n")
    elif action == "require":
        pins.require_employee_pins(options.answer == "on")
        out.write(
            "Employees confirm their stamps at the terminal with their PIN.\n"
            if pins.employee_pins
            else "Employees stamp at the terminal without a PIN.\n"
        )
    else:
        asked = "asked for" if pins.employee_pins else "not asked for"
        admin = "set" if pins.has_admin_pin else "not set"
        out.write(f"Administrator's PIN: {admin}\nEmployees' PINs: {asked}\n")
        for user in pins.users():
            out.write(f"  {user}\n")
    return EXIT_OK


def _new_pin() -> str:
    """A new PIN, typed twice (4 to 12 digits)."""
    pin = check_pin_format(ask_secret("New PIN (4 to 12 digits): "))
    if ask_secret("The same PIN again: ") != pin:
        raise UsageError("the two PINs differ; nothing was changed")
    return pin
