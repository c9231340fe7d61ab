"""Fixtures shared by the domain tests: the zones whose DST rules the tests lean on."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest


@pytest.fixture(scope="session")
def berlin() -> ZoneInfo:
    """Europe/Berlin: where most users live; CET/CEST, switches at 01:00 UTC."""
    return ZoneInfo("Europe/Berlin")


@pytest.fixture(scope="session")
def santiago() -> ZoneInfo:
    """America/Santiago: springs forward at local midnight, so some days have no 00:00."""
    return ZoneInfo("America/Santiago")


@pytest.fixture(scope="session")
def havana() -> ZoneInfo:
    """America/Havana: falls back from 01:00 to 00:00, so some days have midnight twice."""
    return ZoneInfo("America/Havana")
