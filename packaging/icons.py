"""The application icon in every size a package needs, rendered from the one SVG.

PNGs for the freedesktop hicolor theme (16 to 512 px), and for the Windows and macOS
bundles an ``.ico`` and an ``.icns``: both formats may hold PNG images as they are, so
they are written here in a few lines instead of with another tool.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

from project import APP_ID, SHARE

SVG = SHARE / f"{APP_ID}.svg"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
_ICNS_TYPES = {  # Apple's PNG-holding icon types by edge length
    16: b"icp4",
    32: b"icp5",
    64: b"icp6",
    128: b"ic07",
    256: b"ic08",
    512: b"ic09",
    1024: b"ic10",
}


def render_png(size: int, svg: Path = SVG) -> bytes:
    """The SVG as a ``size`` x ``size`` PNG with a transparent background."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: PLC0415
    from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: PLC0415
    from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the icon {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def write_hicolor(share: Path) -> list[Path]:
    """``share/icons/hicolor/NxN/apps/<id>.png`` for every size, and the scalable SVG."""
    written = []
    for size in HICOLOR_SIZES:
        path = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render_png(size))
        written.append(path)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(SVG.read_bytes())
    written.append(scalable)
    return written


def write_ico(path: Path, sizes: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256)) -> Path:
    """A Windows icon with a PNG image for each of ``sizes`` (Vista and later read them)."""
    images = [render_png(size) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, image in zip(sizes, images, strict=True):
        edge = 0 if size >= 256 else size  # 0 stands for 256
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(image), offset)
        blobs += image
        offset += len(image)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(header + entries + blobs)
    return path


def write_icns(path: Path) -> Path:
    """A macOS icon with a PNG image of each size Apple's PNG types cover."""
    body = b""
    for size, kind in _ICNS_TYPES.items():
        image = render_png(size)
        body += kind + struct.pack(">I", 8 + len(image)) + image
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    return path
