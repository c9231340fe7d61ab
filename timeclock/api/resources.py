"""Reading ``users``, ``absences`` and ``work_reports``: paging, and "not available".

Each is paged like attendances (``page_number`` from 0, ``limit`` up to 1000, until a short
page). A page that brings nothing new is a server ignoring ``page_number`` (it may know
only ``page``): the list would repeat for ever, so that is an error, not a loop. 401, 403
and 404 become :class:`~timeclock.api.errors.UnavailableError`: the server or the key does
not offer the resource, which the desk must survive (it works with attendances alone);
a network failure stays a :class:`~timeclock.api.errors.NetworkError`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Final, Protocol, TypeVar

from timeclock.api.errors import (
    AuthenticationError,
    MalformedResponseError,
    NotFoundError,
    UnavailableError,
)
from timeclock.api.people_wire import PeopleWireError, record, records

T = TypeVar("T")

PAGE_NUMBER: Final = "page_number"
PAGE_LIMIT: Final = "limit"
MAX_PAGES: Final = 10_000

_WHAT: Final = {
    "users": "the employee directory (users)",
    "absences": "absences",
    "work_reports": "work reports (targets and balances)",
}


class Reader(Protocol):
    """What these reads need of :class:`~timeclock.api.client.TimeTrackClient`."""

    page_size: int
    max_entries: int

    def read(
        self, resource: str, path: str = "", params: Mapping[str, str] | None = None
    ) -> object: ...


def read_all(
    client: Reader,
    resource: str,
    params: Mapping[str, str],
    parse: Callable[[Mapping[str, Any]], T],
    identity: Callable[[T], Hashable],
) -> list[T]:
    """Every record of ``resource`` the filters in ``params`` select, page by page.

    ``identity`` tells records apart (the id, or what stands for one): one seen before is
    the same record again and kept once.
    """
    found: list[T] = []
    seen: set[Hashable] = set()
    size = client.page_size
    for page_number in range(MAX_PAGES):
        page_params = {**params, PAGE_NUMBER: str(page_number), PAGE_LIMIT: str(size)}
        with available(resource):
            payload = client.read(resource, params=page_params)
        page = _parsed(_page, payload, resource, parse)
        fresh = [item for item in page if identity(item) not in seen]
        if page and not fresh:
            raise MalformedResponseError(
                f"TimeTrack sent the same page of {resource} again (it may not page by "
                f"{PAGE_NUMBER}); the list would be incomplete."
            )
        for item in fresh:
            seen.add(identity(item))
            found.append(item)
        if len(page) < size:
            return found
        if len(seen) >= client.max_entries:
            break
    raise MalformedResponseError(
        f"TimeTrack kept sending pages of {resource}; stopped after {len(seen):,} records."
    )


def read_one(
    client: Reader, resource: str, record_id: int, parse: Callable[[Mapping[str, Any]], T]
) -> T:
    """One record by id. A 404 here means "no such record" (:class:`NotFoundError`)."""
    with available(resource, missing_is_unavailable=False):
        payload = client.read(resource, str(int(record_id)))
    return _parsed(lambda: parse(record(payload, resource)))


@contextmanager
def available(resource: str, *, missing_is_unavailable: bool = True) -> Iterator[None]:
    """Turn 401/403 (and 404, unless a get of one record) into :class:`UnavailableError`."""
    what = _WHAT.get(resource, resource)
    try:
        yield
    except AuthenticationError as error:
        raise UnavailableError(
            f"This API key may not read {what} (HTTP {error.status}); "
            "TimeClock works on without it.",
            resource=resource,
            forbidden=True,
            status=error.status,
            host=error.host,
            server_says=error.server_says,
        ) from None
    except NotFoundError as error:
        if not missing_is_unavailable:
            raise
        raise UnavailableError(
            f"This TimeTrack server does not offer {what} (HTTP 404); "
            "TimeClock works on without it.",
            resource=resource,
            forbidden=False,
            status=error.status,
            host=error.host,
            server_says=error.server_says,
        ) from None


def _page(payload: object, resource: str, parse: Callable[[Mapping[str, Any]], T]) -> list[T]:
    return [parse(item) for item in records(payload, resource)]


def _parsed(read: Callable[..., T], *args: Any) -> T:
    try:
        return read(*args)
    except PeopleWireError as error:
        raise MalformedResponseError(
            f"TimeTrack sent data this program cannot read ({error})."
        ) from None
