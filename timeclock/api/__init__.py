"""The TimeTrack attendances client and its wire format: httpx, no Qt.

The names below are imported when first asked for (PEP 562): importing a small module of
this package (``timeclock.api.credentials``, say) does not import httpx with the client.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeclock.api.client import TimeTrackClient
    from timeclock.api.credentials import Credentials
    from timeclock.api.endpoint import EndpointError, resolve_base_url
    from timeclock.api.errors import (
        AuthenticationError,
        MalformedResponseError,
        NetworkError,
        NotFoundError,
        RateLimitedError,
        ServerError,
        TimeoutError,
        TimeTrackError,
        ValidationError,
    )

_WHERE = {
    "TimeTrackClient": "client",
    "Credentials": "credentials",
    "EndpointError": "endpoint",
    "resolve_base_url": "endpoint",
    **dict.fromkeys(
        (
            "AuthenticationError",
            "MalformedResponseError",
            "NetworkError",
            "NotFoundError",
            "RateLimitedError",
            "ServerError",
            "TimeoutError",
            "TimeTrackError",
            "ValidationError",
        ),
        "errors",
    ),
}


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "AuthenticationError",
    "Credentials",
    "EndpointError",
    "MalformedResponseError",
    "NetworkError",
    "NotFoundError",
    "RateLimitedError",
    "ServerError",
    "TimeTrackClient",
    "TimeTrackError",
    "TimeoutError",
    "ValidationError",
    "resolve_base_url",
]
