"""The version resource of ``timeclock.exe`` (Explorer's Details tab). Untested here: it
follows PyInstaller's ``versioninfo`` classes as documented."""

from __future__ import annotations

from typing import Any

from project import NAME, SUMMARY


def version_info(version: str) -> Any:
    """A ``VSVersionInfo`` for ``version`` (``1.2.3``, padded to four numbers)."""
    from PyInstaller.utils.win32.versioninfo import (  # noqa: PLC0415 - Windows builds only
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = [int(part) for part in version.split(".")[:4] if part.isdigit()]
    numbers = [*numbers, 0, 0, 0, 0][:4]
    strings = [
        StringStruct("CompanyName", "TimeClock contributors"),
        StringStruct("FileDescription", SUMMARY),
        StringStruct("FileVersion", version),
        StringStruct("InternalName", NAME),
        StringStruct("LegalCopyright", "MIT License, TimeClock contributors"),
        StringStruct("OriginalFilename", f"{NAME}.exe"),
        StringStruct("ProductName", "TimeClock"),
        StringStruct("ProductVersion", version),
    ]
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=tuple(numbers), prodvers=tuple(numbers)),
        kids=[
            StringFileInfo([StringTable("040904B0", strings)]),
            VarFileInfo([VarStruct("Translation", [0x0409, 1200])]),
        ],
    )
