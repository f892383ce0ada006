"""Our specs as schemathesis sees them in runs against the mocks (tests/contract, tools/fuzz.py).

The Q spec describes three deployments; `q_target_spec` cuts out what one of them serves (by the
operations' `x-kbapi-targets`). `CONFIG_FILE` lists the few deliberate per-operation exceptions
to schemathesis' default checks, each with its reason; everything else runs with every check.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any, Literal

import schemathesis
import yaml
from hypothesis import HealthCheck

ROOT = Path(__file__).resolve().parents[2]
SPEC_DIR = ROOT / "spec"
CONFIG_FILE = ROOT / "tests" / "contract" / "schemathesis.toml"
QTarget = Literal["local", "cloud"]
Q_TAGS: dict[str, frozenset[str]] = {
    "local": frozenset({"local-v1", "local-v2"}),
    "cloud": frozenset({"cloud"}),
}
CLOUD_SECURITY = [{"apiKey": []}, {"bearer": []}]
# Hypothesis settings of every in-process run: reproducible (derandomized, no example database),
# no deadline or health checks (the coverage and stateful phases are slow by design).
COMMON: dict[str, Any] = {
    "deadline": None,
    "suppress_health_check": list(HealthCheck),
    "derandomize": True,
    "database": None,
}
HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


@cache
def _load_yaml(name: str) -> dict[str, Any]:
    data = yaml.safe_load((SPEC_DIR / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict), name
    return data


def spec(name: str) -> dict[str, Any]:
    """A copy of `spec/<name>` as a dict."""
    return copy.deepcopy(_load_yaml(name))


def _for_target(operation: dict[str, Any], target: QTarget) -> dict[str, Any]:
    operation = dict(operation)
    if target == "local":
        # No credentials locally, and JSON bodies only (form bodies are a cloud feature).
        operation["security"] = []
        body = operation.get("requestBody")
        if body:
            content = {k: v for k, v in body["content"].items() if k == "application/json"}
            operation["requestBody"] = {**body, "content": content}
    elif operation.get("security"):
        # The cloud needs a key or a token even where the spec also allows `{}` for local use.
        operation["security"] = CLOUD_SECURITY
    return operation


def q_target_spec(target: QTarget) -> dict[str, Any]:
    """The Q spec as one deployment serves it, titled `... (local)` / `... (cloud)`.

    Only operations whose `x-kbapi-targets` name the deployment are kept.
    """
    data = spec("daskeyboard-q.yaml")
    data["info"]["title"] = f"{data['info']['title']} ({target})"
    paths: dict[str, Any] = {}
    for path, item in data["paths"].items():
        kept = {
            method: _for_target(operation, target)
            for method, operation in item.items()
            if method in HTTP_METHODS and Q_TAGS[target] & set(operation["x-kbapi-targets"])
        }
        if kept:
            paths[path] = kept
    data["paths"] = paths
    served = {op["operationId"] for item in paths.values() for op in item.values()}
    for item in paths.values():
        for method, operation in item.items():
            item[method] = _without_links_to_others(operation, served)
    return data


def _without_links_to_others(operation: dict[str, Any], served: set[str]) -> dict[str, Any]:
    responses = {}
    for status, response in operation["responses"].items():
        links = response.get("links")
        if links:
            kept = {name: link for name, link in links.items() if link["operationId"] in served}
            response = {**response, "links": kept}
        responses[status] = response
    return {**operation, "responses": responses}


def load_schema(data: dict[str, Any], base_url: str) -> Any:
    """A schemathesis schema for `data` with our check exceptions, sending to `base_url`."""
    config = schemathesis.Config.from_path(CONFIG_FILE)
    schema = schemathesis.openapi.from_dict(data, config=config)
    schema.config.update(base_url=base_url)
    return schema
