"""The icon in every size (packaging/icons.py): hicolor PNGs, and the .ico and .icns the
Windows and macOS bundles take, checked by their own headers."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from icons import HICOLOR_SIZES, SVG, render_png, write_hicolor, write_icns, write_ico

# icons.py renders with the running application when there is one: pytest-qt's
# QApplication here, so that the GUI tests never meet a bare QGuiApplication.
pytestmark = pytest.mark.usefixtures("qapp")


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_hicolor_theme_gets_every_size_and_the_svg(tmp_path: Path) -> None:
    written = write_hicolor(tmp_path)

    for size in HICOLOR_SIZES:
        png = tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        assert png_size((png / "io.github.timeclock.TimeClock.png").read_bytes()) == (size, size)
    scalable = tmp_path / "icons/hicolor/scalable/apps/io.github.timeclock.TimeClock.svg"
    assert scalable.read_bytes() == SVG.read_bytes()
    assert len(written) == len(HICOLOR_SIZES) + 1


def test_the_rendered_icon_is_not_empty() -> None:
    from PySide6.QtGui import QImage

    image = QImage.fromData(render_png(48))
    centre_ring = image.pixelColor(24, 3)  # the green rim of the clock face

    assert centre_ring.alpha() == 255 and centre_ring.green() > centre_ring.red()
    assert image.pixelColor(0, 0).alpha() == 0  # transparent corners


def test_the_windows_icon_lists_its_png_images(tmp_path: Path) -> None:
    data = write_ico(tmp_path / "timeclock.ico", sizes=(16, 32, 256)).read_bytes()

    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, 3)
    for index, size in enumerate((16, 32, 256)):
        width, _h, _c, _r, _p, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        assert width == (0 if size == 256 else size) and bits == 32
        assert png_size(data[offset : offset + length]) == (size, size)


def test_the_macos_icon_holds_its_png_images(tmp_path: Path) -> None:
    data = write_icns(tmp_path / "timeclock.icns").read_bytes()

    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found, position = {}, 8
    while position < len(data):
        kind, length = (
            data[position : position + 4],
            struct.unpack(">I", data[position + 4 : position + 8])[0],
        )
        found[kind] = png_size(data[position + 8 : position + length])
        position += length
    assert found[b"icp4"] == (16, 16)
    assert found[b"ic09"] == (512, 512)
    assert found[b"ic10"] == (1024, 1024)
