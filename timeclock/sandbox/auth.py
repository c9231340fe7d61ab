"""The two API headers TimeTrack checks on every request.

Checked by an ASGI middleware before routing, so every path under the API prefix (known or
not) answers 401 without valid credentials, as a real service would. The secret is never
logged or echoed; its dataclass field is hidden from ``repr``.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Collection
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Receive, Scope, Send

from timeclock.sandbox.errors import ErrorCode, error_response

KEY_HEADER = "X-TimeTrack-Api-Key"
SECRET_HEADER = "X-TimeTrack-Api-Secret"  # noqa: S105 - a header name, not a secret


@dataclass(frozen=True, slots=True)
class ApiCredentials:
    """The account's API key and secret."""

    key: str
    secret: str = field(repr=False)
    # Both as the headers carry them, encoded once rather than on every request.
    _encoded: tuple[bytes, bytes] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.key or not self.secret:
            raise ValueError("the API key and secret must not be empty")
        encoded = (self.key.encode("utf-8"), self.secret.encode("utf-8"))
        object.__setattr__(self, "_encoded", encoded)

    @classmethod
    def generate(cls) -> ApiCredentials:
        return cls(secrets.token_urlsafe(24), secrets.token_urlsafe(32))

    def accepts(self, key: bytes | None, secret: bytes | None) -> bool:
        """Constant-time check of the raw header values (both are always compared)."""
        expected_key, expected_secret = self._encoded
        key_ok = hmac.compare_digest(key or b"", expected_key)
        secret_ok = hmac.compare_digest(secret or b"", expected_secret)
        return key is not None and secret is not None and key_ok and secret_ok


class ApiKeyMiddleware:
    """Answer 401 in the vendor's error shape unless both headers match."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        credentials: ApiCredentials,
        prefix: str,
        public_paths: Collection[str] = (),
    ) -> None:
        self.app = app
        self.credentials = credentials
        self.prefix = prefix.rstrip("/")
        self.public_paths = frozenset(public_paths)
        self._below = self.prefix + "/"  # made once, not on every request

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self._protects(scope["path"]):
            await self.app(scope, receive, send)
            return
        key = secret = None
        for name, value in scope["headers"]:
            lowered = name.lower()
            if lowered == b"x-timetrack-api-key":
                key = value
            elif lowered == b"x-timetrack-api-secret":
                secret = value
        if self.credentials.accepts(key, secret):
            await self.app(scope, receive, send)
            return
        if key is None or secret is None:
            detail = f"the headers {KEY_HEADER} and {SECRET_HEADER} are required"
        else:
            detail = "the API key or secret is not valid"
        await error_response(ErrorCode.UNAUTHORIZED, detail)(scope, receive, send)

    def _protects(self, path: str) -> bool:
        if path in self.public_paths:
            return False
        return path == self.prefix or path.startswith(self._below)
