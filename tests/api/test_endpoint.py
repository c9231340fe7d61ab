"""Where the API lives: account names and URLs turned into the API base URL, safely."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeclock.api.endpoint import API_PATH, EndpointError, is_loopback, resolve_base_url


@pytest.mark.parametrize(
    ("given_text", "expected"),
    [
        ("testkonto", "https://testkonto.timetrackenterprise.com/api/v2/ext"),
        ("TestKonto", "https://testkonto.timetrackenterprise.com/api/v2/ext"),
        ("  testkonto \n", "https://testkonto.timetrackenterprise.com/api/v2/ext"),
        ("my-company-01", "https://my-company-01.timetrackenterprise.com/api/v2/ext"),
        ("a", "https://a.timetrackenterprise.com/api/v2/ext"),
        ("a" * 63, f"https://{'a' * 63}.timetrackenterprise.com/api/v2/ext"),
    ],
)
def test_an_account_name_becomes_the_vendors_host(given_text: str, expected: str) -> None:
    assert resolve_base_url(given_text) == expected


@pytest.mark.parametrize(
    ("given_text", "expected"),
    [
        ("https://x.example.com", "https://x.example.com/api/v2/ext"),
        ("https://x.example.com/", "https://x.example.com/api/v2/ext"),
        ("https://X.Example.COM/", "https://x.example.com/api/v2/ext"),
        ("https://x.example.com:8443", "https://x.example.com:8443/api/v2/ext"),
        ("https://x.example.com/custom/api", "https://x.example.com/custom/api"),
        ("https://x.example.com/custom/api/", "https://x.example.com/custom/api"),
        ("https://x.example.com/api/v2/ext", "https://x.example.com/api/v2/ext"),
        (" https://x.example.com ", "https://x.example.com/api/v2/ext"),
        ("https://zeiterfassung.bücher.de", "https://zeiterfassung.xn--bcher-kva.de/api/v2/ext"),
        ("https://192.0.2.10", "https://192.0.2.10/api/v2/ext"),
        ("https://[2001:db8::1]:8443/", "https://[2001:db8::1]:8443/api/v2/ext"),
    ],
)
def test_a_https_url_gets_the_api_path_only_when_it_has_none(
    given_text: str, expected: str
) -> None:
    assert resolve_base_url(given_text) == expected


@pytest.mark.parametrize(
    ("given_text", "expected"),
    [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/api/v2/ext"),
        ("http://localhost:1", "http://localhost:1/api/v2/ext"),
        ("http://[::1]:1", "http://[::1]:1/api/v2/ext"),
        ("http://127.5.6.7/sandbox", "http://127.5.6.7/sandbox"),
        ("http://[0:0:0:0:0:0:0:1]:9", "http://[0:0:0:0:0:0:0:1]:9/api/v2/ext"),
    ],
)
def test_plain_http_only_to_this_machine(given_text: str, expected: str) -> None:
    assert resolve_base_url(given_text) == expected


@pytest.mark.parametrize(
    "given_text",
    [
        "http://x.example.com",
        "http://10.0.0.1:8080",
        "http://0.0.0.0:8080",
        "http://localhost.example.com",
        "http://sandbox.localhost:8000/",
        "http://127.0.0.1.nip.io",
        "http://[::]:1",
    ],
)
def test_plain_http_elsewhere_is_refused_with_a_hint_to_https(given_text: str) -> None:
    with pytest.raises(EndpointError, match="https://"):
        resolve_base_url(given_text)


@pytest.mark.parametrize(
    "given_text",
    [
        "",
        "   ",
        "ftp://x",
        "file:///etc/passwd",
        "javascript://x.example.com",
        "not a name!",
        "-testkonto",
        "testkonto-",
        "test_konto",
        "a" * 64,
        "testkonto.timetrackenterprise.com",
        "https://",
        "https:///path",
        "https://user:pw@x.com",
        "https://user@x.com",
        "https://x.com/?q=1",
        "https://x.com/api?",
        "https://x.com/?",
        "https://x.com/#top",
        "https://x.com#",
        "https://x.com:notaport",
        "https://x .com",
        "https://x%20y.com/",
        "http://local host:1",
        "https://x.com\\@evil.com",
    ],
)
def test_bad_inputs_are_refused(given_text: str) -> None:
    with pytest.raises(EndpointError):
        resolve_base_url(given_text)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("LOCALHOST", True),
        ("localhost.", True),
        ("sandbox.localhost", False),  # resolved by DNS, which may say anything
        ("127.0.0.1", True),
        ("127.255.255.254", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("::", False),
        ("10.0.0.1", False),
        ("128.0.0.1", False),
        ("example.com", False),
        ("localhost.example.com", False),
        ("mylocalhost", False),
        ("", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


# Only request URLs are built below; a transport that cannot send keeps it fast and offline.
NO_NETWORK = httpx.MockTransport(lambda request: httpx.Response(599))
URLISH = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"\A(https?|ftp)://[a-zA-Z0-9.:@\[\]_%-]{0,25}(/[ -~]{0,15})?\Z"),
    st.from_regex(r"\A[a-zA-Z0-9-]{1,70}\Z"),
)


@settings(max_examples=300, deadline=None)
@given(text=URLISH)
def test_anything_gives_a_clean_base_url_or_an_endpoint_error(text: str) -> None:
    try:
        base = resolve_base_url(text)
    except EndpointError:
        return
    url = httpx.URL(base)
    assert url.scheme == "https" or (url.scheme == "http" and is_loopback(url.host))
    assert url.host
    assert not base.endswith("/")
    assert "?" not in base
    assert "#" not in base
    assert "@" not in base
    # A base URL is its own normal form: resolving it again changes nothing.
    assert resolve_base_url(base) == base
    # Requests are made below it, never beside it.
    joined = (
        httpx.Client(base_url=base + "/", transport=NO_NETWORK, trust_env=False)
        .build_request("GET", "attendances")
        .url
    )
    assert str(joined) == base + "/attendances"


def test_api_path_is_the_vendors() -> None:
    assert API_PATH == "/api/v2/ext"
