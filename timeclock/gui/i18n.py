"""German and English through Qt's own translation machinery.

The ``.ts`` sources live in ``resources/translations``; the compiled ``.qm`` files ship in
this package (``timeclock/gui/translations``) and are loaded with importlib.resources, so
an installed TimeClock finds them wherever it lives.
"""

from __future__ import annotations

import os
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from timeclock.domain import language as rule
from timeclock.domain.language import SOURCE_LANGUAGE, SUPPORTED

__all__ = [
    "SOURCE_LANGUAGE",
    "SUPPORTED",
    "install_translators",
    "language_for",
    "qm_path",
    "remove_translators",
]


def language_for(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the setting if it names one we have, else the system's, by
    the rule the command line follows too (:mod:`timeclock.domain.language`): the
    environment's languages, or where it names none, Qt's (``system`` for a test)."""
    if system is not None:
        return rule.language_for(setting, [system.name()])
    names = rule.environment_languages(os.environ) or QLocale.system().uiLanguages()
    return rule.language_for(setting, names)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load TimeClock's and Qt's translations for ``language`` into ``app``.

    Also makes ``language`` the default locale, so dates and numbers follow the words.
    Returns the translators, which must stay referenced while they are installed.
    """
    locale = QLocale(
        QLocale.Language.German if language == "de" else QLocale.Language.English,
        QLocale.Country.Germany if language == "de" else QLocale.Country.UnitedKingdom,
    )
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    ours = QTranslator(app)  # in English too: its plural forms ("1 change", "2 changes")
    if ours.load(qm_path(language)):
        app.installTranslator(ours)
        installed.append(ours)
    if language == SOURCE_LANGUAGE:
        return installed
    qt_own = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(locale, "qtbase", "_", qt_folder):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo :func:`install_translators` (for switching the language at run time)."""
    for translator in translators:
        app.removeTranslator(translator)


def qm_path(language: str) -> str:
    """The file of TimeClock's compiled translation for ``language``."""
    return str(resources.files("timeclock.gui") / "translations" / f"timeclock_{language}.qm")
