"""Server quirks in the sandbox, seen by a plain httpx client over real loopback HTTP.

Each quirk is what the vendor's documents allow a real server to do; the tests check what
reaches the client and what the server stored, and that the quirks can be switched on and
off through the server object and the admin endpoint.
"""

from __future__ import annotations

import argparse
import logging
import signal
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from tests.sandbox.conftest import API_KEY, API_SECRET, ExpectError, auth_headers
from tests.sandbox.test_sandbox_command import launch, posix_only, read_banner
from timeclock.sandbox import (
    KEY_HEADER,
    SECRET_HEADER,
    FaultPlan,
    NewAttendance,
    SandboxServer,
    ServerQuirks,
    add_sandbox_arguments,
)
from timeclock.sandbox.command import quirks_from_args
from timeclock.sandbox.endless import FILLER_FIRST_ID

MILLIS = datetime(2020, 10, 1, 8, 0, 0, 789_000, tzinfo=UTC)


def body(user: str = "ivan", start: str = "2020-10-01T08:00:00.789Z") -> dict[str, object]:
    return {"username": user, "from": start, "to": "2020-10-01T16:30:59.999Z"}


@pytest.fixture(scope="module")
def quirk_server() -> Iterator[SandboxServer]:
    with SandboxServer(api_key=API_KEY, api_secret=API_SECRET) as server:
        yield server


@pytest.fixture
def server(
    quirk_server: SandboxServer, caplog: pytest.LogCaptureFixture
) -> Iterator[SandboxServer]:
    """The module's server, empty, without quirks or faults; both are switched off again
    afterwards. The quirks must not make the server complain: nothing logged at warning."""
    quirk_server.store.reset()
    quirk_server.quirks = None
    quirk_server.faults = None
    with caplog.at_level(logging.WARNING):
        yield quirk_server
    quirk_server.quirks = None
    quirk_server.faults = None
    assert [record.getMessage() for record in caplog.records] == []


@pytest.fixture
def api(server: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, headers=auth_headers(server), timeout=10) as c:
        yield c


def ids(response: httpx.Response) -> list[int]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()]


# -- off by default ----------------------------------------------------------------------------


def test_without_quirks_the_server_keeps_milliseconds_and_case(
    server: SandboxServer, api: httpx.Client
) -> None:
    assert server.quirks == ServerQuirks()
    assert not server.quirks.active

    created = api.post("/attendances", json=body(user="HansM")).json()

    assert (created["from"], created["to"]) == (
        "2020-10-01T08:00:00.789Z",
        "2020-10-01T16:30:59.999Z",
    )
    assert created["user"] == "HansM"
    assert ids(api.get("/attendances", params={"username": "hansm"})) == []


# -- whole seconds -----------------------------------------------------------------------------


def test_whole_seconds_stores_and_answers_without_milliseconds(
    server: SandboxServer, api: httpx.Client
) -> None:
    server.quirks = ServerQuirks(whole_seconds=True)

    created = api.post("/attendances", json=body()).json()

    expected = ("2020-10-01T08:00:00Z", "2020-10-01T16:30:59Z")  # cut off, not rounded
    assert (created["from"], created["to"]) == expected
    stored = server.store.get(created["id"])
    assert stored.start == MILLIS.replace(microsecond=0)
    assert stored.end == datetime(2020, 10, 1, 16, 30, 59, tzinfo=UTC)
    fetched = api.get(f"/attendances/{created['id']}").json()
    assert (fetched["from"], fetched["to"]) == expected
    (listed,) = api.get("/attendances").json()
    assert (listed["from"], listed["to"]) == expected


def test_whole_seconds_cuts_an_update_too(server: SandboxServer, api: httpx.Client) -> None:
    server.quirks = ServerQuirks(whole_seconds=True)
    entry_id = api.post("/attendances", json=body()).json()["id"]

    updated = api.put(f"/attendances/{entry_id}", json={"to": "2020-10-01T17:45:12.345Z"}).json()

    assert updated["to"] == "2020-10-01T17:45:12Z"
    assert server.store.get(entry_id).end == datetime(2020, 10, 1, 17, 45, 12, tzinfo=UTC)


def test_whole_seconds_answers_older_entries_without_milliseconds(
    server: SandboxServer, api: httpx.Client
) -> None:
    older = server.store.create(NewAttendance(user="ivan", start=MILLIS, end=MILLIS))
    server.quirks = ServerQuirks(whole_seconds=True)

    fetched = api.get(f"/attendances/{older.id}").json()

    assert fetched["from"] == fetched["to"] == "2020-10-01T08:00:00Z"


def test_whole_seconds_filters_on_the_stored_seconds(
    server: SandboxServer, api: httpx.Client
) -> None:
    server.quirks = ServerQuirks(whole_seconds=True)
    entry_id = api.post("/attendances", json=body()).json()["id"]

    # The filter's timestamps are read to the second, as the server reads every timestamp.
    assert ids(api.get("/attendances", params={"from": "2020-10-01T08:00:00.789Z"})) == [entry_id]
    assert ids(api.get("/attendances", params={"from": "2020-10-01T08:00:00.999Z"})) == [entry_id]
    assert ids(api.get("/attendances", params={"to": "2020-10-01T08:00:00Z"})) == [entry_id]
    assert ids(api.get("/attendances", params={"from": "2020-10-01T08:00:01Z"})) == []
    assert ids(api.get("/attendances", params={"to": "2020-10-01T07:59:59.999Z"})) == []


# -- user names folded to lower case -----------------------------------------------------------


def test_folded_case_stores_and_answers_the_user_in_lower_case(
    server: SandboxServer, api: httpx.Client
) -> None:
    server.quirks = ServerQuirks(fold_user_case=True)

    created = api.post("/attendances", json=body(user="HansM")).json()

    assert created["user"] == "hansm"
    assert server.store.get(created["id"]).user == "hansm"
    assert api.get(f"/attendances/{created['id']}").json()["user"] == "hansm"
    assert [item["user"] for item in api.get("/attendances").json()] == ["hansm"]


def test_folded_case_filters_ignore_case(server: SandboxServer, api: httpx.Client) -> None:
    server.quirks = ServerQuirks(fold_user_case=True)
    hans = api.post("/attendances", json=body(user="HansM")).json()["id"]
    other = api.post("/attendances", json=body(user="Hans")).json()["id"]
    # Stored before the quirk, in mixed case and beyond ASCII.
    jorg = server.store.create(NewAttendance(user="Jörg", start=MILLIS, end=MILLIS)).id

    for name in ("HansM", "hansm", "HANSM"):
        assert ids(api.get("/attendances", params={"username": name})) == [hans]
        assert ids(api.get("/attendances", params={"user": name})) == [hans]
    assert ids(api.get("/attendances", params={"username": "HANS"})) == [other]
    assert ids(api.get("/attendances", params={"username": "JÖRG"})) == [jorg]
    assert api.get(f"/attendances/{jorg}").json()["user"] == "jörg"


# -- wrong ids and users -----------------------------------------------------------------------


def test_wrong_id_answers_get_and_put_with_another_id(
    server: SandboxServer, api: httpx.Client
) -> None:
    server.quirks = ServerQuirks(wrong_id=True)
    created = api.post("/attendances", json=body()).json()
    entry_id = created["id"]

    fetched = api.get(f"/attendances/{entry_id}").json()
    updated = api.put(f"/attendances/{entry_id}", json={"notes": "late"}).json()

    assert created["id"] == entry_id == 1  # the create answer is right
    assert fetched["id"] == updated["id"] == entry_id + 50
    assert server.store.get(entry_id).notes == "late"  # the right entry was changed
    assert ids(api.get("/attendances")) == [entry_id]
    assert api.get(f"/attendances/{entry_id + 50}").status_code == 404


def test_wrong_user_answers_a_create_with_another_users_name(
    server: SandboxServer, api: httpx.Client
) -> None:
    server.quirks = ServerQuirks(wrong_user=True)

    created = api.post("/attendances", json=body(user="ivan")).json()
    other = api.post("/attendances", json=body(user="someone.else")).json()

    assert created["user"] == "someone.else"
    assert other["user"] == "someone.else.2"
    assert server.store.get(created["id"]).user == "ivan"
    assert api.get(f"/attendances/{created['id']}").json()["user"] == "ivan"


# -- endless pages -----------------------------------------------------------------------------


def test_endless_pages_are_always_full_of_fresh_ids(
    server: SandboxServer, api: httpx.Client
) -> None:
    server.quirks = ServerQuirks(endless_pages=True)
    mine = [api.post("/attendances", json=body(user="ivan")).json()["id"] for _ in range(3)]
    api.post("/attendances", json=body(user="olga"))

    seen: list[int] = []
    for page_number in range(4):
        params = {"username": "ivan", "limit": 5, "page_number": page_number}
        page = api.get("/attendances", params=params).json()
        assert len(page) == 5
        assert {item["user"] for item in page} == {"ivan"}
        seen += [item["id"] for item in page]

    assert seen[:3] == mine  # the stored entries come first
    assert len(set(seen)) == len(seen) == 20
    assert all(entry_id >= FILLER_FIRST_ID for entry_id in seen[3:])
    assert api.get(f"/attendances/{seen[-1]}").status_code == 404  # made up, not stored
    assert server.store.count() == 4


def test_endless_pages_match_the_filter(server: SandboxServer, api: httpx.Client) -> None:
    server.quirks = ServerQuirks(endless_pages=True)
    params = {"from": "2021-03-01T00:00:00Z", "to": "2021-03-31T00:00:00Z", "page_number": 7}

    page = api.get("/attendances", params=params).json()

    assert len(page) == 50  # the default limit
    assert {item["from"] for item in page} == {"2021-03-01T00:00:00.000Z"}
    assert all(item["to"] > item["from"] for item in page)  # closed entries, not running ones


# -- a dripping answer -------------------------------------------------------------------------


def test_a_drip_sends_the_body_byte_by_byte(server: SandboxServer, api: httpx.Client) -> None:
    entry_id = api.post("/attendances", json=body()).json()["id"]
    expected = api.get(f"/attendances/{entry_id}").content
    server.quirks = ServerQuirks(drip_seconds=0.01)

    began = time.monotonic()
    with api.stream("GET", f"/attendances/{entry_id}") as response:
        head_after = time.monotonic() - began
        chunks = list(response.iter_raw())
    took = time.monotonic() - began

    received = b"".join(chunks)
    assert received == expected  # the same answer, only slower
    assert head_after < 0.5  # the head comes at once
    assert took >= 0.9 * len(received) * 0.01
    assert took < len(received) * 0.01 + 2
    assert len(chunks) > len(received) // 2  # arriving in many small pieces


def test_a_drip_slows_the_error_answers_too(server: SandboxServer, api: httpx.Client) -> None:
    server.quirks = ServerQuirks(drip_seconds=0.005)

    began = time.monotonic()
    response = api.get("/attendances/999")

    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == 15021
    assert time.monotonic() - began >= 0.9 * len(response.content) * 0.005


def test_the_server_stops_at_once_while_it_drips() -> None:
    server = SandboxServer(quirks=ServerQuirks(drip_seconds=2.0)).start()
    try:
        with httpx.Client(headers=auth_headers(server), timeout=30) as client:  # noqa: SIM117
            with client.stream("GET", f"{server.base_url}/attendances/1") as response:
                assert response.status_code == 404  # the head is there, the body is dripping
                began = time.monotonic()
                server.stop()
                stopped_after = time.monotonic() - began
                with pytest.raises(httpx.RemoteProtocolError):
                    response.read()
    finally:
        server.stop()

    assert stopped_after < 1.0
    assert not server.running


def test_a_client_that_hangs_up_ends_the_drip(server: SandboxServer) -> None:
    server.quirks = ServerQuirks(drip_seconds=0.5)  # the 404's body would drip for a minute
    with httpx.Client(headers=auth_headers(server), timeout=30) as client:  # noqa: SIM117
        with client.stream("GET", f"{server.base_url}/attendances/1") as response:
            assert response.status_code == 404

    # uvicorn keeps a task per request until the app returns: the drip gave up at once.
    tasks = server._server.server_state.tasks  # type: ignore[union-attr]
    deadline = time.monotonic() + 2
    while tasks and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not tasks


# -- switching quirks on and off ---------------------------------------------------------------


def test_quirks_change_while_the_server_runs(server: SandboxServer, api: httpx.Client) -> None:
    server.quirks = ServerQuirks(whole_seconds=True)
    assert api.post("/attendances", json=body()).json()["from"] == "2020-10-01T08:00:00Z"

    server.quirks = None

    assert server.quirks == ServerQuirks()
    assert api.post("/attendances", json=body()).json()["from"] == "2020-10-01T08:00:00.789Z"


def test_a_server_starts_with_the_quirks_it_is_given() -> None:
    quirks = ServerQuirks(fold_user_case=True)
    with SandboxServer(quirks=quirks) as server, httpx.Client(headers=auth_headers(server)) as c:
        answer = c.post(f"{server.base_url}/attendances", json=body(user="HansM"))
        assert server.quirks is quirks
    assert answer.json()["user"] == "hansm"


def test_the_admin_endpoint_reads_and_replaces_the_quirks(
    server: SandboxServer, api: httpx.Client
) -> None:
    off = {
        "wholeSeconds": False,
        "foldUserCase": False,
        "dripSeconds": 0.0,
        "endlessPages": False,
        "wrongId": False,
        "wrongUser": False,
    }
    assert api.get("/_admin/quirks").json() == off

    response = api.put("/_admin/quirks", json={"wholeSeconds": True, "dripSeconds": 0})

    assert response.json() == off | {"wholeSeconds": True}
    assert server.quirks == ServerQuirks(whole_seconds=True)
    assert api.put("/_admin/quirks", json={}).json() == off
    assert not server.quirks.active


@pytest.mark.parametrize(
    "document",
    [{"wholeSeconds": "yes"}, {"dripSeconds": -1}, {"dripSeconds": True}, {"slow": True}],
)
def test_the_admin_endpoint_refuses_bad_quirks_and_keeps_the_old_ones(
    server: SandboxServer, api: httpx.Client, expect_error: ExpectError, document: dict[str, object]
) -> None:
    server.quirks = kept = ServerQuirks(wrong_id=True)

    expect_error(api.put("/_admin/quirks", json=document), 400, 15003)

    assert server.quirks is kept


def test_the_quirks_endpoint_needs_the_api_key_and_secret(server: SandboxServer) -> None:
    response = httpx.put(f"{server.base_url}/_admin/quirks", json={"wrongId": True})

    assert response.status_code == 401
    assert not server.quirks.active


def test_reset_switches_the_quirks_off(server: SandboxServer, api: httpx.Client) -> None:
    server.quirks = ServerQuirks(endless_pages=True, wrong_user=True)

    assert api.post("/_admin/reset").status_code == 204

    assert not server.quirks.active


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"whole_seconds": 1}, TypeError),
        ({"drip_seconds": -0.5}, ValueError),
        ({"drip_seconds": float("nan")}, ValueError),
        ({"drip_seconds": 61}, ValueError),
        ({"drip_seconds": "0.1"}, TypeError),
    ],
)
def test_quirks_refuse_what_they_cannot_do(
    options: dict[str, object], error: type[Exception]
) -> None:
    with pytest.raises(error):
        ServerQuirks(**options)  # type: ignore[arg-type]


def test_quirks_describe_themselves() -> None:
    assert ServerQuirks().describe() == "none"
    every = ServerQuirks(
        whole_seconds=True,
        fold_user_case=True,
        drip_seconds=0.05,
        endless_pages=True,
        wrong_id=True,
        wrong_user=True,
    )
    assert every.describe() == (
        "whole seconds, user names in lower case, drip 0.05 s per byte, endless pages,"
        " wrong ids, wrong users"
    )
    assert ServerQuirks.from_json(every.to_json()) == every


# -- the command -------------------------------------------------------------------------------


def _parse(*argv: str) -> argparse.Namespace:
    return add_sandbox_arguments(argparse.ArgumentParser()).parse_args(argv)


def test_the_quirk_options_make_quirks() -> None:
    assert quirks_from_args(_parse()) == ServerQuirks()
    argv = ["--whole-seconds", "--fold-user-case", "--drip", "0.25", "--endless-pages"]
    assert quirks_from_args(_parse(*argv, "--wrong-id", "--wrong-user")) == ServerQuirks(
        whole_seconds=True,
        fold_user_case=True,
        drip_seconds=0.25,
        endless_pages=True,
        wrong_id=True,
        wrong_user=True,
    )


@pytest.mark.parametrize("drip", ["-1", "slow", "nan", "3600"])
def test_a_bad_drip_is_a_usage_error(drip: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        _parse("--drip", drip)

    assert exit_info.value.code == 2
    assert "--drip" in capsys.readouterr().err


@posix_only
@pytest.mark.timeout(30)
def test_the_command_serves_the_quirks_it_prints() -> None:
    with launch("--port", "0", "--whole-seconds", "--fold-user-case", "--wrong-id") as process:
        try:
            banner = read_banner(process)
            headers = {KEY_HEADER: banner["API key"], SECRET_HEADER: banner["API secret"]}
            with httpx.Client(base_url=banner["url"], headers=headers, timeout=10) as c:
                created = c.post("/attendances", json=body(user="HansM")).json()
                fetched = c.get(f"/attendances/{created['id']}").json()
                state = c.get("/_admin/quirks").json()
        finally:
            process.send_signal(signal.SIGINT)
            stdout, stderr = process.communicate(timeout=15)

    assert banner["Quirks"] == "whole seconds, user names in lower case, wrong ids"
    assert (created["user"], created["from"]) == ("hansm", "2020-10-01T08:00:00Z")
    assert fetched["id"] == created["id"] + 50
    assert state["wrongId"] is True
    assert process.returncode == 0
    assert stderr == ""
    assert stdout.strip() == "Sandbox stopped."


# -- a chosen request cut ----------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "stored"), [("cut", False), ("commit-then-cut", True)])
def test_a_script_limited_to_posts_cuts_exactly_the_second_post(
    server: SandboxServer, api: httpx.Client, kind: str, stored: bool
) -> None:
    # "The 2nd POST": the plan counts only the methods it is limited to, so the GETs and
    # PUTs in between neither use up the script nor meet a fault.
    server.faults = FaultPlan(script=[None, kind], methods=["POST"])

    first = api.post("/attendances", json=body(start="2020-10-01T08:00:00.000Z"))
    assert api.get("/attendances").status_code == 200
    assert api.put(f"/attendances/{first.json()['id']}", json={"notes": "x"}).status_code == 200
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        api.post("/attendances", json=body(start="2020-10-01T09:00:00.000Z"))
    third = api.post("/attendances", json=body(start="2020-10-01T10:00:00.000Z"))

    assert first.status_code == third.status_code == 201
    starts = [entry.start.hour for entry in server.store.all()]
    assert starts == ([8, 9, 10] if stored else [8, 10])
    counts = server.faults.counts()
    assert counts.requests == 3  # the POSTs only
    assert counts.faults == 1
