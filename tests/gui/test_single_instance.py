"""One window per user session: the second start finds the first and asks it to show."""

from __future__ import annotations

import getpass
import hashlib
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from pytestqt.qtbot import QtBot

from tests.gui.helpers import WAIT, emissions
from timeclock.gui.single_instance import SingleInstance, instance_name
from timeclock.store.paths import config_dir


@pytest.fixture
def instance() -> Iterator[Callable[[str], SingleInstance]]:
    """Makes instances; every one is released after the test."""
    made: list[SingleInstance] = []

    def make(mode: str) -> SingleInstance:
        made.append(SingleInstance(mode))
        return made[-1]

    yield make
    for each in made:
        each.release()


def test_the_first_claim_wins_and_a_second_asks_it_to_show(
    qtbot: QtBot, instance: Callable[[str], SingleInstance]
) -> None:
    first = instance("app")
    assert first.claim()
    second = instance("app")
    with qtbot.waitSignal(first.activated, timeout=WAIT):
        assert not second.claim()


def test_every_later_start_raises_the_window_again(
    qtbot: QtBot, instance: Callable[[str], SingleInstance]
) -> None:
    first = instance("app")
    assert first.claim()
    activated = emissions(first.activated)
    for expected in (1, 2, 3):
        assert not instance("app").claim()
        qtbot.waitUntil(lambda n=expected: len(activated) == n, timeout=WAIT)


def test_the_demo_and_the_app_do_not_collide(
    qtbot: QtBot, instance: Callable[[str], SingleInstance]
) -> None:
    app = instance("app")
    demo = instance("demo")
    assert app.name != demo.name
    app_activated = emissions(app.activated)
    assert app.claim()
    assert demo.claim()
    with qtbot.waitSignal(demo.activated, timeout=WAIT):
        assert not instance("demo").claim()
    assert app_activated == []


def test_release_frees_the_name(instance: Callable[[str], SingleInstance]) -> None:
    first = instance("app")
    assert first.claim()
    first.release()
    probe = QLocalSocket()
    probe.connectToServer(first.name)
    assert not probe.waitForConnected(200)  # nobody listens any more
    assert instance("app").claim()
    first.release()  # releasing twice is harmless


def test_a_connection_that_says_nothing_does_not_raise_the_window(
    qtbot: QtBot, instance: Callable[[str], SingleInstance]
) -> None:
    first = instance("app")
    assert first.claim()
    activated = emissions(first.activated)
    stranger = QLocalSocket()
    stranger.connectToServer(first.name)
    assert stranger.waitForConnected(WAIT)
    stranger.write(b"hello\n")
    assert stranger.waitForBytesWritten(WAIT)
    stranger.disconnectFromServer()
    # A real start after it still gets through, and only that one raises the window.
    with qtbot.waitSignal(first.activated, timeout=WAIT):
        assert not instance("app").claim()
    assert len(activated) == 1


def test_the_name_depends_on_the_config_folder_and_the_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIMECLOCK_CONFIG_DIR", str(tmp_path / "one"))
    one_app, one_demo = instance_name("app"), instance_name("demo")
    assert instance_name("app") == one_app  # stable
    monkeypatch.setenv("TIMECLOCK_CONFIG_DIR", str(tmp_path / "two"))
    two_app = instance_name("app")
    assert len({one_app, one_demo, two_app}) == 3
    assert Path(one_app).name.startswith("timeclock-")
    assert str(tmp_path) not in one_app  # the config folder is hashed (length limits)


def test_two_config_folders_run_side_by_side(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, instance: Callable[[str], SingleInstance]
) -> None:
    monkeypatch.setenv("TIMECLOCK_CONFIG_DIR", str(tmp_path / "one"))
    assert instance("app").claim()
    monkeypatch.setenv("TIMECLOCK_CONFIG_DIR", str(tmp_path / "two"))
    assert instance("app").claim()


# -- where the socket is: a folder only this user can enter ----------------------------------


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_the_socket_is_a_full_path_in_the_private_runtime_folder(
    private_runtime_folder: Path, instance: Callable[[str], SingleInstance]
) -> None:
    first = instance("app")
    assert Path(first.name).parent == private_runtime_folder / "TimeClock"
    assert mode_of(private_runtime_folder / "TimeClock") == 0o700
    assert first.claim()
    assert stat.S_ISSOCK(Path(first.name).lstat().st_mode)


def test_a_squatter_on_the_old_name_in_tmp_cannot_stop_the_start(
    qtbot: QtBot, instance: Callable[[str], SingleInstance]
) -> None:
    """Anyone could listen on the name earlier versions used (a file in /tmp) first."""
    key = f"{getpass.getuser()}|{config_dir()}|app".encode()
    squatter = QLocalServer()
    squatter.listen("timeclock-" + hashlib.sha256(key).hexdigest()[:16])
    assert squatter.isListening()
    try:
        first = instance("app")
        assert first.claim()  # the first instance, not sent away by the squatter
        with qtbot.waitSignal(first.activated, timeout=WAIT):
            assert not instance("app").claim()
        assert not squatter.hasPendingConnections()
    finally:
        squatter.close()


def test_without_a_runtime_folder_a_private_one_in_the_cache_folder_is_used(
    private_runtime_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    instance: Callable[[str], SingleInstance],
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    folder = private_runtime_folder / "cache" / "TimeClock" / "instance"
    first = instance("app")
    assert Path(first.name).parent == folder
    assert mode_of(folder) == 0o700
    assert first.claim()
    assert not instance("app").claim()


@pytest.mark.parametrize("how", ["open-to-others", "symlink"])
def test_a_runtime_folder_that_is_not_private_is_not_used(
    private_runtime_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    instance: Callable[[str], SingleInstance],
    how: str,
) -> None:
    public = private_runtime_folder / "public"
    public.mkdir()
    public.chmod(0o777)
    if how == "open-to-others":
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(public))
    else:  # the app's folder in the runtime folder leads somewhere else
        (private_runtime_folder / "TimeClock").symlink_to(public)
    first = instance("app")
    assert Path(first.name).parent == private_runtime_folder / "cache" / "TimeClock" / "instance"
    assert first.claim()
    assert list(public.iterdir()) == []


def test_a_stale_file_at_the_socket_path_does_not_stop_the_start(
    instance: Callable[[str], SingleInstance],
) -> None:
    first = instance("app")
    Path(first.name).parent.mkdir(parents=True, exist_ok=True)
    Path(first.name).write_text("left over")
    assert first.claim()
    assert stat.S_ISSOCK(Path(first.name).lstat().st_mode)
