"""The log file: private, rotated at its size, and never holding a registered secret."""

from __future__ import annotations

import logging
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeclock.store import logfile
from timeclock.store.logfile import (
    BACKUP_COUNT,
    HIDDEN,
    LOG_NAME,
    MAX_BYTES,
    SecretFilter,
    close_log,
    current_log,
    hide_secrets,
    log_path,
    open_log,
    register_secret,
)
from timeclock.store.paths import data_dir

KEY = "k3y-4f1c9e"
SECRET = "s3cr3t-77ab01"
log = logging.getLogger("tests.store.logfile")


@pytest.fixture(autouse=True)
def fresh_log(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No secret known yet, and no log file left open after the test."""
    monkeypatch.setattr(logfile, "_secrets", ())
    yield
    close_log()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def written() -> str:
    path = current_log()
    assert path is not None
    return path.read_text(encoding="utf-8")


def test_the_log_file_is_in_the_data_folder_and_private() -> None:
    path = open_log()

    assert path == log_path() == data_dir() / LOG_NAME
    assert current_log() == path
    assert path.is_file()
    if sys.platform != "win32":
        assert mode(path) == 0o600
        assert mode(path.parent) == 0o700


def test_info_by_default_debug_when_verbose() -> None:
    open_log()
    log.debug("a detail")
    log.info("a step")
    assert "a step" in written()
    assert "a detail" not in written()

    open_log(verbose=True)
    log.debug("another detail")
    assert "DEBUG tests.store.logfile [" in written()
    assert "another detail" in written()


def test_a_line_names_time_level_logger_and_process() -> None:
    open_log()
    log.warning("held: %s", "the entry overlaps another")

    (line,) = written().splitlines()
    date, time, level, name, process, *message = line.split(" ")
    assert len(date) == 10 and len(time) == 13  # 2026-03-10 08:00:00+0100
    assert (level, name) == ("WARNING", "tests.store.logfile")
    assert process.startswith("[") and process.endswith("]:")
    assert " ".join(message) == "held: the entry overlaps another"


def test_registered_secrets_are_hidden_in_message_args_exception_and_stack() -> None:
    register_secret(KEY)
    register_secret(f"  {SECRET}\n")  # as typed: Credentials strips it too
    open_log(verbose=True)

    log.info(f"key {KEY} in the message")
    log.info("secret %s in the arguments, %r too", SECRET, {"X-Api-Secret": SECRET})
    try:
        raise RuntimeError(f"the server said: {KEY}/{SECRET}")
    except RuntimeError:
        log.exception("failed")
    log.debug("with a stack", stack_info=True, extra={"unused": SECRET})

    text = written()
    assert KEY not in text
    assert SECRET not in text
    assert f"key {HIDDEN} in the message" in text
    assert f"secret {HIDDEN} in the arguments, {{'X-Api-Secret': '{HIDDEN}'}} too" in text
    assert f"RuntimeError: the server said: {HIDDEN}/{HIDDEN}" in text
    assert "Traceback (most recent call last)" in text
    assert "Stack (most recent call last)" in text


def test_the_filter_changes_the_record_for_handlers_after_it() -> None:
    register_secret(SECRET)
    record = log.makeRecord(log.name, logging.INFO, __file__, 1, "x=%s", (SECRET,), None)

    assert SecretFilter().filter(record)
    assert record.getMessage() == f"x={HIDDEN}"


def test_a_secret_inside_another_is_never_half_hidden() -> None:
    register_secret("abc")
    register_secret("xxabcxx")

    assert hide_secrets("xxabcxx and abc") == f"{HIDDEN} and {HIDDEN}"


def test_an_empty_secret_hides_nothing() -> None:
    register_secret("")
    register_secret("   ")

    assert hide_secrets("nothing to hide") == "nothing to hide"


def test_arguments_that_do_not_fit_are_still_kept_without_the_secret() -> None:
    register_secret(SECRET)
    record = log.makeRecord(log.name, logging.INFO, __file__, 1, "two %s %s", (SECRET,), None)

    assert SecretFilter().filter(record)
    assert record.getMessage() == f"two %s %s ('{HIDDEN}',)"


def test_the_file_rotates_at_its_size_and_keeps_three_old_files() -> None:
    path = open_log()
    assert path is not None
    line = "x" * 999  # with its prefix, about 1060 bytes a line
    for _ in range((BACKUP_COUNT + 2) * MAX_BYTES // 1000):
        log.info(line)

    files = sorted(path.parent.glob(f"{LOG_NAME}*"))
    assert [file.name for file in files] == [
        LOG_NAME,
        *(f"{LOG_NAME}.{number}" for number in range(1, BACKUP_COUNT + 1)),
    ]
    assert all(file.stat().st_size <= MAX_BYTES for file in files)
    assert all(file.stat().st_size > MAX_BYTES * 0.9 for file in files[1:])
    if sys.platform != "win32":
        assert [mode(file) for file in files] == [0o600] * len(files)


def test_an_older_open_log_file_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    (folder / LOG_NAME).write_text("from an earlier version\n", encoding="utf-8")
    (folder / LOG_NAME).chmod(0o644)

    open_log(folder=folder)

    assert mode(folder / LOG_NAME) == 0o600
    assert written().startswith("from an earlier version\n")


def test_a_folder_that_cannot_be_made_means_no_log_file_and_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")

    assert open_log(folder=blocker / "data") is None
    assert current_log() is None
    log.warning("still fine")  # no handler error, nothing on stderr from logging


def test_opening_again_replaces_the_handler_and_closing_removes_it() -> None:
    root = logging.getLogger()
    before = len(root.handlers)
    open_log()
    open_log(verbose=True)
    assert len(root.handlers) == before + 1

    close_log()
    assert len(root.handlers) == before
    assert current_log() is None
