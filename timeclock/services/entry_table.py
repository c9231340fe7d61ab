"""The entries of the window's list, held so that sorting and totals cost no work per row.

A month of all users is a thousand entries, a year of a larger company a hundred thousand.
Sorting them through a Qt proxy asks the model for two keys per comparison, through
Python, millions of times; summing the totals walks every entry each minute. Here the sort
key of every column is computed once, when the list arrives (in a worker thread), into one
flat list per column; an order is then one ``sorted`` over row numbers with the key list's
``__getitem__`` (no Python call per comparison), and the totals of the closed entries are
summed once. Only the open entries (a handful) change as the clock moves: their keys and
their part of the totals are worked out again on each tick.

The name column shows each user's name from the employee directory
(:mod:`timeclock.services.directory`), given as a mapping of case-folded user names; a user
it does not know shows the user name. Totals per user (the All users view's subtotals per
employee) are summed along with the list's totals: once when the list is built (in the
worker, from the same columns), and per changed row after that, so grouping a hundred
thousand entries costs the window nothing but one row per employee.

Qt-free, so the model of the window (:mod:`timeclock.gui.models`) is only a view of it,
and all of this is tested without a window.
"""

from __future__ import annotations

import dataclasses
import enum
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, MutableSequence, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, TypeAlias

from timeclock.domain.attendance import Attendance, Location
from timeclock.domain.foreground import SLICE, Abandoned, paced, pause_point, sorted_paced
from timeclock.domain.localtime import local_date
from timeclock.domain.refs import entry_id_of
from timeclock.domain.shift import Shift
from timeclock.domain.totals import Totals


class Field(enum.IntEnum):
    """The list's columns, in order."""

    DATE = 0
    NAME = enum.auto()  # the employee's name (All users)
    START = enum.auto()
    END = enum.auto()
    BREAK = enum.auto()
    WORKED = enum.auto()
    NOTES = enum.auto()
    SOURCE = enum.auto()
    LOCATION = enum.auto()
    USER = enum.auto()


# Columns whose key of an open entry moves with the clock.
RUNNING_FIELDS = frozenset({Field.END, Field.BREAK, Field.WORKED})
# Columns sorted the same way as another (the date and the start are the same instant):
# they share one key list and one order.
_SAME_ORDER = {Field.START: Field.DATE}
_KEYED = tuple(field for field in Field if field not in _SAME_ORDER)
# Columns whose keys are numbers of seconds: kept as C doubles (8 bytes a row instead of a
# float object and a pointer, 32 bytes: 10 MB less at 100,000 rows).
_SECONDS = frozenset({Field.DATE, Field.END, Field.BREAK, Field.WORKED})
# A column's order: row numbers as C ints (4 bytes a row instead of an 8-byte pointer; ten
# orders are kept, 4 MB less at 100,000 rows).
Order: TypeAlias = "array[int]"


@dataclass(frozen=True, slots=True)
class SortSpec:
    """Which column the list is sorted by, and which way."""

    field: Field = Field.DATE
    descending: bool = True  # newest on top


def one_line(notes: str) -> str:
    """Notes as one line (runs of white space, line breaks included, as one space)."""
    return " ".join(notes.split())


def source_rank(entry: Attendance, waiting: bool) -> int:
    """The source column's key: manual before time clock, each "not yet sent" after."""
    return (0 if entry.manual else 2) + int(waiting)


def location_key(entry: Attendance) -> tuple[float, ...]:
    """The location column's key: the places' coordinates, none first."""
    places: Iterable[Location | None] = (entry.start_location, entry.end_location)
    return tuple(value for p in places if p is not None for value in (p.latitude, p.longitude))


def sorted_rows(
    rows: Sequence[int], key: Callable[[int], Any], stop: Callable[[], bool] | None = None
) -> list[int]:
    """``rows`` sorted by ``key``, stable, never holding the interpreter lock for long (a
    worker's sort would freeze the window: see :mod:`timeclock.domain.foreground`); ``stop``
    abandons it (:class:`~timeclock.domain.foreground.Abandoned`)."""
    return sorted_paced(rows, key, stop)


def order_field(field: Field) -> Field:
    """The column whose order ``field`` sorts by (the start sorts as the date does)."""
    return _SAME_ORDER.get(field, field)


@dataclass(slots=True)
class _UserSums:
    """One user's part of the closed entries' totals, and the local days of all of them."""

    user: str  # as the first entry spelt it
    worked: timedelta = timedelta()
    breaks: timedelta = timedelta()
    entries: int = 0
    days: Counter[date] = dataclasses.field(default_factory=Counter)


@dataclass(frozen=True, slots=True)
class UserTotals:
    """One user's subtotals in the list: what the footer shows, for that user's rows."""

    user: str
    name: str
    totals: Totals


@dataclass(frozen=True, slots=True)
class _Column:
    """Entries to key, with what several columns' keys need worked out once."""

    entries: Sequence[Attendance]
    waiting: Sequence[bool]
    opens: Sequence[bool]
    minutes: Sequence[int | None] | None  # worked, of closed entries (None: open)


class EntryTable:
    """Entries with their sort keys and totals; a row number names an entry for good.

    Rows are numbered in the order given (the listing's time order); a row added later
    gets the next number, a removed row keeps its number with no entry in it. The table
    keeps, per column asked for, the live rows in ascending order of that column (equal
    keys by row number), and keeps those orders right as rows change; a descending view
    reads one backwards.

    Orders may be computed in a worker thread (:meth:`compute_order`) while the GUI thread
    changes rows; :meth:`install_order` then takes the result only if no change touched
    that column's keys meanwhile.
    """

    def __init__(
        self,
        entries: Sequence[Attendance],
        waiting: Collection[str],
        zone: tzinfo,
        *,
        now: datetime,
        shift: Shift | None = None,
        names: Mapping[str, str] | None = None,
    ) -> None:
        self.zone = zone
        self._names: Mapping[str, str] = names if names is not None else {}
        self._shift = shift or Shift(None)
        self._now = now
        self._waiting: set[str] = set(waiting)
        self._empty()
        self._fill(list(entries))

    def _empty(self) -> None:
        """No rows (the state :meth:`_fill` starts from)."""
        self._entries: list[Attendance | None] = []
        self._numbers: list[int] = []
        self._row_of: dict[int | str, int] = {}  # by _index_key
        self._keys: dict[Field, MutableSequence[Any]] = {field: [] for field in _KEYED}
        self._orders: dict[Field, Order] = {}
        self._versions: dict[Field, int] = dict.fromkeys(Field, 0)
        self._open: set[int] = set()
        self._days: Counter[date] = Counter()
        self._closed_worked = timedelta()
        self._closed_breaks = timedelta()
        self._located = 0
        self._by_user: dict[str, _UserSums] = {}
        self._widest: dict[Field, int | None] = dict.fromkeys(
            (Field.NAME, Field.USER, Field.LOCATION)
        )

    def release(self) -> None:
        """Let go of every row, a slice at a time with pause points, leaving the table
        empty: for a worker, once the table is shown no more. Dropped at once in the
        window's thread, the entries of 100,000 rows took 18 to 25 ms to free."""
        columns: list[MutableSequence[Any]] = [self._entries, self._numbers]
        for rows in [*columns, *self._keys.values(), *self._orders.values()]:
            while rows:
                pause_point()
                del rows[-SLICE:]
        row_of = self._row_of
        while row_of:
            pause_point()
            for _ in range(min(SLICE, len(row_of))):
                row_of.popitem()
        versions = self._versions  # an order made before is of no use once it is empty
        self._waiting = set()
        self._empty()
        self._versions = {field: version + 1 for field, version in versions.items()}

    def _fill(self, entries: list[Attendance]) -> None:
        """Take ``entries`` in, column by column (a new list of a hundred thousand)."""
        rows = range(len(entries))
        self._entries = list(entries)
        # One int object per row number, shared by the index, rows() and every order.
        self._numbers = list(rows)
        self._row_of = dict(zip(map(_index_key, paced(entries)), self._numbers, strict=True))
        opens = [entry.is_open for entry in paced(entries)]
        waiting = self._waiting
        marked = [e.ref in waiting for e in paced(entries)] if waiting else [False] * len(rows)
        # Whole minutes (ints the entries hold already), not a timedelta made per entry.
        minutes = [
            None if o else e.closed_minutes() for e, o in zip(paced(entries), opens, strict=True)
        ]
        column = _Column(entries, marked, opens, minutes)
        for field in _KEYED:
            keys = self._key_column(field, column)
            self._keys[field] = array("d", keys) if field in _SECONDS else keys
        # Every pass over the rows is paced, the ones in C too (a Counter or a sum over
        # 100,000 items holds the interpreter lock for 10 to 25 ms): see domain.foreground.
        self._open = {row for row, o in zip(paced(rows), opens, strict=True) if o}
        self._closed_worked = timedelta(minutes=sum(m for m in paced(minutes) if m is not None))
        self._closed_breaks = timedelta(
            minutes=sum(
                e.break_minutes for e, o in zip(paced(entries), opens, strict=True) if not o
            )
        )
        # One date object per day, not per entry: the users' day counts keep them.
        one_of: dict[date, date] = {}
        zone = self.zone
        days = [
            one_of.setdefault(day, day)
            for day in (local_date(entry.start, zone) for entry in paced(entries))
        ]
        self._days = Counter(paced(days))
        self._by_user = {}
        # Gathered per user spelling (a handful), then counted and added up in C: no call
        # per entry, and no (user, day) pair made per entry (11 MB at 100,000 entries).
        days_of: dict[str, list[date]] = {}
        times: dict[str, list[int]] = {}
        breaks: Counter[str] = Counter()
        for entry, day, time in zip(paced(entries), days, minutes, strict=True):
            user = entry.user
            user_days = days_of.get(user)
            if user_days is None:
                user_days = days_of[user] = []
            user_days.append(day)
            if time is not None:
                times.setdefault(user, []).append(time)
                breaks[user] += entry.break_minutes
        for user, user_days in days_of.items():
            sums = self._sums_of(user)
            sums.entries += len(user_days)
            sums.days.update(paced(user_days))
        for user, spans in times.items():
            sums = self._sums_of(user)
            sums.worked += timedelta(minutes=sum(paced(spans)))
            sums.breaks += timedelta(minutes=breaks[user])
        self._located = sum(1 for key in paced(self._keys[Field.LOCATION]) if key)
        for field in self._widest:
            lengths = [len(key) for key in paced(self._keys[field])]
            self._widest[field] = max(paced(rows), key=lengths.__getitem__, default=None)

    # -- reading ------------------------------------------------------------------------

    def __len__(self) -> int:
        """The number of live rows."""
        return len(self._row_of)

    def entry(self, row: int) -> Attendance:
        """The entry in row ``row`` (a live one)."""
        entry = self._entries[row]
        if entry is None:
            raise KeyError(row)
        return entry

    def row_of(self, ref: str) -> int | None:
        """The row of the entry ``ref`` (:attr:`Attendance.ref`), if it is in the table."""
        return self._row_of.get(_ref_index_key(ref))

    def rows(self) -> list[int]:
        """The live rows, in the order the entries came."""
        if len(self._row_of) == len(self._entries):
            return self._numbers[:]
        return [
            row
            for row, entry in zip(self._numbers, self._entries, strict=True)
            if entry is not None
        ]

    def live_entries(self) -> list[Attendance]:
        """The live entries, in row order (a pass in C: the window's thread may ask)."""
        return list(filter(None, self._entries))

    def waiting_refs(self) -> frozenset[str]:
        """The references of the entries marked as not yet on TimeTrack."""
        return frozenset(self._waiting)

    def name(self, row: int) -> str:
        """The name column's text of ``row``: the employee's name, else the user name."""
        user = self.entry(row).user
        return self._names.get(user.casefold(), user)

    @property
    def names(self) -> Mapping[str, str]:
        """The names the table was made with (by case-folded user name)."""
        return self._names

    def compute_names(self, names: Mapping[str, str]) -> tuple[int, list[Any]]:
        """The name column's keys with ``names`` and the version they were made from; only
        reads, so a worker thread may run it (see :meth:`install_names`). Names that come
        after the list was made change that one column, not the whole table."""
        version = self._versions[Field.NAME]
        users = {entry.user for entry in paced(self._entries) if entry is not None}
        key_of = {user: names.get(user.casefold(), user).casefold() for user in users}
        old = self._keys[Field.NAME]
        return version, [
            old[row] if entry is None else key_of[entry.user]
            for row, entry in enumerate(paced(self._entries))
        ]

    def install_names(self, names: Mapping[str, str], version: int, keys: list[Any]) -> bool:
        """Take ``names`` with their keys (from :meth:`compute_names`) unless rows changed
        since; the name column's order is then to be made again."""
        if version != self._versions[Field.NAME] or len(keys) != len(self._entries):
            return False
        self._names = names
        self._keys[Field.NAME] = keys
        self._versions[Field.NAME] += 1
        self._orders.pop(Field.NAME, None)
        lengths = [len(key) for key in keys]
        self._widest[Field.NAME] = max(self._row_of.values(), key=lengths.__getitem__, default=None)
        return True

    def totals_by_user(self, now: datetime | None = None) -> list[UserTotals]:
        """:meth:`totals` of each user's rows, by name; they add up to :meth:`totals`
        (entries, worked and break; days are counted per user)."""
        now = self._now if now is None else now
        running: dict[str, tuple[timedelta, timedelta]] = {}
        for row in self._open:
            entry = self.entry(row)
            worked, breaks = running.get(entry.user.casefold(), (timedelta(), timedelta()))
            running[entry.user.casefold()] = (
                worked + self._shift.worked_in(entry, now),
                breaks + self._shift.break_in(entry, now),
            )
        found = []
        for key, sums in self._by_user.items():
            if not sums.entries:
                continue
            worked, breaks = running.get(key, (timedelta(), timedelta()))
            totals = Totals(
                worked=sums.worked + worked,
                breaks=sums.breaks + breaks,
                days=len(sums.days),
                entries=sums.entries,
            )
            found.append(UserTotals(sums.user, self._names.get(key, sums.user), totals))
        return sorted(found, key=lambda t: (t.name.casefold(), t.user.casefold()))

    def is_waiting(self, ref: str) -> bool:
        """Whether entry ``ref`` shows a change not yet on TimeTrack."""
        return ref in self._waiting

    def row_is_waiting(self, row: int) -> bool:
        """:meth:`is_waiting` for the entry of ``row`` (asked at every paint of a cell:
        the entry's reference is only written out when some entry waits)."""
        return bool(self._waiting) and self.entry(row).ref in self._waiting

    @property
    def open_rows(self) -> frozenset[int]:
        """The rows of open entries: what changes as the clock moves."""
        return frozenset(self._open)

    @property
    def has_locations(self) -> bool:
        """Whether some entry has a position (the location column is worth showing)."""
        return self._located > 0

    @property
    def shift(self) -> Shift:
        """The user's shift at this desk: its open entry counts the breaks timed here."""
        return self._shift

    def worked(self, row: int) -> timedelta:
        """Time worked in the entry of ``row``, an open one up to the latest tick."""
        return self._shift.worked_in(self.entry(row), self._now)

    def break_time(self, row: int) -> timedelta:
        """Break time of the entry of ``row``, an open one up to the latest tick."""
        return self._shift.break_in(self.entry(row), self._now)

    def totals(self, now: datetime | None = None) -> Totals:
        """What the footer shows for all live rows, open entries counted to ``now`` (by
        default the latest tick)."""
        now = self._now if now is None else now
        worked, breaks = self._closed_worked, self._closed_breaks
        for row in self._open:
            worked += self._shift.worked_in(self.entry(row), now)
            breaks += self._shift.break_in(self.entry(row), now)
        return Totals(worked=worked, breaks=breaks, days=len(self._days), entries=len(self))

    @property
    def next_row(self) -> int:
        """The row the next new entry gets."""
        return len(self._entries)

    def widest_rows(self) -> set[int]:
        """Rows with the longest texts that may be anywhere in the list (user name, places),
        for sizing columns by a sample of rows."""
        for field, row in self._widest.items():
            if row is not None and self._entries[row] is None:  # gone: look again
                keys = self._key_list(field)
                self._widest[field] = max(
                    self._row_of.values(), key=lambda r: len(keys[r]), default=None
                )
        return {row for row in self._widest.values() if row is not None}

    def key_of(self, field: Field, entry: Attendance, *, waiting: bool | None = None) -> Any:
        """The key ``entry`` would have in ``field`` (as of the latest tick), marked as
        waiting or not (None: as the table has it now)."""
        marked = entry.ref in self._waiting if waiting is None else waiting
        return self._key_column(field, _Column([entry], [marked], [entry.is_open], None))[0]

    def _key_column(self, field: Field, column: _Column) -> list[Any]:
        """The keys in ``field`` of the column's entries: the one rule for a key, for one
        entry or for a whole list at once (comprehensions, not a call per entry and field)."""
        now, shift, entries, opens = self._now, self._shift, column.entries, column.opens
        if field in (Field.DATE, Field.START):
            return [entry.start.timestamp() for entry in paced(entries)]
        if field == Field.NAME:
            names = self._names  # one look-up per user, not per entry
            users = {entry.user for entry in paced(entries)}
            key_of = {user: names.get(user.casefold(), user).casefold() for user in users}
            return [key_of[entry.user] for entry in paced(entries)]
        if field == Field.END:
            stamp = now.timestamp()
            return [
                stamp if o else e.end.timestamp()
                for e, o in zip(paced(entries), opens, strict=True)
            ]
        if field == Field.BREAK:
            return [
                shift.break_in(e, now).total_seconds() if o else e.break_minutes * 60.0
                for e, o in zip(paced(entries), opens, strict=True)
            ]
        if field == Field.WORKED:
            minutes = column.minutes or [
                None if o else e.closed_minutes()
                for e, o in zip(paced(entries), opens, strict=True)
            ]
            return [
                shift.worked_in(e, now).total_seconds() if m is None else m * 60.0
                for e, m in zip(paced(entries), minutes, strict=True)
            ]
        if field == Field.NOTES:
            return [one_line(e.notes).casefold() if e.notes else "" for e in paced(entries)]
        if field == Field.SOURCE:
            return [
                source_rank(e, marked)
                for e, marked in zip(paced(entries), column.waiting, strict=True)
            ]
        if field == Field.LOCATION:
            return [
                location_key(e) if e.start_location or e.end_location else ()
                for e in paced(entries)
            ]
        folded = {user: user.casefold() for user in {entry.user for entry in paced(entries)}}
        return [folded[entry.user] for entry in paced(entries)]  # one string per user

    # -- orders -------------------------------------------------------------------------

    def ascending(self, field: Field) -> Order | None:
        """The live rows in ascending order of ``field``, if that order was made (the
        table keeps this very list right as rows change)."""
        return self._orders.get(_SAME_ORDER.get(field, field))

    def compute_order(
        self, field: Field, stop: Callable[[], bool] | None = None
    ) -> tuple[int, Order] | None:
        """The ascending order of ``field`` and the keys' version it was made from; only
        reads, so a worker thread may run it (see :meth:`install_order`). None if ``stop``
        said so before it was made."""
        field = _SAME_ORDER.get(field, field)
        version = self._versions[field]
        try:
            rows = sorted_rows(self.rows(), self._key_list(field).__getitem__, stop)
        except Abandoned:
            return None
        return version, array("i", rows)

    def install_order(self, field: Field, version: int, order: Order) -> bool:
        """Keep ``order`` (from :meth:`compute_order`) unless the keys changed since."""
        field = _SAME_ORDER.get(field, field)
        if version != self._versions[field]:
            return False
        self._orders[field] = order
        return True

    def missing_orders(self) -> list[Field]:
        """The columns whose order is not made yet (one per order: the start's is the
        date's)."""
        return [field for field in Field if field not in _SAME_ORDER and field not in self._orders]

    def order_of(self, field: Field) -> Order:
        """The ascending order of ``field``, made here and now if it was not yet."""
        field = _SAME_ORDER.get(field, field)
        order = self._orders.get(field)
        if order is None:
            made = self.compute_order(field)
            assert made is not None  # nothing can stop it
            version, order = made
            self.install_order(field, version, order)
        return order

    def position_for(self, field: Field, order: Order, row: int, key: Any) -> int:
        """Where ``row`` with ``key`` belongs in ``order``, the ascending order of
        ``field`` without ``row``: equal keys in row order."""
        keys = self._key_list(field)
        low, high = 0, len(order)
        while low < high:
            middle = (low + high) // 2
            if _before(keys[order[middle]], order[middle], key, row):
                low = middle + 1
            else:
                high = middle
        return low

    def stays_at(
        self, field: Field, position: int, entry: Attendance, *, waiting: bool | None = None
    ) -> bool:
        """Whether the row at ``position`` of ``field``'s order keeps that place once it
        holds ``entry`` (so a change of it moves no row)."""
        order, keys = self.order_of(field), self._key_list(field)
        row, key = order[position], self.key_of(field, entry, waiting=waiting)
        after_previous = position == 0 or _before(
            keys[order[position - 1]], order[position - 1], key, row
        )
        before_next = position == len(order) - 1 or _before(
            key, row, keys[order[position + 1]], order[position + 1]
        )
        return after_previous and before_next

    # -- changing -----------------------------------------------------------------------

    def moved_on(self, now: datetime, shift: Shift | None = None) -> None:
        """The clock moved on (and the shift may have changed): open entries count anew."""
        self._now = now
        if shift is not None:
            self._shift = shift
        if not self._open:
            return
        for field in RUNNING_FIELDS:
            self._versions[field] += 1
        for row in self._open:
            self._set_running_keys(row)
            self._reorder(row, RUNNING_FIELDS)

    def put(self, entry: Attendance, *, waiting: bool) -> tuple[int, bool]:
        """Replace the entry of the same reference, or add it; returns its row and whether
        it is new."""
        if waiting:
            self._waiting.add(entry.ref)
        else:
            self._waiting.discard(entry.ref)
        for field in Field:
            self._versions[field] += 1
        row = self._row_of.get(_index_key(entry))
        if row is None:
            row = self._append(entry)
            self._reorder(row, Field, new=True)
            return row, True
        self._forget(row)
        self._entries[row] = entry
        self._remember(row, entry)
        self._reorder(row, Field)
        return row, False

    def drop(self, ref: str) -> int | None:
        """Remove the entry ``ref``; returns the row it had, if it was in the table."""
        self._waiting.discard(ref)
        row = self._row_of.pop(_ref_index_key(ref), None)
        if row is not None:
            for field in Field:
                self._versions[field] += 1
            self._forget(row)
            self._entries[row] = None
            for order in self._orders.values():
                order.remove(row)
        return row

    def _reorder(self, row: int, fields: Iterable[Field], *, new: bool = False) -> None:
        """Put ``row`` in its place in the kept orders of ``fields`` (its keys changed)."""
        for field in fields:
            order = self._orders.get(field)
            if order is None:
                continue
            if not new:
                order.remove(row)
            order.insert(self.position_for(field, order, row, self._key_list(field)[row]), row)

    def _append(self, entry: Attendance) -> int:
        row = len(self._entries)
        self._entries.append(entry)
        self._numbers.append(row)
        for field, keys in self._keys.items():
            keys.append(self.key_of(field, entry))
        self._remember(row, entry)
        return row

    def _remember(self, row: int, entry: Attendance) -> None:
        """Count ``entry`` (in ``row``) in the keys, the index and the totals."""
        self._row_of[_index_key(entry)] = row
        for field, keys in self._keys.items():
            keys[row] = self.key_of(field, entry)
        self._located += bool(self._keys[Field.LOCATION][row])
        for field, widest in self._widest.items():
            keys = self._keys[field]
            if widest is None or len(keys[row]) > len(keys[widest]):
                self._widest[field] = row
        day = local_date(entry.start, self.zone)
        self._days[day] += 1
        sums = self._sums_of(entry.user)
        sums.entries += 1
        sums.days[day] += 1
        if entry.is_open:
            self._open.add(row)
            return
        worked, breaks = entry.worked_until(self._now), timedelta(minutes=entry.break_minutes)
        self._closed_worked += worked
        self._closed_breaks += breaks
        sums.worked += worked
        sums.breaks += breaks

    def _forget(self, row: int) -> None:
        """Take the entry of ``row`` out of the totals (its keys are overwritten later)."""
        entry = self.entry(row)
        self._located -= bool(self._keys[Field.LOCATION][row])
        day = local_date(entry.start, self.zone)
        self._days[day] -= 1
        if not self._days[day]:
            del self._days[day]
        sums = self._sums_of(entry.user)
        sums.entries -= 1
        sums.days[day] -= 1
        if not sums.days[day]:
            del sums.days[day]
        if row in self._open:
            self._open.discard(row)
            return
        worked, breaks = entry.worked_until(self._now), timedelta(minutes=entry.break_minutes)
        self._closed_worked -= worked
        self._closed_breaks -= breaks
        sums.worked -= worked
        sums.breaks -= breaks

    def _key_list(self, field: Field) -> MutableSequence[Any]:
        """The keys of ``field`` (the start's are the date's)."""
        return self._keys[_SAME_ORDER.get(field, field)]

    def _sums_of(self, user: str) -> _UserSums:
        key = user.casefold()
        sums = self._by_user.get(key)
        if sums is None:
            sums = self._by_user[key] = _UserSums(user)
        return sums

    def _set_running_keys(self, row: int) -> None:
        entry = self.entry(row)
        for field in RUNNING_FIELDS:
            self._keys[field][row] = self.key_of(field, entry)


def _index_key(entry: Attendance) -> int | str:
    """What the table finds ``entry`` by: its server id (an int it holds anyway), or its
    local reference while it has one (see :attr:`Attendance.ref`); a string per row would
    be 5 MB at 100,000 rows."""
    return entry.id if entry.known_by_id and entry.id is not None else entry.ref


def _ref_index_key(ref: str) -> int | str:
    """The :func:`_index_key` of the entry whose :attr:`Attendance.ref` is ``ref``."""
    entry_id = entry_id_of(ref)
    return ref if entry_id is None else entry_id


def _before(key: Any, row: int, other_key: Any, other_row: int) -> bool:
    """Whether (``key``, ``row``) comes before (``other_key``, ``other_row``) ascending."""
    if key == other_key:
        return row < other_row
    return bool(key < other_key)


@dataclass(frozen=True, slots=True)
class ArrangedTable:
    """A table with the order of one column made, off the GUI thread."""

    table: EntryTable
    spec: SortSpec


def arrange(
    entries: Sequence[Attendance],
    waiting: Collection[str],
    zone: tzinfo,
    *,
    spec: SortSpec,
    clock: Callable[[], datetime],
    shift: Shift | None = None,
    names: Mapping[str, str] | None = None,
) -> ArrangedTable:
    """Build the table of ``entries`` and sort it by ``spec`` (the work of a new list)."""
    table = EntryTable(entries, waiting, zone, now=clock(), shift=shift, names=names)
    table.order_of(spec.field)
    return ArrangedTable(table, spec)
