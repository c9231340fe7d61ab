"""The API key and secret in the OS keyring (an in-memory one here), and nowhere else.

Every keyring failure becomes a :class:`KeyringUnavailableError` whose text helps a person
and never quotes the secret, even when the backend's own exception message does.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.errors
import pytest

from tests.memory_keyring import BrokenKeyring, MemoryKeyring
from timeclock.api.credentials import Credentials
from timeclock.store.secrets import (
    SERVICE,
    KeyringUnavailableError,
    delete_credentials,
    load_credentials,
    save_credentials,
)

BASE_URL = "https://testkonto.timetrackenterprise.com/api/v2/ext"
OTHER_URL = "http://127.0.0.1:8080/api/v2/ext"
KEY = "key-0123456789"
SECRET = "s3cr3t-ABCDEFGHIJ-never-shown"
CREDENTIALS = Credentials(KEY, SECRET)


class LeakyKeyring(MemoryKeyring):
    """A backend that fails on the secret's entry with the secret in its message."""

    def get_password(self, service: str, username: str) -> str | None:
        if username.startswith("api-secret@"):
            raise RuntimeError(f"D-Bus said no while reading {username}={SECRET}")
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        if username.startswith("api-secret@"):
            raise keyring.errors.PasswordSetError(f"cannot store {username}: {password!r}")
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        raise OSError(f"cannot delete {username}, still holding {SECRET}")


def everything_shown(error: BaseException) -> str:
    """All a person or a log could see of ``error``: its text, repr and traceback."""
    return "\n".join([str(error), repr(error), *traceback.format_exception(error)])


def test_saved_credentials_load_again(memory_keyring: MemoryKeyring) -> None:
    save_credentials(BASE_URL, CREDENTIALS)

    assert load_credentials(BASE_URL) == CREDENTIALS


def test_key_and_secret_are_filed_under_the_service_and_the_base_url(
    memory_keyring: MemoryKeyring,
) -> None:
    save_credentials(BASE_URL, CREDENTIALS)

    assert memory_keyring.passwords == {
        (SERVICE, f"api-key@{BASE_URL}"): KEY,
        (SERVICE, f"api-secret@{BASE_URL}"): SECRET,
    }
    assert SERVICE == "TimeClock"


def test_nothing_is_written_to_the_config_or_data_folder(tmp_path: Path) -> None:
    save_credentials(BASE_URL, CREDENTIALS)

    assert not (tmp_path / "config").exists()
    assert not (tmp_path / "data").exists()


def test_each_base_url_has_its_own_credentials() -> None:
    other = Credentials("other-key", "other-secret")
    save_credentials(BASE_URL, CREDENTIALS)
    save_credentials(OTHER_URL, other)

    assert load_credentials(BASE_URL) == CREDENTIALS
    assert load_credentials(OTHER_URL) == other
    assert load_credentials(BASE_URL + "/") is None


def test_saving_again_replaces_the_old_credentials() -> None:
    save_credentials(BASE_URL, CREDENTIALS)
    renewed = Credentials(KEY, "regenerated-secret")

    save_credentials(BASE_URL, renewed)

    assert load_credentials(BASE_URL) == renewed


def test_without_saved_credentials_load_gives_none() -> None:
    assert load_credentials(BASE_URL) is None


@pytest.mark.parametrize("kept", ["api-key", "api-secret"])
def test_half_saved_credentials_count_as_none(kept: str, memory_keyring: MemoryKeyring) -> None:
    memory_keyring.passwords[(SERVICE, f"{kept}@{BASE_URL}")] = "value"

    assert load_credentials(BASE_URL) is None


@pytest.mark.parametrize(
    ("key", "secret"),
    [("", SECRET), (KEY, ""), ("has space", SECRET), (KEY, "tab\there"), (KEY, "schlüssel")],
    ids=["empty-key", "empty-secret", "space", "tab", "non-ascii"],
)
def test_unusable_saved_values_count_as_none(
    key: str, secret: str, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.passwords[(SERVICE, f"api-key@{BASE_URL}")] = key
    memory_keyring.passwords[(SERVICE, f"api-secret@{BASE_URL}")] = secret

    assert load_credentials(BASE_URL) is None


def test_delete_removes_both_entries_and_says_so(memory_keyring: MemoryKeyring) -> None:
    save_credentials(BASE_URL, CREDENTIALS)
    save_credentials(OTHER_URL, CREDENTIALS)

    assert delete_credentials(BASE_URL) is True

    assert load_credentials(BASE_URL) is None
    assert load_credentials(OTHER_URL) == CREDENTIALS
    assert set(memory_keyring.passwords) == {
        (SERVICE, f"api-key@{OTHER_URL}"),
        (SERVICE, f"api-secret@{OTHER_URL}"),
    }


def test_delete_without_saved_credentials_gives_false() -> None:
    assert delete_credentials(BASE_URL) is False


def test_delete_removes_a_half_saved_pair(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.passwords[(SERVICE, f"api-secret@{BASE_URL}")] = SECRET

    assert delete_credentials(BASE_URL) is True
    assert memory_keyring.passwords == {}


Operation = Callable[[], object]
OPERATIONS: dict[str, Operation] = {
    "load": lambda: load_credentials(BASE_URL),
    "save": lambda: save_credentials(BASE_URL, CREDENTIALS),
    "delete": lambda: delete_credentials(BASE_URL),
}


@pytest.mark.parametrize("operation", OPERATIONS.values(), ids=OPERATIONS.keys())
def test_a_locked_keyring_is_unavailable(operation: Operation) -> None:
    keyring.set_keyring(BrokenKeyring())

    with pytest.raises(KeyringUnavailableError, match="the OS keyring is locked") as caught:
        operation()

    assert "TIMECLOCK_API_KEY and TIMECLOCK_API_SECRET" in str(caught.value)
    assert caught.value.__cause__ is None


@pytest.mark.parametrize("operation", OPERATIONS.values(), ids=OPERATIONS.keys())
def test_no_keyring_at_all_is_unavailable(operation: Operation) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())

    with pytest.raises(KeyringUnavailableError, match="no OS keyring is available"):
        operation()


@pytest.mark.parametrize("operation", OPERATIONS.values(), ids=OPERATIONS.keys())
def test_a_failing_keyring_never_shows_the_secret(operation: Operation) -> None:
    keyring.set_keyring(LeakyKeyring())

    with pytest.raises(KeyringUnavailableError, match=r"the OS keyring failed \(\w+\)") as caught:
        operation()

    shown = everything_shown(caught.value)
    assert SECRET not in shown
    assert KEY not in shown
    assert "cannot be kept safely" in shown


def test_the_leaky_backend_really_quotes_the_secret() -> None:
    """The test above proves something only if the backend's own text has the secret."""
    backend = LeakyKeyring()
    failures: list[Operation] = [
        lambda: backend.get_password(SERVICE, f"api-secret@{BASE_URL}"),
        lambda: backend.set_password(SERVICE, f"api-secret@{BASE_URL}", SECRET),
        lambda: backend.delete_password(SERVICE, f"api-key@{BASE_URL}"),
    ]
    for failure in failures:
        with pytest.raises(Exception, match=SECRET):
            failure()


def test_the_keyring_error_keeps_no_reference_to_the_backends_exception() -> None:
    """A crash report walks ``__cause__`` and ``__context__``: neither may lead to the secret."""
    import keyring as keyring_module

    from tests.memory_keyring import BrokenKeyring
    from timeclock.api.credentials import Credentials
    from timeclock.store.secrets import KeyringUnavailableError, save_credentials

    keyring_module.set_keyring(BrokenKeyring())
    with pytest.raises(KeyringUnavailableError) as caught:
        save_credentials("https://x.example.com/api/v2/ext", Credentials("key-1", "secret-1"))
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None
