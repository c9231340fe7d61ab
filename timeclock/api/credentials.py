"""The API key and secret, held so that they cannot leak by accident."""

from __future__ import annotations


class Credentials:
    """A TimeTrack API key and secret.

    The values are reachable only through :attr:`api_key` and :attr:`api_secret`; ``repr``
    and ``str`` never show them, so a stray log line or exception text cannot leak them.
    """

    __slots__ = ("_api_key", "_api_secret")

    def __init__(self, api_key: str, api_secret: str) -> None:
        api_key, api_secret = api_key.strip(), api_secret.strip()
        if not api_key or not api_secret:
            raise ValueError("both the API key and the API secret are needed")
        for value in (api_key, api_secret):
            if any(ord(char) < 0x21 or ord(char) > 0x7E for char in value):
                raise ValueError(
                    "the API key and secret may contain only printable ASCII without spaces"
                )
        self._api_key = api_key
        self._api_secret = api_secret

    @property
    def api_key(self) -> str:
        """The account's API key."""
        return self._api_key

    @property
    def api_secret(self) -> str:
        """The API secret (it can be regenerated in TimeTrack at any time)."""
        return self._api_secret

    def headers(self) -> dict[str, str]:
        """The two authentication headers every request carries."""
        return {"X-TimeTrack-Api-Key": self._api_key, "X-TimeTrack-Api-Secret": self._api_secret}

    def __repr__(self) -> str:
        return "Credentials(api_key=<hidden>, api_secret=<hidden>)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Credentials):
            return NotImplemented
        return (self._api_key, self._api_secret) == (other._api_key, other._api_secret)

    def __hash__(self) -> int:
        return hash((self._api_key, self._api_secret))

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("credentials are not to be pickled or copied to disk")
