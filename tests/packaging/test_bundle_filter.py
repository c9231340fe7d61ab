"""What the bundle leaves out (packaging/bundle_filter.py), on made-up PyInstaller lists."""

from __future__ import annotations

from bundle_filter import prune, unneeded

GTK = "PySide6/Qt/plugins/platformthemes/libqgtk3.so"
XCB = "PySide6/Qt/plugins/platforms/libqxcb.so"
LINKS = {
    "/src/libqgtk3.so": ["libgtk-3.so.0", "libQt6Gui.so.6", "libglib-2.0.so.0"],
    "/src/libgtk-3.so.0": ["libcairo.so.2", "libglib-2.0.so.0"],
    "/src/libcairo.so.2": [],
    "/src/libqxcb.so": ["libQt6Gui.so.6", "libglib-2.0.so.0"],
    "/src/libQt6Gui.so.6": ["libglib-2.0.so.0"],
    "/src/libglib-2.0.so.0": [],
    "/src/libssl.so.3": [],
}


def links_of(source: str) -> list[str]:
    return LINKS[source]


def test_a_dropped_plugin_takes_the_libraries_only_it_linked_to() -> None:
    binaries = [
        (GTK, "/src/libqgtk3.so", "BINARY"),
        (XCB, "/src/libqxcb.so", "BINARY"),
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("libglib-2.0.so.0", "/src/libglib-2.0.so.0", "BINARY"),
        ("libssl.so.3", "/src/libssl.so.3", "BINARY"),  # loaded by name (ctypes): kept
    ]
    datas = [
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("PySide6/Qt/translations/qtbase_de.qm", "/src/qtbase_de.qm", "DATA"),
        ("PySide6/Qt/translations/qtbase_fr.qm", "/src/qtbase_fr.qm", "DATA"),
    ]

    kept, kept_datas, removed = prune(binaries, datas, links_of)

    assert [entry[0] for entry in kept] == [
        XCB,
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "libglib-2.0.so.0",
        "libssl.so.3",
    ]
    assert [entry[0] for entry in kept_datas] == [
        "libQt6Gui.so.6",
        "PySide6/Qt/translations/qtbase_de.qm",
    ]
    assert sorted(removed) == sorted(
        [GTK, "libgtk-3.so.0", "libcairo.so.2", "PySide6/Qt/translations/qtbase_fr.qm"]
    )


def test_a_link_to_a_library_that_went_goes_too() -> None:
    eglfs = "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6"
    LINKS["/src/libqeglfs.so"] = ["libQt6EglFSDeviceIntegration.so.6"]
    LINKS["/src/eglfs"] = []
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", "/src/libqeglfs.so", "BINARY"),
        (eglfs, "/src/eglfs", "BINARY"),
    ]
    datas = [("libQt6EglFSDeviceIntegration.so.6", eglfs, "SYMLINK")]

    kept, kept_datas, removed = prune(binaries, datas, links_of)

    assert (kept, kept_datas) == ([], [])
    assert len(removed) == 3


def test_what_counts_as_unneeded() -> None:
    assert unneeded(GTK)
    assert unneeded("PySide6/Qt/plugins/tls/libqopensslbackend.so")
    assert unneeded("PySide6/Qt/plugins/imageformats/libqjpeg.so")
    assert unneeded("PySide6/Qt/translations/qt_help_ja.qm")
    assert not unneeded(XCB)
    assert not unneeded("PySide6/Qt/plugins/platforms/libqwayland.so")
    assert not unneeded("PySide6/Qt/plugins/imageformats/libqsvg.so")
    assert not unneeded("PySide6/Qt/plugins/iconengines/libqsvgicon.so")
    assert not unneeded("PySide6/Qt/translations/qtbase_en.qm")
    assert not unneeded("timeclock/gui/translations/timeclock_fr.qm")  # ours, not Qt's
