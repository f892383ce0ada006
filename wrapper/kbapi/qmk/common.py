"""What the sync and async QMK clients share: defaults, input coercion, response reading."""

from __future__ import annotations

import dataclasses
import json
import os
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

import httpx

from kbapi._core.client import TransportOptions
from kbapi._core.errors import (
    APIResponseValidationError,
    InputError,
    UnknownLayoutError,
    raise_for_status,
    request_target,
)
from kbapi._generated.qmk_api.models import ApiRoot, BuildLog, BuildLogEntry, BuildStatus
from kbapi._generated.qmk_api.models import Keymap as RawKeymap
from kbapi._generated.qmk_api.types import Unset
from kbapi.qmk.downloads import NAME_FIELDS, Artifact
from kbapi.qmk.errors import UnknownKeyboardError
from kbapi.qmk.history import BuildHistory
from kbapi.qmk.jobs import WorkerResult
from kbapi.qmk.keyboard_info import KeyboardInfo, KeyboardInfoError
from kbapi.qmk.keymap import KEYBOARD_PATTERN, Keymap, KeymapError, KeymapProblem
from kbapi.qmk.polling import USE_POLICY, Poller, PollPolicy

DEFAULT_BASE_URL: Final = "https://api.qmk.fm"
DEFAULT_METADATA_URL: Final = "https://keyboards.qmk.fm"
# `GET /v1/keyboards/all` redirects here, below the metadata server's base URL.
ALL_KEYBOARDS_SUFFIX: Final = "/v1/keyboards.json"

KeymapLike = Keymap | Mapping[str, Any] | str | os.PathLike[str]
# Default of `build_history=`: the file at `kbapi.qmk.history.default_path()`.
DEFAULT_HISTORY: Final[Any] = object()


def history_from(setting: BuildHistory | Any | None) -> BuildHistory | None:
    """The `build_history=` argument as a `BuildHistory` (or None: remember nothing)."""
    return BuildHistory.default() if setting is DEFAULT_HISTORY else setting


@dataclass
class WaitPlan:
    """One `watch()`: its `Poller`, and where to report what it measured."""

    poller: Poller
    history: BuildHistory | None
    service: str
    keyboard: str | None

    def done(self) -> None:
        """Remember how long the build took (for the next wait on this keyboard)."""
        if self.history is not None:
            self.history.record(self.service, self.keyboard, self.poller.measured())


def wait_plan(
    job_id: str,
    keyboard: str | None,
    submitted: float | None,
    *,
    policy: PollPolicy,
    timeout: float | Any | None,
    now: float,
    history: BuildHistory | None,
    service: str,
) -> WaitPlan:
    """The poller for one wait; history is used only for jobs this client submitted (their
    submission time is known), and recorded only for them."""
    limit = policy.timeout if timeout is USE_POLICY else timeout
    known = history if submitted is not None else None
    forecast = known.forecast(service, keyboard) if known is not None else None
    start = submitted if submitted is not None else now
    poller = Poller(job_id, policy, start, limit, random.random, forecast)
    return WaitPlan(poller, known, service, keyboard)


def api_root(url: str) -> str:
    """`url` without trailing ``/`` or ``/v1``: routes carry ``/v1`` themselves, so a base URL
    copied with it (``http://127.0.0.1:5001/v1``) would otherwise give ``/v1/v1/...`` 404s."""
    root = url.strip().rstrip("/")
    return root[: -len("/v1")] if root.lower().endswith("/v1") else root


def as_keymap(keymap: KeymapLike) -> Keymap:
    """A `Keymap` from a `Keymap`, a parsed JSON object, or the path of a JSON file."""
    if isinstance(keymap, Keymap):
        return keymap
    if isinstance(keymap, Mapping):
        return Keymap.from_dict(keymap)
    if isinstance(keymap, (str, os.PathLike)):
        return Keymap.load(os.fspath(keymap))
    raise InputError(f"expected a Keymap, a dict or a file path, got {type(keymap).__name__}")


def compile_body(keymap: Keymap) -> RawKeymap:
    """The generated request model for `POST /v1/compile` (unknown fields kept)."""
    if keymap.keymap is None:
        message = "missing field 'keymap': the compile API needs a keymap name"
        raise KeymapError([KeymapProblem(message, kind="missing", field="keymap")])
    return RawKeymap.from_dict(keymap.to_dict())


def metadata_base(location: str | None) -> str:
    """The metadata server's base URL from the `/v1/keyboards/all` redirect target."""
    if location and location.endswith(ALL_KEYBOARDS_SUFFIX):
        return location[: -len(ALL_KEYBOARDS_SUFFIX)]
    return DEFAULT_METADATA_URL


def info_path(keyboard: str) -> str:
    """The metadata path of a keyboard's info.json (slashes in the name stay slashes)."""
    if not isinstance(keyboard, str) or not KEYBOARD_PATTERN.match(keyboard):
        raise InputError(f"not a QMK keyboard name: {keyboard!r} (expected e.g. planck/rev6)")
    return f"/v1/keyboards/{keyboard}/info.json"


def read_info(response: httpx.Response, keyboard: str) -> KeyboardInfo:
    """Parse an info.json response; a 404 means the metadata server has no such keyboard."""
    if response.status_code == 404:
        raise UnknownKeyboardError(keyboard, hint="the metadata server has no info.json for it")
    raise_for_status(response)
    method, url = request_target(response)
    try:
        payload = json.loads(response.content)
        return KeyboardInfo.from_api(payload, keyboard)
    except (KeyboardInfoError, UnknownLayoutError) as exc:
        # The server's document, not the caller's input: an API error, not an InputError.
        message = "info.json does not have the documented shape"
        error: BaseException = exc
    except (ValueError, RecursionError) as exc:
        message, error = "info.json is not JSON", exc
    raise APIResponseValidationError(
        message,
        status_code=response.status_code,
        body_text=response.content[:4096].decode("utf-8", errors="replace"),
        error=error,
        request_method=method,
        request_url=url,
    ) from error


def search(names: Iterable[str], text: str) -> list[str]:
    """Names containing every word of `text` (case-insensitive), in their original order."""
    words = text.lower().split()
    return [name for name in names if all(word in name.lower() for word in words)]


@dataclass(frozen=True)
class ApiStatus:
    """`GET /v1`: service status (`running`, `degraded`, `starting`), queue length, version."""

    status: str
    queue_length: int
    version: str

    @classmethod
    def from_model(cls, root: ApiRoot) -> ApiStatus:
        """Read the generated model (which does not check primitive types: this does)."""
        status, version = root.status, root.version
        queue: object = root.queue_length
        if isinstance(queue, float) and queue.is_integer():
            queue = int(queue)  # 3.0 is an integer to JSON Schema
        if not (
            isinstance(status, str)
            and isinstance(version, str)
            and isinstance(queue, int)
            and not isinstance(queue, bool)
        ):
            kinds = ", ".join(type(v).__name__ for v in (status, version, queue))
            raise APIResponseValidationError(
                f"GET /v1: expected string status and version and integer queue_length, got {kinds}"
            )
        return cls(status=status, queue_length=queue, version=version.strip())


@dataclass(frozen=True)
class BuildResult:
    """The service's last test build of a keyboard (`build_log` entries)."""

    works: bool
    last_tested: int
    warnings: bool | None = None
    message: str | None = None

    @classmethod
    def from_model(cls, entry: BuildLogEntry) -> BuildResult:
        """Read the generated model."""
        return cls(
            works=entry.works,
            last_tested=entry.last_tested,
            warnings=None if isinstance(entry.warnings, Unset) else entry.warnings,
            message=None if isinstance(entry.message, Unset) else entry.message,
        )


def build_status(parsed: object) -> dict[str, bool]:
    """`build_status` as a dict; the service sends `null` until its tests ran."""
    if isinstance(parsed, BuildStatus):
        return dict(parsed.additional_properties)
    return {}


def build_log(parsed: object) -> dict[str, BuildResult]:
    """`build_log` as a dict of `BuildResult`; `null` gives an empty dict."""
    if isinstance(parsed, BuildLog):
        return {
            name: BuildResult.from_model(entry)
            for name, entry in parsed.additional_properties.items()
        }
    return {}


def keyboard_build(parsed: object) -> BuildResult | None:
    """One keyboard's build log entry, or None if it was not tested recently."""
    return BuildResult.from_model(parsed) if isinstance(parsed, BuildLogEntry) else None


def bare_options(options: TransportOptions) -> TransportOptions:
    """`options` without headers or pacing: for storage hosts, which must not see our headers."""
    return dataclasses.replace(options, headers={}, rate_limiter=None)


def probe_options(options: TransportOptions) -> TransportOptions:
    """`options` with at most one retry, for polls of a job this client never saw alive.

    The live service answers an unknown or expired id with a 500, which the transport would
    retry like any 5xx: one retry tells a blip from "not found" in at most two requests.
    """
    retries = options.retries
    if retries is None or retries.max_retries <= 1:
        return options
    return dataclasses.replace(options, retries=dataclasses.replace(retries, max_retries=1))


def artifact_name(worker: WorkerResult, artifact: Artifact) -> str | None:
    """The file name a job's worker result announces for `artifact`, if any."""
    name: str = getattr(worker, NAME_FIELDS[artifact])
    return name or None
