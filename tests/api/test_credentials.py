"""The API key and secret: usable for requests, invisible everywhere else."""

from __future__ import annotations

import copy
import logging
import pickle
import traceback

import pytest

from timeclock.api.credentials import Credentials

KEY = "k3y-7f3a9c"
SECRET = "s3cr3t-b81d4e"


@pytest.fixture
def credentials() -> Credentials:
    """Credentials with values that cannot occur in any other text by chance."""
    return Credentials(KEY, SECRET)


def assert_hidden(text: str) -> None:
    """Neither the key nor the secret, nor a large part of them, is in ``text``."""
    for value in (KEY, SECRET):
        assert value not in text
        assert value[:6] not in text
        assert value[-6:] not in text


class TestNeverShown:
    def test_repr_and_str(self, credentials: Credentials) -> None:
        for text in (repr(credentials), str(credentials), f"{credentials}", f"{credentials!r}"):
            assert_hidden(text)
            assert "hidden" in text

    def test_formatting_and_containers(self, credentials: Credentials) -> None:
        texts = [
            format(credentials),
            "%s %r" % (credentials, credentials),  # noqa: UP031
            "{}".format(credentials),  # noqa: UP032
            str([credentials]),
            repr({"credentials": credentials}),
            str((credentials,)),
        ]
        for text in texts:
            assert_hidden(text)

    def test_exception_text_and_traceback(self, credentials: Credentials) -> None:
        try:
            raise RuntimeError(credentials)
        except RuntimeError as error:
            assert_hidden(str(error))
            assert_hidden(repr(error))
            assert_hidden("".join(traceback.format_exception(error)))

    def test_log_records(self, credentials: Credentials, caplog: pytest.LogCaptureFixture) -> None:
        with caplog.at_level(logging.INFO):
            logging.getLogger("timeclock.test").info("using %s / %r", credentials, credentials)

        assert caplog.records
        assert_hidden(caplog.text)

    def test_no_instance_dict_to_dump(self, credentials: Credentials) -> None:
        with pytest.raises(TypeError):
            vars(credentials)
        with pytest.raises(AttributeError):
            credentials.extra = "x"  # type: ignore[attr-defined]

    @pytest.mark.parametrize(
        ("key", "secret"),
        [
            (KEY, SECRET + " x"),
            (KEY + "ä", SECRET),
            (KEY, SECRET + "\x00"),
            (KEY, "s3cr3t-b81d4e\u00e9"),
            ("", SECRET),
        ],
    )
    def test_refusal_messages_do_not_echo_the_values(self, key: str, secret: str) -> None:
        with pytest.raises(ValueError) as caught:
            Credentials(key, secret)

        assert_hidden(str(caught.value))


class TestNotCopied:
    @pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
    def test_pickle_is_refused(self, credentials: Credentials, protocol: int) -> None:
        with pytest.raises(TypeError) as caught:
            pickle.dumps(credentials, protocol=protocol)

        assert_hidden(str(caught.value))

    def test_pickle_inside_a_container_is_refused(self, credentials: Credentials) -> None:
        with pytest.raises(TypeError):
            pickle.dumps({"account": "testkonto", "credentials": [credentials]})

    def test_deepcopy_is_refused(self, credentials: Credentials) -> None:
        with pytest.raises(TypeError):
            copy.deepcopy(credentials)

    def test_copy_is_refused(self, credentials: Credentials) -> None:
        with pytest.raises(TypeError):
            copy.copy(credentials)


class TestValues:
    def test_whitespace_around_is_stripped(self) -> None:
        credentials = Credentials(f"  {KEY}\n", f"\t{SECRET}\u00a0")

        assert credentials.api_key == KEY
        assert credentials.api_secret == SECRET

    @pytest.mark.parametrize(
        ("key", "secret"),
        [
            ("", SECRET),
            (KEY, ""),
            ("   ", SECRET),
            (KEY, "\n\t"),
            ("schlüssel", SECRET),
            (KEY, "geheim€"),
            (KEY, "two words"),
            ("tab\there", SECRET),
            (KEY, "nul\x00byte"),
            (KEY, "del\x7f"),
            (KEY, "x\u00a0y"),
        ],
        ids=repr,
    )
    def test_empty_or_non_printable_ascii_is_refused(self, key: str, secret: str) -> None:
        with pytest.raises(ValueError, match="API"):
            Credentials(key, secret)

    def test_every_printable_ascii_character_is_allowed(self) -> None:
        printable = "".join(chr(code) for code in range(0x21, 0x7F))

        assert Credentials(printable, printable).api_secret == printable

    def test_headers(self, credentials: Credentials) -> None:
        assert credentials.headers() == {
            "X-TimeTrack-Api-Key": KEY,
            "X-TimeTrack-Api-Secret": SECRET,
        }

    def test_headers_are_a_fresh_dict_each_time(self, credentials: Credentials) -> None:
        credentials.headers()["X-TimeTrack-Api-Secret"] = "tampered"

        assert credentials.headers()["X-TimeTrack-Api-Secret"] == SECRET

    def test_equality_and_hash_follow_the_values(self, credentials: Credentials) -> None:
        same = Credentials(KEY, SECRET)
        other_secret = Credentials(KEY, "regenerated-1")

        assert credentials == same
        assert hash(credentials) == hash(same)
        assert credentials != other_secret
        assert credentials != (KEY, SECRET)
        assert len({credentials, same, other_secret}) == 2
