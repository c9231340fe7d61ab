"""The window's few colours, taken from the palette the system gives (light, dark or high
contrast), never hard-coded for a light one.

Each tone has a light and a dark variant that keeps a contrast of at least 4.5:1 (WCAG AA)
against the palette's window colour; a high-contrast palette (its text against its window
already 15:1 or more) gets its own text colour for everything, since there colour must not
stand in for contrast. Widgets ask again when the palette changes (:func:`follows_palette`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QGuiApplication, QPalette

HIGH_CONTRAST = 15.0  # text against window at least this: a high-contrast theme


class Tone(enum.Enum):
    """What a coloured text says."""

    ERROR = "error"
    WARNING = "warning"
    SUCCESS = "success"
    NOTICE = "notice"  # news that is no problem (blue)
    MUTED = "muted"  # less important (grey)


# (on a light window, on a dark window)
_TEXT = {
    Tone.ERROR: ("#c62828", "#ff8a80"),
    Tone.WARNING: ("#a04800", "#ffc46b"),
    Tone.SUCCESS: ("#2e7d32", "#81c784"),
    Tone.NOTICE: ("#0b3a66", "#90caf9"),
    Tone.MUTED: ("#5f5f5f", "#b0b0b0"),
}


@dataclass(frozen=True, slots=True)
class BarColours:
    """A message bar's background, border and text."""

    background: str
    border: str
    text: str


# (on a light window, on a dark window), for a problem and for a notice
_BARS = {
    Tone.ERROR: (
        BarColours("#fdecea", "#f5c2c0", "#611a15"),
        BarColours("#4a1c1a", "#8c3b37", "#ffdad6"),
    ),
    Tone.NOTICE: (
        BarColours("#e8f1fb", "#b6d2f0", "#0b3a66"),
        BarColours("#12304d", "#2f5f8f", "#d6e8ff"),
    ),
}


def system_palette() -> QPalette:
    """The application's palette (a widget's own may carry a style sheet's colours)."""
    return QGuiApplication.palette()


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def is_dark(palette: QPalette) -> bool:
    """Whether the palette's window is dark (light text on it)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def is_high_contrast(palette: QPalette) -> bool:
    """Whether the palette is a high-contrast one."""
    role = QPalette.ColorRole
    return contrast(palette.color(role.WindowText), palette.color(role.Window)) >= HIGH_CONTRAST


def text_colour(tone: Tone, palette: QPalette | None = None) -> str:
    """The colour of a text in ``tone`` on the palette's window, as ``#rrggbb``."""
    palette = palette or system_palette()
    if is_high_contrast(palette):
        return palette.color(QPalette.ColorRole.WindowText).name()
    light, dark = _TEXT[tone]
    return dark if is_dark(palette) else light


def bar_colours(tone: Tone, palette: QPalette | None = None) -> BarColours:
    """A message bar's colours for a problem (``ERROR``) or a notice (``NOTICE``)."""
    palette = palette or system_palette()
    if is_high_contrast(palette):
        window = palette.color(QPalette.ColorRole.Window).name()
        text = palette.color(QPalette.ColorRole.WindowText).name()
        return BarColours(window, text, text)
    light, dark = _BARS[tone]
    return dark if is_dark(palette) else light


def focus_ring_colour(palette: QPalette | None = None) -> str:
    """A ring that stands out around a coloured button on the palette's window: the
    window's own text colour (black on light, white on dark)."""
    return (palette or system_palette()).color(QPalette.ColorRole.WindowText).name()


PALETTE_EVENTS = frozenset({QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange})


def follows_palette(event: QEvent) -> bool:
    """Whether ``event`` says the palette changed (a widget then sets its colours again)."""
    return event.type() in PALETTE_EVENTS
