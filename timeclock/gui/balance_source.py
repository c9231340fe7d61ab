"""Where the window's balances come from: the working model of this desk (for servers
without ``work_reports``) and a client of a view's own for its worker."""

from __future__ import annotations

from collections.abc import Callable

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


class OwnClient:
    """A client for one view's worker alone (the session's worker and its stamps never
    wait for a view's reads), made when first needed. A view that closes calls
    :meth:`stop` (a read under way ends now: closing waits for no server), stops its
    worker, then calls :meth:`close`."""

    def __init__(self, account: Callable[[], Account]) -> None:
        self._account = account
        self._client: TimeTrackClient | None = None

    def get(self) -> TimeTrackClient:
        """The client (made now if there is none)."""
        if self._client is None:
            account = self._account()
            self._client = TimeTrackClient(account.base_url, account.credentials)
        return self._client

    def stop(self) -> None:
        """End a read under way (the worker's task then ends with an error)."""
        if self._client is not None:
            self._client.stop()

    def close(self) -> None:
        """Close the client (once the worker stopped); a later :meth:`get` makes anew."""
        client, self._client = self._client, None
        if client is not None:
            client.close()
