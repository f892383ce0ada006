"""Record the requests real Das Keyboard Q clients send, by running them against the kbapi mocks.

    .venv/bin/python tools/record_q_clients.py [--py5q GIT_DIR] [--go-client GIT_DIR]

- the official applet SDK (npm `daskeyboard-applet`, pinned in tools/node): the flows of
  tests/other_lang/applet/flows.js, each against a fresh local mock;
- nathonius/py5Q (Python, `--py5q`: its git directory, e.g. a `fetch` mirror): local mode;
- clockworksoul/daskeyboard-q-client (Go, `--go-client`): tools/record_q/main.go, local + cloud.

Each client's requests go to tests/fixtures/recorded/daskeyboard/<name>.json as sequences (one
per fresh mock): method, path, query, content type, body and the status the mock answered, with
the client's repository and commit. Ids in paths are the ones a fresh mock allocates, so a replay
in order against a fresh mock meets the same signals. Nothing from those repositories is copied:
their code only runs here, from a temporary export of their git tree.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kbapi.mock.daskeyboard import (  # noqa: E402
    DEMO_API_KEY,
    QMockConfig,
    create_cloud_app,
    create_local_app,
)
from kbapi.mock.runner import serve_app as serve  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "recorded" / "daskeyboard"
FLOWS = ROOT / "tests" / "other_lang" / "applet" / "flows.js"
NODE_MODULES = ROOT / "build" / "node" / "node_modules"
APPLET_FLOWS = ("multizone", "anonymous", "effects", "error", "flash", "delete")
# Requests of the Go client that no server can accept, by (target, method, path prefix): its bugs.
GO_DEFECTS = {
    ("cloud", "POST", "/api/1.0/signals"): "New() never copies the WithAPIKey option into the "
    "client (client.go builds QClient{baseUrl, client} only), so no X-API-KEY header is sent",
    ("cloud", "GET", "/api/1.0/signals%3F"): "GetSignals() puts its query into url.URL.Path, so "
    "'?' goes out escaped as %3F and the path names no route",
}
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
App = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Any]


# Set on every answer, so that a client that keeps cookies shows it: the request after sends it
# back, and its entry records the Cookie header.
COOKIE_PROBE = "kbapi-probe=1; Path=/"
PROBE_NOTE = (
    f"every answer set the cookie {COOKIE_PROBE!r}; an entry has 'cookie' when its request sent a "
    "Cookie header"
)


class Capture:
    """ASGI wrapper keeping every request (with its body) and the status answered; every answer
    sets `COOKIE_PROBE`."""

    def __init__(self, app: App, target: str) -> None:
        self.app, self.target = app, target
        self.requests: list[dict[str, Any]] = []

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        messages = [await receive()]
        while messages[-1].get("more_body"):
            messages.append(await receive())
        body = b"".join(m.get("body", b"") for m in messages)
        entry = request_entry(scope, body, self.target)
        self.requests.append(entry)

        async def replay() -> Message:
            return messages.pop(0) if messages else {"type": "http.disconnect"}

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                entry["status"] = message["status"]
                probe = (b"set-cookie", COOKIE_PROBE.encode())
                message = {**message, "headers": [*message.get("headers", []), probe]}
            await send(message)

        await self.app(scope, replay, watch)


def request_entry(scope: Scope, body: bytes, target: str) -> dict[str, Any]:
    """One recorded request: what matters to a server, not the client's transport headers."""
    headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
    entry: dict[str, Any] = {
        "target": target,
        "method": scope["method"],
        "path": scope.get("raw_path", scope["path"].encode()).decode(),
        "query": scope["query_string"].decode(),
        # Which credential was sent (the value is the mock's, so not recorded).
        "auth": "x-api-key" if "x-api-key" in headers
        else "bearer" if headers.get("authorization", "").lower().startswith("bearer ")
        else "none",
    }  # fmt: skip
    if "cookie" in headers:
        entry["cookie"] = headers["cookie"]
    if body:
        entry["content_type"] = headers.get("content-type", "")
        try:
            entry["json"] = json.loads(body)
        except ValueError:
            entry["text"] = body.decode("utf-8", "replace")
    return entry


@contextmanager
def mocks() -> Iterator[tuple[Capture, Capture, str, str]]:
    """Fresh capturing local and cloud mocks, and their URLs."""
    local = Capture(create_local_app(QMockConfig(local_quota_per_second=0)), "local")
    cloud = Capture(create_cloud_app(), "cloud")
    with serve(local) as local_url, serve(cloud) as cloud_url:
        yield local, cloud, local_url, cloud_url


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a client; its output (shown, and stored as a note of what it said)."""
    done = subprocess.run(
        args, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True,
        timeout=300, check=False,
    )  # fmt: skip
    print(done.stdout + done.stderr, end="")
    if done.returncode != 0:
        raise SystemExit(f"{args[0]} exited {done.returncode}")
    return done.stdout


def export(git_dir: Path, into: Path) -> str:
    """Export the HEAD tree of a git directory into `into`; its commit."""
    git = ["git", f"--git-dir={git_dir}"]
    commit = subprocess.check_output([*git, "rev-parse", "HEAD"], text=True).strip()
    archive = into / "tree.tar"
    subprocess.run([*git, "archive", "-o", str(archive), "HEAD"], check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "tree", filter="data")
    return commit


def record_applet(scratch: Path) -> dict[str, Any]:
    """The applet SDK flows, each against fresh mocks."""
    lock = json.loads((ROOT / "tools" / "node" / "package-lock.json").read_text())
    package = lock["packages"]["node_modules/daskeyboard-applet"]
    sequences = []
    for flow in APPLET_FLOWS:
        with mocks() as (local, _, local_url, _):
            env = {
                "NODE_PATH": str(NODE_MODULES),
                "KBAPI_Q_LOCAL_URL": local_url,
                "KBAPI_APPLET_FLOW": flow,
                "KBAPI_APPLET_DIR": str(scratch),
                "loggingOptions": json.dumps({"winston": {}, "filename": str(scratch / "log")}),
            }
            run(["node", str(FLOWS)], scratch, env)
        sequences.append({"name": flow, "requests": local.requests})
    return {
        "client": "daskeyboard/daskeyboard-applet",
        "language": "JavaScript (Node.js)",
        "package": f"npm daskeyboard-applet {package['version']}",
        "integrity": package["integrity"],
        "commit": "5b7ca9e713c282572be4c90b167bea82a14dc745",
        "commit_note": "GitHub HEAD; its lib/q-signal.js equals the npm 2.11.5 file, its index.js "
        "adds clearSignals(), which npm 2.11.5 lacks",
        "how": "recorded: tools/record_q_clients.py ran tests/other_lang/applet/flows.js (the "
        "SDK's public API) against the kbapi local mock",
        "sequences": sequences,
    }


def record_py5q(git_dir: Path, scratch: Path) -> dict[str, Any]:
    """nathonius/py5Q in local mode (its cloud mode has the host hard-coded)."""
    commit = export(git_dir, scratch)
    tree = scratch / "tree"
    calls = [
        "q.signal('2,2', '#FF0000')",
        "q.signal(74, '#00FF00', name='Named', effect='BLINK', message='hello', isMuted=True)",
        "q.batchSignal(['1,1', '2,1'], '#0000FF')",
        "q.delete(-1)",
    ]
    with mocks() as (local, _, local_url, _):
        port = local_url.rsplit(":", 1)[1]
        script = f"from py5Q import py5Q\nq = py5Q(mode='local', port={port})\n" + "\n".join(
            f"print({call!r}, '->', {call})" for call in calls
        )
        run([sys.executable, "-c", script], tree)
    return {
        "client": "nathonius/py5Q",
        "language": "Python",
        "commit": commit,
        "how": "recorded: tools/record_q_clients.py ran py5Q.py (mode='local') against the kbapi "
        f"local mock: {'; '.join(calls)}",
        "sequences": [{"name": "local", "requests": local.requests}],
    }


def record_go(git_dir: Path, scratch: Path) -> dict[str, Any]:
    """clockworksoul/daskeyboard-q-client through tools/record_q/main.go."""
    commit = export(git_dir, scratch)
    driver = scratch / "driver"
    driver.mkdir()
    shutil.copy(ROOT / "tools" / "record_q" / "main.go", driver / "main.go")
    module = "github.com/clockworksoul/daskeyboard-q-client"
    (driver / "go.mod").write_text(
        f"module kbapi/record\n\ngo 1.16\n\nrequire {module} v0.0.0\n\n"
        f"replace {module} => {scratch / 'tree'}\n"
    )
    env = {"GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOSUMDB": "off", "GOCACHE": str(scratch)}
    with mocks() as (local, cloud, local_url, cloud_url):
        run(["go", "run", ".", local_url, cloud_url, DEMO_API_KEY], driver, env)
    for entry in local.requests + cloud.requests:
        for (target, method, prefix), why in GO_DEFECTS.items():
            matches = (entry["target"], entry["method"]) == (target, method)
            if matches and entry["status"] >= 400 and entry["path"].startswith(prefix):
                entry["client_defect"] = why
    return {
        "client": "clockworksoul/daskeyboard-q-client",
        "language": "Go",
        "commit": commit,
        "how": "recorded: tools/record_q_clients.py ran tools/record_q/main.go (the client's "
        "public API) against the kbapi local and cloud mocks",
        "sequences": [
            {"name": "local", "requests": local.requests},
            {"name": "cloud", "requests": cloud.requests},
        ],
    }


def write(name: str, fixture: dict[str, Any]) -> None:
    fixture["cookie_probe"] = PROBE_NOTE
    fixture["recorded_at"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.json"
    path.write_text(json.dumps(fixture, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    count = sum(len(s["requests"]) for s in fixture["sequences"])
    print(f"wrote {path.relative_to(ROOT)}: {count} requests")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--py5q", type=Path, help="git directory of nathonius/py5Q")
    parser.add_argument(
        "--go-client", type=Path, help="git dir of clockworksoul/daskeyboard-q-client"
    )
    parser.add_argument("--skip-applet", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        if not args.skip_applet:
            run([str(ROOT / "tools" / "node.sh"), "tsc", "--version"], ROOT)
            (scratch / "applet").mkdir()
            write("applet", record_applet(scratch / "applet"))
        if args.py5q:
            (scratch / "py5q").mkdir()
            write("py5q", record_py5q(args.py5q, scratch / "py5q"))
        if args.go_client:
            (scratch / "go").mkdir()
            write("go-clockworksoul", record_go(args.go_client, scratch / "go"))


if __name__ == "__main__":
    main()
