"""The docs site as a reader sees it: `make docs` builds it, headless Chromium renders its pages.

Chromium logs console messages without their level, so the pages are served with a small script
(docs_error_recorder.js) put first in ``<head>``: it records errors (``console.error``, uncaught
exceptions, failed loads, rejected promises) into an attribute of ``<html>``, and ``--dump-dom``
then shows the rendered page together with what went wrong.
"""

from __future__ import annotations

import functools
import html
import http.server
import io
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.other_lang.helpers import build_lock

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

RECORDER = (
    b"<script>" + (Path(__file__).parent / "docs_error_recorder.js").read_bytes() + b"</script>"
)

# Headless with no network chatter (this machine has no internet); the budget lets scripts finish.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=8000",
)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (.ci/run installs it with apt)"
)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serve the built site, with the error recorder put first into every HTML page."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file():
            return super().send_head()
        body = re.sub(
            rb"<head([^>]*)>", lambda m: m.group(0) + RECORDER, path.read_bytes(), count=1
        )
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the site exactly as `make docs` does (strict: a broken link fails here), then serve
    a copy: pytest-xdist workers that run this module each build, one at a time, and a build
    rewrites build/site under a site that another worker is serving."""
    copy = tmp_path_factory.mktemp("docs") / "site"
    with build_lock("docs-site"):
        subprocess.run(
            ["make", "--no-print-directory", "-s", "docs"], cwd=ROOT, check=True, timeout=240
        )
        shutil.copytree(ROOT / "build" / "site", copy)
    return copy


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    handler = functools.partial(_Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def render(url: str) -> str:
    """The DOM of ``url`` after Chromium ran its scripts."""
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory(prefix="kbapi-chromium-") as profile:
        done = subprocess.run(
            [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    return done.stdout


# Redoc's "API docs by Redocly" logo is the one thing on the site fetched from elsewhere; with no
# network here it fails, and Redoc's own onError handler hides it. Nothing else is forgiven.
FORGIVEN = ("failed to load https://cdn.redoc.ly/redoc/logo-mini",)


def errors_of(dom: str) -> list[str]:
    tag = re.search(r"<html\b[^>]*>", dom)  # the first one: the page's own root element
    found = re.search(r'data-kbapi-errors="([^"]*)"', tag.group(0)) if tag else None
    errors = html.unescape(found.group(1)).split(" | ") if found else []
    return [e for e in errors if not e.startswith(FORGIVEN)]


def text_of(dom: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", dom))


def test_recorder_catches_page_errors(tmp_path: Path) -> None:
    """The oracle itself: a script error is reported, so a clean report means something."""
    (tmp_path / "index.html").write_text(
        "<html><head></head><body><script>nosuch();</script></body></html>"
    )
    handler = functools.partial(_Handler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        dom = render(f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
    assert any("nosuch is not defined" in e for e in errors_of(dom))


def test_home_page_renders(base_url: str) -> None:
    dom = render(f"{base_url}/")
    assert errors_of(dom) == [], errors_of(dom)
    text = text_of(dom)
    assert "Compile a keymap JSON into firmware" in text
    assert 'href="qmk/"' in dom


def test_api_reference_renders_the_docstrings(base_url: str) -> None:
    from kbapi.qmk import QMKClient

    dom = render(f"{base_url}/reference/api/")
    assert errors_of(dom) == [], errors_of(dom)
    assert 'id="kbapi.qmk.QMKClient"' in dom
    first_line = (QMKClient.__doc__ or "").strip().splitlines()[0]
    assert " ".join(first_line.split()) in " ".join(text_of(dom).split())


def test_spec_page_renders_every_operation(base_url: str) -> None:
    spec = yaml.safe_load((ROOT / "spec" / "qmk.yaml").read_text())
    summaries = [
        op["summary"] for item in spec["paths"].values() for op in item.values() if "summary" in op
    ]
    dom = render(f"{base_url}/specs/qmk.html")
    assert errors_of(dom) == [], errors_of(dom)
    text = " ".join(text_of(dom).split())
    missing = [s for s in summaries if " ".join(s.split()) not in text]
    assert summaries and not missing
