"""Reusable checks for our OpenAPI specs: walk operations and examples, validate examples against
their schemas (JSON Schema 2020-12) and push JSON bodies through the generated client."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import yaml
from jsonschema import Draft202012Validator
from openapi_python_client.strings import PythonIdentifier

SPEC_DIR = Path(__file__).resolve().parents[2] / "spec"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Same value as the generator's default `field_prefix`, which also prefixes module names.
FIELD_PREFIX = "field_"

Spec = dict[str, Any]


def load_spec(name: str | Path) -> Spec:
    """Load a spec by file name in spec/ (`"qmk.yaml"`) or by path."""
    path = Path(name)
    if not path.is_absolute() and not path.exists():
        path = SPEC_DIR / path
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path} is not an OpenAPI document")
    return data


def resolve(spec: Spec, node: Any) -> Any:
    """Follow local `$ref`s (`#/...`) until `node` is not a reference."""
    seen: set[str] = set()
    while isinstance(node, Mapping) and "$ref" in node:
        ref = str(node["$ref"])
        if not ref.startswith("#/") or ref in seen:
            raise ValueError(f"unsupported or circular $ref {ref!r}")
        seen.add(ref)
        node = spec
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


@dataclass(frozen=True)
class Operation:
    """One operation of a spec."""

    path: str
    method: str
    node: Mapping[str, Any]

    @property
    def operation_id(self) -> str:
        return str(self.node.get("operationId", f"{self.method.upper()} {self.path}"))

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"


def operations(spec: Spec) -> list[Operation]:
    """Every operation of `spec`, in document order."""
    found = []
    for path, item in spec.get("paths", {}).items():
        item = resolve(spec, item)
        for method in HTTP_METHODS:
            if method in item:
                found.append(Operation(path, method, item[method]))
    return found


@dataclass(frozen=True)
class ExampleCase:
    """One named example of a request or response body, with the schema it must satisfy."""

    operation: Operation
    kind: str  # "request" or "response"
    status: str | None
    media_type: str
    name: str
    schema: Mapping[str, Any]
    value: Any

    @property
    def id(self) -> str:
        where = self.kind if self.status is None else f"{self.kind}-{self.status}"
        return f"{self.operation.operation_id}-{where}-{self.media_type}-{self.name}"


def _media_examples(spec: Spec, media: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    if "example" in media:
        yield "example", media["example"]
    for name, example in (media.get("examples") or {}).items():
        example = resolve(spec, example)
        if "value" in example:
            yield name, example["value"]


def _content_cases(
    spec: Spec, op: Operation, kind: str, status: str | None, content: Mapping[str, Any]
) -> Iterator[ExampleCase]:
    for media_type, media in content.items():
        schema = media.get("schema", {})
        for name, value in _media_examples(spec, media):
            yield ExampleCase(op, kind, status, media_type, name, schema, value)


def example_cases(spec: Spec) -> list[ExampleCase]:
    """Every (operation, media type, example) of request bodies and responses."""
    cases: list[ExampleCase] = []
    for op in operations(spec):
        if "requestBody" in op.node:
            body = resolve(spec, op.node["requestBody"])
            cases += _content_cases(spec, op, "request", None, body.get("content", {}))
        for status, response in op.node.get("responses", {}).items():
            response = resolve(spec, response)
            cases += _content_cases(spec, op, "response", str(status), response.get("content", {}))
    return cases


def schema_errors(spec: Spec, schema: Mapping[str, Any], value: Any) -> list[str]:
    """Validation errors of `value` against `schema` (a schema object of `spec`; `#/components`
    references resolve against the whole spec). Empty when valid."""
    # The spec itself is the root resource, so `#/components/...` pointers resolve in place.
    root = {"components": spec.get("components", {}), "$defs": {"target": dict(schema)}}
    validator = Draft202012Validator({**root, "$ref": "#/$defs/target"})
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in validator.iter_errors(value)
    ]


def response_schema(
    spec: Spec, operation_id: str, status: str, media_type: str = "application/json"
) -> Mapping[str, Any]:
    """The schema of one documented response of the operation `operation_id`."""
    for op in operations(spec):
        if op.operation_id == operation_id:
            response = resolve(spec, op.node["responses"][status])
            return dict(response["content"][media_type]["schema"])
    raise KeyError(operation_id)


def is_json(media_type: str) -> bool:
    """True for `application/json` and `application/*+json`."""
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or (
        base.startswith("application/") and base.endswith("+json")
    )


def operation_module(package: str, op: Operation) -> ModuleType:
    """The generated module of `op`: `<package>.api.<first tag>.<operationId as snake case>`."""
    tags = op.node.get("tags") or ["default"]
    tag = PythonIdentifier(value=str(tags[0]), prefix="tag")
    name = PythonIdentifier(value=op.operation_id, prefix=FIELD_PREFIX)
    return importlib.import_module(f"{package}.api.{tag}.{name}")


def parse_with_client(package: str, case: ExampleCase) -> Any:
    """Parse a response example the way the generated client parses a live response (JSON bodies
    are serialised, text bodies sent as they are)."""
    module = operation_module(package, case.operation)
    client = importlib.import_module(f"{package}.client").Client(base_url="http://example.test")
    body = json.dumps(case.value) if is_json(case.media_type) else str(case.value)
    content = body.encode()
    headers = {"content-type": case.media_type}
    response = httpx.Response(int(str(case.status)), content=content, headers=headers)
    return module._parse_response(client=client, response=response)


def client_media_type(spec: Spec, case: ExampleCase) -> str:
    """The media type the generated client parses for the status of `case`: openapi-python-client
    keeps only the first (supported) media type of a response and ignores the others."""
    response = resolve(spec, case.operation.node["responses"][str(case.status)])
    return str(next(iter(response["content"])))


def model_for(spec: Spec, package: str, schema: Mapping[str, Any], value: Any) -> type[Any] | None:
    """The generated model class that should hold `value`: the `$ref`'d component of `schema` (or of
    its non-null `oneOf`/`anyOf` variant) when it is an object schema, else None."""
    if value is None:
        return None
    candidates = [schema, *schema.get("oneOf", []), *schema.get("anyOf", [])]
    for candidate in candidates:
        ref = candidate.get("$ref")
        if not isinstance(ref, str) or not ref.startswith("#/components/schemas/"):
            continue
        target = resolve(spec, candidate)
        if target.get("type") == "object" or "allOf" in target:
            models = importlib.import_module(f"{package}.models")
            return getattr(models, ref.rsplit("/", 1)[-1])  # type: ignore[no-any-return]
    return None


def to_plain(parsed: Any) -> Any:
    """Turn parsed client output back into JSON-like data (models via `to_dict()`)."""
    if hasattr(parsed, "to_dict"):
        return parsed.to_dict()
    if isinstance(parsed, list):
        return [to_plain(item) for item in parsed]
    return parsed


def missing_fields(op: Operation) -> list[str]:
    """Documentation every operation must have that `op` lacks."""
    node = op.node
    problems = [key for key in ("operationId", "summary", "description") if not node.get(key)]
    if len(node.get("tags") or []) != 1:
        problems.append("exactly one tag")
    if not any(str(status).startswith("4") for status in node.get("responses", {})):
        problems.append("a 4xx response")
    return problems


def undocumented_error_bodies(spec: Spec, op: Operation) -> list[str]:
    """4xx responses of `op` that have no content, or content without a schema or example."""
    problems = []
    for status, response in op.node.get("responses", {}).items():
        if not str(status).startswith("4"):
            continue
        content = resolve(spec, response).get("content") or {}
        if not content:
            problems.append(f"{status}: no body")
        for media_type, media in content.items():
            if "schema" not in media or not list(_media_examples(spec, media)):
                problems.append(f"{status} {media_type}: schema or example missing")
    return problems
