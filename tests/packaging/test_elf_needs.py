"""What a bundle takes from the system (packaging/elf_needs.py) and the .deb's fields
made from it (packaging/deb.py), on a folder with one real program."""

from __future__ import annotations

import shutil
from pathlib import Path

from deb import control, depends
from elf_needs import SystemNeeds, elf_files, system_needs
from project import version

from timeclock import __version__


def test_a_program_needs_the_libraries_the_folder_lacks_and_a_glibc(tmp_path: Path) -> None:
    program = shutil.which("ls")
    assert program
    shutil.copy(program, tmp_path / "ls")
    (tmp_path / "notes.txt").write_text("not an ELF file")
    (tmp_path / "link").symlink_to(tmp_path / "ls")

    needs = system_needs(tmp_path)

    assert elf_files(tmp_path) == [tmp_path / "ls"]
    assert "libc.so.6" in needs.libraries
    assert tuple(map(int, needs.glibc.split("."))) >= (2, 3)


def test_a_library_the_folder_carries_is_not_needed_from_the_system(tmp_path: Path) -> None:
    program = shutil.which("ls")
    assert program
    shutil.copy(program, tmp_path / "ls")
    (tmp_path / "libc.so.6").write_text("carried")

    assert "libc.so.6" not in system_needs(tmp_path).libraries


def test_depends_names_glibc_first_with_its_version_then_the_packages() -> None:
    needs = SystemNeeds(frozenset({"libc.so.6", "libxcb.so.1", "libGL.so.1"}), "2.36")

    assert depends(needs) == "libc6 (>= 2.36), libgl1, libxcb1"
    fields = control(version(), 1234, needs)
    assert fields.startswith(f"Package: timeclock\nVersion: {__version__}\nArchitecture: amd64\n")
    assert "\nInstalled-Size: 1234\n" in fields
    assert "\nDepends: libc6 (>= 2.36), libgl1, libxcb1\n" in fields
    assert fields.endswith("/opt/timeclock.\n")
    # Every line of the long description starts with a space, an empty one is " ."
    description = fields.split("\nDescription: ", 1)[1].splitlines()[1:]
    assert description and all(line.startswith(" ") for line in description)
