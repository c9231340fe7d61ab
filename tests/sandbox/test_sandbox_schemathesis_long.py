"""The long schemathesis run: many examples per operation, valid and invalid, against the sandbox.

The quick run (``test_sandbox_schemathesis.py``, 40 valid examples per operation) belongs to
every test run; this one is marked ``slow`` (``pytest -m slow``). It sends
``EXAMPLES_PER_OPERATION`` generated requests to each documented operation, once with data
the document allows (positive) and once with data it forbids (negative), and holds the
sandbox to the same checks as the quick run: never a 5xx, and every answer as documented.

Fault injection stays off: a 503 on purpose is no finding. The server is started with an
empty :class:`~timeclock.sandbox.FaultPlan`, and the plan's counters must still show no
fault after the run. Each test prints its figures (cases sent, the statuses answered).
Set ``TIMECLOCK_SCHEMATHESIS_EXAMPLES`` to run more or fewer examples.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from tests.sandbox.test_sandbox_schemathesis import CHECKS, _operation_ids
from timeclock.sandbox import (
    KEY_HEADER,
    OPENAPI_PATH,
    SECRET_HEADER,
    FaultPlan,
    NewAttendance,
    SandboxServer,
)

pytestmark = pytest.mark.slow

EXAMPLES_PER_OPERATION = int(os.environ.get("TIMECLOCK_SCHEMATHESIS_EXAMPLES", "1000"))
FIRST = datetime(2020, 10, 1, 6, 0, tzinfo=UTC)
SEED = [
    NewAttendance(
        user=("hansm", "ivan", "erikam")[number % 3],
        start=FIRST + timedelta(hours=12 * number),
        end=FIRST + timedelta(hours=12 * number + 8),
        break_minutes=number % 60,
        notes=f"#{number}",
        manual=number % 2 == 0,
    )
    for number in range(200)
]


@pytest.fixture(scope="module")
def schema_server() -> Iterator[SandboxServer]:
    """A sandbox with fault injection explicitly off, for the whole module."""
    with SandboxServer(faults=FaultPlan()) as server:
        assert not server.faults.active
        yield server
        counts = server.faults.counts()
        assert not server.faults.active
        assert counts.faults == 0, counts.to_json()


@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda mode: mode.value)
@pytest.mark.parametrize("label", _operation_ids())
@pytest.mark.timeout(1800)
def test_the_sandbox_keeps_to_its_openapi_document_for_many_examples(
    schema_server: SandboxServer,
    label: str,
    mode: GenerationMode,
    capsys: pytest.CaptureFixture[str],
) -> None:
    schema_server.store.reset()
    schema_server.store.insert_many(SEED)  # ids 1..200: reads, edits and deletes that hit
    schema = schemathesis.openapi.from_url(schema_server.root_url + OPENAPI_PATH)
    operations = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        operations[f"{operation.method.upper()} {operation.path}"] = operation
    auth = {KEY_HEADER: schema_server.api_key, SECRET_HEADER: schema_server.api_secret}
    statuses: Counter[int] = Counter()

    @given(case=operations[label].as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def check(case: schemathesis.Case) -> None:
        headers = {**(case.headers or {}), **auth}
        response = case.call(headers=headers)
        statuses[response.status_code] += 1
        case.validate_response(response, checks=CHECKS, headers=headers)

    try:
        check()
    finally:
        with capsys.disabled():
            print(
                f"\nschemathesis {label} ({mode.value}): {statuses.total()} cases, "
                f"statuses {dict(sorted(statuses.items()))}"
            )
    assert statuses.total() > 0
    assert not any(status >= 500 for status in statuses)
