"""Checks of spec/qmk.yaml and spec/qmk-keyboards.yaml: examples, generated clients, real bodies."""

from __future__ import annotations

import re
from typing import Any

import pytest
import schemathesis

from tests.unit import spec_checks as sc

pytestmark = pytest.mark.spec_example

QMK = sc.load_spec("qmk.yaml")
KEYBOARDS = sc.load_spec("qmk-keyboards.yaml")
SPECS = {
    "qmk.yaml": (QMK, "kbapi._generated.qmk_api"),
    "qmk-keyboards.yaml": (KEYBOARDS, "kbapi._generated.qmk_keyboards"),
}

ALL_OPERATIONS = [(name, op) for name, (spec, _) in SPECS.items() for op in sc.operations(spec)]
ALL_EXAMPLES = [
    (name, case) for name, (spec, _) in SPECS.items() for case in sc.example_cases(spec)
]
RESPONSE_EXAMPLES = [(n, c) for n, c in ALL_EXAMPLES if c.kind == "response"]


def _op_id(item: tuple[str, sc.Operation]) -> str:
    return f"{item[0]}:{item[1].operation_id}"


def _case_id(item: tuple[str, sc.ExampleCase]) -> str:
    return f"{item[0]}:{item[1].id}"


# -- every operation is documented --------------------------------------------------------------


@pytest.mark.parametrize("item", ALL_OPERATIONS, ids=[_op_id(i) for i in ALL_OPERATIONS])
def test_operation_is_documented(item: tuple[str, sc.Operation]) -> None:
    name, op = item
    spec = SPECS[name][0]
    assert sc.missing_fields(op) == []
    assert sc.undocumented_error_bodies(spec, op) == []
    assert re.fullmatch(r"[a-z][a-zA-Z0-9]*", op.operation_id), "operationId must be camelCase"


@pytest.mark.parametrize("name", list(SPECS))
def test_operation_ids_are_unique_and_tags_declared(name: str) -> None:
    spec = SPECS[name][0]
    ids = [op.operation_id for op in sc.operations(spec)]
    assert len(ids) == len(set(ids))
    declared = {tag["name"] for tag in spec["tags"]}
    assert {op.node["tags"][0] for op in sc.operations(spec)} <= declared


def test_qmk_spec_has_every_live_route() -> None:
    routes = {(op.method, op.path) for op in sc.operations(QMK)}
    expected_get = [
        "/v1",
        "/v1/healthcheck",
        "/v1/converters",
        "/v1/metrics/keyboards",
        "/v1/metrics/keyboards/days/{days}",
        "/v1/metrics/locations",
        "/v1/metrics/locations/days/{days}",
        "/v1/keyboards",
        "/v1/keyboards/all",
        "/v1/keyboards/build_status",
        "/v1/keyboards/build_log",
        "/v1/keyboards/build_summary",
        "/v1/keyboards/error_log",
        "/v1/keyboards/{keyboard}",
        "/v1/keyboards/{keyboard}/readme",
        "/v1/keyboards/{keyboard}/build_log",
        "/v1/keyboards/{keyboard}/keymaps/{keymap}",
        "/v1/keyboards/{keyboard}/keymaps/{keymap}/readme",
        "/v1/usb",
        "/v1/skeletons",
        "/v1/skeletons/keymap",
        "/v1/compile/{job_id}",
        "/v1/compile/{job_id}/download",
        "/v1/compile/{job_id}/hex",
        "/v1/compile/{job_id}/keymap",
        "/v1/compile/{job_id}/source",
    ]
    expected_post = ["/v1/converters/kle", "/v1/converters/kle2qmk", "/v1/telemetry", "/v1/compile"]
    expected = {("get", p) for p in expected_get} | {("post", p) for p in expected_post}
    assert routes == expected


def test_redirects_document_location() -> None:
    redirects = [op for op in sc.operations(QMK) if "302" in op.node["responses"]]
    assert len(redirects) == 8
    for op in redirects:
        response = sc.resolve(QMK, op.node["responses"]["302"])
        location = sc.resolve(QMK, response["headers"]["Location"])
        assert location["required"] is True, op.label


def test_submit_compile_links_the_job_workflow() -> None:
    submit = next(op for op in sc.operations(QMK) if op.operation_id == "submitCompile")
    links = submit.node["responses"]["200"]["links"]
    targets = {link["operationId"] for link in links.values()}
    assert targets == {"getCompileJob", "downloadFirmware", "downloadKeymap", "downloadSource"}
    known = {op.operation_id: op for op in sc.operations(QMK)}
    for link in links.values():
        assert link["parameters"] == {"job_id": "$response.body#/job_id"}
        params = [sc.resolve(QMK, p)["name"] for p in known[link["operationId"]].node["parameters"]]
        assert params == ["job_id"]


# -- examples -----------------------------------------------------------------------------------


@pytest.mark.parametrize("item", ALL_EXAMPLES, ids=[_case_id(i) for i in ALL_EXAMPLES])
def test_example_matches_schema(item: tuple[str, sc.ExampleCase]) -> None:
    name, case = item
    assert sc.schema_errors(SPECS[name][0], case.schema, case.value) == []


@pytest.mark.parametrize("item", RESPONSE_EXAMPLES, ids=[_case_id(i) for i in RESPONSE_EXAMPLES])
def test_response_example_round_trips_through_generated_client(
    item: tuple[str, sc.ExampleCase],
) -> None:
    name, case = item
    spec, package = SPECS[name]
    if case.media_type != sc.client_media_type(spec, case):
        # The client reads only the first media type of a status: a live HTML 400 next to the
        # documented JSON 400 fails to decode, so the wrapper has to map this ValueError.
        with pytest.raises(ValueError, match="Expecting value"):
            sc.parse_with_client(package, case)
        return
    parsed = sc.parse_with_client(package, case)
    model = sc.model_for(spec, package, case.schema, case.value)
    if model is not None:
        # A failing variant of a nullable union silently falls back to the raw dict.
        assert isinstance(parsed, model), f"parsed as {type(parsed).__name__}, not {model.__name__}"
        assert model.from_dict(case.value).to_dict() == case.value
    if isinstance(parsed, list):
        assert not any(isinstance(entry, dict) for entry in parsed), "list items left as raw dicts"
    assert sc.to_plain(parsed) == case.value


def test_every_response_with_a_body_has_an_example() -> None:
    for name, (spec, _) in SPECS.items():
        covered = {
            (c.operation.operation_id, c.status, c.media_type) for c in sc.example_cases(spec)
        }
        for op in sc.operations(spec):
            for status, response in op.node["responses"].items():
                for media_type in sc.resolve(spec, response).get("content", {}):
                    assert (op.operation_id, status, media_type) in covered, (
                        name,
                        op.label,
                        status,
                    )


def test_every_job_status_shape_is_an_example() -> None:
    cases = [
        c
        for c in sc.example_cases(QMK)
        if c.operation.operation_id == "getCompileJob" and c.status == "200"
    ]
    statuses = {c.value.get("status") for c in cases}
    assert statuses == {"queued", "running", "finished", "failed", "unknown", None}
    codes = {c.value["result"]["returncode"] for c in cases if c.value["result"] is not None}
    assert codes == {0, 2, -1, -3}


# -- the schemas reject what they must reject ---------------------------------------------------

JOB_SCHEMA = sc.response_schema(QMK, "getCompileJob", "200")
ERROR_SCHEMA = sc.response_schema(QMK, "getCompileJob", "404")
QUEUED = {
    "created_at": "Sun, 22 Nov 2026 08:08:14 GMT",
    "enqueued_at": "Sun, 22 Nov 2026 08:08:14 GMT",
    "id": "3c0b2a8e-5d1f-4c6e-9a7b-2f4d6e8a0b1c",
    "is_failed": None,
    "result": None,
    "status": "queued",
}


@pytest.mark.parametrize(
    ("schema", "body"),
    [
        (JOB_SCHEMA, {k: v for k, v in QUEUED.items() if k != "id"}),
        (JOB_SCHEMA, {**QUEUED, "is_failed": "no"}),
        (JOB_SCHEMA, {**QUEUED, "result": {"output": "no returncode"}}),
        (JOB_SCHEMA, {**QUEUED, "result": {"returncode": "0", "output": ""}}),
        (ERROR_SCHEMA, {"code": "404", "message": "Compile job not found"}),
        (ERROR_SCHEMA, {"message": "Compile job not found"}),
    ],
    ids=[
        "job-without-id",
        "is_failed-string",
        "result-without-returncode",
        "returncode-string",
        "error-code-string",
        "error-without-code",
    ],
)
def test_schema_rejects_wrong_bodies(schema: dict[str, Any], body: Any) -> None:
    assert sc.schema_errors(QMK, schema, body) != []


def test_keymap_request_schema_requires_the_four_keys() -> None:
    submit = next(op for op in sc.operations(QMK) if op.operation_id == "submitCompile")
    schema = submit.node["requestBody"]["content"]["application/json"]["schema"]
    body = {"keyboard": "planck/rev6", "keymap": "default", "layout": "LAYOUT", "layers": [[]]}
    assert sc.schema_errors(QMK, schema, {**body, "branch": "develop", "extra": 1}) == []
    for key in body:
        assert sc.schema_errors(QMK, schema, {k: v for k, v in body.items() if k != key}) != []
    assert sc.schema_errors(QMK, schema, {**body, "keyboard": "../etc"}) != []
    assert sc.schema_errors(QMK, schema, {**body, "keymap": "a/b"}) != []


# -- real bodies quoted in reference/qmk-api.md -------------------------------------------------

# §4.2, "finished, success" (captured qmk_configurator fixture, abridged in the reference).
NEWGAME40 = {
    "created_at": "Sun, 03 Apr 2022 18:04:13 GMT",
    "enqueued_at": "Sun, 03 Apr 2022 18:04:13 GMT",
    "id": "ea1514b3-bdfc-4a7b-9b5c-08752684f7f6",
    "is_failed": False,
    "status": "finished",
    "result": {
        "keyboard": "newgame40",
        "returncode": 0,
        "output": "Ψ Compiling keymap with make -s --jobs=1 -r -R -f builddefs/build_keyboard.mk "
        "KEYBOARD=newgame40 KEYMAP=layout_ortho_4x10_mine ...\n...Linking: "
        ".build/newgame40_layout_ortho_4x10_mine.elf \u001b[32;01m[OK]\u001b[0m\n...\n * The "
        "firmware size is fine - 22604/28672 (78%, 6068 bytes free)\n",
        "firmware": None,
        "firmware_filename": "newgame40_layout_ortho_4x10_mine.hex",
        "source_ip": "1.2.3.4",
        "public_firmware": False,
        "layout": "LAYOUT_ortho_4x10",
        "keymap": "layout_ortho_4x10_mine",
        "keymap_archive": "newgame40-layout_ortho_4x10_mine.json",
        "keymap_json": '{"version": 1, "notes": "", ...}',
        "command": ["qmk", "compile", "newgame40-layout_ortho_4x10_mine.json"],
        "id": "ca230f62-b4e6-4647-8fc0-0c3879ab0d5e",
        "firmware_binary_url": [
            "https://api.qmk.fm/v1/compile/ca230f62-b4e6-4647-8fc0-0c3879ab0d5e/download"
        ],
        "source_archive": "qmk_firmware-newgame40-layout_ortho_4x10_mine.zip",
        "firmware_keymap_url": ["…/v1/compile/ca230f62-…/keymap"],
        "firmware_source_url": ["…/v1/compile/ca230f62-…/source"],
    },
}
# §4.2, "finished, unknown keyboard": the result is exactly these four keys.
UNKNOWN_KEYBOARD_RESULT = {
    "returncode": -1,
    "command": "",
    "output": "Unknown keyboard!",
    "firmware": None,
}
# "Observed on a running instance": queued job and RQ-level failure (other values elided there).
OBSERVED_QUEUED = {
    "created_at": "Sun, 22 Nov 2026 08:08:14 GMT",
    "enqueued_at": "…",
    "id": "…",
    "is_failed": None,
    "result": None,
    "status": "queued",
}
OBSERVED_FAILED = {**OBSERVED_QUEUED, "is_failed": True, "result": None, "status": "failed"}
# §4.2, "after Redis expiry": the S3 metadata shape (result elided there; the fixture's used here).
STORED = {
    "created_at": "2022-04-03 18:04:13 UTC",
    "enqueued_at": "…",
    "id": "…",
    "is_failed": False,
    "is_finished": True,
    "is_queued": False,
    "is_started": False,
    "result": NEWGAME40["result"],
}
# §6, `GET /v1`.
API_ROOT = {
    "children": ["compile", "converters", "keyboards", "skeletons"],
    "last_ping": 1700000000.12,
    "queue_length": 0,
    "status": "running",
    "version": "0.1\n",
    "tasks_ping": 1700000012.5,
    "status_last_ping": "good",
    "status_tasks_ping": "good",
}
# §8, `GET /v1/skeletons/keymap`.
SKELETON = {
    "version": 1,
    "notes": "",
    "keyboard": None,
    "keymap": None,
    "layout": None,
    "layers": [],
    "documentation": '"This file is a QMK Configurator export. You can import this at '
    "<https://config.qmk.fm>. It can also be used directly with QMK's source code.\n\nTo setup "
    "your QMK environment check out the tutorial: <https://docs.qmk.fm/#/newbs>\n\nYou can convert "
    "this file to a keymap.c using this command: `qmk json2c {keymap}`\n\nYou can compile this "
    'keymap using this command: `qmk compile {keymap}`"\n',
}

QMK_BODIES = [
    ("submitCompile", "200", {"enqueued": True, "job_id": "ea1514b3-bdfc-4a7b-9b5c-08752684f7f6"}),
    ("submitCompile", "400", {"code": 400, "message": "Invalid JSON data!"}),
    ("submitCompile", "400", {"code": 400, "message": "Invalid or missing keys: layout, layers"}),
    ("submitCompile", "422", {"code": 422, "message": "Buzz off hacker."}),
    ("getCompileJob", "200", NEWGAME40),
    ("getCompileJob", "200", {**NEWGAME40, "is_failed": True, "result": UNKNOWN_KEYBOARD_RESULT}),
    ("getCompileJob", "200", OBSERVED_QUEUED),
    ("getCompileJob", "200", OBSERVED_FAILED),
    ("getCompileJob", "200", STORED),
    ("getCompileJob", "404", {"code": 404, "message": "Compile job not found"}),
    ("getKeyboardKeymap", "404", {"code": 404, "message": "No such keymap: <keymap>"}),
    ("getApiStatus", "200", API_ROOT),
    ("getHealthcheck", "200", {k: v for k, v in API_ROOT.items() if k != "children"}),
    ("listConverters", "200", {"children": ["kle"]}),
    ("listSkeletons", "200", {"children": ["keymap"]}),
    ("getKeymapSkeleton", "200", SKELETON),
    ("getKeyboardMetrics", "200", {"keyboards": {}}),
    ("getLocationMetricsForDays", "200", {"locations": {}}),
    ("sendTelemetry", "200", {"message": "Thanks for helping to improve QMK!"}),
    ("listKeyboards", "200", ["0_sixty", "0xc7/61key", "1upkeyboards/super16"]),
    ("getBuildStatus", "200", {"clueboard/66/rev3": True}),
    ("getBuildStatus", "200", None),
    ("getErrorLog", "200", None),
    ("getKeyboardBuildLog", "200", None),
    (
        "getBuildLog",
        "200",
        {
            "clueboard/66/rev3": {
                "works": True,
                "warnings": False,
                "last_tested": 1700000000,
                "message": "No layouts for clueboard/66/rev3! Skipping!",
            }
        },
    ),
    ("getErrorLog", "200", [{"severity": "error", "message": "Error: …"}]),
    (
        "convertKle",
        "200",
        {
            "keyboard_name": "<KLE name>",
            "url": "",
            "maintainer": "qmk",
            "layouts": {
                "LAYOUT": {"layout": [{"label": "Esc", "x": 0, "y": 0}, {"x": 1, "y": 0, "w": 1.5}]}
            },
        },
    ),
    ("convertKle", "400", {"code": 400, "message": 'You must supply either "id" or "raw" labels.'}),
]

ONEKEY_LAYOUT = {"layout": [{"x": 0, "y": 0, "matrix": [0, 0]}]}
KEYBOARDS_BODIES = [
    (
        "getKeyboardList",
        "200",
        {"last_updated": "2022-03-26 01:07:21 GMT", "keyboards": ["0_sixty", "0xc7/61key"]},
    ),
    (
        "getKeyboardInfo",
        "200",
        {
            "last_updated": "2022-03-26 01:07:21 GMT",
            "keyboards": {
                "handwired/onekey/promicro": {
                    "keyboard_folder": "handwired/onekey/promicro",
                    "layout_aliases": {"LAYOUT": "LAYOUT_ortho_1x1"},
                    "layouts": {"LAYOUT_ortho_1x1": ONEKEY_LAYOUT},
                }
            },
        },
    ),
    (
        "getUsbTable",
        "200",
        {
            "last_updated": "2022-03-26 01:07:21 GMT",
            "usb": {
                "0x03A8": {
                    "0xA4F9": {
                        "planck/rev6": {"vid": "0x03A8", "pid": "0xA4F9", "device_version": "0.0.6"}
                    }
                }
            },
        },
    ),
]
REFERENCE_BODIES = [("qmk.yaml", *b) for b in QMK_BODIES] + [
    ("qmk-keyboards.yaml", *b) for b in KEYBOARDS_BODIES
]


@pytest.mark.parametrize(
    ("name", "operation_id", "status", "body"),
    REFERENCE_BODIES,
    ids=[f"{b[0]}:{b[1]}-{b[2]}-{i}" for i, b in enumerate(REFERENCE_BODIES)],
)
def test_reference_body_matches_response_schema(
    name: str, operation_id: str, status: str, body: Any
) -> None:
    spec = SPECS[name][0]
    assert sc.schema_errors(spec, sc.response_schema(spec, operation_id, status), body) == []


def test_reference_job_results_parse_into_models() -> None:
    from kbapi._generated.qmk_api.models import CompileJob, CompileResult

    for body in (NEWGAME40, STORED, {**NEWGAME40, "result": UNKNOWN_KEYBOARD_RESULT}):
        job = CompileJob.from_dict(body)
        assert isinstance(job.result, CompileResult)
        assert job.to_dict() == body
    unknown = CompileJob.from_dict({**NEWGAME40, "result": UNKNOWN_KEYBOARD_RESULT})
    assert isinstance(unknown.result, CompileResult)
    assert unknown.result.returncode == -1
    assert unknown.result.command == ""


# -- schemathesis -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SPECS))
def test_spec_loads_in_schemathesis(name: str) -> None:
    schema = schemathesis.openapi.from_path(str(sc.SPEC_DIR / name))
    results = list(schema.get_all_operations())
    # An operation schemathesis cannot load comes back as Err, which has no `ok()`.
    assert all(hasattr(result, "ok") for result in results)
    labels = sorted(result.ok().label for result in results)  # type: ignore[union-attr]
    expected = sorted(op.label for op in sc.operations(SPECS[name][0]))
    assert labels == expected
