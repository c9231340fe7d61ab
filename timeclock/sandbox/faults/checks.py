"""Checking a fault plan's settings, and reading them from the command line's text.

Rates are shares between 0 and 1 that add up to at most 1; latency is milliseconds or a
``(min, max)`` range of them; methods are HTTP methods. Each check raises TypeError or
ValueError with a message fit for a person (the admin endpoint answers 400 with it).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from typing import Final

from timeclock.sandbox.faults.kinds import ALL_KINDS, FaultKind

MAX_LATENCY_MS: Final = 600_000.0
_HTTP_METHODS: Final = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"})


def checked_rate(what: str, rate: float) -> float:
    if isinstance(rate, bool) or not isinstance(rate, int | float):
        raise TypeError(f"the {what} must be a number between 0 and 1")
    if not (math.isfinite(rate) and 0 <= rate <= 1):
        raise ValueError(f"the {what} must lie between 0 and 1, not {rate}")
    return float(rate)


def checked_rates(rates: Mapping[FaultKind | str, float]) -> dict[FaultKind, float]:
    checked = {
        FaultKind.parse(kind): checked_rate(f"rate of {kind}", rate) for kind, rate in rates.items()
    }
    if sum(checked.values()) > 1 + 1e-9:
        raise ValueError(f"the fault rates add up to {sum(checked.values()):g}, more than 1")
    return {kind: checked[kind] for kind in ALL_KINDS if checked.get(kind)}


def checked_latency(latency: float | tuple[float, float] | None) -> tuple[float, float] | None:
    if latency is None:
        return None
    low, high = (latency, latency) if isinstance(latency, int | float) else latency
    for value in (low, high):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError("latency must be milliseconds or a (min, max) pair of them")
        if not (math.isfinite(value) and 0 <= value <= MAX_LATENCY_MS):
            raise ValueError(f"latency must lie between 0 and {MAX_LATENCY_MS:g} ms, not {value}")
    if high < low:
        raise ValueError(f"the latency range {low:g}-{high:g} ms ends before it starts")
    return (float(low), float(high))


def checked_methods(methods: Collection[str] | None) -> frozenset[str] | None:
    if methods is None:
        return None
    if isinstance(methods, str):
        methods = [methods]
    checked = frozenset(method.upper() for method in methods)
    unknown = sorted(checked - _HTTP_METHODS)
    if unknown or not checked:
        raise ValueError(f"not HTTP methods: {unknown or 'none given'}")
    return checked


def parse_rate(text: str) -> float:
    """A share such as ``0.3`` or ``30%``; ValueError otherwise."""
    stripped = text.strip()
    try:
        rate = float(stripped[:-1]) / 100 if stripped.endswith("%") else float(stripped)
    except ValueError:
        raise ValueError(f"not a rate: {text!r} (use e.g. 0.3 or 30%)") from None
    return checked_rate("rate", rate)


def parse_latency(text: str) -> tuple[float, float]:
    """``MS`` or ``MIN-MAX`` milliseconds, e.g. ``200`` or ``50-500``; ValueError otherwise."""
    low, dash, high = text.strip().partition("-")
    try:
        values = (float(low), float(high) if dash else float(low))
    except ValueError:
        raise ValueError(f"not a latency: {text!r} (use MS or MIN-MAX, e.g. 50-500)") from None
    checked = checked_latency(values)
    assert checked is not None
    return checked


def parse_fault(text: str) -> tuple[str, float]:
    """``KIND=RATE`` (``KIND`` a fault name, or ``latency`` for the share delayed)."""
    name, equals, rate = text.partition("=")
    if not equals:
        raise ValueError(f"expected KIND=RATE, e.g. cut=0.05, not {text!r}")
    name = name.strip().lower()
    if name != "latency":
        name = FaultKind.parse(name).value
    return name, parse_rate(rate)


def parse_script(text: str) -> tuple[FaultKind | None, ...]:
    """Comma-separated fault names, ``none`` for a request without a fault: ``none,cut``."""
    names = [name.strip().lower() for name in text.split(",")]
    if not any(names):
        raise ValueError(f"not a script: {text!r} (use e.g. none,cut)")
    return tuple(None if name in ("none", "") else FaultKind.parse(name) for name in names)


def parse_methods(text: str) -> frozenset[str]:
    """Comma-separated HTTP methods, e.g. ``POST`` or ``post,put``; ValueError otherwise."""
    methods = checked_methods([name.strip() for name in text.split(",") if name.strip()])
    assert methods is not None
    return methods
