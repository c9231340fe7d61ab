"""The fault plan: which faults to inject, how often, and what was injected so far.

A :class:`FaultPlan` says how often each :class:`FaultKind` happens (or scripts the next few
requests exactly), how much latency to add, and carries its own seeded random generator, so
a run with the same seed and the same requests meets the same faults. It counts what it did
(:meth:`FaultPlan.counts`) and reads and writes the JSON the admin endpoint speaks.
:class:`FaultControl` holds the plan in force, so it can be replaced while the server runs.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from timeclock.sandbox.faults.checks import (
    checked_latency,
    checked_methods,
    checked_rate,
    checked_rates,
)
from timeclock.sandbox.faults.kinds import ALL_KINDS, ERROR_ANSWERS, FaultKind

MAX_RETRY_AFTER: Final = 86_400


@dataclass(frozen=True, slots=True)
class FaultDecision:
    """What the plan chose for one request: a fault (or none) and a pause in seconds."""

    kind: FaultKind | None
    delay: float = 0.0


@dataclass(frozen=True, slots=True)
class FaultCounts:
    """What a plan has done so far.

    ``requests`` it decided on; ``passed`` went through untouched (perhaps delayed);
    ``delayed`` got latency; ``abandoned`` were given up by the client during the latency
    (nothing else happened to them); ``injected`` counts each fault kind.
    """

    requests: int = 0
    passed: int = 0
    delayed: int = 0
    abandoned: int = 0
    injected: Mapping[FaultKind, int] = field(default_factory=lambda: dict.fromkeys(ALL_KINDS, 0))

    @property
    def faults(self) -> int:
        """All faults injected, of any kind."""
        return sum(self.injected.values())

    def to_json(self) -> dict[str, object]:
        return {
            "requests": self.requests,
            "passed": self.passed,
            "delayed": self.delayed,
            "abandoned": self.abandoned,
            "faults": self.faults,
            "injected": {kind.value: self.injected.get(kind, 0) for kind in ALL_KINDS},
        }


class FaultPlan:
    """Which faults the sandbox injects, how often, and what it has injected so far.

    ``rates`` maps each kind (or its name) to the share of requests that get it; the shares
    add up to at most 1 and one request gets at most one fault. ``script`` decides the
    first requests exactly, one kind (or ``None`` for no fault) per request, before the
    rates take over. ``latency_ms`` (a number or a ``(min, max)`` range, in milliseconds)
    delays a share ``latency_rate`` of the requests before anything else happens to them.
    ``retry_after`` is the ``Retry-After`` of 429 and 503 answers, in seconds. ``methods``
    limits the plan to these HTTP methods (default: all); requests of other methods neither
    meet a fault nor use up the script, so ``FaultPlan(script=[None, "cut"],
    methods=["POST"])`` cuts exactly the second POST. ``seed`` makes the random choices
    repeatable; faults and latency draw from separate generators, so adding latency does
    not change which requests fail.

    Safe to use from several threads: the server's loop draws, tests read the counts.
    """

    def __init__(
        self,
        rates: Mapping[FaultKind | str, float] | None = None,
        *,
        latency_ms: float | tuple[float, float] | None = None,
        latency_rate: float = 1.0,
        retry_after: int = 1,
        seed: int | None = None,
        script: Sequence[FaultKind | str | None] = (),
        methods: Collection[str] | None = None,
    ) -> None:
        self.rates: Mapping[FaultKind, float] = checked_rates(rates or {})
        self.latency_ms = checked_latency(latency_ms)
        self.latency_rate = checked_rate("latency rate", latency_rate)
        if isinstance(retry_after, bool) or not isinstance(retry_after, int):
            raise TypeError("retry_after must be a whole number of seconds")
        if not 0 <= retry_after <= MAX_RETRY_AFTER:
            raise ValueError(f"retry_after must lie between 0 and {MAX_RETRY_AFTER} seconds")
        self.retry_after = retry_after
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise TypeError("the seed must be a whole number")
        self.seed = seed
        self.script: tuple[FaultKind | None, ...] = tuple(
            None if kind is None else FaultKind.parse(kind) for kind in script
        )
        self.methods = checked_methods(methods)
        self._lock = threading.Lock()
        self._faults_random = random.Random(seed)  # noqa: S311 - not for security
        self._latency_random = random.Random(None if seed is None else f"latency-{seed}")  # noqa: S311
        self._scripted = 0
        self._requests = 0
        self._passed = 0
        self._delayed = 0
        self._abandoned = 0
        self._injected = dict.fromkeys(ALL_KINDS, 0)

    @classmethod
    def mixed(
        cls, rate: float, *, kinds: Collection[FaultKind | str] = ALL_KINDS, **options: Any
    ) -> FaultPlan:
        """``rate`` of the requests get a fault, shared evenly among ``kinds`` (default: all)."""
        chosen = [FaultKind.parse(kind) for kind in kinds]
        rate = checked_rate("fault rate", rate)
        if not chosen:
            raise ValueError("no fault kinds to mix")
        return cls(dict.fromkeys(chosen, rate / len(chosen)), **options)

    # -- what the plan does ------------------------------------------------------------------

    @property
    def active(self) -> bool:
        """Whether the plan can do anything at all to a request."""
        return bool(
            any(self.rates.values())
            or any(kind is not None for kind in self.script)
            or (self.latency_ms is not None and self.latency_ms[1] > 0 and self.latency_rate > 0)
        )

    @property
    def fault_rate(self) -> float:
        """The share of requests that get a fault once the script has run out."""
        return min(1.0, sum(self.rates.values()))

    def applies_to(self, method: str) -> bool:
        return self.methods is None or method.upper() in self.methods

    def decide(self) -> FaultDecision:
        """Choose for the next request (counted in ``requests``, and ``delayed`` if paused)."""
        with self._lock:
            self._requests += 1
            if self._scripted < len(self.script):
                kind = self.script[self._scripted]
                self._scripted += 1
            else:
                kind = self._draw_kind()
            delay = self._draw_delay()
            if delay > 0:
                self._delayed += 1
            return FaultDecision(kind, delay)

    def record(self, kind: FaultKind | None) -> None:
        """Count what was done to a request: ``kind`` injected, or passed on untouched."""
        with self._lock:
            if kind is None:
                self._passed += 1
            else:
                self._injected[kind] += 1

    def record_abandoned(self) -> None:
        with self._lock:
            self._abandoned += 1

    def counts(self) -> FaultCounts:
        """A snapshot of the counters."""
        with self._lock:
            return FaultCounts(
                self._requests, self._passed, self._delayed, self._abandoned, dict(self._injected)
            )

    def _draw_kind(self) -> FaultKind | None:
        if not self.rates:
            return None
        point = self._faults_random.random()
        threshold = 0.0
        for kind in ALL_KINDS:  # a fixed order, so a seed always means the same faults
            threshold += self.rates.get(kind, 0.0)
            if point < threshold:
                return kind
        return None

    def _draw_delay(self) -> float:
        if self.latency_ms is None or self.latency_rate <= 0:
            return 0.0
        if self.latency_rate < 1 and self._latency_random.random() >= self.latency_rate:
            return 0.0
        low, high = self.latency_ms
        milliseconds = low if low == high else self._latency_random.uniform(low, high)
        return milliseconds / 1000

    # -- text and JSON -----------------------------------------------------------------------

    def describe(self) -> str:
        """One line for people, e.g. ``500 5%, cut 5%; seed 7``; ``none`` when inactive."""
        shares = set(self.rates.values())
        if len(self.rates) == len(ALL_KINDS) and len(shares) == 1:
            parts = [f"{_percent(self.fault_rate)} mixed over all kinds ({_percent(*shares)} each)"]
        else:
            parts = [f"{kind.value} {_percent(rate)}" for kind, rate in self.rates.items()]
        if any(kind is not None for kind in self.script):
            parts.append("scripted: " + ", ".join(kind or "none" for kind in self.script))
        if self.latency_ms is not None and self.latency_ms[1] > 0 and self.latency_rate > 0:
            low, high = (_number(value) for value in self.latency_ms)
            span = low if low == high else f"{low}-{high}"
            share = "every request" if self.latency_rate >= 1 else _percent(self.latency_rate)
            parts.append(f"latency {span} ms on {share}")
        if not parts:
            return "none"
        notes = []
        if any(kind in ERROR_ANSWERS and kind != FaultKind.SERVER_ERROR for kind in self._kinds()):
            notes.append(f"Retry-After {self.retry_after} s")
        if self.methods is not None:
            notes.append("only " + "/".join(sorted(self.methods)))
        if self.seed is not None:
            notes.append(f"seed {self.seed}")
        return "; ".join([", ".join(parts), *notes])

    def to_json(self) -> dict[str, object]:
        """The plan as the admin endpoint shows it (and :meth:`from_json` reads it)."""
        return {
            "rates": {kind.value: rate for kind, rate in self.rates.items()},
            "latencyMs": None if self.latency_ms is None else list(self.latency_ms),
            "latencyRate": self.latency_rate,
            "retryAfter": self.retry_after,
            "seed": self.seed,
            "script": [None if kind is None else kind.value for kind in self.script],
            "methods": None if self.methods is None else sorted(self.methods),
        }

    @classmethod
    def from_json(cls, document: Mapping[str, object]) -> FaultPlan:
        """A plan from JSON like :meth:`to_json`'s; every key is optional.

        ``"mixed": RATE`` spreads RATE over all kinds; ``rates`` then overrides single kinds.
        Raises ValueError (or TypeError) with a message fit for a 400 answer.
        """
        known = {
            *("rates", "mixed", "latencyMs", "latencyRate", "retryAfter", "seed"),
            *("script", "methods"),
        }
        unknown = sorted(set(document) - known)
        if unknown:
            raise ValueError(f"unknown field(s) {', '.join(unknown)}; known: {sorted(known)}")
        rates: dict[FaultKind | str, float] = {}
        mixed = document.get("mixed")
        if mixed is not None:
            share = checked_rate("mixed", _json_number("mixed", mixed)) / len(ALL_KINDS)
            rates.update(dict.fromkeys(ALL_KINDS, share))
        raw_rates = document.get("rates") or {}
        if not isinstance(raw_rates, Mapping):
            raise TypeError("rates must be an object of fault names and shares")
        for name, rate in raw_rates.items():
            rates[FaultKind.parse(str(name))] = _json_number(f"rates.{name}", rate)
        latency = document.get("latencyMs")
        latency_ms: float | tuple[float, float] | None
        if latency is None:
            latency_ms = None
        elif isinstance(latency, list) and len(latency) == 2:
            latency_ms = (
                _json_number("latencyMs", latency[0]),
                _json_number("latencyMs", latency[1]),
            )
        else:
            latency_ms = _json_number("latencyMs", latency)
        script = document.get("script") or []
        if not isinstance(script, list) or not all(
            kind is None or isinstance(kind, str) for kind in script
        ):
            raise TypeError("script must be a list of fault names (or null for no fault)")
        methods = document.get("methods")
        if methods is not None and (
            not isinstance(methods, list) or not all(isinstance(m, str) for m in methods)
        ):
            raise TypeError("methods must be a list of HTTP methods")
        return cls(
            rates,
            latency_ms=latency_ms,
            latency_rate=_json_number("latencyRate", document.get("latencyRate", 1.0)),
            retry_after=_json_int("retryAfter", document.get("retryAfter", 1)),
            seed=None if document.get("seed") is None else _json_int("seed", document["seed"]),
            script=script,
            methods=methods,
        )

    def __repr__(self) -> str:
        return f"FaultPlan({self.describe()})"

    def _kinds(self) -> set[FaultKind]:
        kinds = {kind for kind, rate in self.rates.items() if rate}
        return kinds | {kind for kind in self.script if kind is not None}


class FaultControl:
    """The plan in force, replaceable from any thread between (or during) requests."""

    def __init__(self, plan: FaultPlan | None = None) -> None:
        self.plan = plan if plan is not None else FaultPlan()


def _json_number(what: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{what} must be a number, not {json.dumps(value)}")
    return float(value)


def _json_int(what: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be a whole number, not {json.dumps(value)}")
    return value


def _percent(rate: float) -> str:
    return f"{_number(round(rate * 100, 2))}%"


def _number(value: float) -> str:
    return f"{value:g}"
