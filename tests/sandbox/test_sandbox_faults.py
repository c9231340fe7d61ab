"""Fault injection in the sandbox, seen by a plain httpx client over real loopback HTTP.

Every kind is checked for what reaches the client (status, headers, body, or a broken
connection) and for whether the change was stored; rates are checked over a few hundred
requests with a seed; the admin endpoint and the ``timeclock sandbox`` options are driven
the way the client tests and a person will use them.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import math
import signal
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.sandbox.conftest import API_KEY, API_SECRET, ExpectError, auth_headers
from tests.sandbox.test_sandbox_command import launch, posix_only, read_banner
from timeclock.sandbox import (
    KEY_HEADER,
    OPENAPI_PATH,
    SECRET_HEADER,
    FaultKind,
    FaultPlan,
    SandboxServer,
    add_sandbox_arguments,
    run_sandbox,
)
from timeclock.sandbox.command import fault_plan_from_args
from timeclock.sandbox.faults import broken_json

START = datetime(2020, 10, 1, 6, 0, tzinfo=UTC)
NO_ANSWER = "no-answer"  # cut or commit-then-cut: the same to the client
PASSED = "passed"


def entry(index: int = 0, user: str = "ivan") -> dict[str, object]:
    """A create body with a ``from`` of its own, so each stored entry can be traced back."""
    start = START + timedelta(hours=index)
    return {
        "username": user,
        "from": start.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "to": (start + timedelta(minutes=45)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "breakMinutes": 5,
    }


def outcome(client: httpx.Client, method: str, url: str, **options: object) -> str:
    """What the client saw, as a fault name, ``no-answer`` or ``passed``."""
    try:
        response = client.request(method, url, **options)  # type: ignore[arg-type]
    except httpx.RemoteProtocolError as error:
        if "without sending a response" in str(error):
            return NO_ANSWER
        assert "without sending complete message body" in str(error), error
        return FaultKind.TRUNCATED_BODY.value
    if response.status_code in (500, 503, 429):
        return str(response.status_code)
    assert response.is_success, response.text
    if response.headers["content-type"].startswith("text/html"):
        return FaultKind.WRONG_CONTENT_TYPE.value
    if response.status_code == 204:
        return PASSED
    try:
        response.json()
    except json.JSONDecodeError:
        return FaultKind.MALFORMED_JSON.value
    return PASSED


@pytest.fixture(scope="module")
def fault_server() -> Iterator[SandboxServer]:
    with SandboxServer(api_key=API_KEY, api_secret=API_SECRET) as server:
        yield server


@pytest.fixture
def server(
    fault_server: SandboxServer, caplog: pytest.LogCaptureFixture
) -> Iterator[SandboxServer]:
    """The module's server with an empty store; faults are switched off again afterwards.

    The faults must not make the server complain: nothing logged at warning or above.
    """
    fault_server.store.reset()
    fault_server.faults = FaultPlan()
    with caplog.at_level(logging.WARNING):
        yield fault_server
    fault_server.faults = FaultPlan()
    assert [record.getMessage() for record in caplog.records] == []


@pytest.fixture
def api(server: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, headers=auth_headers(server), timeout=10) as c:
        yield c


# -- each kind ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "status", "code"),
    [
        (FaultKind.SERVER_ERROR, 500, 10500),
        (FaultKind.UNAVAILABLE, 503, 10503),
        (FaultKind.RATE_LIMITED, 429, 10429),
    ],
)
def test_error_answers_carry_the_vendor_body_and_store_nothing(
    server: SandboxServer,
    api: httpx.Client,
    expect_error: ExpectError,
    kind: FaultKind,
    status: int,
    code: int,
) -> None:
    server.faults = FaultPlan(script=[kind], retry_after=7)

    response = api.post("/attendances", json=entry())

    expect_error(response, status, code)
    assert "fault injection" in response.json()["errors"][0]["detail"]
    if kind is FaultKind.SERVER_ERROR:
        assert "retry-after" not in response.headers
    else:
        assert response.headers["retry-after"] == "7"
    assert server.store.count() == 0
    assert server.faults.counts().injected[kind] == 1
    assert api.post("/attendances", json=entry()).status_code == 201  # the script has run out


def test_a_cut_closes_the_connection_before_the_app_sees_the_request(
    server: SandboxServer, api: httpx.Client
) -> None:
    server.faults = FaultPlan(script=["cut"])

    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        api.post("/attendances", json=entry())

    assert server.store.count() == 0
    assert server.faults.counts().injected[FaultKind.CUT] == 1
    assert api.post("/attendances", json=entry()).status_code == 201  # a new connection


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_commit_then_cut_stores_the_change_and_never_answers(
    server: SandboxServer, api: httpx.Client, method: str
) -> None:
    if method != "POST":
        assert api.post("/attendances", json=entry(1)).status_code == 201
    server.faults = FaultPlan(script=["commit-then-cut"])

    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        if method == "POST":
            api.post("/attendances", json=entry(1))
        elif method == "PUT":
            api.put("/attendances/1", json={"notes": "changed", "breakMinutes": 9})
        else:
            api.delete("/attendances/1")

    if method == "POST":
        (stored,) = server.store.all()
        assert stored.user == "ivan"
        assert stored.start == START + timedelta(hours=1)
    elif method == "PUT":
        assert (server.store.get(1).notes, server.store.get(1).break_minutes) == ("changed", 9)
    else:
        assert server.store.count() == 0
        assert server.store.count(include_deleted=True) == 1
    assert server.faults.counts().injected[FaultKind.COMMIT_THEN_CUT] == 1


def test_malformed_json_is_a_200_that_does_not_parse_after_the_change_was_stored(
    server: SandboxServer, api: httpx.Client
) -> None:
    server.faults = FaultPlan(script=["malformed-json"])

    response = api.post("/attendances", json=entry())

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["content-length"] == str(len(response.content))
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)
    assert response.content.startswith(b'{"id":1,')  # the real answer, broken off
    assert server.store.count() == 1


def test_the_wrong_content_type_is_an_html_page_after_the_change_was_stored(
    server: SandboxServer, api: httpx.Client
) -> None:
    server.faults = FaultPlan(script=["wrong-content-type"])

    response = api.post("/attendances", json=entry())

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.text.startswith("<!DOCTYPE html>")
    assert server.store.count() == 1


def test_a_truncated_body_promises_more_than_it_sends_then_closes(
    server: SandboxServer, api: httpx.Client
) -> None:
    assert api.post("/attendances", json=entry()).status_code == 201
    server.faults = FaultPlan(script=["truncated-body"])

    with api.stream("GET", "/attendances") as response:
        assert response.status_code == 200  # the app's own head
        assert response.headers["content-type"] == "application/json"
        promised = int(response.headers["content-length"])
        with pytest.raises(httpx.RemoteProtocolError, match="complete message body") as caught:
            response.read()

    assert f"expected {promised}" in str(caught.value)
    assert f"received {promised // 2} bytes" in str(caught.value)
    assert api.get("/attendances").json()[0]["id"] == 1


def test_a_truncated_create_was_stored(server: SandboxServer, api: httpx.Client) -> None:
    server.faults = FaultPlan(script=["truncated-body"])

    with pytest.raises(httpx.RemoteProtocolError):
        api.post("/attendances", json=entry())

    assert server.store.count() == 1


def test_a_truncated_answer_without_a_body_gets_one_to_truncate(
    server: SandboxServer, api: httpx.Client
) -> None:
    assert api.post("/attendances", json=entry()).status_code == 201
    server.faults = FaultPlan(script=["truncated-body"])

    with pytest.raises(httpx.RemoteProtocolError, match="complete message body"):
        api.delete("/attendances/1")  # 204 answers have no body

    assert server.store.count() == 0


def test_broken_json_never_parses() -> None:
    for body in (b'{"id": 1}', b"[1, 2, 3]", b"[]", b"{}", b"", b"null", b'"text"'):
        with pytest.raises(json.JSONDecodeError):
            json.loads(broken_json(body))


# -- latency -----------------------------------------------------------------------------------


def test_latency_delays_requests_by_at_least_its_minimum(
    server: SandboxServer, api: httpx.Client
) -> None:
    server.faults = FaultPlan(latency_ms=(120, 160))

    started = time.monotonic()
    response = api.get("/attendances")
    elapsed = time.monotonic() - started

    assert response.status_code == 200
    assert elapsed >= 0.12
    assert server.faults.counts().delayed == 1


def test_a_fixed_latency_and_a_share_of_delayed_requests(
    server: SandboxServer, api: httpx.Client
) -> None:
    server.faults = FaultPlan(latency_ms=80)
    started = time.monotonic()
    api.get("/attendances")
    assert time.monotonic() - started >= 0.08

    server.faults = FaultPlan(latency_ms=5, latency_rate=0.25, seed=3)
    for _ in range(40):
        api.get("/attendances")
    counts = server.faults.counts()
    assert (counts.requests, counts.passed) == (40, 40)
    assert 3 <= counts.delayed <= 20


def test_a_client_that_gives_up_during_the_latency_leaves_nothing_stored(
    server: SandboxServer,
) -> None:
    server.faults = FaultPlan(latency_ms=5000, script=["commit-then-cut"])
    with (
        httpx.Client(base_url=server.base_url, headers=auth_headers(server), timeout=0.2) as c,
        pytest.raises(httpx.ReadTimeout),
    ):
        c.post("/attendances", json=entry())

    deadline = time.monotonic() + 5
    while server.faults.counts().abandoned == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    counts = server.faults.counts()
    assert (counts.abandoned, counts.faults, counts.passed) == (1, 0, 0)
    assert server.store.count(include_deleted=True) == 0


# -- rates and seeds ---------------------------------------------------------------------------


def _outcomes(server: SandboxServer, plan: FaultPlan, count: int) -> list[str]:
    """``count`` creates under ``plan`` (each on a fresh ``from``); what the client saw."""
    server.store.reset()
    server.faults = plan
    with httpx.Client(base_url=server.base_url, headers=auth_headers(server), timeout=10) as c:
        return [outcome(c, "POST", "/attendances", json=entry(index)) for index in range(count)]


def _within(observed: int, requests: int, rate: float) -> bool:
    expected = requests * rate
    return abs(observed - expected) <= 4 * math.sqrt(requests * rate * (1 - rate)) + 1


def test_each_rate_is_kept_and_the_stored_entries_match_the_kinds(server: SandboxServer) -> None:
    rates = {"500": 0.15, "429": 0.05, "cut": 0.1, "commit-then-cut": 0.1, "truncated-body": 0.1}
    requests = 200

    seen = Counter(_outcomes(server, FaultPlan(rates, seed=11), requests))

    counts = server.faults.counts()
    injected = {kind.value: number for kind, number in counts.injected.items()}
    assert counts.requests == requests
    assert seen[PASSED] == counts.passed
    assert seen[NO_ANSWER] == injected["cut"] + injected["commit-then-cut"]
    for name in ("500", "429", "truncated-body"):
        assert seen[name] == injected[name]
    for name, rate in rates.items():
        assert _within(injected[name], requests, rate), (name, injected[name])
    assert _within(counts.passed, requests, 0.5)
    # What the app handled was stored, and nothing else: no loss, no double.
    stored = server.store.count()
    assert stored == counts.passed + injected["commit-then-cut"] + injected["truncated-body"]


def test_a_mix_spreads_the_rate_over_every_kind(server: SandboxServer) -> None:
    requests = 200

    seen = Counter(_outcomes(server, FaultPlan.mixed(0.4, seed=5), requests))

    counts = server.faults.counts()
    assert _within(counts.faults, requests, 0.4)
    assert all(number > 0 for number in counts.injected.values()), counts
    assert seen[FaultKind.MALFORMED_JSON.value] == counts.injected[FaultKind.MALFORMED_JSON]
    assert seen[FaultKind.WRONG_CONTENT_TYPE.value] == counts.injected[FaultKind.WRONG_CONTENT_TYPE]
    assert seen["503"] == counts.injected[FaultKind.UNAVAILABLE]
    app_ran = {"commit-then-cut", "malformed-json", "wrong-content-type", "truncated-body"}
    expected_stored = counts.passed + sum(
        number for kind, number in counts.injected.items() if kind.value in app_ran
    )
    assert server.store.count() == expected_stored


def test_a_seed_repeats_the_same_faults(server: SandboxServer) -> None:
    rates = {"500": 0.2, "cut": 0.1, "malformed-json": 0.1}

    first = _outcomes(server, FaultPlan(rates, seed=42), 120)
    again = _outcomes(server, FaultPlan(rates, seed=42, latency_ms=1), 120)
    other = _outcomes(server, FaultPlan(rates, seed=43), 120)

    assert first == again  # latency draws from its own generator
    assert first != other


def test_a_script_comes_first_then_the_rates(server: SandboxServer, api: httpx.Client) -> None:
    server.faults = FaultPlan({"503": 1.0}, script=["cut", None, "500"])

    seen = [outcome(api, "GET", "/attendances") for _ in range(4)]

    assert seen == [NO_ANSWER, PASSED, "500", "503"]


def test_faults_can_be_limited_to_some_methods(server: SandboxServer, api: httpx.Client) -> None:
    server.faults = FaultPlan({"500": 1.0}, methods=["post", "PUT"])

    assert api.get("/attendances").status_code == 200
    assert api.post("/attendances", json=entry()).status_code == 500
    assert server.faults.counts().requests == 1


def test_faults_hit_only_the_attendances_resource(server: SandboxServer, api: httpx.Client) -> None:
    server.faults = FaultPlan({"500": 1.0})

    assert httpx.get(server.root_url + OPENAPI_PATH).status_code == 200
    assert api.get("/_admin/faults").status_code == 200
    assert api.get("/elsewhere").status_code == 404
    assert api.get("/attendancesx").status_code == 404
    for path in ("/attendances", "/attendances/", "/attendances/1", "/attendances/1/"):
        assert api.get(path).status_code == 500, path
    assert server.faults.counts().requests == 4


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        ({"rates": {"500": 0.7, "cut": 0.4}}, "more than 1"),
        ({"rates": {"teapot": 0.1}}, "unknown fault"),
        ({"rates": {"cut": -0.1}}, "between 0 and 1"),
        ({"latency_ms": (50, 10)}, "ends before it starts"),
        ({"latency_ms": -1}, "between 0"),
        ({"retry_after": -1}, "between 0"),
        ({"script": ["cut", "slow"]}, "unknown fault"),
        ({"methods": ["FETCH"]}, "not HTTP methods"),
    ],
)
def test_a_plan_refuses_what_it_cannot_do(arguments: dict[str, object], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        FaultPlan(**arguments)  # type: ignore[arg-type]


def test_a_plan_describes_itself() -> None:
    plan = FaultPlan({"cut": 0.05, "503": 0.1}, latency_ms=(50, 200), seed=9, retry_after=2)

    assert plan.describe() == (
        "503 10%, cut 5%, latency 50-200 ms on every request; Retry-After 2 s; seed 9"
    )
    assert FaultPlan.mixed(0.3, seed=1).describe() == (
        "30% mixed over all kinds (3.75% each); Retry-After 1 s; seed 1"
    )
    assert FaultPlan(script=["cut", None], methods=["post"]).describe() == (
        "scripted: cut, none; only POST"
    )
    assert FaultPlan().describe() == "none"
    assert not FaultPlan().active
    assert FaultPlan(latency_ms=10).active
    assert FaultPlan.from_json(plan.to_json()).to_json() == plan.to_json()


# -- the admin endpoint ------------------------------------------------------------------------


def test_the_admin_endpoint_needs_the_api_key_and_secret(
    server: SandboxServer, expect_error: ExpectError
) -> None:
    url = server.base_url + "/_admin/faults"
    wrong = {KEY_HEADER: API_KEY, SECRET_HEADER: "wrong"}

    expect_error(httpx.get(url), 401, 10401)
    expect_error(httpx.put(url, json={"mixed": 1}, headers=wrong), 401, 10401)
    expect_error(httpx.post(server.base_url + "/_admin/reset"), 401, 10401)
    assert not server.faults.active


def test_the_admin_endpoint_reads_and_replaces_the_plan(
    server: SandboxServer, api: httpx.Client
) -> None:
    plan = {"rates": {"503": 1.0}, "retryAfter": 5, "seed": 1, "latencyMs": [0, 1]}

    replaced = api.put("/_admin/faults", json=plan)
    answer = api.get("/attendances")
    state = api.get("/_admin/faults").json()

    assert replaced.status_code == 200
    assert replaced.json()["counts"]["requests"] == 0
    assert (answer.status_code, answer.headers["retry-after"]) == (503, "5")
    assert state["plan"] == {
        "rates": {"503": 1.0},
        "latencyMs": [0.0, 1.0],
        "latencyRate": 1.0,
        "retryAfter": 5,
        "seed": 1,
        "script": [],
        "methods": None,
    }
    assert state["counts"]["requests"] == 1
    assert state["counts"]["faults"] == 1
    assert state["counts"]["injected"]["503"] == 1
    assert set(state["counts"]["injected"]) == {kind.value for kind in FaultKind}
    assert server.faults.to_json() == state["plan"]  # the same plan in-process

    assert api.put("/_admin/faults", json={}).json()["plan"]["rates"] == {}
    assert api.get("/attendances").status_code == 200


def test_the_admin_endpoint_takes_a_mix_and_a_script(
    server: SandboxServer, api: httpx.Client
) -> None:
    api.put("/_admin/faults", json={"mixed": 0.8, "rates": {"cut": 0}, "script": ["429"]})

    assert api.get("/attendances").status_code == 429
    assert set(server.faults.rates) == set(FaultKind) - {FaultKind.CUT}
    assert server.faults.rates[FaultKind.SERVER_ERROR] == pytest.approx(0.1)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"rates": {"500": 2}}, 15003),
        ({"rates": ["500"]}, 15003),
        ({"rates": {"500": "0.5"}}, 15003),
        ({"seed": 1.5}, 15003),
        ({"latencyMs": [1, 2, 3]}, 15003),
        ({"script": "cut"}, 15003),
        ({"rate": 0.5}, 15003),
        ([], 15001),
        ("{", 15001),
    ],
)
def test_the_admin_endpoint_refuses_a_bad_plan_and_keeps_the_old_one(
    server: SandboxServer, api: httpx.Client, expect_error: ExpectError, body: object, code: int
) -> None:
    server.faults = kept = FaultPlan({"500": 0.1})
    content = body if isinstance(body, str) else json.dumps(body)

    response = api.put("/_admin/faults", content=content)

    expect_error(response, 400, code)
    assert server.faults is kept


def test_reset_empties_the_store_and_switches_faults_off(
    server: SandboxServer, api: httpx.Client
) -> None:
    assert api.post("/attendances", json=entry()).status_code == 201
    server.faults = FaultPlan({"cut": 1.0})

    response = api.post("/_admin/reset")

    assert response.status_code == 204
    assert server.store.count(include_deleted=True) == 0
    assert not server.faults.active
    assert api.post("/attendances", json=entry()).json()["id"] == 1


# -- the command -------------------------------------------------------------------------------


def _parse(*argv: str) -> argparse.Namespace:
    return add_sandbox_arguments(argparse.ArgumentParser()).parse_args(argv)


def test_the_fault_options_make_a_plan() -> None:
    plan = fault_plan_from_args(
        _parse("--fault-rate", "40%", "--fault", "cut=0.2", "--fault", "500=0", "--fault-seed", "8")
    )

    assert plan.rates[FaultKind.CUT] == 0.2
    assert FaultKind.SERVER_ERROR not in plan.rates
    assert plan.rates[FaultKind.TRUNCATED_BODY] == pytest.approx(0.05)
    assert (plan.seed, plan.latency_ms, plan.retry_after) == (8, None, 1)

    delayed = fault_plan_from_args(
        _parse("--latency", "20-40", "--fault", "latency=25%", "--retry-after", "0")
    )
    assert (delayed.latency_ms, delayed.latency_rate, delayed.retry_after) == ((20, 40), 0.25, 0)
    assert delayed.seed is not None  # chosen, and shown in the banner
    assert fault_plan_from_args(_parse()).describe() == "none"


def test_the_script_options_make_a_scripted_plan_for_some_methods() -> None:
    plan = fault_plan_from_args(
        _parse("--fault-script", "none, cut,commit-then-cut", "--fault-methods", "post,PUT")
    )

    assert plan.script == (None, FaultKind.CUT, FaultKind.COMMIT_THEN_CUT)
    assert plan.methods == {"POST", "PUT"}
    assert plan.seed is None  # nothing random to repeat
    assert plan.describe() == "scripted: none, cut, commit-then-cut; only POST/PUT"


@pytest.mark.parametrize(
    "argv",
    [
        ["--fault-script", "none,slow"],
        ["--fault-script", ","],
        ["--fault-methods", "FETCH"],
        ["--fault-methods", ","],
        ["--fault", "teapot=0.1"],
        ["--fault", "cut"],
        ["--fault", "cut=1.5"],
        ["--fault-rate", "lots"],
        ["--latency", "50-10"],
        ["--latency", "fast"],
        ["--retry-after", "-1"],
        ["--fault-seed", "x"],
    ],
)
def test_bad_fault_options_are_usage_errors(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        _parse(*argv)

    assert exit_info.value.code == 2
    assert "error" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (
            ["--fault", "500=0.6", "--fault", "cut=0.6"],
            "the fault rates add up to 1.2, more than 1",
        ),
        (["--fault", "latency=0.5"], "--fault latency=RATE needs --latency MS[-MS]"),
    ],
)
def test_fault_options_that_do_not_fit_together_exit_2(argv: list[str], problem: str) -> None:
    err = io.StringIO()

    assert run_sandbox(_parse(*argv), stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue() == f"timeclock sandbox: error: {problem}\n"


@posix_only
@pytest.mark.timeout(30)
def test_the_command_serves_the_faults_it_prints() -> None:
    argv = ["--port", "0", "--fault", "cut=0.5", "--fault", "503=0.5", "--fault-seed", "3"]
    with launch(*argv, "--latency", "5", "--retry-after", "4") as process:
        try:
            banner = read_banner(process)
            headers = {KEY_HEADER: banner["API key"], SECRET_HEADER: banner["API secret"]}
            with httpx.Client(base_url=banner["url"], headers=headers, timeout=10) as c:
                seen = Counter(outcome(c, "GET", "/attendances") for _ in range(20))
                state = c.get("/_admin/faults").json()
                document = c.get("/openapi.json")
        finally:
            process.send_signal(signal.SIGINT)
            stdout, stderr = process.communicate(timeout=15)

    assert banner["Faults"] == "503 50%, cut 50%, latency 5 ms on every request;" + (
        " Retry-After 4 s; seed 3"
    )
    assert seen[NO_ANSWER] + seen["503"] == 20
    assert seen[NO_ANSWER] == state["counts"]["injected"]["cut"] > 0
    assert state["plan"]["seed"] == 3
    assert document.status_code == 200
    assert process.returncode == 0
    assert stderr == ""  # no tracebacks or server complaints about the cut connections
    assert stdout.strip() == "Sandbox stopped."


@posix_only
@pytest.mark.timeout(30)
def test_the_command_cuts_the_request_its_script_names() -> None:
    with launch("--port", "0", "--fault-script", "none,cut", "--fault-methods", "POST") as process:
        try:
            banner = read_banner(process)
            headers = {KEY_HEADER: banner["API key"], SECRET_HEADER: banner["API secret"]}
            with httpx.Client(base_url=banner["url"], headers=headers, timeout=10) as c:
                seen = [
                    outcome(c, "POST", "/attendances", json=entry(0)),
                    outcome(c, "GET", "/attendances"),
                    outcome(c, "POST", "/attendances", json=entry(1)),
                    outcome(c, "POST", "/attendances", json=entry(2)),
                ]
                stored = c.get("/attendances").json()
        finally:
            process.send_signal(signal.SIGINT)
            stdout, stderr = process.communicate(timeout=15)

    assert banner["Faults"] == "scripted: none, cut; only POST"
    assert seen == [PASSED, PASSED, NO_ANSWER, PASSED]
    assert [item["from"] for item in stored] == [entry(0)["from"], entry(2)["from"]]
    assert process.returncode == 0
    assert stderr == ""
    assert stdout.strip() == "Sandbox stopped."
