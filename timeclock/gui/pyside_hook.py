"""PySide6 reads the source of every module imported after it; make that a plain read.

PySide6 (6.4 and later) hooks ``__import__`` for its ``__feature__`` switches: each newly
imported module is asked whether its source mentions "PySide6", through
``inspect.getsource``. That decodes every file into ``linecache`` and keeps it there: for
the 250 modules a start imports after Qt, about 60 ms and 4 MB. The same question answered
from the file's bytes gives the same answer at a fraction of the cost and keeps nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - installs the hook (shibokensupport.feature)

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def quicken_feature_check() -> bool:
    """Replace PySide6's check by one that reads bytes; False if this PySide6 has none."""
    feature = sys.modules.get(_FEATURE_MODULE)
    original = getattr(feature, _CHECK, None)
    if feature is None or not callable(original) or getattr(original, "quick", False):
        return False
    setattr(feature, _CHECK, _quick_check(original))
    return True


def _quick_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)  # built-in, compiled or without a file: as PySide does
        try:
            with open(path, "rb") as source:  # noqa: PTH123 - the fastest way, and the point
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.quick = True  # type: ignore[attr-defined]
    return uses_pyside
