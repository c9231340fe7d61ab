"""The command line in German under a German locale (issue #11): its messages, help and
errors, argparse's own words included, from the one catalog in timeclock/cli/german.py.

The completeness tests read the code (every ``_()`` and ``plural()`` of the command line,
every help text of every command, every word argparse looks up) and fail on a text without
its German; the behaviour tests run ``timeclock`` in German and English.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import json
import os
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

import timeclock.cli
from tests.cli.conftest import Run
from tests.commands import run_timeclock
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.errors import TimeTrackError
from timeclock.cli.german import GERMAN, MESSAGES
from timeclock.cli.i18n import _, command_line_language, plural, use_language
from timeclock.cli.parser import build_parser
from timeclock.cli.text import _WEEKDAYS
from timeclock.cli.trouble import worded
from timeclock.domain.corrections import Action
from timeclock.domain.rules import EntryProblem
from timeclock.domain.shift import StampProblem
from timeclock.sandbox import SandboxServer
from timeclock.services.demo import demo_account
from timeclock.services.sync import CONFLICT_PROBLEM
from timeclock.store.settings import Settings, save_settings

CLI_FOLDER = Path(timeclock.cli.__file__).parent
# Calls whose first argument a person reads: never a bare English literal.
_SPOKEN = {"print", "fail", "UsageError", "ArgumentTypeError", "ask", "ask_secret", "input"}
_PLACEHOLDER = re.compile(r"\{[a-z_]*(?:!r)?\}|%\([a-z_]+\)[sr]|%[sr]")


def _looked_up_in(tree: ast.AST, names: dict[str, slice]) -> Iterator[tuple[int, str]]:
    """(line, text) of every literal passed to a call of ``names`` (which arguments)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            which = names.get(node.func.id)
            if which is None:
                continue
            for argument in node.args[which]:
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    yield node.lineno, argument.value


def _cli_messages() -> dict[str, str]:
    found = {}
    for path in sorted(CLI_FOLDER.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, text in _looked_up_in(tree, {"_": slice(0, 1), "plural": slice(1, 3)}):
            found[text] = f"{path.name}:{line}"
    return found


def _help_texts() -> list[str]:
    texts: list[str] = []

    def walk(parser: argparse.ArgumentParser) -> None:
        parser.format_help()  # late arguments (sandbox, terminal-pin) are added now
        texts.extend(text for text in (parser.description, parser.epilog) if text)
        texts.extend(group.title for group in parser._action_groups if group.title)
        for action in parser._actions:
            if action.help and action.help != argparse.SUPPRESS:
                texts.append(action.help)
            if isinstance(action, argparse._SubParsersAction):
                texts.extend(choice.help for choice in action._choices_actions if choice.help)
                for sub in action.choices.values():
                    walk(sub)

    walk(build_parser())
    return texts


def _argparse_words() -> list[str]:
    tree = ast.parse(inspect.getsource(argparse))
    return [
        text for _line, text in _looked_up_in(tree, {"_": slice(0, 1), "ngettext": slice(0, 2)})
    ]


def test_every_message_of_the_command_line_has_its_german() -> None:
    messages = _cli_messages()

    assert len(messages) > 150  # the walk finds them
    assert {text: where for text, where in messages.items() if text not in GERMAN} == {}


def test_every_help_text_of_every_command_has_its_german() -> None:
    texts = _help_texts()

    assert "in: start work now; out: end work now" in texts
    assert "SQLite file to keep entries in (default: in memory)" in texts  # the sandbox's
    assert [text for text in texts if text not in GERMAN] == []


def test_every_word_argparse_looks_up_has_its_german() -> None:
    words = _argparse_words()

    assert "usage: " in words and "show this help message and exit" in words
    assert [word for word in words if word not in GERMAN] == []


def test_the_fixed_texts_the_command_line_passes_on_have_their_german() -> None:
    """Texts of lower layers and tables that reach ``_()`` as values, not literals."""
    fixed = [
        *(problem.value for problem in EntryProblem),
        *(problem.value for problem in StampProblem),
        *(action.value for action in Action),
        CONFLICT_PROBLEM,
        *_WEEKDAYS,
    ]

    assert [text for text in fixed if text not in GERMAN] == []


def test_no_message_is_passed_on_unlooked_up() -> None:
    """A literal or f-string handed straight to print, fail, an error... would stay English."""
    bare = []
    for path in sorted(CLI_FOLDER.glob("*.py")):
        if path.name in ("german.py", "terminal_pin.py"):  # the latter: see the report
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            first = node.args[0]
            spoken = isinstance(first, ast.JoinedStr) or (
                isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and re.search("[A-Za-z]{2}", first.value)
            )
            if name in _SPOKEN and spoken:
                bare.append(f"{path.name}:{node.lineno}")

    assert bare == []


def test_the_german_keeps_every_placeholder() -> None:
    lost = {
        english: german
        for english, german in GERMAN.items()
        if sorted(_PLACEHOLDER.findall(english)) != sorted(_PLACEHOLDER.findall(german))
    }

    assert lost == {}


def test_the_catalog_holds_nothing_the_command_line_no_longer_says() -> None:
    """Its own messages, that is; argparse's words are kept for every Python version."""
    used = {
        *_cli_messages(),
        *_help_texts(),
        *(problem.value for problem in EntryProblem),
        *(problem.value for problem in StampProblem),
        *(action.value for action in Action),
        CONFLICT_PROBLEM,
        *_WEEKDAYS,
    }
    # errors of lower layers with a fixed text, looked up as they are passed on (explain)
    passed_on = {
        "no TimeTrack account is set up",
        "no TimeTrack user name is set up",
        "the demo is in use (is its window open?); close it and try again",
        "another demo command is starting; try again",
    }

    assert sorted(set(MESSAGES) - used - passed_on) == []


@pytest.mark.parametrize(
    ("environ", "setting", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "", "de"),
        ({"LC_ALL": "de_AT.UTF-8", "LANG": "en_US.UTF-8"}, "", "de"),
        ({"LC_MESSAGES": "de_CH.UTF-8", "LANG": "en_GB.UTF-8"}, "", "de"),
        ({"LANGUAGE": "de", "LANG": "en_US.UTF-8"}, "", "de"),
        ({"LANGUAGE": "fr:de", "LANG": "fr_FR.UTF-8"}, "", "de"),
        ({"LANGUAGE": "de", "LANG": "C.UTF-8"}, "", "en"),  # C: untranslated, as gettext
        ({"LANG": "fr_FR.UTF-8"}, "", "en"),
        ({"LANG": "de_DE.UTF-8"}, "en", "en"),  # the settings' language wins
        ({"LANG": "en_US.UTF-8"}, "de", "de"),
    ],
)
def test_the_language_follows_the_settings_then_the_environment(
    environ: dict[str, str], setting: str, expected: str
) -> None:
    assert command_line_language(setting, environ) == expected


def test_plural_counts_in_either_language() -> None:
    assert plural(1, "{n} entry", "{n} entries") == "1 entry"
    use_language("de")
    assert plural(1, "{n} entry", "{n} entries") == "1 Eintrag"
    assert plural(3, "{n} entry", "{n} entries") == "3 Einträge"
    use_language("en")
    assert _("Not stamped in.") == "Not stamped in."


# -- timeclock in German -------------------------------------------------------------------


def _german(*args: str, **variables: str) -> Iterator[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")
    }
    result = run_timeclock(*args, env={**env, "LANG": "de_DE.UTF-8", **variables})
    yield str(result.returncode)
    yield result.stdout
    yield result.stderr


def test_a_command_speaks_german_under_a_german_locale() -> None:
    with demo_account():  # made beforehand: its first command would say where it lives
        pass
    status, out, err = _german("--demo", "status")
    stamped = list(_german("--demo", "stamp", "in"))
    again = list(_german("--demo", "stamp", "in"))

    assert (status, err) == ("0", "")
    assert out.splitlines() == ["Nicht eingestempelt.", "Heute: 0:00 Std. gearbeitet."]
    assert stamped[1].startswith("Eingestempelt um ")
    assert again[0] == "1"
    assert again[2].startswith("timeclock: Fehler: bereits eingestempelt seit ")


def test_the_help_and_argparse_s_words_are_german() -> None:
    status, out, _err = _german("stamp", "--help")

    assert status == "0"
    assert out.startswith("Aufruf: timeclock stamp ")
    assert "\nOptionen:\n" in out
    assert "diese Hilfe zeigen und beenden" in out
    assert "in: jetzt Arbeit beginnen; out: jetzt Arbeit beenden" in out


def test_a_usage_error_is_one_german_line() -> None:
    status, out, err = _german("stamp", "sideways")

    assert (status, out) == ("2", "")
    assert err == (
        "timeclock stamp: Fehler: Argument direction: ungültige Wahl: 'sideways' "
        "(möglich: 'in', 'out') (siehe 'timeclock stamp --help')\n"
    )


def test_a_missing_option_is_said_in_german() -> None:
    _status, _out, err = _german("add")

    assert err == (
        "timeclock add: Fehler: diese Argumente fehlen: --from, --to "
        "(siehe 'timeclock add --help')\n"
    )


def test_the_settings_language_overrides_the_locale(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_settings(Settings(language="en"))
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert run("stamp", "sideways").err.startswith("timeclock stamp: error: argument direction")

    save_settings(Settings(language="de"))
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert run("stamp", "sideways").err.startswith("timeclock stamp: Fehler: Argument direction")


def test_a_list_in_german_has_german_headings_and_weekdays(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    with demo_account():
        pass
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.setenv("TZ", "Europe/Berlin")

    result = run("--demo", "list", "--range", "last-month")

    header, *rows, totals = result.out.splitlines()
    assert header.split() == [
        "ID",
        "Datum",
        "Beginn",
        "Ende",
        "Pause",
        "Gearbeitet",
        "Quelle",
        "Notizen",
    ]
    assert {row.split()[1] for row in rows} <= {"Mo", "Di", "Mi", "Do", "Fr"}
    assert re.fullmatch(
        r"\d+ Einträge an \d+ Tagen: [\d:]+ Std\. gearbeitet, [\d:]+ Std\. Pausen", totals
    )


def test_json_stays_as_it_is_in_german(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """For scripts: the field names are TimeTrack's whatever the language."""
    with demo_account():
        pass
    monkeypatch.setenv("LANG", "de_DE.UTF-8")

    entries = json.loads(run("--demo", "list", "--range", "last-month", "--format", "json").out)

    assert set(entries[0]) >= {"id", "user", "from", "to", "workedMinutes", "breakMinutes"}


# -- TimeTrack's troubles ------------------------------------------------------------------


def _troubles(server: SandboxServer) -> list[TimeTrackError]:
    """Real errors of the client: a rejected key, an entry not found, a closed port."""
    found: list[TimeTrackError] = []
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    attempts = [
        (server.base_url, Credentials(server.api_key, "not-" + server.api_secret), None),
        (server.base_url, Credentials(server.api_key, server.api_secret), 4711),
        (closed, Credentials("key", "secret"), None),
    ]
    for url, credentials, entry in attempts:
        with TimeTrackClient(url, credentials) as client:
            try:
                if entry is None:
                    client.list_attendances(user="hansm")
                else:
                    client.get_attendance(entry)
            except TimeTrackError as error:
                found.append(error)
    return found


def test_timetracks_troubles_are_worded_as_the_api_words_them(server: SandboxServer) -> None:
    """In English the catalog's keys are the API's own sentences, word for word."""
    troubles = _troubles(server)

    assert [type(error).__name__ for error in troubles] == [
        "AuthenticationError",
        "NotFoundError",
        "NetworkError",
    ]
    assert [worded(error) for error in troubles] == [str(error) for error in troubles]


def test_timetracks_troubles_are_said_in_german(
    server: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.setenv("TIMECLOCK_URL", server.base_url)
    monkeypatch.setenv("TIMECLOCK_USER", "hansm")
    monkeypatch.setenv("TIMECLOCK_API_KEY", server.api_key)
    monkeypatch.setenv("TIMECLOCK_API_SECRET", "not-" + server.api_secret)

    result = run("list")

    assert result.status == 1
    assert result.err == (
        "timeclock: Fehler: TimeTrack hat den API-Schlüssel oder das Geheimnis abgelehnt "
        "(HTTP 401). Beide in TimeTrack unter Einstellungen / Allgemein / API prüfen; das "
        "Geheimnis wurde vielleicht neu erzeugt.\n"
    )
