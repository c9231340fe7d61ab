"""Every refusal comes in the vendor's error body: 400, 401, 404, 405, 413 and 500."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from timeclock.sandbox import KEY_HEADER, SECRET_HEADER, ErrorCode, NewAttendance, SandboxServer

ExpectError = Callable[[httpx.Response, int, int], dict[str, object]]
START = datetime(2020, 1, 1, 8, tzinfo=UTC)

VALID = {"username": "ivan", "from": "2020-10-17T10:00:00Z", "to": "2020-10-17T14:00:00Z"}
INVALID_BODY = ErrorCode.INVALID_BODY.code
MISSING = ErrorCode.MISSING_FIELD.code
INVALID = ErrorCode.INVALID_FIELD.code
RANGE = ErrorCode.INVALID_TIME_RANGE.code
QUERY = ErrorCode.INVALID_QUERY.code
NOT_FOUND = ErrorCode.ENTRY_NOT_FOUND.code


def post_raw(api: httpx.Client, content: bytes) -> httpx.Response:
    return api.post("/attendances", content=content, headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("content", [b"", b"{", b"nope", b"[]", b'"text"', b"42", b"null"])
def test_create_refuses_a_body_that_is_not_a_json_object(
    api: httpx.Client, expect_error: ExpectError, content: bytes
) -> None:
    expect_error(post_raw(api, content), 400, INVALID_BODY)


@pytest.mark.parametrize(
    ("field", "absent"), [("username", "username"), ("from", "from"), ("to", "to")]
)
def test_create_names_a_missing_required_field(
    api: httpx.Client, expect_error: ExpectError, field: str, absent: str
) -> None:
    body = {key: value for key, value in VALID.items() if key != absent}

    error = expect_error(api.post("/attendances", json=body), 400, MISSING)

    assert f"'{field}'" in str(error["detail"])


def test_a_null_required_field_counts_as_missing(
    api: httpx.Client, expect_error: ExpectError
) -> None:
    expect_error(api.post("/attendances", json=VALID | {"to": None}), 400, MISSING)


@pytest.mark.parametrize("spelling", ["username", "user"])
def test_a_null_user_is_refused_even_beside_a_valid_one(
    api: httpx.Client, expect_error: ExpectError, spelling: str
) -> None:
    body = VALID | {"user": "ivan"} | {spelling: None}

    expect_error(api.post("/attendances", json=body), 400, INVALID)


BAD_FIELDS: list[tuple[str, Any]] = [
    ("username", ""),
    ("username", "   "),
    ("username", 17),
    ("user", ["ivan"]),
    ("from", "yesterday"),
    ("from", "2020-13-01T00:00:00Z"),
    ("from", "2020-02-30T00:00:00Z"),
    ("from", "2020-10-17T10:00:00"),  # no zone: refused rather than guessed
    ("from", "2020-10-17T10:00.5Z"),  # a fraction needs seconds
    ("from", " 2020-10-17T10:00:00Z"),
    ("to", 1602928800),
    ("breakMinutes", -1),
    ("breakMinutes", "-5"),
    ("breakMinutes", 1.5),
    ("breakMinutes", 15.0),
    ("breakMinutes", "15.5"),
    ("breakMinutes", "abc"),
    ("breakMinutes", True),
    ("minutesBreak", "viertel"),
    ("notes", 5),
    ("details", {"text": "x"}),
    ("manual", "yes"),
    ("manual", 2),
    ("manual", "TRUE"),
    ("manual", 1.0),
    ("latitudeStart", 90.5),
    ("latitudeStart", "-91"),
    ("latitudeStart", "north"),
    ("latitudeStart", True),
    ("longitudeStart", 180.1),
    ("latitudeEnd", "1e3"),
    ("longitudeEnd", -181),
]


@pytest.mark.parametrize(("field", "value"), BAD_FIELDS)
def test_create_refuses_an_invalid_field(
    api: httpx.Client, expect_error: ExpectError, field: str, value: object
) -> None:
    body = VALID | {field: value}

    error = expect_error(api.post("/attendances", json=body), 400, INVALID)

    assert f"'{field}'" in str(error["detail"])


@pytest.mark.parametrize(
    ("field", "value"), [pair for pair in BAD_FIELDS if pair[0] not in ("username", "user")]
)
def test_update_refuses_an_invalid_field(
    api: httpx.Client, expect_error: ExpectError, field: str, value: object
) -> None:
    entry_id = api.post("/attendances", json=VALID).json()["id"]

    expect_error(api.put(f"/attendances/{entry_id}", json={field: value}), 400, INVALID)


def test_create_refuses_to_before_from(api: httpx.Client, expect_error: ExpectError) -> None:
    body = VALID | {"to": "2020-10-17T09:59:59.999Z"}

    expect_error(api.post("/attendances", json=body), 400, RANGE)


@pytest.mark.parametrize("content", [b"", b"[1]", b"{broken"])
def test_update_refuses_a_body_that_is_not_a_json_object(
    api: httpx.Client, expect_error: ExpectError, content: bytes
) -> None:
    entry_id = api.post("/attendances", json=VALID).json()["id"]

    expect_error(api.put(f"/attendances/{entry_id}", content=content), 400, INVALID_BODY)


@pytest.mark.parametrize("spelling", ["username", "user"])
def test_update_refuses_to_change_the_user(
    api: httpx.Client, expect_error: ExpectError, spelling: str
) -> None:
    entry_id = api.post("/attendances", json=VALID).json()["id"]

    response = api.put(f"/attendances/{entry_id}", json={spelling: "hansm"})

    error = expect_error(response, 400, ErrorCode.READ_ONLY_FIELD.code)
    assert error["detail"] == "username cannot be changed"


@pytest.mark.parametrize(
    "change", [{"to": "2020-10-17T09:00:00Z"}, {"from": "2020-10-17T15:00:00Z"}]
)
def test_update_refuses_to_before_from_after_merging(
    api: httpx.Client, expect_error: ExpectError, change: dict[str, str]
) -> None:
    created = api.post("/attendances", json=VALID).json()

    expect_error(api.put(f"/attendances/{created['id']}", json=change), 400, RANGE)

    assert api.get(f"/attendances/{created['id']}").json() == created


@pytest.mark.parametrize(
    "query",
    [
        {"from": "gestern"},
        {"to": "2020-10-31"},
        {"from": "2020-10-02T00:00:00Z", "to": "2020-10-01T00:00:00Z"},
        {"limit": "0"},
        {"limit": "-3"},
        {"limit": "ten"},
        {"limit": "1.5"},
        {"page_number": "-1"},
        {"page_number": "first"},
    ],
)
def test_list_refuses_an_invalid_query(
    api: httpx.Client, expect_error: ExpectError, query: dict[str, str]
) -> None:
    expect_error(api.get("/attendances", params=query), 400, QUERY)


def test_a_body_over_one_mebibyte_is_refused(api: httpx.Client, expect_error: ExpectError) -> None:
    body = VALID | {"notes": "x" * (1024 * 1024)}

    expect_error(api.post("/attendances", json=body), 413, ErrorCode.BODY_TOO_LARGE.code)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {KEY_HEADER: "test-key"},
        {SECRET_HEADER: "test-secret"},
        {KEY_HEADER: "wrong", SECRET_HEADER: "test-secret"},
        {KEY_HEADER: "test-key", SECRET_HEADER: "wrong"},
        {KEY_HEADER: "test-key", SECRET_HEADER: "test-secret-and-more"},
        {KEY_HEADER: "", SECRET_HEADER: ""},
    ],
    ids=["none", "key-only", "secret-only", "wrong-key", "wrong-secret", "longer", "empty"],
)
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/attendances"),
        ("GET", "/attendances/"),
        ("POST", "/attendances"),
        ("GET", "/attendances/1"),
        ("PUT", "/attendances/1"),
        ("DELETE", "/attendances/1"),
        ("GET", "/no-such-thing"),
    ],
)
def test_every_request_needs_the_right_key_and_secret(
    sandbox: SandboxServer,
    expect_error: ExpectError,
    headers: dict[str, str],
    method: str,
    path: str,
) -> None:
    stored = sandbox.store.create(NewAttendance(user="ivan", start=START, end=START))

    response = httpx.request(method, sandbox.base_url + path, headers=headers, json=VALID)

    expect_error(response, 401, ErrorCode.UNAUTHORIZED.code)
    assert "test-secret" not in response.text
    assert sandbox.store.all(include_deleted=True) == [stored]  # nothing changed


def test_the_openapi_document_needs_no_credentials(sandbox: SandboxServer) -> None:
    response = httpx.get(sandbox.base_url + "/openapi.json")

    assert response.status_code == 200


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
@pytest.mark.parametrize("entry_id", ["999", "0", "-1", "abc", "1.0", "99999999999999999999999"])
def test_an_unknown_entry_is_not_found(
    api: httpx.Client, expect_error: ExpectError, method: str, entry_id: str
) -> None:
    api.post("/attendances", json=VALID)

    response = api.request(method, f"/attendances/{entry_id}", json={"notes": "x"})

    error = expect_error(response, 404, NOT_FOUND)
    assert error["title"] == "TimeEntry not found"


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_a_deleted_entry_answers_the_vendor_example_error(
    api: httpx.Client, expect_error: ExpectError, method: str
) -> None:
    entry_id = api.post("/attendances", json=VALID).json()["id"]
    assert api.delete(f"/attendances/{entry_id}").status_code == 204

    response = api.request(method, f"/attendances/{entry_id}/", json={"notes": "x"})

    error = expect_error(response, 404, 15020)
    assert error["title"] == "TimeEntry exist but it is deleted"


@pytest.mark.parametrize(
    "path", ["/attendance", "/attendances/1/extra", "/attendances//", "/../", "/"]
)
def test_an_unknown_path_is_a_404_in_the_error_shape(
    api: httpx.Client, expect_error: ExpectError, path: str
) -> None:
    expect_error(api.get(path), 404, ErrorCode.ROUTE_NOT_FOUND.code)


def test_a_path_outside_the_api_is_a_404_in_the_error_shape(
    sandbox: SandboxServer, expect_error: ExpectError
) -> None:
    expect_error(httpx.get(sandbox.root_url + "/"), 404, ErrorCode.ROUTE_NOT_FOUND.code)


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PATCH", "/attendances/1", {"GET", "HEAD", "PUT", "DELETE"}),
        ("DELETE", "/attendances", {"GET", "HEAD", "POST"}),
        ("POST", "/attendances/1/", {"GET", "HEAD", "PUT", "DELETE"}),
        ("PUT", "/openapi.json", {"GET", "HEAD"}),
    ],
)
def test_a_wrong_method_is_a_405_listing_the_allowed_ones(
    api: httpx.Client, expect_error: ExpectError, method: str, path: str, allowed: set[str]
) -> None:
    response = api.request(method, path)

    expect_error(response, 405, ErrorCode.METHOD_NOT_ALLOWED.code)
    assert set(response.headers["allow"].replace(" ", "").split(",")) == allowed


def test_an_internal_failure_is_a_500_in_the_error_shape(
    expect_error: ExpectError, caplog: pytest.LogCaptureFixture
) -> None:
    with SandboxServer(api_key="k", api_secret="s") as server:
        server.store.close()  # every query now fails inside the app

        response = httpx.get(
            server.base_url + "/attendances", headers={KEY_HEADER: "k", SECRET_HEADER: "s"}
        )

    expect_error(response, 500, ErrorCode.INTERNAL_ERROR.code)
    assert "Traceback" not in response.text
    assert "Exception in ASGI application" in caplog.text  # uvicorn still logs the bug
