"""What can go wrong talking to TimeTrack, as typed errors with sentences people understand.

Every error's ``str()`` is a complete, readable message that names no secret; callers show
it as it is (one line on stderr, one message in the window).
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from typing import Any

from timeclock.domain.errors import ErrorKind, TimeClockError


@dataclass(frozen=True, slots=True)
class ServerMessage:
    """One entry of the vendor's error body ``{"errors": [{title, status, code, detail}]}``."""

    title: str
    detail: str = ""
    code: int | None = None

    def __str__(self) -> str:
        if self.detail and self.detail != self.title:
            return f"{self.title}: {self.detail}" if self.title else self.detail
        return self.title


class TimeTrackError(TimeClockError):
    """Base of every error the client raises.

    Besides the English sentence, the parts it was made of are kept (status, host, the
    entry's id, what the server said), so a user interface can say it in its own language.
    """

    kind = ErrorKind.SERVER

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        host: str = "",
        entry_id: int | None = None,
        server_says: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.host = host
        self.entry_id = entry_id
        self.server_says = server_says

    def __str__(self) -> str:
        return self.message

    @property
    def retryable(self) -> bool:
        """Whether the same request may succeed later without anything being changed."""
        return False


class AuthenticationError(TimeTrackError):
    """401 or 403: the API key or secret was not accepted."""


class NotFoundError(TimeTrackError):
    """404: the entry does not exist (or was deleted)."""


class ValidationError(TimeTrackError):
    """400 or 422: the server refused the data; ``messages`` says why, in its words."""

    def __init__(
        self, message: str, *, messages: tuple[ServerMessage, ...] = (), **parts: Any
    ) -> None:
        super().__init__(message, **parts)
        self.messages = messages


class RateLimitedError(TimeTrackError):
    """429: too many requests; ``retry_after`` is the server's wish in seconds, if it said."""

    def __init__(self, message: str, *, retry_after: float | None = None, **parts: Any) -> None:
        super().__init__(message, **parts)
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        return True


class ServerError(TimeTrackError):
    """5xx, or a status no rule covers: the server failed."""

    @property
    def retryable(self) -> bool:
        return True


class NetworkError(TimeTrackError):
    """The server could not be reached, or the connection broke.

    ``reason`` says how: ``unreachable``, ``untrusted`` (TLS certificate), ``cut``,
    ``timeout``, ``stopped`` (by :meth:`TimeTrackClient.stop`: the program is closing) or
    ``other``.
    """

    def __init__(self, message: str, *, reason: str = "other", **parts: Any) -> None:
        super().__init__(message, **parts)
        self.reason = reason

    @property
    def retryable(self) -> bool:
        # An untrusted certificate is no passing outage: someone must look at it first.
        return self.reason != "untrusted"


class TimeoutError(NetworkError, builtins.TimeoutError):
    """The server did not answer in time."""

    def __init__(self, message: str, **parts: Any) -> None:
        super().__init__(message, reason="timeout", **parts)


class MalformedResponseError(TimeTrackError):
    """The server answered with something that is not what the API describes."""


class UnavailableError(TimeTrackError):
    """401, 403 or 404 from ``users``, ``absences`` or ``work_reports``: this server or this
    API key does not offer the resource. Not a failure of TimeTrack nor of the network:
    what needs it works on without it (names, targets and absences are then missing), so
    a window says so once instead of showing an error. ``resource`` names it;
    ``forbidden`` is True for 401/403 (the key may not read it), False for 404 (the
    server has no such resource)."""

    def __init__(self, message: str, *, resource: str, forbidden: bool, **parts: Any) -> None:
        super().__init__(message, **parts)
        self.resource = resource
        self.forbidden = forbidden
