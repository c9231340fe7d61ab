"""The vendor's curl examples, run with real curl against the sandbox.

The examples in ``attendances-api.de.txt`` come with typographic quotes; here they are
straightened, and the API key and secret are the sandbox's, passed as ``-H`` headers as in
the document. As NOTES.md reads them, list/get/delete carry ``-d '{}'`` only as a template
artefact: ``curl -d`` without ``-X`` would send a POST, so they run with ``-X GET`` and
``-X DELETE``. One test shows what the literal reading would do.

These tests check the sandbox (and so the contract our client is tested against); at the
end the client reads what curl wrote.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.conftest import credentials_of
from timeclock.api.client import TimeTrackClient
from timeclock.sandbox import NewAttendance, SandboxServer

CURL = shutil.which("curl")

# The bodies exactly as the document has them, quotes straightened, line breaks kept.
CREATE_BODY = """{
"username": "ivan",
"to": "2020-10-17T14:00:00.000Z",
"minutesBreak": 15,
"details": "Das ist ein Test",
"from": "2020-10-17T10:00:00.000Z"
}"""
UPDATE_BODY = """{
"notes": "Das ist ein Test Notiz",
"to": "2020-10-17T23:00:00.000Z",
"minutesBreak": "0"
}"""
EMPTY_BODY = "{}"
FILTERED_QUERY = "?username=hansm&from=2020-10-01T00:00:00Z&to=2020-10-31T00:00:00Z"


@dataclass(frozen=True, slots=True)
class CurlAnswer:
    status: int
    body: str

    def json(self) -> object:
        return json.loads(self.body)


def curl(server: SandboxServer, path: str, body: str, method: str | None = None) -> CurlAnswer:
    """Run the vendor's command line against ``server``: its headers, ``-d body`` and,
    if given, ``-X method``; ``path`` is below ``.../api/v2/ext/``.

    Without curl on the machine, httpx sends what curl would (``-d`` alone means POST).
    """
    url = f"{server.base_url}/{path}"
    headers = {
        "Content-Type": "application/json",
        "X-TimeTrack-Api-Secret": server.api_secret,
        "X-TimeTrack-Api-Key": server.api_key,
    }
    if CURL is None:
        answer = httpx.request(method or "POST", url, headers=headers, content=body, timeout=10)
        return CurlAnswer(answer.status_code, answer.text)
    command = [CURL, "--silent", "--show-error", "--noproxy", "*", "--max-time", "10"]
    if method is not None:
        command += ["-X", method]
    command.append(url)
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command += [
        "-d",
        body,
        "--write-out",
        "\n%{http_code}",
    ]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=20, check=True)
    text, _, status = finished.stdout.rpartition("\n")
    return CurlAnswer(int(status), text)


def entry(user: str, start: datetime, notes: str = "") -> NewAttendance:
    return NewAttendance(user=user, start=start, end=start + timedelta(hours=4), notes=notes)


def test_create_with_the_examples_body(server: SandboxServer) -> None:
    answer = curl(server, "attendances", CREATE_BODY, "POST")

    assert answer.status == 201
    created = answer.json()
    assert isinstance(created, dict)
    assert created["id"] == 1
    assert created["user"] == "ivan"
    assert (created["from"], created["to"]) == (
        "2020-10-17T10:00:00.000Z",
        "2020-10-17T14:00:00.000Z",
    )
    assert (created["breakMinutes"], created["notes"], created["workedMinutes"]) == (
        15,
        "Das ist ein Test",
        225,
    )
    (stored,) = server.store.all()
    assert (stored.user, stored.break_minutes, stored.notes) == ("ivan", 15, "Das ist ein Test")
    assert stored.start == datetime(2020, 10, 17, 10, 0, tzinfo=UTC)
    assert stored.end == datetime(2020, 10, 17, 14, 0, tzinfo=UTC)


def test_update_with_the_examples_body(server: SandboxServer) -> None:
    curl(server, "attendances", CREATE_BODY, "POST")

    answer = curl(server, "attendances/1", UPDATE_BODY, "PUT")

    assert answer.status == 200
    updated = answer.json()
    assert isinstance(updated, dict)
    assert (updated["notes"], updated["to"], updated["breakMinutes"]) == (
        "Das ist ein Test Notiz",
        "2020-10-17T23:00:00.000Z",
        0,
    )
    (stored,) = server.store.all()
    assert (stored.notes, stored.break_minutes, stored.user) == (
        "Das ist ein Test Notiz",
        0,
        "ivan",
    )
    assert stored.start == datetime(2020, 10, 17, 10, 0, tzinfo=UTC)
    assert stored.end == datetime(2020, 10, 17, 23, 0, tzinfo=UTC)
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        read = client.get_attendance(1)
    assert (read.notes, read.break_minutes, read.worked_minutes) == (
        "Das ist ein Test Notiz",
        0,
        780,
    )


def test_the_filtered_list_returns_hansms_entries_between_the_instants(
    server: SandboxServer,
) -> None:
    october_1 = datetime(2020, 10, 1, tzinfo=UTC)
    october_31 = datetime(2020, 10, 31, tzinfo=UTC)
    server.store.insert_many(
        [
            entry("hansm", october_1 - timedelta(milliseconds=1), "before"),
            entry("hansm", october_1, "first instant"),
            entry("ivan", october_1 + timedelta(days=3), "someone else"),
            entry("hansm", october_1 + timedelta(days=14), "mid month"),
            entry("hansm", october_31, "last instant"),
            entry("hansm", october_31 + timedelta(hours=8), "31 October, morning"),
        ]
    )

    answer = curl(server, "attendances" + FILTERED_QUERY, EMPTY_BODY, "GET")

    assert answer.status == 200
    listed = answer.json()
    assert isinstance(listed, list)
    assert [(item["user"], item["notes"]) for item in listed] == [
        ("hansm", "first instant"),
        ("hansm", "mid month"),
        ("hansm", "last instant"),
    ]


def test_get_one_entry(server: SandboxServer) -> None:
    server.store.insert_many([entry("hansm", datetime(2020, 10, 20, 7, tzinfo=UTC), "eins")])

    answer = curl(server, "attendances/1", EMPTY_BODY, "GET")

    assert answer.status == 200
    assert answer.json() == {
        "id": 1,
        "user": "hansm",
        "from": "2020-10-20T07:00:00.000Z",
        "to": "2020-10-20T11:00:00.000Z",
        "notes": "eins",
        "manual": False,
        "workedMinutes": 240,
        "breakMinutes": 0,
    }


def test_delete_one_entry(server: SandboxServer) -> None:
    server.store.insert_many([entry("hansm", datetime(2020, 10, 20, 7, tzinfo=UTC))])

    answer = curl(server, "attendances/1", EMPTY_BODY, "DELETE")

    assert answer.status in (200, 204)
    assert server.store.count() == 0
    assert server.store.all(include_deleted=True)[0].deleted
    again = curl(server, "attendances/1", EMPTY_BODY, "GET")
    assert again.status == 404
    body = again.json()
    assert isinstance(body, dict)
    (problem,) = body["errors"]
    assert (problem["title"], problem["status"], problem["code"]) == (
        "TimeEntry exist but it is deleted",
        404,
        15020,
    )


def test_the_unfiltered_list_with_a_trailing_slash_gives_the_default_page(
    server: SandboxServer,
) -> None:
    start = datetime(2020, 10, 1, 6, tzinfo=UTC)
    server.store.insert_many(entry("ivan", start + timedelta(hours=n)) for n in range(60))

    answer = curl(server, "attendances/", EMPTY_BODY, "GET")

    assert answer.status == 200
    listed = answer.json()
    assert isinstance(listed, list)
    assert [item["id"] for item in listed] == list(range(1, 51))
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        assert len(client.list_attendances()) == 60


@pytest.mark.parametrize(
    ("path", "status", "title"),
    [
        ("attendances/", 400, "Missing required field"),
        ("attendances/1", 405, "Method not allowed"),
    ],
)
def test_read_literally_the_list_and_get_examples_would_post(
    server: SandboxServer, path: str, status: int, title: str
) -> None:
    """Without ``-X``, ``-d '{}'`` makes curl POST: a create without fields, or a POST to an
    entry, which is why NOTES.md reads these examples as GET."""
    server.store.insert_many([entry("hansm", datetime(2020, 10, 20, 7, tzinfo=UTC))])

    answer = curl(server, path, EMPTY_BODY)

    assert answer.status == status
    body = answer.json()
    assert isinstance(body, dict)
    assert body["errors"][0]["title"] == title
    assert server.store.count() == 1


def test_what_curl_created_the_client_reads(server: SandboxServer) -> None:
    curl(server, "attendances", CREATE_BODY, "POST")

    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        (read,) = client.list_attendances(user="ivan")

    assert (read.id, read.user, read.break_minutes, read.notes) == (
        1,
        "ivan",
        15,
        "Das ist ein Test",
    )
    assert read.start == datetime(2020, 10, 17, 10, 0, tzinfo=UTC)
    assert read.worked_minutes == 225
    assert read.manual is False
