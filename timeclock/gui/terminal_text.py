"""The shared terminal's sentences: greetings, confirmations, problems and choices.

Kept apart from the window so that the words for each state of
:class:`~timeclock.services.terminal.Terminal` are in one place, and translated.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication

from timeclock.gui.formatting import hours_text, time_text
from timeclock.services.terminal import (
    Action,
    Greeting,
    Person,
    Problem,
    Stamped,
    Standing,
    greeting_at,
)

translate = QCoreApplication.translate  # lupdate finds the literal texts of these calls


def greeting(kind: Greeting) -> str:
    if kind is Greeting.MORNING:
        return translate("TerminalText", "Good morning")
    if kind is Greeting.DAY:
        return translate("TerminalText", "Good day")
    return translate("TerminalText", "Good evening")


def confirmation(person: Person, stamped: Stamped, zone: tzinfo) -> tuple[str, str]:
    """The large line ("Good morning, Anna — clocked in 07:58") and the line below it
    (today's time, and whether the stamp still waits on this computer)."""
    line, detail = _confirmation(person, stamped, zone)
    if stamped.waiting:
        saved = translate(
            "TerminalText",
            "Saved on this computer; it goes to TimeTrack as soon as TimeTrack answers.",
        )
        detail = f"{detail}\n{saved}" if detail else saved
    return line, detail


def _confirmation(person: Person, stamped: Stamped, zone: tzinfo) -> tuple[str, str]:
    at = time_text(stamped.at, zone)
    name = person.greeting_name
    worked = translate("TerminalText", "Worked today: %1 h").replace(
        "%1", hours_text(stamped.worked_today)
    )
    if stamped.action is Action.IN:
        hello = greeting(greeting_at(stamped.at.astimezone(zone).time()))
        line = translate("TerminalText", "%1, %2 — clocked in %3")
        return line.replace("%1", hello).replace("%2", name).replace("%3", at), ""
    if stamped.action is Action.OUT:
        line = translate("TerminalText", "Goodbye, %1 — clocked out %2")
        return line.replace("%1", name).replace("%2", at), worked
    if stamped.action is Action.BREAK_START:
        line = translate("TerminalText", "Enjoy your break, %1 — break from %2")
        return line.replace("%1", name).replace("%2", at), worked
    line = translate("TerminalText", "Welcome back, %1 — break ended %2")
    return line.replace("%1", name).replace("%2", at), worked


def standing_text(standing: Standing | None, zone: tzinfo) -> str:
    """Where someone at the choice stands: "Clocked in since 07:58" or on a break."""
    if standing is None or not standing.stamped_in or standing.since is None:
        return ""
    since = time_text(standing.since, zone)
    if standing.on_break:
        return translate("TerminalText", "On a break (clocked in since %1)").replace("%1", since)
    return translate("TerminalText", "Clocked in since %1").replace("%1", since)


def action_text(action: Action) -> str:
    """A choice's button."""
    if action is Action.OUT:
        return translate("TerminalText", "Clock out")
    if action is Action.BREAK_START:
        return translate("TerminalText", "Start break")
    if action is Action.BREAK_END:
        return translate("TerminalText", "End break")
    return translate("TerminalText", "Clock in")


def problem_text(problem: Problem | None, detail: str) -> str:
    """A notice: why nothing was stamped."""
    if problem is Problem.UNKNOWN_BADGE:
        return translate(
            "TerminalText", "This badge or personal number is not known: %1. Nothing was stamped."
        ).replace("%1", detail)
    if problem is Problem.UNKNOWN_NAME:
        return translate("TerminalText", "No employee is named “%1”. Nothing was stamped.").replace(
            "%1", detail
        )
    if problem is Problem.NO_PIN:
        return translate(
            "TerminalText", "No PIN is set for you on this terminal. Please ask your administrator."
        )
    return translate("TerminalText", "Nothing was stamped: %1").replace("%1", detail)


def wrong_pin_text(seconds: float) -> str:
    """Under the PIN field after a wrong PIN (``seconds``: the wait before the next try)."""
    if seconds <= 0:
        return translate("TerminalText", "Wrong PIN. Please try again.")
    return translate("TerminalText", "Wrong PIN. Please wait %1 s.").replace(
        "%1", str(int(seconds + 0.999))
    )
