"""Refresh the translation sources and rebuild the compiled translations.

    python packaging/update_translations.py          # lupdate, then lrelease
    python packaging/update_translations.py --check  # fail if anything is out of date

``pyside6-lupdate`` collects every ``tr()`` string of ``timeclock/gui`` into
``resources/translations/timeclock_{de,en}.ts`` (translate new German entries there, e.g.
with ``pyside6-linguist``); ``pyside6-lrelease`` compiles them into the ``.qm`` files the
package ships in ``timeclock/gui/translations``.
"""

from __future__ import annotations

import argparse
import filecmp
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "timeclock" / "gui"
TS_FOLDER = ROOT / "resources" / "translations"
QM_FOLDER = ROOT / "timeclock" / "gui" / "translations"
LANGUAGES = ("de", "en")


def tool(name: str) -> str:
    """A PySide6 tool installed next to this Python, or on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6-Essentials")
    return found


def update_sources(ts_folder: Path) -> None:
    """Run lupdate over the GUI code into the .ts files in ``ts_folder``.

    A string that moved to another class keeps its translation: lupdate files it under the
    new context as unfinished, and it is filled in from the old one.
    """
    python_files = sorted(str(path) for path in SOURCES.glob("*.py"))
    targets = [str(ts_folder / f"timeclock_{language}.ts") for language in LANGUAGES]
    known = {target: _translations(Path(target)) for target in targets}
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            *python_files,
            "-ts",
            *targets,
        ],
        check=True,
        capture_output=True,
    )
    for target, translations in known.items():
        _carry_over(Path(target), translations)


def _translations(ts_file: Path) -> dict[str, str]:
    """Finished translations by source text."""
    if not ts_file.exists():
        return {}
    found = {}
    root = ElementTree.parse(ts_file).getroot()  # noqa: S314 - the project's own files
    for message in root.iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or translation.get("type"):
            continue
        if source.text and translation.text:
            found[source.text] = translation.text
    return found


def _carry_over(ts_file: Path, translations: dict[str, str]) -> None:
    """Fill unfinished messages whose source text was translated before (lupdate may have
    guessed one already, still marked unfinished: the earlier translation wins)."""
    text = ts_file.read_text(encoding="utf-8")
    unfinished = re.compile(
        r"<source>(?P<source>[^<]*)</source>\n(?P<indent>\s*)"
        r'<translation type="unfinished">[^<]*</translation>'
    )

    def fill(match: re.Match[str]) -> str:
        translation = translations.get(html.unescape(match["source"]))
        if translation is None:
            return match[0]
        return (
            f"<source>{match['source']}</source>\n{match['indent']}"
            f"<translation>{html.escape(translation, quote=False)}</translation>"
        )

    ts_file.write_text(unfinished.sub(fill, text), encoding="utf-8")


def compile_translations(ts_folder: Path, qm_folder: Path) -> None:
    """Run lrelease: every .ts in ``ts_folder`` into a .qm in ``qm_folder``."""
    qm_folder.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        subprocess.run(
            [
                tool("pyside6-lrelease"),
                str(ts_folder / f"timeclock_{language}.ts"),
                "-qm",
                str(qm_folder / f"timeclock_{language}.qm"),
            ],
            check=True,
            capture_output=True,
        )


def out_of_date() -> list[str]:
    """What ``update`` would change: the files whose content would differ."""
    with tempfile.TemporaryDirectory() as scratch:
        ts_copy, qm_copy = Path(scratch) / "ts", Path(scratch) / "qm"
        shutil.copytree(TS_FOLDER, ts_copy)
        update_sources(ts_copy)
        compile_translations(ts_copy, qm_copy)
        stale = [
            f"resources/translations/{path.name}"
            for path in sorted(ts_copy.glob("*.ts"))
            if not filecmp.cmp(path, TS_FOLDER / path.name, shallow=False)
        ]
        stale += [
            f"timeclock/gui/translations/{path.name}"
            for path in sorted(qm_copy.glob("*.qm"))
            if not (QM_FOLDER / path.name).exists()
            or not filecmp.cmp(path, QM_FOLDER / path.name, shallow=False)
        ]
        return stale


def main() -> int:
    """Update (default) or check the translations."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    if parser.parse_args().check:
        stale = out_of_date()
        for name in stale:
            print(f"out of date: {name}")
        return 1 if stale else 0
    TS_FOLDER.mkdir(parents=True, exist_ok=True)
    update_sources(TS_FOLDER)
    compile_translations(TS_FOLDER, QM_FOLDER)
    return 0


if __name__ == "__main__":
    sys.exit(main())
