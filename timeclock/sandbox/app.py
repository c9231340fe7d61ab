"""The sandbox's ASGI application: routes, endpoints and the error handling around them."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping, Sequence

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from timeclock.sandbox.auth import ApiCredentials, ApiKeyMiddleware
from timeclock.sandbox.directory import Directory
from timeclock.sandbox.drip import Drip
from timeclock.sandbox.endless import page_filler
from timeclock.sandbox.errors import (
    ApiError,
    ErrorCode,
    error_response,
    handle_api_error,
    handle_http_exception,
    handle_unexpected,
)
from timeclock.sandbox.faults import FaultControl, FaultInjection, admin_routes
from timeclock.sandbox.list_body import list_body, shown
from timeclock.sandbox.listing import ENVELOPES, Envelope, parse_list_query
from timeclock.sandbox.openapi import build_openapi
from timeclock.sandbox.pages import PageCache
from timeclock.sandbox.payloads import parse_create, parse_update, read_json_object
from timeclock.sandbox.people import people_routes
from timeclock.sandbox.quirks import QuirkControl
from timeclock.sandbox.records import TimeRangeError
from timeclock.sandbox.store import AttendanceStore, EntryDeletedError, EntryNotFoundError

API_PREFIX = "/api/v2/ext"
OPENAPI_PATH = f"{API_PREFIX}/openapi.json"

Endpoint = Callable[[Request], Awaitable[Response]]

_ENTRY_ID = re.compile(r"^[0-9]+$")


def create_app(
    store: AttendanceStore,
    credentials: ApiCredentials,
    *,
    envelope: Envelope = "array",
    middleware: Sequence[Middleware] = (),
    faults: FaultControl | None = None,
    quirks: QuirkControl | None = None,
    directory: Directory | None = None,
) -> Starlette:
    """The TimeTrack-compatible app over ``store``.

    ``envelope`` shapes list responses ("array" or "data"). ``middleware`` is wrapped around
    the credential check (outermost first). With ``faults`` the attendances resource gets
    the faults of ``faults.plan`` (inside ``middleware``, outside the credential check) and
    the admin endpoints ``{API_PREFIX}/_admin/faults`` and ``/_admin/reset`` exist; they
    need the API key and secret and are not in the OpenAPI document. ``quirks`` (default:
    none) makes the server behave in the current ways the vendor's documents allow; with
    ``faults`` too, ``{API_PREFIX}/_admin/quirks`` reads and replaces them. Like the
    faults, the quirks touch only the attendances resource. ``directory`` (default: an
    empty one) holds the people behind ``users``, ``absences`` and ``work_reports``
    (:mod:`timeclock.sandbox.people`), and their own quirks.
    """
    if envelope not in ENVELOPES:
        raise ValueError(f"unknown envelope {envelope!r}; expected one of {ENVELOPES}")
    openapi_document = build_openapi(envelope, API_PREFIX)

    async def openapi(_request: Request) -> Response:
        return JSONResponse(openapi_document)

    control = quirks if quirks is not None else QuirkControl()

    pages = PageCache()

    async def list_attendances(request: Request) -> Response:
        current = control.quirks
        version = store.version  # before the query: see PageCache
        key = (request.scope["query_string"], current)
        kept = pages.get(version, key)
        if kept is not None:
            return Response(kept, media_type=JSONResponse.media_type)
        query = parse_list_query(request.query_params)
        rows = store.query_rows(
            user=query.user,
            start=None if query.start is None else current.kept_moment(query.start),
            end=None if query.end is None else current.kept_moment(query.end),
            limit=query.limit,
            offset=query.offset,
            ignore_user_case=current.fold_user_case,
        )
        extra = page_filler(query, current, len(rows)) if current.endless_pages else []
        body = list_body(rows, current, envelope, extra)
        pages.put(version, key, body)
        return Response(body, media_type=JSONResponse.media_type)

    async def create_attendance(request: Request) -> Response:
        current = control.quirks
        entry = store.create(current.kept_entry(parse_create(await read_json_object(request))))
        wire = shown(entry, current)
        wire["user"] = current.answer_user(entry.user)
        return JSONResponse(wire, status_code=201)

    async def get_attendance(request: Request) -> Response:
        current = control.quirks
        entry = store.get(_entry_id(request))
        return JSONResponse(shown(entry, current) | {"id": current.answer_id(entry.id)})

    async def update_attendance(request: Request) -> Response:
        current = control.quirks
        entry_id = _entry_id(request)
        patch = current.kept_patch(parse_update(await read_json_object(request)))
        entry = store.update(entry_id, patch)
        return JSONResponse(shown(entry, current) | {"id": current.answer_id(entry.id)})

    async def delete_attendance(request: Request) -> Response:
        store.delete(_entry_id(request))
        return Response(status_code=204)

    collection = f"{API_PREFIX}/attendances"
    item = f"{collection}/{{id}}"
    collection_methods = {"GET": list_attendances, "POST": create_attendance}
    item_methods = {"GET": get_attendance, "PUT": update_attendance, "DELETE": delete_attendance}
    routes = [Route(OPENAPI_PATH, openapi, methods=["GET"])]
    for suffix in ("", "/"):
        routes += [
            Route(collection + suffix, _by_method(collection_methods), methods=["GET", "POST"]),
            Route(item + suffix, _by_method(item_methods), methods=["GET", "PUT", "DELETE"]),
        ]
    people = directory if directory is not None else Directory()
    routes += people_routes(people, store, API_PREFIX, envelope)
    resource = re.escape(collection) + r"(/.*)?"
    # The drip is outermost: it slows down the faults' answers too.
    injection = [Middleware(Drip, control=control, paths=resource)]
    if faults is not None:
        routes += admin_routes(faults, store, API_PREFIX, control)
        injection.append(Middleware(FaultInjection, control=faults, paths=resource))
    auth = Middleware(
        ApiKeyMiddleware, credentials=credentials, prefix=API_PREFIX, public_paths={OPENAPI_PATH}
    )
    app = Starlette(
        routes=routes,
        middleware=[*middleware, *injection, auth],
        exception_handlers={
            ApiError: handle_api_error,
            EntryNotFoundError: _handle_not_found,
            EntryDeletedError: _handle_deleted,
            TimeRangeError: _handle_time_range,
            HTTPException: handle_http_exception,
            Exception: handle_unexpected,
        },
    )
    app.router.redirect_slashes = False  # both spellings are routes; never answer 307
    return app


def _by_method(endpoints: Mapping[str, Endpoint]) -> Endpoint:
    """One route per path, so a 405 lists every allowed method in its Allow header."""

    async def endpoint(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await endpoints[method](request)

    return endpoint


def _entry_id(request: Request) -> int:
    raw = request.path_params["id"]
    if not _ENTRY_ID.match(raw) or len(raw) > 30:  # sqlite ids have at most 19 digits
        raise ApiError(ErrorCode.ENTRY_NOT_FOUND, f"no time entry has the id {raw!r}")
    return int(raw)


async def _handle_not_found(_request: Request, exc: Exception) -> Response:
    return error_response(ErrorCode.ENTRY_NOT_FOUND, f"no time entry has the id {exc.args[0]}")


async def _handle_deleted(_request: Request, exc: Exception) -> Response:
    return error_response(ErrorCode.ENTRY_DELETED, f"time entry {exc.args[0]} was deleted")


async def _handle_time_range(_request: Request, _exc: Exception) -> Response:
    return error_response(ErrorCode.INVALID_TIME_RANGE, "'to' must not lie before 'from'")
