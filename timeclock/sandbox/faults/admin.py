"""The admin endpoint: tests read and replace the fault plan (and quirks), reset the sandbox."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from timeclock.sandbox.errors import ApiError, ErrorCode
from timeclock.sandbox.faults.plan import FaultControl, FaultPlan
from timeclock.sandbox.payloads import read_json_object
from timeclock.sandbox.quirks import QuirkControl, ServerQuirks
from timeclock.sandbox.store import AttendanceStore


def admin_routes(
    control: FaultControl,
    store: AttendanceStore,
    prefix: str,
    quirks: QuirkControl | None = None,
) -> list[Route]:
    """``GET``/``PUT {prefix}/_admin/faults``, ``POST {prefix}/_admin/reset`` and, with
    ``quirks``, ``GET``/``PUT {prefix}/_admin/quirks``.

    GET answers ``{"plan": ..., "counts": ...}``; PUT replaces the plan with the one in the
    body (see :meth:`FaultPlan.from_json`; ``{}`` switches faults off) and answers like GET
    with the new plan's (zero) counts; reset empties the store and switches faults (and
    quirks) off. The quirks endpoint answers and takes :meth:`ServerQuirks.to_json`'s form.
    """

    def state() -> JSONResponse:
        plan = control.plan
        return JSONResponse({"plan": plan.to_json(), "counts": plan.counts().to_json()})

    async def faults(request: Request) -> Response:
        if request.method == "PUT":
            document = await read_json_object(request)
            try:
                control.plan = FaultPlan.from_json(document)
            except (TypeError, ValueError) as error:
                raise ApiError(ErrorCode.INVALID_FIELD, str(error)) from error
        return state()

    async def reset(_request: Request) -> Response:
        store.reset()
        control.plan = FaultPlan()
        if quirks is not None:
            quirks.quirks = ServerQuirks()
        return Response(status_code=204)

    routes = [
        Route(f"{prefix}/_admin/faults", faults, methods=["GET", "PUT"]),
        Route(f"{prefix}/_admin/reset", reset, methods=["POST"]),
    ]
    if quirks is not None:
        routes.append(
            Route(f"{prefix}/_admin/quirks", _quirks_endpoint(quirks), methods=["GET", "PUT"])
        )
    return routes


def _quirks_endpoint(control: QuirkControl) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        if request.method == "PUT":
            document = await read_json_object(request)
            try:
                control.quirks = ServerQuirks.from_json(document)
            except (TypeError, ValueError) as error:
                raise ApiError(ErrorCode.INVALID_FIELD, str(error)) from error
        return JSONResponse(control.quirks.to_json())

    return endpoint
