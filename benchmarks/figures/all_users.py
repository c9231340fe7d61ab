"""Figure 2: the window's *All users* over N entries against a bare QTableView fed by a
plain thread (httpx + json + sort), both from the same sandbox in the same run."""

from __future__ import annotations

import json
import statistics
from datetime import date, timedelta

from benchmarks import dataset
from benchmarks.children import Outcome, ServerChild, Workspace
from benchmarks.figures.common import BIG, Options, Samples, Side, kb_to_mb, notes, paired_row
from benchmarks.report import Goal, Judge, Measure, Row, Unit

MODULE = "benchmarks.harness.window_list"
SETTLE_MS = 500
TAIL_MS = 300
BUSY_PAINTS = 15  # paints of the shown list beside a busy thread, a run


def settings(size: int, options: Options, last_day: date) -> dict[str, object]:
    first, last = dataset.days(size, last_day)
    since, until = dataset.utc_bounds(first, last)
    return {
        "count": size,
        "busy_paints": BUSY_PAINTS,
        "first": first.isoformat(),
        "last": last.isoformat(),
        "from": dataset.wire_time(since),
        "to": dataset.wire_time(until - timedelta(milliseconds=1)),
        "own": dataset.own_count(size),
        "sort_clicks": options.sort_clicks,
        "sort_at_once": options.sort_clicks > 0,
        "settle_ms": SETTLE_MS,
        "tail_ms": TAIL_MS,
        "timeout": options.timeout_for(size),
        "explain": options.explain_stalls,
    }


def measure(size: int, options: Options, workspace: Workspace, server: ServerChild) -> list[Row]:
    account = {"TIMECLOCK_URL": server.base_url, "TIMECLOCK_USER": dataset.OWN_USER}
    account |= {name: server.env[name] for name in ("TIMECLOCK_API_KEY", "TIMECLOCK_API_SECRET")}
    config = json.dumps(settings(size, options, server.last_day))
    product, floor = Samples(), Samples()
    for _ in range(options.repeats_for(size)):
        for mode, samples in (("floor", floor), ("product", product)):
            samples.run(
                MODULE,
                [mode, config],
                workspace.env(account),
                workspace,
                timeout=options.timeout_for(size) + 10,
                take=_take,
            )
    label = f"{size // 1000}k" if size % 1000 == 0 else str(size)
    fewer = notes(f"{options.repeats_for(size)} repeats" if size >= BIG else "")
    floor_note = notes(f"floor {floor.error}" if floor.error else "")
    rows = [
        Row(
            "2",
            f"All users, {label}: click to sorted table painted",
            Measure.of(product.get("load"), Unit.SECONDS),
            Measure.of(floor.get("load"), Unit.SECONDS),
            "QTableView+thread",
            Goal("≤ 1.3x floor", most=1.3),
            [*fewer, product.bytecode, *floor_note],
            product.error,
        ),
        paired_row(
            "2",
            f"All users, {label}: longest GUI stall (5 ms beat)",
            (Side(product, "stall"), Side(floor, "stall")),
            Goal("never > 16 ms", most=16, ratio=False, judge=Judge.WORST),
            notes("click to paint + 300 ms"),
            details=[*_longest_stall("TimeClock", product), *_longest_stall("floor", floor)],
        ),
        paired_row(
            "2",
            f"All users, {label}: a paint beside a busy thread",
            (Side(product, "busy_paint"), Side(floor, "busy_paint")),
            Goal("never > 16 ms", most=16, ratio=False, judge=Judge.WORST),
            notes(f"median of {BUSY_PAINTS} paints a run while a thread computes in Python"),
        ),
        paired_row(
            "2",
            f"All users, {label}: memory added",
            (Side(product, "added"), Side(floor, "added")),
            Goal("≤ floor", most=1.0),
            notes("peak after the click less RSS before"),
            unit=Unit.MEGABYTES,
        ),
    ]
    if options.sort_clicks > 0:
        rows += [
            _sort_row(
                f"click Worked header to re-sort, {label}",
                product,
                "sort",
                f"{options.sort_clicks} clicks a run",
            ),
            _sort_row(
                f"click End header as the list comes, {label}",
                product,
                "sort_at_once",
                "the list asked for again, the click at its paint: the order not made",
            ),
        ]
    return rows


def _sort_row(what: str, product: Samples, name: str, note: str) -> Row:
    """A re-sort's row: the clicks' times, and the longest stall while they were made."""
    return Row(
        "2",
        what,
        Measure.of(product.get(name), Unit.MILLISECONDS),
        None,
        "",
        Goal("< 100 ms", most=100, ratio=False, judge=Judge.WORST),
        notes(note, "stall up to {:.0f} ms".format(max(product.get(f"{name}_stall"), default=0))),
        product.error,
    )


def _longest_stall(who: str, samples: Samples) -> list[str]:
    """What the GUI thread handled in the longest stall of all runs (``--explain-stalls``)."""
    stalls, events = samples.get("stall"), samples.kept.get("stall_events", [])
    if not events or len(events) != len(stalls):
        return []
    worst = max(range(len(stalls)), key=stalls.__getitem__)
    runs = f"{len(stalls)} run" + ("s" if len(stalls) != 1 else "")
    return [f"{who}, longest stall of {runs}, {stalls[worst]:.0f} ms:"] + [
        f"  {line}" for line in events[worst]
    ]


def _take(samples: Samples, outcome: Outcome) -> None:
    result = outcome.result
    samples.add("load", float(result["load_seconds"]))
    samples.add("stall", float(result["stall_ms"]))
    if "stall_events" in result:
        samples.keep("stall_events", result["stall_events"])
    samples.add("added", kb_to_mb(float(result["added_kb"])))
    samples.add("busy_paint", statistics.median(result["busy_paint_ms"]))
    for seconds in result.get("sort_seconds", []):
        samples.add("sort", seconds * 1000)
    for stall in result.get("sort_stall_ms", []):
        samples.add("sort_stall", stall)
    if "sort_at_once_seconds" in result:
        samples.add("sort_at_once", float(result["sort_at_once_seconds"]) * 1000)
        samples.add("sort_at_once_stall", float(result["sort_at_once_stall_ms"]))
