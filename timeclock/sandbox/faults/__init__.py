"""Fault injection: the sandbox misbehaving the way networks and servers do, on purpose.

A :class:`FaultPlan` says how often each :class:`FaultKind` happens (or scripts the next few
requests exactly), how much latency to add, and carries its own seeded random generator, so
a run with the same seed and the same requests meets the same faults. It counts what it did
(:meth:`FaultPlan.counts`). :class:`FaultInjection` is the pure ASGI middleware that acts on
the plan; it touches only the attendances resource (``/api/v2/ext/attendances...``), never
the OpenAPI document or the admin endpoint. :func:`admin_routes` lets tests read and replace
the plan over HTTP (``GET``/``PUT /api/v2/ext/_admin/faults``, ``POST .../_admin/reset``).

The modules, one job each:

- :mod:`~timeclock.sandbox.faults.kinds`: the fault kinds, and what each does to a request;
- :mod:`~timeclock.sandbox.faults.checks`: checking a plan's settings, parsing option text;
- :mod:`~timeclock.sandbox.faults.plan`: the plan, its counts and its JSON form;
- :mod:`~timeclock.sandbox.faults.connection`: how a request closes its connection;
- :mod:`~timeclock.sandbox.faults.middleware`: the ASGI middleware injecting the faults;
- :mod:`~timeclock.sandbox.faults.admin`: the admin endpoint.
"""

# The limits (MAX_*, CLOSE_GRACE_SECONDS) stay importable from here, as before the split.
from timeclock.sandbox.faults.admin import admin_routes
from timeclock.sandbox.faults.checks import MAX_LATENCY_MS as MAX_LATENCY_MS
from timeclock.sandbox.faults.checks import (
    parse_fault,
    parse_latency,
    parse_methods,
    parse_rate,
    parse_script,
)
from timeclock.sandbox.faults.connection import CLOSE_GRACE_SECONDS as CLOSE_GRACE_SECONDS
from timeclock.sandbox.faults.connection import (
    CONNECTION_EXTENSION,
    ConnectionHandle,
    connection_of,
)
from timeclock.sandbox.faults.kinds import ALL_KINDS, FaultKind
from timeclock.sandbox.faults.middleware import FaultInjection, broken_json
from timeclock.sandbox.faults.plan import MAX_RETRY_AFTER as MAX_RETRY_AFTER
from timeclock.sandbox.faults.plan import FaultControl, FaultCounts, FaultDecision, FaultPlan

__all__ = [
    "ALL_KINDS",
    "CONNECTION_EXTENSION",
    "ConnectionHandle",
    "FaultControl",
    "FaultCounts",
    "FaultDecision",
    "FaultInjection",
    "FaultKind",
    "FaultPlan",
    "admin_routes",
    "broken_json",
    "connection_of",
    "parse_fault",
    "parse_latency",
    "parse_methods",
    "parse_rate",
    "parse_script",
]
