"""Run our packaged spec against any server with schemathesis, in-process, and collect a report.

Cases come from schemathesis (the spec's examples first, then generated positive data); we send
each one ourselves with httpx through a `RequestGuard` (read-only by default, rate limited,
capped in requests and time, credentials only for the origin under test, no redirects
followed), then let schemathesis' response checks judge the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import httpx
import schemathesis
from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis.strategies import SearchStrategy
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.core.result import Err
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from kbapi._specs import spec_path
from kbapi.contract.curl import curl_line
from kbapi.contract.deviations import KNOWN_DEVIATIONS, Deviation, find_deviation
from kbapi.contract.guard import (
    READ_ONLY_METHODS,
    RequestGuard,
    StopRun,
    WriteRefused,
    run_rate,
)
from kbapi.contract.jobs import follow_compile_job
from kbapi.contract.reach import AUTH_FAILURE, AUTH_TITLE, probe, refused_credentials
from kbapi.contract.results import ContractReport, Failure, OperationResult

Api = Literal["qmk", "qmk-keyboards", "q"]
Target = Literal["local", "cloud"]
SPEC_NAMES: dict[str, str] = {"qmk": "qmk", "qmk-keyboards": "qmk-keyboards", "q": "daskeyboard-q"}
TARGET_TAGS: dict[str, frozenset[str]] = {
    "local": frozenset({"local-v1", "local-v2"}),
    "cloud": frozenset({"cloud"}),
}
CHECKS: tuple[Callable[..., Any], ...] = (
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
)
CONNECTION_ERROR = "ConnectionError"
CREDENTIAL_HEADERS = frozenset({"authorization", "x-api-key"})


@dataclass(frozen=True)
class ContractOptions:
    """Everything a contract run needs. `rate=None` = the default for the URL's host."""

    api: Api
    url: str
    spec: Path | None = None
    target: Target | None = None
    api_key: str | None = None
    token: str | None = None
    allow_writes: bool = False
    rate: float | None = None
    max_requests: int = 500
    max_time: float = 120.0
    examples: int = 10
    known_deviations: bool = True
    show_secrets: bool = False
    seed: int | None = None
    request_timeout: float = 10.0

    @property
    def effective_target(self) -> Target | None:
        """The Q target: as given, else cloud with credentials and local without."""
        if self.api != "q":
            return None
        if self.target is not None:
            return self.target
        return "cloud" if (self.api_key or self.token) else "local"

    def credentials(self) -> dict[str, str]:
        """Credential headers for the server under test."""
        headers: dict[str, str] = {}
        if self.api_key:
            headers["X-API-KEY"] = self.api_key
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers


def spec_file(options: ContractOptions) -> Path:
    """The spec to test against: `options.spec`, else the packaged one (works from a wheel)."""
    if options.spec is not None:
        return options.spec
    return spec_path(SPEC_NAMES[options.api])


def load_schema(path: Path) -> Any:
    """Load an OpenAPI file with a blank schemathesis config (no schemathesis.toml discovery)."""
    if not path.is_file():
        raise FileNotFoundError(f"spec not found: {path}")
    return schemathesis.openapi.from_path(str(path), config=schemathesis.Config())


def select_operations(
    schema: Any, options: ContractOptions, problems: list[str] | None = None
) -> list[Any]:
    """The operations this run may call: read-only unless allowed, and of the chosen Q target.

    Operations schemathesis cannot use are left out and described in `problems`.
    """
    chosen = []
    for result in schema.get_all_operations():
        if isinstance(result, Err):
            if problems is not None:
                problems.append(str(result.err()))
            continue
        operation = result.ok()
        if operation.method.upper() not in READ_ONLY_METHODS and not options.allow_writes:
            continue
        if not _on_target(operation, options.effective_target):
            continue
        chosen.append(operation)
    return chosen


def _on_target(operation: Any, target: Target | None) -> bool:
    if target is None:
        return True
    tags = operation.definition.raw.get("x-kbapi-targets")
    if not tags:
        return True
    return bool(TARGET_TAGS[target] & set(tags))


def plan(options: ContractOptions) -> ContractReport:
    """A dry run: the operations that would be called, without sending anything."""
    path = spec_file(options)
    report = ContractReport(api=options.api, url=options.url, spec=str(path), dry_run=True)
    operations = select_operations(load_schema(path), options, report.spec_problems)
    report.operations = [OperationResult.of(op) for op in operations]
    return report


def run_contract(options: ContractOptions) -> ContractReport:
    """Check the server at `options.url` against the spec and return the report."""
    path = spec_file(options)
    report = ContractReport(api=options.api, url=options.url, spec=str(path))
    operations = select_operations(load_schema(path), options, report.spec_problems)
    guard = RequestGuard(
        options.url,
        rate=run_rate(options.rate, options.url, options.api),
        max_requests=options.max_requests,
        max_time=options.max_time,
        allow_writes=options.allow_writes,
        credentials=options.credentials(),
    )
    table = KNOWN_DEVIATIONS if options.known_deviations else ()
    with httpx.Client(timeout=options.request_timeout, follow_redirects=False) as client:
        if operations:  # one request, counted and paced like the others
            guard.admit("GET")
            probe(client, options.url, guard.credentials_for(options.url))
        runner = _Runner(options, guard, client, report, table)
        for operation in operations:
            runner.run_operation(operation)
        if options.allow_writes and options.api == "qmk":
            follow_compile_job(runner, operations)
    report.requests_sent = guard.sent
    report.elapsed = guard.elapsed()
    report.stop_reason = guard.stop_reason
    return report


def _describe(failure: Any) -> str:
    # The instance path names the offending field, which deviations match on (e.g. is_failed).
    message = str(getattr(failure, "message", "") or "")
    path = getattr(failure, "instance_path", None)
    if path:
        message += "\n\nAt: /" + "/".join(str(part) for part in path)
    return message


class _Runner:
    """Sends the cases of each operation and records results in the report."""

    def __init__(
        self,
        options: ContractOptions,
        guard: RequestGuard,
        client: httpx.Client,
        report: ContractReport,
        table: tuple[Deviation, ...],
    ) -> None:
        self.options = options
        self.guard = guard
        self.client = client
        self.report = report
        self.table = table
        self._seen: dict[tuple[str, str, str], Failure] = {}

    def run_operation(self, operation: Any) -> None:
        result = OperationResult.of(operation)
        self.report.operations.append(result)
        if self.guard.stop_reason is not None:
            result.note = f"not run: {self.guard.stop_reason}"
            return
        try:
            for strategy, count in self._strategies(operation):
                self._drive(strategy, count, result)
        except Exception as exc:  # a broken spec or generator must not hide the other results
            result.note = f"could not generate cases: {type(exc).__name__}: {exc}"

    def _strategies(self, operation: Any) -> Iterator[tuple[SearchStrategy[Any], int]]:
        schema = operation.schema
        for strategy in schema.get_strategies_from_examples(operation):
            yield strategy, 1
        yield operation.as_strategy(), self.options.examples

    def _drive(self, strategy: SearchStrategy[Any], count: int, result: OperationResult) -> None:
        if count < 1 or self.guard.stop_reason is not None:
            return

        @given(strategy)
        @settings(
            max_examples=count,
            deadline=None,
            database=None,
            derandomize=self.options.seed is None,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.generate],
            verbosity=Verbosity.quiet,
            print_blob=False,
        )
        def exercise(case: Any) -> None:
            self._exercise(case, result)

        if self.options.seed is not None:
            exercise = hypothesis_seed(self.options.seed)(exercise)
        exercise()

    def _exercise(self, case: Any, result: OperationResult) -> httpx.Response | None:
        """Send one case and judge the answer; return the response (None if not sent)."""
        if self.guard.stop_reason is not None:
            return None
        request = self._build_request(case)
        try:
            self.guard.admit(request.method)
        except StopRun:
            return None
        except WriteRefused as exc:
            result.note = str(exc)
            return None
        result.requests += 1
        try:
            response = self.client.send(request)
        except httpx.LocalProtocolError as exc:
            # The generated request could not even be written: not the server's fault.
            result.note = f"a generated request could not be sent: {exc}"
            return None
        except httpx.HTTPError as exc:
            result.checks_failed += 1
            self._record(result, request, None, CONNECTION_ERROR, "Connection failed", str(exc))
            return None
        status = response.status_code
        result.statuses[status] = result.statuses.get(status, 0) + 1
        refused = refused_credentials(status, bool(self.options.credentials()))
        if refused is not None:
            result.checks_failed += 1
            self._record(result, request, status, AUTH_FAILURE, AUTH_TITLE, refused)
            return response
        self._validate(case, request, response, result)
        return response

    def _build_request(self, case: Any) -> httpx.Request:
        kwargs = case.as_transport_kwargs(base_url=self.options.url)
        # Generated credentials are noise (even unsendable, e.g. "Bearer "); ours replace them.
        headers = {
            str(k): str(v)
            for k, v in (kwargs.get("headers") or {}).items()
            if str(k).lower() not in CREDENTIAL_HEADERS
        }
        cookies = kwargs.get("cookies") or {}
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        headers.update(self.guard.credentials_for(kwargs["url"]))
        body: dict[str, Any] = {}
        if "json" in kwargs:
            body["json"] = kwargs["json"]
        elif kwargs.get("data") is not None:
            data = kwargs["data"]
            body["content" if isinstance(data, bytes | str) else "data"] = data
        if kwargs.get("files"):
            body["files"] = kwargs["files"]
        return self.client.build_request(
            kwargs["method"], kwargs["url"], headers=headers, params=kwargs.get("params"), **body
        )

    def _validate(
        self,
        case: Any,
        request: httpx.Request,
        response: httpx.Response,
        result: OperationResult,
    ) -> None:
        try:
            case.validate_response(
                response,
                checks=list(CHECKS),
                headers=dict(request.headers),
                transport_kwargs={"base_url": self.options.url},
            )
        except FailureGroup as group:
            failures = list(group.exceptions)
            result.checks_failed += len(failures)
            result.checks_passed += max(len(CHECKS) - len(failures), 0)
            for failure in failures:
                kind = type(failure).__name__
                message = _describe(failure)
                self._record(result, request, response.status_code, kind, failure.title, message)
            return
        result.checks_passed += len(CHECKS)

    def _record(
        self,
        result: OperationResult,
        request: httpx.Request,
        status: int | None,
        kind: str,
        title: str,
        message: str,
    ) -> None:
        key = (result.operation, kind, title)
        known = self._seen.get(key)
        if known is not None:
            known.occurrences += 1
            return
        deviation = find_deviation(
            api=self.options.api if self.options.api != "qmk-keyboards" else "qmk",
            method=result.method,
            path=result.path,
            status=status,
            kind=kind,
            message=message,
            table=self.table,
        )
        failure = Failure(
            operation=result.operation,
            method=result.method,
            path=result.path,
            kind=kind,
            title=title,
            message=message,
            status=status,
            curl=curl_line(
                request,
                show_secrets=self.options.show_secrets,
                secrets=[s for s in (self.options.api_key, self.options.token) if s],
            ),
            deviation=deviation.id if deviation else None,
            deviation_summary=deviation.summary if deviation else None,
        )
        self._seen[key] = failure
        self.report.failures.append(failure)
        if deviation is not None:
            result.known_deviations += 1
