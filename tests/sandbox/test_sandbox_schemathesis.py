"""schemathesis against the sandbox's own OpenAPI document: no 500s, no schema violations.

The document is what the client team reads as the API "as we understand it", so the
sandbox must keep to it for any input a generator can think of, valid or not. The
operations are driven through schemathesis's Python API with hypothesis (its pytest
plugin does not load lazily-built schemas under this pytest).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import checks

from timeclock.sandbox import KEY_HEADER, OPENAPI_PATH, SECRET_HEADER, SandboxServer

EXAMPLES_PER_OPERATION = 40
# What the document promises: no server error, and every answer as documented. Checks that
# judge whether a schema-valid request must succeed are left out: the document cannot
# express rules such as "to not before from", which the sandbox rightly answers with 400.
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]


@pytest.fixture(scope="module")
def schema_server() -> Iterator[SandboxServer]:
    with SandboxServer() as server:
        yield server


def _operation_ids() -> list[str]:
    return [
        "GET /attendances",
        "POST /attendances",
        "GET /attendances/{id}",
        "PUT /attendances/{id}",
        "DELETE /attendances/{id}",
    ]


@pytest.mark.parametrize("label", _operation_ids())
def test_the_sandbox_keeps_to_its_openapi_document(
    schema_server: SandboxServer, label: str
) -> None:
    schema = schemathesis.openapi.from_url(schema_server.root_url + OPENAPI_PATH)
    operations = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        operations[f"{operation.method.upper()} {operation.path}"] = operation
    assert set(operations) >= set(_operation_ids()), sorted(operations)
    auth = {KEY_HEADER: schema_server.api_key, SECRET_HEADER: schema_server.api_secret}

    @given(case=operations[label].as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        database=None,
    )
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(headers={**(case.headers or {}), **auth}, checks=CHECKS)

    check()
