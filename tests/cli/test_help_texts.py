"""Every option and positional argument of every command says what it is for (issue #11)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from timeclock.cli.parser import build_parser


def _parsers(
    parser: argparse.ArgumentParser, name: str = "timeclock"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """The parser and every command's parser, their late arguments (``sandbox``) added."""
    parser.format_help()  # adds the arguments a parser adds only when first used
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for verb, sub in action.choices.items():
                yield from _parsers(sub, f"{name} {verb}")


def _arguments_without_help() -> list[str]:
    missing = []
    for name, parser in _parsers(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            if not action.help or action.help == argparse.SUPPRESS:
                missing.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
    return missing


def test_every_option_and_positional_of_every_command_has_a_help_text() -> None:
    assert _arguments_without_help() == []


def test_the_walk_sees_every_command_and_its_positionals() -> None:
    """The test above would pass on a walk that sees nothing."""
    seen = {
        name: [action.dest for action in parser._actions]
        for name, parser in _parsers(build_parser())
    }

    for verb in ("add", "edit", "stamp", "break", "outbox", "sandbox", "report"):
        assert f"timeclock {verb}" in seen
    assert "direction" in seen["timeclock stamp"]
    assert {"action", "item"} <= set(seen["timeclock outbox"])
    assert {"id", "start", "end", "break_minutes", "notes"} <= set(seen["timeclock edit"])
    assert "port" in seen["timeclock sandbox"]  # a late argument


def test_the_help_of_a_command_shows_its_arguments_texts() -> None:
    parser = build_parser()
    sub = dict(_parsers(parser))["timeclock edit"]

    text = sub.format_help()

    assert "the entry's id" in text
    assert "the new break in whole minutes" in text
