"""Turning HTTP answers and transport failures into the client's typed errors."""

from __future__ import annotations

import email.utils
import json
import ssl
import time
from collections.abc import Callable, Collection, Iterator
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


def read_body(response: httpx.Response, *, ends: float | None = None) -> httpx.Response:
    """``response`` (sent with ``stream=True``) read, as long as it stays within MAX_BODY_BYTES.

    Reading everything and measuring afterwards would let a broken or hostile server fill
    the memory or keep the client reading for ever: with a body that never ends, a small
    gzip body that inflates to gigabytes, or endless bytes after a gzip member's end (which
    decode to nothing). So the limit holds for the bytes received and for the bytes they
    decode to, and reading stops at it either way. Nor may the reading go on past ``ends``
    (a ``time.monotonic()`` moment): a body sent a byte at a time never trips a read
    timeout, so the time is looked at with every piece (``httpx.ReadTimeout`` past it).
    The answer comes back as a read response whose body is already decoded.
    """
    limit = MAX_BODY_BYTES

    def too_big() -> MalformedResponseError:
        return MalformedResponseError(
            f"TimeTrack sent an answer of more than {_size(limit)}; "
            "that is not an attendance list.",
            status=response.status_code,
            host=response.request.url.host,
        )

    assert isinstance(response.stream, httpx.SyncByteStream)
    response.stream = _CappedStream(response.stream, limit, too_big)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        if ends is not None and time.monotonic() > ends:
            raise httpx.ReadTimeout("the answer took too long", request=response.request)
        size += len(chunk)
        if size > limit:
            raise too_big()
        chunks.append(chunk)
    headers = [
        (name, value)
        for name, value in response.headers.multi_items()
        if name.lower() != "content-encoding"  # the body is decoded already
    ]
    return httpx.Response(
        response.status_code,
        headers=headers,
        content=b"".join(chunks),
        request=response.request,
        extensions=response.extensions,
    )


class _CappedStream(httpx.SyncByteStream):
    """The bytes of ``stream`` as received, raising ``too_big()`` past ``limit`` of them."""

    def __init__(
        self, stream: httpx.SyncByteStream, limit: int, too_big: Callable[[], Exception]
    ) -> None:
        self._stream = stream
        self._limit = limit
        self._too_big = too_big

    def __iter__(self) -> Iterator[bytes]:
        received = 0
        for chunk in self._stream:
            received += len(chunk)
            if received > self._limit:
                raise self._too_big()
            yield chunk

    def close(self) -> None:
        self._stream.close()


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


def status_error(
    response: httpx.Response, entry_id: int | None = None, *, hidden: Collection[str] = ()
) -> TimeTrackError:
    """The error for an answer whose status is not a success.

    What the server said is quoted, with every text in ``hidden`` (the key and secret)
    replaced by ``<hidden>``.
    """
    status = response.status_code
    messages = _messages(response, hidden)
    said = "; ".join(str(message) for message in messages[:3])
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
            messages=messages,
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


def deadline_error(base_url: str, seconds: float) -> TimeoutError:
    """The error for a request that did not end within its time (``seconds`` of it)."""
    host = httpx.URL(base_url).host
    if seconds <= 0:
        return TimeoutError(
            f"TimeTrack at {host} was too slow: no time was left to ask it; try again later.",
            host=host,
        )
    return TimeoutError(
        f"TimeTrack at {host} did not answer within {max(1, round(seconds))} s; try again later.",
        host=host,
    )


def stopped_error(base_url: str) -> NetworkError:
    """The error for a request stopped because the program is closing."""
    host = httpx.URL(base_url).host
    return NetworkError(
        f"The request to {host} was stopped: TimeClock is closing.", reason="stopped", host=host
    )


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


def _messages(response: httpx.Response, hidden: Collection[str]) -> tuple[ServerMessage, ...]:
    try:
        payload: object = json.loads(response.content)
    except (ValueError, RecursionError):
        payload = response.text if "html" not in response.headers.get("content-type", "") else ""
    return wire.parse_error_messages(payload, hidden)


def _size(count: int) -> str:
    return f"{count / 1e6:.0f} MB" if count >= 1_000_000 else f"{count / 1e3:.0f} kB"


def _is_certificate_error(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(error)
