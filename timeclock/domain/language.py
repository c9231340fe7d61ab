"""Which language TimeClock speaks: the one rule the window and the command line share.

The settings' ``language`` wins when it names one TimeClock has; otherwise the system's
languages are tried in order, and English (the language of the source) is the rest.

On POSIX systems the system's languages are read from the environment as GNU gettext
reads them: the locale is the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is
set; unless that locale is ``C`` or ``POSIX`` (which mean untranslated English),
``LANGUAGE`` (``de:en``) comes first, then the locale itself. Where the environment says
nothing (Windows, macOS apps), the caller passes the platform's own answer instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

SUPPORTED = ("de", "en")
SOURCE_LANGUAGE = "en"  # the strings in the code are English
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
_UNTRANSLATED = ("C", "POSIX")


def language_for(setting: str, system: Iterable[str]) -> str:
    """The language to speak: ``setting`` if TimeClock has it, else the first of the
    ``system``'s languages (names like ``de``, ``de_AT.UTF-8``) that it has, else English."""
    if setting in SUPPORTED:
        return setting
    for name in system:
        code = language_code(name)
        if code in SUPPORTED:
            return code
    return SOURCE_LANGUAGE


def environment_languages(environ: Mapping[str, str]) -> list[str]:
    """The languages the environment asks for, best first (see the module's docstring);
    empty when it names none."""
    locale = next((environ[name] for name in _LOCALE_VARIABLES if environ.get(name)), "")
    if locale.split(".", maxsplit=1)[0] in _UNTRANSLATED:
        return [SOURCE_LANGUAGE]
    wanted = [name for name in environ.get("LANGUAGE", "").split(":") if name]
    return [*wanted, locale] if locale else wanted


def language_code(name: str) -> str:
    """``de`` of ``de``, ``de_DE``, ``de_DE.UTF-8``, ``de-AT`` or ``de_DE@euro``."""
    return re.split(r"[._@-]", name, maxsplit=1)[0].lower()
