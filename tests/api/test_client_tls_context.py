"""A plain-http client (the sandbox on loopback) loads no trusted certificates (#9)."""

from __future__ import annotations

import ssl

from timeclock.api.client import _tls_context


def test_plain_http_trusts_no_one_and_still_verifies() -> None:
    context = _tls_context("http://127.0.0.1:8080/api/v2/ext")

    assert context.cert_store_stats()["x509_ca"] == 0
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname


def test_https_trusts_the_usual_authorities() -> None:
    context = _tls_context("https://testkonto.timetrackenterprise.com/api/v2/ext")

    assert context.cert_store_stats()["x509_ca"] > 0
    assert context.verify_mode == ssl.CERT_REQUIRED
