"""The independent side of the response fuzzing: bodies from the specs, and what is wrong with them.

- `bodies`: schemathesis-generated bodies for every documented JSON response. Schemathesis only
  generates requests, so each response schema of the three specs (`$ref`'d
  `components/responses` followed) becomes the request body of a synthetic
  ``POST /{operationId}/{status}`` (toolchain.md §2.6), in positive (valid) and negative
  (invalid: wrong types, missing fields, broken patterns, raw bytes that are not JSON) mode.
- `violations`: what a body breaks, by jsonschema against the same schema, as
  ``(field path, JSON-Schema keyword)`` pairs. Patterns are read as JSON Schema reads them
  (ECMA-262: ``\\d`` is an ASCII digit, ``$`` the very end).
- `LENIENCY`: the table of what kbapi accepts on purpose although it breaks the spec
  (response_leniency.yaml, next to this file).
- `public_type_problems`: what is wrong with a value given its public annotation (the public
  types' own annotations, resolved here; the documented value sets are the tests' own).

Nothing here reads the wrapper's checks: the schemas come from the specs (`kbapi._specs`, the
copies `make generate` made of `spec/`), the type promises from the public classes.
"""

from __future__ import annotations

import ast
import copy
import dataclasses
import importlib
import json
import re
import sys
import types
import typing
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import schemathesis
import yaml
from hypothesis import strategies as st
from jsonschema.exceptions import ValidationError
from kbapi._specs import spec_path
from schemathesis import GenerationMode

HTTP_METHODS = frozenset({"get", "put", "post", "delete", "patch", "head", "options", "trace"})
LENIENCY_FILE = Path(__file__).with_name("response_leniency.yaml")

Violation = tuple[str, str]
"""(field path, keyword): JSON keys joined by ``/``; ``[]`` any item, ``*`` any extra key."""


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


COMPONENTS = {
    "qmk": {
        f"/schema/{n}": {"$ref": f"#/components/schemas/{n}"} for n in ("CompileResult", "Error")
    }
}


@cache
def synthetic(name: str) -> dict[str, Any]:
    """Spec `name` turned inside out: each JSON response schema is a request body."""
    spec = raw_spec(name)
    components = copy.deepcopy(spec.get("components", {}))
    components.pop("securitySchemes", None)
    paths: dict[str, Any] = {}
    schemas = {f"/{op}/{status}": schema for op, status, schema in documented_json(name)}
    for path, schema in {**schemas, **COMPONENTS.get(name, {})}.items():
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


# Generated arrays and maps hold at most this many items: big bodies cost generation time and
# find nothing that three items do not (the oracle still validates against the spec as written).
MAX_ITEMS = 3


def _capped(node: Any) -> Any:
    """A copy of a schema whose arrays and open-ended maps are at most `MAX_ITEMS` long."""
    if isinstance(node, list):
        return [_capped(item) for item in node]
    if not isinstance(node, dict):
        return node
    capped = {key: _capped(value) for key, value in node.items()}
    if "items" in node and capped.get("maxItems", MAX_ITEMS + 1) > MAX_ITEMS:
        capped["maxItems"] = max(MAX_ITEMS, capped.get("minItems", 0))
    if isinstance(node.get("additionalProperties"), dict) and "maxProperties" not in node:
        capped["maxProperties"] = MAX_ITEMS + len(node.get("required", []))
    return capped


@cache
def _loaded(name: str) -> Any:
    return schemathesis.openapi.from_dict(_capped(synthetic(name)))


@cache
def bodies(name: str, path: str, mode: GenerationMode) -> st.SearchStrategy[Any]:
    """Bodies of the response at `path` (``/{operationId}/{status}``) of spec `name`."""
    strategy = _loaded(name)[path]["POST"].as_strategy(generation_mode=mode)
    return strategy.map(lambda case: case.body)


def encode(body: Any) -> bytes:
    """The wire form of a generated body (negative mode also yields raw bytes)."""
    if isinstance(body, bytes):
        return body
    try:
        return json.dumps(body).encode()
    except (TypeError, ValueError):  # schemathesis' NOT_SET: no body at all
        return b""


# -- what a body breaks ----------------------------------------------------------------------

NOT_JSON: Violation = ("", "not JSON")


def _ecma_pattern(
    validator: Any, pattern: str, instance: Any, schema: Mapping[str, Any]
) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not _ecma(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _ecma(pattern: str) -> re.Pattern[str]:
    # ECMA-262 reads \d and \w as ASCII and $ as the end of the input (Python: before a last \n).
    body = (
        pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith(r"\$") else pattern
    )
    return re.compile(body, re.ASCII)


Validator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator, {"pattern": _ecma_pattern}
)


@cache
def validator(spec: str, path: str) -> Any:
    """A jsonschema validator of the response at `path` (``/{operationId}/{status}``)."""
    synth = synthetic(spec)
    schema = synth["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
    return Validator({**schema, "components": synth["components"]})


def decoded(body: Any) -> Any:
    """The JSON value of a body as sent, or `NOT_JSON`."""
    if not isinstance(body, bytes):
        return body if encode(body) else NOT_JSON
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return NOT_JSON


def violations(check: Any, body: Any) -> frozenset[Violation]:
    """What `body` breaks of the schema `check` validates: ``(field path, keyword)`` pairs."""
    value = decoded(body)
    if value is NOT_JSON:
        return frozenset({NOT_JSON})
    try:
        return frozenset(v for error in check.iter_errors(value) for v in _flat(error))
    except RecursionError:
        return frozenset({("", "nesting")})


def _flat(error: ValidationError) -> Iterator[Violation]:
    if error.validator in ("oneOf", "anyOf") and error.context:
        branches: dict[Any, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        fitting = [
            errors
            for errors in branches.values()
            if not any(e.validator == "type" and not e.relative_path for e in errors)
        ]
        if len(fitting) == 1:  # the variant of the value's type: what is wrong inside it
            for sub in fitting[0]:
                yield from _flat(sub)
            return
        if not fitting:
            yield _field(error.absolute_schema_path), "type"
            return
    yield _violation(error)


def _violation(error: ValidationError) -> Violation:
    path = _field(error.absolute_schema_path)
    if error.validator == "required":
        missing = ast.literal_eval(error.message.split(" is a required property")[0])
        return f"{path}/{missing}".lstrip("/"), "required"
    return path, str(error.validator)


def _field(schema_path: Any) -> str:
    """The field path of a schema path (its last token, the keyword, left out)."""
    tokens = list(schema_path)[:-1]
    parts: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token == "properties":
            parts.append(str(tokens[index + 1]))
            index += 2
        elif token in ("oneOf", "anyOf", "allOf", "prefixItems", "patternProperties"):
            if token == "prefixItems":
                parts.append(f"[{tokens[index + 1]}]")
            elif token == "patternProperties":
                parts.append("*")
            index += 2
        elif token == "items":
            parts.append("[]")
            index += 1
        elif token == "additionalProperties":
            parts.append("*")
            index += 1
        else:
            index += 1
    return "/".join(parts)


# -- the leniency table ----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Lenient:
    operation: str
    path: str
    keyword: str
    reason: str


@cache
def leniency() -> dict[tuple[str, str, str], Lenient]:
    """(operation, field path, keyword) -> its entry of response_leniency.yaml."""
    entries = yaml.safe_load(LENIENCY_FILE.read_text(encoding="utf-8"))
    table: dict[tuple[str, str, str], Lenient] = {}
    for entry in entries:
        for operation in entry["operations"]:
            for path in entry["paths"]:
                key = (operation, path, entry["keyword"])
                assert key not in table, f"listed twice: {key}"
                table[key] = Lenient(operation, path, entry["keyword"], entry["reason"].strip())
    return table


def excused(operation: str, violation: Violation) -> Lenient | None:
    """The leniency entry that covers `violation` of `operation`'s response, if any."""
    path, keyword = violation
    for (listed_operation, listed, listed_keyword), entry in leniency().items():
        if listed_operation != operation or listed_keyword not in (keyword, "*"):
            continue
        if listed == path or (
            listed.endswith("/**") and (path == listed[:-3] or path.startswith(listed[:-2]))
        ):
            return entry
    return None


# -- the public type promises ----------------------------------------------------------------


def public_type_problems(value: Any, annotation: Any, path: str = "result") -> list[str]:
    """What in `value` is not of the public `annotation` (recursively through public classes)."""
    if annotation is Any or annotation is object:
        return []
    origin = typing.get_origin(annotation)
    arms = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        results = [public_type_problems(value, arm, path) for arm in arms]
        if any(not r for r in results):
            return []
        matching = [r for arm, r in zip(arms, results, strict=True) if _outer_fits(value, arm)]
        return matching[0] if matching else [f"{path}: {_kind(value)} is not {annotation}"]
    if origin is typing.Literal:
        return [] if value in arms else [f"{path}: {value!r} is not one of {arms}"]
    if origin in (list, tuple, dict, Mapping, Sequence):
        return _container_problems(value, annotation, origin, arms, path)
    if annotation is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return [] if ok else [f"{path}: {_kind(value)} is not float"]
    if annotation in (int, str, bool, type(None)):
        return [] if type(value) is annotation else [f"{path}: {_kind(value)} is not {annotation}"]
    if isinstance(annotation, type):
        if not isinstance(value, annotation):
            return [f"{path}: {_kind(value)} is not {annotation.__name__}"]
        return _class_problems(value, path)
    raise AssertionError(f"the oracle cannot read the annotation {annotation!r} at {path}")


def _outer_fits(value: Any, annotation: Any) -> bool:
    origin = typing.get_origin(annotation) or annotation
    return isinstance(origin, type) and isinstance(value, origin)


def _container_problems(
    value: Any, annotation: Any, origin: Any, arms: tuple[Any, ...], path: str
) -> list[str]:
    if not isinstance(value, origin):
        return [f"{path}: {_kind(value)} is not {annotation}"]
    if isinstance(value, Mapping):
        key_type, item_type = arms if arms else (Any, Any)
        found = []
        for key, item in value.items():
            found += public_type_problems(key, key_type, f"{path} key {key!r}")
            found += public_type_problems(item, item_type, f"{path}[{key!r}]")
        return found
    if origin is tuple and arms and arms[-1] is not Ellipsis:
        if len(value) != len(arms):
            return [f"{path}: {len(value)} items, not {len(arms)}"]
        pairs = list(zip(value, arms, strict=True))
    else:
        pairs = [(item, arms[0] if arms else Any) for item in value]
    return [
        p
        for i, (item, arm) in enumerate(pairs)
        for p in public_type_problems(item, arm, f"{path}[{i}]")
    ]


def _class_problems(value: Any, path: str) -> list[str]:
    """The fields of a public dataclass or (generated) attrs class against their annotations."""
    cls = type(value)
    if dataclasses.is_dataclass(cls):
        names = [f.name for f in dataclasses.fields(cls)]
    elif attrs.has(cls):
        names = [f.name for f in attrs.fields(cls)]
    else:
        return []
    hints = _resolved(cls)
    found: list[str] = []
    for name in names:
        if name == "raw":  # documented as the body as received
            continue
        found += public_type_problems(getattr(value, name), hints[name], f"{path}.{name}")
    return found


@cache
def _resolved(cls: type) -> dict[str, Any]:
    """The annotations of a public class; generated models see their package's other models."""
    names = dict(vars(sys.modules[cls.__module__]))
    if ".models." in cls.__module__:
        package = cls.__module__.split(".models.")[0]
        models = importlib.import_module(f"{package}.models")
        names.update({name: getattr(models, name) for name in models.__all__})
        names.update(vars(importlib.import_module(f"{package}.types")))
    return typing.get_type_hints(cls, globalns=names)


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__
