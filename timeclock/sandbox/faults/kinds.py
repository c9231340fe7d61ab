"""The fault kinds: what each does to a request, and whether the change is stored.

======================  ==============================================================  ======
kind                    what the client gets                                            stored
======================  ==============================================================  ======
``500``                 500, the vendor's error body                                    no
``503``                 503, the vendor's error body, ``Retry-After``                   no
``429``                 429, the vendor's error body, ``Retry-After``                   no
``cut``                 the connection closes before the request reaches the app       no
``commit-then-cut``     the app handles the request, the connection closes unanswered   yes
``malformed-json``      200, ``application/json``, a body that is not valid JSON        yes
``wrong-content-type``  200, ``text/html``, a web page instead of the answer            yes
``truncated-body``      the app's head, a Content-Length the body never reaches, close  yes
======================  ==============================================================  ======

The three answer-mangling kinds let the app do its work first (as if the answer were damaged
on its way back), so for writes they are as hard on the client as ``commit-then-cut``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from timeclock.sandbox.errors import ErrorCode


class FaultKind(StrEnum):
    """One way a request can go wrong; the value is its name in options and JSON."""

    SERVER_ERROR = "500"
    UNAVAILABLE = "503"
    RATE_LIMITED = "429"
    CUT = "cut"
    COMMIT_THEN_CUT = "commit-then-cut"
    MALFORMED_JSON = "malformed-json"
    WRONG_CONTENT_TYPE = "wrong-content-type"
    TRUNCATED_BODY = "truncated-body"

    @classmethod
    def parse(cls, name: str) -> FaultKind:
        """The kind called ``name``; ValueError naming the known kinds otherwise."""
        try:
            return cls(name.strip().lower())
        except ValueError:
            known = ", ".join(kind.value for kind in cls)
            raise ValueError(f"unknown fault {name!r}; known faults: {known}") from None


ALL_KINDS: Final = tuple(FaultKind)
# The kinds answered with a vendor error: (code, status, title) of the answer.
ERROR_ANSWERS: Final = {
    FaultKind.SERVER_ERROR: ErrorCode.INTERNAL_ERROR.value,
    FaultKind.UNAVAILABLE: (10503, 503, "Service unavailable"),
    FaultKind.RATE_LIMITED: (10429, 429, "Too many requests"),
}
# The kinds that let the app handle the request before the answer goes wrong.
RUNS_THE_APP: Final = frozenset(
    {
        FaultKind.COMMIT_THEN_CUT,
        FaultKind.MALFORMED_JSON,
        FaultKind.WRONG_CONTENT_TYPE,
        FaultKind.TRUNCATED_BODY,
    }
)
