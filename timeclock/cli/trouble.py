"""TimeTrack's troubles in the command line's German: the API's errors keep their parts
(status, host, entry, what the server said), so they are worded again here; what the
server itself said stays as it came (TimeTrack answers in its own language).

English keeps the API's own sentences (:func:`worded` is asked only for German), which
these repeat word for word as the catalog's keys.
"""

from __future__ import annotations

from timeclock.api.errors import (
    AuthenticationError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    TimeTrackError,
    ValidationError,
)
from timeclock.cli.i18n import _


def worded(error: TimeTrackError) -> str | None:
    """``error`` in the command line's language; None for one this module does not word."""
    said = error.server_says
    if isinstance(error, AuthenticationError):
        return _(
            "TimeTrack rejected the API key or secret (HTTP {status}). Check them in TimeTrack "
            "under Settings / General / API; the secret may have been regenerated."
        ).format(status=error.status)
    if isinstance(error, NotFoundError):
        text = (
            _("Entry {id} was not found on TimeTrack").format(id=error.entry_id)
            if error.entry_id is not None
            else _("The requested address was not found on TimeTrack")
        )
        return text + (f" ({said})." if said else ".")
    if isinstance(error, ValidationError):
        reason = said or _("HTTP {status} without a reason").format(status=error.status)
        return _("TimeTrack refused the data: {reason}.").format(reason=reason)
    if isinstance(error, RateLimitedError):
        return _("TimeTrack asks to slow down (too many requests); try again shortly.")
    if isinstance(error, ServerError) and error.status is not None and error.status >= 500:
        return _("TimeTrack had a server error (HTTP {status}){said}. Try again later.").format(
            status=error.status, said=f": {said}" if said else ""
        )
    if isinstance(error, NetworkError):
        return _network(error)
    return None


def _network(error: NetworkError) -> str | None:
    texts = {
        "timeout": _("TimeTrack at {host} did not answer in time; try again later."),
        "untrusted": _(
            "The TLS certificate of {host} is not trusted, so the connection was refused. "
            "Ask your administrator, or check the account URL."
        ),
        "unreachable": _("Cannot reach TimeTrack at {host}; check the network connection."),
        "cut": _("The connection to {host} broke before the answer arrived; try again."),
        "stopped": _("The request to {host} was stopped: TimeClock is closing."),
    }
    text = texts.get(error.reason)
    return None if text is None else text.format(host=error.host or "TimeTrack")
