"""The zone people read their clocks in: ``TZ`` first, then the system's, UTC as the last resort.

A zone name (with or without the leading ``:`` POSIX allows) and a path to a zone file are
honoured on every call, also after an earlier call has made tzlocal cache its answer.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

import pytest
import tzlocal

from timeclock.services.localzone import UTC_ZONE, local_zone, unreadable_tz

WINTER = datetime(2024, 1, 15, 12, 0, tzinfo=UTC)
SUMMER = datetime(2024, 7, 15, 12, 0, tzinfo=UTC)
TOKYO_FILE = Path("/usr/share/zoneinfo/Asia/Tokyo")


def offsets(zone: tzinfo) -> tuple[timedelta | None, timedelta | None]:
    """The zone's UTC offsets in winter and in summer."""
    return WINTER.astimezone(zone).utcoffset(), SUMMER.astimezone(zone).utcoffset()


@pytest.fixture
def system_zone(monkeypatch: pytest.MonkeyPatch) -> tzinfo:
    """The zone without TZ (asking also fills tzlocal's cache, as a running program would)."""
    monkeypatch.delenv("TZ", raising=False)
    return local_zone()


@pytest.mark.parametrize("value", ["Europe/Berlin", ":Europe/Berlin"])
def test_a_zone_name_in_tz_is_used_with_its_dst_rules(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", value)

    zone = local_zone()

    assert str(zone) == "Europe/Berlin"
    assert offsets(zone) == (timedelta(hours=1), timedelta(hours=2))


def test_tz_is_read_on_every_call(system_zone: tzinfo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    berlin = local_zone()
    monkeypatch.setenv("TZ", "America/New_York")
    new_york = local_zone()
    monkeypatch.delenv("TZ")

    assert str(berlin) == "Europe/Berlin"
    assert str(new_york) == "America/New_York"
    assert offsets(new_york) == (timedelta(hours=-5), timedelta(hours=-4))
    assert offsets(local_zone()) == offsets(system_zone)


@pytest.mark.skipif(not TOKYO_FILE.is_file(), reason="no system zoneinfo files here")
@pytest.mark.parametrize("prefix", ["", ":"], ids=["path", "colon-path"])
def test_a_zone_file_path_in_tz_is_used_even_after_tzlocal_cached_the_system_zone(
    prefix: str, system_zone: tzinfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", f"{prefix}{TOKYO_FILE}")

    zone = local_zone()

    assert offsets(zone) == (timedelta(hours=9), timedelta(hours=9))
    assert str(zone) == "Asia/Tokyo"


@pytest.mark.skipif(not TOKYO_FILE.is_file(), reason="no system zoneinfo files here")
def test_a_zone_file_path_does_not_stick_once_tz_is_gone(
    system_zone: tzinfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", str(TOKYO_FILE))
    local_zone()
    monkeypatch.delenv("TZ")

    assert offsets(local_zone()) == offsets(system_zone)


@pytest.mark.skipif(not TOKYO_FILE.is_file(), reason="no system zoneinfo files here")
def test_a_zone_file_outside_a_zoneinfo_folder_is_named_after_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "MyZone"
    copy.write_bytes(TOKYO_FILE.read_bytes())
    monkeypatch.setenv("TZ", str(copy))

    zone = local_zone()

    assert str(zone) == "MyZone"
    assert offsets(zone) == (timedelta(hours=9), timedelta(hours=9))


def test_without_tz_the_system_zone_is_used(system_zone: tzinfo) -> None:
    assert offsets(system_zone) == offsets(tzlocal.get_localzone())
    assert offsets(local_zone()) == offsets(system_zone)
    assert unreadable_tz() is None


GARBAGE = {
    "unknown-name": "Mars/Olympus_Mons",
    "word": "garbage",
    "name-without-offset": "JST",
    "half-a-rule": "EST5EDT,M3.2.0",
    "traversal": "../../etc/passwd",
    "spaces": "   ",
}


def garbage_files(tmp_path: Path) -> dict[str, str]:
    """Absolute TZ paths that lead to no zone file."""
    text_file = tmp_path / "not-a-zone"
    text_file.write_text("Europe/Berlin\n", encoding="utf-8")
    return {
        "missing-file": str(tmp_path / "missing"),
        "text-file": str(text_file),
        "folder": str(tmp_path),
    }


@pytest.mark.parametrize("case", [*GARBAGE, "missing-file", "text-file", "folder"])
def test_garbage_in_tz_is_utc_as_for_the_c_library_and_is_reported(
    case: str, system_zone: tzinfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    value = {**GARBAGE, **garbage_files(tmp_path)}[case]
    monkeypatch.setenv("TZ", value)
    problems: list[str] = []

    zone = local_zone(problems.append)

    assert zone is UTC_ZONE
    assert problems == [f"TZ={value!r} is not a time zone the C library can read; using UTC"]
    assert unreadable_tz() == value


def test_without_a_listener_the_problem_is_logged(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("TZ", "garbage")
    assert local_zone() is UTC_ZONE
    assert [record.getMessage() for record in caplog.records] == [
        "TZ='garbage' is not a time zone the C library can read; using UTC"
    ]


@pytest.mark.parametrize("value", ["", ":"])
def test_an_empty_tz_is_utc_without_a_word(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", value)
    problems: list[str] = []
    assert local_zone(problems.append) is UTC_ZONE
    assert problems == []
    assert unreadable_tz() is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("JST-9", (timedelta(hours=9), timedelta(hours=9))),
        (":JST-9", (timedelta(hours=9), timedelta(hours=9))),
        ("CET-1CEST,M3.5.0,M10.5.0/3", (timedelta(hours=1), timedelta(hours=2))),
        ("<-03>3", (timedelta(hours=-3), timedelta(hours=-3))),
    ],
)
def test_a_posix_rule_in_tz_is_the_local_zone(
    value: str,
    expected: tuple[timedelta, timedelta],
    system_zone: tzinfo,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", value)
    problems: list[str] = []
    assert offsets(local_zone(problems.append)) == expected
    assert problems == []
    assert unreadable_tz() is None


def test_when_tzlocal_fails_utc_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing() -> tzinfo:
        raise LookupError("no time zone configuration")

    monkeypatch.delenv("TZ", raising=False)
    monkeypatch.setattr(tzlocal, "get_localzone", failing)

    assert local_zone() is UTC_ZONE
