"""The list's table: sort orders from keys computed once, totals kept as rows change."""

from __future__ import annotations

import random
from array import array
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from timeclock.domain.attendance import Attendance, Location
from timeclock.domain.shift import BreakLog, Shift
from timeclock.domain.totals import totals
from timeclock.services import entry_table
from timeclock.services.entry_table import EntryTable, Field, SortSpec, arrange

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


def entry(
    entry_id: int,
    start: datetime,
    hours: float | None = 8,
    *,
    user: str = "hansm",
    break_minutes: int = 0,
    notes: str = "",
    manual: bool = False,
    location: Location | None = None,
) -> Attendance:
    """A closed entry of ``hours``, or with ``hours=None`` an open one."""
    end = start if hours is None else start + timedelta(hours=hours)
    return Attendance(
        id=entry_id,
        user=user,
        start=start,
        end=end,
        break_minutes=break_minutes,
        notes=notes,
        manual=manual,
        start_location=location,
    )


def day(n: int, hour: int = 7) -> datetime:
    return datetime(2026, 3, n, hour, 0, tzinfo=UTC)


def sample() -> list[Attendance]:
    return [
        entry(1, day(2), 8, break_minutes=30, notes="Inventur\n Lager", user="ivan"),
        entry(2, day(3), 4, manual=True, location=Location(52.5, 13.4)),
        entry(3, day(4), 6, notes="anfang", user="Anna"),
        entry(4, day(10, 8), None),  # open since 08:00 UTC: 7 h by NOW
    ]


def shown_order(table: EntryTable, spec: SortSpec) -> list[int]:
    """The rows as a view sorted by ``spec`` shows them: a descending sort reads the
    ascending order backwards."""
    ascending = table.order_of(spec.field)
    return ascending[::-1] if spec.descending else list(ascending)


def refs(table: EntryTable, order: list[int]) -> list[str]:
    return [table.entry(row).ref for row in order]


def test_every_column_sorts_by_its_meaning_not_its_text() -> None:
    table = EntryTable(sample(), {"id:3"}, BERLIN, now=NOW)

    by = {
        field: refs(table, shown_order(table, SortSpec(field, descending=False))) for field in Field
    }

    assert by[Field.DATE] == by[Field.START] == ["id:1", "id:2", "id:3", "id:4"]
    assert by[Field.END] == ["id:1", "id:2", "id:3", "id:4"]  # the open one ends now
    assert by[Field.WORKED] == ["id:2", "id:3", "id:4", "id:1"]  # 4 h, 6 h, 7 h, 7:30 h
    assert by[Field.BREAK][-1] == "id:1"
    assert by[Field.NOTES] == ["id:2", "id:4", "id:3", "id:1"]  # "", "", anfang, inventur
    assert by[Field.SOURCE] == ["id:2", "id:1", "id:4", "id:3"]  # manual, clock, clock waiting
    assert by[Field.LOCATION][-1] == "id:2"
    assert by[Field.USER] == ["id:3", "id:2", "id:4", "id:1"]  # anna, hansm, hansm, ivan


def test_descending_reads_the_ascending_order_backwards() -> None:
    table = EntryTable(sample(), (), BERLIN, now=NOW)

    assert refs(table, shown_order(table, SortSpec(Field.DATE))) == ["id:4", "id:3", "id:2", "id:1"]
    # Two entries have no notes: ascending in the order they came, so here the last first.
    notes = refs(table, shown_order(table, SortSpec(Field.NOTES)))
    assert notes == ["id:1", "id:3", "id:4", "id:2"]


def test_open_entries_count_up_as_the_clock_moves_and_resort() -> None:
    table = EntryTable(sample(), (), BERLIN, now=NOW)
    worked = SortSpec(Field.WORKED)
    assert refs(table, shown_order(table, worked))[0] == "id:1"  # 7:30 h beats the open 7 h

    table.moved_on(NOW + timedelta(hours=1))

    assert refs(table, shown_order(table, worked))[0] == "id:4"  # 8 h now
    assert table.worked(table.row_of("id:4") or 0) == timedelta(hours=8)


def test_the_shift_counts_the_breaks_timed_on_this_desk() -> None:
    entries = sample()
    shift = Shift(entries[3], BreakLog("id:4", timedelta(minutes=45)))
    table = EntryTable(entries, (), BERLIN, now=NOW, shift=shift)

    assert table.worked(3) == timedelta(hours=6, minutes=15)
    assert table.totals() == totals(entries, NOW, BERLIN, shift)


def test_totals_match_the_domain_sum_through_every_change() -> None:
    entries = sample()
    table = EntryTable(entries, (), BERLIN, now=NOW)
    assert table.totals() == totals(entries, NOW, BERLIN)

    changed = entry(2, day(3), 5, break_minutes=15, manual=True)
    row, new = table.put(changed, waiting=True)
    assert (row, new) == (1, False)
    entries[1] = changed
    assert table.totals() == totals(entries, NOW, BERLIN)
    assert table.is_waiting("id:2")

    added = entry(9, day(5), 2)
    assert table.put(added, waiting=False) == (4, True)
    entries.append(added)
    assert table.totals() == totals(entries, NOW, BERLIN)

    assert table.drop("id:4") == 3  # the open one
    assert table.drop("id:4") is None
    entries = [e for e in entries if e.ref != "id:4"]
    assert table.totals() == totals(entries, NOW, BERLIN)
    assert len(table) == 4 and table.row_of("id:4") is None
    assert refs(table, shown_order(table, SortSpec(Field.DATE, descending=False))) == [
        "id:1",
        "id:2",
        "id:3",
        "id:9",
    ]


def test_a_row_waits_as_its_entry_does() -> None:
    table = EntryTable(sample(), (), BERLIN, now=NOW)
    assert not any(table.row_is_waiting(row) for row in range(len(table)))

    row, _new = table.put(entry(2, day(3), 5), waiting=True)
    assert [table.row_is_waiting(r) for r in range(len(table))] == [
        r == row for r in range(len(table))
    ]
    assert table.is_waiting("id:2")
    table.put(entry(2, day(3), 5), waiting=False)  # TimeTrack has it now
    assert not table.row_is_waiting(row)


def test_days_are_local_days_and_an_emptied_day_no_longer_counts() -> None:
    late = entry(1, datetime(2026, 3, 2, 23, 30, tzinfo=UTC), 1)  # 3 March in Berlin
    table = EntryTable([late, entry(2, day(3), 1)], (), BERLIN, now=NOW)
    assert table.totals().days == 1

    table.drop("id:2")
    table.put(entry(3, day(5), 1), waiting=False)

    assert table.totals().days == 2


def test_the_location_column_is_worth_showing_while_some_entry_has_a_place() -> None:
    table = EntryTable(sample(), (), BERLIN, now=NOW)
    assert table.has_locations

    table.put(entry(2, day(3), 4, manual=True), waiting=False)

    assert not table.has_locations


@pytest.mark.parametrize("field", list(Field))
@pytest.mark.parametrize("seed", [False, True])
def test_a_changed_row_finds_the_place_a_full_sort_gives_it(field: Field, seed: bool) -> None:
    rng = random.Random(f"{field}{seed}")
    entries = [
        entry(
            n,
            day(1 + rng.randrange(3), 6 + rng.randrange(3)),
            rng.choice([None, 2, 4, 8]) if n % 7 else None,
            user=rng.choice(["anna", "Bert", "carl"]),
            notes=rng.choice(["", "a", "b"]),
            manual=rng.random() < 0.5,
            break_minutes=rng.choice([0, 15]),
        )
        for n in range(1, 60)
    ]
    table = EntryTable(entries, {"id:5", "id:9"}, BERLIN, now=NOW)
    kept = table.order_of(field)  # kept right by the table from here on
    outcomes: set[bool] = set()
    for step, n in enumerate(rng.sample(range(1, 60), 15)):
        changed = entry(n, day(1 + rng.randrange(3), 6), rng.choice([1, 9]), notes="b")
        waiting = changed.ref in {"id:5", "id:9"}  # the waiting mark stays as it was
        row = table.row_of(changed.ref)
        before = None if row is None else kept.index(row)
        stays = before is not None and table.stays_at(field, before, changed)
        table.put(changed, waiting=waiting)
        if before is not None:
            moved = kept.index(table.row_of(changed.ref) or 0) != before
            assert moved is not stays, "stays_at tells beforehand whether the row moves"
            outcomes.add(stays)
        if step % 3 == 0:
            table.put(entry(100 + n, day(2), 3, user="dora"), waiting=False)
        if step % 4 == 0:
            table.drop(f"id:{rng.randrange(1, 60)}")
        table.moved_on(NOW + timedelta(minutes=step))
        fresh = EntryTable([table.entry(r) for r in table.rows()], (), BERLIN, now=NOW)
        assert len(fresh) == len(kept)
        _, computed = table.compute_order(field)
        assert kept == computed, "the kept order is the one a full sort gives"
    if field is not Field.LOCATION:  # no change here touches a place
        assert False in outcomes  # some changes moved their row


def test_arrange_builds_and_sorts_in_one_step() -> None:
    arranged = arrange(
        sample(), (), BERLIN, spec=SortSpec(Field.USER, descending=False), clock=lambda: NOW
    )

    assert arranged.table.ascending(Field.USER) is not None  # made in the worker
    assert refs(arranged.table, shown_order(arranged.table, arranged.spec))[0] == "id:3"


def test_an_order_computed_before_a_change_is_not_taken() -> None:
    table = EntryTable(sample(), (), BERLIN, now=NOW)
    version, order = table.compute_order(Field.NOTES)
    table.put(entry(7, day(6), 1, notes="zzz"), waiting=False)

    assert not table.install_order(Field.NOTES, version, order)
    assert table.ascending(Field.NOTES) is None
    version, order = table.compute_order(Field.NOTES)
    assert table.install_order(Field.NOTES, version, order)
    assert table.ascending(Field.NOTES) is order


def test_big_tables_sort_in_slices_to_the_same_order(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    entries = [
        entry(n, day(1 + rng.randrange(28), rng.randrange(24)), rng.choice([1, 2, 3]))
        for n in range(1, 500)
    ]
    whole = EntryTable(entries, (), BERLIN, now=NOW).compute_order(Field.WORKED)[1]
    monkeypatch.setattr("timeclock.domain.foreground.SORT_SLICE", 16)

    sliced = EntryTable(entries, (), BERLIN, now=NOW).compute_order(Field.WORKED)[1]

    assert sliced == whole


def test_a_change_that_keeps_the_key_keeps_the_place() -> None:
    table = EntryTable(sample(), (), BERLIN, now=NOW)
    order = table.order_of(Field.DATE)
    renamed = entry(2, day(3), 4, manual=True, notes="neu")
    moved = entry(2, day(9), 4, manual=True)

    assert table.stays_at(Field.DATE, 1, renamed)
    assert not table.stays_at(Field.DATE, 1, moved)
    table.put(renamed, waiting=False)
    assert order.index(1) == 1
    table.put(moved, waiting=False)
    assert order.index(1) == 2


def test_a_list_taken_in_at_once_equals_one_put_at_a_time() -> None:
    """A new list is keyed column by column; single changes go through ``key_of``: both
    must give the same orders and totals."""
    rng = random.Random(11)
    entries = [
        entry(
            n,
            day(1 + rng.randrange(20), rng.randrange(24)),
            rng.choice([None, 1, 5, 9]),
            user=rng.choice(["anna", "Bert", "ÇAĞLA"]),
            notes=rng.choice(["", " Lager\n2 ", "b"]),
            manual=rng.random() < 0.3,
            break_minutes=rng.choice([0, 15, 45]),
            location=rng.choice([None, Location(52.5, 13.4)]),
        )
        for n in range(1, 120)
    ]
    waiting = {f"id:{n}" for n in range(1, 120, 7)}
    shift = Shift(entries[3], BreakLog(entries[3].ref, timedelta(minutes=20)))
    whole = EntryTable(entries, waiting, BERLIN, now=NOW, shift=shift)
    one_by_one = EntryTable([], waiting, BERLIN, now=NOW, shift=shift)
    for each in entries:
        one_by_one.put(each, waiting=each.ref in waiting)

    for field in Field:
        assert whole.compute_order(field)[1] == one_by_one.compute_order(field)[1], field
        for each in entries[:10]:
            row = whole.row_of(each.ref)
            assert row is not None
            assert whole.key_of(field, each) == one_by_one.key_of(field, each)
    assert whole.totals() == one_by_one.totals() == totals(entries, NOW, BERLIN, shift)
    assert whole.widest_rows() == one_by_one.widest_rows()
    assert whole.open_rows == one_by_one.open_rows


NAMES = {"ivan": "Petrov, Ivan", "hansm": "Müller, Hans"}  # Anna is not in the directory


def test_the_name_column_shows_and_sorts_by_the_directorys_names() -> None:
    table = EntryTable(sample(), (), BERLIN, now=NOW, names=NAMES)

    by_name = refs(table, shown_order(table, SortSpec(Field.NAME, descending=False)))
    assert by_name == ["id:3", "id:2", "id:4", "id:1"]  # Anna, Müller (2), Petrov
    assert [table.name(row) for row in table.order_of(Field.NAME)] == [
        "Anna",  # no name in the directory: the user name
        "Müller, Hans",
        "Müller, Hans",
        "Petrov, Ivan",
    ]
    table.put(entry(5, day(5), 2, user="IVAN"), waiting=False)  # another case, same user
    assert table.name(table.row_of("id:5") or 0) == "Petrov, Ivan"
    assert refs(table, table.order_of(Field.NAME))[-2:] == ["id:1", "id:5"]
    assert table.names is NAMES


def test_subtotals_per_user_add_up_to_the_totals_as_rows_change() -> None:
    rng = random.Random(5)
    entries = [
        entry(
            n,
            day(1 + rng.randrange(9), rng.randrange(20)),
            rng.choice([None, 2, 6, 9]) if n % 11 else None,
            user=rng.choice(["ivan", "hansm", "HANSM", "Anna"]),
            break_minutes=rng.choice([0, 30]),
        )
        for n in range(1, 90)
    ]
    shift = Shift(entries[10], BreakLog(entries[10].ref, timedelta(minutes=15)))
    table = EntryTable(entries, (), BERLIN, now=NOW, shift=shift, names=NAMES)
    others = [n for n in range(1, 120) if n != 11]  # the shift's own entry stays as it is
    for step in range(12):
        if step % 2:
            table.drop(f"id:{rng.choice(others)}")
        else:
            table.put(entry(rng.choice(others), day(3), rng.choice([None, 4])), waiting=False)
        table.moved_on(NOW + timedelta(minutes=10 * step))
        now = NOW + timedelta(minutes=10 * step + 5)
        live = [table.entry(row) for row in table.rows()]
        by_user = table.totals_by_user(now)

        assert [t.name for t in by_user] == ["Anna", "Müller, Hans", "Petrov, Ivan"]
        for subtotal in by_user:
            own = [e for e in live if e.user.casefold() == subtotal.user.casefold()]
            assert subtotal.totals == totals(own, now, BERLIN, shift)
        whole = table.totals(now)
        assert sum((t.totals.worked for t in by_user), timedelta()) == whole.worked
        assert sum((t.totals.breaks for t in by_user), timedelta()) == whole.breaks
        assert sum(t.totals.entries for t in by_user) == whole.entries


def test_a_user_whose_rows_are_all_gone_has_no_subtotal() -> None:
    table = EntryTable(sample(), (), BERLIN, now=NOW)
    table.drop("id:1")
    assert [t.user for t in table.totals_by_user()] == ["Anna", "hansm"]


def test_the_live_entries_are_those_not_dropped_in_row_order() -> None:
    entries = sample()
    table = EntryTable(entries, (), BERLIN, now=NOW)
    table.drop(entries[1].ref)
    added = entry(99, day(20), 2)
    table.put(added, waiting=False)

    assert table.live_entries() == [entries[0], *entries[2:], added]


def test_a_released_table_lets_go_of_its_rows_a_slice_at_a_time_and_is_empty(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A worker empties a table shown no more with pause points between slices, so that
    freeing a long list never holds the interpreter lock for long."""
    monkeypatch.setattr(entry_table, "SLICE", 3)
    entries = [entry(n, day(1 + n % 20, 6 + n % 5), 4) for n in range(1, 41)]
    table = EntryTable(entries, {entries[0].ref}, BERLIN, now=NOW)
    for field in table.missing_orders():
        table.order_of(field)
    made_before = table.compute_order(Field.WORKED)
    held: list[int] = []  # the rows still held at each pause point
    monkeypatch.setattr(entry_table, "pause_point", lambda: held.append(len(table.live_entries())))

    table.release()

    assert set(range(40, 0, -3)) <= set(held)  # three rows at a time let go
    assert len(table) == 0 and table.rows() == [] and table.live_entries() == []
    assert table.totals(NOW) == totals([], NOW, BERLIN, Shift(None))
    assert table.totals_by_user(NOW) == [] and not table.has_locations
    assert table.row_of(entries[0].ref) is None and not table.is_waiting(entries[0].ref)
    assert made_before is not None
    assert not table.install_order(Field.WORKED, *made_before)  # made before: of no use
    table.put(entries[5], waiting=False)  # an empty table like any other
    assert table.rows() == [0] and table.order_of(Field.WORKED) == array("i", [0])
