"""Checks of spec/daskeyboard-q.yaml: examples, the real bodies of the reference, the catalogue of
routes, documentation of every operation, and the generated client kbapi._generated.q_api."""

from __future__ import annotations

import importlib
import json
import pkgutil
from typing import Any

import httpx
import pytest
import schemathesis
from openapi_spec_validator import validate

from tests.unit import spec_checks as sc

pytestmark = pytest.mark.spec_example

SPEC_FILE = "daskeyboard-q.yaml"
PACKAGE = "kbapi._generated.q_api"
SPEC = sc.load_spec(SPEC_FILE)
OPERATIONS = sc.operations(SPEC)
BY_ID = {op.operation_id: op for op in OPERATIONS}
CASES = sc.example_cases(SPEC)

CLOUD_OR_LOCAL = [{"apiKey": []}, {"bearer": []}, {}]
CLOUD_ONLY = [{"apiKey": []}, {"bearer": []}]

# The endpoint catalogue, §3 of daskeyboard-q-api.md (row 26, the applet OAuth 2 proxy, is left out
# on purpose, see info.description): (row, method, full path, deployments serving it).
CATALOGUE = [
    ("1", "get", "/api/1.0/users/authorized_clients", {"cloud"}),
    ("2", "post", "/api/1.0/users/revoke_client", {"cloud"}),
    ("3", "get", "/api/1.0/device_definitions", {"cloud"}),
    ("4", "get", "/api/1.0/devices", {"cloud"}),
    ("5", "get", "/api/1.0/colors", {"cloud"}),
    ("6", "get", "/api/1.0/{pid}/zones", {"cloud"}),
    ("7", "get", "/api/1.0/{pid}/effects", {"cloud"}),
    ("8", "post", "/api/1.0/signals", {"cloud", "local-v1"}),
    ("8-v2", "post", "/api/2.0/signals", {"local-v2"}),
    ("9", "get", "/api/1.0/signals", {"cloud"}),
    ("10", "get", "/api/1.0/signals/after/{epoch}", {"cloud"}),
    ("11", "patch", "/api/1.0/signals/{id}/status", {"cloud"}),
    ("12", "delete", "/api/1.0/signals/{id}", {"cloud", "local-v1"}),
    ("12-v2", "delete", "/api/2.0/signals/{id}", {"local-v2"}),
    ("13", "get", "/api/1.0/signals/shadows", {"cloud", "local-v1"}),
    ("13-v2", "get", "/api/2.0/signals/shadows", {"local-v2"}),
    ("14", "get", "/api/1.0/signals/pid/{pid}/shadows", {"cloud", "local-v1"}),
    ("14b", "get", "/api/1.0/signals/shadows/{pid}", {"cloud"}),
    ("15", "get", "/api/1.0/signals/pid/{pid}/zoneId/{zoneId}", {"cloud", "local-v1"}),
    ("16", "get", "/api/1.0/signals/pid/{pid}/zoneId/{zoneId}/color", {"cloud", "local-v1"}),
    ("16b", "get", "/api/1.0/signals/{pid}/{zoneId}", {"cloud"}),
    ("17", "delete", "/api/1.0/signals/pid/{pid}/zoneId/{zoneId}", {"cloud", "local-v1"}),
    ("18", "get", "/api/1.0/", {"local-v1"}),
    ("18-v2", "get", "/api/2.0/", {"local-v2"}),
    ("19", "get", "/api/2.0/signals/{id}", {"local-v2"}),
    ("20", "get", "/api/2.0/zoneConfiguration/{zoneId}", {"local-v2"}),
    ("21", "get", "/api/2.0/zoneConfiguration/pid/{pid}/zoneId/{zoneId}", {"local-v2"}),
    ("22", "get", "/api/2.0/signals/applets/{appletUuid}", {"local-v2"}),
    ("23", "delete", "/api/2.0/signals/applets/{appletUuid}", {"local-v2"}),
    ("24", "get", "/api/1.0/users/me", {"cloud"}),
    ("25", "post", "/api/1.0/users/api_key", {"cloud"}),
    ("token", "post", "/oauth/1.4/token", {"cloud"}),
]

# Real bodies quoted from daskeyboard-q-api.md ("…" elisions of the reference kept as strings).
DOCUMENTED_SIGNAL = {  # §4.7 documented create response
    "id": 392,
    "name": "New Q app version available",
    "message": "…",
    "zoneId": "KEY_Q",
    "color": "#FF0000",
    "effect": "SET_COLOR",
    "pid": "DK5QPID",
    "isArchived": False,
    "isRead": False,
    "isMuted": False,
    "userId": 9,
    "clientName": "Local Node script",
    "createdAt": 1531946199392,
    "updatedAt": 1531946199392,
}
LOCAL_2021_SIGNAL = {  # §4.7 real local response (daskeyboard.io#111)
    "zoneId": "KEY_S",
    "color": "#FF0000",
    "effect": "SET_COLOR",
    "pid": "DK5QPID",
    "clientName": "Python script",
    "message": "…",
    "name": "New Q app version available",
    "id": -5118448,
    "createdAt": 1633886534006,
    "updatedAt": 1633886534006,
    "isArchived": False,
    "userId": None,
    "zoneConfiguration": {
        "passiveEffect": {"name": 0, "color": "#FF0000"},
        "activeEffect": {"name": 7, "color": "#636363"},
    },
    "isComingFromPublicApiOnly": True,
}
CLOCKWORKSOUL_SIGNAL = {  # §4.7 local response, pid Q_MATRIX (name and message elided there)
    "name": "…",
    "message": "…",
    "zoneId": "KEY_Q",
    "color": "#FF0000",
    "effect": "SET_COLOR",
    "pid": "Q_MATRIX",
    "clientName": "GoClient",
    "id": -590,
    "userId": 14339,
    "createdAt": 1619815234590,
    "updatedAt": 1619815234590,
}
LIST_SIGNAL = {  # §4.8 signal in lists
    "id": 526930,
    "zoneId": "75",
    "pid": "DK5QPID",
    "userId": 1055,
    "name": "Today's forecast",
    "message": "Hope it's not too cold today!",
    "effect": "BLINK",
    "color": "#20DB0D",
    "isRead": True,
    "isMuted": False,
    "isArchived": False,
    "clientName": "IFTTT",
    "readAt": None,
    "action": None,
    "createdAt": 1520438417719,
    "updatedAt": 1520457724435,
}
NOTICE_SIGNAL = {  # §6.3: KEY_A rewritten to 99 by the cloud, NOTICE in clientName
    **LIST_SIGNAL,
    "zoneId": "99",
    "clientName": (
        "NOTICE: zoneId automatically converted from KEY_A to 99. 1055 example@gmail.com null"
    ),
}
PAGE = {  # §4.8 envelope
    "content": [LIST_SIGNAL],
    "size": 50,
    "sort": "createdAt: ASC,zoneId: ASC",
    "hasNextPage": False,
    "page": 0,
    "totalElements": 41,
    "totalPages": 1,
}
RECORDED_FIRST_PAGE = {  # §4.8 tjlytle signals_0.json envelope (content left empty here)
    "content": [],
    "size": 2,
    "sort": "createdAt: ASC,zoneId: ASC",
    "hasNextPage": True,
    "page": 0,
    "totalElements": 5,
    "totalPages": 3,
}
LEGACY_SHADOW_PAGE = {  # §4.11 legacy /signals/shadows/{pid} envelope (content elided there)
    "content": [],
    "size": 7,
    "sort": "",
    "hasNextPage": False,
    "page": 0,
    "totalElements": 7,
    "totalPages": 1,
}
DEVICE_DEFINITION_2018 = {  # §4.2, the real part of the io-api-2018 example
    "name": "Das Keyboard 5Q",
    "vid": "24F0",
    "pid": "DK5QPID",
    "modelNumber": "DKPK5Q0P0GZS0DEX",
    "description": "DK 5Q - The cloud connected keyboard by Das Keyboard",
    "zones": [{"id": "…", "description": "…"}],
    "languageLayout": {
        "language": "Spanish",
        "location": "Spain",
        "languageId": 3082,
        "languageTag": "es-ES",
        "zones": [
            {"ledIds": [25], "id": 25, "code": "KEY_ESCAPE", "description": "Escape"},
            {"ledIds": [27], "id": 27, "code": "KEY_F1", "description": "F1"},
        ],
    },
}
DEVICE = {  # §4.3
    "id": 1418,
    "userId": 1055,
    "pid": "DK5QPID",
    "firmwareVersion": "0.0.0.0",
    "vid": "24F0",
    "description": "DK 5Q - The cloud connected keyboard by Das Keyboard",
    "uuid": "uuid to be set RtLWkEOPxm...",
    "versionNumber": 1,
    "updateOrigin": None,
    "isDeleted": False,
    "createdAt": 1520377021863,
    "updatedAt": 1520377021863,
}

# (operation, status, media type, body) for every real response body of §2 and §4.
REAL_RESPONSES = [
    (
        "getToken",
        "200",
        "application/json",
        {
            "access_token": "ACCESS_TOKEN",
            "refresh_token": "REFRESH_TOKEN",
            "user_id": 7654,
            "expires_in": 86400,
        },
    ),
    (
        "listAuthorizedClients",
        "200",
        "application/json",
        [{"name": "User_1055"}, {"name": "ZAPIER"}, {"name": "Desktop App"}],
    ),
    ("listDeviceDefinitions", "200", "application/json", [DEVICE_DEFINITION_2018]),
    ("listDevices", "200", "application/json", [DEVICE]),
    (
        "listColors",
        "200",
        "application/json",
        [
            {"code": "#F00", "name": "Red"},
            {"code": "#0F0", "name": "Green"},
            {"code": "#00F", "name": "Blue"},
        ],
    ),
    (
        "listZones",
        "200",
        "application/json",
        [
            {"name": "Escape", "id": 25},
            {"name": "F1", "id": 27},
            {"name": "F3", "id": 29},
            {"name": "C", "id": 125},
            {"name": "V", "id": 126},
            {"name": "Left Ctrl", "id": 145},
        ],
    ),
    (
        "listEffects",
        "200",
        "application/json",
        [
            {"code": "SET_COLOR", "label": "set color"},
            {"code": "BLINK", "label": "Blink"},
            {"code": "RIPPLE", "label": "Ripple"},
        ],
    ),
    ("createSignal", "200", "application/json", DOCUMENTED_SIGNAL),
    ("createSignal", "200", "application/json", LOCAL_2021_SIGNAL),
    ("createSignal", "200", "application/json", CLOCKWORKSOUL_SIGNAL),
    ("listSignals", "200", "application/json", PAGE),
    ("listSignals", "200", "application/json", {**PAGE, "content": [NOTICE_SIGNAL]}),
    ("listSignals", "200", "application/json", RECORDED_FIRST_PAGE),
    ("getShadows", "200", "application/json", [LIST_SIGNAL, LOCAL_2021_SIGNAL]),
    ("getShadowsByPid", "200", "application/json", [LIST_SIGNAL]),
    ("getShadowsLegacy", "200", "application/json", LEGACY_SHADOW_PAGE),
    ("getSignalByZone", "200", "application/json", {**DOCUMENTED_SIGNAL, "zoneId": "2,4"}),
    ("getSignalColorByZone", "200", "text/plain", "#FF0000"),
    ("getSignalColorByZone", "200", "text/plain", "#000000"),
    ("getSignalColorLegacy", "200", "application/json", {"color": "#F00"}),
    ("getLocalStatusV1", "200", "text/plain", "Local api v1 running..."),
    ("getLocalStatusV2", "200", "text/plain", "Local api v2 running..."),
    ("createSignal", "429", "text/plain", "Over quota"),
    ("createSignal", "500", "text/plain", "Waiting for application to start"),
    ("listSignals", "404", "text/html", "<pre>Cannot GET /api/1.0/signals</pre>"),
]

# (operation, media type, body) for the real request bodies of §2 and §4.
REAL_REQUESTS = [
    (
        "createSignal",
        "application/json",
        {
            "zoneId": "KEY_Q",
            "color": "#FF0000",
            "effect": "SET_COLOR",
            "pid": "DK5QPID",
            "clientName": "Shell script",
            "message": "Q App version 3 is available. Download it at …",
            "name": "New Q app version available",
        },
    ),
    ("updateSignalStatus", "application/json", {"isRead": True, "isArchived": False}),
    ("revokeClient", "application/json", {"name": "CLIENT_NAME"}),
    (
        "createSignalV2",
        "application/json",
        {
            "action": "DRAW",
            "actionValue": '[{"zoneId":"1,0","effect":"SET_COLOR","color":"#FF0000"}]',
            "clientName": "<extensionId>",
            "data": None,
            "link": {"url": "…", "label": "…"},
            "errors": [],
            "isMuted": True,
            "message": "",
            "name": "Q Desktop Signal",
            "pid": "Q_MATRIX",
        },
    ),
    (
        "getToken",
        "application/json",
        {"client_id": "CLIENT_ID", "client_secret": "SECRET", "grant_type": "client_credentials"},
    ),
    (
        "getToken",
        "application/x-www-form-urlencoded",
        {"email": "EMAIL", "password": "PASSWORD", "grant_type": "password"},
    ),
    (
        "getToken",
        "application/json",
        {"client_id": "CLIENT_ID", "code": "YYY", "grant_type": "authorization_code"},
    ),
    (
        "getToken",
        "application/json",
        {"client_id": "CLIENT_ID", "refresh_token": "RT", "grant_type": "refresh_token"},
    ),
]

# Bodies the schemas must reject, so the checks above cannot pass vacuously.
INVALID_BODIES = [
    ("listSignals-spring-page", "SignalPage", {**PAGE, "first": True, "last": True}),
    ("listSignals-no-hasNextPage", "SignalPage", {k: v for k, v in PAGE.items() if k != "page"}),
    ("signal-colour-name", "Signal", {**LIST_SIGNAL, "color": "red"}),
    ("signal-zone-letter", "Signal", {**LIST_SIGNAL, "zoneId": "Q"}),
    ("signal-id-string", "Signal", {**LIST_SIGNAL, "id": "526930"}),
    ("create-no-color", "SignalCreate", {"name": "n", "pid": "DK5QPID", "zoneId": "KEY_Q"}),
    ("create-bad-action", "SignalCreate", {**REAL_REQUESTS[0][2], "action": "open chrome"}),
    ("create-lower-pid", "SignalCreate", {**REAL_REQUESTS[0][2], "pid": "dk5qpid"}),
    ("patch-string-flag", "SignalStatusPatch", {"isRead": "yes"}),
    ("create-null-name", "SignalCreate", {**REAL_REQUESTS[0][2], "name": None}),
    ("create-null-color", "SignalCreate", {**REAL_REQUESTS[0][2], "color": None}),
    ("v2-null-pid", "V2SignalCreate", {**REAL_REQUESTS[3][2], "pid": None}),
    ("token-unknown-grant", "TokenRequest", {"grant_type": "access_token", "code": "x"}),
    ("token-response-no-expiry", "TokenResponse", {"access_token": "a", "refresh_token": "r"}),
]

# Values the schemas must accept although a closed enum would reject them.
OPEN_VALUES = [
    ("effect-none", "SignalCreate", {**REAL_REQUESTS[0][2], "effect": "NONE", "color": "#000"}),
    ("zone-linear", "SignalCreate", {**REAL_REQUESTS[0][2], "zoneId": "74"}),
    ("zone-xy", "SignalCreate", {**REAL_REQUESTS[0][2], "zoneId": "2,2"}),
    ("action-url", "SignalCreate", {**REAL_REQUESTS[0][2], "action": "url:https://example.com"}),
    ("legacy-signal", "Signal", {**LIST_SIGNAL, "shouldNotify": False}),
    ("error-string-code", "Error", {"code": "UNAUTHORIZED", "message": "Bad token"}),
    ("v2-read-of-a-v1-signal", "V2Signal", LOCAL_2021_SIGNAL),
    # Optional request fields may be explicit nulls, and what a read answers can be sent back.
    (
        "create-null-optionals",
        "SignalCreate",
        {
            **REAL_REQUESTS[0][2],
            **dict.fromkeys(
                ("effect", "message", "action", "clientName", "isRead", "isMuted", "isArchived"),
                None,
            ),
            "shouldNotify": None,
        },
    ),
    ("create-a-signal-read-back", "SignalCreate", LIST_SIGNAL),
    ("patch-whole-signal", "SignalStatusPatch", LIST_SIGNAL),
    ("patch-null-flags", "SignalStatusPatch", {"isRead": None, "isMuted": None}),
    ("patch-no-flag", "SignalStatusPatch", {}),
    (
        "v2-null-optionals",
        "V2SignalCreate",
        {
            "pid": "Q_MATRIX",
            "actionValue": REAL_REQUESTS[3][2]["actionValue"],
            **dict.fromkeys(
                ("action", "clientName", "data", "link", "errors", "isMuted", "message", "name"),
                None,
            ),
        },
    ),
    (
        "token-null-other-grant-fields",
        "TokenRequest",
        {"grant_type": "refresh_token", "client_id": "C", "refresh_token": "R", "code": None},
    ),
    (
        "v2-nulls-echoed",
        "V2Signal",
        {"id": -1, "pid": "Q_MATRIX", "link": None, "clientName": None},
    ),
]


def component(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def request_schema(operation_id: str, media_type: str) -> dict[str, Any]:
    body = sc.resolve(SPEC, BY_ID[operation_id].node["requestBody"])
    return dict(body["content"][media_type]["schema"])


def test_spec_is_valid_openapi_3_1() -> None:
    assert SPEC["openapi"] == "3.1.0"
    validate(SPEC)


def test_spec_loads_in_schemathesis() -> None:
    schema = schemathesis.openapi.from_path(str(sc.SPEC_DIR / SPEC_FILE))
    loaded = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in loaded} == {op.label for op in OPERATIONS}
    assert all(op.definition.raw["x-kbapi-targets"] for op in loaded)


def test_operation_ids_are_unique() -> None:
    ids = [op.operation_id for op in OPERATIONS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("row", "method", "path", "targets"), CATALOGUE, ids=[r[0] for r in CATALOGUE]
)
def test_catalogue_route_present(row: str, method: str, path: str, targets: set[str]) -> None:
    node = SPEC["paths"].get(path, {}).get(method)
    assert node is not None, f"catalogue row {row}: {method.upper()} {path} missing"
    assert set(node["x-kbapi-targets"]) == targets


def test_no_route_outside_the_catalogue() -> None:
    documented = {(method, path) for _, method, path, _ in CATALOGUE}
    assert {(op.method, op.path) for op in OPERATIONS} == documented


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.operation_id)
def test_operation_is_documented(op: sc.Operation) -> None:
    assert sc.missing_fields(op) == []
    assert sc.undocumented_error_bodies(SPEC, op) == []


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.operation_id)
def test_security_matches_targets(op: sc.Operation) -> None:
    targets = set(op.node["x-kbapi-targets"])
    assert targets <= {"cloud", "local-v1", "local-v2"} and targets
    expected = [] if "cloud" not in targets else CLOUD_ONLY
    if "cloud" in targets and targets & {"local-v1", "local-v2"}:
        expected = CLOUD_OR_LOCAL
    if op.operation_id in ("getToken", "createApiKey"):  # their body carries the credential
        expected = []
    assert op.node["security"] == expected
    if expected:
        assert "401" in op.node["responses"], "authenticated operations document 401"


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.operation_id)
def test_error_statuses_cover_parameters_and_deployments(op: sc.Operation) -> None:
    responses = op.node["responses"]
    params = [sc.resolve(SPEC, p) for p in op.node.get("parameters", [])]
    if any(p["in"] == "path" for p in params):
        assert {"400", "404", "422"} <= set(responses)
    if "requestBody" in op.node:
        assert {"400", "422"} <= set(responses)
    if set(op.node["x-kbapi-targets"]) & {"local-v1", "local-v2"}:
        assert sc.resolve(SPEC, responses["429"])["content"]["text/plain"]
        assert sc.resolve(SPEC, responses["500"])["content"]["text/plain"]


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.operation_id)
def test_every_operation_has_examples(op: sc.Operation) -> None:
    mine = [case for case in CASES if case.operation == op]
    kinds = {case.kind for case in mine}
    if "requestBody" in op.node:
        assert "request" in kinds
    has_success_body = "content" in sc.resolve(SPEC, op.node["responses"]["200"])
    assert not has_success_body or any(c.kind == "response" and c.status == "200" for c in mine)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_example_matches_schema(case: sc.ExampleCase) -> None:
    assert sc.schema_errors(SPEC, case.schema, case.value) == []


JSON_RESPONSE_CASES = [c for c in CASES if c.kind == "response" and sc.is_json(c.media_type)]


@pytest.mark.parametrize("case", JSON_RESPONSE_CASES, ids=lambda case: case.id)
def test_json_response_example_round_trips_through_generated_client(case: sc.ExampleCase) -> None:
    parsed = sc.parse_with_client(PACKAGE, case)
    assert parsed is not None
    if isinstance(parsed, str) and not isinstance(case.value, str):
        # The zone colour responses list text/plain first, so the client keeps a JSON body as text;
        # it must still hold the example and fit the generated model.
        assert json.loads(parsed) == case.value
        model = sc.model_for(SPEC, PACKAGE, case.schema, case.value)
        assert model is not None
        assert model.from_dict(case.value).to_dict() == case.value  # type: ignore[attr-defined]
        return
    assert sc.to_plain(parsed) == case.value


JSON_REQUEST_CASES = [c for c in CASES if c.kind == "request"]


@pytest.mark.parametrize("case", JSON_REQUEST_CASES, ids=lambda case: case.id)
def test_request_example_round_trips_through_generated_model(case: sc.ExampleCase) -> None:
    model = sc.model_for(SPEC, PACKAGE, case.schema, case.value)
    assert model is not None
    assert model.from_dict(case.value).to_dict() == case.value  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("operation_id", "status", "media_type", "body"),
    REAL_RESPONSES,
    ids=[f"{r[0]}-{r[1]}-{r[2]}-{i}" for i, r in enumerate(REAL_RESPONSES)],
)
def test_real_response_matches_schema(
    operation_id: str, status: str, media_type: str, body: Any
) -> None:
    schema = sc.response_schema(SPEC, operation_id, status, media_type)
    assert sc.schema_errors(SPEC, schema, body) == []


@pytest.mark.parametrize(
    ("operation_id", "media_type", "body"),
    REAL_REQUESTS,
    ids=[f"{r[0]}-{r[1]}-{i}" for i, r in enumerate(REAL_REQUESTS)],
)
def test_real_request_matches_schema(operation_id: str, media_type: str, body: Any) -> None:
    assert sc.schema_errors(SPEC, request_schema(operation_id, media_type), body) == []


@pytest.mark.parametrize(
    ("name", "schema", "body"), INVALID_BODIES, ids=[b[0] for b in INVALID_BODIES]
)
def test_schema_rejects(name: str, schema: str, body: Any) -> None:
    assert sc.schema_errors(SPEC, component(schema), body) != []


@pytest.mark.parametrize(("name", "schema", "body"), OPEN_VALUES, ids=[b[0] for b in OPEN_VALUES])
def test_schema_accepts_open_values(name: str, schema: str, body: Any) -> None:
    assert sc.schema_errors(SPEC, component(schema), body) == []


def action_values() -> list[tuple[str, str]]:
    found = [(c.id, c.value["actionValue"]) for c in CASES if "actionValue" in (c.value or {})]
    found.append(("reference-4.13", REAL_REQUESTS[3][2]["actionValue"]))
    return found


@pytest.mark.parametrize(("name", "text"), action_values(), ids=[a[0] for a in action_values()])
def test_action_value_is_json_text_of_zone_items(name: str, text: str) -> None:
    # jsonschema does not apply `contentSchema`, so decode and check it here.
    decoded = json.loads(text)
    assert decoded and sc.schema_errors(SPEC, component("ActionValueList"), decoded) == []


def test_zone_pattern_and_colour_pattern_are_the_documented_ones() -> None:
    schemas = SPEC["components"]["schemas"]
    assert schemas["ZoneId"]["pattern"] == r"^(KEY_[A-Z0-9_]+|-?\d+|\d+,\d+)$"
    assert schemas["ColorCode"]["pattern"] == "^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"
    assert "enum" not in schemas["EffectName"]
    assert set(schemas["EffectName"]["examples"]) == {
        "SET_COLOR",
        "BLINK",
        "BREATHE",
        "COLOR_CYCLE",
        "RIPPLE",
        "INWARD_RIPPLE",
        "BOUNCING_LIGHT",
        "LASER",
        "WAVE",
    }


def test_page_envelope_has_exactly_the_documented_fields() -> None:
    page = SPEC["components"]["schemas"]["SignalPage"]
    fields = ["content", "size", "sort", "hasNextPage", "page", "totalElements", "totalPages"]
    assert sorted(page["required"]) == sorted(fields)
    assert sorted(page["properties"]) == sorted(fields)
    assert page["additionalProperties"] is False


def test_zone_colour_documents_text_and_json() -> None:
    for operation_id in ("getSignalColorByZone", "getSignalColorLegacy"):
        response = sc.resolve(SPEC, BY_ID[operation_id].node["responses"]["200"])
        assert set(response["content"]) == {"text/plain", "application/json"}


def test_oauth2_scheme_has_the_three_flows() -> None:
    schemes = SPEC["components"]["securitySchemes"]
    assert schemes["apiKey"] == {**schemes["apiKey"], "in": "header", "name": "X-API-KEY"}
    assert schemes["bearer"]["scheme"] == "bearer"
    flows = schemes["oauth2"]["flows"]
    assert set(flows) == {"clientCredentials", "password", "authorizationCode"}
    assert flows["authorizationCode"]["authorizationUrl"] == "https://q.daskeyboard.com/oauth/auth"
    assert {f["tokenUrl"] for f in flows.values()} == {"https://q.daskeyboard.com/oauth/1.4/token"}


def test_servers_list_cloud_local_and_mocks() -> None:
    urls = [server["url"] for server in SPEC["servers"]]
    assert urls == [
        "https://q2.daskeyboard.com",
        "https://q.daskeyboard.com",
        "http://localhost:27301",
        "http://127.0.0.1:27301",
        "http://127.0.0.1:27302",
    ]


LINKS = [
    (
        "createSignal",
        "getSignalByZone",
        {"pid": "$request.body#/pid", "zoneId": "$request.body#/zoneId"},
    ),
    (
        "createSignal",
        "getSignalColorByZone",
        {"pid": "$request.body#/pid", "zoneId": "$request.body#/zoneId"},
    ),
    (
        "createSignal",
        "deleteSignalByZone",
        {"pid": "$request.body#/pid", "zoneId": "$request.body#/zoneId"},
    ),
    ("createSignal", "updateSignalStatus", {"id": "$response.body#/id"}),
    ("createSignal", "deleteSignal", {"id": "$response.body#/id"}),
    ("createSignalV2", "getSignalV2", {"id": "$response.body#/id"}),
    ("createSignalV2", "deleteSignalV2", {"id": "$response.body#/id"}),
]


@pytest.mark.parametrize(
    ("source", "target", "parameters"), LINKS, ids=[f"{s}-{t}" for s, t, _ in LINKS]
)
def test_links(source: str, target: str, parameters: dict[str, str]) -> None:
    link = BY_ID[source].node["responses"]["200"]["links"][target]
    assert link["operationId"] == target
    assert link["parameters"] == parameters
    target_params = {sc.resolve(SPEC, p)["name"] for p in BY_ID[target].node["parameters"]}
    assert set(parameters) <= target_params


def api_modules() -> list[str]:
    api = importlib.import_module(f"{PACKAGE}.api")
    return [m.name for m in pkgutil.walk_packages(api.__path__, f"{PACKAGE}.api.") if not m.ispkg]


def test_every_operation_has_an_importable_generated_module() -> None:
    # Guards the post-hook in spec/codegen/daskeyboard-q.yaml (openapi-python-client#1451).
    names = api_modules()
    for name in names:
        importlib.import_module(name)
    assert len(names) == len(OPERATIONS)
    for op in OPERATIONS:
        assert sc.operation_module(PACKAGE, op).__name__ in names


def test_generated_create_signal_sends_json_or_form() -> None:
    create = importlib.import_module(f"{PACKAGE}.api.signals.create_signal")
    models = importlib.import_module(f"{PACKAGE}.models")
    fields = {"name": "n", "pid": "DK5QPID", "zone_id": "2,2", "color": "#F00"}
    as_json = create._get_kwargs(body=models.SignalCreate(**fields))
    as_form = create._get_kwargs(body=models.SignalCreateForm(**fields))
    assert as_json["json"]["zoneId"] == "2,2" and "data" not in as_json
    assert as_json["headers"]["Content-Type"] == "application/json"
    assert as_form["data"]["zoneId"] == "2,2" and "json" not in as_form
    assert as_form["headers"]["Content-Type"] == "application/x-www-form-urlencoded"


def test_generated_token_request_sends_json_or_form() -> None:
    token = importlib.import_module(f"{PACKAGE}.api.auth.get_token")
    models = importlib.import_module(f"{PACKAGE}.models")
    grant = models.TokenRequestGrantType.CLIENT_CREDENTIALS
    as_form = token._get_kwargs(body=models.TokenRequestForm(grant_type=grant, client_id="c"))
    assert as_form["data"] == {"grant_type": "client_credentials", "client_id": "c"}
    assert token._get_kwargs(body=models.TokenRequest(grant_type=grant))["json"] == {
        "grant_type": "client_credentials"
    }


@pytest.mark.parametrize("body", ["#FF0000", '{"color": "#F00"}'])
def test_generated_colour_parser_keeps_either_body_as_text(body: str) -> None:
    module = sc.operation_module(PACKAGE, BY_ID["getSignalColorByZone"])
    client = importlib.import_module(f"{PACKAGE}.client").Client(base_url="http://example.test")
    parsed = module._parse_response(client=client, response=httpx.Response(200, text=body))
    assert parsed == body
