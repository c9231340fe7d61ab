"""The window follows the system's light, dark or high-contrast palette (#11, item 6):
every coloured text stays readable (4.5:1) on the palette's window, the message bar's text
on its own background, and the focused stamp button shows a ring in the palette's text
colour."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QVBoxLayout
from pytestqt.qtbot import QtBot

from timeclock.gui.dialog_base import InlineMessage, MessageKind
from timeclock.gui.message_bar import MessageBar
from timeclock.gui.overview_canvas import OverviewCanvas
from timeclock.gui.overview_marks import Ink
from timeclock.gui.stamp_panel import CLOCK_IN_COLOUR, FOCUS_RING_WIDTH, StampPanel
from timeclock.gui.tones import Tone, bar_colours, contrast, text_colour

BERLIN = ZoneInfo("Europe/Berlin")
READABLE = 4.5  # WCAG AA for normal text


def palette_of(window: str, text: str) -> QPalette:
    palette = QPalette(QColor(window))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, QColor(text))
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.Base, QColor(window))
    return palette


LIGHT = palette_of("#efefef", "#000000")
DARK = palette_of("#2d2d2d", "#f0f0f0")
HIGH_CONTRAST = palette_of("#000000", "#ffffff")


@pytest.fixture
def system_palette(qapp: QApplication) -> Iterator[Callable]:
    """Set the application's palette as the system would; the old one comes back."""
    before = QPalette(qapp.palette())

    def use(palette: QPalette) -> None:
        qapp.setPalette(palette)

    yield use
    qapp.setPalette(before)


@pytest.mark.parametrize("palette", [LIGHT, DARK, HIGH_CONTRAST], ids=["light", "dark", "high"])
@pytest.mark.parametrize("tone", list(Tone))
def test_every_tone_is_readable_on_the_palettes_window(palette: QPalette, tone: Tone) -> None:
    window = palette.color(QPalette.ColorRole.Window)
    assert contrast(QColor(text_colour(tone, palette)), window) >= READABLE


@pytest.mark.parametrize("palette", [LIGHT, DARK, HIGH_CONTRAST], ids=["light", "dark", "high"])
@pytest.mark.parametrize("tone", [Tone.ERROR, Tone.NOTICE])
def test_the_message_bars_text_is_readable_on_its_background(palette: QPalette, tone: Tone) -> None:
    colours = bar_colours(tone, palette)
    assert contrast(QColor(colours.text), QColor(colours.background)) >= READABLE


def test_a_high_contrast_palette_gets_its_own_text_colour() -> None:
    assert {text_colour(tone, HIGH_CONTRAST) for tone in Tone} == {"#ffffff"}


def background_and_text(bar: MessageBar) -> tuple[QColor, QColor]:
    """The bar's painted background (left of its text) and its label's text colour."""
    image = bar.grab().toImage()
    label = bar._label
    label.ensurePolished()
    return image.pixelColor(4, image.height() // 2), label.palette().color(
        QPalette.ColorRole.WindowText
    )


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_the_message_bar_follows_the_system_palette(
    qtbot: QtBot, system_palette: Callable, palette: QPalette
) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.resize(600, 40)
    bar.show_problem("TimeTrack cannot be reached.")
    bar.show()
    system_palette(palette)  # changed while the bar is shown, as a theme switch does
    qtbot.wait(10)
    for show in (bar.show_problem, bar.show_notice):
        show("TimeTrack cannot be reached.")
        background, text = background_and_text(bar)
        assert contrast(background, text) >= READABLE
        window = palette.color(QPalette.ColorRole.Window)
        # The bar is as dark or as light as the window around it.
        assert (background.lightness() < 128) == (window.lightness() < 128)


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_a_dialogs_problem_line_is_readable_on_the_palette(
    qtbot: QtBot, system_palette: Callable, palette: QPalette
) -> None:
    system_palette(palette)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    message = InlineMessage("Problem", dialog)
    QVBoxLayout(dialog).addWidget(message)
    for kind in (MessageKind.ERROR, MessageKind.WARNING, MessageKind.SUCCESS):
        message.show_message("The end lies before the start.", kind)
        message.ensurePolished()
        text = message.palette().color(QPalette.ColorRole.WindowText)
        assert contrast(text, palette.color(QPalette.ColorRole.Window)) >= READABLE


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_the_focused_stamp_button_shows_a_ring_in_the_palettes_text_colour(
    qtbot: QtBot, system_palette: Callable, palette: QPalette
) -> None:
    system_palette(palette)
    panel = StampPanel(BERLIN)
    qtbot.addWidget(panel)
    button = panel.stamp_button
    button.setEnabled(True)
    panel.resize(600, 140)
    panel.show()
    panel.activateWindow()

    def edge() -> QColor:
        image = button.grab().toImage()
        return image.pixelColor(image.width() // 2, FOCUS_RING_WIDTH // 2)

    assert edge().name() == CLOCK_IN_COLOUR  # no ring without the focus
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    ring = edge()
    assert ring == palette.color(QPalette.ColorRole.WindowText)
    assert contrast(ring, palette.color(QPalette.ColorRole.Window)) >= READABLE
    assert contrast(ring, QColor(CLOCK_IN_COLOUR)) >= 3.0  # seen against the button too


@pytest.mark.parametrize("palette", [LIGHT, DARK, HIGH_CONTRAST], ids=["light", "dark", "high"])
def test_the_overviews_text_on_its_background_follows_the_palette(
    qtbot: QtBot, system_palette: Callable, palette: QPalette
) -> None:
    system_palette(palette)
    window = palette.color(QPalette.ColorRole.Window)
    ink = Ink.of(palette)
    assert contrast(ink.text, window) >= READABLE
    assert contrast(ink.muted, window) >= READABLE
    assert contrast(ink.grid, window) > 1.2  # a line, not text: seen, not loud
    canvas = OverviewCanvas(BERLIN)
    qtbot.addWidget(canvas)
    canvas.resize(300, 200)
    canvas.grab()  # paints
    assert canvas._ink == ink
