"""The command line in German or English: one catalog, looked up by the English text.

The messages in the code are English, each wrapped in :func:`_` (placeholders such as
``{time}`` are filled in after the lookup, with ``str.format``), and
:data:`timeclock.cli.german.GERMAN` holds their German, in one place. Which language:
:func:`command_line_language`, by the rule the window follows too
(:mod:`timeclock.domain.language`): the settings' ``language``, else the environment's.

argparse's own words ("usage:", "options", "show this help message and exit", its error
lines) go through the same catalog: argparse looks each one up, when it needs it, through
its module's ``_`` and ``ngettext`` (Python's gettext, whose domain has no German for it),
and :func:`use_language` points those two at the catalog. tests/cli/test_german.py checks
that every message of the command line, and every one argparse has, has its German.

The catalog is a Python module rather than a compiled gettext file: nothing to build, a
review sees the German beside the English, and English (the default) imports nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping

from timeclock.domain.language import SOURCE_LANGUAGE, environment_languages, language_for

_catalog: dict[str, str] = {}


def _(text: str) -> str:  # the customary name of gettext's lookup, which tools know
    """``text`` in the command line's language (as it is, in English)."""
    return _catalog.get(text, text)


def plural(count: int, one: str, many: str) -> str:
    """``one`` or ``many`` (texts with ``{n}``) for ``count``, translated, with the count."""
    return _(one if count == 1 else many).format(n=count)


def _ngettext(singular: str, plural_text: str, count: int) -> str:
    """argparse's plural lookup (its placeholders are filled in by argparse)."""
    return _(singular if count == 1 else plural_text)


def use_language(language: str) -> None:
    """Speak ``language`` (``de`` or ``en``) from now on, argparse included."""
    _catalog.clear()
    if language == "de":
        from timeclock.cli.german import GERMAN  # noqa: PLC0415 - German only when spoken

        _catalog.update(GERMAN)
    argparse._ = _  # type: ignore[attr-defined]  # see the module's docstring
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]


def current_language() -> str:
    return "de" if _catalog else SOURCE_LANGUAGE


def command_line_language(setting: str, environ: Mapping[str, str] | None = None) -> str:
    """The language of the command line: ``setting`` (the settings' ``language``) if it
    names one, else the environment's (or, where that says nothing, Windows' own)."""
    names = environment_languages(os.environ if environ is None else environ)
    return language_for(setting, names or _windows_languages())


def _windows_languages() -> list[str]:
    """The language of Windows' user interface (it sets no ``LANG``); none elsewhere."""
    if sys.platform != "win32":
        return []
    import ctypes  # noqa: PLC0415 - Windows only
    import locale  # noqa: PLC0415

    identifier = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined,unused-ignore]
    name = locale.windows_locale.get(identifier)
    return [name] if name else []
