"""A hand-written OpenAPI 3.0 document of the attendances API as the project understands it.

The vendor publishes none. Response schemas describe exactly what the sandbox sends (so a
response-conformance check passes); request schemas describe what it accepts, as far as
JSON Schema can say it (it cannot say "to not before from" or "no 30 February").
"""

from __future__ import annotations

from typing import Any

from timeclock.sandbox import fields
from timeclock.sandbox.listing import DEFAULT_LIMIT, MAX_LIMIT, Envelope

Json = dict[str, Any]

_WIRE_TIMESTAMP = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$"


_ATTENDANCE_REQUIRED = [
    "id",
    "user",
    "from",
    "to",
    "notes",
    "manual",
    "workedMinutes",
    "breakMinutes",
]


def _ref(name: str) -> Json:
    return {"$ref": f"#/components/schemas/{name}"}


def _error(description: str) -> Json:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _ok(description: str, schema: Json, **extra: Any) -> Json:
    return {"description": description, "content": {"application/json": {"schema": schema}}} | extra


_UNAUTHORIZED = _error("The API key or secret is missing or wrong.")
_INVALID = _error("A field or query parameter is missing or invalid.")
_NOT_FOUND = _error(
    "No such entry (code 15021, also for an id that is not a number), or the entry was"
    " deleted (code 15020, 'TimeEntry exist but it is deleted')."
)
_TOO_LARGE = _error("The body exceeds 1 MiB.")


def _input_timestamp(*, nullable: bool) -> Json:
    return {
        "type": "string",
        "nullable": nullable,
        "pattern": fields.TIMESTAMP_PATTERN,
        "description": "UTC timestamp; milliseconds optional; Z or a numeric offset.",
        "example": "2020-10-20T09:00:00.000Z",
    }


def _schemas(envelope: Envelope) -> Json:
    nullable_minutes = [
        {"type": "integer", "minimum": 0, "maximum": fields.MAX_MINUTES, "nullable": True},
        {"type": "string", "pattern": fields.MINUTES_TEXT_PATTERN, "nullable": True},
    ]

    def coordinate(bound: int) -> Json:
        return {
            "anyOf": [
                {"type": "number", "minimum": -bound, "maximum": bound, "nullable": True},
                {"type": "string", "pattern": fields.COORDINATE_TEXT_PATTERN, "nullable": True},
            ],
            "description": f"Degrees in [-{bound}, {bound}], as a number or a numeric string.",
        }

    optional_fields: Json = {
        "notes": {"type": "string", "nullable": True},
        "details": {"type": "string", "nullable": True, "description": "Same as notes."},
        "manual": {
            "anyOf": [
                {"type": "boolean", "nullable": True},
                {"type": "integer", "enum": [0, 1]},
                {"type": "string", "enum": list(fields.FLAG_TEXTS)},
            ]
        },
        "breakMinutes": {"anyOf": nullable_minutes},
        "minutesBreak": {"anyOf": nullable_minutes, "description": "Same as breakMinutes."},
        "latitudeStart": coordinate(90),
        "longitudeStart": coordinate(180),
        "latitudeEnd": coordinate(90),
        "longitudeEnd": coordinate(180),
    }
    username = {
        "type": "string",
        "minLength": 1,
        "maxLength": fields.MAX_USERNAME_LENGTH,
        "pattern": r"\S",
    }
    has_user = {"anyOf": [{"required": ["username"]}, {"required": ["user"]}]}
    list_schema: Json = {"type": "array", "items": _ref("Attendance")}
    if envelope == "data":
        list_schema = {
            "type": "object",
            "required": ["data"],
            "additionalProperties": False,
            "properties": {"data": list_schema},
        }
    return {
        "InputTimestamp": _input_timestamp(nullable=False),
        "Timestamp": {"type": "string", "pattern": _WIRE_TIMESTAMP},
        "Attendance": {
            "type": "object",
            "required": _ATTENDANCE_REQUIRED,
            "additionalProperties": False,
            "properties": {
                "id": {"type": "integer", "minimum": 1},
                "user": {"type": "string"},
                "from": _ref("Timestamp"),
                "to": _ref("Timestamp"),
                "notes": {"type": "string"},
                "manual": {"type": "boolean"},
                "workedMinutes": {"type": "integer", "minimum": 0},
                "breakMinutes": {"type": "integer", "minimum": 0},
                "latitudeStart": {"type": "number", "minimum": -90, "maximum": 90},
                "longitudeStart": {"type": "string"},
                "latitudeEnd": {"type": "string"},
                "longitudeEnd": {"type": "string"},
            },
        },
        "AttendanceList": list_schema,
        "AttendanceCreate": {
            "type": "object",
            "required": ["from", "to"],
            "allOf": [has_user],
            "properties": {
                "username": username,
                "user": username,
                "from": _ref("InputTimestamp"),
                "to": _ref("InputTimestamp"),
            }
            | optional_fields,
            "description": "'to' must not lie before 'from'; unknown fields are ignored.",
        },
        "AttendanceUpdate": {
            "type": "object",
            "not": has_user,
            "properties": {
                "from": _input_timestamp(nullable=True),
                "to": _input_timestamp(nullable=True),
            }
            | optional_fields,
            "description": "Partial update; the user cannot be changed.",
        },
        "Error": {
            "type": "object",
            "required": ["errors"],
            "additionalProperties": False,
            "properties": {
                "errors": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["title", "status", "code", "detail"],
                        "additionalProperties": False,
                        "properties": {
                            "title": {"type": "string"},
                            "status": {"type": "integer"},
                            "code": {"type": "integer"},
                            "detail": {"type": "string"},
                        },
                    },
                }
            },
        },
    }


def _query(name: str, schema: Json, description: str) -> Json:
    return {"name": name, "in": "query", "required": False, "schema": schema} | {
        "description": description
    }


_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
_ENTRY_LINKS = {
    name: {"operationId": operation, "parameters": {"id": "$response.body#/id"}}
    for name, operation in (
        ("GetAttendance", "getAttendance"),
        ("UpdateAttendance", "updateAttendance"),
        ("DeleteAttendance", "deleteAttendance"),
    )
}


def _paths() -> Json:
    entry = _ok("The time entry.", _ref("Attendance"))
    list_params = [
        _query("username", {"type": "string"}, "Only this user's entries."),
        _query("user", {"type": "string"}, "Same as username (the document's name)."),
        _query("from", _ref("InputTimestamp"), "Entries starting at or after this moment."),
        _query("to", _ref("InputTimestamp"), "Entries starting at or before this moment."),
        _query(
            "limit",
            {"type": "integer", "minimum": 1, "default": DEFAULT_LIMIT},
            f"Page size; values above {MAX_LIMIT} are treated as {MAX_LIMIT}.",
        ),
        _query("page_number", {"type": "integer", "minimum": 0, "default": 0}, "0-based."),
    ]
    return {
        "/attendances": {
            "get": {
                "operationId": "listAttendances",
                "summary": "List time entries (also at /attendances/), ordered by start.",
                "parameters": list_params,
                "responses": {
                    "200": _ok("One page of entries.", _ref("AttendanceList")),
                    "400": _INVALID,
                    "401": _UNAUTHORIZED,
                },
            },
            "post": {
                "operationId": "createAttendance",
                "summary": "Create a time entry (also at /attendances/).",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("AttendanceCreate")}},
                },
                "responses": {
                    "201": _ok("The new entry.", _ref("Attendance"), links=_ENTRY_LINKS),
                    "400": _INVALID,
                    "401": _UNAUTHORIZED,
                    "413": _TOO_LARGE,
                },
            },
        },
        "/attendances/{id}": {
            "parameters": [_ID],
            "get": {
                "operationId": "getAttendance",
                "summary": "Get one time entry (also at /attendances/{id}/).",
                "responses": {"200": entry, "401": _UNAUTHORIZED, "404": _NOT_FOUND},
            },
            "put": {
                "operationId": "updateAttendance",
                "summary": "Change some fields of a time entry.",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("AttendanceUpdate")}},
                },
                "responses": {
                    "200": entry,
                    "400": _INVALID,
                    "401": _UNAUTHORIZED,
                    "404": _NOT_FOUND,
                    "413": _TOO_LARGE,
                },
            },
            "delete": {
                "operationId": "deleteAttendance",
                "summary": "Delete a time entry (it is kept, flagged as deleted).",
                "responses": {
                    "204": {"description": "Deleted."},
                    "401": _UNAUTHORIZED,
                    "404": _NOT_FOUND,
                },
            },
        },
    }


def build_openapi(envelope: Envelope = "array", server_url: str = "/api/v2/ext") -> Json:
    """The document; the list schema follows the envelope the sandbox was started with."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "TimeTrack attendances API (TimeClock sandbox)",
            "version": "2",
            "description": (
                "The attendances endpoint of the TimeTrack REST API as the TimeClock project"
                " understands the vendor's document. Paths also answer with a trailing slash;"
                " GET and DELETE ignore a request body."
            ),
        },
        "servers": [{"url": server_url}],
        "security": [{"ApiKey": [], "ApiSecret": []}],
        "paths": _paths(),
        "components": {
            "securitySchemes": {
                "ApiKey": {"type": "apiKey", "in": "header", "name": "X-TimeTrack-Api-Key"},
                "ApiSecret": {"type": "apiKey", "in": "header", "name": "X-TimeTrack-Api-Secret"},
            },
            "schemas": _schemas(envelope),
        },
    }
