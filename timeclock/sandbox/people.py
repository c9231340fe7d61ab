"""The routes of ``users``, ``absences`` and ``work_reports`` (read only, GET).

Each is served under both spellings (``users`` and ``users/``). A resource the quirks mark
absent answers 404 exactly as an unknown path does; one marked forbidden answers 403. Lists
come in the app's envelope, like attendances. Writes are not offered (405).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from timeclock.sandbox.absences import get_absence, list_absences
from timeclock.sandbox.directory import Directory
from timeclock.sandbox.errors import ApiError, ErrorCode
from timeclock.sandbox.listing import Envelope, wrap
from timeclock.sandbox.store import AttendanceStore
from timeclock.sandbox.users import get_user, list_users
from timeclock.sandbox.work_reports import list_work_reports

_ID = re.compile(r"^[0-9]{1,18}$")


def people_routes(
    directory: Directory, store: AttendanceStore, prefix: str, envelope: Envelope
) -> list[Route]:
    """The routes to add to the app (see the module's docstring)."""

    def gate(resource: str, request: Request) -> None:
        quirks = directory.quirks
        if resource in quirks.absent:
            raise ApiError(ErrorCode.ROUTE_NOT_FOUND, f"no resource at {request.url.path}")
        if resource in quirks.forbidden:
            raise ApiError(ErrorCode.FORBIDDEN, f"this API key may not read {resource}")

    def listing(resource: str, read: Callable[[Request], list[object]]) -> Callable[..., object]:
        async def endpoint(request: Request) -> Response:
            gate(resource, request)
            return JSONResponse(wrap(read(request), envelope))

        return endpoint

    def item(
        resource: str, read: Callable[[Directory, int], dict[str, object]], missing: ErrorCode
    ) -> Callable[..., object]:
        async def endpoint(request: Request) -> Response:
            gate(resource, request)
            raw = request.path_params["id"]
            if not _ID.match(raw):
                raise ApiError(missing, f"no record has the id {raw!r}")
            return JSONResponse(read(directory, int(raw)))

        return endpoint

    endpoints = {
        "users": (
            listing("users", lambda request: list_users(directory, request.query_params)),
            item("users", get_user, ErrorCode.USER_NOT_FOUND),
        ),
        "absences": (
            listing("absences", lambda request: list_absences(directory, request.query_params)),
            item("absences", get_absence, ErrorCode.ABSENCE_NOT_FOUND),
        ),
        "work_reports": (
            listing(
                "work_reports",
                lambda request: list_work_reports(directory, store, request.query_params),
            ),
            None,
        ),
    }
    routes = []
    for resource, (collection, one) in endpoints.items():
        path = f"{prefix}/{resource}"
        for suffix in ("", "/"):
            routes.append(Route(path + suffix, collection, methods=["GET"]))
            if one is not None:
                routes.append(Route(f"{path}/{{id}}{suffix}", one, methods=["GET"]))
    return routes
