"""The vendor's error body, and the handlers that force every failure into it.

TimeTrack answers errors as ``{"errors": [{"title", "status", "code", "detail"}]}``. The
only code the vendor shows is 15020 ("TimeEntry exist but it is deleted"); the other codes
below are the sandbox's own, kept stable so tests and the client can rely on them:
``1xxxx`` for protocol-level failures, ``15xxx`` for time-entry failures, ``16xxx`` for
users and ``17xxx`` for absences.
"""

from __future__ import annotations

import http
from enum import Enum

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response


class ErrorCode(Enum):
    """Every error the sandbox can answer: (numeric code, HTTP status, title)."""

    UNAUTHORIZED = (10401, 401, "Unauthorized")
    FORBIDDEN = (10403, 403, "Forbidden")
    ROUTE_NOT_FOUND = (10404, 404, "Resource not found")
    METHOD_NOT_ALLOWED = (10405, 405, "Method not allowed")
    BODY_TOO_LARGE = (10413, 413, "Request body too large")
    INTERNAL_ERROR = (10500, 500, "Internal server error")
    INVALID_BODY = (15001, 400, "Invalid request body")
    MISSING_FIELD = (15002, 400, "Missing required field")
    INVALID_FIELD = (15003, 400, "Invalid field value")
    READ_ONLY_FIELD = (15004, 400, "Field cannot be changed")
    INVALID_TIME_RANGE = (15005, 400, "Invalid time range")
    INVALID_QUERY = (15006, 400, "Invalid query parameter")
    ENTRY_DELETED = (15020, 404, "TimeEntry exist but it is deleted")
    ENTRY_NOT_FOUND = (15021, 404, "TimeEntry not found")
    USER_NOT_FOUND = (16021, 404, "User not found")
    ABSENCE_NOT_FOUND = (17021, 404, "Absence not found")

    @property
    def code(self) -> int:
        return self.value[0]

    @property
    def status(self) -> int:
        return self.value[1]

    @property
    def title(self) -> str:
        return self.value[2]


class ApiError(Exception):
    """Raised anywhere in a request to answer with the vendor's error body."""

    def __init__(self, error: ErrorCode, detail: str) -> None:
        super().__init__(f"{error.title}: {detail}")
        self.error = error
        self.detail = detail


def error_body(error: ErrorCode, detail: str) -> dict[str, list[dict[str, object]]]:
    return {
        "errors": [
            {"title": error.title, "status": error.status, "code": error.code, "detail": detail}
        ]
    }


def error_response(
    error: ErrorCode, detail: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(error, detail), status_code=error.status, headers=headers)


async def handle_api_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc.error, exc.detail)


async def handle_http_exception(request: Request, exc: Exception) -> Response:
    """Starlette's own 404 (unknown path) and 405 (wrong method) in the vendor's shape."""
    assert isinstance(exc, HTTPException)
    headers = dict(exc.headers) if exc.headers else None
    path = request.url.path
    if exc.status_code == 404:
        return error_response(ErrorCode.ROUTE_NOT_FOUND, f"no resource at {path}", headers)
    if exc.status_code == 405:
        detail = f"method {request.method} is not allowed on {path}"
        return error_response(ErrorCode.METHOD_NOT_ALLOWED, detail, headers)
    # Not raised by Starlette for this app today: keep the status, derive a code.
    phrase = _reason(exc.status_code)
    problem = {
        "title": phrase,
        "status": exc.status_code,
        "code": 10000 + exc.status_code,
        "detail": str(exc.detail or phrase),
    }
    return JSONResponse({"errors": [problem]}, exc.status_code, headers=headers)


async def handle_unexpected(_request: Request, _exc: Exception) -> Response:
    """A bug in the sandbox: answer 500 in the error shape (uvicorn still logs the trace)."""
    return error_response(ErrorCode.INTERNAL_ERROR, "the sandbox failed to handle the request")


def _reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Error"
