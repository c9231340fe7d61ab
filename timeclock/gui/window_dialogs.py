"""Which dialog opens for which action of the main window; the window never waits on one.

Each dialog's module is imported when it first opens: the start of the window does not pay
for dialogs that may never open (about 20 ms).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDialog, QWidget

from timeclock.domain.attendance import Attendance
from timeclock.domain.ranges import DayRange, default_day
from timeclock.gui.balance_source import window_model
from timeclock.gui.entry_actions import EntryActions, known_entries
from timeclock.gui.main_window import MainWindow
from timeclock.gui.messages import held_entry_gone, held_note
from timeclock.services.account import Account
from timeclock.services.desk import Hold, OutboxItem
from timeclock.services.working_model import WorkingModel, holiday_state
from timeclock.store.settings import load_settings

if TYPE_CHECKING:
    from timeclock.domain.findings import Finding
    from timeclock.gui.attention_dialog import NeedsAttentionDialog
    from timeclock.gui.entry_dialog import EntryDialog
    from timeclock.gui.export_dialog import ExportDialog, Exported
    from timeclock.gui.outbox_dialog import OutboxDialog
    from timeclock.gui.overview_dialog import OverviewDialog
    from timeclock.gui.settings_dialog import SettingsDialog


class WindowDialogs(QObject):
    """Opens the entry, delete and settings dialogs of ``window``.

    Saving settings hands the new account to ``on_account_changed``, a new language to
    ``on_language_changed``; entries changed in dialogs reach the list through the
    session's signals, so only their rows change. *Needs attention* checks the public
    holidays of ``state`` (the demo's), else of the state in the settings.
    """

    def __init__(
        self,
        window: MainWindow,
        *,
        on_account_changed: Callable[[Account], None],
        on_language_changed: Callable[[str], None],
        settings_account: Account | None,
        state: str | None = None,
        demo: bool = False,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._on_account_changed = on_account_changed
        self._on_language_changed = on_language_changed
        self._settings_account = settings_account
        self._demo = demo  # the settings show the demo's account, which needs no key
        self.settings_dialog: SettingsDialog | None = None
        self.attention_dialog: NeedsAttentionDialog | None = None
        self._state = state
        window.open_entry_dialog = self.open_entry
        window.open_delete_dialog = self.open_delete
        window.open_settings_dialog = self.open_settings
        window.open_outbox_dialog = self.open_outbox
        window.open_attention_dialog = self.open_attention
        self.overview_dialog: OverviewDialog | None = None
        self.export_dialog: ExportDialog | None = None
        window.open_overview_dialog = self.open_overview
        window.open_export_dialog = self.open_export
        window.footer_balance.model_source = self.working_model
        # Ctrl+Z, Set break… and History…; every dialog's change is recorded there.
        self.entry_actions = EntryActions(window)
        self.entry_actions.open_set_break = self.open_set_break
        self.entry_actions.open_history = self.open_history
        window.open_bulk_delete_dialog = self.open_bulk_delete

    def open_entry(self, entry: Attendance | None) -> None:
        """The dialog for a new entry (``None``) or for editing ``entry``."""
        from timeclock.gui.entry_dialog import EntryDialog  # noqa: PLC0415 - see above

        window = self._window
        listed_user = window.filter_bar.user_filter(window.session.user) or window.session.user
        self._show(
            EntryDialog(
                window.session,
                window.zone,
                entry=entry,
                user=listed_user,
                day=default_day(window.filter_bar.day_range(window.today()), window.today()),
                known=lambda: known_entries(window),
                window_state=window.window_state,
                parent=window,
            )
        )

    def open_delete(self, entry: Attendance) -> None:
        """Ask whether to delete ``entry``, and delete it if so."""
        from timeclock.gui.delete_dialog import DeleteDialog  # noqa: PLC0415 - see above

        window = self._window
        self._show(
            DeleteDialog(
                window.session, window.zone, entry, window_state=window.window_state, parent=window
            )
        )

    def open_outbox(self) -> None:
        """The changes waiting on this computer."""
        from timeclock.gui.outbox_dialog import OutboxDialog  # noqa: PLC0415 - see above

        window = self._window
        dialog = OutboxDialog(
            window.session, window.zone, window_state=window.window_state, parent=window
        )
        dialog.fix_requested.connect(lambda item: self.open_fix(item, dialog))
        self._show(dialog)

    def open_fix(self, item: OutboxItem, outbox_dialog: OutboxDialog) -> None:
        """The entry dialog for a held change, with its values; saving revises it."""
        window = self._window
        note = held_note(item.hold is Hold.CONFLICT, item.problem)
        if item.draft is not None:
            values = item.draft.as_entry(local_ref=item.ref)
            self._show(self._fix_dialog(None, values, item, note, outbox_dialog))
            return

        def arrived(current: Attendance | None) -> None:
            if current is None or item.change is None:
                outbox_dialog.show_problem(held_entry_gone())
                return
            values = item.change.applied_to(current)
            self._show(self._fix_dialog(current, values, item, note, outbox_dialog))

        window.session.load_held_entry(item, outbox_dialog.while_open(arrived))

    def _fix_dialog(
        self,
        entry: Attendance | None,
        values: Attendance,
        item: OutboxItem,
        note: str,
        parent: OutboxDialog,
    ) -> EntryDialog:
        from timeclock.gui.entry_dialog import EntryDialog  # noqa: PLC0415 - see above

        window = self._window
        return EntryDialog(
            window.session,
            window.zone,
            entry=entry,
            values=values,
            held=item.seq,
            note=note,
            window_state=window.window_state,
            parent=parent,
        )

    def open_attention(self) -> None:
        """*Needs attention* over the list's days and user, beside the window (one only)."""
        if self.attention_dialog is not None:
            self.attention_dialog.raise_()
            self.attention_dialog.activateWindow()
            return
        from timeclock.gui.attention_dialog import NeedsAttentionDialog  # noqa: PLC0415

        window = self._window

        def scope() -> tuple[DayRange, str | None]:
            days = window.filter_bar.day_range(window.today())
            return days, window.filter_bar.user_filter(window.session.user)

        dialog = NeedsAttentionDialog(
            window.session,
            window.zone,
            scope=scope,
            state=self._holiday_state,
            window_state=window.window_state,
            parent=window,
        )
        dialog.fix_requested.connect(lambda finding: self.open_finding(finding, dialog))
        dialog.finished.connect(self._attention_closed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.attention_dialog = dialog
        dialog.show()  # not modal: the list stays at hand

    def open_finding(self, finding: Finding, parent: QWidget) -> None:
        """The entry dialog with the finding's (first) entry, to correct it; for an entry
        left open the dialog puts the cursor in its end."""
        from timeclock.gui.entry_dialog import EntryDialog  # noqa: PLC0415 - see above

        window = self._window
        self._show(
            EntryDialog(
                window.session,
                window.zone,
                entry=finding.entries[0],
                known=lambda: known_entries(window),
                window_state=window.window_state,
                parent=parent,
            )
        )

    def _holiday_state(self) -> str | None:
        """The state whose holidays count (in the dialog's worker: it reads the settings)."""
        return self._state if self._state is not None else holiday_state(load_settings())

    def _attention_closed(self) -> None:
        self.attention_dialog = None

    def working_model(self) -> WorkingModel:
        """The settings' working model with the demo's state (in a worker: reads a file)."""
        return window_model(self._state)

    def open_overview(self) -> None:
        """The overview of the list's user (or the team) around the list's days, beside
        the window (one only)."""
        if self.overview_dialog is not None:
            self.overview_dialog.raise_()
            self.overview_dialog.activateWindow()
            return
        from timeclock.gui.overview_dialog import OverviewDialog  # noqa: PLC0415 - see above
        from timeclock.services.overview import Period  # noqa: PLC0415

        window = self._window
        days, user = window.list_scope()
        dialog = OverviewDialog(
            window.session,
            window.zone,
            user=user,
            anchor=min(days.last, window.today()) if days.first <= window.today() else days.first,
            period=Period.WEEK if days.days <= 7 else Period.MONTH,
            model=self.working_model,
            window_state=window.window_state,
            parent=window,
        )
        dialog.finished.connect(self._overview_closed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.overview_dialog = dialog
        dialog.show()  # not modal: the list stays at hand

    def _overview_closed(self) -> None:
        self.overview_dialog = None

    def open_export(self) -> None:
        """File > Export: the month of the list, its user; the message bar says how it went."""
        if self.export_dialog is not None:
            self.export_dialog.raise_()
            self.export_dialog.activateWindow()
            return
        from timeclock.gui.export_dialog import ExportDialog  # noqa: PLC0415 - see above

        window = self._window
        days, user = window.list_scope()
        dialog = ExportDialog(
            window.session,
            window.zone,
            month=min(days.last, max(days.first, window.today())),
            shown_user=user,
            model=self.working_model,
            window_state=window.window_state,
            parent=window,
        )
        dialog.exported.connect(self._exported)
        dialog.failed.connect(window.message_bar.show_problem)
        dialog.finished.connect(self._export_closed)
        self.export_dialog = dialog
        self._show(dialog)

    def _exported(self, exported: Exported) -> None:
        from timeclock.gui.export_dialog import export_notice  # noqa: PLC0415 - see above

        self._window.message_bar.show_notice(export_notice(exported))

    def _export_closed(self) -> None:
        self.export_dialog = None

    def open_settings(self, credentials_rejected: bool) -> None:
        """The settings; after a 401/403 with the credentials selected."""
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            self.settings_dialog.activateWindow()
            return
        from timeclock.gui.settings_dialog import SettingsDialog  # noqa: PLC0415 - see above

        dialog = SettingsDialog(
            account=self._window.session.account if self._demo else self._settings_account,
            demo=self._demo,
            window_state=self._window.window_state,
            parent=self._window,
        )
        if credentials_rejected:
            dialog.focus_credentials()
        dialog.saved.connect(lambda account, _session_only: self._on_account_changed(account))
        dialog.language_changed.connect(self._on_language_changed)
        dialog.finished.connect(self._settings_closed)
        self.settings_dialog = dialog
        self._show(dialog)

    def _settings_closed(self) -> None:
        self.settings_dialog = None

    def open_bulk_delete(self, entries: list[Attendance]) -> None:
        """Ask once whether to delete several entries, and delete them if so."""
        from timeclock.gui.bulk_dialogs import BulkDeleteDialog  # noqa: PLC0415 - see above

        window = self._window
        self._show(
            BulkDeleteDialog(
                window.session,
                window.zone,
                entries,
                window_state=window.window_state,
                parent=window,
            )
        )

    def open_set_break(self, entries: list[Attendance]) -> None:
        """Set the break of one or several entries."""
        from timeclock.gui.bulk_dialogs import BulkBreakDialog  # noqa: PLC0415 - see above

        window = self._window
        self._show(
            BulkBreakDialog(
                window.session,
                window.zone,
                entries,
                window_state=window.window_state,
                parent=window,
            )
        )

    def open_history(self, entry: Attendance) -> None:
        """The corrections of ``entry`` made from this desk."""
        from timeclock.gui.history_dialog import HistoryDialog  # noqa: PLC0415 - see above

        window = self._window
        self._show(
            HistoryDialog(
                window.session, window.zone, entry, window_state=window.window_state, parent=window
            )
        )

    def _show(self, dialog: QDialog) -> None:
        self.entry_actions.watch(dialog)  # what it changes, Ctrl+Z can take back
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()


def first_run_settings(
    on_saved: Callable[[Account], None], on_cancelled: Callable[[], None]
) -> SettingsDialog:
    """The settings dialog a first start opens instead of the window."""
    from timeclock.gui.settings_dialog import SettingsDialog  # noqa: PLC0415 - see above

    dialog = SettingsDialog()
    dialog.setWindowTitle(
        QCoreApplication.translate("WindowDialogs", "Connect TimeClock to TimeTrack")
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.saved.connect(lambda account, _session_only: on_saved(account))
    dialog.rejected.connect(on_cancelled)
    dialog.show()
    return dialog
