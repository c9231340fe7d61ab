"""The desktop window: the only package that imports Qt.

Imported before any of its modules, it first makes PySide6's import hook cheap for every
module imported after Qt (:mod:`timeclock.gui.pyside_hook`).
"""

from timeclock.gui.pyside_hook import quicken_feature_check

quicken_feature_check()
