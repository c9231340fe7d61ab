"""Which account, user and credentials a run uses, and what is missing when it cannot tell.

Each value comes from the first of: the command-line option, the environment, the settings
file, and (for key and secret only) the OS keyring.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from timeclock.api.credentials import Credentials
from timeclock.api.endpoint import EndpointError
from timeclock.services.account import (
    ENV_API_KEY,
    ENV_API_SECRET,
    ENV_URL,
    ENV_USER,
    Account,
    AccountError,
    resolve_account,
)
from timeclock.store import logfile
from timeclock.store.logfile import HIDDEN, hide_secrets
from timeclock.store.secrets import KeyringUnavailableError, save_credentials
from timeclock.store.settings import Settings, SettingsError, save_settings, settings_path

TESTKONTO = "https://testkonto.timetrackenterprise.com/api/v2/ext"
FROM_ENV = "https://envkonto.timetrackenterprise.com/api/v2/ext"
SANDBOX = "http://127.0.0.1:8080/api/v2/ext"
KEYRING_CREDENTIALS = Credentials("keyring-key", "keyring-secret")
ENV_CREDENTIALS = Credentials("env-key", "env-secret")
SETTINGS = Settings(account="testkonto", user="settings-user")
ENVIRONMENT = {ENV_URL: "envkonto", ENV_USER: "env-user"}


class Keyring:
    """A keyring lookup that has credentials for some base URLs and notes every question."""

    def __init__(self, saved: Mapping[str, Credentials] | None = None) -> None:
        self.saved = dict(saved or {})
        self.asked: list[str] = []

    def __call__(self, base_url: str) -> Credentials | None:
        self.asked.append(base_url)
        return self.saved.get(base_url)


def everywhere() -> Keyring:
    """A keyring with credentials for each base URL these tests resolve to."""
    return Keyring(dict.fromkeys((TESTKONTO, FROM_ENV, SANDBOX), KEYRING_CREDENTIALS))


def test_settings_and_keyring_are_enough() -> None:
    keyring = Keyring({TESTKONTO: KEYRING_CREDENTIALS})

    account = resolve_account(environ={}, settings=SETTINGS, keyring_lookup=keyring)

    assert account == Account(TESTKONTO, "settings-user", KEYRING_CREDENTIALS)
    assert keyring.asked == [TESTKONTO]


def test_the_environment_beats_the_settings() -> None:
    account = resolve_account(environ=ENVIRONMENT, settings=SETTINGS, keyring_lookup=everywhere())

    assert (account.base_url, account.user) == (FROM_ENV, "env-user")


def test_options_beat_the_environment() -> None:
    account = resolve_account(
        SANDBOX, "option-user", environ=ENVIRONMENT, settings=SETTINGS, keyring_lookup=everywhere()
    )

    assert (account.base_url, account.user) == (SANDBOX, "option-user")


@pytest.mark.parametrize(
    ("url", "user", "environ", "expected"),
    [
        (None, None, {ENV_URL: "envkonto"}, (FROM_ENV, "settings-user")),
        (None, None, {ENV_USER: "env-user"}, (TESTKONTO, "env-user")),
        (None, "option-user", {ENV_URL: "envkonto"}, (FROM_ENV, "option-user")),
        (SANDBOX, None, {ENV_USER: "env-user"}, (SANDBOX, "env-user")),
        ("", "", ENVIRONMENT, (FROM_ENV, "env-user")),
        (None, None, {ENV_URL: "", ENV_USER: ""}, (TESTKONTO, "settings-user")),
    ],
    ids=["env-url", "env-user", "option-user", "option-url", "empty-options", "empty-env"],
)
def test_each_value_comes_from_the_first_place_that_has_it(
    url: str | None, user: str | None, environ: dict[str, str], expected: tuple[str, str]
) -> None:
    account = resolve_account(
        url, user, environ=environ, settings=SETTINGS, keyring_lookup=everywhere()
    )

    assert (account.base_url, account.user) == expected


def test_environment_credentials_beat_the_keyring() -> None:
    keyring = everywhere()
    environ = {ENV_API_KEY: "env-key", ENV_API_SECRET: "env-secret"}

    account = resolve_account(environ=environ, settings=SETTINGS, keyring_lookup=keyring)

    assert account.credentials == ENV_CREDENTIALS
    assert keyring.asked == []


def test_environment_credentials_need_no_keyring_at_all() -> None:
    def unavailable(base_url: str) -> Credentials | None:
        raise KeyringUnavailableError("no OS keyring is available on this system")

    environ = {ENV_API_KEY: " env-key ", ENV_API_SECRET: "env-secret\n"}

    account = resolve_account(environ=environ, settings=SETTINGS, keyring_lookup=unavailable)

    assert account.credentials == ENV_CREDENTIALS


def test_the_keyring_is_asked_for_the_resolved_base_url() -> None:
    keyring = Keyring({SANDBOX: KEYRING_CREDENTIALS})

    account = resolve_account(
        "http://127.0.0.1:8080/", environ={}, settings=SETTINGS, keyring_lookup=keyring
    )

    assert account.base_url == SANDBOX
    assert keyring.asked == [SANDBOX]


def test_the_user_name_is_stripped() -> None:
    account = resolve_account(
        user="  hansm\t", environ={}, settings=SETTINGS, keyring_lookup=everywhere()
    )

    assert account.user == "hansm"


def test_by_default_the_saved_settings_and_the_os_keyring_are_used() -> None:
    save_settings(Settings(account="testkonto", user="hansm"))
    save_credentials(TESTKONTO, KEYRING_CREDENTIALS)

    assert resolve_account() == Account(TESTKONTO, "hansm", KEYRING_CREDENTIALS)


def test_by_default_the_process_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_URL, "envkonto")
    monkeypatch.setenv(ENV_USER, "env-user")
    monkeypatch.setenv(ENV_API_KEY, "env-key")
    monkeypatch.setenv(ENV_API_SECRET, "env-secret")

    assert resolve_account() == Account(FROM_ENV, "env-user", ENV_CREDENTIALS)


def test_without_an_account_anywhere_it_is_an_account_error() -> None:
    with pytest.raises(AccountError, match="no TimeTrack account is set up"):
        resolve_account(
            environ={ENV_USER: "hansm"}, settings=Settings(), keyring_lookup=everywhere()
        )


@pytest.mark.parametrize("user", [None, "", "   "], ids=["none", "empty", "blank"])
def test_without_a_user_anywhere_it_is_an_account_error(user: str | None) -> None:
    with pytest.raises(AccountError, match="no TimeTrack user name is set up"):
        resolve_account(
            user=user,
            environ={},
            settings=Settings(account="testkonto", user="  "),
            keyring_lookup=everywhere(),
        )


@pytest.mark.parametrize(
    "environ",
    [
        {ENV_API_KEY: "env-key"},
        {ENV_API_SECRET: "env-secret"},
        {ENV_API_KEY: "env-key", ENV_API_SECRET: ""},
    ],
    ids=["key-only", "secret-only", "empty-secret"],
)
def test_half_the_environment_credentials_is_an_account_error(environ: dict[str, str]) -> None:
    keyring = everywhere()

    with pytest.raises(AccountError, match=f"set both {ENV_API_KEY} and {ENV_API_SECRET}"):
        resolve_account(environ=environ, settings=SETTINGS, keyring_lookup=keyring)

    assert keyring.asked == []


def test_no_keyring_entry_is_an_account_error_naming_the_base_url() -> None:
    with pytest.raises(AccountError, match="no API key and secret are saved for") as caught:
        resolve_account(environ={}, settings=SETTINGS, keyring_lookup=Keyring())

    assert TESTKONTO in str(caught.value)


@pytest.mark.parametrize(
    ("key", "secret"),
    [("env key", "s3cr3t-value"), ("env-key", "s3cr3t\tvalue"), ("env-key", "s3crét-value")],
    ids=["space-in-key", "tab-in-secret", "non-ascii-secret"],
)
def test_unusable_environment_credentials_are_an_account_error_without_the_secret(
    key: str, secret: str
) -> None:
    environ = {ENV_API_KEY: key, ENV_API_SECRET: secret}

    with pytest.raises(AccountError, match="printable ASCII") as caught:
        resolve_account(environ=environ, settings=SETTINGS, keyring_lookup=everywhere())

    assert secret not in str(caught.value)
    assert caught.value.__cause__ is None


@pytest.mark.parametrize(
    "url", ["http://timetrack.example.com", "not an account!", "ftp://127.0.0.1/"]
)
def test_a_bad_url_is_an_endpoint_error(url: str) -> None:
    with pytest.raises(EndpointError):
        resolve_account(url, environ={}, settings=SETTINGS, keyring_lookup=everywhere())


def test_a_bad_url_in_the_environment_is_an_endpoint_error() -> None:
    keyring = everywhere()

    with pytest.raises(EndpointError, match="unencrypted"):
        resolve_account(
            environ={ENV_URL: "http://timetrack.example.com"},
            settings=SETTINGS,
            keyring_lookup=keyring,
        )

    assert keyring.asked == []


def test_a_keyring_failure_is_not_hidden_as_a_missing_entry() -> None:
    def unavailable(base_url: str) -> Credentials | None:
        raise KeyringUnavailableError("the OS keyring is locked", "locked")

    with pytest.raises(KeyringUnavailableError, match="locked"):
        resolve_account(environ={}, settings=SETTINGS, keyring_lookup=unavailable)


def _break_the_settings_file() -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("{not json", encoding="utf-8")


def test_a_broken_settings_file_is_not_read_when_the_environment_says_everything(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _break_the_settings_file()
    monkeypatch.setenv(ENV_URL, "envkonto")
    monkeypatch.setenv(ENV_USER, "env-user")
    monkeypatch.setenv(ENV_API_KEY, "env-key")
    monkeypatch.setenv(ENV_API_SECRET, "env-secret")

    assert resolve_account() == Account(FROM_ENV, "env-user", ENV_CREDENTIALS)


def test_a_broken_settings_file_is_an_error_when_a_value_must_come_from_it() -> None:
    _break_the_settings_file()

    with pytest.raises(SettingsError, match="cannot read the settings file"):
        resolve_account(environ={ENV_URL: "envkonto"}, keyring_lookup=everywhere())


def test_the_credentials_used_are_kept_out_of_the_log_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(logfile, "_secrets", ())
    save_credentials(TESTKONTO, KEYRING_CREDENTIALS)
    resolve_account(environ={}, settings=SETTINGS)
    with pytest.raises(AccountError, match="set both"):  # half a pair is hidden all the same
        resolve_account(environ={**ENVIRONMENT, ENV_API_KEY: "env-key"}, settings=SETTINGS)

    assert hide_secrets("keyring-key keyring-secret env-key") == " ".join([HIDDEN] * 3)
