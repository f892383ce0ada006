"""Record request/response pairs of a real qmk_api server into tests/fixtures/recorded/qmk/.

Opt-in, never run by CI or `make test`: point it at a real qmk/qmk_api + qmk/qmk_compiler
deployment on loopback (../shared/tools/real-qmk-api/README.md, `STUB_QMK=1` so that the keymap
names `fail` and `nofw` choose those outcomes) and commit what it writes:

    python tools/record_qmk.py http://127.0.0.1:18080 \\
        --seed-cmd 'REALQMK_DIR=... MIRROR=... .../setup.sh seed' \\
        --cancel-cmd '.../venv/bin/python .../qmk_compiler/cancel_job {job_id}' \\
        --expire-cmd 'redis-cli -p 16379 del rq:job:{job_id}'

Each exchange becomes one JSON file: the request sent, the response seen (status, the headers
that matter, the body), the upstream commits of the server and a line saying how the state was
reached. The hooks are optional: `--seed-cmd` fills the build-result store (what production's
test-build loop does), `--cancel-cmd` cancels a queued job with the upstream ops script (RQ state
`canceled`, answered as `unknown`), `--expire-cmd` ends a finished job's RQ result early (what
RQ's 500 s result TTL does), so the stored-metadata shape can be recorded without waiting.
The recordings are facts about the server; nothing of its code is copied.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "recorded" / "qmk"
KEYMAP = ROOT / "wrapper" / "kbapi" / "_data" / "qmk_keymaps" / "clueboard_66_rev3_default.json"
UPSTREAM = {
    "qmk/qmk_api": "f5e9a630a6cbd39192b79c98f63824b01aebaef8",
    "qmk/qmk_compiler": "ebaf5705eb5e2ff24164ed9d6244edc43b0c8bf6",
    "skullydazed/kle2xy": "34d2985b6441a616c879fb364f0fe2ea304716b3",
}
KEPT_HEADERS = ("content-type", "location", "access-control-allow-origin", "content-disposition")
MAX_TEXT = 4000
POLL_SECONDS = 0.02
JOB_TIMEOUT = 120.0
UNKNOWN_GRACE = 5.0
MISSING_ID = "00000000-0000-4000-8000-000000000000"


class Recorder:
    """Sends requests to the server under test and writes one fixture per exchange."""

    def __init__(self, base_url: str, out: Path, upstream: dict[str, str]) -> None:
        self.base = base_url.rstrip("/")
        self.out = out
        self.upstream = upstream
        self.http = httpx.Client(timeout=30, follow_redirects=False)
        self.names: list[str] = []

    def send(
        self, method: str, path: str, body: Any = None, raw: bytes | None = None
    ) -> httpx.Response:
        """One request; `body` is sent as JSON, `raw` as it is."""
        content = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        headers = {"content-type": "application/json"} if content is not None else {}
        return self.http.request(method, self.base + path, content=content, headers=headers)

    def record(
        self,
        name: str,
        method: str,
        path: str,
        *,
        body: Any = None,
        raw: bytes | None = None,
        how: str,
        operation: str | None,
        state: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> httpx.Response:
        """Send a request and write `<name>.json`; return the response."""
        response = self.send(method, path, body, raw)
        self.write(name, method, path, body, raw, response, how, operation, state, extra)
        return response

    def write(
        self,
        name: str,
        method: str,
        path: str,
        body: Any,
        raw: bytes | None,
        response: httpx.Response,
        how: str,
        operation: str | None,
        state: str | None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        request: dict[str, Any] = {"method": method, "path": path}
        if raw is not None:
            request["raw"] = raw.decode("utf-8", "replace")
        elif body is not None:
            request["json"] = body
        fixture = {
            "name": name,
            "how": how,
            "operation": operation,
            "state": state,
            "base_url": self.base,
            "upstream": self.upstream,
            "recorded_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "request": request,
            "response": describe(response),
            **(extra or {}),
        }
        self.out.mkdir(parents=True, exist_ok=True)
        text = json.dumps(fixture, indent=2, ensure_ascii=False) + "\n"
        (self.out / f"{name}.json").write_text(text, encoding="utf-8")
        self.names.append(name)
        print(f"{response.status_code} {method} {path}  -> {name}", flush=True)


def describe(response: httpx.Response) -> dict[str, Any]:
    """Status, the headers that matter and the body (JSON parsed, text cut at MAX_TEXT)."""
    headers = {k: response.headers[k] for k in KEPT_HEADERS if k in response.headers}
    found: dict[str, Any] = {"status": response.status_code, "headers": headers}
    try:
        found["json"] = response.json()
    except ValueError:
        found["text"] = response.text[:MAX_TEXT]
    return found


def storage(response: httpx.Response) -> dict[str, Any]:
    """What the storage host answered a redirect with: status, type, size, error text."""
    found: dict[str, Any] = {
        "status": response.status_code,
        "content_type": response.headers.get("content-type"),
        "bytes": len(response.content),
    }
    if response.status_code != 200:
        found["text"] = response.text[:MAX_TEXT]
    return found


def keymap(name: str, **changes: Any) -> dict[str, Any]:
    """The Configurator default keymap of clueboard/66/rev3 (the stub's keyboard), renamed."""
    data = json.loads(KEYMAP.read_text(encoding="utf-8"))
    return {**data, "keymap": name, **changes}


def hook(template: str | None, job_id: str = "") -> bool:
    """Run an optional hook command; False when it is not configured."""
    if not template:
        return False
    subprocess.run(shlex.split(template.format(job_id=job_id)), check=True, capture_output=True)
    return True


def static_routes(rec: Recorder, store: str) -> None:
    """Routes that need no job; the build-result routes once per store state."""
    kb = "/v1/keyboards/clueboard/66/rev3"
    for route, op in (
        ("/v1/keyboards/build_status", "getBuildStatus"),
        ("/v1/keyboards/build_log", "getBuildLog"),
        ("/v1/keyboards/build_summary", "getBuildSummary"),
        ("/v1/keyboards/error_log", "getErrorLog"),
        (kb + "/build_log", "getKeyboardBuildLog"),
        ("/v1/keyboards/planck/rev6/build_log", "getKeyboardBuildLog"),
    ):
        name = route.removeprefix("/v1/").replace("/", "_")
        rec.record(f"{store}_{name}", "GET", route, how=f"build-result store {store}", operation=op)
    if store == "seeded":
        return
    for route, op in (
        ("/v1", "getApiStatus"),
        ("/v1/converters", "listConverters"),
        ("/v1/metrics/keyboards", "getKeyboardMetrics"),
        ("/v1/metrics/keyboards/days/7", "getKeyboardMetricsForDays"),
        ("/v1/metrics/locations", "getLocationMetrics"),
        ("/v1/metrics/locations/days/7", "getLocationMetricsForDays"),
        ("/v1/keyboards", "listKeyboards"),
        ("/v1/keyboards/all", "redirectAllKeyboards"),
        ("/v1/usb", "redirectUsb"),
        (kb, "redirectKeyboard"),
        (kb + "/readme", "redirectKeyboardReadme"),
        (kb + "/keymaps/default", "getKeyboardKeymap"),
        (kb + "/keymaps/default/readme", "getKeyboardKeymapReadme"),
        ("/v1/skeletons", "listSkeletons"),
        ("/v1/skeletons/keymap", "getKeymapSkeleton"),
        ("/v1/nope", None),
    ):
        name = route.removeprefix("/v1").strip("/").replace("/", "_") or "root"
        how = "keyboards.qmk.fm unreachable from the server" if route == "/v1/keyboards" else ""
        rec.record(f"get_{name}", "GET", route, how=how or "plain GET", operation=op)
    rec.record(
        "post_keyboards_405", "POST", "/v1/keyboards", body={}, how="wrong method", operation=None
    )
    rec.record(
        "telemetry",
        "POST",
        "/v1/telemetry",
        body={"action": "x"},
        how="ignored body",
        operation="sendTelemetry",
    )


def converters(rec: Recorder) -> None:
    """Both KLE converter routes with raw data, a gist id, and the error bodies."""
    cases: list[tuple[str, Any, str]] = [
        ("raw", {"raw": '["Esc","Q",{w:1.5},"Tab"]'}, "raw KLE data"),
        ("raw_null_id", {"raw": '["Esc"]', "id": None}, "raw with an explicit null id"),
        ("gist_id", {"id": "4f2a1e4b9c8d7e6f5a4b"}, "gist id; api.github.com unreachable"),
        ("bad_raw", {"raw": "[[[{"}, "unparsable raw data"),
        ("neither", {"foo": 1}, "neither id nor raw"),
        ("empty", {}, "empty body"),
    ]
    for route, op in (("kle", "convertKle"), ("kle2qmk", "convertKle2qmk")):
        for name, body, how in cases:
            rec.record(
                f"{route}_{name}",
                "POST",
                f"/v1/converters/{route}",
                body=body,
                how=how,
                operation=op,
            )


def compile_errors(rec: Recorder) -> None:
    """POST /v1/compile answers to bodies the schema refuses (the last two are enqueued)."""
    good = keymap("default")
    no_layers = {k: v for k, v in good.items() if k not in ("layout", "layers")}
    no_keyboard = {k: v for k, v in good.items() if k != "keyboard"}
    cases: list[tuple[str, Any, bytes | None, str]] = [
        ("compile_empty_body", {}, None, "empty object"),
        ("compile_missing_layers", no_layers, None, "no layout, no layers"),
        ("compile_hacker", {**good, "keyboard": "../etc"}, None, "a dot in keyboard"),
        ("compile_missing_keyboard", no_keyboard, None, "no keyboard key"),
        ("compile_array_body", [1], None, "a top-level array"),
        ("compile_not_json", None, b"{not json", "a body that is not JSON"),
        ("compile_null_keymap", {**good, "keymap": None}, None, "an explicit null keymap"),
        (
            "compile_null_optionals",
            {**good, "notes": None, "author": None, "version": None},
            None,
            "explicit nulls: enqueued unchecked",
        ),
        (
            "compile_invalid_modules",
            {**good, "modules": [1, {"a": None}]},
            None,
            "modules items that are not strings: enqueued unchecked",
        ),
    ]
    for name, body, raw, how in cases:
        rec.record(
            name, "POST", "/v1/compile", body=body, raw=raw, how=how, operation="submitCompile"
        )


def submit(rec: Recorder, name: str, body: Any, how: str) -> str:
    response = rec.record(
        name, "POST", "/v1/compile", body=body, how=how, operation="submitCompile"
    )
    response.raise_for_status()
    return str(response.json()["job_id"])


def follow(rec: Recorder, name: str, job_id: str, how: str) -> dict[str, Any]:
    """Poll fast; record the first answer of every status; return the last body."""
    seen: set[str] = set()
    deadline = time.monotonic() + JOB_TIMEOUT
    unknown_until = float("inf")
    while time.monotonic() < deadline:
        response = rec.send("GET", f"/v1/compile/{job_id}")
        body = response.json()
        status = str(body.get("status"))
        if status not in seen:
            seen.add(status)
            rec.write(
                f"{name}_status_{status}",
                "GET",
                f"/v1/compile/{job_id}",
                None,
                None,
                response,
                how,
                "getCompileJob",
                status,
            )
        # `unknown` was seen for a moment between running and finished: watch a little longer.
        settled = status not in ("queued", "running", "unknown") or time.monotonic() > unknown_until
        if settled:
            return dict(body)
        if status == "unknown" and unknown_until == float("inf"):
            unknown_until = time.monotonic() + UNKNOWN_GRACE
        time.sleep(POLL_SECONDS)
    raise SystemExit(f"job {job_id} still not done after {JOB_TIMEOUT:g} s")


def downloads(rec: Recorder, name: str, job_id: str, how: str, state: str) -> None:
    """Every download route of a job, and where each redirect leads (the storage's answer)."""
    for route, op in (
        ("download", "downloadFirmware"),
        ("hex", "downloadFirmwareHex"),
        ("keymap", "downloadKeymap"),
        ("source", "downloadSource"),
    ):
        path = f"/v1/compile/{job_id}/{route}"
        response = rec.send("GET", path)
        extra = {}
        if response.status_code == 302:
            extra["storage"] = storage(httpx.get(response.headers["location"], timeout=30))
        rec.write(f"{name}_{route}", "GET", path, None, None, response, how, op, state, extra)


def jobs(rec: Recorder, args: argparse.Namespace) -> None:
    """Jobs in every state, with their downloads before and after the result."""
    submitted = {
        "ok": submit(rec, "compile_ok", keymap("default"), "stub builds a .hex"),
        "fail": submit(rec, "compile_fail", keymap("fail"), "stub build exits 2"),
        "nofw": submit(rec, "compile_nofw", keymap("nofw"), "stub build exits 0, no file"),
        "unknown_kb": submit(
            rec, "compile_unknown_keyboard", keymap("x", keyboard="no/such_board"), "no such folder"
        ),
        "rq_failed": submit(
            rec,
            "compile_rq_failed",
            keymap("x", keyboard=["clueboard/66/rev3"]),
            "a list as keyboard: the worker crashes outside its try block",
        ),
        "exception": submit(
            rec,
            "compile_exception",
            keymap("a\u0000b"),
            "a NUL in the keymap name: the worker catches the exception",
        ),
    }
    late = submit(rec, "compile_late", keymap("late"), "submitted behind six jobs")
    rec.record(
        "late_status_queued",
        "GET",
        f"/v1/compile/{late}",
        how="behind six jobs",
        operation="getCompileJob",
        state="queued",
    )
    downloads(rec, "early", late, "asked while the job waits in the queue", "queued")
    if args.cancel_cmd:
        doomed = submit(rec, "compile_canceled", keymap("canceled"), "canceled in the queue")
        hook(args.cancel_cmd, doomed)
        rec.record(
            "canceled_status",
            "GET",
            f"/v1/compile/{doomed}",
            how="canceled with the upstream ops script",
            operation="getCompileJob",
            state="unknown",
        )
    for name, job_id in submitted.items():
        follow(rec, name, job_id, f"job {name}")
        downloads(rec, f"{name}_after", job_id, f"job {name} done", "finished")
    follow(rec, "late", late, "job late")
    rec.record(
        "unknown_id_status",
        "GET",
        f"/v1/compile/{MISSING_ID}",
        how="never submitted",
        operation="getCompileJob",
    )
    downloads(rec, "unknown_id", MISSING_ID, "never submitted", "missing")
    for name in ("ok", "unknown_kb"):
        if hook(args.expire_cmd, submitted[name]):
            how = "RQ result gone (key deleted, as the 500 s result TTL does)"
            rec.record(
                f"expired_{name}_status",
                "GET",
                f"/v1/compile/{submitted[name]}",
                how=how,
                operation="getCompileJob",
                state="expired",
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--seed-cmd")
    parser.add_argument("--cancel-cmd")
    parser.add_argument("--expire-cmd")
    parser.add_argument(
        "--upstream",
        action="append",
        default=[],
        metavar="REPO=COMMIT",
        help="override the upstream commits written into each fixture",
    )
    args = parser.parse_args()
    upstream = dict(UPSTREAM)
    upstream.update(dict(item.split("=", 1) for item in args.upstream))
    rec = Recorder(args.base_url, args.out, upstream)
    for old in args.out.glob("*.json"):
        old.unlink()
    static_routes(rec, "empty")
    converters(rec)
    compile_errors(rec)
    jobs(rec, args)
    if hook(args.seed_cmd):
        static_routes(rec, "seeded")
    rec.record(
        "healthcheck",
        "GET",
        "/v1/healthcheck",
        how="enqueues a ping job",
        operation="getHealthcheck",
    )
    print(f"{len(rec.names)} exchanges recorded into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
