"""PySide6's check of every newly imported module reads bytes, with the same answers (#9)."""

from __future__ import annotations

import linecache
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import timeclock.gui  # noqa: F401 - installs the quick check, as every window start does
from timeclock.gui.pyside_hook import quicken_feature_check

FEATURE = sys.modules["shibokensupport.feature"]


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Two fresh modules on ``sys.path``: one uses PySide6, one does not."""
    (tmp_path / "hook_plain_module.py").write_text("VALUE = 1\n", encoding="utf-8")
    (tmp_path / "hook_qt_module.py").write_text(
        "from PySide6.QtCore import QObject\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in ("hook_plain_module", "hook_qt_module"):
        sys.modules.pop(name, None)
        FEATURE.pyside_feature_dict.pop(name, None)


def test_new_modules_are_classed_as_pyside_does_without_keeping_their_source(
    modules: Path,
) -> None:
    __import__("hook_plain_module")  # through PySide6's import hook, as an import statement
    __import__("hook_qt_module")

    assert FEATURE.pyside_feature_dict["hook_plain_module"] == -1  # ignored by __feature__
    assert FEATURE.pyside_feature_dict["hook_qt_module"] == 0  # switchable, no feature on
    assert str(modules / "hook_plain_module.py") not in linecache.cache
    assert str(modules / "hook_qt_module.py") not in linecache.cache


def test_modules_without_a_source_file_get_pyside_s_own_answer() -> None:
    check = FEATURE._mod_uses_pyside
    assert check(sys) is False  # built in
    assert check(sys.modules["PySide6.QtCore"]) is False  # compiled


def test_the_check_is_replaced_once() -> None:
    check = FEATURE._mod_uses_pyside
    assert not quicken_feature_check()
    assert FEATURE._mod_uses_pyside is check
