"""Build TimeClock for people who do not run pip: one command, from a clean checkout.

    pip install -e ".[package]"    # PyInstaller
    python packaging/build.py      # into dist/ (builds in build/)

On Linux: the one-folder bundle ``dist/timeclock/``, ``dist/timeclock-<version>-linux-x86_64
.tar.gz`` and ``dist/timeclock_<version>_amd64.deb``. On Windows and macOS (untested): the
bundle (with ``TimeClock.app`` on macOS) from the same spec. See packaging/README.md.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from project import NAME, PACKAGING, ROOT, platform_tag, version

SPEC = PACKAGING / "timeclock.spec"


def run_pyinstaller(dist: Path, work: Path) -> Path:
    """The one-folder bundle ``dist/timeclock``."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work / "pyinstaller"),
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )
    return dist / NAME


def write_tarball(bundle: Path, target: Path) -> Path:
    """``bundle`` as a gzipped tar with its folder name at the top, owned by root."""

    def as_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=bundle.name, filter=as_root)
    return target


def main(argv: list[str] | None = None) -> int:
    """Build everything this platform can build; print what came out."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="build folder")
    parser.add_argument(
        "--xz",
        action="store_true",
        help="compress the .deb with xz: 20%% smaller, 70 s instead of 3 s (for releases)",
    )
    options = parser.parse_args(argv)
    dist, work = options.dist.resolve(), options.work.resolve()
    the_version = version()
    started = time.monotonic()
    bundle = run_pyinstaller(dist, work)
    print(f"bundle in {time.monotonic() - started:.0f} s")
    made = [bundle]
    if sys.platform.startswith("linux"):
        from deb import build_deb  # noqa: PLC0415 - Linux only
        from elf_needs import system_needs  # noqa: PLC0415

        tarball = dist / f"{NAME}-{the_version}-{platform_tag()}.tar.gz"
        made.append(write_tarball(bundle, tarball))
        print(f"tarball after {time.monotonic() - started:.0f} s")
        if shutil.which("dpkg-deb"):
            needs = system_needs(bundle)
            compression = "xz" if options.xz else "zstd"
            made.append(build_deb(bundle, the_version, needs, work, dist, compression=compression))
            print(f"needs glibc {needs.glibc} or later")
        else:
            print("dpkg-deb not found: no .deb", file=sys.stderr)
    for path in made:
        size = (
            sum(p.lstat().st_size for p in path.rglob("*"))
            if path.is_dir()
            else path.stat().st_size
        )
        print(f"{path.relative_to(dist.parent)}  {size / 1e6:.0f} MB")
    print(f"TimeClock {the_version} built in {time.monotonic() - started:.0f} s")
    return 0


def _run() -> int:
    """:func:`main`, with a failed step told in one line (its own output came before)."""
    try:
        return main()
    except subprocess.CalledProcessError as error:
        command = " ".join(str(part) for part in error.cmd[:3])
        print(f"build.py: {command} … failed (exit status {error.returncode})", file=sys.stderr)
    except OSError as error:
        print(f"build.py: {error}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(_run())
