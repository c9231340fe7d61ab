"""HTTP answers and transport failures turned into the client's typed errors.

The responses are built by hand (``httpx.Response`` with a request attached); nothing is
sent anywhere.
"""

from __future__ import annotations

import email.utils
import json
import ssl
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeclock.api import errors, responses
from timeclock.api.errors import (
    AuthenticationError,
    MalformedResponseError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    ServerMessage,
    TimeTrackError,
    ValidationError,
)
from timeclock.api.responses import (
    read_json,
    retry_after_seconds,
    status_error,
    transport_error,
)

BASE_URL = "https://acme.timetrackenterprise.com/api/v2/ext"
HOST = "acme.timetrackenterprise.com"
REQUEST = httpx.Request("GET", "https://x.invalid/")
VENDOR_ERROR = {
    "errors": [
        {
            "title": "TimeEntry exist but it is deleted",
            "status": 404,
            "code": 15020,
            "detail": "Entry 12 was deleted on 2020-10-21.",
        }
    ]
}
HTML = b"<!DOCTYPE html><html><head><title>Login</title></head><body>Bitte anmelden</body></html>"


def response(
    status: int,
    *,
    json_body: object = None,
    content: bytes | None = None,
    content_type: str | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    """A finished response as httpx would hand it over, built without any network."""
    all_headers = dict(headers or {})
    if content_type is not None:
        all_headers["Content-Type"] = content_type
    if json_body is not None:
        return httpx.Response(status, json=json_body, headers=all_headers, request=REQUEST)
    return httpx.Response(status, content=content or b"", headers=all_headers, request=REQUEST)


class TestReadJson:
    @pytest.mark.parametrize("body", [{"data": []}, [1, 2], "text", 0, {"a": None}], ids=repr)
    def test_returns_the_json(self, body: object) -> None:
        assert read_json(response(200, json_body=body)) == body

    def test_json_null_is_returned_as_none(self) -> None:
        assert read_json(response(200, content=b"null", content_type="application/json")) is None

    def test_ignores_a_charset_and_reads_utf8(self) -> None:
        answer = response(
            200,
            content='{"notes": "Frühschicht"}'.encode(),
            content_type="application/json; charset=utf-8",
        )

        assert read_json(answer) == {"notes": "Frühschicht"}

    def test_html_is_malformed_and_says_what_came(self) -> None:
        answer = response(200, content=HTML, content_type="text/html; charset=utf-8")

        with pytest.raises(MalformedResponseError) as caught:
            read_json(answer)

        assert "text/html" in str(caught.value)
        assert "HTTP 200" in str(caught.value)
        assert "<html" not in str(caught.value)

    @pytest.mark.parametrize("body", [b"", b"   \r\n\t"], ids=["empty", "blank"])
    def test_an_empty_body_is_malformed(self, body: bytes) -> None:
        with pytest.raises(MalformedResponseError, match="empty"):
            read_json(response(200, content=body, content_type="application/json"))

    @pytest.mark.parametrize(
        "body",
        [
            b"[" * 100_000,
            b'{"a":' * 100_000,
            b"[" * 100_000 + b"]" * 100_000,
            b'{"data": [',
            b"\xff\xfe\xfa",
            b"NULL",
            b"{'single': 'quotes'}",
        ],
        ids=[
            "deep open arrays",
            "deep open objects",
            "deep closed arrays",
            "truncated",
            "not utf-8",
            "NULL",
            "single quotes",
        ],
    )
    def test_not_json_is_malformed_never_a_crash(self, body: bytes) -> None:
        with pytest.raises(MalformedResponseError, match="not JSON"):
            read_json(response(200, content=body, content_type="application/json"))

    def test_a_huge_body_is_refused_before_parsing(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(responses, "MAX_BODY_BYTES", 1_000)

        with pytest.raises(MalformedResponseError, match="not an attendance list"):
            read_json(response(200, json_body=[{"id": n} for n in range(500)]))


class TestStatusError:
    @pytest.mark.parametrize("status", [401, 403])
    def test_auth_failures_point_at_key_and_secret(self, status: int) -> None:
        error = status_error(response(status, json_body={"message": "Invalid credentials"}))

        assert type(error) is AuthenticationError
        assert error.status == status
        assert "key" in str(error)
        assert "secret" in str(error)
        assert f"HTTP {status}" in str(error)
        assert not error.retryable

    def test_not_found_says_what_the_server_said(self) -> None:
        error = status_error(response(404, json_body=VENDOR_ERROR), entry_id=12)

        assert type(error) is NotFoundError
        assert error.status == 404
        assert str(error).startswith("Entry 12 was not found")
        assert "TimeEntry exist but it is deleted" in str(error)
        assert "Entry 12 was deleted on 2020-10-21." in str(error)
        assert not error.retryable

    def test_not_found_without_a_body_or_an_id(self) -> None:
        error = status_error(response(404))

        assert type(error) is NotFoundError
        assert str(error) == "The requested address was not found on TimeTrack."

    def test_an_html_404_page_is_not_quoted(self) -> None:
        error = status_error(response(404, content=HTML, content_type="text/html"))

        assert "<" not in str(error)
        assert "anmelden" not in str(error)

    @pytest.mark.parametrize("status", [400, 422])
    def test_validation_errors_carry_the_servers_messages(self, status: int) -> None:
        body = {
            "errors": [
                {"title": "Invalid field", "status": status, "code": 10010, "detail": "to < from"},
                {"title": "Unknown user", "detail": "hansm"},
            ]
        }

        error = status_error(response(status, json_body=body))

        assert isinstance(error, ValidationError)
        assert error.status == status
        assert error.messages == (
            ServerMessage("Invalid field", "to < from", 10010),
            ServerMessage("Unknown user", "hansm"),
        )
        assert "Invalid field: to < from" in str(error)
        assert "Unknown user: hansm" in str(error)
        assert not error.retryable

    def test_validation_error_without_a_reason(self) -> None:
        error = status_error(response(422))

        assert isinstance(error, ValidationError)
        assert error.messages == ()
        assert "HTTP 422 without a reason" in str(error)

    def test_validation_error_with_a_plain_text_reason(self) -> None:
        error = status_error(
            response(400, content=b"from is required\n", content_type="text/plain")
        )

        assert isinstance(error, ValidationError)
        assert error.messages == (ServerMessage("from is required"),)
        assert "from is required" in str(error)

    def test_validation_error_with_an_html_body_quotes_nothing(self) -> None:
        error = status_error(response(400, content=HTML, content_type="text/html"))

        assert isinstance(error, ValidationError)
        assert error.messages == ()
        assert "<" not in str(error)

    def test_at_most_three_messages_are_quoted(self) -> None:
        body = {"errors": [{"title": f"problem {n}"} for n in range(1, 6)]}

        error = status_error(response(400, json_body=body))

        assert isinstance(error, ValidationError)
        assert len(error.messages) == 5
        assert "problem 3" in str(error)
        assert "problem 4" not in str(error)

    def test_rate_limited_with_seconds(self) -> None:
        error = status_error(response(429, headers={"Retry-After": "120"}))

        assert isinstance(error, RateLimitedError)
        assert error.retry_after == 120.0
        assert error.retryable
        assert error.status == 429

    def test_rate_limited_with_an_http_date(self) -> None:
        when = datetime.now(UTC) + timedelta(seconds=90)
        header = email.utils.format_datetime(when.replace(microsecond=0), usegmt=True)

        error = status_error(response(429, headers={"Retry-After": header}))

        assert isinstance(error, RateLimitedError)
        assert error.retry_after is not None
        assert 80 <= error.retry_after <= 90

    def test_rate_limited_without_a_wish(self) -> None:
        error = status_error(response(429))

        assert isinstance(error, RateLimitedError)
        assert error.retry_after is None

    @pytest.mark.parametrize("status", [500, 502, 503, 504])
    def test_server_errors_are_retryable(self, status: int) -> None:
        error = status_error(response(status, json_body=VENDOR_ERROR))

        assert type(error) is ServerError
        assert error.retryable
        assert error.status == status
        assert f"HTTP {status}" in str(error)
        assert "TimeEntry exist but it is deleted" in str(error)

    def test_a_multiline_text_body_stays_one_line(self) -> None:
        error = status_error(
            response(503, content=b"Service\nUnavailable\r\n\r\nretry", content_type="text/plain")
        )

        assert "\n" not in str(error)
        assert "Service Unavailable retry" in str(error)

    @pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
    def test_a_redirect_is_a_malformed_answer(self, status: int) -> None:
        error = status_error(response(status, headers={"Location": "https://login.example.com/"}))

        assert type(error) is MalformedResponseError
        assert f"HTTP {status}" in str(error)
        assert "redirect" in str(error)
        assert not error.retryable

    @pytest.mark.parametrize("status", [402, 405, 409, 418])
    def test_other_statuses_are_server_errors_with_the_status(self, status: int) -> None:
        error = status_error(response(status, json_body={"message": "nope"}))

        assert type(error) is ServerError
        assert error.status == status
        assert f"HTTP {status}: nope" in str(error)

    @pytest.mark.parametrize("status", [400, 401, 404, 422, 429, 500, 302, 418])
    def test_every_error_is_a_timetrack_error_with_a_full_sentence(self, status: int) -> None:
        error = status_error(response(status, content=b"[" * 10_000))

        assert isinstance(error, TimeTrackError)
        assert str(error).endswith(".")
        assert str(error)[0].isupper()


class TestRetryAfter:
    @pytest.mark.parametrize(
        ("value", "seconds"),
        [
            (None, None),
            ("", None),
            ("   ", None),
            ("0", 0.0),
            ("30", 30.0),
            (" 30 ", 30.0),
            ("-5", None),
            ("1.5", None),
            ("soon", None),
            ("\u00b2", None),
            ("\u0663", None),
            ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),
            ("Wed, 21 Oct 99999 07:28:00 GMT", None),
        ],
        ids=repr,
    )
    def test_values(self, value: str | None, seconds: float | None) -> None:
        assert retry_after_seconds(value) == seconds

    def test_a_future_date_without_zone_is_read_as_utc(self) -> None:
        when = datetime.now(UTC) + timedelta(minutes=10)
        header = when.strftime("%a, %d %b %Y %H:%M:%S -0000")

        seconds = retry_after_seconds(header)

        assert seconds is not None
        assert 590 <= seconds <= 600

    @settings(max_examples=200, deadline=None)
    @given(value=st.none() | st.text(max_size=40))
    def test_any_text_gives_none_or_a_non_negative_number(self, value: str | None) -> None:
        seconds = retry_after_seconds(value)

        assert seconds is None or seconds >= 0


class TestTransportError:
    @pytest.mark.parametrize(
        "error_type",
        [httpx.ConnectTimeout, httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout],
    )
    def test_timeouts(self, error_type: type[httpx.TimeoutException]) -> None:
        error = transport_error(error_type("timed out", request=REQUEST), BASE_URL)

        assert type(error) is errors.TimeoutError
        assert isinstance(error, NetworkError)
        assert isinstance(error, TimeoutError)  # the builtin, too
        assert error.retryable
        assert HOST in str(error)
        assert "/api/v2/ext" not in str(error)

    def test_cannot_connect(self) -> None:
        error = transport_error(
            httpx.ConnectError("[Errno 111] Connection refused", request=REQUEST), BASE_URL
        )

        assert type(error) is NetworkError
        assert error.retryable
        assert f"Cannot reach TimeTrack at {HOST}" in str(error)

    def test_an_untrusted_certificate_is_named(self) -> None:
        error = httpx.ConnectError("handshake failed", request=REQUEST)
        error.__cause__ = ssl.SSLCertVerificationError(1, "self-signed certificate")

        result = transport_error(error, BASE_URL)

        assert type(result) is NetworkError
        assert "certificate" in str(result)
        assert HOST in str(result)

    def test_a_certificate_error_known_only_by_its_text(self) -> None:
        error = httpx.ConnectError(
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed", request=REQUEST
        )

        assert "certificate" in str(transport_error(error, BASE_URL))

    def test_a_broken_connection(self) -> None:
        error = transport_error(
            httpx.RemoteProtocolError("Server disconnected", request=REQUEST), BASE_URL
        )

        assert type(error) is NetworkError
        assert error.retryable
        assert HOST in str(error)
        assert "broke" in str(error)

    def test_an_answer_that_cannot_be_decoded(self) -> None:
        error = transport_error(httpx.DecodingError("bad gzip", request=REQUEST), BASE_URL)

        assert type(error) is MalformedResponseError
        assert HOST in str(error)

    @pytest.mark.parametrize(
        "error_type",
        [httpx.ReadError, httpx.WriteError, httpx.ProxyError, httpx.LocalProtocolError],
    )
    def test_other_transport_errors_name_their_kind(
        self, error_type: type[httpx.TransportError]
    ) -> None:
        error = transport_error(error_type("boom", request=REQUEST), BASE_URL)

        assert isinstance(error, NetworkError)
        assert HOST in str(error)
        assert error_type.__name__ in str(error)

    def test_a_loopback_sandbox_is_named_by_its_address(self) -> None:
        error = transport_error(
            httpx.ConnectError("refused", request=REQUEST), "http://127.0.0.1:8080/api/v2/ext"
        )

        assert "127.0.0.1" in str(error)


def test_json_helper_matches_what_httpx_sends() -> None:
    # Guards the helper above: a JSON body really is JSON with the right type.
    answer = response(200, json_body={"a": 1})

    assert answer.headers["content-type"] == "application/json"
    assert json.loads(answer.content) == {"a": 1}


def test_transport_errors_name_their_reason_for_the_window_to_word() -> None:
    """The window words network trouble by ``reason``; a timeout must say it is one."""
    from timeclock.api.errors import NetworkError as Network
    from timeclock.api.responses import transport_error as classify

    request = httpx.Request("GET", "https://x.example.com/")
    timeout = classify(httpx.ReadTimeout("slow", request=request), "https://x.example.com")
    refused = classify(httpx.ConnectError("refused", request=request), "https://x.example.com")
    cut = classify(httpx.RemoteProtocolError("cut", request=request), "https://x.example.com")
    assert isinstance(timeout, Network) and timeout.reason == "timeout" and timeout.retryable
    assert isinstance(refused, Network) and refused.reason == "unreachable"
    assert isinstance(cut, Network) and cut.reason == "cut"
    untrusted = Network("not trusted", reason="untrusted")
    assert not untrusted.retryable  # a person must look at it; no silent retrying
