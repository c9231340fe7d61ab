"""The packaging scripts import each other by bare name (they run as scripts from
packaging/), so their folder goes on the path; the bundle's window is looked at on a
real X server with the system tests' fixtures."""

import os
import sys
from pathlib import Path

from tests.system.conftest import child_env, launch, start_x_server

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
if str(PACKAGING) not in sys.path:
    sys.path.insert(0, str(PACKAGING))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the icons render without a display

__all__ = ["child_env", "launch", "start_x_server"]
