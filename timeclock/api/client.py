"""The TimeTrack attendances client: the six operations over one keep-alive connection."""

from __future__ import annotations

import json
import logging
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from types import TracebackType
from typing import Any, Final, Literal, Self, TypeVar

import httpx

from timeclock import __version__
from timeclock.api import wire
from timeclock.api.ahead import Ahead
from timeclock.api.answers import entry_for, of_user
from timeclock.api.credentials import Credentials
from timeclock.api.deadline import Budget, DeadlineTransport, request_budget
from timeclock.api.endpoint import is_loopback, resolve_base_url
from timeclock.api.errors import MalformedResponseError
from timeclock.api.responses import (
    deadline_error,
    read_body,
    read_json,
    status_error,
    stopped_error,
    transport_error,
)
from timeclock.domain.attendance import (
    Attendance,
    AttendanceChange,
    AttendanceDraft,
    listed_order,
)
from timeclock.domain.foreground import sorted_paced

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_TIMEOUT: Final = httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=5.0)
DEFAULT_DEADLINE: Final = 30.0  # seconds a whole request may take: connect, send, answer
PAGE_SIZE: Final = 1000  # the most the service hands out per page
MAX_PAGES: Final = 10_000  # ten million entries: past that the server is paging forever
# More entries than any list of ours holds (a year of a company of 500 is 125,000); past
# this the server is paging forever, and keeping on would fill the memory.
MAX_ENTRIES: Final = 200_000
_RESOURCE: Final = "attendances"


def _tls_context(base_url: str) -> ssl.SSLContext:
    """The TLS context of a client of ``base_url``.

    Trusted certificates follow SSL_CERT_FILE/SSL_CERT_DIR even where proxies from the
    environment are not used (loopback), so a TLS sandbox can be trusted. Plain ``http``
    (only ever to loopback, and redirects are not followed) never uses TLS: its context
    trusts nothing, so it costs nothing to make (loading the trusted certificates takes
    30 to 100 ms, on the window's thread at its start).
    """
    if base_url.startswith("http://"):
        return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # verifies, and trusts no one
    return httpx.create_ssl_context(trust_env=True)


class TimeTrackClient:
    """A client of ``api/v2/ext/attendances``.

    One ``httpx.Client`` carries every request (keep-alive, the two auth headers, a
    User-Agent naming TimeClock). TLS is always verified: ``verify`` may name other trusted
    certificates, never switch checking off. Proxies come from the environment, except for
    loopback addresses, which are never proxied. Every failure is a
    :class:`~timeclock.api.errors.TimeTrackError` whose text is fit to show a person.

    Every request ends within ``deadline`` seconds, however slowly the server sends (see
    :mod:`timeclock.api.deadline`), and none runs past ``finish_by`` (a
    ``time.monotonic()`` moment: the end of a command's time), else a
    :class:`~timeclock.api.errors.TimeoutError`. :meth:`stop` ends every request at once.
    """

    def __init__(
        self,
        account_or_url: str,
        credentials: Credentials,
        *,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        verify: ssl.SSLContext | Literal[True] = True,
        transport: httpx.BaseTransport | None = None,
        page_size: int = PAGE_SIZE,
        deadline: float = DEFAULT_DEADLINE,
        finish_by: float | None = None,
        max_entries: int = MAX_ENTRIES,
    ) -> None:
        if verify is not True and not isinstance(verify, ssl.SSLContext):
            raise TypeError("TLS verification cannot be switched off")
        if not deadline > 0:
            raise ValueError("the deadline must be a positive number of seconds")
        self.base_url = resolve_base_url(account_or_url)
        self.page_size = page_size
        self.max_entries = max_entries
        self.deadline = deadline
        self.finish_by = finish_by
        self._timeout = timeout
        self._stop = threading.Event()
        # Cut out of what a server says back, should it quote the request's headers.
        self._hidden = (credentials.api_key, credentials.api_secret)
        host = httpx.URL(self.base_url).host
        context = _tls_context(self.base_url) if verify is True else verify
        self._http = httpx.Client(
            base_url=self.base_url + "/",
            headers={
                **credentials.headers(),
                "Content-Type": "application/json",
                "Accept": "application/json",
                "User-Agent": f"TimeClock/{__version__} (+https://github.com/timeclock)",
            },
            timeout=timeout,
            verify=context,
            transport=transport if transport is not None else DeadlineTransport(context),
            follow_redirects=False,
            trust_env=not is_loopback(host),
        )

    def __repr__(self) -> str:
        return f"TimeTrackClient({self.base_url!r})"

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def stop(self) -> None:
        """End every request, now and later (from any thread): the program is closing.

        A request waiting for the server ends within a fraction of a second (one still
        connecting, within the connect timeout) with a :class:`NetworkError`.
        """
        self._stop.set()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- the six operations -------------------------------------------------------------

    def list_attendances(
        self,
        *,
        user: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[Attendance]:
        """Every entry (of ``user``, if given) starting in ``[since, until)``, in time order.

        Pages through the results until a page comes back short, so no entry past the
        service's default of 50 is lost; but a server that pages for ever is stopped with a
        :class:`MalformedResponseError` once ``max_entries`` have come (the time it may
        take is bounded by ``deadline`` a page and ``finish_by`` in all). Entries outside
        the asked range, and other users' entries, are dropped as they come, whatever the
        server's reading of the filter; the asked-for user's entries come back with the
        name spelled as asked (filled in where the server left it out).
        """
        if since is not None and until is not None and until <= since:
            return []
        wanted: list[Attendance] = []
        seen: set[int | None] = set()  # the server sends every entry with an id
        with Ahead[list[Any]](self._stop, "timeclock-page") as ahead:
            # The next page is asked for as soon as this one is known to lead to it, and
            # is served while this one is read (see timeclock.api.ahead).
            ahead.start(self._page_of(user, since, until, 0))
            for page_number in range(MAX_PAGES):
                items = ahead.result()
                full = len(items) >= self.page_size
                more = full and page_number + 1 < MAX_PAGES
                # Asked for before this page is read only where its ids show that the
                # list goes on: so the same requests are made as when asked for after.
                early = more and self._goes_on(items, seen)
                if early:
                    ahead.start(self._page_of(user, since, until, page_number + 1))
                page = self._read(wire.parse_attendance_items, items)
                # An id seen before (on an earlier page or on this one) is the same entry.
                fresh = []
                for entry in page:
                    if entry.id not in seen:
                        seen.add(entry.id)
                        fresh.append(entry)
                if page and not fresh:
                    raise MalformedResponseError(
                        "TimeTrack sent the same page again; the list may be incomplete."
                    )
                wanted.extend(_asked(fresh, user, since, until))
                if not full:
                    break
                if len(seen) >= self.max_entries:
                    raise _endless(len(seen))
                if more and not early:
                    ahead.start(self._page_of(user, since, until, page_number + 1))
            else:
                raise _endless(len(seen))
        # Paced: a list of a year is 100,000 entries, read while the window paints.
        return sorted_paced(wanted, key=listed_order)

    def _goes_on(self, items: list[Any], seen: set[int | None]) -> bool:
        """Whether a full page of ``items`` leads to the next page, if its items read
        well: some of their ids are new, and with them fewer than ``max_entries`` are seen.
        False where that cannot be told before they are read (ids in other shapes)."""
        ids = wire.plain_ids(items)
        if ids is None:
            return False
        fresh = {entry_id for entry_id in ids if entry_id not in seen}
        return bool(fresh) and len(seen) + len(fresh) < self.max_entries

    def _page_of(
        self, user: str | None, since: datetime | None, until: datetime | None, number: int
    ) -> Callable[[threading.Event], list[Any]]:
        """The request of page ``number`` of a list, as :class:`Ahead` runs it: its items,
        unread (a :class:`MalformedResponseError` for an answer that holds no list)."""
        params = {
            **wire.filter_params(user, since, until),
            wire.PAGE_NUMBER: str(number),
            wire.PAGE_LIMIT: str(self.page_size),
        }

        def page(stop: threading.Event) -> list[Any]:
            return self._parse(wire.attendance_items, self._request("GET", "", params, stop=stop))

        return page

    def get_attendance(self, entry_id: int) -> Attendance:
        """One entry by its id (an answer with another id is garbled: see :mod:`answers`)."""
        response = self._request("GET", _entry_path(entry_id), entry_id=entry_id)
        return self._entry(response, entry_id)

    def create_attendance(self, draft: AttendanceDraft) -> Attendance:
        """Create an entry; returns it as the server stored it, with its id.

        An answer with another user's entry is garbled, never the created entry.
        """
        response = self._request("POST", "", body=wire.draft_to_wire(draft))
        return entry_for(self._parse(wire.parse_attendance, response), user=draft.user)

    def update_attendance(self, entry_id: int, change: AttendanceChange) -> Attendance:
        """Change an entry; returns it as the server stored it.

        A server that answers an update without the object is asked for it again.
        """
        response = self._request(
            "PUT", _entry_path(entry_id), body=wire.change_to_wire(change), entry_id=entry_id
        )
        if not response.content.strip():
            return self.get_attendance(entry_id)
        return self._entry(response, entry_id)

    def delete_attendance(self, entry_id: int) -> None:
        """Delete an entry."""
        self._request("DELETE", _entry_path(entry_id), entry_id=entry_id)

    def read(
        self, resource: str, path: str = "", params: Mapping[str, str] | None = None
    ) -> object:
        """The JSON of ``GET resource[/path]``: how :mod:`timeclock.api.users`,
        :mod:`~timeclock.api.absences` and :mod:`~timeclock.api.work_reports` reach their
        resources over this client's connection, deadlines and errors."""
        return read_json(self._request("GET", path, params, resource=resource))

    # -- plumbing -----------------------------------------------------------------------

    def _request(
        self,
        method: str,
        path: str,
        params: Mapping[str, str] | None = None,
        *,
        body: Mapping[str, Any] | None = None,
        entry_id: int | None = None,
        resource: str = _RESOURCE,
        stop: threading.Event | None = None,
    ) -> httpx.Response:
        """``stop``: the request's own stop flag (see :class:`Ahead`), else the client's."""
        url = f"{resource}/{path}" if path else resource
        started = time.monotonic()
        budget = self._budget(started, stop)
        request = self._http.build_request(
            method,
            url,
            params=params,
            content=None if body is None else json.dumps(body),
            timeout=self._timeout_within(budget),
        )
        try:
            with request_budget(budget):
                streamed = self._http.send(request, stream=True)
                try:
                    response = read_body(streamed, ends=budget.ends)
                finally:
                    streamed.close()
        except httpx.HTTPError as error:
            log.debug("%s %s failed: %s", method, url, type(error).__name__)
            if self._stop.is_set():
                raise stopped_error(self.base_url) from None
            if isinstance(error, httpx.TimeoutException) and budget.left() <= 0:
                raise deadline_error(self.base_url, budget.ends - started) from None
            raise transport_error(error, self.base_url) from None
        log.debug(
            "%s %s -> %s (%.0f ms)",
            method,
            response.request.url,
            response.status_code,
            (time.monotonic() - started) * 1000,
        )
        if response.is_success:
            return response
        raise status_error(response, entry_id, hidden=self._hidden)

    def _budget(self, now: float, stop: threading.Event | None = None) -> Budget:
        """The time the request starting ``now`` has: the deadline, within ``finish_by``;
        it ends early when ``stop`` (by default the client's stop flag) is set."""
        if self._stop.is_set():
            raise stopped_error(self.base_url)
        ends = now + self.deadline
        if self.finish_by is not None:
            ends = min(ends, self.finish_by)
        if ends <= now:
            raise deadline_error(self.base_url, 0.0)
        return Budget(ends, self._stop if stop is None else stop)

    def _timeout_within(self, budget: Budget) -> httpx.Timeout:
        """The per-operation timeouts, none longer than the request has left (for any
        transport that does not keep to the budget by itself)."""
        left = max(budget.left(), 0.001)
        parts = (self._timeout.connect, self._timeout.read, self._timeout.write)
        connect, read, write = (left if part is None else min(part, left) for part in parts)
        pool = left if self._timeout.pool is None else min(self._timeout.pool, left)
        return httpx.Timeout(connect=connect, read=read, write=write, pool=pool)

    def _entry(self, response: httpx.Response, entry_id: int) -> Attendance:
        """The entry ``entry_id`` in ``response``; its id is taken as that where missing."""
        entry = self._parse(lambda value: wire.parse_attendance(value, known_id=entry_id), response)
        return entry_for(entry, entry_id=entry_id)

    @staticmethod
    def _parse(reader: Callable[[object], T], response: httpx.Response) -> T:
        return TimeTrackClient._read(reader, read_json(response))

    @staticmethod
    def _read(reader: Callable[[Any], T], payload: object) -> T:
        """``reader(payload)``; a wire format error as the client's error."""
        try:
            return reader(payload)
        except wire.WireFormatError as error:
            raise MalformedResponseError(
                f"TimeTrack sent data this program cannot read ({error})."
            ) from None


def _asked(
    entries: list[Attendance], user: str | None, since: datetime | None, until: datetime | None
) -> list[Attendance]:
    """The entries a list asked for (see :meth:`TimeTrackClient.list_attendances`)."""
    in_range = [
        entry
        for entry in entries
        if (since is None or entry.start >= since) and (until is None or entry.start < until)
    ]
    if not user:
        return in_range
    return [mine for entry in in_range if (mine := of_user(entry, user)) is not None]


def _endless(count: int) -> MalformedResponseError:
    return MalformedResponseError(
        f"TimeTrack kept sending pages; stopped after {count:,} entries. "
        "Try a shorter range, or ask the TimeTrack administrator."
    )


def _entry_path(entry_id: int) -> str:
    return str(int(entry_id))
