"""The API key and secret in the OS keyring, and nowhere else on disk.

Entries are filed under the service ``TimeClock`` and the API base URL, so one desk can
know several accounts. Every keyring failure (no backend, a locked keyring, a D-Bus
error) becomes a :class:`KeyringUnavailableError` that says so in plain words.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import TypeVar

from timeclock.api.credentials import Credentials
from timeclock.domain.errors import ErrorKind, TimeClockError

SERVICE = "TimeClock"
T = TypeVar("T")


class KeyringUnavailableError(TimeClockError):
    """The OS keyring cannot be used; the text says what a person can do.

    ``reason`` is ``missing`` (no keyring on this system), ``locked`` or ``failed``.
    """

    kind = ErrorKind.SETUP

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def _keyring() -> ModuleType:
    """The keyring package, imported on first use: it looks for its backends when imported
    (about 35 ms), which a start with the account in the environment or ``--demo`` never
    needs."""
    import keyring  # noqa: PLC0415
    import keyring.errors  # noqa: PLC0415

    return keyring


def load_credentials(base_url: str) -> Credentials | None:
    """The saved key and secret for ``base_url``, or ``None`` when none are saved."""
    keyring = _keyring()
    api_key = _call(keyring.get_password, SERVICE, _entry(base_url, "api-key"))
    api_secret = _call(keyring.get_password, SERVICE, _entry(base_url, "api-secret"))
    if not api_key or not api_secret:
        return None
    try:
        return Credentials(api_key, api_secret)
    except ValueError:
        return None


def save_credentials(base_url: str, credentials: Credentials) -> None:
    """Store the key and secret for ``base_url`` in the OS keyring."""
    keyring = _keyring()
    _call(keyring.set_password, SERVICE, _entry(base_url, "api-key"), credentials.api_key)
    _call(keyring.set_password, SERVICE, _entry(base_url, "api-secret"), credentials.api_secret)


def delete_credentials(base_url: str) -> bool:
    """Remove the key and secret for ``base_url``; ``False`` when there were none."""
    keyring = _keyring()
    removed = False
    for part in ("api-key", "api-secret"):
        try:
            _call(keyring.delete_password, SERVICE, _entry(base_url, part))
            removed = True
        except keyring.errors.PasswordDeleteError:
            continue
    return removed


def _call(action: Callable[..., T], *args: str) -> T:
    """Call the keyring; any failure but "nothing to delete" becomes KeyringUnavailableError.

    The new error is raised outside the ``except`` block so that it carries no reference
    to the backend's exception, whose text or arguments may hold the secret.
    """
    errors = _keyring().errors
    try:
        return action(*args)
    except errors.PasswordDeleteError:
        raise
    except Exception as error:  # noqa: BLE001 - backends raise anything from D-Bus errors to OSError
        failure = _unavailable(error)
    raise failure


def _entry(base_url: str, part: str) -> str:
    return f"{part}@{base_url}"


def _unavailable(error: BaseException) -> KeyringUnavailableError:
    errors = _keyring().errors
    if isinstance(error, errors.NoKeyringError):
        reason, text = "missing", "no OS keyring is available on this system"
    elif isinstance(error, errors.KeyringLocked):
        reason, text = "locked", "the OS keyring is locked"
    else:
        # The backend's own text may quote what was being stored: name the type only.
        reason, text = "failed", f"the OS keyring failed ({type(error).__name__})"
    return KeyringUnavailableError(
        f"{text}, so the API key and secret cannot be kept safely. "
        "Unlock or install a keyring (e.g. GNOME Keyring, KWallet), or pass them in "
        "TIMECLOCK_API_KEY and TIMECLOCK_API_SECRET for this session.",
        reason,
    )
