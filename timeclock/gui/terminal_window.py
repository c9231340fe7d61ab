"""The shared terminal's full-screen window (``timeclock --terminal``).

No list of anyone's entries: a big clock, the names to pick from, and one screen per phase
of :class:`~timeclock.services.terminal.Terminal`, which decides what comes next. The
requests (the employees, where one stands, the stamps) run in a worker thread through
:class:`~timeclock.services.terminal_clock.TerminalClock`.

A badge reader is a keyboard: digits typed anywhere on the idle screen (or over a
confirmation, which then ends at once) go to the search field, and Enter looks up that
personal number.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from timeclock.domain.timestamps import utc_now
from timeclock.gui import terminal_text
from timeclock.gui.formatting import qdate, time_text
from timeclock.gui.messages import explain
from timeclock.gui.tasks import Failure, TaskRunner
from timeclock.services.terminal import (
    Action,
    Effect,
    LookUp,
    People,
    Person,
    Phase,
    Stamp,
    Stamped,
    Standing,
    Terminal,
)
from timeclock.services.terminal_clock import TerminalClock

TICK_MILLISECONDS = 250
NAMES_SHOWN = 30  # the list offers at most this many names at once
CONFIRMED_IN_COLOUR = "#2e7d32"
CONFIRMED_OUT_COLOUR = "#1565c0"
NOTICE_COLOUR = "#b71c1c"
KEY_COLOUR = "#e3f2fd"  # the PIN pad's keys

_STYLE = f"""
QWidget#terminal {{ background: #fafafa; }}
QLabel#clock {{ font-size: 96px; font-weight: bold; }}
QLabel#date {{ font-size: 26px; color: #444; }}
QLabel#hint, QLabel#title {{ font-size: 30px; font-weight: bold; }}
QLabel#standing, QLabel#pinMessage, QLabel#busy {{ font-size: 24px; }}
QLabel#pinMessage {{ color: {NOTICE_COLOUR}; }}
QLineEdit {{ font-size: 30px; padding: 6px; }}
QListWidget {{ font-size: 26px; }}
QListWidget::item {{ padding: 8px; }}
QPushButton {{ font-size: 26px; padding: 12px 24px; min-height: 40px; }}
QPushButton#key {{
    font-size: 28px; min-width: 70px; background: {KEY_COLOUR}; border: 1px solid #90a4ae;
}}
QPushButton#key:focus, QPushButton#key:pressed {{ border: 3px solid #0d47a1; }}
QPushButton#choice {{ font-size: 32px; font-weight: bold; min-height: 90px; }}
QPushButton#leave {{ font-size: 14px; padding: 4px 10px; min-height: 0; color: #666; }}
QWidget#confirmed[kind="in"] {{ background: {CONFIRMED_IN_COLOUR}; }}
QWidget#confirmed[kind="out"] {{ background: {CONFIRMED_OUT_COLOUR}; }}
QWidget#notice {{ background: {NOTICE_COLOUR}; }}
QWidget#confirmed QLabel, QWidget#notice QLabel {{ color: white; }}
QLabel#confirmation {{ font-size: 44px; font-weight: bold; }}
QLabel#tick {{ font-size: 120px; font-weight: bold; }}
QLabel#confirmationDetail {{ font-size: 30px; }}
QLabel#notice {{ font-size: 34px; font-weight: bold; }}
"""


class TerminalWindow(QWidget):
    """The terminal; :attr:`left` fires once the administrator's PIN ended it."""

    left = Signal()

    def __init__(
        self,
        service: TerminalClock,
        terminal: Terminal,
        zone: tzinfo,
        *,
        clock: Callable[[], datetime] = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.setObjectName("terminal")
        self.setWindowTitle("TimeClock")
        self.setStyleSheet(_STYLE)
        self.service = service
        self.terminal = terminal
        self.zone = zone
        self._clock = clock
        self._monotonic = monotonic
        self._shown: list[Person] = []
        self._scanned = ""  # digits typed while a choice is shown (the same badge again)
        self.people_read = False  # TimeTrack's employees were asked for (known or not)
        self._pending = ""  # entered before they were: looked up once they are
        self.closable = False  # only the administrator's PIN (or the program's end) closes it
        self._runner = TaskRunner(self, name="timeclock-terminal")
        self.pages = QStackedWidget(self)
        self._build_idle()
        self._build_pin()
        self._build_busy()
        self._build_choice()
        self._build_confirmed()
        self._build_notice()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MILLISECONDS)
        self._timer.timeout.connect(self._tick)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.show_phase()

    # -- building -------------------------------------------------------------------------

    def _page(self, name: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget(self.pages)
        page.setObjectName(name)
        page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 16, 40, 24)
        self.pages.addWidget(page)
        return page, layout

    def _label(self, parent: QWidget, name: str, accessible: str) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        return label

    def _button(self, parent: QWidget, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, parent)
        button.setAccessibleName(text)
        button.clicked.connect(slot)
        return button

    def _build_idle(self) -> None:
        self.idle_page, layout = self._page("idle")
        top = QHBoxLayout()
        top.addStretch(1)
        self.leave_button = self._button(self.idle_page, self.tr("End terminal"), self._leave)
        self.leave_button.setObjectName("leave")
        self.leave_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter never ends it
        top.addWidget(self.leave_button)
        layout.addLayout(top)
        self.clock_label = self._label(self.idle_page, "clock", self.tr("Time"))
        self.date_label = self._label(self.idle_page, "date", self.tr("Date"))
        self.hint_label = self._label(self.idle_page, "hint", self.tr("What to do"))
        self.search = QLineEdit(self.idle_page)
        self.search.setAccessibleName(self.tr("Name or personal number"))
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._search_entered)
        self.names = QListWidget(self.idle_page)
        self.names.setAccessibleName(self.tr("Employees"))
        self.names.itemActivated.connect(self._name_picked)
        self.names.itemClicked.connect(self._name_picked)
        for widget in (self.clock_label, self.date_label, self.hint_label, self.search):
            layout.addWidget(widget)
        layout.addWidget(self.names, 1)

    def _build_pin(self) -> None:
        self.pin_page, layout = self._page("pin")
        self.pin_title = self._label(self.pin_page, "title", self.tr("Whose PIN"))
        self.pin_field = QLineEdit(self.pin_page)
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_field.setAccessibleName(self.tr("PIN"))
        self.pin_field.setMaxLength(12)
        self.pin_field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_field.returnPressed.connect(self._pin_entered)
        self.pin_field.textEdited.connect(lambda _text: self._touched())
        self.pin_message = self._label(self.pin_page, "pinMessage", self.tr("PIN message"))
        keys = QGridLayout()
        for index, digit in enumerate("123456789"):
            keys.addWidget(self._key(digit), index // 3, index % 3)
        self.delete_key = self._button(self.pin_page, "⌫", self._delete_digit)
        self.delete_key.setObjectName("key")
        self.delete_key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.delete_key.setAccessibleName(self.tr("Delete the last digit"))
        keys.addWidget(self.delete_key, 3, 0)
        keys.addWidget(self._key("0"), 3, 1)
        self.pin_ok = self._button(self.pin_page, self.tr("OK"), self._pin_entered)
        self.pin_ok.setObjectName("key")
        self.pin_ok.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        keys.addWidget(self.pin_ok, 3, 2)
        self.pin_cancel = self._button(self.pin_page, self.tr("Cancel"), self._cancel)
        for widget in (self.pin_title, self.pin_field, self.pin_message):
            layout.addWidget(widget)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(keys)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.pin_cancel, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)

    def _key(self, digit: str) -> QPushButton:
        button = self._button(self.pin_page, digit, lambda: self._type_digit(digit))
        button.setObjectName("key")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the PIN field keeps the keyboard
        return button

    def _build_busy(self) -> None:
        self.busy_page, layout = self._page("busy")
        self.busy_label = self._label(self.busy_page, "busy", self.tr("Please wait"))
        self.busy_label.setText(self.tr("One moment, please …"))
        layout.addWidget(self.busy_label)

    def _build_choice(self) -> None:
        self.choice_page, layout = self._page("choice")
        self.choice_title = self._label(self.choice_page, "title", self.tr("Employee"))
        self.choice_standing = self._label(self.choice_page, "standing", self.tr("Stamped"))
        layout.addStretch(1)
        layout.addWidget(self.choice_title)
        layout.addWidget(self.choice_standing)
        row = QHBoxLayout()
        self.choice_buttons: dict[Action, QPushButton] = {}
        for action in (Action.OUT, Action.BREAK_START, Action.BREAK_END):
            button = self._button(
                self.choice_page,
                terminal_text.action_text(action),
                self._chooser(action),
            )
            button.setObjectName("choice")
            self.choice_buttons[action] = button
            row.addWidget(button)
        layout.addLayout(row)
        self.choice_cancel = self._button(self.choice_page, self.tr("Cancel"), self._cancel)
        layout.addWidget(self.choice_cancel, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)

    def _chooser(self, action: Action) -> Callable[[], None]:
        def choose() -> None:
            self._choose(action)

        return choose

    def _build_confirmed(self) -> None:
        self.confirmed_page, layout = self._page("confirmed")
        tick = self._label(self.confirmed_page, "tick", self.tr("Done"))
        tick.setText("\N{CHECK MARK}")
        self.confirmation = self._label(self.confirmed_page, "confirmation", self.tr("Stamped"))
        self.confirmation_detail = self._label(
            self.confirmed_page, "confirmationDetail", self.tr("Worked today")
        )
        layout.addStretch(1)
        layout.addWidget(tick)
        layout.addWidget(self.confirmation)
        layout.addWidget(self.confirmation_detail)
        layout.addStretch(1)

    def _build_notice(self) -> None:
        self.notice_page, layout = self._page("notice")
        self.notice = self._label(self.notice_page, "notice", self.tr("Nothing was stamped"))
        layout.addWidget(self.notice)

    # -- running --------------------------------------------------------------------------

    def start(self) -> None:
        """Tick the clock and read the employees (the list fills once they are read)."""
        self._timer.start()
        self._runner.run(self.service.people, self._people_read, self._people_failed)

    def stop(self) -> None:
        """Stop the clock and the worker (before the window goes)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._runner.shutdown()

    def allow_close(self) -> None:
        """Let the window close (the administrator's PIN was given, or the program ends)."""
        self.closable = True

    def closeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Closing (Alt+F4, the window manager) asks for the administrator's PIN, like Esc."""
        if not self.closable:
            event.ignore()
            self._leave()
            return
        self.stop()
        super().closeEvent(event)  # type: ignore[arg-type]

    def _people_read(self, people: People) -> None:
        self.terminal.people = people
        self._names_known()

    def _people_failed(self, failure: Failure) -> None:
        # Without the names, user names are typed (the list says why it is empty).
        self.terminal.people = People(None)
        self.hint_label.setToolTip(failure.message)
        self._names_known()

    def _names_known(self) -> None:
        """The employees were asked for: a badge scanned meanwhile is looked up now."""
        self.people_read = True
        self.show_phase()
        pending, self._pending = self._pending, ""
        if pending:
            self._apply(self.terminal.type_name(pending, self._now()))

    def _now(self) -> float:
        return self._monotonic()

    def _tick(self) -> None:
        if self.terminal.tick(self._now()):
            self.show_phase()
        elif self.terminal.phase in (Phase.PIN, Phase.ADMIN_PIN):
            self._show_pin_message()
        self._show_clock()

    def _show_clock(self) -> None:
        local = self._clock().astimezone(self.zone)
        self.clock_label.setText(time_text(local, self.zone))
        self.date_label.setText(
            QLocale().toString(qdate(local.date()), QLocale.FormatType.LongFormat)
        )

    def _apply(self, effect: Effect | None) -> None:
        """Carry out what the terminal asked for, then show where it is."""
        if isinstance(effect, LookUp):
            person = effect.person
            self._runner.run(
                lambda: self.service.standing(person.username),
                lambda standing: self._standing(person, standing),
                self._failed,
            )
        elif isinstance(effect, Stamp):
            person, action = effect.person, effect.action
            self._runner.run(
                lambda: self.service.stamp(person.username, action),
                lambda stamped: self._stamped(person, stamped),
                self._failed,
            )
        self.show_phase()

    def _standing(self, person: Person, standing: Standing) -> None:
        self._apply(self.terminal.standing(person, standing, self._now()))

    def _stamped(self, person: Person, stamped: Stamped) -> None:
        self.terminal.stamped(person, stamped, self._now())
        self.show_phase()

    def _failed(self, failure: Failure) -> None:
        self.terminal.failed(explain(failure.error), self._now())
        self.show_phase()

    # -- input ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Digits typed anywhere on the idle screen go to the search field (a badge
        reader); Esc asks to leave (idle) or cancels (elsewhere)."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched is not self and not self.isAncestorOf(watched):
            return False
        assert isinstance(event, QKeyEvent)
        phase = self.terminal.phase
        if event.key() == Qt.Key.Key_Escape:
            if phase is Phase.IDLE and self.search.text():
                self.search.clear()  # first what was typed; the next Esc asks to leave
            elif phase is Phase.IDLE:
                self._leave()
            else:
                self._cancel()
            return True
        text = event.text()
        if phase is Phase.CHOICE:
            return self._choice_key(event, text)
        if not (text.isascii() and text.isdigit()) or phase not in (
            Phase.IDLE,
            Phase.CONFIRMED,
            Phase.NOTICE,
        ):
            return False
        if phase is not Phase.IDLE:
            self.terminal.cancel()  # the next scan ends a confirmation at once
            self.show_phase()
        if watched is self.search:
            return False
        self.search.setFocus()
        self.search.insert(text)
        return True

    def _choice_key(self, event: QKeyEvent, text: str) -> bool:
        """The same badge scanned over the choice picks its first button."""
        if text.isascii() and text.isdigit():
            self._scanned += text
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._scanned:
            scanned, self._scanned = self._scanned, ""
            self._apply(self.terminal.scan(scanned, self._now()))
            return True
        return False

    def _search_changed(self, text: str) -> None:
        self._fill_names(text)

    def _fill_names(self, text: str) -> None:
        """The names a search offers; none for digits (a personal number stays private)."""
        self.names.clear()
        stripped = text.strip()
        people = self.terminal.people
        self._shown = [] if stripped.isdigit() else people.matches(stripped)[:NAMES_SHOWN]
        for index, person in enumerate(self._shown):
            item = QListWidgetItem(person.name or person.username, self.names)
            item.setData(Qt.ItemDataRole.UserRole, index)
        if self._shown and stripped:
            self.names.setCurrentRow(0)
        self.names.setVisible(people.known)

    def _search_entered(self) -> None:
        text = self.search.text()
        current = self.names.currentItem()
        stripped = text.strip()
        if not stripped:
            return
        if not self.people_read:
            self._pending = text
            self.search.clear()
            self.pages.setCurrentWidget(self.busy_page)
            return
        if current is not None and not stripped.isdigit() and self._shown:
            self._pick(self._shown[current.data(Qt.ItemDataRole.UserRole)])
            return
        self._apply(self.terminal.type_name(text, self._now()))

    def _name_picked(self, item: QListWidgetItem) -> None:
        self._pick(self._shown[item.data(Qt.ItemDataRole.UserRole)])

    def _pick(self, person: Person) -> None:
        self._apply(self.terminal.pick(person, self._now()))

    def _type_digit(self, digit: str) -> None:
        if not self.pin_field.isReadOnly():  # not while a wrong PIN's wait lasts
            self.pin_field.insert(digit)
        self.pin_field.setFocus()
        self._touched()

    def _delete_digit(self) -> None:
        self.pin_field.backspace()
        self.pin_field.setFocus()
        self._touched()

    def _touched(self) -> None:
        self.terminal.touched(self._now())

    def _pin_entered(self) -> None:
        pin = self.pin_field.text()
        if self.terminal.pin_delay(self._now()) > 0:
            return
        self.pin_field.clear()
        if self.terminal.phase is Phase.ADMIN_PIN:
            if self.terminal.enter_admin_pin(pin, self._now()):
                self.allow_close()
                self.left.emit()
                return
            self.show_phase()
            return
        self._apply(self.terminal.enter_pin(pin, self._now()))

    def _choose(self, action: Action) -> None:
        self._apply(self.terminal.choose(action, self._now()))

    def _leave(self) -> None:
        self.terminal.leave(self._now())
        self.show_phase()

    def _cancel(self) -> None:
        self.terminal.cancel()
        self.show_phase()

    # -- showing --------------------------------------------------------------------------

    def show_phase(self) -> None:
        """Show the screen of the terminal's phase."""
        terminal = self.terminal
        phase = terminal.phase
        self._scanned = ""
        if phase is Phase.IDLE:
            self._show_idle()
        elif phase in (Phase.PIN, Phase.ADMIN_PIN):
            self._show_pin()
        elif phase in (Phase.LOOKING, Phase.STAMPING, Phase.LEFT):
            self.pages.setCurrentWidget(self.busy_page)
        elif phase is Phase.CHOICE:
            self._show_choice()
        elif phase is Phase.CONFIRMED:
            self._show_confirmed()
        else:
            self.notice.setText(terminal_text.problem_text(terminal.problem, terminal.detail))
            self.pages.setCurrentWidget(self.notice_page)
        self._show_clock()

    def _show_idle(self) -> None:
        known = self.terminal.people.known or not self.people_read
        self.hint_label.setText(
            self.tr("Pick your name or scan your badge")
            if known
            else self.tr("Type your user name and press Enter")
        )
        self.search.setPlaceholderText(
            self.tr("Name or personal number") if known else self.tr("User name")
        )
        if self.pages.currentWidget() is not self.idle_page:
            self.search.clear()
            self.pages.setCurrentWidget(self.idle_page)
        self._fill_names(self.search.text())
        self.search.setFocus()

    def _show_pin(self) -> None:
        person = self.terminal.person
        if self.terminal.phase is Phase.ADMIN_PIN or person is None:
            self.pin_title.setText(self.tr("Administrator PIN to end the terminal"))
        else:
            self.pin_title.setText(
                self.tr("%1, please type your PIN").replace("%1", person.greeting_name)
            )
        self.pin_cancel.setText(self.tr("Cancel"))
        self._show_pin_message()
        if self.pages.currentWidget() is not self.pin_page:
            self.pin_field.clear()
            self.pages.setCurrentWidget(self.pin_page)
        self.pin_field.setFocus()

    def _show_pin_message(self) -> None:
        wait = self.terminal.pin_delay(self._now())
        # Read-only, not disabled: the field keeps the keyboard, so an Enter typed while
        # it waits reaches no other control.
        self.pin_field.setReadOnly(wait > 0)
        self.pin_ok.setEnabled(wait <= 0)
        text = terminal_text.wrong_pin_text(wait) if self.terminal.wrong_pin else ""
        if self.pin_message.text() != text:
            self.pin_message.setText(text)
        if wait <= 0 and self.pages.currentWidget() is self.pin_page:
            self.pin_field.setFocus()

    def _show_choice(self) -> None:
        person = self.terminal.person
        self.choice_title.setText(person.name if person is not None else "")
        self.choice_standing.setText(
            terminal_text.standing_text(self.terminal.standing_now, self.zone)
        )
        for action, button in self.choice_buttons.items():
            button.setVisible(action in self.terminal.choices)
        self.pages.setCurrentWidget(self.choice_page)
        first = self.terminal.choices[0] if self.terminal.choices else None
        if first is not None:
            self.choice_buttons[first].setFocus()

    def _show_confirmed(self) -> None:
        person, stamped = self.terminal.person, self.terminal.confirmation
        if person is None or stamped is None:
            return
        line, detail = terminal_text.confirmation(person, stamped, self.zone)
        # Two large lines rather than one that wraps anywhere: "Good morning, Anna —" and
        # "clocked in 07:58".
        self.confirmation.setText(line.replace(" — ", " —\n", 1))
        self.confirmation_detail.setText(detail)
        kind = "in" if stamped.action in (Action.IN, Action.BREAK_END) else "out"
        self.confirmed_page.setProperty("kind", kind)
        self.confirmed_page.style().unpolish(self.confirmed_page)
        self.confirmed_page.style().polish(self.confirmed_page)
        self.pages.setCurrentWidget(self.confirmed_page)
        self.setFocus()
