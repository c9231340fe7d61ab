"""Figure 1: ``timeclock --demo`` from process start to its list painted, and its peak
memory, against a bare PySide6 window with a table (same measure, same run, interleaved)."""

from __future__ import annotations

from benchmarks.children import Outcome, Workspace
from benchmarks.figures.common import Options, Samples, kb_to_mb, notes
from benchmarks.report import Goal, Measure, Row, Unit

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
    return [
        Row(
            "1",
            "start to first list painted (--demo)",
            Measure.of(product.get("seconds"), Unit.SECONDS),
            Measure.of(bare.get("seconds"), Unit.SECONDS),
            "bare window",
            Goal("≤ 1.3x floor", most=1.3),
            notes(product.bytecode, f"floor {bare.error}" if bare.error else ""),
            product.error,
        ),
        Row(
            "1",
            "start to the list asked for painted (--demo)",
            Measure.of(product.get("asked"), Unit.SECONDS),
            Measure.of(bare.get("asked"), Unit.SECONDS),
            "bare window",
            Goal("≤ 1.3x floor", most=1.3),
            notes("after the sandbox answered: the first paint may show the list kept"),
            product.error,
        ),
        Row(
            "1",
            "reference: bare window with an HTTP client",
            Measure.of(client.get("seconds"), Unit.SECONDS),
            Measure.of(bare.get("seconds"), Unit.SECONDS),
            "bare window",
            None,
            notes(
                "httpx imported and a client made as TimeClock does, then the bare window:"
                " what any TimeTrack client starts with",
                f"reference {client.error}" if client.error else "",
            ),
            client.error,
        ),
        Row(
            "1",
            "peak memory at start",
            Measure.of(product.get("peak"), Unit.MEGABYTES),
            Measure.of(bare.get("peak"), Unit.MEGABYTES),
            "bare window",
            Goal("≤ 1.5x floor", most=1.5),
            notes("VmHWM at the paint"),
            product.error,
        ),
    ]


def _take(samples: Samples, outcome: Outcome) -> None:
    samples.add("seconds", outcome.result["painted_at"] - outcome.started)
    samples.add("asked", outcome.result["asked_painted_at"] - outcome.started)
    samples.add("peak", kb_to_mb(outcome.result["peak_kb"]))
