"""German public holidays per state (statewide ones only), computed, without any lookup.

Holidays that hold only in some towns or districts (Fronleichnam in parts of Saxony and
Thuringia, Mariä Himmelfahrt in Catholic Bavarian communities, the Augsburg peace festival)
are left out: a state-wide working model cannot know the town. Rules follow the states'
holiday laws with the year each came into force; years before 1991 are computed with the
rules of reunified Germany (no West German 17 June), which is all working-time records need.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

from timeclock.domain.errors import TimeClockError

#: The 16 states by their ISO 3166-2:DE codes without the ``DE-`` prefix.
STATES: tuple[str, ...] = (
    "BW",  # Baden-Württemberg
    "BY",  # Bayern
    "BE",  # Berlin
    "BB",  # Brandenburg
    "HB",  # Bremen
    "HH",  # Hamburg
    "HE",  # Hessen
    "MV",  # Mecklenburg-Vorpommern
    "NI",  # Niedersachsen
    "NW",  # Nordrhein-Westfalen
    "RP",  # Rheinland-Pfalz
    "SL",  # Saarland
    "SN",  # Sachsen
    "ST",  # Sachsen-Anhalt
    "SH",  # Schleswig-Holstein
    "TH",  # Thüringen
)


class UnknownStateError(TimeClockError, ValueError):
    """A state code that is not one of :data:`STATES`."""


@dataclass(frozen=True, slots=True)
class Holiday:
    """One public holiday's name, in German and in English."""

    name_de: str
    name_en: str


class _Name(enum.Enum):
    NEW_YEAR = Holiday("Neujahr", "New Year's Day")
    EPIPHANY = Holiday("Heilige Drei Könige", "Epiphany")
    WOMENS_DAY = Holiday("Internationaler Frauentag", "International Women's Day")
    GOOD_FRIDAY = Holiday("Karfreitag", "Good Friday")
    EASTER_SUNDAY = Holiday("Ostersonntag", "Easter Sunday")
    EASTER_MONDAY = Holiday("Ostermontag", "Easter Monday")
    LABOUR_DAY = Holiday("Tag der Arbeit", "Labour Day")
    LIBERATION_DAY = Holiday("Tag der Befreiung", "Liberation Day")
    ASCENSION = Holiday("Christi Himmelfahrt", "Ascension Day")
    WHIT_SUNDAY = Holiday("Pfingstsonntag", "Whit Sunday")
    WHIT_MONDAY = Holiday("Pfingstmontag", "Whit Monday")
    CORPUS_CHRISTI = Holiday("Fronleichnam", "Corpus Christi")
    ASSUMPTION = Holiday("Mariä Himmelfahrt", "Assumption Day")
    CHILDRENS_DAY = Holiday("Weltkindertag", "World Children's Day")
    UNITY_DAY = Holiday("Tag der Deutschen Einheit", "German Unity Day")
    REFORMATION_DAY = Holiday("Reformationstag", "Reformation Day")
    ALL_SAINTS = Holiday("Allerheiligen", "All Saints' Day")
    REPENTANCE_DAY = Holiday("Buß- und Bettag", "Day of Repentance and Prayer")
    CHRISTMAS_DAY = Holiday("1. Weihnachtstag", "Christmas Day")
    BOXING_DAY = Holiday("2. Weihnachtstag", "Boxing Day")


def easter_sunday(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _repentance_day(year: int) -> date:
    """The Wednesday before 23 November (between the 16th and the 22nd)."""
    nov_22 = date(year, 11, 22)
    return nov_22 - timedelta(days=(nov_22.weekday() - 2) % 7)


_ALL = frozenset(STATES)


def _states(*codes: str) -> frozenset[str]:
    return frozenset(codes)


@dataclass(frozen=True, slots=True)
class _Rule:
    """A holiday, the day it falls on in a year, and where and when it is law."""

    name: _Name
    day: Callable[[int], date]
    states: frozenset[str]
    first_year: int | None = None
    last_year: int | None = None

    def applies(self, year: int, state: str) -> bool:
        if self.first_year is not None and year < self.first_year:
            return False
        if self.last_year is not None and year > self.last_year:
            return False
        return state in self.states


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _from_easter(days: int) -> Callable[[int], date]:
    return lambda year: easter_sunday(year) + timedelta(days=days)


_REFORMATION_EAST = _states("BB", "MV", "SN", "ST", "TH")
_REFORMATION_NORTH = _states("HB", "HH", "NI", "SH")

_RULES: tuple[_Rule, ...] = (
    _Rule(_Name.NEW_YEAR, _fixed(1, 1), _ALL),
    _Rule(_Name.EPIPHANY, _fixed(1, 6), _states("BW", "BY", "ST")),
    _Rule(_Name.WOMENS_DAY, _fixed(3, 8), _states("BE"), first_year=2019),
    _Rule(_Name.WOMENS_DAY, _fixed(3, 8), _states("MV"), first_year=2023),
    _Rule(_Name.GOOD_FRIDAY, _from_easter(-2), _ALL),
    _Rule(_Name.EASTER_SUNDAY, _from_easter(0), _states("BB")),
    _Rule(_Name.EASTER_MONDAY, _from_easter(1), _ALL),
    _Rule(_Name.LABOUR_DAY, _fixed(5, 1), _ALL),
    # Berlin's one-off holidays for the 75th and 80th anniversary of the end of the war.
    _Rule(_Name.LIBERATION_DAY, _fixed(5, 8), _states("BE"), first_year=2020, last_year=2020),
    _Rule(_Name.LIBERATION_DAY, _fixed(5, 8), _states("BE"), first_year=2025, last_year=2025),
    _Rule(_Name.ASCENSION, _from_easter(39), _ALL),
    _Rule(_Name.WHIT_SUNDAY, _from_easter(49), _states("BB")),
    _Rule(_Name.WHIT_MONDAY, _from_easter(50), _ALL),
    _Rule(_Name.CORPUS_CHRISTI, _from_easter(60), _states("BW", "BY", "HE", "NW", "RP", "SL")),
    _Rule(_Name.ASSUMPTION, _fixed(8, 15), _states("SL")),
    _Rule(_Name.CHILDRENS_DAY, _fixed(9, 20), _states("TH"), first_year=2019),
    _Rule(_Name.UNITY_DAY, _fixed(10, 3), _ALL, first_year=1990),
    _Rule(_Name.REFORMATION_DAY, _fixed(10, 31), _REFORMATION_EAST),
    _Rule(_Name.REFORMATION_DAY, _fixed(10, 31), _REFORMATION_NORTH, first_year=2018),
    # 2017, the 500th anniversary: a one-off holiday in every state.
    _Rule(
        _Name.REFORMATION_DAY,
        _fixed(10, 31),
        _ALL - _REFORMATION_EAST,
        first_year=2017,
        last_year=2017,
    ),
    _Rule(_Name.ALL_SAINTS, _fixed(11, 1), _states("BW", "BY", "NW", "RP", "SL")),
    # Abolished everywhere but Saxony from 1995 on (to fund the long-term care insurance).
    _Rule(_Name.REPENTANCE_DAY, _repentance_day, _states("SN")),
    _Rule(_Name.REPENTANCE_DAY, _repentance_day, _ALL - {"SN"}, last_year=1994),
    _Rule(_Name.CHRISTMAS_DAY, _fixed(12, 25), _ALL),
    _Rule(_Name.BOXING_DAY, _fixed(12, 26), _ALL),
)


def check_state(state: str) -> str:
    """``state`` if it is one of :data:`STATES`, else :class:`UnknownStateError`."""
    if state not in _ALL:
        raise UnknownStateError(
            f"{state!r} is not a German state code (one of {', '.join(STATES)})"
        )
    return state


@functools.lru_cache(maxsize=256)
def _year(year: int, state: str) -> Mapping[date, Holiday]:
    """The holidays of one year and state, computed once (checks ask per entry)."""
    found = {rule.day(year): rule.name.value for rule in _RULES if rule.applies(year, state)}
    return MappingProxyType(dict(sorted(found.items())))


def holidays(year: int, state: str) -> dict[date, Holiday]:
    """Every statewide public holiday of ``state`` in ``year``, in calendar order."""
    return dict(_year(year, check_state(state)))


def is_holiday(day: date, state: str) -> Holiday | None:
    """The public holiday ``day`` is in ``state``, or ``None`` for a working day."""
    return _year(day.year, check_state(state)).get(day)
