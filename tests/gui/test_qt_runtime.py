"""The installed Qt binding must be one the app can run on for hours.

PySide6 6.12.0 drops a reference to ``True`` on every ``emit()``; on Python 3.11 the
process aborts ("deallocating True or False") after a few hundred signals. This test
fails on such a binding instead of letting the app crash later.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal()


def test_emitting_signals_keeps_reference_counts_balanced() -> None:
    emitter = _Emitter()
    emits = 200
    before = sys.getrefcount(True)
    for _ in range(emits):
        emitter.ping.emit()
    # Other code may take or drop a reference or two meanwhile; the bug drops one per emit.
    assert sys.getrefcount(True) - before > -10
