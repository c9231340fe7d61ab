"""What the bundle leaves out of what PyInstaller's Qt hooks collect.

The hooks take every plugin of each type a Qt module may use, and with each plugin the
shared libraries it links to. TimeClock is a widgets window on X11 or Wayland: it needs
the xcb, Wayland and offscreen platforms, the SVG icon engine and image format, the input
methods (compose, IBus) and the desktop portal's theme. It does not need Qt's GTK3 theme
(alone about 38 GTK, cairo and pango libraries, 20 MB), the embedded-display platforms
(EGLFS, LinuxFB, VNC, KMS), evdev input, network information and TLS (a local socket and
httpx's own TLS are all TimeClock uses of the network in Qt), or the other image formats.
A library is dropped only when nothing that stays links to it.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

# (destination in the bundle, source, PyInstaller's type code)
Entry = tuple[str, str, str]

_PLUGINS = "PySide6/Qt/plugins/"
UNNEEDED = tuple(
    _PLUGINS + pattern
    for pattern in (
        "platformthemes/libqgtk3.so",
        "platforms/libqeglfs.so",
        "platforms/libqlinuxfb.so",
        "platforms/libqminimal.so",
        "platforms/libqminimalegl.so",
        "platforms/libqvkkhrdisplay.so",
        "platforms/libqvnc.so",
        "egldeviceintegrations/*",
        "generic/*",
        "networkinformation/*",
        "tls/*",
        "wayland-graphics-integration-server/*",
        "imageformats/libqgif.so",
        "imageformats/libqicns.so",
        "imageformats/libqico.so",
        "imageformats/libqjpeg.so",
        "imageformats/libqpdf.so",
        "imageformats/libqtga.so",
        "imageformats/libqtiff.so",
        "imageformats/libqwbmp.so",
        "imageformats/libqwebp.so",
    )
)
# Qt's own translations: only the languages TimeClock speaks.
_QT_TRANSLATIONS = "PySide6/Qt/translations/"
KEPT_LANGUAGES = ("de", "en")


def unneeded(destination: str) -> bool:
    """Whether ``destination`` (a path in the bundle) is a plugin or file left out."""
    path = destination.replace("\\", "/")
    if any(fnmatch.fnmatchcase(path, pattern) for pattern in UNNEEDED):
        return True
    if path.startswith(_QT_TRANSLATIONS) and path.endswith(".qm"):
        stem = PurePosixPath(path).stem
        return not stem.endswith(tuple(f"_{language}" for language in KEPT_LANGUAGES))
    return False


def prune(
    binaries: Iterable[Entry],
    datas: Iterable[Entry],
    links_of: Callable[[str], Iterable[str]],
) -> tuple[list[Entry], list[Entry], list[str]]:
    """``binaries`` and ``datas`` without the unneeded files and the shared libraries
    only they linked to; also the destinations removed.

    ``links_of(source)`` names the libraries (file names, as in ``DT_NEEDED``) that the
    binary at ``source`` links to.
    """
    binaries, datas = list(binaries), list(datas)
    original_datas = list(datas)
    dropped = [entry for entry in binaries if unneeded(entry[0])]
    kept = [entry for entry in binaries if not unneeded(entry[0])]
    by_name = {PurePosixPath(entry[0]).name: entry for entry in binaries if entry[2] != "SYMLINK"}

    def closure(start: Iterable[Entry]) -> set[str]:
        seen: set[str] = set()
        todo = [entry[1] for entry in start if entry[2] != "SYMLINK"]
        while todo:
            for name in links_of(todo.pop()):
                if name in by_name and name not in seen:
                    seen.add(name)
                    todo.append(by_name[name][1])
        return seen

    roots = [entry for entry in kept if not _is_shared_library(entry[0])]
    orphans = closure(dropped) - closure(roots) - {PurePosixPath(e[0]).name for e in roots}
    result = [entry for entry in kept if PurePosixPath(entry[0]).name not in orphans]
    datas = [entry for entry in datas if not unneeded(entry[0])]
    # PyInstaller lists its links to libraries (type SYMLINK, source: the target) as data.
    present = {entry[0] for entry in result + datas if entry[2] != "SYMLINK"}
    result = [entry for entry in result if entry[2] != "SYMLINK" or entry[1] in present]
    kept_datas = [entry for entry in datas if entry[2] != "SYMLINK" or entry[1] in present]
    kept = {entry[0] for entry in result + kept_datas}
    removed = [entry[0] for entry in [*binaries, *original_datas] if entry[0] not in kept]
    return result, kept_datas, removed


def _is_shared_library(destination: str) -> bool:
    """A plain library in the bundle's top folder (``libgtk-3.so.0``), as opposed to a
    Python extension module or a Qt plugin, which something loads by path."""
    path = PurePosixPath(destination.replace("\\", "/"))
    top_level = len(path.parts) == 1 and ".so" in path.name
    return top_level or path.parts[:3] == ("PySide6", "Qt", "lib")
