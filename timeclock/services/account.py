"""Which TimeTrack account, user and credentials this run uses.

Each value comes from the first place that has it: the command-line option, the
environment (``TIMECLOCK_URL``, ``TIMECLOCK_USER``, ``TIMECLOCK_API_KEY``,
``TIMECLOCK_API_SECRET``), the settings file, and for key and secret the OS keyring. No
option ever carries a secret: command lines are visible to every user of the machine.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from timeclock.api.credentials import Credentials
from timeclock.api.endpoint import resolve_base_url
from timeclock.domain.errors import ErrorKind, TimeClockError
from timeclock.store.logfile import register_secret
from timeclock.store.secrets import load_credentials
from timeclock.store.settings import Settings, load_settings

ENV_URL = "TIMECLOCK_URL"
ENV_USER = "TIMECLOCK_USER"
ENV_API_KEY = "TIMECLOCK_API_KEY"
ENV_API_SECRET = "TIMECLOCK_API_SECRET"  # noqa: S105 - the variable's name, not a secret


class AccountError(TimeClockError):
    """Something needed to connect is not set up; the text says what is missing."""

    kind = ErrorKind.SETUP


@dataclass(frozen=True, slots=True)
class Account:
    """Everything needed to talk to TimeTrack as one user."""

    base_url: str
    user: str
    credentials: Credentials


def resolve_account(
    url: str | None = None,
    user: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    settings: Settings | None = None,
    keyring_lookup: Callable[[str], Credentials | None] = load_credentials,
) -> Account:
    """The account to use, from options, environment, settings and keyring in that order.

    The settings file is read only for what options and environment leave open, so a
    broken file does not stand in the way when the environment says everything.
    """
    environ = os.environ if environ is None else environ
    saved: Callable[[], Settings] = (
        functools.cache(load_settings) if settings is None else lambda: settings
    )
    account = url or environ.get(ENV_URL) or saved().account
    if not account:
        raise AccountError("no TimeTrack account is set up")
    base_url = resolve_base_url(account)
    user_name = (user or environ.get(ENV_USER) or saved().user).strip()
    if not user_name:
        raise AccountError("no TimeTrack user name is set up")
    key, secret = environ.get(ENV_API_KEY), environ.get(ENV_API_SECRET)
    for value in (key, secret):
        register_secret(value or "")  # even half a pair, or one that turns out wrong
    if key or secret:
        if not (key and secret):
            raise AccountError(f"set both {ENV_API_KEY} and {ENV_API_SECRET}, or neither")
        return Account(base_url, user_name, _credentials(key, secret))
    credentials = keyring_lookup(base_url)
    if credentials is None:
        raise AccountError(f"no API key and secret are saved for {base_url}")
    register_secret(credentials.api_key)
    register_secret(credentials.api_secret)
    return Account(base_url, user_name, credentials)


def _credentials(key: str, secret: str) -> Credentials:
    try:
        return Credentials(key, secret)
    except ValueError as error:
        raise AccountError(str(error)) from None
