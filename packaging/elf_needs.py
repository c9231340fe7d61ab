"""What the bundle's programs and libraries need from the system they run on: the shared
libraries they link to that the bundle does not carry, and the newest glibc symbol
version any of them asks for (the oldest glibc the bundle runs with)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

_NEEDED = re.compile(r"^\s*NEEDED\s+(\S+)$", re.MULTILINE)
_GLIBC = re.compile(r"\bGLIBC_(\d+(?:\.\d+)+)\b")


@dataclass(frozen=True)
class SystemNeeds:
    """The libraries from the system (sonames) and the oldest glibc that will do."""

    libraries: frozenset[str]
    glibc: str


def tool(name: str) -> str:
    """The full path of the program ``name`` (binutils, dpkg), or a stop saying it lacks."""
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if found is None:
        raise SystemExit(f"{name} not found (Debian: apt-get install binutils dpkg)")
    return found


def elf_files(folder: Path) -> list[Path]:
    """Every ELF file under ``folder`` (symbolic links left out)."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as file:
            if file.read(4) == b"\x7fELF":
                found.append(path)
    return found


def system_needs(bundle: Path) -> SystemNeeds:
    """What the ELF files in ``bundle`` take from the system (read with ``objdump -p``)."""
    carried = {path.name for path in bundle.rglob("*")}
    needed: set[str] = set()
    newest = (2, 0)
    for path in elf_files(bundle):
        report = subprocess.run(
            [tool("objdump"), "-p", str(path)], check=True, capture_output=True, text=True
        ).stdout
        needed.update(_NEEDED.findall(report))
        for text in _GLIBC.findall(report):
            newest = max(newest, tuple(int(part) for part in text.split(".")))
    return SystemNeeds(
        libraries=frozenset(needed - carried),
        glibc=".".join(str(part) for part in newest),
    )


def library_paths() -> dict[str, str]:
    """The system's shared libraries by soname, as ``ldconfig -p`` lists them (x86-64)."""
    listing = subprocess.run(
        [tool("ldconfig"), "-p"], check=True, capture_output=True, text=True
    ).stdout
    paths: dict[str, str] = {}
    for line in listing.splitlines()[1:]:
        name, _, rest = line.strip().partition(" (")
        if "x86-64" in rest or "x86_64" in rest:
            paths.setdefault(name, rest.rpartition("=> ")[2])
    return paths


def debian_packages(sonames: frozenset[str]) -> dict[str, str]:
    """The Debian package that ships each soname here (``dpkg -S``)."""
    paths = library_paths()
    owners = {}
    for soname in sorted(sonames):
        path = paths.get(soname)
        if path is None:
            raise SystemExit(f"{soname}: the bundle links to it but this system lacks it")
        owners[soname] = _owner(path)
    return owners


def _owner(path: str) -> str:
    candidates = [path, str(Path(path).resolve())]
    candidates += [c.replace("/usr/lib/", "/lib/", 1) for c in candidates]
    for candidate in candidates:
        found = subprocess.run(
            [tool("dpkg"), "-S", candidate], check=False, capture_output=True, text=True
        )
        if found.returncode == 0:
            return found.stdout.split(":", 1)[0].strip()
    raise SystemExit(f"{path}: no Debian package owns it")
