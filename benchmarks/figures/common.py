"""What every figure needs: the run's options and a place for its children."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from benchmarks.children import ChildError, Outcome, Workspace, run_child
from benchmarks.environment import bytecode_text
from benchmarks.report import Goal, Measure, Row, Unit


@dataclass(frozen=True, slots=True)
class Options:
    """How much to measure (see ``python -m benchmarks --help``)."""

    sizes: tuple[int, ...] = (1_000, 10_000, 100_000)
    repeats: int = 7
    big_repeats: int = 3  # for sizes of BIG entries and more
    sort_clicks: int = 2
    seconds: float = 2.0  # each throughput sample
    connections: int = 4
    timeout: float = 120.0  # per child, before size scaling
    quick: bool = False
    explain_stalls: bool = False  # note what the GUI thread did in the longest stalls

    def repeats_for(self, size: int) -> int:
        return self.big_repeats if size >= BIG else self.repeats

    def timeout_for(self, size: int) -> float:
        return self.timeout + size / 1000  # 100k entries: some 100 s more


BIG = 50_000


@dataclass(slots=True)
class Samples:
    """Samples collected over repeats, with the first failure and the bytecode seen."""

    values: dict[str, list[float]] = field(default_factory=dict)
    kept: dict[str, list[Any]] = field(default_factory=dict)  # per sample, not numbers
    error: str | None = None
    bytecode: str = ""

    def add(self, name: str, value: float) -> None:
        self.values.setdefault(name, []).append(value)

    def keep(self, name: str, value: Any) -> None:
        self.kept.setdefault(name, []).append(value)

    def get(self, name: str) -> list[float]:
        return self.values.get(name, [])

    def run(
        self,
        module: str,
        args: Sequence[str],
        env: Mapping[str, str],
        workspace: Workspace,
        *,
        timeout: float,
        take: Callable[[Samples, Outcome], None],
    ) -> None:
        """Run a child and let ``take`` add its numbers; a failure is kept (the first one),
        not raised, so the other samples and figures still run."""
        try:
            outcome = run_child(module, args, env, workspace, timeout=timeout)
        except ChildError as error:
            self.error = self.error or str(error)
            return
        take(self, outcome)
        state = outcome.result.get("bytecode")
        if state:
            self.bytecode = bytecode_text(state)


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a row: the samples of one name in one set of runs."""

    samples: Samples
    name: str

    def measure(self, unit: Unit) -> Measure | None:
        return Measure.of(self.samples.get(self.name), unit)


def paired_row(
    figure: str,
    what: str,
    sides: tuple[Side, Side],
    goal: Goal | None,
    row_notes: list[str],
    *,
    floor_what: str = "",
    unit: Unit = Unit.MILLISECONDS,
    details: list[str] | None = None,
) -> Row:
    """A row of TimeClock's samples against the floor's, taken in the same runs."""
    measured, floor = sides
    return Row(
        figure,
        what,
        measured.measure(unit),
        floor.measure(unit),
        floor_what,
        goal,
        row_notes,
        measured.samples.error,
        details or [],
    )


def kb_to_mb(kilobytes: float) -> float:
    return kilobytes / 1024


def notes(*parts: Any) -> list[str]:
    return [str(part) for part in parts if part]


__all__ = ["BIG", "Options", "Samples", "Side", "Workspace", "kb_to_mb", "notes", "paired_row"]
