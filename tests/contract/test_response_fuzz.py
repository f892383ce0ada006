"""Response-side fuzzing: schemathesis-generated bodies for every documented JSON response.

Schemathesis only generates requests, so each documented JSON response schema of the three specs
(`$ref`'d `components/responses` followed) becomes the request body of a synthetic
``POST /{operationId}/{status}`` (toolchain.md §2.6). Its bodies — valid ones (positive mode) and
invalid ones (negative mode: wrong types, missing required fields, raw bytes that are not JSON) —
are served through `httpx.MockTransport`, under kbapi's transport stack, to the generated client's
``sync_detailed``, run by kbapi's own `parsed` helper:

- a valid body parses into the model the generated client documents for that status, and
  ``to_dict()`` gives the body back;
- an invalid body either parses (the generated clients are lenient, see `test_lenient_*` for
  exactly what they let through) or raises `APIResponseValidationError`; never a bare
  KeyError/TypeError/ValueError/AttributeError/RecursionError or any other non-kbapi exception.

The same bodies then go through the QMK wrapper's own readers (`JobStatus.from_model` + `outcome`,
`api_status`, `keyboards`, build logs, `info`) and the OAuth token reader, where only their
documented results or kbapi errors may come out.

The specs are read from `kbapi._specs` (the copies `make generate` made of `spec/`, which
`make check-generated` keeps identical to `spec/`), so the bodies always match the generated
client under test, even while `spec/` is being edited.
"""

from __future__ import annotations

import copy
import importlib
import inspect
import json
import pkgutil
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

import httpx
import jsonschema
import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from kbapi._core.auth import Token, parse_token_response
from kbapi._core.calls import PARSE_ERRORS
from kbapi._core.client import TransportOptions, parsed, wire
from kbapi._core.errors import APIResponseValidationError
from kbapi._generated.qmk_api.models import CompileJob as RawJob
from kbapi._specs import spec_path
from kbapi.qmk import CompileError, CompileResult, JobStatus, KeyboardInfo, QMKClient
from kbapi.qmk.common import ApiStatus, BuildResult
from kbapi.qmk.jobs import PENDING, STATUSES, outcome
from kbapi.qmk.keymap import KEYBOARD_PATTERN
from schemathesis import GenerationMode

pytestmark = pytest.mark.timeout(120)

BASE = "http://fuzz.invalid"
SPECS = {
    "qmk": "kbapi._generated.qmk_api",
    "qmk-keyboards": "kbapi._generated.qmk_keyboards",
    "daskeyboard-q": "kbapi._generated.q_api",
}
HTTP_METHODS = frozenset({"get", "put", "post", "delete", "patch", "head", "options", "trace"})
# Examples per (operation, status, mode): more for success bodies, where the models differ.
EXAMPLES_OK = 12
EXAMPLES_ERROR = 4
EXAMPLES_WRAPPER = 30


def _settings(max_examples: int) -> settings:
    return settings(
        max_examples=max_examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


# -- the synthetic specs ---------------------------------------------------------------------


@cache
def raw_spec(name: str) -> dict[str, Any]:
    data = yaml.safe_load(spec_path(name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _response(spec: dict[str, Any], response: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in response:
        response = spec["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
    return response


def documented_json(name: str) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """(operationId, status, schema) of every documented JSON response of spec `name`."""
    spec = raw_spec(name)
    for item in spec["paths"].values():
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            for status, response in operation.get("responses", {}).items():
                content = _response(spec, response).get("content") or {}
                schema = content.get("application/json", {}).get("schema")
                if schema is not None:
                    yield operation["operationId"], int(status), schema


def synthetic(name: str, extra: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """Spec `name` turned inside out: each JSON response schema is a request body.

    `extra` adds bodies by path (e.g. a component schema on its own).
    """
    spec = raw_spec(name)
    components = copy.deepcopy(spec.get("components", {}))
    components.pop("securitySchemes", None)
    paths: dict[str, Any] = {}
    schemas = {f"/{op}/{status}": schema for op, status, schema in documented_json(name)}
    for path, schema in {**schemas, **(extra or {})}.items():
        paths[path] = {
            "post": {
                "operationId": path.strip("/").replace("/", "_"),
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": copy.deepcopy(schema)}},
                },
                "responses": {"200": {"description": "unused"}},
            }
        }
    return {
        "openapi": spec["openapi"],
        "info": {"title": f"responses of {spec['info']['title']}", "version": "1"},
        "paths": paths,
        "components": components,
    }


COMPONENTS = {
    "qmk": {
        f"/schema/{n}": {"$ref": f"#/components/schemas/{n}"} for n in ("CompileResult", "Error")
    }
}


@cache
def loaded(name: str) -> Any:
    return schemathesis.openapi.from_dict(synthetic(name, COMPONENTS.get(name)))


@cache
def bodies(name: str, path: str, mode: GenerationMode) -> st.SearchStrategy[Any]:
    strategy = loaded(name)[path]["POST"].as_strategy(generation_mode=mode)
    return strategy.map(lambda case: case.body)


def encode(body: Any) -> bytes:
    """The wire form of a generated body (negative mode also yields raw bytes)."""
    if isinstance(body, bytes):
        return body
    try:
        return json.dumps(body).encode()
    except (TypeError, ValueError):  # schemathesis' NOT_SET: no body at all
        return b""


# -- the generated operations ----------------------------------------------------------------


@cache
def operations(package: str) -> dict[str, ModuleType]:
    """Generated operation modules by operationId-ish key (lower case, no underscores)."""
    api = importlib.import_module(f"{package}.api")
    found: dict[str, ModuleType] = {}
    for info in pkgutil.walk_packages(api.__path__, f"{package}.api."):
        module = importlib.import_module(info.name)
        if hasattr(module, "sync_detailed"):
            key = info.name.rsplit(".", 1)[-1].replace("_", "")
            assert key not in found, f"two generated modules for {key}"
            found[key] = module
    return found


@dataclass(frozen=True)
class Parse:
    """What the generated `_parse_response` makes of one status.

    `types` is what a valid body parses into (kbapi's `expect`); `item` the element type of a
    list; `text` whether the body is returned as text.
    """

    types: tuple[type, ...]
    item: type | None = None
    text: bool = False


PRIMITIVES: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool}


def _type_named(module: ModuleType, name: str) -> tuple[type, type | None]:
    """(type, list item type) of an annotation like ``Model``, ``None`` or ``list[Model]``."""
    if name == "None":
        return type(None), None
    if item := re.fullmatch(r"list\[(\w+)\]", name):
        return list, PRIMITIVES.get(item[1]) or getattr(module, item[1])
    return getattr(module, name), None


def parse_of(module: ModuleType, status: int) -> Parse:
    """Read the generated parser's branch for `status` (generated code has a few fixed forms)."""
    source = inspect.getsource(module._parse_response)
    branch = re.search(
        rf"if response\.status_code == {status}:\n(.*?)\n\s*return response_{status}\b",
        source,
        re.S,
    )
    assert branch, f"{module.__name__}: no parser for status {status} (run `make generate`)"
    code = branch.group(1)
    if model := re.search(rf"response_{status} = (\w+)\.from_dict\(response\.json\(\)\)", code):
        return Parse((getattr(module, model[1]),))
    if item := re.search(rf"(\w+)\.from_dict\(response_{status}_item_data\)", code):
        return Parse((list,), getattr(module, item[1]))
    if primitive := re.search(r"cast\(list\[(\w+)\], response\.json\(\)\)", code):
        return Parse((list,), PRIMITIVES[primitive[1]])
    if union := re.search(rf"def _parse_response_{status}\(data: object\) -> (.+):", code):
        named = [_type_named(module, n.strip()) for n in union[1].split(" | ")]
        items = [i for _, i in named if i is not None]
        return Parse(tuple(t for t, _ in named), items[0] if items else None)
    if f"response_{status} = response.text" in code:
        return Parse((str,), text=True)
    raise AssertionError(f"{module.__name__}: unknown parser for {status}:\n{code}")


_DUMMIES: dict[Any, Any] = {str: "x", int: 1, float: 1.0, bool: True, uuid.UUID: uuid.UUID(int=1)}


class AnyBody:
    """Stands in for a required request body: the mock transport ignores the request."""

    def to_dict(self) -> dict[str, Any]:
        return {}


def arguments(module: ModuleType) -> tuple[list[Any], dict[str, Any]]:
    """Dummy path parameters and required keyword arguments for `module.sync_detailed`."""
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for param in inspect.signature(module.sync_detailed).parameters.values():
        if param.name == "client" or param.default is not inspect.Parameter.empty:
            continue
        if param.name == "body":
            value: Any = AnyBody()
        else:
            value = next((v for t, v in _DUMMIES.items() if t == param.annotation), "x")
        if param.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[param.name] = value
        else:
            args.append(value)
    return args, kwargs


@dataclass(frozen=True)
class Target:
    spec: str
    operation_id: str
    status: int

    @property
    def id(self) -> str:
        return f"{self.spec}:{self.operation_id}:{self.status}"

    @property
    def module(self) -> ModuleType:
        return operations(SPECS[self.spec])[self.operation_id.lower()]

    @property
    def examples(self) -> int:
        return EXAMPLES_OK if self.status < 300 else EXAMPLES_ERROR


TARGETS = [Target(name, op, status) for name in SPECS for op, status, _ in documented_json(name)]


class Served:
    """A generated client whose every request gets `status` and the current `payload`."""

    def __init__(self, target: Target) -> None:
        self.status = target.status
        self.payload = b""
        package = importlib.import_module(SPECS[target.spec])
        options = TransportOptions(
            transport=httpx.MockTransport(self._answer), sleep=lambda _: None
        )
        if hasattr(package, "AuthenticatedClient"):  # accepted by every operation
            generated = package.AuthenticatedClient(base_url=BASE, token="fuzz")
        else:
            generated = package.Client(base_url=BASE)
        self.client = wire(generated, options.sync_client(BASE))

    def _answer(self, request: httpx.Request) -> httpx.Response:
        headers = {"content-type": "application/json"}
        return httpx.Response(self.status, content=self.payload, headers=headers)

    def parse(self, target: Target, body: Any, expect: type) -> Any:
        self.payload = encode(body)
        args, kwargs = arguments(target.module)
        return parsed(
            target.module.sync_detailed,
            *args,
            client=self.client,
            expect=expect,
            ok=(target.status,),
            **kwargs,
        )


def test_every_documented_json_response_has_a_target() -> None:
    assert len(TARGETS) > 100
    for name in SPECS:
        assert any(t.spec == name and t.status == 200 for t in TARGETS), name
    for target in TARGETS:
        parse_of(target.module, target.status)  # a generated parser exists for each


# -- the generated clients -------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """`value` as JSON would give it back (tuples as lists, UUIDs as strings)."""
    return json.loads(json.dumps(value, default=str))


def check_valid(shape: Parse, result: Any, body: Any, payload: bytes) -> None:
    """`result` is what `body` documents, and gives `body` back."""
    assert isinstance(result, shape.types)
    if shape.text:
        assert result == payload.decode()
    elif result is None:
        assert body is None
    elif isinstance(result, list) and shape.item in PRIMITIVES.values():
        assert result == body  # cast(), not checked: see test_lenient_primitive_lists
    elif isinstance(result, list):
        assert shape.item is not None
        assert all(isinstance(item, shape.item) for item in result)
        assert _plain([item.to_dict() for item in result]) == body
    else:
        assert _plain(result.to_dict()) == body


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.id)
def test_valid_bodies_parse_into_the_documented_model(target: Target) -> None:
    shape = parse_of(target.module, target.status)
    served = Served(target)
    path = f"/{target.operation_id}/{target.status}"

    @given(bodies(target.spec, path, GenerationMode.POSITIVE))
    @_settings(target.examples)
    def check(body: Any) -> None:
        check_valid(shape, served.parse(target, body, shape.types), body, served.payload)

    check()


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.id)
def test_invalid_bodies_parse_or_raise_a_validation_error(target: Target) -> None:
    shape = parse_of(target.module, target.status)
    served = Served(target)
    path = f"/{target.operation_id}/{target.status}"

    @given(bodies(target.spec, path, GenerationMode.NEGATIVE))
    @_settings(target.examples)
    def check(body: Any) -> None:
        expect = shape.types
        try:
            result = served.parse(target, body, expect)
        except APIResponseValidationError as exc:
            assert exc.status_code == target.status
            if exc.error is None:  # parsed, but not into the documented type (kbapi's `expect`)
                assert "expected " in str(exc) and ", got " in str(exc)
            else:
                assert isinstance(exc.error, PARSE_ERRORS)
                assert "does not match the documented schema" in str(exc)
            return
        # Accepted leniently: only for a text response (any body is text) or a lenient class.
        assert isinstance(result, expect)
        if not shape.text:
            broken = {e.validator for e in schema_validator(target).iter_errors(_decoded(body))}
            assert broken <= LENIENT, (broken, body)

    check()


# What the generated clients do not check (JSON Schema keywords whose violation still parses):
# primitive types (values are `cast`, not checked), every string/number/array constraint, and
# unions (`oneOf [Model, null]`: a body that fits no variant is returned raw, which kbapi's
# `expect` then refuses where the operation's result is checked). A missing required property
# is never accepted: it is a KeyError, i.e. an APIResponseValidationError.
LENIENT = frozenset(
    {
        "type",
        "pattern",
        "format",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minProperties",
        "maxProperties",
        "propertyNames",
        "enum",
        "oneOf",
        "anyOf",
    }
)


@cache
def schema_validator(target: Target) -> jsonschema.Draft202012Validator:
    synth = synthetic(target.spec, COMPONENTS.get(target.spec))
    operation = synth["paths"][f"/{target.operation_id}/{target.status}"]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    return jsonschema.Draft202012Validator({**schema, "components": synth["components"]})


def _decoded(body: Any) -> Any:
    """The JSON value the client saw (a raw negative body that parsed was JSON after all)."""
    return json.loads(body) if isinstance(body, bytes) else body


# The leniency of the generated clients, spelled out: what an invalid body turns into.
COMPILE_JOB = Target("qmk", "getCompileJob", 200)
ENQUEUED = Target("qmk", "submitCompile", 200)
KEYBOARDS = Target("qmk", "listKeyboards", 200)
Q_ERROR = Target("daskeyboard-q", "listSignals", 404)


def _raw_job(**changes: Any) -> dict[str, Any]:
    job = {
        "id": "j1",
        "created_at": "Sun, 03 Apr 2022 18:04:13 GMT",
        "enqueued_at": None,
        "is_failed": None,
        "status": "queued",
        "result": None,
    }
    job.update(changes)
    return job


def _parse(target: Target, body: Any) -> Any:
    return Served(target).parse(target, body, parse_of(target.module, target.status).types)


@pytest.mark.parametrize(
    "changes",
    [
        {"id": 5, "created_at": ["a"], "is_failed": "no", "status": {"x": 1}},
        {"enqueued_at": 3.5, "is_finished": "yes"},
        {"result": ["not", "an", "object"]},
        {"result": {"returncode": "0"}},  # a CompileResult that fails stays a raw dict
        {"extra": {"kept": True}},
    ],
)
def test_lenient_primitive_types_and_nullable_unions(changes: dict[str, Any]) -> None:
    job = _parse(COMPILE_JOB, _raw_job(**changes))
    assert isinstance(job, RawJob)
    for key, value in changes.items():
        assert job.to_dict()[key] == value


def test_lenient_list_of_pairs_reads_as_an_object() -> None:
    # `Model.from_dict` starts with `dict(src)`: a list of [key, value] pairs passes as an object.
    enqueued = _parse(ENQUEUED, [["enqueued", True], ["job_id", "j1"]])
    assert enqueued.job_id == "j1" and enqueued.enqueued is True


def test_lenient_primitive_lists() -> None:
    # `cast(list[str], ...)`: only "is it a list" is checked (by kbapi's `expect=list`).
    assert _parse(KEYBOARDS, [1, None, {"a": "b"}]) == [1, None, {"a": "b"}]


def test_lenient_error_models() -> None:
    error = _parse(Q_ERROR, {"code": [404], "message": 404, "unknown": [1]})
    assert error.to_dict()["code"] == [404] and error.to_dict()["message"] == 404
    assert error.additional_properties == {"unknown": [1]}


@pytest.mark.parametrize(
    ("body", "cause"),
    [
        ({k: v for k, v in _raw_job().items() if k != "id"}, KeyError),
        ("a string", ValueError),
        (17, TypeError),
        (None, TypeError),
        ([["only-a-key"]], ValueError),
        (b"<html>502</html>", ValueError),
        (b"\xff\xfe\xfd", ValueError),
        (b'{"id": "j1", "created_at": "x", "is_fa', ValueError),
        (b"[" * 5000 + b"]" * 5000, RecursionError),
        (b"1" * 5000, ValueError),  # more digits than int() may read
    ],
    ids=[
        "missing-required",
        "string",
        "number",
        "null",
        "bad-pairs",
        "html",
        "not-utf8",
        "truncated",
        "deep",
        "huge-int",
    ],
)
def test_rejected_bodies(body: Any, cause: type[BaseException]) -> None:
    with pytest.raises(APIResponseValidationError) as caught:
        _parse(COMPILE_JOB, body)
    assert isinstance(caught.value.error, cause)
    assert caught.value.status_code == 200


# -- the QMK wrapper's readers ---------------------------------------------------------------


def _job_bodies(mode: GenerationMode) -> st.SearchStrategy[Any]:
    """Compile job bodies, biased towards finished jobs with a (valid or invalid) result."""
    jobs = bodies("qmk", "/getCompileJob/200", mode)
    results = bodies("qmk", "/schema/CompileResult", mode)
    # None keeps the generated status; the lists and numbers are what a lenient parse lets by.
    odd: list[Any] = ["?", 3, True, ["finished"], {"finished": True}]
    statuses = st.sampled_from(["finished", "finished", "finished", *sorted(STATUSES), *odd, None])
    names = st.sampled_from(["planck_rev6_default.bin", "", None, 5])
    codes = st.sampled_from([0, 0, 1, -1, -2, -3, "0", None])

    def merge(parts: tuple[Any, Any, Any, Any, Any]) -> Any:
        job, status, result, name, code = parts
        if not isinstance(job, dict):
            return job
        job = dict(job)
        if status is not None:
            job["status"] = status
        if isinstance(result, dict):
            result = {**result, "returncode": code}
            if name is not None:
                result["firmware_filename"] = name
            job["result"] = result
        return job

    return st.tuples(jobs, statuses, results, names, codes).map(merge)


def _check_job(body: Any) -> None:
    try:
        raw = _parse(COMPILE_JOB, body)
    except APIResponseValidationError:
        return
    status = JobStatus.from_model(raw)
    assert status.status in STATUSES
    if not status.done:
        assert status.status in PENDING
        return
    try:
        result = outcome(status, "planck/rev6")
    except CompileError as exc:
        assert exc.job_id == raw.id
        return
    assert isinstance(result, CompileResult)
    assert status.status == "finished" and result.firmware_filename


@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda m: m.value)
def test_job_status_and_outcome_decide_every_body(mode: GenerationMode) -> None:
    @given(_job_bodies(mode))
    @example(_raw_job(status=["finished"]))  # unhashable: once a bare TypeError
    @example(_raw_job(status={"finished": True}, result={"returncode": 0, "output": ""}))
    @example(_raw_job(status="finished", result={"returncode": True, "output": 5}))
    @_settings(EXAMPLES_WRAPPER)
    def check(body: Any) -> None:
        _check_job(body)

    check()


def test_job_outcomes_cover_success_and_every_failure() -> None:
    seen: set[str] = set()

    @given(_job_bodies(GenerationMode.POSITIVE))
    @_settings(120)
    def collect(body: Any) -> None:
        status = JobStatus.from_model(_parse(COMPILE_JOB, body))
        if status.done:
            try:
                outcome(status)
                seen.add("CompileResult")
            except CompileError as exc:
                seen.add(type(exc).__name__)

    collect()
    assert {"CompileResult", "CompileFailed", "CompileInfrastructureError"} <= seen
    assert "UnknownKeyboardError" in seen


def _mock_client(payload: bytes) -> QMKClient:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=payload, headers={"content-type": "application/json"})

    options = TransportOptions(transport=httpx.MockTransport(answer), sleep=lambda _: None)
    return QMKClient(BASE, metadata_url=BASE, http_options=options)


def _keyboard_in(body: Any) -> str:
    boards = body.get("keyboards") if isinstance(body, dict) else None
    if isinstance(boards, dict):
        for name in boards:
            if KEYBOARD_PATTERN.match(name):
                return str(name)
    return "planck/rev6"


@dataclass(frozen=True)
class Reader:
    """A public QMKClient method fed one documented response: what a success must look like."""

    spec: str
    path: str
    read: Callable[[QMKClient, Any], Any]
    ok: Callable[[Any], bool]


def _build_log_ok(result: Any) -> bool:
    return isinstance(result, dict) and all(isinstance(v, BuildResult) for v in result.values())


READERS = {
    "api_status": Reader(
        "qmk", "/getApiStatus/200", lambda c, b: c.api_status(), lambda r: isinstance(r, ApiStatus)
    ),
    "status": Reader(
        "qmk", "/getCompileJob/200", lambda c, b: c.status("j1"), lambda r: isinstance(r, JobStatus)
    ),
    "keyboards": Reader(
        "qmk",
        "/listKeyboards/200",
        lambda c, b: c.keyboards(),
        lambda r: isinstance(r, list) and all(isinstance(n, str) for n in r),
    ),
    "build_status": Reader(
        "qmk", "/getBuildStatus/200", lambda c, b: c.build_status(), lambda r: isinstance(r, dict)
    ),
    "build_log": Reader("qmk", "/getBuildLog/200", lambda c, b: c.build_log(), _build_log_ok),
    "keyboard_build": Reader(
        "qmk",
        "/getKeyboardBuildLog/200",
        lambda c, b: c.keyboard_build("planck/rev6"),
        lambda r: r is None or isinstance(r, BuildResult),
    ),
    "info": Reader(
        "qmk-keyboards",
        "/getKeyboardInfo/200",
        lambda c, b: c.info(_keyboard_in(b)),
        lambda r: isinstance(r, KeyboardInfo),
    ),
}


@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda m: m.value)
@pytest.mark.parametrize("name", sorted(READERS))
def test_qmk_client_readers_return_their_type_or_a_validation_error(
    name: str, mode: GenerationMode
) -> None:
    reader = READERS[name]

    @given(bodies(reader.spec, reader.path, mode))
    @_settings(EXAMPLES_WRAPPER // 2)
    def check(body: Any) -> None:
        with _mock_client(encode(body)) as client:
            try:
                result = reader.read(client, body)
            except APIResponseValidationError as exc:
                assert mode is GenerationMode.NEGATIVE or name == "info", exc
                return
        assert reader.ok(result), result

    check()


# -- the OAuth token reader ------------------------------------------------------------------


def _token_response(payload: bytes) -> httpx.Response:
    request = httpx.Request("POST", f"{BASE}/oauth/1.4/token")
    return httpx.Response(200, content=payload, request=request)


@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda m: m.value)
def test_token_reader_returns_a_token_or_a_validation_error(mode: GenerationMode) -> None:
    @given(bodies("daskeyboard-q", "/getToken/200", mode))
    @_settings(EXAMPLES_WRAPPER)
    def check(body: Any) -> None:
        try:
            token = parse_token_response(_token_response(encode(body)), now=0.0)
        except APIResponseValidationError as exc:
            assert "token response" in str(exc)
            return
        assert isinstance(token, Token) and token.access_token.get_secret_value()

    check()


@pytest.mark.parametrize(
    "payload",
    [
        b"<html>not json</html>",
        b"\xff\xfe\xfd",
        b'{"access_token": "t", "expires_in": 1' + b"0" * 400 + b"}",
        b"[" * 5000 + b"]" * 5000,
        b'{"access_token": ["t"]}',
        b"[]",
    ],
    ids=["html", "not-utf8", "huge-expiry", "deep", "wrong-type", "array"],
)
def test_hostile_token_bodies(payload: bytes) -> None:
    with pytest.raises(APIResponseValidationError, match="token response") as caught:
        parse_token_response(_token_response(payload), now=0.0)
    # Only the kind of failure is reported: the body may hold tokens.
    assert isinstance(caught.value.error, ValueError)
    assert "while reading the token response" in str(caught.value)
