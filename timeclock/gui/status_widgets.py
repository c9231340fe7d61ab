"""The window's edges: who is connected and how (top), totals and what waits (bottom)."""

from __future__ import annotations

import html
from datetime import datetime, tzinfo

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from timeclock.domain.totals import Totals
from timeclock.gui.formatting import hours_text, time_text
from timeclock.gui.session import ConnectionState
from timeclock.gui.tones import Tone, follows_palette, text_colour

BUSY_DELAY_MILLISECONDS = 200  # quicker work shows no busy indicator at all


class ConnectionHeader(QWidget):
    """``hansm at testkonto...`` on the left, the connection state on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.identity = QLabel(self)
        self.identity.setObjectName("identity")
        self.identity.setAccessibleName(self.tr("Signed in as"))
        self.connection = QLabel(self)
        self.connection.setObjectName("connectionState")
        self.connection.setAccessibleName(self.tr("Connection"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.identity, 1)
        layout.addWidget(self.connection)
        self._state: ConnectionState | None = None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """The dot's colour follows the palette (light, dark, high contrast)."""
        if follows_palette(event) and self._state is not None:
            self.show_state(self._state)
        super().changeEvent(event)

    def show_identity(self, user: str, base_url: str) -> None:
        """Who stamps, and at which TimeTrack."""
        host = base_url.split("//", 1)[-1].split("/", 1)[0]
        self.identity.setText(self.tr("%1 at %2").replace("%1", user).replace("%2", host))

    def show_state(self, state: ConnectionState) -> None:
        """The connection state as a coloured dot and a word."""
        self._state = state
        texts = {
            ConnectionState.CONNECTING: (self.tr("Connecting…"), Tone.MUTED),
            ConnectionState.ONLINE: (self.tr("Online"), Tone.SUCCESS),
            ConnectionState.OFFLINE: (self.tr("Offline"), Tone.MUTED),
            ConnectionState.REJECTED: (self.tr("Credentials rejected"), Tone.ERROR),
            ConnectionState.ERROR: (self.tr("Server error"), Tone.ERROR),
        }
        text, tone = texts[state]
        color = text_colour(tone)
        self.connection.setText(f'<span style="color:{color}">\N{BLACK CIRCLE}</span> {text}')
        self.connection.setToolTip(text)


class StatusFooter(QWidget):
    """Totals of the list, the changes waiting to be sent, and a busy bar for slow work."""

    outbox_requested = Signal()

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("totals")
        self.totals_label.setAccessibleName(self.tr("Totals"))
        self.totals_label.setWordWrap(True)  # on a small screen: two lines, not a wider window
        self.waiting_label = QLabel(self)
        self.waiting_label.setObjectName("waitingChanges")
        self.waiting_label.setTextFormat(Qt.TextFormat.RichText)
        # It wraps rather than widen the window beyond a small screen (German is long).
        self.waiting_label.setWordWrap(True)
        self.waiting_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.waiting_label.setAccessibleName(self.tr("Changes not yet sent"))
        # Its "Show" link is reached with Tab and opened with Enter, not only clicked.
        self.waiting_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.waiting_label.linkActivated.connect(lambda _link: self.outbox_requested.emit())
        self.waiting_label.hide()
        self.busy_indicator = QProgressBar(self)
        self.busy_indicator.setRange(0, 0)
        self.busy_indicator.setMaximumWidth(120)
        self.busy_indicator.setAccessibleName(self.tr("Loading"))
        self.busy_indicator.hide()
        self._busy_delay = QTimer(self)
        self._busy_delay.setSingleShot(True)
        self._busy_delay.setInterval(BUSY_DELAY_MILLISECONDS)
        self._busy_delay.timeout.connect(self.busy_indicator.show)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.totals_label, 1)
        layout.addWidget(self.waiting_label, 1)
        layout.addWidget(self.busy_indicator)

    def show_totals(self, summary: Totals) -> None:
        """The totals of the entries shown."""
        self.totals_label.setText(
            self.tr("Entries: %1 · days: %2 · worked: %3 h · breaks: %4 h")
            .replace("%1", str(summary.entries))
            .replace("%2", str(summary.days))
            .replace("%3", hours_text(summary.worked))
            .replace("%4", hours_text(summary.breaks))
        )

    def show_waiting(self, waiting: int, held: int, last_delivery: datetime | None) -> None:
        """How many stamps and changes wait on this computer for TimeTrack, and how many
        of them are held for the person to decide."""
        if not waiting:
            self.waiting_label.hide()
            return
        text = self.tr("%n change(s) saved here, not yet on TimeTrack", "", waiting)
        if held:
            text += " " + self.tr("(%1 held)").replace("%1", str(held))
        if last_delivery is not None:
            text += " · " + self.tr("last sent %1").replace(
                "%1", time_text(last_delivery, self._zone)
            )
        link = self.tr("Show")
        self.waiting_label.setText(
            f'{html.escape(text)} · <a href="#outbox">{html.escape(link)}</a>'
        )
        self.waiting_label.show()

    def set_busy(self, busy: bool) -> None:
        """Work started or ended; the bar shows only for work that takes a while."""
        if busy:
            self._busy_delay.start()
        else:
            self._busy_delay.stop()
            self.busy_indicator.hide()

    def stop(self) -> None:
        """The window closes: no timer may keep running."""
        self._busy_delay.stop()
