"""The sandbox on HTTPS with a trustme certificate authority, and our client against it.

Verification cannot be switched off: an untrusted certificate is refused with a clear
message (by the client and by ``timeclock status``), a certificate from a trusted CA is
accepted, and ``verify=False`` is a TypeError.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import signal
import socket
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import trustme
from starlette.middleware import Middleware

from tests.api.faults import Recorded, Recorder
from tests.commands import run_timeclock
from tests.sandbox.conftest import auth_headers
from tests.sandbox.test_sandbox_command import launch, posix_only, read_banner
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.errors import NetworkError
from timeclock.sandbox import (
    KEY_HEADER,
    SECRET_HEADER,
    SandboxServer,
    SandboxTlsError,
    add_sandbox_arguments,
    run_sandbox,
)

LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class Pems:
    """A CA and a server certificate it issued, as PEM files."""

    ca: trustme.CA
    ca_file: Path
    combined: Path  # the server's key and certificate chain in one file
    chain: Path
    key: Path

    def trusting_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        self.ca.configure_trust(context)
        return context


def issue(directory: Path, *hosts: str, ca: trustme.CA | None = None) -> Pems:
    ca = ca or trustme.CA()
    directory.mkdir(parents=True, exist_ok=True)
    certificate = ca.issue_cert(*hosts)
    pems = Pems(
        ca,
        directory / "ca.pem",
        directory / "server.pem",
        directory / "chain.pem",
        directory / "key.pem",
    )
    ca.cert_pem.write_to_path(str(pems.ca_file))
    certificate.private_key_and_cert_chain_pem.write_to_path(str(pems.combined))
    for number, blob in enumerate(certificate.cert_chain_pems):
        blob.write_to_path(str(pems.chain), append=number > 0)
    certificate.private_key_pem.write_to_path(str(pems.key))
    return pems


@pytest.fixture(scope="module")
def pems(tmp_path_factory: pytest.TempPathFactory) -> Pems:
    return issue(tmp_path_factory.mktemp("tls"), LOOPBACK, "localhost")


@pytest.fixture(scope="module")
def tls_log() -> list[Recorded]:
    return []


@pytest.fixture(scope="module")
def tls_server(pems: Pems, tls_log: list[Recorded]) -> Iterator[SandboxServer]:
    recorder = Middleware(Recorder, log=tls_log)
    with SandboxServer(ssl_certfile=pems.combined, middleware=[recorder]) as server:
        yield server


@pytest.fixture
def https(tls_server: SandboxServer) -> SandboxServer:
    tls_server.store.reset()
    return tls_server


@pytest.fixture
def received(https: SandboxServer, tls_log: list[Recorded]) -> list[Recorded]:
    """The requests that reach the HTTPS sandbox during the test."""
    tls_log.clear()
    return tls_log


def credentials(server: SandboxServer) -> Credentials:
    return Credentials(server.api_key, server.api_secret)


# -- the server --------------------------------------------------------------------------------


def test_the_sandbox_serves_https(https: SandboxServer, pems: Pems) -> None:
    assert https.tls
    assert https.base_url == f"https://{LOOPBACK}:{https.port}/api/v2/ext"

    with httpx.Client(verify=pems.trusting_context(), headers=auth_headers(https)) as c:
        response = c.get(https.base_url + "/attendances")

    assert response.status_code == 200
    assert response.json() == []


def test_a_separate_key_file(pems: Pems) -> None:
    with (
        SandboxServer(ssl_certfile=pems.chain, ssl_keyfile=pems.key) as server,
        httpx.Client(verify=pems.trusting_context()) as c,
    ):
        assert c.get(server.root_url + "/api/v2/ext/openapi.json").status_code == 200


def test_faults_work_on_tls_too(https: SandboxServer, pems: Pems) -> None:
    from timeclock.sandbox import FaultPlan

    https.faults = FaultPlan(script=["commit-then-cut", "truncated-body"])
    body = {"username": "ivan", "from": "2020-10-01T08:00:00Z", "to": "2020-10-01T09:00:00Z"}
    try:
        with httpx.Client(verify=pems.trusting_context(), headers=auth_headers(https)) as c:
            with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
                c.post(https.base_url + "/attendances", json=body)
            with pytest.raises(httpx.RemoteProtocolError, match="complete message body"):
                c.get(https.base_url + "/attendances")
            assert len(c.get(https.base_url + "/attendances").json()) == 1
    finally:
        https.faults = FaultPlan()


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        (lambda p: (p.chain.parent / "missing.pem", None), "No such file or directory"),
        (lambda p: (p.ca_file, None), "cannot use the TLS certificate"),
        (lambda p: (p.chain, p.ca_file), "cannot use the TLS certificate"),
    ],
    ids=["missing", "no-key", "wrong-key"],
)
def test_an_unusable_certificate_fails_start_before_binding(
    pems: Pems, files: object, problem: str
) -> None:
    certfile, keyfile = files(pems)  # type: ignore[operator]
    server = SandboxServer(ssl_certfile=certfile, ssl_keyfile=keyfile)

    with pytest.raises(SandboxTlsError, match=problem) as caught:
        server.start()

    assert str(certfile) in str(caught.value)
    assert server.port == 0  # nothing was bound
    assert not server.running


def test_the_key_must_belong_to_the_certificate(pems: Pems, tmp_path: Path) -> None:
    stranger = issue(tmp_path, LOOPBACK)
    server = SandboxServer(ssl_certfile=pems.chain, ssl_keyfile=stranger.key)

    with pytest.raises(SandboxTlsError, match="the key does not belong to the certificate"):
        server.start()


def test_a_key_without_a_certificate_is_refused() -> None:
    with pytest.raises(ValueError, match="needs its certificate"):
        SandboxServer(ssl_keyfile="key.pem")


# -- our client --------------------------------------------------------------------------------


def test_our_client_refuses_an_untrusted_certificate(https: SandboxServer) -> None:
    with (
        TimeTrackClient(https.base_url, credentials(https)) as client,
        pytest.raises(NetworkError) as caught,
    ):
        client.list_attendances()

    assert caught.value.reason == "untrusted"
    assert "certificate" in str(caught.value) and "not trusted" in str(caught.value)
    assert https.api_secret not in str(caught.value)


def test_our_client_accepts_a_certificate_from_a_trusted_ca(
    https: SandboxServer, pems: Pems
) -> None:
    with TimeTrackClient(
        https.base_url, credentials(https), verify=pems.trusting_context()
    ) as client:
        assert client.list_attendances() == []


def test_a_trusted_ca_does_not_vouch_for_another_host(pems: Pems, tmp_path: Path) -> None:
    elsewhere = issue(tmp_path, "timetrack.example", ca=pems.ca)
    with (
        SandboxServer(ssl_certfile=elsewhere.combined) as server,
        TimeTrackClient(server.base_url, credentials(server), verify=pems.trusting_context()) as c,
        pytest.raises(NetworkError, match="not trusted"),
    ):
        c.list_attendances()


@pytest.mark.parametrize("verify", [False, "ca.pem", None])
def test_verification_cannot_be_switched_off(https: SandboxServer, verify: object) -> None:
    with pytest.raises(TypeError, match="cannot be switched off"):
        TimeTrackClient(https.base_url, credentials(https), verify=verify)  # type: ignore[arg-type]


# -- the command line --------------------------------------------------------------------------


def _status(server: SandboxServer, host: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """``timeclock status`` in its own process against ``server`` (reached as ``host``)."""
    return _timeclock(server, host, "status", **extra)


def _timeclock(
    server: SandboxServer, host: str, *args: str, **extra: str
) -> subprocess.CompletedProcess[str]:
    """``timeclock ARGS`` in its own process against ``server`` (reached as ``host``)."""
    proxies = {"http_proxy", "https_proxy", "all_proxy", "no_proxy"}
    env = {key: value for key, value in os.environ.items() if key.lower() not in proxies}
    env |= {
        "TIMECLOCK_URL": f"https://{host}:{server.port}",
        "TIMECLOCK_USER": "hansm",
        "TIMECLOCK_API_KEY": server.api_key,
        "TIMECLOCK_API_SECRET": server.api_secret,
        **extra,
    }
    return run_timeclock(*args, env=env)


def _refused_untrusted(
    result: subprocess.CompletedProcess[str], server: SandboxServer, host: str = LOOPBACK
) -> None:
    """``timeclock status`` said plainly that the certificate is not trusted, and no more."""
    said = result.stdout + result.stderr
    assert f"The TLS certificate of {host} is not trusted" in said, said
    assert server.api_secret not in said
    if result.returncode == 1:  # the command fails: one line on stderr
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith("timeclock: error: ")
    else:  # status works offline: it says it could not ask the server, and why
        assert result.returncode == 0
        assert result.stdout.startswith("Offline (The TLS certificate of ")
        assert result.stderr == ""


@pytest.mark.timeout(60)
def test_status_refuses_an_untrusted_certificate(
    https: SandboxServer, received: list[Recorded]
) -> None:
    result = _status(https, LOOPBACK)

    _refused_untrusted(result, https)
    assert received == []  # the handshake failed: not even the request head was sent


def _connected(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Offline" not in result.stdout
    assert "Not stamped in." in result.stdout


@pytest.mark.timeout(60)
def test_status_trusts_the_ca_named_by_ssl_cert_file_on_loopback(
    https: SandboxServer, pems: Pems
) -> None:
    _connected(_status(https, LOOPBACK, SSL_CERT_FILE=str(pems.ca_file)))


def _outside_address() -> str | None:
    """An IPv4 address of this machine that is not loopback, if it has one."""
    candidates: list[str] = []
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("198.51.100.1", 9))  # no packet is sent; the kernel picks the source
        candidates.append(probe.getsockname()[0])
    with contextlib.suppress(OSError):
        candidates += [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None)]
    for address in candidates:
        if isinstance(address, str) and "." in address and not address.startswith("127."):
            return address
    return None


@pytest.mark.timeout(60)
def test_status_trusts_the_ca_named_by_ssl_cert_file(tmp_path: Path) -> None:
    address = _outside_address()
    if address is None:
        pytest.skip("this machine has no address besides loopback")
    pems = issue(tmp_path, address)
    with SandboxServer(host=address, ssl_certfile=pems.combined) as server:
        trusted = _status(server, address, SSL_CERT_FILE=str(pems.ca_file))
        other_ca = issue(tmp_path / "other", "timetrack.example").ca_file
        untrusted = _status(server, address, SSL_CERT_FILE=str(other_ca))

    _connected(trusted)
    _refused_untrusted(untrusted, server, address)


# -- timeclock sandbox --------------------------------------------------------------------------


@posix_only
@pytest.mark.timeout(30)
def test_the_command_serves_https(pems: Pems) -> None:
    with launch(
        "--port", "0", "--tls-cert", str(pems.chain), "--tls-key", str(pems.key)
    ) as process:
        try:
            banner = read_banner(process)
            headers = {KEY_HEADER: banner["API key"], SECRET_HEADER: banner["API secret"]}
            with httpx.Client(verify=pems.trusting_context(), headers=headers) as c:
                response = c.get(banner["url"] + "/attendances")
        finally:
            process.send_signal(signal.SIGINT)
            stdout, stderr = process.communicate(timeout=15)

    assert banner["url"].startswith(f"https://{LOOPBACK}:")
    assert banner["TLS"] == f"certificate {pems.chain}"
    assert response.status_code == 200
    assert process.returncode == 0
    assert stderr == ""
    assert stdout.strip() == "Sandbox stopped."


def _run(*argv: str) -> tuple[int, str, str]:
    args = add_sandbox_arguments(argparse.ArgumentParser()).parse_args(["--port", "0", *argv])
    out, err = io.StringIO(), io.StringIO()
    code = run_sandbox(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_the_command_reports_an_unusable_certificate_in_one_line(pems: Pems) -> None:
    code, out, err = _run("--tls-cert", str(pems.ca_file))

    assert (code, out) == (1, "")
    assert err.startswith(f"timeclock sandbox: cannot use the TLS certificate {pems.ca_file}: ")
    assert err.count("\n") == 1


def test_the_command_wants_the_certificate_with_a_key(pems: Pems) -> None:
    assert _run("--tls-key", str(pems.key)) == (
        2,
        "",
        "timeclock sandbox: error: --tls-key needs --tls-cert\n",
    )


@pytest.mark.timeout(90)
def test_a_stamp_against_an_untrusted_certificate_is_queued_then_sent_once_trusted(
    https: SandboxServer, pems: Pems, tmp_path: Path
) -> None:
    """Finding 16 of issue 8: the stamp is safe on this computer, as the README says."""
    desk = str(tmp_path / "data")
    stamped = _timeclock(https, LOOPBACK, "stamp", "in", TIMECLOCK_DATA_DIR=desk)
    assert stamped.returncode == 0, stamped.stderr
    assert "saved on this computer, not yet on TimeTrack: The TLS certificate" in stamped.stdout
    assert https.store.all() == []

    sent = _timeclock(
        https, LOOPBACK, "sync", TIMECLOCK_DATA_DIR=desk, SSL_CERT_FILE=str(pems.ca_file)
    )
    assert sent.returncode == 0, sent.stdout + sent.stderr
    assert len(https.store.all()) == 1
