"""The one rule for TimeClock's language, shared by the window and the command line."""

from __future__ import annotations

import pytest

from timeclock.domain.language import environment_languages, language_code, language_for


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, []),
        ({"LANG": "de_DE.UTF-8"}, ["de_DE.UTF-8"]),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "de_AT"}, ["de_AT"]),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "de_AT", "LC_ALL": "fr_FR"}, ["fr_FR"]),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "de:fr"}, ["de", "fr", "en_US.UTF-8"]),
        ({"LANGUAGE": "de"}, ["de"]),
        ({"LANG": "C.UTF-8", "LANGUAGE": "de"}, ["en"]),  # C: untranslated, as gettext
        ({"LC_ALL": "POSIX", "LANG": "de_DE.UTF-8"}, ["en"]),
        ({"LANG": "", "LC_ALL": "", "LANGUAGE": ""}, []),
    ],
)
def test_the_environment_is_read_as_gettext_reads_it(
    environ: dict[str, str], expected: list[str]
) -> None:
    assert environment_languages(environ) == expected


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("de", ["en_US"], "de"),
        ("en", ["de_DE"], "en"),
        ("", ["de_DE.UTF-8"], "de"),
        ("", ["fr", "de"], "de"),  # the first TimeClock has
        ("", ["fr_FR"], "en"),
        ("", [], "en"),
        ("fr", ["de-AT"], "de"),  # a setting TimeClock does not have counts as none
    ],
)
def test_the_setting_wins_then_the_systems_languages(
    setting: str, system: list[str], expected: str
) -> None:
    assert language_for(setting, system) == expected


@pytest.mark.parametrize("name", ["de", "de_DE", "de_DE.UTF-8", "de-AT", "de_DE@euro", "DE"])
def test_a_language_code_is_read_from_any_locale_name(name: str) -> None:
    assert language_code(name) == "de"
