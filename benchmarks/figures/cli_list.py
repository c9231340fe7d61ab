"""Figure 3: ``timeclock list --all-users --format json`` over N entries against httpx +
json + dumps in a child, both writing to /dev/null, from the same sandbox in the same run."""

from __future__ import annotations

from datetime import timedelta

from benchmarks import dataset
from benchmarks.children import Outcome, ServerChild, Workspace
from benchmarks.figures.common import BIG, Options, Samples, kb_to_mb, notes
from benchmarks.report import Goal, Measure, Row, Unit

MODULE = "benchmarks.harness.command"


def measure(size: int, options: Options, workspace: Workspace, server: ServerChild) -> list[Row]:
    account = {"TIMECLOCK_URL": server.base_url, "TIMECLOCK_USER": dataset.OWN_USER}
    account |= {name: server.env[name] for name in ("TIMECLOCK_API_KEY", "TIMECLOCK_API_SECRET")}
    first, last = dataset.days(size, server.last_day)
    since, until = dataset.utc_bounds(first, last)
    command = ["list", "--all-users", "--format", "json"]
    command += ["--from", first.isoformat(), "--to", last.isoformat()]
    floor_args = [dataset.wire_time(since), dataset.wire_time(until - timedelta(milliseconds=1))]
    product, floor = Samples(), Samples()
    for _ in range(options.repeats_for(size)):
        for mode, args, samples in (
            ("floor", floor_args, floor),
            ("timeclock", command, product),
        ):
            samples.run(
                MODULE,
                [mode, *args],
                workspace.env(account),
                workspace,
                timeout=options.timeout_for(size),
                take=_take,
            )
    label = f"{size // 1000}k" if size % 1000 == 0 else str(size)
    fewer = notes(f"{options.repeats_for(size)} repeats" if size >= BIG else "")
    floor_note = notes(f"floor {floor.error}" if floor.error else "")
    return [
        Row(
            "3",
            f"timeclock list --all-users --format json, {label}: time",
            Measure.of(product.get("seconds"), Unit.SECONDS),
            Measure.of(floor.get("seconds"), Unit.SECONDS),
            "httpx+json+dumps",
            Goal("≤ 1.2x floor", most=1.2),
            [*fewer, product.bytecode, *floor_note],
            product.error,
        ),
        Row(
            "3",
            f"timeclock list --all-users --format json, {label}: peak memory",
            Measure.of(product.get("peak"), Unit.MEGABYTES),
            Measure.of(floor.get("peak"), Unit.MEGABYTES),
            "httpx+json+dumps",
            Goal("≤ 1.2x floor", most=1.2),
            notes("VmHWM of the process"),
            product.error,
        ),
    ]


def _take(samples: Samples, outcome: Outcome) -> None:
    result = outcome.result
    if result.get("status") != 0:
        samples.error = samples.error or f"exit status {result.get('status')}"
        return
    samples.add("seconds", outcome.seconds)
    samples.add("peak", kb_to_mb(float(result["peak_kb"])))
