"""Figure 1: ``timeclock --demo`` from process start to its list painted, and its peak
memory, against a bare PySide6 window with a table (same measure, same run, interleaved)."""

from __future__ import annotations

from functools import partial

from benchmarks.children import Outcome, Workspace
from benchmarks.figures.common import Options, Samples, Side, kb_to_mb, notes, paired_row
from benchmarks.report import Goal, Row, Unit

MODULE = "benchmarks.harness.start"


def measure(options: Options, workspace: Workspace) -> list[Row]:
    product, bare, client = Samples(), Samples(), Samples()
    for _ in range(options.repeats):
        for mode, samples in (("bare", bare), ("product", product), ("bare-httpx", client)):
            samples.run(
                MODULE,
                [mode, str(options.timeout)],
                workspace.env(),
                workspace,
                timeout=options.timeout + 10,
                take=_take,
            )
    floor_error = notes(f"floor {bare.error}" if bare.error else "")
    against_bare = partial(paired_row, "1", floor_what="bare window", unit=Unit.SECONDS)
    return [
        against_bare(
            "start to first list painted (--demo)",
            (Side(product, "seconds"), Side(bare, "seconds")),
            Goal("≤ 1.3x floor", most=1.3),
            notes(product.bytecode, *floor_error),
        ),
        against_bare(
            "start to the list asked for painted (--demo)",
            (Side(product, "asked"), Side(bare, "asked")),
            Goal("≤ 1.3x floor", most=1.3),
            notes("after the sandbox answered: the first paint may show the list kept"),
        ),
        against_bare(
            "reference: bare window with an HTTP client",
            (Side(client, "seconds"), Side(bare, "seconds")),
            None,
            notes(
                "httpx imported and a client made as TimeClock does, then the bare window:"
                " what any TimeTrack client starts with",
                f"reference {client.error}" if client.error else "",
            ),
        ),
        against_bare(
            "peak memory at start",
            (Side(product, "peak"), Side(bare, "peak")),
            Goal("≤ 1.5x floor", most=1.5),
            notes("VmHWM at the paint"),
            unit=Unit.MEGABYTES,
        ),
    ]


def _take(samples: Samples, outcome: Outcome) -> None:
    samples.add("seconds", outcome.result["painted_at"] - outcome.started)
    samples.add("asked", outcome.result["asked_painted_at"] - outcome.started)
    samples.add("peak", kb_to_mb(outcome.result["peak_kb"]))
