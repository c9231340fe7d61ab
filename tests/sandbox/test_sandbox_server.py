"""The in-process runner: quick start and stop, no leftovers, and the OpenAPI document."""

from __future__ import annotations

import json
import socket
import threading
import time

import httpx
import pytest

from timeclock.sandbox import (
    API_PREFIX,
    KEY_HEADER,
    SECRET_HEADER,
    AttendanceStore,
    SandboxServer,
)


def test_start_serves_on_a_free_port_and_stop_cleans_up() -> None:
    threads_before = set(threading.enumerate())
    began = time.perf_counter()

    with SandboxServer() as server:
        started = time.perf_counter()
        assert server.port > 0
        assert server.base_url == f"http://127.0.0.1:{server.port}{API_PREFIX}"
        assert server.running
        headers = {KEY_HEADER: server.api_key, SECRET_HEADER: server.api_secret}
        assert httpx.get(server.base_url + "/attendances", headers=headers).json() == []
        stopping = time.perf_counter()

    assert started - began < 1.0
    assert time.perf_counter() - stopping < 1.0
    assert not server.running
    assert set(threading.enumerate()) == threads_before


def test_generated_credentials_are_long_and_differ() -> None:
    first, second = SandboxServer(), SandboxServer()

    assert len(first.api_key) >= 20 and len(first.api_secret) >= 30
    assert first.api_key != second.api_key and first.api_secret != second.api_secret
    assert first.api_secret not in repr(first.credentials)
    first.stop()
    second.stop()


def test_a_store_passed_in_stays_open_after_stop() -> None:
    with AttendanceStore() as store:
        with SandboxServer(store=store):
            pass

        assert store.count() == 0  # still usable


def test_many_servers_run_side_by_side() -> None:
    servers = [SandboxServer().start() for _ in range(3)]
    try:
        assert len({server.port for server in servers}) == 3
        for server in servers:
            headers = {KEY_HEADER: server.api_key, SECRET_HEADER: server.api_secret}
            assert httpx.get(server.base_url + "/attendances", headers=headers).status_code == 200
    finally:
        for server in servers:
            server.stop()


def test_a_busy_port_fails_in_start_with_os_error() -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]

        server = SandboxServer(port=port)
        with pytest.raises(OSError, match="in use"):
            server.start()

    assert not server.running


def test_a_server_starts_only_once() -> None:
    server = SandboxServer()
    with server:
        pass

    with pytest.raises(RuntimeError, match="only once"):
        server.start()
    server.stop()  # stopping again is harmless


def test_a_stopped_server_refuses_connections() -> None:
    with SandboxServer() as server:
        url = server.base_url + "/openapi.json"

    with pytest.raises(httpx.ConnectError):
        httpx.get(url)


def test_the_openapi_document_describes_every_operation(sandbox: SandboxServer) -> None:
    response = httpx.get(sandbox.base_url + "/openapi.json")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    document = json.loads(response.text)
    assert document["openapi"].startswith("3.0")
    assert document["servers"] == [{"url": API_PREFIX}]
    operations = {
        (path, method): operation["operationId"]
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method != "parameters"
    }
    assert operations == {
        ("/attendances", "get"): "listAttendances",
        ("/attendances", "post"): "createAttendance",
        ("/attendances/{id}", "get"): "getAttendance",
        ("/attendances/{id}", "put"): "updateAttendance",
        ("/attendances/{id}", "delete"): "deleteAttendance",
    }
    schemes = document["components"]["securitySchemes"]
    assert {scheme["name"] for scheme in schemes.values()} == {KEY_HEADER, SECRET_HEADER}
    schemas = document["components"]["schemas"]
    assert {"Attendance", "AttendanceList", "Error"} <= set(schemas)
    list_params = {p["name"] for p in document["paths"]["/attendances"]["get"]["parameters"]}
    assert list_params == {"username", "user", "from", "to", "limit", "page_number"}


def test_responses_match_the_documented_object_schema(api: httpx.Client) -> None:
    document = api.get("/openapi.json").json()
    schema = document["components"]["schemas"]["Attendance"]
    entry = api.post(
        "/attendances",
        json={
            "username": "ivan",
            "from": "2020-10-17T10:00:00Z",
            "to": "2020-10-17T14:00:00Z",
            "latitudeStart": 1,
            "longitudeStart": 2,
            "latitudeEnd": 3,
            "longitudeEnd": 4,
        },
    ).json()

    assert set(entry) == set(schema["properties"])
    assert set(schema["required"]) <= set(entry)
    types = {"integer": int, "string": str, "boolean": bool, "number": float}
    for name, value in entry.items():
        declared = schema["properties"][name]
        expected = "string" if "$ref" in declared else declared["type"]
        assert isinstance(value, types[expected]), name
