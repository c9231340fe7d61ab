"""The API key and secret never leave the keyring: not into logs, output, files or errors.

Two full sessions run against a real sandbox with a distinctive key and secret, while every
log record of every logger is captured at DEBUG (httpx and httpcore included, even though
``--verbose`` quiets them) and every exception raised on the main thread is noted:

* the command line in-process with ``--verbose``: login with the key and secret piped on
  standard input, status, stamp in, list, show, add, edit, delete, a wrong secret, the
  server down (a stamp queued in the outbox), sync, and a server that echoes the request
  headers back in its error answers;
* the window: a ClockSession and MainWindow (made by the app's Launcher) refreshing,
  stamping and loading entries offscreen, a second window with a wrong secret, and a crash
  report of an error whose text holds the secret.

Afterwards neither the key nor the secret (nor the wrong secret typed) may appear in any log
record (message, arguments, exception text), any captured stdout/stderr, the settings
file, the outbox or any other file in the config and data folders, the str/repr of any
exception raised, any text the window shows, or the crash report.

Last, error answers that quote the secret exactly where the client clips the server's words
(300 characters) must not leave even the start of it in the error.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is loaded
# Qt paints large images with a thread pool whose threads idle on for 30 s (see
# tests/gui/conftest.py); without it the check that no thread is left holds.
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")

import pytest
from pytestqt.qtbot import QtBot
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send

from tests.api.faults import Canned, FaultPlan, Rule, instrumented_middleware, unused_port
from tests.memory_keyring import MemoryKeyring
from timeclock import cli
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.errors import TimeTrackError
from timeclock.cli import run as cli_run
from timeclock.domain.attendance import AttendanceDraft
from timeclock.sandbox import AttendanceStore, SandboxServer
from timeclock.services.account import Account
from timeclock.store.paths import config_dir, data_dir
from timeclock.store.settings import settings_path

USER = "hansm"
MORNING = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)  # 08:00 in Berlin
NOISY_LOGGERS = ("httpx", "httpcore", "h11", "uvicorn", "uvicorn.error", "asyncio", "keyring")


@dataclass(frozen=True)
class Secrets:
    """A distinctive key, secret and wrong secret for one test."""

    key: str = field(default_factory=lambda: "k3y-" + uuid.uuid4().hex)
    secret: str = field(default_factory=lambda: "s3cr3t-" + uuid.uuid4().hex)
    wrong: str = field(default_factory=lambda: "wr0ng-" + uuid.uuid4().hex)

    @property
    def all(self) -> tuple[str, str, str]:
        return (self.key, self.secret, self.wrong)

    def assert_absent(self, where: str, text: str | bytes) -> None:
        """None of the three is in ``text`` (a failure names where, with what surrounds it)."""
        for value in self.all:
            needle: str | bytes = value.encode() if isinstance(text, bytes) else value
            position = text.find(needle)  # type: ignore[arg-type]
            if position >= 0:
                around = text[max(0, position - 80) : position + 80]
                pytest.fail(f"a secret ({value[:6]}...) leaked into {where}: {around!r}")


# -- what is watched ------------------------------------------------------------------------


class EveryRecord(logging.Handler):
    """Keeps every log record, formatted with its exception and stack, and all its fields."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, str]] = []
        self._format = logging.Formatter("%(name)s %(levelname)s %(message)s")

    def emit(self, record: logging.LogRecord) -> None:
        text = "\n".join(
            [
                self._format.format(record),  # message with args, exc_text, stack_info
                repr(record.msg),
                repr(record.args),
                str(record.exc_text),
                repr(vars(record)),
            ]
        )
        self.records.append((record.name, text))

    def names(self) -> set[str]:
        return {name for name, _ in self.records}


@pytest.fixture
def every_record(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> Iterator[EveryRecord]:
    """All logging at DEBUG, of every logger, for the whole test.

    ``timeclock --verbose`` sets httpx and httpcore to WARNING (they are chatty); here they
    are put back to DEBUG after it, so the test sees what a debugging developer would.
    """
    caplog.set_level(logging.DEBUG)
    handler = EveryRecord()
    root = logging.getLogger()
    root.addHandler(handler)
    levels = {name: logging.getLogger(name).level for name in NOISY_LOGGERS}

    def all_at_debug() -> None:
        for name in NOISY_LOGGERS:
            logging.getLogger(name).setLevel(logging.DEBUG)

    configure = cli_run._configure_logging

    def configure_then_debug(verbose: bool) -> None:
        configure(verbose)
        all_at_debug()

    monkeypatch.setattr(cli_run, "_configure_logging", configure_then_debug)
    all_at_debug()
    yield handler
    root.removeHandler(handler)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


class RaisedExceptions:
    """The text of every exception raised: on this thread through any Python frame (via a
    trace function), and every TimeTrackError made on any thread (the window's worker
    threads are QThreads, which no Python trace function reaches).

    Texts are taken at once, so no exception (and no frame it holds) is kept alive.
    """

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.timetrack_errors = 0
        self.paused = False  # while the test raises an error with the secret on purpose
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def pause(self) -> Iterator[None]:
        self.paused = True
        try:
            yield
        finally:
            self.paused = False

    def note(self, error: BaseException) -> None:
        if self.paused:
            return
        parts = []
        seen: BaseException | None = error
        for _ in range(10):  # the exception and what it was raised from or during
            if seen is None:
                break
            try:
                parts += [type(seen).__name__, str(seen), repr(seen), repr(seen.args)]
                parts += [repr(value) for value in getattr(seen, "__dict__", {}).values()]
            except Exception as failure:  # noqa: BLE001 - a broken __str__ must not hide the rest
                parts.append(f"<{type(failure).__name__} while describing>")
            seen = seen.__cause__ or seen.__context__
        with self._lock:
            self.texts.append("\n".join(parts))

    def trace(self, frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        if event == "call":
            frame.f_trace_lines = False  # exceptions only: the session stays quick
            return self._local
        return None

    def _local(self, frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        if event == "exception" and not issubclass(arg[0], StopIteration | GeneratorExit):
            self.note(arg[1])
        return self._local


@pytest.fixture
def raised(monkeypatch: pytest.MonkeyPatch) -> Iterator[RaisedExceptions]:
    witness = RaisedExceptions()
    original_init = TimeTrackError.__init__

    def noting_init(self: TimeTrackError, message: str, **parts: Any) -> None:
        original_init(self, message, **parts)
        witness.timetrack_errors += 1
        witness.note(self)

    monkeypatch.setattr(TimeTrackError, "__init__", noting_init)
    previous = sys.gettrace()
    sys.settrace(witness.trace)
    try:
        yield witness
    finally:
        sys.settrace(previous)


def assert_no_file_holds_them(secrets: Secrets) -> list[Path]:
    """Read every file in the config and data folders (settings, outbox, WAL...)."""
    files = [
        path
        for folder in (config_dir(), data_dir())
        for path in folder.rglob("*")
        if path.is_file()
    ]
    for path in files:
        secrets.assert_absent(str(path), path.read_bytes())
    return files


# -- a sandbox whose network can be pulled, and that can echo headers ----------------------


class EchoHeaders:
    """When ``on``, answers every attendances request with an error quoting its headers.

    Debug pages and badly configured proxies do this; whatever the server says reaches the
    person's screen, so the client must cut its own secrets out of it.
    """

    on = False
    status = 500

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not EchoHeaders.on or "attendances" not in scope["path"]:
            await self.app(scope, receive, send)
            return
        headers = "; ".join(f"{k.decode()}: {v.decode()}" for k, v in scope["headers"])
        problem = {
            "title": "Request failed",
            "status": EchoHeaders.status,
            "code": 1,
            "detail": f"request was {headers}",
        }
        body = json.dumps({"errors": [problem]}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": EchoHeaders.status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class Office:
    """A sandbox on a fixed port, with the test's key and secret, that can go down."""

    def __init__(self, store: AttendanceStore, secrets: Secrets) -> None:
        self.store = store
        self.secrets = secrets
        self.port = unused_port()
        self.server: SandboxServer | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v2/ext"

    def up(self) -> None:
        self.server = SandboxServer(
            port=self.port,
            store=self.store,
            api_key=self.secrets.key,
            api_secret=self.secrets.secret,
            middleware=[Middleware(EchoHeaders)],
        ).start()

    def down(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None


@pytest.fixture
def secrets() -> Secrets:
    return Secrets()


@pytest.fixture
def office(secrets: Secrets, monkeypatch: pytest.MonkeyPatch) -> Iterator[Office]:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    monkeypatch.setattr(EchoHeaders, "on", False)
    with AttendanceStore() as store:
        office = Office(store, secrets)
        office.up()
        yield office
        office.down()


# -- the command line -----------------------------------------------------------------------


@dataclass
class Terminal:
    """Runs ``timeclock`` in-process and keeps everything it printed."""

    capsys: pytest.CaptureFixture[str]
    monkeypatch: pytest.MonkeyPatch
    printed: list[str] = field(default_factory=list)
    now: datetime = MORNING

    def __call__(self, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            self.monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        self.monkeypatch.setattr(cli_run, "utc_now", lambda: self.now)
        try:
            status = cli.main(["--verbose", *args])
        except SystemExit as exit_:
            status = int(exit_.code or 0)
        out, err = self.capsys.readouterr()
        self.printed += [out, err]
        return status, out, err


def test_a_command_line_session_leaks_no_secret(
    office: Office,
    secrets: Secrets,
    every_record: EveryRecord,
    raised: RaisedExceptions,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run = Terminal(capsys, monkeypatch)
    day = ("--from", "2026-03-01", "--to", "2026-03-31")

    status, out, err = run(
        "login",
        "--url",
        office.base_url,
        "--user",
        USER,
        stdin=f"{secrets.key}\n{secrets.secret}\n",
    )
    assert status == 0, err
    assert "(checked with the server)" in out
    assert secrets.secret in memory_keyring.passwords.values()  # where it belongs

    assert run("status")[0] == 0
    assert run("stamp", "in")[0] == 0
    run.now = MORNING + timedelta(hours=1)
    assert run("list", *day)[0] == 0
    assert run("list", *day, "--format", "json")[0] == 0
    status, _, err = run(
        "add", "--from", "2026-03-09T08:00", "--to", "2026-03-09T12:00", "--notes", "by hand"
    )
    assert status == 0, err
    (added,) = [entry for entry in office.store.all() if entry.notes == "by hand"]
    assert run("show", str(added.id))[0] == 0
    assert run("edit", str(added.id), "--notes", "changed", "--break", "15")[0] == 0
    assert run("delete", str(added.id), "--yes")[0] == 0

    # A wrong secret from the environment: refused, and not quoted.
    monkeypatch.setenv("TIMECLOCK_API_KEY", secrets.key)
    monkeypatch.setenv("TIMECLOCK_API_SECRET", secrets.wrong)
    status, _, err = run("list", *day)
    assert status == 1
    assert "rejected the API key or secret" in err
    monkeypatch.delenv("TIMECLOCK_API_KEY")
    monkeypatch.delenv("TIMECLOCK_API_SECRET")

    # The server goes down: the list is the one seen before (and says so), a stamp waits
    # in the outbox.
    office.down()
    status, _, err = run("list", *day)
    assert status == 0
    assert "Cannot reach TimeTrack" in err
    run.now = MORNING + timedelta(hours=8)
    status, out, _ = run("stamp", "out")
    assert status == 0
    assert "not yet on TimeTrack" in out
    assert run("outbox")[0] == 0
    assert run("sync")[0] == 1

    # A server that quotes the request headers (the key and secret) in its error answers:
    # reading fails (or shows the list seen before) with its words; the stamp stays
    # queued, and a 400 holds it with the server's words saved in the outbox as the problem.
    office.up()
    EchoHeaders.on = True
    for echo_status in (500, 404, 400):
        monkeypatch.setattr(EchoHeaders, "status", echo_status)
        status, _, err = run("list", *day)
        # A server error shows the list seen before, with the server's words on stderr.
        assert status == (0 if echo_status == 500 else 1)
        assert "Request failed" in err
        assert run("sync")[0] == 1
    status, out, _ = run("outbox")
    assert "HELD: " in out
    assert "Request failed" in out
    seq = out.split()[0].lstrip("#")
    EchoHeaders.on = False
    assert run("outbox", "retry", seq)[0] == 0

    status, out, err = run("sync")
    assert status == 0, out + err
    assert run("outbox")[0] == 0
    assert [entry.end - entry.start for entry in office.store.all()] == [timedelta(hours=8)]
    assert run("status")[0] == 0

    # What was watched saw the session: requests logged by the client and by httpcore,
    # typed errors made, and the key and secret really used.
    assert {"timeclock.api.client", "httpcore.http11", "httpx"} <= every_record.names()
    assert raised.timetrack_errors >= 5
    for name, text in every_record.records:
        secrets.assert_absent(f"a log record of {name}", text)
    for printed in run.printed:
        secrets.assert_absent("the output", printed)
    for text in raised.texts:
        secrets.assert_absent("an exception", text)
    secrets.assert_absent("the settings file", settings_path().read_bytes())
    files = assert_no_file_holds_them(secrets)
    assert settings_path() in files
    assert data_dir() / "outbox.sqlite3" in files


# -- the window -----------------------------------------------------------------------------


def native_threads() -> set[int]:
    """The ids of this process's OS threads (QThreads included)."""
    return {int(path.name) for path in Path("/proc/self/task").iterdir()}


def caught(error: BaseException) -> tuple[type[BaseException], BaseException, TracebackType | None]:
    """``error`` as sys.exc_info() gives it once raised."""
    try:
        raise error
    except BaseException as raised_error:  # noqa: BLE001
        return type(raised_error), raised_error, raised_error.__traceback__


def failing_with(secrets: Secrets) -> BaseException:
    """An unexpected error whose text, and whose cause's text, hold the key and secret."""
    try:
        try:
            raise KeyError(f"X-TimeTrack-Api-Key: {secrets.key}")
        except KeyError as inner:
            raise RuntimeError(f"request with secret {secrets.secret!r} failed") from inner
    except RuntimeError as outer:
        return outer


def test_a_window_session_and_its_crash_report_leak_no_secret(
    qtbot: QtBot,
    office: Office,
    secrets: Secrets,
    every_record: EveryRecord,
    raised: RaisedExceptions,
) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

    from timeclock.gui.app import Launcher
    from timeclock.gui.crash import HIDDEN, CrashReporter
    from timeclock.gui.session import ConnectionState
    from timeclock.gui.settings_dialog import SettingsDialog
    from timeclock.gui.single_instance import SingleInstance
    from timeclock.services.desk import Desk

    wait = 5000
    threads_before = native_threads()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    desk = Desk()  # the real files in the data folder
    launcher = Launcher(app, desk, SingleInstance("secrets-test"))
    reporter = CrashReporter(launcher.active_window, launcher.secrets)
    problems: list[str] = []
    shown: list[str] = []

    def window_texts() -> None:
        window = launcher.window
        assert window is not None
        shown.append(window.windowTitle())
        for widget in window.findChildren(QWidget):  # the window's dialogs included
            shown.append(widget.toolTip())
            if isinstance(widget, QLineEdit):
                # What is on the screen: the settings dialog, opened when the secret is
                # refused, holds key and secret to correct, shown as dots.
                shown.append(widget.displayText())
            elif isinstance(widget, QLabel | QAbstractButton):
                shown.append(widget.text())

    try:
        launcher.open_window(
            Account(office.base_url, USER, Credentials(secrets.key, secrets.secret))
        )
        window = launcher.window
        assert window is not None
        session = window.session
        session.problem.connect(lambda message, _retry: problems.append(message))
        qtbot.waitUntil(lambda: session.status is not None, timeout=wait)
        assert session.state is ConnectionState.ONLINE

        with qtbot.waitSignal(session.status_changed, timeout=wait):
            session.stamp()
        assert session.status is not None
        now = session.now()
        with qtbot.waitSignal(session.entries_loaded, timeout=wait) as loaded:
            session.load_entries(USER, now - timedelta(days=1), now + timedelta(days=1))
        assert len(loaded.args[0].entries) == 1
        with qtbot.waitSignals([session.status_changed, session.entries_loaded], timeout=wait):
            window.refresh()
        window_texts()

        # A second window with a wrong secret: refused, and said so without quoting it.
        launcher.open_window(
            Account(office.base_url, USER, Credentials(secrets.key, secrets.wrong))
        )
        refused = launcher.window
        assert refused is not None and refused is not window
        refused.session.problem.connect(lambda message, _retry: problems.append(message))
        qtbot.waitUntil(lambda: refused.session.state is ConnectionState.REJECTED, timeout=wait)
        # The settings open to correct them, filled in (off the GUI thread), shown as dots.
        qtbot.waitUntil(
            lambda: any(
                dialog.isVisible() and dialog.secret_edit.text() == secrets.wrong
                for dialog in refused.findChildren(SettingsDialog)
            ),
            timeout=wait,
        )
        (settings,) = refused.findChildren(SettingsDialog)
        assert settings.key_edit.text() == secrets.key
        window_texts()

        # An unexpected error, as sys.excepthook would hand it to the reporter.
        assert launcher.secrets() == [secrets.key, secrets.secret, secrets.key, secrets.wrong]
        with raised.pause():
            crash = caught(failing_with(secrets))
        reporter.report(*crash)
        (dialog,) = reporter.dialogs
        details = dialog.detailedText()
        assert f"X-TimeTrack-Api-Key: {HIDDEN}" in details
        assert f"request with secret '{HIDDEN}' failed" in details
        assert "KeyError" in details and "RuntimeError" in details
        (copy,) = [button for button in dialog.buttons() if button.text() == "Copy details"]
        copy.click()
        copied = QGuiApplication.clipboard().text()
        assert copied == details
        for where, text in (
            ("the crash report's details", details),
            ("the crash report's text", dialog.text()),
            ("the clipboard", copied),
        ):
            secrets.assert_absent(where, text)
    finally:
        for dialog in list(reporter.dialogs):
            dialog.close()
            dialog.deleteLater()
        if launcher.window is not None:
            launcher.window.close()  # closes its session: the worker thread stops
            launcher.window.deleteLater()
        launcher.runner.shutdown()
        for _ in range(3):
            app.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        desk.close()
    # Tidy: every worker thread (QThreads included) has ended.
    deadline = time.monotonic() + 3.0
    while (left := native_threads() - threads_before) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not left, [Path(f"/proc/self/task/{task}/comm").read_text().strip() for task in left]

    assert problems, "the wrong secret was not reported"
    assert any(name.startswith("timeclock.gui.crash") for name in every_record.names())
    for name, text in every_record.records:
        secrets.assert_absent(f"a log record of {name}", text)
    for text in problems + shown:
        secrets.assert_absent("the window", text)
    for text in raised.texts:
        secrets.assert_absent("an exception", text)
    assert raised.timetrack_errors >= 1
    files = assert_no_file_holds_them(secrets)
    assert data_dir() / "outbox.sqlite3" in files


# -- a server that quotes the secret where the message is clipped --------------------------


QUOTING_SECRETS = Secrets()
QUOTING_PLAN = FaultPlan()


@pytest.fixture(scope="module")
def quoting_server() -> Iterator[SandboxServer]:
    """A sandbox whose answers the tests below replace with ones quoting the secret."""
    with SandboxServer(
        api_key=QUOTING_SECRETS.key,
        api_secret=QUOTING_SECRETS.secret,
        middleware=instrumented_middleware([], plan=QUOTING_PLAN),
    ) as server:
        yield server


@pytest.mark.parametrize("status", [400, 401, 404, 429, 500])
@pytest.mark.parametrize("shape", ["vendor", "message", "plain text"])
@pytest.mark.parametrize("offset", [0, 250, 5000])
def test_no_part_of_a_quoted_secret_survives_clipping(
    quoting_server: SandboxServer, status: int, shape: str, offset: int
) -> None:
    """The server's words are clipped to 300 characters; the secret is cut out first, so a
    clip in the middle of it (at offset 250) leaves no start of it behind."""
    secrets = QUOTING_SECRETS
    text = "x" * offset + f"X-TimeTrack-Api-Secret: {secrets.secret} key {secrets.key}"
    answers = {
        "vendor": Canned.error(status, "Bad request", text),
        "message": Canned.json({"message": text}, status=status),
        "plain text": Canned(status, text.encode(), "text/plain"),
    }
    QUOTING_PLAN.set(Rule(answers[shape]))
    try:
        with (
            TimeTrackClient(
                quoting_server.base_url, Credentials(secrets.key, secrets.secret)
            ) as client,
            pytest.raises(TimeTrackError) as caught_error,
        ):
            client.create_attendance(
                AttendanceDraft(user=USER, start=MORNING, end=MORNING + timedelta(hours=1))
            )
    finally:
        QUOTING_PLAN.clear()

    error = caught_error.value
    texts = [str(error), repr(error), error.server_says]
    texts += [str(message) for message in getattr(error, "messages", ())]
    if status != 401:  # what the server said is quoted (and the secret cut out of it)
        assert "X-TimeTrack-Api-Secret: <hidden>" in error.server_says or offset >= 250
    for text_shown in texts:
        secrets.assert_absent("the error", text_shown)
        for value in (secrets.key, secrets.secret):
            assert value[:8] not in text_shown  # not even the start of it
