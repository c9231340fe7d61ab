"""What the desk adds to a new main window: the tray icon (where a tray exists) and the
reminders, as the settings say."""

from __future__ import annotations

import logging

from timeclock.domain.errors import TimeClockError
from timeclock.gui.desk_reminders import DeskReminders
from timeclock.gui.main_window import MainWindow
from timeclock.gui.tray import DeskTray, tray_available
from timeclock.services.reminders import rules_from
from timeclock.services.working_model import WorkingModel, working_model
from timeclock.store.settings import Settings

log = logging.getLogger(__name__)


def attach_desk(
    window: MainWindow,
    settings: Settings,
    *,
    state: str | None = None,
    earlier: DeskReminders | None = None,
) -> tuple[DeskTray | None, DeskReminders]:
    """Give ``window`` its tray icon (None without a tray) and its reminders; those of an
    ``earlier`` window of the same person hand over what they showed and snoozed.

    ``state`` (the demo's) wins over the settings' German state for public holidays; a
    working model the settings cannot give (the file edited by hand) is the default one,
    as the footer's balance says in its own words.
    """
    tray = (
        DeskTray(window, close_to_tray=settings.close_to_tray.strip().lower() != "off")
        if tray_available()
        else None
    )
    try:
        model = working_model(settings)
    except TimeClockError as error:
        log.warning("reminders use the default working days: %s", error)
        model = WorkingModel()
    if state is not None:
        model = WorkingModel(model.hours, state)
    reminders = DeskReminders(window, rules_from(settings), model, tray)
    if earlier is not None:
        reminders.engine.carry_over(earlier.engine)
    return tray, reminders
