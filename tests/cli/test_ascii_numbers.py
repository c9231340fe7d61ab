"""Numbers on the command line are ASCII digits: ``--break ٣`` is a usage error, not 3 minutes.

Python's ``int()`` and ``float()`` read the digits of every script (Arabic-Indic, fullwidth,
Devanagari...), and ``str.isdigit()`` says yes to superscripts that ``int()`` then refuses.
"""

from __future__ import annotations

import pytest

from tests.cli.conftest import Run
from timeclock.sandbox import SandboxServer

ADD = ("add", "--from", "2026-03-10T08:00", "--to", "2026-03-10T16:00")
NOT_ASCII = [
    "\u0663",  # Arabic-Indic three
    "\u0663\u0660",  # Arabic-Indic thirty
    "\uff13\uff10",  # fullwidth thirty
    "\u096a\u096b",  # Devanagari forty-five
    "\u00b2",  # superscript two: isdigit() says yes, int() refuses
    "3\u0660",  # ASCII three and Arabic-Indic zero
]


@pytest.mark.parametrize("number", NOT_ASCII)
def test_a_break_in_other_digits_is_a_usage_error(
    connected: SandboxServer, run: Run, number: str
) -> None:
    result = run(*ADD, "--break", number)
    assert result.status == 2
    assert result.err.count("\n") == 1
    assert f"'{number}' is not a whole number of minutes (digits 0 to 9)" in result.err
    assert connected.store.all() == []


@pytest.mark.parametrize("number", NOT_ASCII)
def test_ids_and_seconds_in_other_digits_are_usage_errors(
    connected: SandboxServer, run: Run, number: str
) -> None:
    for args, message in (
        (("show", number), "is not an entry id"),
        (("edit", number, "--notes", "x"), "is not an entry id"),
        (("delete", "--yes", number), "is not an entry id"),
        (("outbox", "retry", number), "is not an entry id"),
        (("sync", "--wait", number), "is not a number of seconds"),
        (("edit", "1", "--break", number), "is not a whole number of minutes"),
    ):
        result = run(*args)
        assert result.status == 2, (args, result)
        assert f"'{number}' {message}" in result.err


def test_ascii_digits_still_work(connected: SandboxServer, run: Run) -> None:
    result = run(*ADD, "--break", "30")
    assert result.status == 0, result.err
    (entry,) = connected.store.all()
    assert entry.break_minutes == 30
    assert run("show", str(entry.id)).status == 0
    assert run("sync", "--wait", "0.5").status == 0
