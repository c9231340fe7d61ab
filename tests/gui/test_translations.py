"""The translations: up to date with the code, complete in German, and loaded at run time.

``packaging/update_translations.py --check`` proves the committed ``.ts`` files hold every
``tr()`` string of the GUI and the shipped ``.qm`` files were compiled from them; the other
tests read ``timeclock_de.ts`` itself and load the ``.qm`` files the way the app does.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from timeclock.domain.attendance import AttendanceDraft
from timeclock.gui import i18n
from timeclock.gui.change_text import change_state, describe_change
from timeclock.store.outbox import Hold, Kind, OutboxItem

ROOT = Path(__file__).resolve().parents[2]
GERMAN_TS = ROOT / "resources" / "translations" / "timeclock_de.ts"
PLACEHOLDER = re.compile(r"%\d+")

translate = QCoreApplication.translate


def german_messages() -> list[tuple[str, ET.Element]]:
    """Every message of the German ``.ts``, with the name of its context."""
    root = ET.parse(GERMAN_TS).getroot()
    return [
        (context.findtext("name", ""), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def message_id(item: tuple[str, ET.Element]) -> str:
    """``Context: source`` for the test ids."""
    context, message = item
    return f"{context}: {message.findtext('source', '')}"


def test_translations_are_up_to_date_with_the_code() -> None:
    script = ROOT / "packaging" / "update_translations.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, (
        "run `python packaging/update_translations.py` and translate what is new:\n"
        + result.stdout
        + result.stderr
    )


def test_the_german_file_has_messages() -> None:
    assert len(german_messages()) > 100


@pytest.mark.parametrize("item", german_messages(), ids=message_id)
def test_every_german_message_is_translated(item: tuple[str, ET.Element]) -> None:
    _context, message = item
    source = message.findtext("source", "")
    translation = message.find("translation")
    assert translation is not None
    assert translation.get("type") not in {"unfinished", "vanished", "obsolete"}
    assert message.get("numerus") != "yes" or translation.findall("numerusform")
    texts = [form.text or "" for form in translation.findall("numerusform")] or [
        translation.text or ""
    ]
    for text in texts:
        assert text.strip(), "empty translation"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source))
        assert text.count("&") <= 1, "at most one mnemonic"
        assert ("&" in text) == ("&" in source), "a mnemonic where the source has one"
        assert ("…" in text) == ("…" in source), "the ellipsis of the source"


@pytest.fixture
def default_locale() -> Iterator[None]:
    """Give back the default QLocale that install_translators changes."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.mark.usefixtures("default_locale")
def test_german_is_loaded(qapp: QApplication) -> None:
    translators = i18n.install_translators(qapp, "de")
    try:
        assert translators, "no translation loaded"
        assert translate("StampPanel", "Clock in") == "Kommen"
        assert translate("StampPanel", "Clock out") == "Gehen"
        assert translate("StampPanel", "Start break") == "Pause beginnen"
        assert translate("MainWindow", "Settings…") == "Einstellungen…"
        assert translate("FilterBar", "This month") == "Dieser Monat"
        assert QLocale().language() == QLocale.Language.German
    finally:
        i18n.remove_translators(qapp, translators)
    assert translate("StampPanel", "Clock in") == "Clock in"


def _translation_calls() -> Iterator[tuple[str, int, ast.Call]]:
    for path in sorted((ROOT / "timeclock" / "gui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in ("tr", "translate"):
                yield path.name, node.lineno, node


def test_every_translated_text_is_a_literal_lupdate_can_read() -> None:
    """``translate(context, text)`` with a variable hides the text from lupdate: it would
    show in English whatever the language (as once happened to the outbox's rows)."""
    hidden = [
        f"{name}:{line}"
        for name, line, call in _translation_calls()
        if not call.args
        or not all(
            isinstance(argument, ast.Constant) and isinstance(argument.value, str)
            for argument in call.args[:2]
        )
    ]
    assert len(list(_translation_calls())) > 100  # the walk finds the calls at all
    assert hidden == []


@pytest.mark.usefixtures("default_locale")
def test_the_outbox_describes_changes_in_german(qapp: QApplication) -> None:
    item = OutboxItem(
        seq=3,
        kind=Kind.CREATE,
        ref="local:x",
        draft=AttendanceDraft(
            user="hansm",
            start=datetime(2026, 3, 10, 7, 0, tzinfo=UTC),
            end=datetime(2026, 3, 10, 15, 0, tzinfo=UTC),
        ),
        change=None,
        queued_at=datetime(2026, 3, 10, 16, 0, tzinfo=UTC),
        attempts=0,
        hold=Hold.CONFLICT,
        problem="",
    )
    translators = i18n.install_translators(qapp, "de")
    try:
        assert describe_change(item, ZoneInfo("Europe/Berlin")).startswith(
            "Neuer Eintrag von hansm: "
        )
        assert change_state(item).startswith("Angehalten: der Eintrag wurde inzwischen")
    finally:
        i18n.remove_translators(qapp, translators)


@pytest.mark.usefixtures("default_locale")
def test_english_shows_the_source_text(qapp: QApplication) -> None:
    translators = i18n.install_translators(qapp, "en")
    try:
        assert translate("StampPanel", "Clock in") == "Clock in"
        assert translate("MainWindow", "Settings…") == "Settings…"
        assert QLocale().language() == QLocale.Language.English
    finally:
        i18n.remove_translators(qapp, translators)


@pytest.mark.parametrize("language", i18n.SUPPORTED)
def test_the_compiled_translations_ship_with_the_package(language: str) -> None:
    """Both ``.qm`` files load (the English one is empty: English is the source)."""
    assert QTranslator().load(i18n.qm_path(language))


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("de", QLocale.Language.English, "de"),
        ("en", QLocale.Language.German, "en"),
        ("", QLocale.Language.German, "de"),
        ("", QLocale.Language.English, "en"),
        ("", QLocale.Language.French, "en"),
        ("fr", QLocale.Language.German, "de"),
    ],
)
def test_language_for(setting: str, system: QLocale.Language, expected: str) -> None:
    assert i18n.language_for(setting, QLocale(system)) == expected
