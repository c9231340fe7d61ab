"""The Debian package: the bundle under ``/opt/timeclock``, ``/usr/bin/timeclock``, the
desktop file, the AppStream metainfo and the hicolor icons, built with ``dpkg-deb``.

No maintainer scripts: Debian's and Ubuntu's desktop-file-utils, hicolor-icon-theme and
AppStream packages watch ``/usr/share/applications``, ``/usr/share/icons/hicolor`` and
``/usr/share/metainfo`` with dpkg triggers and refresh their caches themselves.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from elf_needs import SystemNeeds, debian_packages, tool
from icons import write_hicolor
from project import APP_ID, HOMEPAGE, MAINTAINER, NAME, ROOT, SHARE, SUMMARY

INSTALL_DIR = Path("opt") / NAME
DESCRIPTION = """\
 TimeClock is a desk time clock for companies that keep their working hours in
 TimeTrack: employees clock in, take breaks and clock out with one click or one
 command, list their attendance with date filters and totals, and managers
 correct anyone's entries. Changes made while TimeTrack cannot be reached wait
 on this computer and are sent later. German and English.
 .
 This package carries TimeClock with its own Python and Qt under /opt/timeclock."""


def deb_name(version: str) -> str:
    """``timeclock_<version>_amd64.deb``."""
    return f"{NAME}_{version}_amd64.deb"


def depends(needs: SystemNeeds) -> str:
    """The ``Depends`` field: the packages of the system libraries the bundle links to,
    glibc at least as new as the newest symbol version the bundle asks for."""
    packages = set(debian_packages(needs.libraries).values())
    packages.discard("libc6")
    return ", ".join([f"libc6 (>= {needs.glibc})", *sorted(packages)])


def control(version: str, installed_kib: int, needs: SystemNeeds) -> str:
    """``DEBIAN/control``."""
    return (
        f"Package: {NAME}\n"
        f"Version: {version}\n"
        "Architecture: amd64\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {depends(needs)}\n"
        "Section: utils\n"
        "Priority: optional\n"
        f"Homepage: {HOMEPAGE}\n"
        f"Description: {SUMMARY}\n"
        f"{DESCRIPTION}\n"
    )


def build_deb(
    bundle: Path,
    version: str,
    needs: SystemNeeds,
    work: Path,
    out: Path,
    *,
    compression: str = "zstd",
) -> Path:
    """Lay out the package's tree in ``work`` and build it into ``out`` (a folder).

    ``compression``: ``zstd`` (level 9: 55 MB in 3 s here) or ``xz`` (dpkg's default:
    45 MB in about 70 s). Every dpkg that can run the bundle (glibc 2.36 and later:
    Debian 12, Ubuntu 23.04) reads both.
    """
    tree = work / "deb"
    shutil.rmtree(tree, ignore_errors=True)
    shutil.copytree(bundle, tree / INSTALL_DIR, symlinks=True)
    (tree / "usr" / "bin").mkdir(parents=True)
    (tree / "usr" / "bin" / NAME).symlink_to(Path("/") / INSTALL_DIR / NAME)
    share = tree / "usr" / "share"
    for folder, name in (
        ("applications", f"{APP_ID}.desktop"),
        ("metainfo", f"{APP_ID}.metainfo.xml"),
    ):
        (share / folder).mkdir(parents=True)
        shutil.copyfile(SHARE / name, share / folder / name)
    write_hicolor(share)
    doc = share / "doc" / NAME
    doc.mkdir(parents=True)
    shutil.copyfile(ROOT / "LICENSE", doc / "copyright")
    for path in tree.rglob("*"):  # dpkg wants no group- or world-writable files
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or path.stat().st_mode & 0o111 else 0o644)
    installed = sum(path.lstat().st_size for path in tree.rglob("*") if not path.is_dir())
    (tree / "DEBIAN").mkdir()
    (tree / "DEBIAN" / "control").write_text(
        control(version, (installed + 1023) // 1024, needs), encoding="utf-8"
    )
    target = out / deb_name(version)
    subprocess.run(
        [
            tool("dpkg-deb"),
            "--root-owner-group",
            f"-Z{compression}",
            "-z9" if compression == "zstd" else "-z6",
            "--build",
            str(tree),
            str(target),
        ],
        check=True,
        capture_output=True,
    )
    return target
