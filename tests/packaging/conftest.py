"""The bundle's window is looked at on a real X server: the system tests' fixtures."""

from tests.system.conftest import child_env, launch, start_x_server

__all__ = ["child_env", "launch", "start_x_server"]
