"""The benchmark's table: medians, spread, the floor, the ratio and the issue's goal.

A :class:`Row` is one line of the table: a figure of TimeClock measured several times, the
floor it is compared with (measured in the same run), and the goal of issue #9 it must meet.
Nothing here measures; :mod:`benchmarks.figures` fill the rows.
"""

from __future__ import annotations

import enum
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


class Unit(enum.Enum):
    """How a number is shown."""

    SECONDS = "s"
    MILLISECONDS = "ms"
    MEGABYTES = "MB"
    PER_SECOND = "/s"
    COUNT = ""


@dataclass(frozen=True, slots=True)
class Measure:
    """The samples of one figure (in ``unit``): several runs of the same measurement."""

    samples: tuple[float, ...]
    unit: Unit

    @classmethod
    def of(cls, samples: Sequence[float], unit: Unit) -> Measure | None:
        """The measure of ``samples``, or None when there are none (all runs failed)."""
        return cls(tuple(samples), unit) if samples else None

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def low(self) -> float:
        return min(self.samples)

    @property
    def high(self) -> float:
        return max(self.samples)

    def text(self, value: float | None = None) -> str:
        """``value`` (default: the median) with its unit."""
        return show(self.median if value is None else value, self.unit)

    def spread(self) -> str:
        """``low .. high``; a single sample has no spread."""
        if len(self.samples) < 2:
            return "-"
        return f"{show(self.low, self.unit)} .. {show(self.high, self.unit)}"


def show(value: float, unit: Unit) -> str:
    """A number as the table shows it: three significant digits or whole counts."""
    if unit is Unit.COUNT:
        return f"{value:g}"
    if unit is Unit.PER_SECOND:
        return f"{value:.0f}/s"
    if unit is Unit.MEGABYTES:
        return f"{value:.0f} MB"
    if unit is Unit.MILLISECONDS:
        return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


class Judge(enum.Enum):
    """Which statistic a goal is held against."""

    MEDIAN = "median"  # typical: "start ≤ 1.3x the floor"
    WORST = "worst"  # "never": the worst sample must meet it


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal of issue #9: a bound on the ratio to the floor, or on the value itself."""

    text: str
    most: float | None = None  # value (or ratio) at most this
    least: float | None = None  # value (or ratio) at least this
    ratio: bool = True  # bound the ratio to the floor, else the value itself
    judge: Judge = Judge.MEDIAN

    def met(self, value: Measure, floor: Measure | None) -> bool | None:
        """Whether the goal is met; None when it cannot be told (no floor to compare with).

        A "never" goal takes the worst sample: the highest, or the lowest for a bound from
        below; a ratio then compares it with the floor's median.
        """
        if self.judge is Judge.MEDIAN:
            number = value.median
        else:
            number = value.high if self.most is not None else value.low
        if self.ratio:
            if floor is None or floor.median <= 0:
                return None
            number /= floor.median
        if self.most is not None and number > self.most:
            return False
        return not (self.least is not None and number < self.least)


@dataclass(slots=True)
class Row:
    """One line of the table."""

    figure: str  # the figure this belongs to, e.g. "1" or "2"
    what: str
    value: Measure | None
    floor: Measure | None = None
    floor_what: str = ""
    goal: Goal | None = None
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    details: list[str] = field(default_factory=list)  # lines printed below the table

    @property
    def ratio(self) -> float | None:
        if self.value is None or self.floor is None or self.floor.median <= 0:
            return None
        return self.value.median / self.floor.median

    @property
    def paired_ratio(self) -> float | None:
        """The median of the ratios of samples taken side by side (TimeClock's i-th with the
        floor's i-th): less moved by a load that comes and goes than the ratio of medians."""
        value, floor = self.value, self.floor
        if value is None or floor is None or len(value.samples) != len(floor.samples):
            return None
        if len(value.samples) < 2 or min(floor.samples) <= 0:
            return None
        pairs = zip(value.samples, floor.samples, strict=True)
        return statistics.median(mine / theirs for mine, theirs in pairs)

    @property
    def met(self) -> bool | None:
        if self.goal is None or self.value is None:
            return None
        return self.goal.met(self.value, self.floor)

    def cells(self) -> list[str]:
        """The row's cells, in the order of :data:`HEADINGS`."""
        value, floor, ratio = self.value, self.floor, self.ratio
        met = {True: "met", False: "NOT met", None: "-"}[self.met]
        if self.error is not None:
            met = "failed"
        return [
            self.figure,
            self.what,
            value.text() if value else "-",
            value.spread() if value else "-",
            str(len(value.samples)) if value else "0",
            (f"{floor.text()} {self.floor_what}".strip() if floor else self.floor_what or "-"),
            floor.spread() if floor else "-",
            f"{ratio:.2f}x" if ratio is not None else "-",
            self.goal.text if self.goal else "-",
            met,
            "; ".join([*([self.error] if self.error else []), *self._paired(), *self.notes]),
        ]

    def _paired(self) -> list[str]:
        paired = self.paired_ratio
        return [] if paired is None else [f"paired ratio {paired:.2f}x"]

    def to_json(self) -> dict[str, Any]:
        """The row with its raw samples, for ``--json``."""
        return {
            "figure": self.figure,
            "what": self.what,
            "samples": list(self.value.samples) if self.value else [],
            "unit": self.value.unit.value if self.value else None,
            "floor": list(self.floor.samples) if self.floor else [],
            "floor_what": self.floor_what,
            "ratio": self.ratio,
            "paired_ratio": self.paired_ratio,
            "goal": self.goal.text if self.goal else None,
            "met": self.met,
            "notes": self.notes,
            "error": self.error,
            "details": self.details,
        }


HEADINGS = [
    "#",
    "what",
    "TimeClock",
    "spread",
    "n",
    "floor",
    "floor spread",
    "ratio",
    "goal",
    "met",
    "notes",
]


def text_table(rows: Sequence[Row]) -> str:
    """The rows as an aligned plain-text table."""
    lines = [HEADINGS, *(row.cells() for row in rows)]
    widths = [max(len(line[column]) for line in lines) for column in range(len(HEADINGS) - 1)]
    out = []
    for number, line in enumerate(lines):
        cells = [cell.ljust(width) for cell, width in zip(line, widths, strict=False)]
        out.append("  ".join([*cells, line[-1]]).rstrip())
        if number == 0:
            out.append("  ".join("-" * width for width in widths) + "  -----")
    return "\n".join(out)


def details(rows: Sequence[Row]) -> str:
    """The rows' details (``--explain-stalls``), each under its row's name; "" if none."""
    out: list[str] = []
    for row in rows:
        if row.details:
            out += ["", f"{row.what}:", *(f"  {line}" for line in row.details)]
    return "\n".join(out)


def markdown_table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table (for the README)."""

    def escape(cell: str) -> str:
        return cell.replace("|", "\\|")

    out = ["| " + " | ".join(HEADINGS) + " |", "|" + "---|" * len(HEADINGS)]
    out += ["| " + " | ".join(escape(cell) for cell in row.cells()) + " |" for row in rows]
    return "\n".join(out)
