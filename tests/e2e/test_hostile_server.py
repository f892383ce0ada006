"""Hostile servers on loopback against the real QMK clients (sync and async).

A small Starlette app plays the compile API, the metadata server and the storage host (three
instances, three ports) and answers by the job id, keymap or keyboard name it is asked for:
file names that climb out of the target folder, redirects to other hosts, endless and oversized
bodies, HTML or broken JSON where JSON is documented, wrong content types and encodings. Raw
sockets play a server that never answers and one that drops the body half way. Every case must
end in a kbapi error of the right type, and nothing may be written outside the target folder or
left behind inside it. The transport's own behaviour (retries, size cap, timeouts on bare httpx
clients) is tested in test_core_transport.py; this file goes through the public wrapper.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Iterator, MutableMapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from kbapi._core.client import TransportOptions
from kbapi._core.errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    BadRequestError,
    KbapiError,
    ResponseTooLargeError,
)
from kbapi.qmk import (
    AsyncQMKClient,
    EmptyDownloadError,
    JobNotFoundError,
    PollPolicy,
    QMKClient,
    UnsafeFileNameError,
)
from kbapi.qmk.downloads import ARTIFACT_LIMITS
from kbapi.testing import serve
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import (
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Route

from tests.support.raw import Silent, raw_server, silent_server

pytestmark = pytest.mark.timeout(20)

CAP = 64 * 1024  # the clients' max_response_bytes in these tests
TIMEOUT = 0.25  # the clients' httpx timeout in these tests
SECRET_HEADER = "X-Kbapi-Test-Secret"
SECRET = "only-for-the-api-host"
FIRMWARE = b":1000000000000000000000000000000000000000F0\n" * 64
FACES = ["sync", "async"]
OUT = "out"

# Names a job result may announce (`firmware_filename`); each must be refused.
BAD_NAMES = [
    "../evil.bin",
    "../../evil.bin",
    "/tmp/evil.bin",
    "sub/evil.bin",
    "..",
    ".hidden.bin",
    "evil\x00.bin",
    "..\\evil.bin",
    "C:evil.bin",
    " evil.bin",
]
# Content-Disposition headers of the storage host; each must be refused.
BAD_DISPOSITIONS = [
    'attachment; filename="../evil.bin"',
    "attachment; filename*=UTF-8''..%2Fevil.bin",
    'attachment; filename="..\\\\evil.bin"',
    'attachment; filename=".."',
    "attachment; filename*=UTF-8''%2Fetc%2Fevil",
    'attachment; filename*0=".."; filename*1="/evil.bin"',
]
# Redirect targets (paths on the storage host) whose last segment is not a plain name.
BAD_PATHS = ["/files/%2E%2E", "/files/..%5Cevil.bin", "/files/%00evil.bin", "/files/", "/files/.x"]


# -- the hostile app -------------------------------------------------------------------------


@dataclass
class Net:
    """Where everything listens; filled in once the servers run."""

    api: str = ""
    storage: str = ""
    third: str = ""
    hang: str = ""
    silent: Silent = field(default_factory=Silent)
    truncated: str = ""
    logs: dict[str, HeaderLog] = field(default_factory=dict)


NET = Net()


def finished_job(job_id: str, firmware_filename: object = "board_default.bin") -> dict[str, Any]:
    return {
        "id": job_id,
        "status": "finished",
        "created_at": "Sun, 03 Apr 2022 18:04:13 GMT",
        "enqueued_at": "Sun, 03 Apr 2022 18:04:13 GMT",
        "is_failed": False,
        "result": {
            "returncode": 0,
            "output": "ok",
            "keyboard": "hostile/board",
            "keymap": "default",
            "layout": "LAYOUT",
            "firmware_filename": firmware_filename,
        },
    }


def info_document(keyboard: str) -> dict[str, Any]:
    layout = {"layout": [{"x": 0, "y": 0, "matrix": [0, 0]}]}
    info = {"keyboard_folder": keyboard, "processor": "atmega32u4", "layouts": {"LAYOUT": layout}}
    return {"last_updated": "2022-03-26 01:07:21 GMT", "keyboards": {keyboard: info}}


async def _endless(chunk: bytes) -> AsyncIterator[bytes]:
    for _ in range(4096):  # 4 MiB in 1 KiB chunks: "endless" next to the 64 KiB cap, but bounded
        yield chunk
        await asyncio.sleep(0)


def deep_json() -> bytes:
    return b"[" * 20_000 + b"]" * 20_000  # 40 kB, under the cap; json gives up at ~1000


def hostile(kind: str, valid: Any) -> Response:
    """The answer of kind `kind` where `valid` (a JSON value) is the documented body."""
    text = json.dumps(valid)
    answers: dict[str, Callable[[], Response]] = {
        "html": lambda: HTMLResponse("<!doctype html><title>502</title><h1>Bad gateway</h1>"),
        "truncated": lambda: Response(text[: len(text) // 2], media_type="application/json"),
        "garbage": lambda: Response(
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", media_type="application/json"
        ),
        "deep": lambda: Response(deep_json(), media_type="application/json"),
        "null": lambda: JSONResponse(None),
        "array": lambda: JSONResponse([valid]),
        "html_typed_json": lambda: Response(text, media_type="text/html"),
        "endless": lambda: StreamingResponse(_endless(b"[" * 1024), media_type="application/json"),
        "declared": lambda: Response(b" " * (2 * CAP), media_type="application/json"),
        "gzip": lambda: Response(
            b"this is not gzip", media_type="application/json", headers={"content-encoding": "gzip"}
        ),
        "html404": lambda: HTMLResponse("<h1>Not Found</h1>", status_code=404),
        "deep404": lambda: Response(deep_json(), 404, media_type="application/json"),
        "html400": lambda: HTMLResponse("<h1>Bad Request</h1>", status_code=400),
        "html500": lambda: HTMLResponse("<h1>Internal Server Error</h1>", status_code=500),
    }
    return answers.get(kind, lambda: JSONResponse(valid))()


async def job_status(request: Request) -> Response:
    job_id = request.path_params["job_id"]
    if job_id.startswith("name-"):
        return JSONResponse(finished_job(job_id, BAD_NAMES[int(job_id[5:])]))
    if job_id == "wrong_types":
        body = finished_job(job_id)
        body.update(status=["finished"], is_failed="no", created_at=7)
        return JSONResponse(body)
    return hostile(job_id, finished_job(job_id))


async def submit(request: Request) -> Response:
    keymap = (await request.json())["keymap"]
    return hostile(keymap, {"enqueued": True, "job_id": "ok"})


async def keyboard_info(request: Request) -> Response:
    kind = request.path_params["kind"]
    return hostile(kind, info_document(f"hostile/{kind}"))


async def download_redirect(request: Request) -> Response:
    job_id = request.path_params["job_id"]
    locations = {
        "hang": f"{NET.hang}/files/board_default.bin",
        "truncated": f"{NET.truncated}/files/board_default.bin",
        "noloc": "",
        "encoded": f"{NET.storage}/files/..%2F..%2Fevil.bin",
    }
    if job_id.startswith("cd-"):
        location = f"{NET.storage}/cd/{job_id[3:]}"
    elif job_id.startswith("path-"):
        location = NET.storage + BAD_PATHS[int(job_id[5:])]
    elif job_id == "ok" or job_id.startswith("name-"):
        location = f"{NET.storage}/files/board_default.bin"
    else:
        location = locations.get(job_id, f"{NET.storage}/kind/{job_id}")
    return Response(status_code=302, headers={"location": location} if location else {})


async def storage_file(request: Request) -> Response:
    return Response(FIRMWARE, media_type="application/octet-stream")


async def storage_disposition(request: Request) -> Response:
    value = BAD_DISPOSITIONS[int(request.path_params["index"])]
    return Response(FIRMWARE, headers={"content-disposition": value})


async def storage_kind(request: Request) -> Response:
    kind = request.path_params["kind"]
    if kind == "empty":
        return Response(b"", media_type="application/octet-stream")
    if kind == "loop":
        return RedirectResponse("/kind/loop", status_code=302)
    if kind == "chain":
        return RedirectResponse(f"{NET.third}/files/chained.bin", status_code=302)
    if kind == "endless":
        return StreamingResponse(_endless(b"\0" * 1024), media_type="application/octet-stream")
    if kind == "declared":
        return Response(b"\0" * (2 * CAP), media_type="application/octet-stream")
    return hostile(kind, None)


def hostile_app() -> Starlette:
    return Starlette(
        routes=[
            Route("/v1/compile", submit, methods=["POST"]),
            Route("/v1/compile/{job_id}", job_status),
            Route("/v1/compile/{job_id}/download", download_redirect),
            Route("/v1/keyboards/hostile/{kind}/info.json", keyboard_info),
            Route("/files/{rest:path}", storage_file),
            Route("/cd/{index:int}", storage_disposition),
            Route("/kind/{kind}", storage_kind),
        ]
    )


class HeaderLog:
    """Wrap an ASGI app; remember the path and the (lower-cased) headers of every request."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.requests: list[tuple[str, dict[str, str]]] = []

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            self.requests.append((scope["path"], headers))
        await self.app(scope, receive, send)


# -- raw sockets -----------------------------------------------------------------------------


TRUNCATED_REPLY = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 60000\r\n"
    b"Connection: close\r\n\r\n" + b"\0" * 1000
)


# -- fixtures and helpers --------------------------------------------------------------------


@pytest.fixture(scope="module")
def net() -> Iterator[Net]:
    with ExitStack() as stack:
        for name in ("api", "storage", "third"):
            log = HeaderLog(hostile_app())
            NET.logs[name] = log
            setattr(NET, name, stack.enter_context(serve(log)))
        NET.silent = stack.enter_context(silent_server())
        NET.hang = NET.silent.url
        NET.truncated = stack.enter_context(raw_server(TRUNCATED_REPLY))
        yield NET


@pytest.fixture(autouse=True)
def _clear_logs(net: Net) -> None:
    for log in net.logs.values():
        log.requests.clear()
    net.silent.connections = 0


async def _no_sleep(seconds: float) -> None:
    return None


def use(
    face: str,
    action: Callable[[Any], Any],
    *,
    base_url: str | None = None,
    metadata_url: str | None = None,
    timeout: float = TIMEOUT,
) -> Any:
    """Run `action(client)` with a fresh sync or async client (awaiting it for the async one).

    Retries stay on (with instant sleeps), so every case also shows that they end.
    """
    url = base_url or NET.api
    http = TransportOptions(
        headers={SECRET_HEADER: SECRET},
        max_response_bytes=CAP,
        sleep=lambda _: None,
        async_sleep=_no_sleep,
    )
    options: dict[str, Any] = {
        "metadata_url": metadata_url or NET.api,
        "timeout": timeout,
        "http_options": http,
        "poll": PollPolicy(initial=0.01, max_interval=0.02, queue_interval=0),
    }
    if face == "sync":
        with QMKClient(url, sleep=lambda _: None, **options) as client:
            return action(client)

    async def main() -> Any:
        async with AsyncQMKClient(url, sleep=_no_sleep, **options) as client:
            return await action(client)

    return asyncio.run(main())


def tree(root: Path) -> list[str]:
    """Every path below `root`, relative and sorted."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


def keymap(name: str) -> dict[str, Any]:
    return {"keyboard": "hostile/board", "keymap": name, "layout": "LAYOUT", "layers": [["KC_A"]]}


def expect_error(
    face: str, action: Callable[[Any], Any], error: type[KbapiError], *fragments: str
) -> KbapiError:
    """Run `action`; require `error` with every fragment in its message. (Retries sleep no
    time here and pytest-timeout bounds each test, so an endless case fails too.)"""
    with pytest.raises(error) as caught:
        use(face, action)
    for fragment in fragments:
        assert fragment in str(caught.value)
    return caught.value


# -- file names ------------------------------------------------------------------------------


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("index", range(len(BAD_NAMES)), ids=[repr(n) for n in BAD_NAMES])
def test_unsafe_firmware_filename_in_the_job_result_is_refused(
    net: Net, face: str, index: int, tmp_path: Path
) -> None:
    out = tmp_path / OUT
    expect_error(
        face,
        lambda c: c.job(f"name-{index}").download_firmware(out),
        UnsafeFileNameError,
        "refusing file name",
    )
    assert tree(tmp_path) == [OUT]
    name = BAD_NAMES[index]
    if "\x00" not in name:  # where the name points, even above tmp_path: nothing there
        assert not (out / name).exists() or (out / name).resolve() in (out.resolve(), tmp_path)


STORAGE_NAMES = [(f"cd-{i}", name) for i, name in enumerate(BAD_DISPOSITIONS)] + [
    (f"path-{i}", path) for i, path in enumerate(BAD_PATHS)
]
"""The jobs whose storage answer names the file badly: Content-Disposition, or the URL path."""


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize(
    "job", [job for job, _ in STORAGE_NAMES], ids=[name for _, name in STORAGE_NAMES]
)
def test_unsafe_name_from_the_storage_host_is_refused(
    net: Net, face: str, job: str, tmp_path: Path
) -> None:
    out = tmp_path / OUT
    expect_error(
        face, lambda c: c.download(job, "firmware", out), UnsafeFileNameError, "refusing file name"
    )
    assert tree(tmp_path) == [OUT]


@pytest.mark.parametrize("face", FACES)
def test_encoded_slashes_in_the_redirect_url_only_pick_the_last_segment(
    net: Net, face: str, tmp_path: Path
) -> None:
    # `..%2F..%2Fevil.bin` decodes to `../../evil.bin`: only `evil.bin` names the file.
    path = use(face, lambda c: c.download("encoded", "firmware", tmp_path))
    assert path == tmp_path.resolve() / "evil.bin"
    assert tree(tmp_path) == ["evil.bin"]
    assert path.read_bytes() == FIRMWARE


# -- redirects to other hosts ----------------------------------------------------------------


@pytest.mark.parametrize("face", FACES)
def test_redirect_to_another_host_gets_none_of_our_headers(
    net: Net, face: str, tmp_path: Path
) -> None:
    path = use(face, lambda c: c.job("ok").download_firmware(tmp_path / OUT))
    assert path == (tmp_path / OUT).resolve() / "board_default.bin"
    assert path.read_bytes() == FIRMWARE
    assert tree(tmp_path) == [OUT, f"{OUT}/board_default.bin"]
    api = net.logs["api"].requests
    assert [p for p, _ in api] == ["/v1/compile/ok", "/v1/compile/ok/download"]
    assert all(h.get(SECRET_HEADER.lower()) == SECRET for _, h in api)
    storage = net.logs["storage"].requests
    assert [p for p, _ in storage] == ["/files/board_default.bin"]
    assert SECRET_HEADER.lower() not in storage[0][1]
    assert SECRET not in json.dumps(storage)


@pytest.mark.parametrize("face", FACES)
def test_storage_redirecting_onwards_to_a_third_host_gets_none_of_our_headers(
    net: Net, face: str, tmp_path: Path
) -> None:
    path = use(face, lambda c: c.download("chain", "firmware", tmp_path))
    assert path.name == "chained.bin" and path.read_bytes() == FIRMWARE
    assert tree(tmp_path) == ["chained.bin"]
    seen = net.logs["storage"].requests + net.logs["third"].requests
    assert [p for p, _ in seen] == ["/kind/chain", "/files/chained.bin"]
    assert SECRET not in json.dumps(seen)


@pytest.mark.parametrize("face", FACES)
def test_download_redirect_loop_ends(net: Net, face: str, tmp_path: Path) -> None:
    expect_error(
        face,
        lambda c: c.download("loop", "firmware", tmp_path),
        APIError,
        "TooManyRedirects",
    )
    assert tree(tmp_path) == []
    # httpx follows 20 redirects; not an APIConnectionError, so nothing fetches it all again.
    assert len(net.logs["storage"].requests) == 21


@pytest.mark.parametrize("face", FACES)
def test_download_redirect_without_location(net: Net, face: str, tmp_path: Path) -> None:
    expect_error(
        face,
        lambda c: c.download("noloc", "firmware", tmp_path),
        APIResponseValidationError,
        "without a Location header",
    )
    assert tree(tmp_path) == []


# -- oversized and broken bodies -------------------------------------------------------------


def _status(kind: str) -> Callable[[Any], Any]:
    return lambda c: c.status(kind)


def _submit(kind: str) -> Callable[[Any], Any]:
    return lambda c: c.compile(keymap(kind), check=False)


def _info(kind: str) -> Callable[[Any], Any]:
    return lambda c: c.info(f"hostile/{kind}")


ENDPOINTS = {"status": _status, "submit": _submit, "info": _info}


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
@pytest.mark.parametrize("kind", ["endless", "declared"])
def test_oversized_json_body_hits_the_size_cap(
    net: Net, face: str, endpoint: str, kind: str
) -> None:
    error = expect_error(
        face, ENDPOINTS[endpoint](kind), ResponseTooLargeError, f"larger than {CAP} bytes"
    )
    assert isinstance(error, ResponseTooLargeError) and error.limit == CAP


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("kind", ["endless", "declared"])
def test_oversized_download_hits_the_size_cap_and_leaves_nothing(
    net: Net, face: str, kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Downloads have a cap per artifact kind (16 MiB for firmware); shrunk here to the test's CAP.
    monkeypatch.setitem(ARTIFACT_LIMITS, "firmware", CAP)
    out = tmp_path / OUT
    expect_error(
        face,
        lambda c: c.download(kind, "firmware", out),
        ResponseTooLargeError,
        f"larger than {CAP} bytes",
    )
    assert tree(tmp_path) == [OUT]


@pytest.mark.parametrize("face", FACES)
def test_download_cut_short_leaves_no_partial_file(net: Net, face: str, tmp_path: Path) -> None:
    expect_error(
        face,
        lambda c: c.download("truncated", "firmware", tmp_path),
        APIConnectionError,
        "RemoteProtocolError",
    )
    assert tree(tmp_path) == []


@pytest.mark.parametrize("face", FACES)
def test_empty_download_leaves_nothing(net: Net, face: str, tmp_path: Path) -> None:
    expect_error(
        face, lambda c: c.download("empty", "firmware", tmp_path), EmptyDownloadError, "empty file"
    )
    assert tree(tmp_path) == []


@pytest.mark.parametrize("face", FACES)
def test_download_with_a_broken_content_encoding(net: Net, face: str, tmp_path: Path) -> None:
    expect_error(
        face,
        lambda c: c.download("gzip", "firmware", tmp_path),
        APIResponseValidationError,
        "DecodingError",
    )
    assert tree(tmp_path) == []


NOT_JSON = {
    # kind: what the message names
    "html": "JSONDecodeError",
    "truncated": "JSONDecodeError",
    "garbage": "Error",  # JSONDecodeError or UnicodeDecodeError, by endpoint
    "deep": "RecursionError",
}


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("endpoint", ["status", "submit"])
@pytest.mark.parametrize("kind", sorted(NOT_JSON))
def test_not_json_where_json_is_documented(net: Net, face: str, endpoint: str, kind: str) -> None:
    error = expect_error(
        face,
        ENDPOINTS[endpoint](kind),
        APIResponseValidationError,
        "200: response body does not match the documented schema",
        NOT_JSON[kind],
    )
    assert isinstance(error, APIResponseValidationError) and error.status_code == 200


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_body_that_breaks_its_content_encoding(net: Net, face: str, endpoint: str) -> None:
    expect_error(
        face,
        ENDPOINTS[endpoint]("gzip"),
        APIResponseValidationError,
        "does not match its Content-Encoding (DecodingError",
    )


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("kind", ["html", "truncated", "garbage", "deep"])
def test_info_json_that_is_not_json(net: Net, face: str, kind: str) -> None:
    expect_error(face, _info(kind), APIResponseValidationError, "200: info.json is not JSON")


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("kind", ["null", "array"])
def test_json_of_the_wrong_shape(net: Net, face: str, kind: str) -> None:
    for action, fragment in (
        (_status(kind), "does not match the documented schema"),
        (_submit(kind), "does not match the documented schema"),
        (_info(kind), "info.json does not have the documented shape (KeyboardInfoError"),
    ):
        expect_error(face, action, APIResponseValidationError, fragment)


@pytest.mark.parametrize("face", FACES)
def test_fields_of_the_wrong_type_are_a_validation_error(net: Net, face: str) -> None:
    # The generated client casts primitive values without checking them; kbapi checks them.
    for action in (lambda c: c.status("wrong_types"), lambda c: c.job("wrong_types").wait()):
        error = expect_error(
            face, action, APIResponseValidationError, "200: response body does not match"
        )
        assert isinstance(error, APIResponseValidationError)
        assert str(error.error) == "created_at: expected str, got int"


@pytest.mark.parametrize("face", FACES)
def test_json_served_as_text_html_is_still_read(net: Net, face: str, tmp_path: Path) -> None:
    # Documented leniency: kbapi reads JSON by the body, not by the Content-Type.
    status = use(face, _status("html_typed_json"))
    assert status.status == "finished" and status.job_id == "html_typed_json"
    job = use(face, _submit("html_typed_json"))
    assert job.id == "ok"
    info = use(face, _info("html_typed_json"))
    assert info.keyboard == "hostile/html_typed_json" and info.key_count("LAYOUT") == 1


@pytest.mark.parametrize("face", FACES)
def test_error_pages_in_html_keep_their_status(net: Net, face: str) -> None:
    # The spec documents JSON or HTML here; an unparsable error body must not hide the status.
    expect_error(face, _status("html404"), JobNotFoundError, "no such job")
    expect_error(face, _status("deep404"), JobNotFoundError, "no such job")
    expect_error(face, _submit("html400"), BadRequestError, "400 Bad Request")
    # A 500 for a job id this client never saw alive is how the live service says "unknown id".
    error = expect_error(face, _status("html500"), JobNotFoundError, "answers 500 Internal Server")
    assert "<h1>" not in str(error)


# -- servers that do not speak -------------------------------------------------------------


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_server_that_never_answers_times_out(net: Net, face: str, endpoint: str) -> None:
    action = ENDPOINTS[endpoint]("ok")
    with pytest.raises(APITimeoutError, match="timed out"):
        use(face, action, base_url=net.hang, metadata_url=net.hang)
    # GETs: three attempts (two retries), but two for a job id never seen alive (a live unknown
    # id answers errors too). The POST may have been applied: resent once per ambiguous failure,
    # three times at most (the compile rule of docs/reliability.md), so four in all.
    attempts = {"status": 2, "submit": 4, "info": 3}[endpoint]
    assert net.silent.saw(attempts) == attempts


@pytest.mark.parametrize("face", FACES)
def test_storage_host_that_never_answers_times_out(net: Net, face: str, tmp_path: Path) -> None:
    with pytest.raises(APITimeoutError, match="timed out"):
        use(face, lambda c: c.download("hang", "firmware", tmp_path), timeout=0.1)
    # The transport's 3 attempts; a download is fetched again (3 x 3) only when its body broke
    # off after the headers, which a server that never answers does not do.
    assert net.silent.saw(3) == 3
    assert tree(tmp_path) == []


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize(
    "reply",
    [b"SSH-2.0-OpenSSH_9.6\r\n", b"", b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n{"],
    ids=["ssh-banner", "hang-up", "short-body"],
)
def test_server_that_does_not_speak_http(face: str, reply: bytes) -> None:
    with raw_server(reply) as url, pytest.raises(APIConnectionError) as caught:
        use(face, _status("ok"), base_url=url)
    assert not isinstance(caught.value, APITimeoutError)
    assert "connection failed" in str(caught.value)
