"""TimeClock runs from its own cached bytecode even with PYTHONDONTWRITEBYTECODE set (#9).

The program itself is started twice in fresh interpreters; and the cache's finder is tried
on a throwaway package, so that sources can change.
"""

from __future__ import annotations

import importlib
import marshal
import os
import py_compile
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import timeclock
from timeclock.cli.bytecode import CacheFinder, cache_folder, cached_path, use_private_cache

SOURCE_ROOT = Path(timeclock.__file__).parent
MARK = "loaded from the private cache"


def _start(cache_home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m timeclock ARGS`` with PYTHONDONTWRITEBYTECODE set and its own cache."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "XDG_CACHE_HOME": str(cache_home)}
    return subprocess.run(
        [sys.executable, "-m", "timeclock", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def _cached_files(root: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in root.rglob("*.pyc")}


def _replace_code(pyc: Path, source: Path, extra: str) -> None:
    """Put other code into ``pyc`` under its old header (which still matches the source)."""
    header = pyc.read_bytes()[:16]
    code = compile(source.read_text(encoding="utf-8") + extra, str(source), "exec")
    pyc.write_bytes(header + marshal.dumps(code))


def test_a_second_start_runs_timeclock_from_the_cached_bytecode(tmp_path: Path) -> None:
    first = _start(tmp_path, "--version")
    assert first.returncode == 0, first.stderr
    root = tmp_path / "TimeClock" / "pycache"
    run_source = SOURCE_ROOT / "cli" / "run.py"
    run_pyc = cached_path(root, str(run_source))
    written = _cached_files(root)
    assert run_pyc in written
    assert cached_path(root, str(SOURCE_ROOT / "domain" / "errors.py")) in written
    assert all("timeclock" in path.parts for path in written)  # nothing but TimeClock's

    second = _start(tmp_path, "--version")
    assert second.returncode == 0, second.stderr
    assert _cached_files(root) == written  # nothing compiled or written again

    # Proof that the code runs from the cache, not from a compile of the source.
    _replace_code(run_pyc, run_source, f"\nimport sys as _sys\n_sys.stderr.write({MARK!r})\n")
    third = _start(tmp_path, "--version")
    assert third.returncode == 0, third.stderr
    assert third.stderr == MARK


def test_the_cache_is_private_to_the_user(tmp_path: Path) -> None:
    assert _start(tmp_path, "--version").returncode == 0
    root = tmp_path / "TimeClock" / "pycache"

    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    files = list(root.rglob("*.pyc"))
    assert files
    assert {stat.S_IMODE(path.stat().st_mode) for path in files} == {0o600}


def test_the_cache_folder_is_in_the_user_s_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "TimeClock" / "pycache"


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A throwaway package ``cachedpkg`` (with a module ``value``) on ``sys.path``."""
    folder = tmp_path / "src" / "cachedpkg"
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text("", encoding="utf-8")
    (folder / "value.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder.parent))
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    yield folder
    for name in ("cachedpkg.value", "cachedpkg"):
        sys.modules.pop(name, None)


@pytest.fixture
def finder(tmp_path: Path) -> Iterator[CacheFinder]:
    made = CacheFinder(tmp_path / "cache", package="cachedpkg")
    sys.meta_path.insert(0, made)
    yield made
    sys.meta_path.remove(made)


def _fresh_value() -> int:
    for name in ("cachedpkg.value", "cachedpkg"):
        sys.modules.pop(name, None)
    return int(importlib.import_module("cachedpkg.value").VALUE)


def test_a_changed_source_is_compiled_again(package: Path, finder: CacheFinder) -> None:
    assert _fresh_value() == 1
    pyc = cached_path(finder.root, str(package / "value.py"))
    first = pyc.read_bytes()

    (package / "value.py").write_text("VALUE = 22\n", encoding="utf-8")  # another size

    assert _fresh_value() == 22
    assert pyc.read_bytes() != first


def test_a_broken_cache_file_is_compiled_again(package: Path, finder: CacheFinder) -> None:
    assert _fresh_value() == 1
    pyc = cached_path(finder.root, str(package / "value.py"))
    pyc.write_bytes(pyc.read_bytes()[:20])  # cut off: the header matches, the code is gone

    assert _fresh_value() == 1
    assert len(pyc.read_bytes()) > 20


def test_python_s_own_bytecode_wins_where_it_exists(package: Path, finder: CacheFinder) -> None:
    source = package / "value.py"
    own = Path(importlib.util.cache_from_source(str(source)))
    py_compile.compile(str(source), cfile=str(own), doraise=True)
    _replace_code(own, source, "\nVALUE = 333\n")

    assert _fresh_value() == 333
    assert not cached_path(finder.root, str(source)).exists()


def test_a_stale_bytecode_of_python_s_own_gives_way_to_the_cache(
    package: Path, finder: CacheFinder
) -> None:
    """An old ``__pycache__`` file (the source changed since) would be compiled at every
    start and never written: the private cache takes over."""
    source = package / "value.py"
    own = Path(importlib.util.cache_from_source(str(source)))
    py_compile.compile(str(source), cfile=str(own), doraise=True)
    source.write_text("VALUE = 4444\n", encoding="utf-8")  # another size: stale now

    assert _fresh_value() == 4444
    assert cached_path(finder.root, str(source)).exists()


def test_other_packages_are_left_to_python(package: Path, tmp_path: Path) -> None:
    other = CacheFinder(tmp_path / "cache", package="timeclock")
    assert other.find_spec("cachedpkg", None) is None


def test_nothing_is_cached_when_python_writes_bytecode_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert not use_private_cache(tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_a_folder_that_is_not_a_folder_of_our_own_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = tmp_path / "link"
    link.symlink_to(elsewhere)
    plain_file = tmp_path / "file"
    plain_file.write_bytes(b"")
    before = list(sys.meta_path)

    assert not use_private_cache(link)
    assert not use_private_cache(plain_file)
    assert sys.meta_path == before


def test_a_loose_folder_of_our_own_is_made_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))  # the finder goes away after
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o777)

    assert use_private_cache(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert isinstance(sys.meta_path[0], CacheFinder)
