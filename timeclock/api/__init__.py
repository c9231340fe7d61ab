"""The TimeTrack attendances client and its wire format: httpx, no Qt."""

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
