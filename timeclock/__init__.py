"""TimeClock: a desktop time clock for TimeTrack."""

# The one place the version is written: the package metadata takes it from here
# (pyproject.toml, [tool.hatch.version]). A constant, not importlib.metadata, which would
# cost every start about 40 ms of imports (email, zipfile, csv).
__version__ = "0.1.0"

__all__ = ["__version__"]
