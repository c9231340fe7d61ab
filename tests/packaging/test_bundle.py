"""The installable TimeClock (issue #12): ``packaging/build.py`` builds the one-folder
bundle, the tarball and the ``.deb`` from this checkout once for the module (about two
minutes on a two-core machine), and the tests run what came out as a person would: the
bundle's command line, its window on a real X server in German, the package's contents
and the program from the package's unpacked tree, and the two desktop validators.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.system.processes import Environment, alarming_lines, require
from tests.system.processes import wait_until as wait_for
from tests.system.servers import Launch, XServer
from tests.system.test_window_on_x import Screen
from timeclock import __version__
from timeclock.store.settings import Settings, save_settings

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(600)]

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.timeclock.TimeClock"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
BUILD_SECONDS = 540.0
RUN_SECONDS = 60.0
START_SECONDS = 40.0


@dataclass(frozen=True)
class Built:
    """What ``packaging/build.py`` made."""

    dist: Path
    output: str

    @property
    def bundle(self) -> Path:
        return self.dist / "timeclock"

    @property
    def program(self) -> Path:
        return self.bundle / "timeclock"

    @property
    def tarball(self) -> Path:
        return self.dist / f"timeclock-{__version__}-linux-x86_64.tar.gz"

    @property
    def deb(self) -> Path:
        return self.dist / f"timeclock_{__version__}_amd64.deb"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The build, once for the module, into a tmp ``dist`` (the checkout's stays as it is)."""
    folder = tmp_path_factory.mktemp("packaging")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--dist",
            str(folder / "dist"),
            "--work",
            str(folder / "build"),
        ],
        capture_output=True,
        text=True,
        timeout=BUILD_SECONDS,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, f"build failed:\n{done.stdout}\n{done.stderr[-6000:]}"
    return Built(folder / "dist", done.stdout)


def run(program: Path, *args: str, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args],
        capture_output=True,
        text=True,
        timeout=RUN_SECONDS,
        env=dict(env),
        check=False,
        stdin=subprocess.DEVNULL,
    )


def check_command_line(program: Path, env: Mapping[str, str]) -> None:
    """``--version`` and the demo's list of last month, and German where the locale is."""
    version = run(program, "--version", env=env)
    assert (version.returncode, version.stdout, version.stderr) == (
        0,
        f"timeclock {__version__}\n",
        "",
    )
    listed = run(program, "--demo", "list", "--range", "last-month", env=env)
    assert listed.returncode == 0, listed.stderr
    assert re.search(r"^\d+ entries on \d+ days: worked \d+:\d\d h", listed.stdout, re.MULTILINE)
    assert "time clock" in listed.stdout  # the demo's entries, with their source
    assert "the demo keeps its data in" in listed.stderr
    german = run(program, "--demo", "status", env={**env, "LC_ALL": "de_DE.UTF-8"})
    assert german.returncode == 0, german.stderr
    assert "Heute:" in german.stdout


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def validate(*command: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=RUN_SECONDS, check=False)
    assert done.returncode == 0, f"{command[0]}:\n{done.stdout}{done.stderr}"


# -- one version ----------------------------------------------------------------------------


def test_the_metainfo_release_is_the_package_version() -> None:
    metainfo = ROOT / "timeclock" / "share" / f"{APP_ID}.metainfo.xml"
    root = ElementTree.parse(metainfo).getroot()
    releases = [release.get("version") for release in root.iter("release")]

    assert releases[0] == __version__
    assert f"## {__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


# -- the bundle -----------------------------------------------------------------------------


def test_the_bundle_runs_its_command_line_and_says_its_version(
    built: Built, child_env: Environment
) -> None:
    check_command_line(built.program, child_env)
    assert f"TimeClock {__version__} built in" in built.output

    # From the tarball, too, TimeClock goes into the menu: the entry starts the bundle.
    installed = run(built.program, "desktop", "install", env=child_env)
    assert installed.returncode == 0, installed.stderr
    entry = Path(child_env["XDG_DATA_HOME"]) / "applications" / f"{APP_ID}.desktop"
    assert f"\nExec={built.program.resolve()}\n" in entry.read_text(encoding="utf-8")


def test_the_bundle_carries_the_translations_and_icons_and_leaves_out_what_is_not_needed(
    built: Built,
) -> None:
    internal = built.bundle / "_internal"
    files = {path.relative_to(internal).as_posix() for path in internal.rglob("*")}

    assert "timeclock/gui/translations/timeclock_de.qm" in files
    assert "timeclock/gui/icons/timeclock.svg" in files
    assert f"timeclock/share/{APP_ID}.desktop" in files
    assert f"timeclock-{__version__}.dist-info/licenses/LICENSE" in files
    assert "PySide6/Qt/translations/qtbase_de.qm" in files
    assert "PySide6/Qt/plugins/platforms/libqxcb.so" in files
    assert "PySide6/Qt/plugins/platforms/libqwayland.so" in files
    assert "PySide6/Qt/plugins/iconengines/libqsvgicon.so" in files
    left_out = {
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "libgtk-3.so.0",
        "libcairo.so.2",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/translations/qtbase_fr.qm",
    }
    assert left_out & files == set()
    dangling = [path for path in internal.rglob("*") if path.is_symlink() and not path.exists()]
    assert dangling == []
    for binary in (built.program, internal / "libpython3.11.so.1.0"):  # stripped
        sections = subprocess.run(
            ["readelf", "-S", "--wide", str(binary)], capture_output=True, text=True, check=True
        ).stdout
        assert ".symtab" not in sections, binary


def test_the_bundles_window_speaks_german_and_shows_its_icon(
    built: Built,
    tmp_path: Path,
    child_env: Environment,
    start_x_server: Callable[[], XServer],
    launch: Launch,
) -> None:
    """The settings dialog's title is German only with the bundled .qm files, and the
    window has an icon (_NET_WM_ICON) only with the bundled SVG and Qt's SVG plugins (both
    checked to fail with those files deleted from the bundle)."""
    tools = require("Xvfb", "xdotool", "import", "xprop")
    x_server = start_x_server()
    env = x_server.qt_env(child_env, tmp_path)
    save_settings(Settings(language="de"), Path(env["TIMECLOCK_CONFIG_DIR"]) / "settings.json")
    screen = Screen(env, tools)
    app = launch("bundle", [str(built.program), "--demo"], env=env)

    def shown(title: str) -> Callable[[], str | None]:
        def window() -> str | None:
            if not app.running():
                pytest.fail(f"the bundle's window ended early\n{app.report()}", pytrace=False)
            windows = screen.visible_windows(app.pid, title)
            return windows[0] if windows else None

        return window

    window = wait_for(shown("TimeClock"), START_SECONDS, "the window", details=app.report)
    icon = subprocess.run(
        [
            tools["xprop"],
            "-id",
            window,
            "-notype",
            "_NET_WM_ICON",
            "WM_CLASS",
            "_KDE_NET_WM_DESKTOP_FILE",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_SECONDS,
        check=False,
    ).stdout
    assert "_NET_WM_ICON:  not found" not in icon
    assert "Icon (64 x 64)" in icon
    assert 'WM_CLASS = "timeclock", "TimeClock"' in icon  # the desktop file's StartupWMClass
    # setDesktopFileName, which Wayland's app id and the desktops' icon lookup follow.
    assert f'_KDE_NET_WM_DESKTOP_FILE = "{APP_ID}"' in icon

    screen.type_into(window, "ctrl+comma")
    settings = wait_for(
        shown("Einstellungen"), START_SECONDS, "the settings titled in German", details=app.report
    )
    screen.save(settings, tmp_path / "bundle-settings-de.png")
    screen.type_into(settings, "Escape")
    screen.type_into(window, "ctrl+q")
    assert app.wait(START_SECONDS) == 0, app.report()
    assert "Cannot open file" not in app.stderr()
    assert alarming_lines(app.stderr()) == []


# -- the tarball and the Debian package -----------------------------------------------------


def test_the_tarball_holds_the_bundle_owned_by_root(built: Built) -> None:
    with tarfile.open(built.tarball) as archive:
        members = {member.name: member for member in archive.getmembers()}

    program = members["timeclock/timeclock"]
    assert program.mode & 0o111 and (program.uid, program.gid) == (0, 0)
    assert "timeclock/_internal/timeclock/gui/translations/timeclock_de.qm" in members
    assert len(members) > 150


def test_the_deb_says_what_it_is_and_what_it_needs(built: Built) -> None:
    info = subprocess.run(
        ["dpkg-deb", "-I", str(built.deb)], capture_output=True, text=True, check=True
    ).stdout
    fields = dict(re.findall(r"^ ([A-Z][\w-]+): (.*)$", info, re.MULTILINE))

    assert fields["Package"] == "timeclock"
    assert fields["Version"] == __version__
    assert fields["Architecture"] == "amd64"
    assert fields["Maintainer"].startswith("TimeClock contributors <")
    assert fields["Description"]
    depends = fields["Depends"].split(", ")
    assert re.fullmatch(r"libc6 \(>= 2\.\d+\)", depends[0])
    assert {"libxcb1", "libgl1", "libegl1"} <= set(depends)
    files = [path for path in built.bundle.rglob("*") if not path.is_dir()]
    bundle_kib = sum(path.lstat().st_size for path in files) / 1024
    assert bundle_kib < int(fields["Installed-Size"]) < bundle_kib * 1.05
    # No maintainer scripts: dpkg triggers refresh the menu and icon caches.
    assert not re.search(r"\b(postinst|postrm|preinst|prerm)\b", info)


def test_the_deb_installs_the_program_menu_entry_metainfo_and_icons(
    built: Built, tmp_path: Path, child_env: Environment
) -> None:
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(built.deb)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(
        r"^lrwxrwxrwx root/root .* \./usr/bin/timeclock -> /opt/timeclock/timeclock$",
        listing,
        re.MULTILINE,
    )
    assert re.search(r"^-rwxr-xr-x root/root .* \./opt/timeclock/timeclock$", listing, re.MULTILINE)
    assert " ./usr/share/doc/timeclock/copyright" in listing

    tree = tmp_path / "unpacked"
    subprocess.run(["dpkg-deb", "-x", str(built.deb), str(tree)], check=True)
    share = tree / "usr" / "share"
    for size in ICON_SIZES:
        png = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(png.read_bytes()) == (size, size)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (ROOT / "timeclock" / "share" / f"{APP_ID}.svg").read_bytes()
    desktop_file = share / "applications" / f"{APP_ID}.desktop"
    assert "\nExec=timeclock\n" in desktop_file.read_text(encoding="utf-8")

    check_command_line(tree / "opt" / "timeclock" / "timeclock", child_env)

    tools = require("desktop-file-validate", "appstreamcli")
    validate(tools["desktop-file-validate"], str(desktop_file))
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    validate(tools["appstreamcli"], "validate", "--no-net", str(metainfo))
    release = ElementTree.parse(metainfo).getroot().find("releases/release")
    assert release is not None and release.get("version") == __version__


# -- the wheel ------------------------------------------------------------------------------


def test_the_wheel_carries_the_desktop_file_metainfo_icon_and_license(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=BUILD_SECONDS,
    )
    (wheel,) = tmp_path.glob("timeclock-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())

    assert {
        f"timeclock/share/{APP_ID}.desktop",
        f"timeclock/share/{APP_ID}.metainfo.xml",
        f"timeclock/share/{APP_ID}.svg",
        "timeclock/gui/translations/timeclock_de.qm",
        f"timeclock-{__version__}.dist-info/licenses/LICENSE",
    } <= names
