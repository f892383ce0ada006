"""`kbapi contract` end to end: the real CLI against the QMK mock served on loopback sockets."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from kbapi.cli import app as cli
from kbapi.contract.guard import RequestGuard, StopRun, WriteRefused, run_rate
from kbapi.mock.faults import FaultConfig, with_faults
from kbapi.mock.qmk import QMKMockConfig, create_qmk_app
from kbapi.testing import free_port, serve
from starlette.types import ASGIApp, Receive, Scope, Send
from typer.testing import CliRunner

pytestmark = pytest.mark.timeout(120)

SECRET = "s3cr3t-api-key-value"

# A small spec of a few QMK routes, so these tests check the machinery independently of how
# spec/qmk.yaml evolves.
STANDIN_SPEC = """
openapi: 3.1.0
info: {title: kbapi contract stand-in, version: "1"}
servers: [{url: "http://127.0.0.1:5001"}]
paths:
  /v1:
    get:
      operationId: getApiStatus
      responses:
        "200":
          description: status
          content:
            application/json:
              schema:
                type: object
                required: [status, children]
                properties:
                  status: {type: string}
                  children: {type: array, items: {type: string}}
  /v1/keyboards:
    get:
      operationId: listKeyboards
      responses:
        "200":
          description: keyboard names
          content:
            application/json:
              schema: {type: array, items: {type: string}}
  /v1/keyboards/all:
    get:
      operationId: allKeyboards
      responses:
        "302": {description: redirect to the metadata mirror}
  /v1/compile/{job_id}:
    get:
      operationId: getCompileJob
      parameters:
        - {name: job_id, in: path, required: true, schema: {type: string, minLength: 1}}
      responses:
        "200":
          description: job
          content:
            application/json:
              schema: {type: object, properties: {is_failed: {type: boolean}}}
        "404":
          description: unknown job
          content:
            application/json:
              schema:
                type: object
                required: [code, message]
                properties: {code: {type: integer}, message: {type: string}}
  /v1/compile:
    post:
      operationId: submitCompileJob
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [keyboard, keymap, layout, layers]
              properties:
                keyboard: {type: string}
                keymap: {type: string}
                layout: {type: string}
                layers: {type: array, items: {type: array, items: {type: string}}}
      responses:
        "200": {description: enqueued, content: {application/json: {schema: {type: object}}}}
        "400": {description: bad request, content: {application/json: {schema: {type: object}}}}
        "422": {description: bad keymap, content: {application/json: {schema: {type: object}}}}
"""


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "standin.yaml"
    path.write_text(STANDIN_SPEC, encoding="utf-8")
    return path


def qmk_mock(**overrides: Any) -> ASGIApp:
    return create_qmk_app(QMKMockConfig(queue_seconds=0, run_seconds=0, **overrides))


class Recorder:
    """ASGI wrapper that records (method, path, headers) of every request it sees."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.seen: list[tuple[str, str, dict[str, str]]] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
            self.seen.append((scope["method"], scope["path"], headers))
        await self.app(scope, receive, send)

    @property
    def methods(self) -> set[str]:
        return {method for method, _, _ in self.seen}


def override_route(app: ASGIApp, path: str, status: int, body: bytes, **headers: str) -> ASGIApp:
    """Wrap `app` so that GET `path` (or any path under it, if it ends in /) answers `body`."""
    raw_headers = [(k.replace("_", "-").encode(), v.encode()) for k, v in headers.items()]

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        hit = scope["path"].startswith(path) if path.endswith("/") else scope["path"] == path
        if scope["type"] == "http" and hit and scope["method"] == "GET":
            start = {"type": "http.response.start", "status": status, "headers": raw_headers}
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        await app(scope, receive, send)

    return wrapped


def contract(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["contract", *args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def run_against(spec: Path) -> Iterator[Callable[..., tuple[int, str]]]:
    """Run the command against `app` with the stand-in spec."""

    def run(app: ASGIApp, *args: str, command: str = "qmk") -> tuple[int, str]:
        with serve(app) as base:
            # Unpaced: the mocks here have no quota (the default pace is unit-tested).
            return contract(
                command, "--url", base, "--spec", str(spec), "--max-requests", "40",
                "--rate", "0", *args,
            )  # fmt: skip

    yield run


def run_packaged(app: ASGIApp, *args: str) -> tuple[int, str]:
    """Run `kbapi contract qmk` against `app` with the spec shipped in the package."""
    with serve(app) as base:
        return contract("qmk", "--url", base, "--examples", "3", *args)


def test_passes_against_the_mock_with_the_packaged_spec() -> None:
    recorder = Recorder(qmk_mock())
    code, output = run_packaged(recorder)
    assert code == 0, output
    # The spec came from the package, not from the repository's spec/.
    assert "kbapi/_generated/specs/qmk.yaml" in output
    assert "PASSED" in output
    assert "0 failures" in output
    assert "GET /v1/keyboards/all" in output
    paths = {path for _, path, _ in recorder.seen}
    assert {"/v1", "/v1/keyboards", "/v1/keyboards/all", "/v1/healthcheck"} <= paths
    assert recorder.methods <= {"GET", "HEAD"}


def test_packaged_spec_names_a_broken_route_with_a_curl_line() -> None:
    body = b'{"keyboards": "not a list"}'
    broken = override_route(qmk_mock(), "/v1/keyboards", 200, body, content_type="application/json")
    code, output = run_packaged(broken)
    assert code == 1, output
    assert "FAILED GET /v1/keyboards: Response violates schema" in output
    assert "curl -X GET http://127.0.0.1:" in output
    assert "1 failures" in output


def test_packaged_spec_with_writes_allowed_still_passes_and_posts() -> None:
    recorder = Recorder(qmk_mock())
    code, output = run_packaged(recorder, "--allow-writes")
    assert code == 0, output
    assert ("POST", "/v1/compile") in {(method, path) for method, path, _ in recorder.seen}


def test_writes_allowed_follow_a_real_job_into_its_status_and_download_routes() -> None:
    app = qmk_mock()
    recorder = Recorder(app)
    code, output = run_packaged(recorder, "--allow-writes")
    assert code == 0, output
    ids = {job.id for job in app.state.mock.jobs.all()}
    routes = {
        path.split("/", 4)[4] if path.count("/") == 4 else "status"
        for _, path, _ in recorder.seen
        if path.startswith("/v1/compile/") and path.split("/")[3] in ids
    }
    assert routes == {"status", "download", "hex", "keymap", "source"}


def test_q_local_and_cloud_mocks_pass_with_the_packaged_spec() -> None:
    from kbapi.mock.daskeyboard import QMockConfig, create_cloud_app, create_local_app
    from kbapi.mock.daskeyboard.config import DEMO_API_KEY

    # Unpaced (--rate 0) against a mock without the 50/s quota: the default pace is unit-tested.
    local = Recorder(create_local_app(QMockConfig(local_quota_per_second=0)))
    with serve(local) as base:
        code, output = contract("q", "--url", base, "--examples", "2", "--rate", "0")
    assert code == 0, output
    assert "PASSED" in output
    assert "/api/2.0/signals/shadows" in {path for _, path, _ in local.seen}
    assert local.methods <= {"GET", "HEAD"}

    cloud = Recorder(create_cloud_app())
    with serve(cloud) as base:
        code, output = contract(
            "q", "--url", base, "--examples", "2", "--api-key", DEMO_API_KEY, "--rate", "0"
        )
    assert code == 0, output
    assert DEMO_API_KEY not in output
    assert all(headers.get("x-api-key") == DEMO_API_KEY for _, _, headers in cloud.seen)
    assert {path for _, path, _ in cloud.seen} & {"/api/1.0/signals", "/api/1.0/users/me"}


def test_passes_against_the_mock_and_prints_the_report(run_against: Any) -> None:
    recorder = Recorder(qmk_mock())
    code, output = run_against(recorder)
    assert code == 0, output
    assert "PASSED" in output
    assert "GET /v1/keyboards" in output
    assert "4/4 operations tried" in output
    assert "0 failures" in output
    assert {path for _, path, _ in recorder.seen} >= {"/v1", "/v1/keyboards", "/v1/keyboards/all"}


def test_a_route_violating_the_schema_fails_naming_it_with_a_curl_line(run_against: Any) -> None:
    broken = override_route(
        qmk_mock(),
        "/v1/keyboards",
        200,
        b'{"keyboards": "not a list"}',
        content_type="application/json",
    )
    code, output = run_against(broken)
    assert code == 1, output
    assert "FAILED GET /v1/keyboards: Response violates schema" in output
    assert "curl -X GET http://127.0.0.1:" in output
    assert "/v1/keyboards\n" in output
    assert "FAILED GET /v1:" not in output


def test_injected_faults_are_reported_as_failures(run_against: Any) -> None:
    faulty = with_faults(qmk_mock(), FaultConfig(error_rate=1.0, seed=3, paths="^/v1$"))
    code, output = run_against(faulty)
    assert code == 1, output
    assert "FAILED GET /v1: Server error" in output
    assert "curl -X GET http://127.0.0.1:" in output
    assert "FAILED GET /v1/keyboards" not in output


def test_dropped_connections_are_reported(run_against: Any) -> None:
    faulty = with_faults(qmk_mock(), FaultConfig(drop_rate=1.0, seed=1, paths="^/v1/keyboards$"))
    code, output = run_against(faulty)
    assert code == 1, output
    assert "FAILED GET /v1/keyboards: Connection failed [no response]" in output


def test_read_only_by_default_and_writes_only_when_allowed(run_against: Any) -> None:
    read_only = Recorder(qmk_mock())
    code, output = run_against(read_only)
    assert code == 0, output
    assert read_only.seen
    assert read_only.methods <= {"GET", "HEAD"}

    writes = Recorder(qmk_mock())
    run_against(writes, "--allow-writes")
    assert "POST" in writes.methods


def test_dry_run_lists_operations_and_sends_nothing(run_against: Any) -> None:
    recorder = Recorder(qmk_mock())
    code, output = run_against(recorder, "--dry-run")
    assert code == 0, output
    assert recorder.seen == []
    assert "getCompileJob" in output
    assert "submitCompileJob" not in output
    assert "nothing was sent" in output


Q_STANDIN_SPEC = """
openapi: 3.1.0
info: {title: q stand-in, version: "1"}
paths:
  /api/1.0/signals/shadows:
    get:
      operationId: listShadows
      x-kbapi-targets: [cloud, local-v1]
      responses: {"200": {description: shadows}}
  /api/1.0/users/me:
    get:
      operationId: getMe
      x-kbapi-targets: [cloud]
      responses: {"200": {description: me}}
  /api/2.0/signals:
    post:
      operationId: createSignalV2
      x-kbapi-targets: [local-v2]
      responses: {"200": {description: created}}
"""


def test_q_targets_pick_the_operations(tmp_path: Path) -> None:
    spec = tmp_path / "q.yaml"
    spec.write_text(Q_STANDIN_SPEC, encoding="utf-8")
    url = ["--url", "http://127.0.0.1:9", "--spec", str(spec), "--dry-run"]
    code, local = contract("q", *url)
    assert code == 0, local
    assert "listShadows" in local
    assert "getMe" not in local
    assert "createSignalV2" not in local

    _, cloud = contract("q", *url, "--api-key", SECRET)
    assert "listShadows" in cloud
    assert "getMe" in cloud

    _, writes = contract("q", *url, "--target", "local", "--allow-writes")
    assert "createSignalV2" in writes
    assert "getMe" not in writes


def test_request_cap_is_a_hard_limit(run_against: Any) -> None:
    recorder = Recorder(qmk_mock())
    code, output = run_against(recorder, "--max-requests", "3")
    assert code == 0, output
    assert len(recorder.seen) == 3
    assert "stopped early: request cap reached" in output


def test_documented_deviations_are_known_not_failures(run_against: Any) -> None:
    # live_deviations: unknown job ids answer the live service's HTML 500 (qmk-api.md §10.1)
    code, output = run_against(qmk_mock(live_deviations=True))
    assert code == 0, output
    assert "KNOWN DEVIATION GET /v1/compile/{job_id}" in output
    assert "qmk-unknown-job-html-500" in output

    code, output = run_against(qmk_mock(live_deviations=True), "--no-known-deviations")
    assert code == 1, output
    assert "FAILED GET /v1/compile/{job_id}" in output


def test_deviations_in_the_body_are_matched_by_field(run_against: Any) -> None:
    body = b'{"status": "queued", "is_failed": null}'
    queued = override_route(qmk_mock(), "/v1/compile/", 200, body, content_type="application/json")
    code, output = run_against(queued)
    assert code == 0, output
    assert "KNOWN DEVIATION GET /v1/compile/{job_id}: Response violates schema [200]" in output
    assert "qmk-is-failed-null" in output


def test_credentials_reach_only_the_server_and_are_masked(run_against: Any) -> None:
    recorder = Recorder(
        override_route(qmk_mock(), "/v1", 200, b"[]", content_type="application/json")
    )
    code, output = run_against(recorder, "--api-key", SECRET, command="q")
    assert code == 1, output
    assert all(headers.get("x-api-key") == SECRET for _, _, headers in recorder.seen)
    assert SECRET not in output
    assert "X-Api-Key: **********" in output

    code, output = run_against(recorder, "--api-key", SECRET, "--show-secrets", command="q")
    assert f"X-Api-Key: {SECRET}" in output


def test_redirects_to_other_hosts_are_not_followed(run_against: Any) -> None:
    elsewhere = Recorder(qmk_mock())
    with serve(elsewhere) as other:
        target = f"{other}/metadata/v1/keyboards.json"
        redirecting = override_route(qmk_mock(), "/v1/keyboards/all", 302, b"", location=target)
        code, output = run_against(redirecting, "--api-key", SECRET, command="q")
    assert code == 0, output
    assert elsewhere.seen == []


def test_reports_for_ci(run_against: Any, tmp_path: Path) -> None:
    broken = override_route(
        qmk_mock(), "/v1/keyboards", 200, b"{}", content_type="application/json"
    )
    junit_file, json_file = tmp_path / "report.xml", tmp_path / "report.json"
    code, _ = run_against(broken, "--report", "junit", str(junit_file))
    assert code == 1
    suite = ET.parse(junit_file).getroot().find("testsuite")
    assert suite is not None
    assert suite.get("tests") == "4"
    assert suite.get("failures") == "1"
    failed = [
        case.get("name") for case in suite.iter("testcase") if case.find("failure") is not None
    ]
    assert failed == ["GET /v1/keyboards"]

    code, _ = run_against(broken, "--report", "json", str(json_file))
    data = json.loads(json_file.read_text())
    assert data["passed"] is False
    assert [f["operation"] for f in data["failures"]] == ["GET /v1/keyboards"]
    assert data["failures"][0]["curl"].startswith("curl -X GET ")
    assert data["requests_sent"] <= 40


def test_guard_paces_requests_and_stops_at_the_deadline() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    guard = RequestGuard(
        "https://api.qmk.fm", rate=2.0, max_requests=100, max_time=2.0,
        clock=lambda: now[0], sleep=sleep,
    )  # fmt: skip
    for method in ("GET", "GET", "HEAD", "GET"):
        guard.admit(method)
    assert slept == [0.5, 0.5, 0.5]
    with pytest.raises(StopRun, match="time limit reached"):
        guard.admit("GET")
    assert guard.sent == 4
    assert guard.stop_reason == "time limit reached (2 s)"
    with pytest.raises(WriteRefused, match="POST refused: read-only run"):
        guard.admit("POST")


def test_guard_gives_credentials_to_the_origin_under_test_only() -> None:
    guard = RequestGuard(
        "https://q.example:443/api", rate=None, max_requests=1, max_time=1,
        credentials={"X-API-KEY": SECRET},
    )  # fmt: skip
    assert guard.credentials_for("https://q.example/api/1.0/signals") == {"X-API-KEY": SECRET}
    assert guard.credentials_for("http://q.example/api/1.0/signals") == {}
    assert guard.credentials_for("https://evil.example/api") == {}
    assert guard.credentials_for("https://q.example:8443/api") == {}


def test_nothing_listening_is_one_usage_error(spec: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    code, output = contract("qmk", "--url", url, "--spec", str(spec))
    assert code == 2, output
    assert output.count("error: ") == 1
    assert f"nothing answers at {url}" in output
    assert "FAILED" not in output


def test_a_refused_api_key_fails_the_run() -> None:
    from kbapi.mock.daskeyboard import create_cloud_app

    cloud = Recorder(create_cloud_app())
    with serve(cloud) as base:
        code, output = contract(
            "q", "--url", base, "--examples", "1", "--api-key", "wrong-key", "--rate", "0"
        )
    assert code == 1, output
    assert "Credentials refused" in output
    assert "answered 401 although credentials were given" in output
    assert "wrong-key" not in output
    assert cloud.seen and all(headers.get("x-api-key") == "wrong-key" for *_, headers in cloud.seen)


def test_a_url_copied_with_the_api_prefix_is_normalised() -> None:
    recorder = Recorder(qmk_mock())
    with serve(recorder) as base:
        code, output = contract("qmk", "--url", f"{base}/v1/", "--examples", "1")
    assert code == 0, output
    assert not any(path.startswith("/v1/v1") for _, path, _ in recorder.seen)


def test_a_server_that_never_answers_is_one_usage_error_at_timeout(spec: Path) -> None:
    with socket.socket() as sock:  # accepts connections (the backlog), never answers
        sock.bind(("127.0.0.1", 0))
        sock.listen(4)
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        code, output = contract("qmk", "--url", url, "--spec", str(spec), "--timeout", "0.2")
    assert code == 2, output
    assert f"nothing answers at {url} (ReadTimeout" in output
    assert "larger --timeout" in output and "FAILED" not in output


def test_default_pace_keeps_under_the_local_quota_and_is_gentle_remotely() -> None:
    local_q = run_rate(None, "http://127.0.0.1:27301", "q")
    assert local_q is not None and 0 < local_q < 50  # Q Desktop answers 429 beyond 50/s
    remote = run_rate(None, "https://api.qmk.fm", "qmk")
    assert remote is not None and 0 < remote <= 5
    assert run_rate(None, "http://127.0.0.1:5001", "qmk") is None  # a loopback QMK: unpaced
    assert run_rate(0, "https://api.qmk.fm", "qmk") is None  # --rate 0: unpaced
    assert run_rate(7.5, "http://127.0.0.1:27301", "q") == 7.5
