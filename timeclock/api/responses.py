"""Turning HTTP answers and transport failures into the client's typed errors."""

from __future__ import annotations

import email.utils
import json
import ssl
from datetime import UTC, datetime
from typing import Any

import httpx

from timeclock.api import wire
from timeclock.api.errors import (
    AuthenticationError,
    MalformedResponseError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    ServerMessage,
    TimeoutError,
    TimeTrackError,
    ValidationError,
)

# A list page of 1,000 entries is a few hundred kB; far more is not an attendance list.
MAX_BODY_BYTES = 32 * 1024 * 1024


def read_json(response: httpx.Response) -> object:
    """The JSON of a successful answer, or a :class:`MalformedResponseError` saying why not."""
    content_type = response.headers.get("content-type", "").split(";")[0].strip() or "no type"
    if len(response.content) > MAX_BODY_BYTES:
        raise MalformedResponseError(
            f"TimeTrack sent an answer of {len(response.content) // 1_000_000} MB; "
            "that is not an attendance list."
        )
    if not response.content.strip():
        raise MalformedResponseError("TimeTrack sent an empty answer where data was expected.")
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError):
        raise MalformedResponseError(
            f"TimeTrack answered with something that is not JSON ({content_type}, "
            f"HTTP {response.status_code}); is the account URL right?"
        ) from None


def status_error(response: httpx.Response, entry_id: int | None = None) -> TimeTrackError:
    """The error for an answer whose status is not a success."""
    status = response.status_code
    said = _server_says(response)
    parts: dict[str, Any] = {
        "status": status,
        "host": response.request.url.host,
        "entry_id": entry_id,
        "server_says": said,
    }
    if status in (401, 403):
        return AuthenticationError(
            f"TimeTrack rejected the API key or secret (HTTP {status}). Check them in "
            "TimeTrack under Settings / General / API; the secret may have been regenerated.",
            **parts,
        )
    if status == 404:
        what = f"Entry {entry_id}" if entry_id is not None else "The requested address"
        return NotFoundError(
            f"{what} was not found on TimeTrack" + (f" ({said})." if said else "."), **parts
        )
    if status in (400, 422):
        return ValidationError(
            "TimeTrack refused the data: " + (said or f"HTTP {status} without a reason") + ".",
            messages=_messages(response),
            **parts,
        )
    if status == 429:
        return RateLimitedError(
            "TimeTrack asks to slow down (too many requests); try again shortly.",
            retry_after=retry_after_seconds(response.headers.get("retry-after")),
            **parts,
        )
    if 300 <= status < 400:
        return MalformedResponseError(
            f"TimeTrack redirected the request (HTTP {status}); check the account URL.", **parts
        )
    if status >= 500:
        return ServerError(
            f"TimeTrack had a server error (HTTP {status})"
            + (f": {said}" if said else "")
            + ". Try again later.",
            **parts,
        )
    return ServerError(
        f"TimeTrack answered HTTP {status}" + (f": {said}" if said else "") + ".", **parts
    )


def transport_error(error: httpx.HTTPError, base_url: str) -> TimeTrackError:
    """The error for a request that got no answer."""
    host = httpx.URL(base_url).host
    if isinstance(error, httpx.TimeoutException):
        return TimeoutError(
            f"TimeTrack at {host} did not answer in time; try again later.", host=host
        )
    if isinstance(error, httpx.ConnectError) and _is_certificate_error(error):
        return NetworkError(
            f"The TLS certificate of {host} is not trusted, so the connection was refused. "
            "Ask your administrator, or check the account URL.",
            reason="untrusted",
            host=host,
        )
    if isinstance(error, httpx.ConnectError):
        return NetworkError(
            f"Cannot reach TimeTrack at {host}; check the network connection.",
            reason="unreachable",
            host=host,
        )
    if isinstance(error, httpx.RemoteProtocolError):
        return NetworkError(
            f"The connection to {host} broke before the answer arrived; try again.",
            reason="cut",
            host=host,
        )
    if isinstance(error, httpx.DecodingError):
        return MalformedResponseError(
            f"TimeTrack at {host} sent an answer that cannot be decoded.", host=host
        )
    if isinstance(error, httpx.TransportError):
        return NetworkError(f"The connection to {host} failed ({type(error).__name__}).", host=host)
    return NetworkError(f"The request to {host} failed ({type(error).__name__}).", host=host)


def retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` as seconds: a number of seconds or an HTTP date."""
    if not value:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():  # str.isdigit() also takes "²", which float() refuses
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _messages(response: httpx.Response) -> tuple[ServerMessage, ...]:
    try:
        payload: object = json.loads(response.content)
    except (ValueError, RecursionError):
        payload = response.text if "html" not in response.headers.get("content-type", "") else ""
    return wire.parse_error_messages(payload)


def _server_says(response: httpx.Response) -> str:
    return "; ".join(str(message) for message in _messages(response)[:3])


def _is_certificate_error(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(error)
