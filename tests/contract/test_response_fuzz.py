"""Response fuzzing with an oracle: what every public reader makes of valid and invalid bodies.

Bodies come from the specs (`response_oracle.bodies`: schemathesis, valid and invalid) and from
valid bodies with one value replaced. Each is served through `httpx.MockTransport`, under
kbapi's transport stack, to a public method of `QMKClient` or `QClient` that reads that
response (`READERS`), or to the OAuth token reader. For every body, jsonschema says what it
breaks (`response_oracle.violations`), and the outcome must be one of:

- refused with `APIResponseValidationError` (the public promise for a body that does not match
  the documented schema): only for a body that breaks something;
- accepted, when every violation is listed in response_leniency.yaml as accepted on purpose for
  that (operation, field path, keyword), with its reason; and what comes back holds the public
  types (the return annotation of the method, through the public classes' own annotations) and
  the documented values (job statuses, colours, zone ids).

A valid body must be accepted. Below the readers, every documented JSON response of the three
specs (158) goes through the generated client under kbapi's `parsed`: a valid body parses into
the documented model and gives the body back, an invalid one parses or raises
`APIResponseValidationError`, never a bare Python exception.

The examples are drawn from a fixed seed, `KBAPI_FUZZ_SEED` (default `SEED`), named in every
failure: rerun with the same value to see the same bodies, or with another to try new ones.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import re
import sys
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType
from typing import Any

import httpx
import kbapi.daskeyboard
import kbapi.qmk
import pytest
from hypothesis import HealthCheck, example, given, seed, settings
from hypothesis import strategies as st
from kbapi._core.auth import parse_token_response
from kbapi._core.calls import PARSE_ERRORS
from kbapi._core.client import TransportOptions, parsed, wire
from kbapi._core.errors import APIResponseValidationError
from kbapi._generated.qmk_api.models import CompileJob as RawJob
from kbapi.daskeyboard import QClient
from kbapi.daskeyboard.pager import SignalPager
from kbapi.qmk import CompileError, CompileResult, QMKClient
from kbapi.qmk.jobs import outcome
from schemathesis import GenerationMode

from tests.contract.response_oracle import (
    NOT_JSON,
    bodies,
    decoded,
    documented_json,
    encode,
    excused,
    leniency,
    public_type_problems,
    validator,
    violations,
)
from tests.support.depth import examples

# Not traced by coverage (pytest-cov's no_cover): its thousands of generated bodies cost 2.3
# times the CPU under the tracer (17.5 s -> 40.5 s for the public readers).
pytestmark = [pytest.mark.timeout(300), pytest.mark.no_cover]

SEED = int(os.environ.get("KBAPI_FUZZ_SEED", "20261206"))
BASE = "https://fuzz.invalid"
SPECS = {
    "qmk": "kbapi._generated.qmk_api",
    "qmk-keyboards": "kbapi._generated.qmk_keyboards",
    "daskeyboard-q": "kbapi._generated.q_api",
}
# Examples per public reader (half valid-ish, half invalid) and per generated target.
EXAMPLES_READER = examples(60)
EXAMPLES_OK = examples(6)
EXAMPLES_ERROR = examples(2)


def _settings(max_examples: int) -> settings:
    return settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


def run(check: Callable[[], None]) -> None:
    """Run a seeded hypothesis test; a failure names the seed that reproduces it."""
    try:
        seed(SEED)(check)()
    except BaseException as exc:
        exc.add_note(f"response fuzzing seed {SEED}: rerun with KBAPI_FUZZ_SEED={SEED}")
        raise


# -- the public readers ----------------------------------------------------------------------

# Documented value sets: JobStatus ("`status` is always one of" these, docs/qmk.md: queued,
# running, finished, failed, and unknown for anything else); colours as the Q docstrings say.
JOB_STATUSES = frozenset({"queued", "running", "finished", "failed", "unknown"})
RRGGBB = re.compile(r"#[0-9A-Fa-f]{6}")
SHORT_OR_LONG_COLOUR = re.compile(r"#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})")
ZONE_ID = re.compile(r"KEY_[A-Z0-9_]+|-?[0-9]+|[0-9]+,[0-9]+")  # Signal.zone_id's docstring
PID = re.compile(r"[A-Z][A-Z0-9_]*")  # Signal.pid's docstring: kbapi's upper-case pattern


class Served:
    """Every request gets `status` and the current payload (one transport for all clients)."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.payload = b""
        self.transport = httpx.MockTransport(self._answer)
        self.options = TransportOptions(transport=self.transport, sleep=lambda _: None)

    def _answer(self, request: httpx.Request) -> httpx.Response:
        headers = {"content-type": "application/json"}
        return httpx.Response(self.status, content=self.payload, headers=headers)


def _qmk(served: Served) -> QMKClient:
    return QMKClient(BASE, metadata_url=BASE, http_options=served.options, build_history=None)


def _local(served: Served) -> QClient:
    return QClient.local(BASE, http_options=served.options, rate_limiter=None)


def _cloud(served: Served) -> QClient:
    return QClient.cloud("fuzz", base_url=BASE, http_options=served.options)


def _for_planck(body: Any) -> Any:
    """A valid info.json document made the one of planck/rev6 (the board the reader asks for)."""
    boards = body.get("keyboards") if isinstance(body, dict) else None
    if not isinstance(boards, dict) or not boards:
        return body
    return {**body, "keyboards": {"planck/rev6": next(iter(boards.values()))}}


def _not_planck(body: Any) -> bool:
    """True for an info.json document without planck/rev6: `info()` refuses it (documented)."""
    boards = body.get("keyboards") if isinstance(body, dict) else None
    return not isinstance(boards, dict) or "planck/rev6" not in boards


KEYMAP = {"keyboard": "planck/rev6", "keymap": "default", "layout": "LAYOUT", "layers": []}


def _signal_values(signal: Any) -> list[str]:
    problems = []
    if not SHORT_OR_LONG_COLOUR.fullmatch(signal.color):
        problems.append(f"colour {signal.color!r}")
    if not ZONE_ID.fullmatch(signal.zone_id) or not PID.fullmatch(signal.pid):
        problems.append(f"zone {signal.zone_id!r} / pid {signal.pid!r}")
    return problems


def _values(result: Any) -> list[str]:
    """What a result holds outside its documented values (the types are checked apart)."""
    problems: list[str] = []
    items = result if isinstance(result, list) else [result]
    for item in items:
        name = type(item).__name__
        if name == "JobStatus" and item.status not in JOB_STATUSES:
            problems.append(f"job status {item.status!r}")
        elif name in ("Signal", "V2Signal") and isinstance(item.color, str):
            problems += _signal_values(item)
        elif name == "Shadow":
            problems += [] if RRGGBB.fullmatch(item.color) else [f"shadow colour {item.color!r}"]
            problems += _signal_values(item.signal)
        elif name == "SignalPage":
            numbers = (item.size, item.page, item.total_elements, item.total_pages)
            problems += [f"page numbers {numbers}"] if min(numbers) < 0 else []
            problems += [p for signal in item.content for p in _signal_values(signal)]
        elif name == "ApiStatus" and item.queue_length < 0:
            problems.append(f"queue length {item.queue_length}")
    return problems


def _returns(method: Any) -> Any:
    """The return annotation of a public method (the clients import some names lazily: the
    packages' public names resolve them)."""
    names = dict(vars(sys.modules[method.__module__]))
    for package in (kbapi.qmk, kbapi.daskeyboard):
        names.update({name: getattr(package, name) for name in package.__all__})
    annotation = method.__annotations__["return"]
    return eval(annotation, names) if isinstance(annotation, str) else annotation


@dataclass(frozen=True)
class Reader:
    """A public method fed one documented response; `returns` is its public annotation."""

    spec: str
    operation: str
    client: Callable[[Served], Any]
    read: Callable[[Any, Any], Any]
    returns: Any
    value_check: Callable[[Any], list[str]] = _values
    extra: tuple[st.SearchStrategy[Any], ...] = field(default=())
    # Makes a valid body answer the question asked (e.g. the info.json of the board asked for).
    shape: Callable[[Any], Any] | None = None
    # A valid body the reader refuses all the same, documented (e.g. another board's info.json).
    refused_valid: Callable[[Any], bool] = lambda body: False

    @property
    def path(self) -> str:
        return f"/{self.operation}/200"


def _job_status(client: QMKClient, body: Any) -> Any:
    """`status()`, and for a finished job `outcome()`: a CompileResult or a CompileError."""
    status = client.status("j1")
    if status.done:
        try:
            result = outcome(status, "planck/rev6")
        except CompileError as exc:
            assert exc.job_id == status.job_id
        else:
            assert isinstance(result, CompileResult) and result.firmware_filename
            problems = public_type_problems(result, CompileResult, "outcome")
            assert not problems, problems
    return status


def _job_bodies() -> st.SearchStrategy[Any]:
    """Compile job bodies biased towards finished jobs with a (valid or invalid) result."""
    jobs = bodies("qmk", "/getCompileJob/200", GenerationMode.POSITIVE)
    results = bodies("qmk", "/schema/CompileResult", GenerationMode.POSITIVE)
    statuses = st.sampled_from(["finished", "finished", "failed", "queued", "?", 3, None])
    names = st.sampled_from(["planck_rev6_default.bin", "", None, 5])
    codes = st.sampled_from([0, 0, 1, -1, -3, "0", None, 2.0])

    def merge(parts: tuple[Any, Any, Any, Any, Any]) -> Any:
        job, status, result, name, code = parts
        job = dict(job)
        if status is not None:
            job["status"] = status
        result = {**result, "returncode": code}
        if name is not None:
            result["firmware_filename"] = name
        job["result"] = result
        return job

    return st.tuples(jobs, statuses, results, names, codes).map(merge)


_JOBS = (_job_bodies(),)


def _is_rrggbb(colour: str) -> list[str]:
    return [] if RRGGBB.fullmatch(colour) else [f"colour {colour!r}"]


def _definitions_and_layout(client: QClient, body: Any) -> Any:
    return client.device_definitions(), client.detect_layout()


QMK, KEYBOARDS, Q = "qmk", "qmk-keyboards", "daskeyboard-q"
QMK_READERS = [
    Reader(QMK, "getApiStatus", _qmk, lambda c, b: c.api_status(), _returns(QMKClient.api_status)),
    Reader(QMK, "getCompileJob", _qmk, _job_status, _returns(QMKClient.status), extra=_JOBS),
    Reader(QMK, "submitCompile", _qmk, lambda c, b: c.compile(KEYMAP, check=False).id, str),
    Reader(QMK, "listKeyboards", _qmk, lambda c, b: c.keyboards(), _returns(QMKClient.keyboards)),
    Reader(
        QMK, "getBuildStatus", _qmk, lambda c, b: c.build_status(), _returns(QMKClient.build_status)
    ),
    Reader(QMK, "getBuildLog", _qmk, lambda c, b: c.build_log(), _returns(QMKClient.build_log)),
    Reader(
        QMK,
        "getKeyboardBuildLog",
        _qmk,
        lambda c, b: c.keyboard_build("planck/rev6"),
        _returns(QMKClient.keyboard_build),
    ),
    Reader(
        KEYBOARDS,
        "getKeyboardInfo",
        _qmk,
        lambda c, b: c.info("planck/rev6"),
        _returns(QMKClient.info),
        shape=_for_planck,
        refused_valid=_not_planck,
    ),
]
Q_READERS = [
    Reader(Q, "createSignal", _local, lambda c, b: c.send("KEY_Q", "red"), _returns(QClient.send)),
    Reader(
        Q,
        "createSignalV2",
        _local,
        lambda c, b: c.paint({"KEY_Q": "red", "KEY_W": "red"}),
        _returns(QClient.paint),
    ),
    Reader(
        Q,
        "listSignals",
        _cloud,
        lambda c, b: c.signals(size=5).first_page(),
        _returns(SignalPager.first_page),
    ),
    Reader(
        Q,
        "listSignalsAfter",
        _cloud,
        lambda c, b: c.signals_after(0),
        _returns(QClient.signals_after),
    ),
    Reader(
        Q,
        "updateSignalStatus",
        _cloud,
        lambda c, b: c.update_status(1, read=True),
        _returns(QClient.update_status),
    ),
    Reader(Q, "getShadows", _local, lambda c, b: c.shadows(), _returns(QClient.shadows)),
    Reader(
        Q, "getShadowsByPid", _cloud, lambda c, b: c.shadows("DK4QPID"), _returns(QClient.shadows)
    ),
    Reader(
        Q,
        "getSignalByZone",
        _local,
        lambda c, b: c.zone_signal("KEY_Q"),
        _returns(QClient.zone_signal),
    ),
    Reader(
        Q,
        "getSignalColorByZone",
        _local,
        lambda c, b: c.zone_color("KEY_Q"),
        _returns(QClient.zone_color),
        _is_rrggbb,
    ),
    Reader(
        Q,
        "getSignalColorLegacy",
        _cloud,
        lambda c, b: c.zone_color("KEY_Q", legacy=True),
        _returns(QClient.zone_color),
        _is_rrggbb,
    ),
    Reader(Q, "listDevices", _cloud, lambda c, b: c.devices(), _returns(QClient.devices)),
    Reader(
        Q,
        "listDeviceDefinitions",
        _cloud,
        _definitions_and_layout,
        tuple[_returns(QClient.device_definitions), _returns(QClient.detect_layout)],  # type: ignore[misc]
        lambda r: _values(r[0]),
    ),
    Reader(Q, "listColors", _cloud, lambda c, b: c.colors(), _returns(QClient.colors)),
    Reader(Q, "listEffects", _cloud, lambda c, b: c.effects(), _returns(QClient.effects)),
    Reader(Q, "listZones", _cloud, lambda c, b: c.zones(), _returns(QClient.zones)),
    Reader(
        Q, "getCurrentUser", _cloud, lambda c, b: c.current_user(), _returns(QClient.current_user)
    ),
    Reader(
        Q,
        "listAuthorizedClients",
        _cloud,
        lambda c, b: c.authorized_clients(),
        _returns(QClient.authorized_clients),
    ),
]
READERS = QMK_READERS + Q_READERS


# One value replaced, or one key added: what a server gets wrong in one field.
ODD_VALUES = st.sampled_from(
    [
        *(None, 0, -1, 2.5, 3.0, 10**30, True, "", "x", [], {}, ["x"], {"a": 1}),
        *("#GG0000", " #FF0000", "#ff0000\n", "#F00", "KEY_q", "2,2 ", "DK5QPID\n", "0x10"),
    ]
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replaced(value[path[0]], path[1:], new)
    return copy


@st.composite
def _one_changed(draw: st.DrawFn, valid: st.SearchStrategy[Any]) -> Any:
    body = draw(valid)
    paths = list(_paths(body))
    leaves = [p for p in paths if not isinstance(_at(body, p), dict | list)]
    path = draw(st.sampled_from(leaves if leaves and draw(st.booleans()) else paths))
    target = _at(body, path)
    if isinstance(target, dict) and draw(st.booleans()):  # a key the schema does not name
        return _replaced(body, path, {**target, draw(st.sampled_from(["extra", "x"])): 1})
    return _replaced(body, path, draw(ODD_VALUES))


@cache
def reader_bodies(reader: Reader) -> st.SearchStrategy[Any]:
    valid = st.one_of(bodies(reader.spec, reader.path, GenerationMode.POSITIVE), *reader.extra)
    invalid = bodies(reader.spec, reader.path, GenerationMode.NEGATIVE)
    shaped = valid.map(reader.shape) if reader.shape is not None else valid
    return st.one_of(shaped, invalid, _one_changed(shaped))


def _outcome(reader: Reader, served: Served, body: Any) -> tuple[bool, Any]:
    """(accepted, result or the APIResponseValidationError) of one body."""
    served.payload = encode(body)
    with reader.client(served) as client:
        try:
            return True, reader.read(client, body)
        except APIResponseValidationError as exc:
            return False, exc


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.operation)
def test_public_readers_refuse_or_accept_only_what_is_documented(reader: Reader) -> None:
    served, check_body = Served(), validator(reader.spec, reader.path)
    seen: Counter[str] = Counter()

    @given(reader_bodies(reader))
    @_settings(EXAMPLES_READER)
    def check(body: Any) -> None:
        broken = violations(check_body, body)
        accepted, result = _outcome(reader, served, body)
        if not accepted:
            assert broken or reader.refused_valid(body), f"a valid body was refused: {result}"
            seen["refused"] += 1
            return
        unexcused = sorted(v for v in broken if not excused(reader.operation, v))
        assert not unexcused, f"accepted although it breaks {unexcused}: {result!r}"
        problems = public_type_problems(result, reader.returns)
        assert not problems, problems
        problems = reader.value_check(result)
        assert not problems, f"outside the documented values: {problems}"
        seen["accepted leniently" if broken else "valid"] += 1

    run(check)
    # Both ways were taken: a check behind a branch that never ran would prove nothing.
    assert seen["valid"] and seen["refused"], seen


def test_every_leniency_is_for_a_read_operation_and_a_documented_field() -> None:
    read = {(r.spec, r.operation) for r in READERS} | {("daskeyboard-q", "getToken")}
    operations = {op: spec for spec, op in read}
    for (operation, path, keyword), entry in leniency().items():
        assert operation in operations, f"{operation}: no public reader reads it"
        assert entry.reason and keyword, entry
        schema = validator(operations[operation], f"/{operation}/200").schema
        assert _schema_has(schema, path), f"{operation}: no field {path!r} in its schema"


def _schema_has(schema: dict[str, Any], path: str) -> bool:
    text = repr(schema)
    parts = [p for p in path.split("/") if p not in ("", "[]", "*", "**")]
    return all(repr(part) in text for part in parts)


# -- the OAuth token reader ------------------------------------------------------------------


def _token_response(payload: bytes) -> httpx.Response:
    request = httpx.Request("POST", f"{BASE}/oauth/1.4/token")
    return httpx.Response(200, content=payload, request=request)


def test_token_reader_refuses_or_accepts_only_what_is_documented() -> None:
    check_body = validator("daskeyboard-q", "/getToken/200")
    token_reader = Reader(Q, "getToken", _local, lambda c, b: None, object)
    seen: Counter[str] = Counter()

    @given(reader_bodies(token_reader))
    @_settings(EXAMPLES_READER)
    def check(body: Any) -> None:
        broken = violations(check_body, body)
        try:
            token = parse_token_response(_token_response(encode(body)), now=0.0)
        except APIResponseValidationError as exc:
            assert broken, f"a valid token response was refused: {exc}"
            assert "token response" in str(exc)
            seen["refused"] += 1
            return
        unexcused = sorted(v for v in broken if not excused("getToken", v))
        assert not unexcused, f"accepted although it breaks {unexcused}"
        assert token.access_token.get_secret_value()
        assert not public_type_problems(token, type(token))
        seen["accepted leniently" if broken else "valid"] += 1

    run(check)
    assert seen["valid"] and seen["refused"], seen


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


@pytest.mark.parametrize(
    ("expires_in", "seconds"),
    [(3600, 3600.0), (1.5, 1.5), ("3600", 3600.0), (None, None)],
)
def test_token_lifetime_is_a_number_or_a_number_in_a_string(
    expires_in: Any, seconds: float | None
) -> None:
    body = {"access_token": "t", "refresh_token": "r", "user_id": 1, "expires_in": expires_in}
    token = parse_token_response(_token_response(json.dumps(body).encode()), now=10.0)
    assert token.expires_at == (None if seconds is None else 10.0 + seconds)


@pytest.mark.parametrize("expires_in", [True, "soon", "nan", "inf", [3600], {"s": 1}])
def test_token_lifetime_that_is_not_a_finite_number_is_refused(expires_in: Any) -> None:
    body = {"access_token": "t", "refresh_token": "r", "user_id": 1, "expires_in": expires_in}
    with pytest.raises(APIResponseValidationError, match="token response") as caught:
        parse_token_response(_token_response(json.dumps(body).encode()), now=0.0)
    assert str(caught.value.error).endswith("while reading the token response")


# -- every documented response through the generated clients ---------------------------------


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
    def path(self) -> str:
        return f"/{self.operation_id}/{self.status}"

    @property
    def module(self) -> ModuleType:
        return operations(SPECS[self.spec])[self.operation_id.lower()]

    @property
    def examples(self) -> int:
        return EXAMPLES_OK if self.status < 300 else EXAMPLES_ERROR


TARGETS = [Target(name, op, status) for name in SPECS for op, status, _ in documented_json(name)]


def _generated(target: Target, served: Served) -> Any:
    package = importlib.import_module(SPECS[target.spec])
    if hasattr(package, "AuthenticatedClient"):  # accepted by every operation
        generated = package.AuthenticatedClient(base_url=BASE, token="fuzz")
    else:
        generated = package.Client(base_url=BASE)
    return wire(generated, served.options.sync_client(BASE))


def _parse(target: Target, body: Any, served: Served | None = None) -> Any:
    served = served or Served(target.status)
    served.payload = encode(body)
    args, kwargs = arguments(target.module)
    return parsed(
        target.module.sync_detailed,
        *args,
        client=_generated(target, served),
        expect=parse_of(target.module, target.status).types,
        ok=(target.status,),
        **kwargs,
    )


def test_every_documented_json_response_has_a_target() -> None:
    assert len(TARGETS) > 100
    for name in SPECS:
        assert any(t.spec == name and t.status == 200 for t in TARGETS), name
    for target in TARGETS:
        parse_of(target.module, target.status)  # a generated parser exists for each


def _number(text: str) -> float | int:
    number = float(text)
    return int(number) if number.is_integer() else number


def _plain(value: Any) -> Any:
    """`value` as JSON would give it back (tuples as lists, UUIDs as strings, 3.0 as 3)."""
    return json.loads(json.dumps(value, default=str), parse_float=_number)


def check_valid(shape: Parse, result: Any, body: Any, payload: bytes) -> None:
    """`result` is what `body` documents, and gives `body` back."""
    assert isinstance(result, shape.types)
    if shape.text:
        assert result == payload.decode()
    elif result is None:
        assert body is None
    elif isinstance(result, list) and shape.item in PRIMITIVES.values():
        assert result == body
    elif isinstance(result, list):
        assert shape.item is not None
        assert all(isinstance(item, shape.item) for item in result)
        assert _plain([item.to_dict() for item in result]) == _plain(body)
    else:
        assert _plain(result.to_dict()) == _plain(body)


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.id)
def test_generated_clients_parse_valid_bodies_and_refuse_the_rest_with_kbapi_errors(
    target: Target,
) -> None:
    shape = parse_of(target.module, target.status)
    served, check_body = Served(target.status), validator(target.spec, target.path)
    seen: Counter[str] = Counter()
    valid = bodies(target.spec, target.path, GenerationMode.POSITIVE)
    invalid = bodies(target.spec, target.path, GenerationMode.NEGATIVE)

    @given(st.one_of(valid, invalid))
    @_settings(target.examples * 2)
    def check(body: Any) -> None:
        broken = violations(check_body, body)
        try:
            result = _parse(target, body, served)
        except APIResponseValidationError as exc:
            assert broken, f"a valid body was refused: {exc}"
            assert exc.status_code == target.status
            if exc.error is None:  # parsed, but not into the documented type (kbapi's `expect`)
                assert "expected " in str(exc) and ", got " in str(exc)
            else:
                assert isinstance(exc.error, PARSE_ERRORS)
                assert "does not match" in str(exc)
            seen["refused"] += 1
            return
        assert isinstance(result, shape.types)
        if not broken:
            check_valid(shape, result, decoded(body), served.payload)
        seen["parsed"] += 1

    run(check)
    assert seen["parsed"], seen


# What the generated clients let through, and what kbapi's `parsed` then refuses.
COMPILE_JOB = Target("qmk", "getCompileJob", 200)
ENQUEUED = Target("qmk", "submitCompile", 200)
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


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": 5}, "id: expected str, got int"),
        ({"created_at": ["a"], "is_failed": "no"}, "created_at: expected str, got list"),
        ({"status": {"x": 1}}, "status: expected str | Unset, got dict"),
        ({"result": ["not", "an", "object"]}, "result: expected CompileResult | null, got list"),
        ({"result": {"returncode": "0", "output": ""}}, "result.returncode: expected int"),
    ],
)
def test_generated_leniency_is_refused_by_parsed(changes: dict[str, Any], field: str) -> None:
    body = _raw_job(**changes)
    generated = RawJob.from_dict(body)  # the generated model casts, it does not check
    assert generated.to_dict()["id"] == body["id"]
    with pytest.raises(APIResponseValidationError, match="does not match") as caught:
        _parse(COMPILE_JOB, body)
    assert str(caught.value.error).startswith(field)


def test_an_integral_float_is_an_int() -> None:
    job = _parse(COMPILE_JOB, _raw_job(status="finished", result={"returncode": 0.0, "output": ""}))
    assert job.result.returncode == 0 and type(job.result.returncode) is int


def test_a_list_of_pairs_reads_as_an_object() -> None:
    # `Model.from_dict` starts with `dict(src)`: a list of [key, value] pairs passes as an object.
    enqueued = _parse(ENQUEUED, [["enqueued", True], ["job_id", "j1"]])
    assert enqueued.job_id == "j1" and enqueued.enqueued is True


def test_error_models_are_checked_too() -> None:
    with pytest.raises(APIResponseValidationError, match="does not match") as caught:
        _parse(Q_ERROR, {"code": [404], "message": 404})
    assert "expected" in str(caught.value.error)


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
    with pytest.raises(APIResponseValidationError, match="does not match") as caught:
        _parse(COMPILE_JOB, body)
    assert isinstance(caught.value.error, cause)
    assert caught.value.status_code == 200


def test_job_outcomes_cover_success_and_every_failure() -> None:
    served, seen = Served(), set()

    @given(_job_bodies())
    @_settings(examples(150))
    @example(_raw_job(status="finished", result={"returncode": -1, "output": "Unknown keyboard!"}))
    def collect(body: Any) -> None:
        served.payload = encode(body)
        with _qmk(served) as client:
            try:
                status = client.status("j1")
            except APIResponseValidationError:
                seen.add("refused")
                return
        if status.done:
            try:
                outcome(status)
                seen.add("CompileResult")
            except CompileError as exc:
                seen.add(type(exc).__name__)

    run(collect)
    assert {"CompileResult", "CompileFailed", "CompileInfrastructureError"} <= seen, seen
    assert {"UnknownKeyboardError", "refused"} <= seen, seen


def test_not_json_is_a_violation_of_its_own() -> None:
    check_body = validator("qmk", "/getCompileJob/200")
    assert violations(check_body, b"<html>") == {NOT_JSON}
    assert violations(check_body, _raw_job(id=5)) == {("id", "type")}
    assert violations(check_body, _raw_job(result=[1])) == {("result", "type")}
    result = {"returncode": 0, "output": 1}
    assert violations(check_body, _raw_job(result=result)) == {("result/output", "type")}
    missing = {k: v for k, v in _raw_job().items() if k != "id"}
    assert violations(check_body, missing) == {("id", "required")}
