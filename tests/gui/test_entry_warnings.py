"""The entry dialog warns while typing (never blocks): an overlap with another entry of the
user the window has, a start in the future, a break below the legal minimum; and a new
entry starts today where the list shows today, never on a later day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import credentials_of
from tests.gui.helpers import BERLIN, Sessions, SettableClock, account_of, seed, utc, wait_idle
from timeclock.domain.attendance import Attendance
from timeclock.domain.ranges import Preset
from timeclock.gui import i18n
from timeclock.gui.entry_dialog import EntryDialog, wall_qdatetime
from timeclock.gui.formatting import day_text
from timeclock.gui.main_window import MainWindow
from timeclock.gui.session import ClockSession
from timeclock.gui.window_dialogs import WindowDialogs
from timeclock.sandbox import SandboxServer
from timeclock.services.account import Account

NOW = datetime(2021, 3, 29, 12, 0, tzinfo=UTC)  # Monday 14:00 in Berlin
LUNCH = Attendance(  # hansm, Friday 26.03. 12:00-13:00 in Berlin
    id=41,
    user="hansm",
    start=datetime(2021, 3, 26, 11, 0, tzinfo=UTC),
    end=datetime(2021, 3, 26, 12, 0, tzinfo=UTC),
    manual=True,
)
ANNAS = Attendance(  # someone else's, at the same time
    id=42, user="anna", start=LUNCH.start, end=LUNCH.end, manual=True
)


@pytest.fixture
def session(server: SandboxServer) -> Iterator[ClockSession]:
    clock_session = ClockSession(
        Account(server.base_url, "hansm", credentials_of(server)), clock=lambda: NOW
    )
    yield clock_session
    clock_session.close()


def opened(qtbot: QtBot, dialog: EntryDialog) -> EntryDialog:
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def type_times(dialog: EntryDialog, start: datetime, end: datetime, break_minutes: int) -> None:
    dialog.start_edit.setDateTime(wall_qdatetime(start))
    dialog.end_edit.setDateTime(wall_qdatetime(end))
    dialog.break_spin.setValue(break_minutes)


def test_an_overlap_appears_and_goes_while_typing_and_save_stays_enabled(
    qtbot: QtBot, session: ClockSession
) -> None:
    asked: list[int] = []

    def known() -> list[Attendance]:
        asked.append(1)
        return [LUNCH, ANNAS]

    dialog = opened(qtbot, EntryDialog(session, BERLIN, known=known))
    type_times(dialog, datetime(2021, 3, 26, 8, 0), datetime(2021, 3, 26, 12, 30), 0)
    assert dialog.warning.isVisible()
    assert dialog.warning.text() == (
        f"Overlaps another entry of this user: {day_text(LUNCH.start, BERLIN)}, "
        "12:00 \N{EN DASH} 13:00."
    )
    assert dialog.warning.accessibleName() == "Warning"
    assert dialog.warning.accessibleDescription() == dialog.warning.text()
    assert dialog.save_button.isEnabled()  # a warning never blocks
    assert dialog.message.isHidden()

    type_times(dialog, datetime(2021, 3, 26, 8, 0), datetime(2021, 3, 26, 12, 0), 0)
    assert dialog.warning.isHidden()  # ends as the other begins: no overlap
    dialog.end_edit.setDateTime(wall_qdatetime(datetime(2021, 3, 26, 12, 30)))
    dialog.user_edit.setText("maria")  # nobody else's entries count
    assert dialog.warning.isHidden()
    dialog.user_edit.setText("Anna")  # hers do (the name in any case)
    assert "Overlaps another entry" in dialog.warning.text()
    assert len(asked) == 1  # the window's entries are asked for once


def test_editing_an_entry_does_not_overlap_its_own_former_version(
    qtbot: QtBot, session: ClockSession
) -> None:
    dialog = opened(qtbot, EntryDialog(session, BERLIN, entry=LUNCH, known=lambda: [LUNCH]))
    dialog.end_edit.setDateTime(wall_qdatetime(datetime(2021, 3, 26, 13, 30)))
    assert dialog.warnings() == []
    assert dialog.warning.isHidden()


def test_a_start_in_the_future_warns(qtbot: QtBot, session: ClockSession) -> None:
    dialog = opened(qtbot, EntryDialog(session, BERLIN))
    type_times(dialog, datetime(2021, 3, 30, 8, 0), datetime(2021, 3, 30, 12, 0), 0)
    tomorrow = datetime(2021, 3, 30, 6, 0, tzinfo=UTC)
    assert dialog.warnings() == [
        f"This entry starts in the future ({day_text(tomorrow, BERLIN)}, 08:00)."
    ]
    assert dialog.save_button.isEnabled()
    type_times(dialog, datetime(2021, 3, 29, 8, 0), datetime(2021, 3, 29, 12, 0), 0)
    assert dialog.warnings() == []


def test_a_break_below_the_legal_minimum_for_the_net_time_warns(
    qtbot: QtBot, session: ClockSession
) -> None:
    dialog = opened(qtbot, EntryDialog(session, BERLIN))
    type_times(dialog, datetime(2021, 3, 25, 7, 0), datetime(2021, 3, 25, 17, 0), 30)
    assert dialog.warning.text() == (
        "A break of 30 min is less than the 45 min the law asks for 9:30 h of work (ArbZG §4)."
    )
    dialog.break_spin.setValue(45)
    assert dialog.warning.isHidden()  # 9:15 h with 45 min: enough
    dialog.break_spin.setValue(0)
    type_times(dialog, datetime(2021, 3, 25, 7, 0), datetime(2021, 3, 25, 13, 0), 0)
    assert dialog.warning.isHidden()  # 6 h exactly needs no break


def test_the_day_counts_with_the_users_other_entries(qtbot: QtBot, session: ClockSession) -> None:
    dialog = opened(qtbot, EntryDialog(session, BERLIN, known=lambda: [LUNCH]))
    type_times(dialog, datetime(2021, 3, 26, 13, 5), datetime(2021, 3, 26, 19, 5), 0)
    assert dialog.warning.text() == (
        "The day's breaks of 0 min are less than the 30 min the law asks for 7:00 h of work "
        "that day (ArbZG §4)."
    )


def test_no_warnings_while_the_times_have_a_problem(qtbot: QtBot, session: ClockSession) -> None:
    dialog = opened(qtbot, EntryDialog(session, BERLIN, known=lambda: [LUNCH]))
    type_times(dialog, datetime(2021, 3, 26, 13, 0), datetime(2021, 3, 26, 11, 0), 0)
    assert not dialog.save_button.isEnabled()
    assert dialog.warning.isHidden()


def test_the_warnings_in_german(qtbot: QtBot, session: ClockSession) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QLocale()
    translators = i18n.install_translators(app, "de")
    try:
        dialog = opened(qtbot, EntryDialog(session, BERLIN, known=lambda: [LUNCH]))
        type_times(dialog, datetime(2021, 3, 26, 7, 0), datetime(2021, 3, 26, 17, 0), 0)
        assert dialog.warnings() == [
            "Überschneidet sich mit einem anderen Eintrag dieses Benutzers: "
            "Fr. 26.03.21, 12:00 \N{EN DASH} 13:00.",
            "Die Pausen des Tages von 0 Min. sind kürzer als die 45 Min., die das Gesetz für "
            "11:00 h Arbeit an diesem Tag verlangt (ArbZG §4).",
        ]
        assert dialog.warning.accessibleName() == "Warnung"
    finally:
        i18n.remove_translators(app, translators)
        QLocale.setDefault(before)


# -- the day a new entry starts on ------------------------------------------------------------


@pytest.mark.parametrize(
    ("preset", "day"),
    [(Preset.THIS_WEEK, 10), (Preset.THIS_MONTH, 10), (Preset.LAST_WEEK, 8)],
)
def test_a_new_entry_starts_today_where_the_list_shows_it(
    qtbot: QtBot, server: SandboxServer, sessions: Sessions, preset: Preset, day: int
) -> None:
    window = sessions.window(account_of(server), SettableClock(utc(2026, 3, 10, 7, 0)))
    dialogs(window)
    window.filter_bar.choose_preset(preset, window.today())
    wait_idle(qtbot, window.session)
    window.new_entry()
    dialog = window.findChild(EntryDialog)
    assert dialog is not None
    assert dialog.start_edit.dateTime() == wall_qdatetime(datetime(2026, 3, day, 8, 0))
    dialog.reject()


def test_the_window_hands_its_entries_to_the_dialog(
    qtbot: QtBot, server: SandboxServer, sessions: Sessions
) -> None:
    seed(server, utc(2026, 3, 9, 7, 0), utc(2026, 3, 9, 11, 0))  # Monday 08:00-12:00
    window = sessions.window(account_of(server), SettableClock(utc(2026, 3, 10, 7, 0)))
    dialogs(window)
    window.new_entry()
    dialog = window.findChild(EntryDialog)
    assert dialog is not None
    type_times(dialog, datetime(2026, 3, 9, 11, 0), datetime(2026, 3, 9, 13, 0), 0)
    assert dialog.warnings() == [
        f"Overlaps another entry of this user: {day_text(utc(2026, 3, 9, 7), BERLIN)}, "
        "08:00 \N{EN DASH} 12:00."
    ]
    dialog.reject()


def dialogs(window: MainWindow) -> WindowDialogs:
    return WindowDialogs(
        window,
        on_account_changed=lambda _account: None,
        on_language_changed=lambda _language: None,
        settings_account=None,
    )
