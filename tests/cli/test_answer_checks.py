"""A stamp answered with another user's entry is not done and not adopted: it stays queued."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from starlette.middleware import Middleware

from tests.api.faults import RewrittenAnswers
from tests.cli.conftest import USER, Run
from timeclock.sandbox import SandboxServer, ServerQuirks

MORNING = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)  # 08:00 in Berlin


def test_a_stamp_answered_with_another_users_entry_stays_queued(
    make_server: Callable[..., SandboxServer],
    monkeypatch: pytest.MonkeyPatch,
    run: Run,
    clock: Callable[[datetime], None],
) -> None:
    server = make_server(
        middleware=[
            Middleware(
                RewrittenAnswers, method="POST", rewrite=lambda entry: {**entry, "user": "otto"}
            )
        ]
    )
    for name, value in {
        "TIMECLOCK_URL": server.base_url,
        "TIMECLOCK_USER": USER,
        "TIMECLOCK_API_KEY": server.api_key,
        "TIMECLOCK_API_SECRET": server.api_secret,
        "TZ": "Europe/Berlin",
    }.items():
        monkeypatch.setenv(name, value)
    clock(MORNING)

    stamped = run("stamp", "in")

    assert stamped.status == 0, stamped.err  # the stamp is safe on this computer
    assert stamped.out.startswith(
        "Stamped in at 08:00; saved on this computer, not yet on TimeTrack: "
        "TimeTrack answered with another user's entry 1 to a request for an entry of hansm"
    )
    assert "(entry #" not in stamped.out  # the garbled answer's id was not taken as ours
    waiting = run("outbox")
    assert "#1 create hansm:" in waiting.out
    assert "1 change waiting" in waiting.out


def test_a_stamp_on_a_wrong_user_server_is_found_once_the_server_answers_right(
    make_server: Callable[..., SandboxServer],
    monkeypatch: pytest.MonkeyPatch,
    run: Run,
    clock: Callable[[datetime], None],
) -> None:
    server = make_server(quirks=ServerQuirks(wrong_user=True))  # stores right, answers wrong
    for name, value in {
        "TIMECLOCK_URL": server.base_url,
        "TIMECLOCK_USER": USER,
        "TIMECLOCK_API_KEY": server.api_key,
        "TIMECLOCK_API_SECRET": server.api_secret,
        "TZ": "Europe/Berlin",
    }.items():
        monkeypatch.setenv(name, value)
    clock(MORNING)

    stamped = run("stamp", "in")

    assert stamped.status == 0, stamped.err
    assert "not yet on TimeTrack: TimeTrack answered with another user's entry" in stamped.out
    server.quirks = ServerQuirks()
    synced = run("sync")
    assert synced.status == 0, synced.err
    # The entry the garbled answer was about is found by looking, not sent a second time.
    assert [(entry.user, entry.start) for entry in server.store.all()] == [(USER, MORNING)]
    assert "Nothing waits." in run("outbox").out
