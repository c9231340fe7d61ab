"""Quirks of ``users``, ``absences`` and ``work_reports``: each way the documents allow.

:mod:`timeclock.sandbox.quirks` does this for attendances. What is known of these three
resources (``other-endpoints.md`` beside NOTES.md, §7) contradicts itself or leaves things
open; each field below makes the sandbox answer in one of the allowed ways, so a client is
tested against all of them. All default to the documented or most plausible reading.

======================  =====================================================================
field                   what the server does
======================  =====================================================================
absent                  these resources do not exist: every request answers 404 (a server,
                        or an account's plan, with attendances only)
forbidden               these resources answer 403 (the key may not read them)
id_key                  ``"id"`` (default) or ``"ID"``: the key of users' and absences' ids
user_key                ``None`` (as documented: ``user`` in absences, ``username`` in daily
                        reports), or ``"user"`` / ``"username"`` in both
user_filter             ``"both"`` (default), or only ``"user"`` / only ``"username"`` is
                        honoured as the user filter; the other is ignored (everyone's records)
numbers_as_text         integers are sent as strings (``"3600"``), booleans as ``1``/``0``
whole_seconds           ``workStart``/``workEnd`` as ``...SSZ`` instead of ``...SS.fffZ``
weekday_from_sunday     ``weekday`` counts 1 = Sunday instead of 1 = Monday (8: a holiday)
difference_flipped      ``workTargetDifference`` is target - worked instead of worked - target
ignore_page_number      paging by ``page_number`` is ignored (the server knows only ``page``):
                        every request gets the first page
======================  =====================================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, Literal

RESOURCES: Final = ("users", "absences", "work_reports")
UserKey = Literal["user", "username"]
UserFilter = Literal["both", "user", "username"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PeopleQuirks:
    """Which of the documented ambiguities the sandbox shows (see the module's table)."""

    absent: frozenset[str] = field(default_factory=frozenset)
    forbidden: frozenset[str] = field(default_factory=frozenset)
    id_key: Literal["id", "ID"] = "id"
    user_key: UserKey | None = None
    user_filter: UserFilter = "both"
    numbers_as_text: bool = False
    whole_seconds: bool = False
    weekday_from_sunday: bool = False
    difference_flipped: bool = False
    ignore_page_number: bool = False

    def __post_init__(self) -> None:
        for name in ("absent", "forbidden"):
            value = frozenset(getattr(self, name))
            unknown = sorted(value - set(RESOURCES))
            if unknown:
                raise ValueError(f"unknown resource(s) {unknown}; known: {list(RESOURCES)}")
            object.__setattr__(self, name, value)
        if self.id_key not in ("id", "ID"):
            raise ValueError(f"id_key must be 'id' or 'ID', not {self.id_key!r}")
        if self.user_key not in (None, "user", "username"):
            raise ValueError(f"user_key must be None, 'user' or 'username', not {self.user_key!r}")
        if self.user_filter not in ("both", "user", "username"):
            raise ValueError(f"user_filter must be both, user or username: {self.user_filter!r}")

    @classmethod
    def without(cls, *resources: str) -> PeopleQuirks:
        """A server that has none of ``resources`` (default: none of the three)."""
        return cls(absent=frozenset(resources or RESOURCES))

    def user_filters(self) -> tuple[str, ...]:
        """The query keys the server reads as the user filter, first one wins."""
        return ("username", "user") if self.user_filter == "both" else (self.user_filter,)

    def number(self, value: int) -> int | str:
        """An Integer field as the server sends it."""
        return str(value) if self.numbers_as_text else value

    def flag(self, value: bool) -> bool | int:
        """A Boolean field as the server sends it."""
        return int(value) if self.numbers_as_text else value
