"""A view of the outbox is computed again when, and only when, the outbox changed after
it was read."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from timeclock.domain.attendance import AttendanceDraft
from timeclock.services.outbox_views import OutboxViews, View
from timeclock.store.outbox import Outbox
from timeclock.store.outbox_watch import OutboxWatch

BASE = "https://testkonto.timetrackenterprise.com/api/v2/ext"
START = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)
DRAFT = AttendanceDraft(user="hansm", start=START, end=START, manual=False)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    Outbox(tmp_path / "outbox.sqlite3")
    return tmp_path / "outbox.sqlite3"


@pytest.fixture
def views(path: Path) -> Iterator[OutboxViews]:
    watching = OutboxViews(OutboxWatch(str(path), BASE))
    yield watching
    watching.close()


def test_views_not_computed_yet_are_never_outdated(path: Path, views: OutboxViews) -> None:
    Outbox(path).add_create(BASE, DRAFT)
    assert views.outdated() == set()


def test_a_view_read_before_another_program_changed_the_outbox_is_outdated_once(
    path: Path, views: OutboxViews
) -> None:
    views.computing(View.STATUS)
    views.computing(View.LIST)
    assert views.outdated() == set()
    seq, _ = Outbox(path).add_create(BASE, DRAFT)  # `timeclock stamp in` in a terminal
    assert views.outdated() == {View.STATUS, View.LIST}
    assert views.outdated() == set()  # asked for once, not at every look
    Outbox(path).delivered(BASE, seq, created_id=7)  # `timeclock sync`
    assert views.outdated() == {View.STATUS, View.LIST}


def test_a_view_computed_after_a_change_is_not_computed_again_for_it(
    path: Path, views: OutboxViews
) -> None:
    """The window's own stamp is queued before its status is computed: no second status."""
    views.computing(View.STATUS)
    views.computing(View.LIST)
    Outbox(path).add_create(BASE, DRAFT)
    views.computing(View.STATUS)
    assert views.outdated() == {View.LIST}  # the list was read before the stamp


def test_an_outbox_in_memory_has_no_outdated_views() -> None:
    views = OutboxViews(OutboxWatch(":memory:", BASE))
    views.computing(View.STATUS)
    assert views.outdated() == set()
