"""The message that ``TZ`` names no time zone, shown in the window's message bar.

TimeClock then shows and reads local times as UTC, as the C library does, which puts every
time hours off for a person who expects their own zone. The command line says so on
stderr; the window cannot count on anyone reading its stderr, so it says so in the window,
in the person's language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def unreadable_tz_message(value: str) -> str:
    """What the window says when ``TZ`` is set to ``value``, which names no zone."""
    return translate(
        "ZoneNotice",
        'The time zone TZ="%1" is not one TimeClock can read, so times are shown and '
        "entered in UTC. Set TZ to a zone such as Europe/Berlin and start TimeClock again.",
    ).replace("%1", value)
