"""TimeClock's own compiled bytecode in a private cache, even with PYTHONDONTWRITEBYTECODE.

Some machines set ``PYTHONDONTWRITEBYTECODE`` (it keeps ``__pycache__`` folders out of
source trees and read-only installs). An editable install (``pip install -e .``) then has no
``.pyc`` anywhere, and every start compiles all of TimeClock again: 1 to 2 s before the
window. So the ``timeclock`` program keeps the bytecode of its own modules, and only those,
in a folder of its own in the user's cache folder (``~/.cache/TimeClock/pycache`` on Linux,
made 0700, files 0600), which writes nothing next to the sources. Python's own ``.pyc``
(compiled when a wheel was installed) still wins where it exists. A cached file is used
only while the source has the size and modification time it was compiled from, as Python
itself checks. Deleting the folder is always safe.
"""

from __future__ import annotations

import contextlib
import importlib.machinery
import importlib.util
import marshal
import os
import stat
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import CodeType, ModuleType

import platformdirs

APP_NAME = "TimeClock"  # as in timeclock.store.paths (not imported: it pulls in the store)
PACKAGE = "timeclock"


def cache_folder() -> Path:
    """Where the bytecode is kept: ``pycache`` in the user's cache folder for TimeClock."""
    return Path(platformdirs.user_cache_dir(APP_NAME, False)) / "pycache"


def use_private_cache(folder: Path | None = None) -> bool:
    """Load TimeClock's modules imported from now on through the private cache.

    Does nothing when Python writes bytecode itself, or when the folder cannot be made
    private to this user (then TimeClock runs from source, as before). True when in use.
    """
    if not sys.dont_write_bytecode:
        return False
    if any(isinstance(finder, CacheFinder) for finder in sys.meta_path):
        return True
    root = _private_folder(cache_folder() if folder is None else folder)
    if root is None:
        return False
    sys.meta_path.insert(0, CacheFinder(root))
    return True


def cached_path(root: Path, source: str) -> Path:
    """The cache file of ``source``: its absolute folder mirrored under ``root``, as
    ``sys.pycache_prefix`` does, so two copies of TimeClock never share a file."""
    return Path(_cached_name(str(root), source))


def _cached_name(root: str, source: str) -> str:
    # Plain strings: this runs for every module a start imports, where pathlib costs.
    directory, name = os.path.split(os.path.abspath(source))  # noqa: PTH100
    relative = os.path.splitdrive(directory)[1].lstrip("\\/")
    return os.path.join(root, relative, name.rpartition(".")[0] + _SUFFIX)  # noqa: PTH118


_SUFFIX = f".{sys.implementation.cache_tag}.pyc"


def _private_folder(folder: Path) -> Path | None:
    """``folder``, made if missing; None unless it is a real folder only this user can use.

    Bytecode is code: a file someone else could write would be run as ours.
    """
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name != "posix":  # the user's cache folder is the user's own there
            return folder
        info = folder.lstat()
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            return None
        if info.st_mode & 0o077:
            folder.chmod(0o700)  # our own folder (made before, or by a loose umask)
    except OSError:
        return None
    return folder


class CacheFinder:
    """Finds the modules of ``package`` as Python does, and loads them through the cache
    in ``root``."""

    def __init__(self, root: Path, package: str = PACKAGE) -> None:
        self.root = root
        self.package = package

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name != self.package and not name.startswith(self.package + "."):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is None or type(spec.loader) is not importlib.machinery.SourceFileLoader:
            return spec
        assert spec.origin is not None  # a source file loader always has its file
        spec.loader = _CachedLoader(name, spec.origin, self.root)
        return spec

    def invalidate_caches(self) -> None:
        """Nothing of its own to forget (``importlib.invalidate_caches`` calls this)."""


class _CachedLoader(importlib.machinery.SourceFileLoader):
    """Python's source loader with the bytecode read from and written to the cache."""

    def __init__(self, fullname: str, path: str, root: Path) -> None:
        super().__init__(fullname, path)
        self.root = str(root)

    def get_code(self, fullname: str) -> CodeType:
        source = self.get_filename(fullname)
        header = _header(os.stat(source))  # noqa: PTH116
        if _still_current(importlib.util.cache_from_source(source), header):
            code = super().get_code(fullname)  # Python's own, e.g. compiled at install
            assert code is not None  # a source loader always has code
            return code
        target = _cached_name(self.root, source)
        code = _read(target, header)
        if code is None:
            code = self.source_to_code(self.get_data(source), source)
            _write(Path(target), header + marshal.dumps(code))
        return code


def _header(info: os.stat_result) -> bytes:
    """A timestamp-based ``.pyc`` header (PEP 552): magic, flags 0, mtime, size."""
    fields = (0, int(info.st_mtime) & 0xFFFFFFFF, info.st_size & 0xFFFFFFFF)
    return importlib.util.MAGIC_NUMBER + b"".join(value.to_bytes(4, "little") for value in fields)


def _still_current(path: str, header: bytes) -> bool:
    """Whether Python's own ``.pyc`` at ``path`` is there and fits the source as it is now
    (a hash-based one Python checks itself). A stale one, left from before the source
    changed, would be compiled again at every start and never written (the point of
    PYTHONDONTWRITEBYTECODE): the private cache does better.
    """
    try:
        with open(path, "rb") as file:  # noqa: PTH123 - sixteen bytes, plainly
            own = file.read(len(header))
    except OSError:
        return False
    flags = own[4:8]
    return own == header or (len(own) == len(header) and flags != bytes(4))


def _read(path: str, header: bytes) -> CodeType | None:
    """The code in ``path`` if it was compiled from the source as it is now, else None."""
    try:
        with open(path, "rb") as file:  # noqa: PTH123 - see _cached_name
            data = file.read()
    except OSError:
        return None
    if data[: len(header)] != header:
        return None
    try:
        # Our own file, in a folder only this user can write (see _private_folder).
        code = marshal.loads(memoryview(data)[len(header) :])  # noqa: S302
    except (EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def _write(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all (another start may read it meanwhile); a cache
    that cannot be written only means compiling again next time."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
