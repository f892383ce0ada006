"""Requests of real Das Keyboard Q clients (tests/fixtures/recorded/daskeyboard/), replayed.

Each fixture names its client, repository commit and how its requests were obtained (recorded by
tools/record_q_clients.py, or read from the client's source) and holds sequences of requests,
each meant for a fresh mock. `replay()` sends a sequence in order; `operation_for()` finds the
spec operation a request is for, and `request_errors()` validates a request against it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
from kbapi.mock.daskeyboard import DEMO_API_KEY, DEMO_CREDENTIALS

from tests.unit.spec_checks import Operation, Spec, load_spec, operations, resolve, schema_errors

RECORDED = Path(__file__).resolve().parents[1] / "fixtures" / "recorded" / "daskeyboard"
# Placeholders in the bodies written from source: the mock's demo account stands in.
PLACEHOLDERS = {f"{{{name}}}": value for name, value in DEMO_CREDENTIALS.items()}
TARGETS = {"cloud": ("cloud",), "local": ("local-v1", "local-v2")}


@cache
def spec() -> Spec:
    return load_spec("daskeyboard-q.yaml")


def fixtures() -> list[dict[str, Any]]:
    """Every fixture file, parsed."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(RECORDED.glob("*.json"))]


def sequences() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(id, fixture, sequence) for every sequence of every fixture."""
    return [
        (f"{fixture['client']}:{sequence['name']}", fixture, sequence)
        for fixture in fixtures()
        for sequence in fixture["sequences"]
    ]


@dataclass
class Sent:
    """One replayed request: the fixture's entry, what was sent and what the mock answered."""

    entry: dict[str, Any]
    path: str
    body: Any
    response: httpx.Response


def _fill(value: Any) -> Any:
    if isinstance(value, str):
        for placeholder, real in PLACEHOLDERS.items():
            value = value.replace(placeholder, real)
        return value
    if isinstance(value, dict):
        return {key: _fill(item) for key, item in value.items()}
    return value


def replay(sequence: dict[str, Any], urls: Mapping[str, str]) -> list[Sent]:
    """Send a sequence in order. `{id}` in a path is the id of the latest signal created in the
    sequence; `merge_previous_response` sends the previous answer with the entry's JSON on top."""
    sent: list[Sent] = []
    latest_id: Any = None
    previous: Any = None
    for entry in sequence["requests"]:
        path = entry["path"].replace("{id}", str(latest_id))
        body = _fill(entry.get("json"))
        if entry.get("merge_previous_response"):
            body = {**previous, **body}
        # Whatever credential the client sent, the mock's API key stands in for it.
        headers = {"X-API-KEY": DEMO_API_KEY} if entry["auth"] != "none" else {}
        if "content_type" in entry:
            headers["Content-Type"] = entry["content_type"]
        content = json.dumps(body) if "json" in entry else _fill(entry.get("text", ""))
        url = f"{urls[entry['target']]}{path}" + (f"?{entry['query']}" if entry["query"] else "")
        response = httpx.request(entry["method"], url, content=content, headers=headers, timeout=10)
        sent.append(Sent(entry, path, body, response))
        answer = response.json() if is_json(response) else None
        if isinstance(answer, dict) and entry["method"] == "POST" and "id" in answer:
            latest_id = answer["id"]
        previous = answer
    return sent


def is_json(response: httpx.Response) -> bool:
    return response.headers.get("content-type", "").startswith("application/json")


def _template(path: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", path)
    pattern = "".join(f"(?P<{p[1:-1]}>[^/]+)" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(pattern + "$")


def _param_errors(op: Operation, where: str, values: Mapping[str, str]) -> list[str]:
    errors = []
    for param in (resolve(spec(), p) for p in op.node.get("parameters", [])):
        if param["in"] != where or param["name"] not in values:
            continue
        schema = resolve(spec(), param["schema"])
        raw = values[param["name"]]
        value: Any = (
            int(raw) if schema.get("type") == "integer" and re.fullmatch(r"-?\d+", raw) else raw
        )
        errors += [f"{param['name']}: {e}" for e in schema_errors(spec(), param["schema"], value)]
    return errors


def operation_for(entry: dict[str, Any], path: str) -> tuple[Operation, list[str]] | None:
    """The operation serving this request on its target, and its path/query errors. Among
    several matching templates the one with the most literal segments and no errors wins."""
    found = []
    for op in operations(spec()):
        targets = op.node.get("x-kbapi-targets", [])
        if op.method != entry["method"].lower() or not set(targets) & set(TARGETS[entry["target"]]):
            continue
        match = _template(op.path).match(path)
        if match is None:
            continue
        errors = _param_errors(op, "path", match.groupdict())
        errors += _param_errors(op, "query", dict(parse_qsl(entry["query"])))
        literals = len([s for s in op.path.split("/") if s and not s.startswith("{")])
        found.append((bool(errors), -literals, op, errors))
    found.sort(key=lambda item: item[:2])
    return (found[0][2], found[0][3]) if found else None


def request_errors(sent: Sent) -> list[str]:
    """Why the request does not fit the spec (empty when it does)."""
    located = operation_for(sent.entry, sent.path)
    if located is None:
        return [f"no operation for {sent.entry['method']} {sent.path} on {sent.entry['target']}"]
    op, errors = located
    if "json" not in sent.entry:
        return errors
    media = resolve(spec(), op.node.get("requestBody", {})).get("content", {})
    content_type = sent.entry["content_type"].split(";")[0]
    if content_type not in media:
        return [*errors, f"{op.operation_id} takes no {content_type} body"]
    return errors + schema_errors(spec(), media[content_type]["schema"], sent.body)


def response_errors(sent: Sent) -> list[str]:
    """Why the mock's answer is not the documented one for its status (empty when it is)."""
    located = operation_for(sent.entry, sent.path)
    assert located is not None
    op = located[0]
    documented = op.node["responses"].get(str(sent.response.status_code))
    if documented is None:
        return [f"{op.operation_id}: status {sent.response.status_code} is not documented"]
    content = resolve(spec(), documented).get("content")
    if not content:
        return [] if sent.response.content == b"" else ["documented without a body, got one"]
    media = sent.response.headers.get("content-type", "").split(";")[0]
    if media not in content:
        return [f"{op.operation_id}: answered {media}, documented {sorted(content)}"]
    value = sent.response.json() if media == "application/json" else sent.response.text
    return schema_errors(spec(), content[media]["schema"], value)
