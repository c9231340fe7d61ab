"""Where the window's balances come from: the working model of this desk (for servers
without ``work_reports``) and a client of a view's own for its worker."""

from __future__ import annotations

from timeclock.api.client import TimeTrackClient
from timeclock.services.account import Account
from timeclock.services.working_model import WorkingModel, working_model
from timeclock.store.settings import load_settings


def window_model(state: str | None) -> WorkingModel:
    """The working model in the settings (``work_hours``, ``state``); ``state`` given (the
    demo's Berlin) wins over the settings' one. Reads the settings file: call it in a
    worker (a bad file raises a :class:`~timeclock.domain.errors.TimeClockError` worded
    for people)."""
    model = working_model(load_settings())
    return model if state is None else WorkingModel(model.hours, state)


def own_client(account: Account) -> TimeTrackClient:
    """A client for one view's worker alone: the session's worker and its stamps never
    wait for a view's reads (stop and close it with the view)."""
    return TimeTrackClient(account.base_url, account.credentials)
