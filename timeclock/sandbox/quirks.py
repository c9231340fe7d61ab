"""Server quirks: behaviour the vendor's documents allow but a tidy server would not show.

Faults (:mod:`timeclock.sandbox.faults`) are accidents: errors, cuts, damaged answers.
Quirks are the server being *different*, on every request, in ways the documents leave
open (see NOTES.md, "Contradictions and gaps"): a client that recognises its own entries
on the server must survive each of them. All quirks are off by default, and then the
sandbox behaves exactly as without them.

=================  ==========================================================================
field              what the server does
=================  ==========================================================================
whole_seconds      keeps ``from``/``to`` to whole seconds (milliseconds are cut off when
                   stored, and in filters) and writes them ``YYYY-MM-DDTHH:MM:SSZ``
fold_user_case     stores and returns user names in lower case; the user filter ignores case
drip_seconds       sends every answer's body one byte at a time, pausing this long before each
endless_pages      answers every list request with a full page, padded with made-up entries
                   whose ids never repeat, so paging "until a short page" never ends
wrong_id           answers ``GET``/``PUT attendances/{id}`` with another id (``id + 50``)
wrong_user         answers a ``POST`` with another user's name (the entry is stored right)
=================  ==========================================================================

:class:`QuirkControl` holds the quirks in force, so tests can change them while the server
runs (``server.quirks = ...`` or ``PUT /api/v2/ext/_admin/quirks``).
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, TypeVar

from timeclock.sandbox.records import AttendancePatch, NewAttendance

MAX_DRIP_SECONDS: Final = 60.0
WRONG_ID_SHIFT: Final = 50
OTHER_USER: Final = "someone.else"

Entry = TypeVar("Entry", bound=NewAttendance)

# Field name -> its name in the admin endpoint's JSON.
_JSON_NAMES: Final = {
    "whole_seconds": "wholeSeconds",
    "fold_user_case": "foldUserCase",
    "drip_seconds": "dripSeconds",
    "endless_pages": "endlessPages",
    "wrong_id": "wrongId",
    "wrong_user": "wrongUser",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ServerQuirks:
    """Which quirks the sandbox shows (see the module's table); all off by default."""

    whole_seconds: bool = False
    fold_user_case: bool = False
    drip_seconds: float = 0.0
    endless_pages: bool = False
    wrong_id: bool = False
    wrong_user: bool = False

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if field.name == "drip_seconds":
                object.__setattr__(self, field.name, _checked_drip(value))
            elif not isinstance(value, bool):
                raise TypeError(f"{field.name} must be true or false, not {value!r}")

    @property
    def active(self) -> bool:
        """Whether any quirk is on."""
        return self != ServerQuirks()

    # -- what the server keeps ---------------------------------------------------------------

    def kept_moment(self, moment: datetime) -> datetime:
        """A timestamp as the server keeps it (and compares it in filters)."""
        return moment.replace(microsecond=0) if self.whole_seconds else moment

    def kept_user(self, user: str) -> str:
        return user.lower() if self.fold_user_case else user

    def kept_entry(self, entry: Entry) -> Entry:
        """An entry as the server stores (and shows) it."""
        if not (self.whole_seconds or self.fold_user_case):
            return entry  # kept as sent: the common case, without a copy
        return dataclasses.replace(
            entry,
            user=self.kept_user(entry.user),
            start=self.kept_moment(entry.start),
            end=self.kept_moment(entry.end),
        )

    def kept_patch(self, patch: AttendancePatch) -> AttendancePatch:
        """An update as the server applies it."""
        return dataclasses.replace(
            patch,
            start=None if patch.start is None else self.kept_moment(patch.start),
            end=None if patch.end is None else self.kept_moment(patch.end),
        )

    def answer_id(self, entry_id: int) -> int:
        """The id a ``GET``/``PUT`` answer carries for entry ``entry_id``."""
        return entry_id + WRONG_ID_SHIFT if self.wrong_id else entry_id

    def answer_user(self, user: str) -> str:
        """The user a ``POST`` answer carries for an entry stored for ``user``."""
        if not self.wrong_user:
            return user
        return OTHER_USER if user.lower() != OTHER_USER else OTHER_USER + ".2"

    # -- text and JSON -----------------------------------------------------------------------

    def describe(self) -> str:
        """One line for people, e.g. ``whole seconds, drip 0.05 s per byte``; ``none`` if off."""
        parts = [
            text
            for on, text in (
                (self.whole_seconds, "whole seconds"),
                (self.fold_user_case, "user names in lower case"),
                (self.drip_seconds > 0, f"drip {self.drip_seconds:g} s per byte"),
                (self.endless_pages, "endless pages"),
                (self.wrong_id, "wrong ids"),
                (self.wrong_user, "wrong users"),
            )
            if on
        ]
        return ", ".join(parts) or "none"

    def to_json(self) -> dict[str, object]:
        """The quirks as the admin endpoint shows them (and :meth:`from_json` reads them)."""
        return {wire: getattr(self, name) for name, wire in _JSON_NAMES.items()}

    @classmethod
    def from_json(cls, document: Mapping[str, object]) -> ServerQuirks:
        """Quirks from JSON like :meth:`to_json`'s; every key is optional (``{}``: all off).

        Raises ValueError (or TypeError) with a message fit for a 400 answer.
        """
        names = {wire: name for name, wire in _JSON_NAMES.items()}
        unknown = sorted(set(document) - set(names))
        if unknown:
            raise ValueError(f"unknown field(s) {', '.join(unknown)}; known: {sorted(names)}")
        values: dict[str, Any] = {}
        for wire, value in document.items():
            number = wire == "dripSeconds"
            if number and (isinstance(value, bool) or not isinstance(value, int | float)):
                raise TypeError(f"dripSeconds must be a number, not {json.dumps(value)}")
            if not number and not isinstance(value, bool):
                raise TypeError(f"{wire} must be true or false, not {json.dumps(value)}")
            values[names[wire]] = value
        return cls(**values)


class QuirkControl:
    """The quirks in force, replaceable from any thread between (or during) requests."""

    def __init__(self, quirks: ServerQuirks | None = None) -> None:
        self.quirks = quirks if quirks is not None else ServerQuirks()


def parse_drip(text: str) -> float:
    """Seconds between two bytes, e.g. ``0.05``; ValueError otherwise."""
    try:
        seconds = float(text.strip())
    except ValueError:
        raise ValueError(f"not a number of seconds: {text!r} (use e.g. 0.05)") from None
    return _checked_drip(seconds)


def _checked_drip(seconds: object) -> float:
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise TypeError("drip_seconds must be a number of seconds")
    if not (math.isfinite(seconds) and 0 <= seconds <= MAX_DRIP_SECONDS):
        raise ValueError(f"the drip must lie between 0 and {MAX_DRIP_SECONDS:g} s, not {seconds}")
    return float(seconds)
