"""The servers TimeTrack may be, for the soak and kill -9 runs (:mod:`timeclock.sandbox.quirks`).

Each mode is a set of sandbox quirks plus how the client names its users there: against a
server that stores names in lower case, the client says ``HansM`` where the server keeps
``hansm``, so the rule that recognises a user in any case is really exercised. The oracles
compare with what such a server keeps (:meth:`ServerMode.kept_user`,
:meth:`ServerMode.kept_moment`), never with what the client sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

import pytest

from timeclock.sandbox.quirks import ServerQuirks


@dataclass(frozen=True, slots=True)
class ServerMode:
    """One kind of server: its quirks, and the case in which the client writes user names."""

    name: str
    quirks: ServerQuirks

    def client_user(self, user: str) -> str:
        """The name the client uses for ``user`` (``hansm`` -> ``HansM`` where case folds)."""
        if not self.quirks.fold_user_case:
            return user
        return user[0].upper() + user[1:-1] + user[-1].upper() if len(user) > 1 else user.upper()

    def kept_user(self, user: str) -> str:
        """The name as this server stores it."""
        return self.quirks.kept_user(user)

    def kept_moment(self, moment: datetime) -> datetime:
        """An instant as this server keeps it."""
        return self.quirks.kept_moment(moment)


DEFAULT: Final = ServerMode("default", ServerQuirks())
WHOLE_SECONDS: Final = ServerMode("whole-seconds", ServerQuirks(whole_seconds=True))
FOLDED_CASE: Final = ServerMode("folded-case", ServerQuirks(fold_user_case=True))
BOTH: Final = ServerMode("both-quirks", ServerQuirks(whole_seconds=True, fold_user_case=True))
ALL_MODES: Final = (DEFAULT, WHOLE_SECONDS, FOLDED_CASE, BOTH)


def mode_param(mode: ServerMode, *values: object, slow: bool, timeout: int = 0) -> object:
    """A ``pytest.param`` of ``values`` (then the mode) with an id naming the mode; ``slow``
    ones behind ``-m slow`` with their own ``timeout``."""
    marks = [pytest.mark.slow, pytest.mark.timeout(timeout)] if slow else []
    size = "-".join(str(value) for value in values[:1])
    return pytest.param(*values, mode, id=f"{mode.name}-{size}", marks=marks)
