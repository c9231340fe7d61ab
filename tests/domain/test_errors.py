"""Every error a person can meet derives from one root, so the command line and the window
word it instead of reporting a bug."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import timeclock
from timeclock.domain.errors import ErrorKind, TimeClockError

# Errors that never reach a person as they are: each is turned into one that does where it
# is caught (the module that catches it is named).
_INTERNAL = {
    "timeclock.api.wire.WireFormatError",  # -> MalformedResponseError in api.client
    "timeclock.api.people_wire.PeopleWireError",  # -> MalformedResponseError in api.resources
    "timeclock.api.deadline.CancelledError",  # -> TimeoutError in api.responses
    "timeclock.domain.timestamps.TimestampError",  # -> WireFormatError / argparse's usage
    "timeclock.domain.posixtz.PosixTZError",  # -> a warning and UTC in services.localzone
    "timeclock.domain.matching.AmbiguousMatchError",  # -> a held change in services.sync
    "timeclock.store.locks.LockTimeoutError",
    "timeclock.domain.foreground.Abandoned",  # -> None from EntryTable.compute_order
}


def _error_classes() -> list[type[BaseException]]:
    found = []
    for module_info in pkgutil.walk_packages(timeclock.__path__, "timeclock."):
        name = module_info.name
        if name.startswith(("timeclock.sandbox", "timeclock.gui")) or name.endswith("__main__"):
            continue  # the server's own errors; the window only shows others'
        module = importlib.import_module(name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(value, BaseException)
                and value.__module__ == name
                and not value.__name__.startswith("_")
            ):
                found.append(value)
    return found


def test_every_public_error_derives_from_the_root_or_is_turned_into_one() -> None:
    classes = _error_classes()
    assert len(classes) > 15  # the walk found the package's errors
    outside = [
        f"{cls.__module__}.{cls.__name__}"
        for cls in classes
        if not issubclass(cls, TimeClockError)
        and f"{cls.__module__}.{cls.__name__}" not in _INTERNAL
    ]
    assert outside == []


def test_each_error_says_what_kind_of_trouble_it_is() -> None:
    kinds = {
        f"{cls.__module__}.{cls.__name__}": cls.kind
        for cls in _error_classes()
        if issubclass(cls, TimeClockError)
    }
    assert kinds["timeclock.api.errors.NetworkError"] is ErrorKind.SERVER
    assert kinds["timeclock.store.outbox.OutboxError"] is ErrorKind.LOCAL
    assert kinds["timeclock.store.settings.SettingsError"] is ErrorKind.SETUP
    assert kinds["timeclock.services.stamping.StampBusyError"] is ErrorKind.BUSY
    assert kinds["timeclock.domain.shift.StampError"] is ErrorKind.INPUT
