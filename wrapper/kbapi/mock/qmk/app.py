"""The QMK mock as a Starlette app: api.qmk.fm `/v1`, signed `/files`, and `/metadata/v1`."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.convertors import PathConvertor, register_url_convertor
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from kbapi.mock.qmk import kle, metadata
from kbapi.mock.qmk.config import QMKMockConfig
from kbapi.mock.qmk.cors import CORSEverywhere
from kbapi.mock.qmk.fixtures import load_keyboards
from kbapi.mock.qmk.http import (
    ERROR_HANDLERS,
    NotJSON,
    attachment,
    base_url,
    client_ip,
    error,
    html_error,
    json_response,
    parse_json,
    read_body,
)
from kbapi.mock.qmk.jobs import Job, JobQueue
from kbapi.mock.qmk.signing import URLSigner, s3_error_xml
from kbapi.mock.qmk.submission import refusal

DOCS_URL = "https://docs.qmk.fm/#/api_docs"
BOOTSTRAP_URL = (
    "https://raw.githubusercontent.com/qmk/qmk_firmware/refs/heads/master/util/env-bootstrap.sh"
)
PING_TIMEOUT = 300.0
Endpoint = Callable[[Request], Awaitable[Response]]
DOWNLOAD_FIELDS = {
    "download": "firmware_filename",
    "hex": "firmware_filename",
    "keymap": "keymap_archive",
    "source": "source_archive",
}


class WerkzeugPath(PathConvertor):
    """Werkzeug's `path` converter (`[^/].*?`): like Starlette's, but never empty and never
    starting with `/`, so `/v1/keyboards//build_log` routes nowhere (HTML 404)."""

    regex = "[^/].*"


register_url_convertor("werkzeug_path", WerkzeugPath())


def _redirect(url: str) -> Response:
    return RedirectResponse(url, status_code=302)


def _answer(body: Any) -> Endpoint:
    """An endpoint that always answers `body` (a route that serves a constant)."""

    async def endpoint(request: Request) -> Response:
        return json_response(body)

    return endpoint


class QMKMock:
    """State and handlers of one mock instance."""

    def __init__(self, config: QMKMockConfig, clock: Callable[[], float]) -> None:
        self.config = config
        self.clock = clock
        self.keyboards = (
            {k: dict(v) for k, v in config.keyboards.items()}
            if config.keyboards is not None
            else load_keyboards()
        )
        self.signer = URLSigner(config.url_ttl)
        self.reset()

    def reset(self) -> None:
        """Forget every job and ping, as after a restart (signed URLs of old jobs then 404)."""
        self.jobs = JobQueue(self.config, self.keyboards, self.clock)
        self.started_at = self.clock()
        self.last_ping = self.started_at

    # -- helpers -------------------------------------------------------------------------------

    def _base(self, request: Request) -> str:
        return base_url(request, self.config.public_base_url)

    def _moved(self, target: str) -> Endpoint:
        """An endpoint that redirects to `target` on this server; ``{keyboard}`` in it is the
        route's keyboard name, quoted."""

        async def endpoint(request: Request) -> Response:
            keyboard = quote(request.path_params.get("keyboard", ""), safe="/")
            return _redirect(self._base(request) + target.format(keyboard=keyboard))

        return endpoint

    def _job_not_found(self) -> Response:
        if self.config.live_deviations:
            return html_error(500)
        return error("Compile job not found", 404)

    async def _json_body(self, request: Request) -> Any:
        body = await read_body(request, self.config.max_body_bytes)
        data = parse_json(body)
        if data is None and self.config.live_deviations and body.strip() != b"null":
            raise NotJSON  # Flask's get_json(force=True) answers the Werkzeug HTML 400
        return data

    def api_status(self) -> dict[str, Any]:
        """The `api_status` object of `/v1` and `/v1/healthcheck`."""
        now = self.clock()
        ping_ok = now - self.last_ping <= PING_TIMEOUT
        return {
            "last_ping": self.last_ping,
            "queue_length": self.jobs.queue_length(),
            "status": "running",
            "version": "0.1\n",
            "tasks_ping": now,
            "status_last_ping": "good" if ping_ok else "degraded",
            "status_tasks_ping": "good",
        }

    # -- root and status -----------------------------------------------------------------------

    async def root(self, request: Request) -> Response:
        host = (request.headers.get("host") or "").split(":")[0]
        return _redirect(BOOTSTRAP_URL if host == "install.qmk.fm" else DOCS_URL)

    async def install(self, request: Request) -> Response:
        return _redirect(BOOTSTRAP_URL)

    async def v1(self, request: Request) -> Response:
        children = ["compile", "converters", "keyboards", "skeletons"]
        return json_response({"children": children, **self.api_status()})

    async def healthcheck(self, request: Request) -> Response:
        # The live route enqueues a ping job at the queue front; the mock records the ping directly.
        self.last_ping = self.clock()
        return json_response(self.api_status())

    # -- converters and telemetry --------------------------------------------------------------

    async def convert_kle(self, request: Request) -> Response:
        data = await self._json_body(request)
        if not data or not isinstance(data, dict):
            return error("Invalid JSON data!")
        if "id" not in data and "raw" not in data:
            return error('You must supply either "id" or "raw" labels.')
        try:
            body = kle.render(kle.convert(kle.source(data, self.config.kle_gists)))
        except kle.KLEError as exc:
            # The handler means to answer 400 but passes the exception as the status code.
            if self.config.live_deviations:
                return html_error(500)
            return error(f"Could not parse KLE raw data: {exc}")
        return Response(body, media_type="application/json")

    async def telemetry(self, request: Request) -> Response:
        await read_body(request, self.config.max_body_bytes)
        return json_response({"message": "Thanks for helping to improve QMK!"})

    # -- keyboards -----------------------------------------------------------------------------

    async def keyboard_list(self, request: Request) -> Response:
        return json_response(sorted(self.keyboards))

    async def build_status(self, request: Request) -> Response:
        return json_response({name: True for name in sorted(self.keyboards)})

    async def build_log(self, request: Request) -> Response:
        return json_response(metadata.build_log(self.keyboards, self.started_at))

    async def build_summary(self, request: Request) -> Response:
        log = metadata.build_log(self.keyboards, self.started_at)
        summary = {kb: {k: v for k, v in e.items() if k != "message"} for kb, e in log.items()}
        return json_response(summary)

    async def keyboard_build_log(self, request: Request) -> Response:
        log = metadata.build_log(self.keyboards, self.started_at)
        return json_response(log.get(request.path_params["keyboard"]))

    async def no_keymap(self, request: Request) -> Response:
        return error(f"No such keymap: {request.path_params['keymap']}", 404)

    # -- compile -------------------------------------------------------------------------------

    async def compile(self, request: Request) -> Response:
        data = await self._json_body(request)
        refused = refusal(data, self.config.live_deviations)
        if refused is not None:
            return refused
        if "documentation" not in data:
            data["documentation"] = metadata.compile_documentation(data["keyboard"], data["keymap"])
        job = self.jobs.submit(data, client_ip(request), self._base(request))
        return json_response({"enqueued": True, "job_id": job.id})

    async def compile_status(self, request: Request) -> Response:
        job = self.jobs.get(request.path_params["job_id"])
        body = self.jobs.status_body(job) if job is not None else None
        if body is None:
            return self._job_not_found()
        return json_response(body)

    def _stored_result(self, job: Job) -> dict[str, Any] | None:
        outcome = self.jobs.finished_outcome(job)
        if outcome is None or not outcome.has_metadata or outcome.result is None:
            return None
        return outcome.result

    async def compile_download(self, request: Request) -> Response:
        job = self.jobs.get(request.path_params["job_id"])
        if job is None:
            return self._job_not_found()
        result = self._stored_result(job)
        if result is None:
            # A job without stored metadata (not finished yet, or an unknown keyboard): the
            # handler reads a storage key that is not there and crashes, on the live service too.
            return html_error(500)
        kind = request.url.path.rsplit("/", 1)[-1]
        if DOWNLOAD_FIELDS[kind] not in result:
            return html_error(500)  # `'%(source_archive)s' % result` raises KeyError upstream
        name = str(result[DOWNLOAD_FIELDS[kind]])
        return _redirect(self._base(request) + self.signer.sign(job.id, name, self.clock()))

    async def files(self, request: Request) -> Response:
        job_id, name = request.path_params["job_id"], request.path_params["name"]
        key = f"{job_id}/{name}"
        problem = self.signer.check(
            job_id,
            name,
            request.query_params.get("expires", ""),
            request.query_params.get("signature", ""),
            self.clock(),
        )
        if problem is not None:
            return Response(
                s3_error_xml("AccessDenied", problem, key), 403, media_type="application/xml"
            )
        job = self.jobs.get(job_id)
        outcome = self.jobs.finished_outcome(job) if job is not None else None
        artifact = outcome.artifacts.get(name) if outcome is not None else None
        if artifact is None:
            xml = s3_error_xml("NoSuchKey", "The specified key does not exist.", key)
            return Response(xml, 404, media_type="application/xml")
        headers = {"Content-Disposition": attachment(name)}
        return Response(artifact.content, 200, headers=headers, media_type=artifact.content_type)

    # -- keyboards.qmk.fm mirror ---------------------------------------------------------------

    def _stamped(self, **body: Any) -> Response:
        """A metadata document: `body` after the mirror's `last_updated`."""
        return json_response({"last_updated": metadata.last_updated(self.started_at), **body})

    async def meta_keyboard_list(self, request: Request) -> Response:
        return self._stamped(keyboards=sorted(self.keyboards))

    async def meta_keyboards(self, request: Request) -> Response:
        boards = {name: self.keyboards[name] for name in sorted(self.keyboards)}
        return self._stamped(keyboards=boards)

    async def meta_info(self, request: Request) -> Response:
        name = request.path_params["keyboard"]
        if name not in self.keyboards:
            return html_error(404)
        return self._stamped(keyboards={name: self.keyboards[name]})

    async def meta_readme(self, request: Request) -> Response:
        name = request.path_params["keyboard"]
        if name not in self.keyboards:
            return html_error(404)
        title = self.keyboards[name].get("keyboard_name", name)
        text = f"# {title}\n\nFixture keyboard `{name}` of the kbapi QMK mock.\n"
        return Response(text, media_type="text/markdown")

    async def meta_usb(self, request: Request) -> Response:
        return self._stamped(usb=metadata.usb_table(self.keyboards))

    # -- routing -------------------------------------------------------------------------------

    def routes(self) -> list[Route]:
        """The route table; static segments come before `{keyboard:werkzeug_path}` captures."""
        get, post = ["GET"], ["POST"]
        kb = "/v1/keyboards/{keyboard:werkzeug_path}"
        meta_kb = "/metadata/v1/keyboards/{keyboard:path}"
        meta = "/metadata/v1/keyboards/{keyboard}"
        table: list[tuple[str, Endpoint, list[str]]] = [
            ("/", self.root, get),
            ("/install.sh", self.install, get),
            ("/v1", self.v1, get),
            ("/v1/healthcheck", self.healthcheck, get),
            ("/v1/converters", _answer({"children": ["kle"]}), get),
            ("/v1/converters/kle", self.convert_kle, post),
            ("/v1/converters/kle2qmk", self.convert_kle, post),
            ("/v1/metrics/keyboards", _answer({"keyboards": {}}), get),
            ("/v1/metrics/keyboards/days/{days:int}", _answer({"keyboards": {}}), get),
            ("/v1/metrics/locations", _answer({"locations": {}}), get),
            ("/v1/metrics/locations/days/{days:int}", _answer({"locations": {}}), get),
            ("/v1/telemetry", self.telemetry, post),
            ("/v1/keyboards", self.keyboard_list, get),
            ("/v1/keyboards/all", self._moved("/metadata/v1/keyboards.json"), get),
            ("/v1/keyboards/build_status", self.build_status, get),
            ("/v1/keyboards/build_log", self.build_log, get),
            ("/v1/keyboards/build_summary", self.build_summary, get),
            ("/v1/keyboards/error_log", _answer([]), get),
            (kb + "/keymaps/{keymap}/readme", self.no_keymap, get),
            (kb + "/keymaps/{keymap}", self.no_keymap, get),
            (kb + "/readme", self._moved(meta + "/readme.md"), get),
            (kb + "/build_log", self.keyboard_build_log, get),
            (kb, self._moved(meta + "/info.json"), get),
            ("/v1/usb", self._moved("/metadata/v1/usb.json"), get),
            ("/v1/skeletons", _answer({"children": ["keymap"]}), get),
            ("/v1/skeletons/keymap", _answer(metadata.keymap_skeleton()), get),
            ("/v1/compile", self.compile, post),
            ("/v1/compile/{job_id}", self.compile_status, get),
            *[
                (f"/v1/compile/{{job_id}}/{kind}", self.compile_download, get)
                for kind in DOWNLOAD_FIELDS
            ],
            ("/files/{job_id}/{name:path}", self.files, get),
            ("/metadata/v1/keyboard_list.json", self.meta_keyboard_list, get),
            ("/metadata/v1/keyboards.json", self.meta_keyboards, get),
            (meta_kb + "/info.json", self.meta_info, get),
            (meta_kb + "/readme.md", self.meta_readme, get),
            ("/metadata/v1/usb.json", self.meta_usb, get),
        ]
        return [Route(path, endpoint, methods=methods) for path, endpoint, methods in table]


def create_qmk_app(
    config: QMKMockConfig | None = None, *, clock: Callable[[], float] = time.time
) -> CORSEverywhere:
    """Build the QMK mock ASGI app (state in memory; `clock` drives the job lifecycle).

    `app.state.mock` is the `QMKMock` (`.reset()` forgets every job)."""
    mock = QMKMock(config or QMKMockConfig(), clock)
    app = Starlette(
        routes=mock.routes(),
        exception_handlers=ERROR_HANDLERS,
    )
    app.router.redirect_slashes = False
    app.state.mock = mock
    return CORSEverywhere(app)
