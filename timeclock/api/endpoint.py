"""Where the API lives: an account name or a URL, turned into the API's base URL."""

from __future__ import annotations

import ipaddress
import re

from timeclock.domain.errors import ErrorKind, TimeClockError

API_PATH = "/api/v2/ext"
_ACCOUNT = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", re.IGNORECASE)
_HOST_SUFFIX = ".timetrackenterprise.com"
# What httpx leaves of a usable host: a lower-case (IDNA-encoded) name, IPv4 or IPv6 address.
# It lets "x .com" through as "x%20.com", which no resolver will ever find.
_HOST = re.compile(r"[a-z0-9._:-]+")


class EndpointError(TimeClockError, ValueError):
    """An account name or URL that cannot be an API address."""

    kind = ErrorKind.SETUP


def resolve_base_url(account_or_url: str) -> str:
    """The API base URL for an account name (``testkonto``) or a URL.

    ``testkonto`` becomes ``https://testkonto.timetrackenterprise.com/api/v2/ext``; a URL
    with an empty path gets ``/api/v2/ext`` appended; any other path is kept as given.
    Plain ``http`` is allowed only to this machine (loopback), where the sandbox runs.
    """
    text = account_or_url.strip()
    if not text:
        raise EndpointError("no TimeTrack account or URL given")
    if "://" not in text:
        if not _ACCOUNT.match(text):
            raise EndpointError(
                f"'{text}' is neither a TimeTrack account name nor a URL (https://...)"
            )
        return f"https://{text.lower()}{_HOST_SUFFIX}{API_PATH}"
    # Imported here: a module that only names an account (the demo's server) needs no httpx.
    import httpx  # noqa: PLC0415

    try:
        url = httpx.URL(text)
    except (httpx.InvalidURL, ValueError) as error:
        raise EndpointError(f"'{text}' is not a valid URL") from error
    if url.userinfo or "@" in text:
        # Not quoted back: what stands before the "@" may be a password.
        raise EndpointError("the URL must not carry a user name or password")
    if url.scheme not in ("http", "https") or not _HOST.fullmatch(url.host):
        raise EndpointError(f"'{text}' is not an http(s) URL with a host")
    if url.scheme == "http" and not is_loopback(url.host):
        raise EndpointError(
            f"'{text}' would send the API secret unencrypted; use https:// "
            "(plain http is only allowed to this machine)"
        )
    # A bare "?" or "#" parses as an empty query or fragment but stays in the URL, and every
    # request path would then be appended after it.
    if url.query or url.fragment or "?" in text or "#" in text:
        raise EndpointError(f"'{text}' must not carry a query or fragment")
    path = url.path.rstrip("/")
    return str(url.copy_with(path=path or API_PATH)).rstrip("/")


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine (``localhost``, 127.0.0.0/8, ``::1``)."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
