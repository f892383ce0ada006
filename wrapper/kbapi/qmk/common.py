"""What the sync and async QMK clients share: defaults, input coercion, response reading."""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import random
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeAlias
from urllib.parse import quote

import httpx

from kbapi._core.errors import (
    APIResponseValidationError,
    InputError,
    UnknownLayoutError,
    raise_for_status,
    request_target,
)
from kbapi.qmk.errors import UnknownKeyboardError
from kbapi.qmk.policy import USE_POLICY

# What only some calls need (the generated models, keymap checks, info.json, downloads) is
# imported by those functions: constructing a client loads none of it.
if TYPE_CHECKING:
    from kbapi._core.client import TransportOptions
    from kbapi._generated.qmk_api.models import Keymap as RawKeymap
    from kbapi.qmk.downloads import Artifact
    from kbapi.qmk.history import BuildHistory
    from kbapi.qmk.jobs import WorkerResult
    from kbapi.qmk.keyboard_info import KeyboardInfo
    from kbapi.qmk.keymap import Keymap
    from kbapi.qmk.policy import PollPolicy
    from kbapi.qmk.polling import Poller

DEFAULT_BASE_URL: Final = "https://api.qmk.fm"
DEFAULT_METADATA_URL: Final = "https://keyboards.qmk.fm"
# `GET /v1/keyboards/all` redirects here, below the metadata server's base URL.
ALL_KEYBOARDS_SUFFIX: Final = "/v1/keyboards.json"

KeymapLike: TypeAlias = "Keymap | Mapping[str, Any] | str | os.PathLike[str]"
# Default of `build_history=`: the file at `kbapi.qmk.history.default_path()`.
DEFAULT_HISTORY: Final[Any] = object()


def history_from(setting: BuildHistory | Any | None) -> BuildHistory | None:
    """The `build_history=` argument as a `BuildHistory` (or None: remember nothing)."""
    if setting is not DEFAULT_HISTORY:
        return setting
    from kbapi.qmk.history import BuildHistory

    return BuildHistory.default()


class WaitPlan:
    """One `watch()`: its `Poller`, and where to report what it measured.

    A plain class: a dataclass costs more to create at import than the rest of this module.
    """

    def __init__(
        self, poller: Poller, history: BuildHistory | None, service: str, keyboard: str | None
    ) -> None:
        self.poller = poller
        self.history = history
        self.service = service
        self.keyboard = keyboard

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
    from kbapi.qmk.polling import Poller

    limit = policy.timeout if timeout is USE_POLICY else timeout
    known = history if submitted is not None else None
    forecast = known.forecast(service, keyboard) if known is not None else None
    start = submitted if submitted is not None else now
    poller = Poller(job_id, policy, start, limit, random.random, forecast)
    return WaitPlan(poller, known, service, keyboard)


@functools.lru_cache(maxsize=256)  # a job is polled many times: quote its id once
def job_path(job_id: str) -> str:
    """The route of `GET /v1/compile/{job_id}`, the id quoted as the generated client does."""
    return "/v1/compile/" + quote(str(job_id), safe="")


def api_root(url: str) -> str:
    """`url` without trailing ``/`` or ``/v1``: routes carry ``/v1`` themselves, so a base URL
    copied with it (``http://127.0.0.1:5001/v1``) would otherwise give ``/v1/v1/...`` 404s."""
    root = url.strip().rstrip("/")
    return root[: -len("/v1")] if root.lower().endswith("/v1") else root


def as_keymap(keymap: KeymapLike) -> Keymap:
    """A `Keymap` from a `Keymap`, a parsed JSON object, or the path of a JSON file."""
    from kbapi.qmk.keymap import Keymap

    if isinstance(keymap, Keymap):
        return keymap
    if isinstance(keymap, Mapping):
        return Keymap.from_dict(keymap)
    if isinstance(keymap, (str, os.PathLike)):
        return Keymap.load(os.fspath(keymap))
    raise InputError(f"expected a Keymap, a dict or a file path, got {type(keymap).__name__}")


def compile_body(keymap: Keymap) -> RawKeymap:
    """The generated request model for `POST /v1/compile` (unknown fields kept)."""
    from kbapi._generated.qmk_api.models import Keymap as RawKeymap
    from kbapi.qmk.keymap import KeymapError, KeymapProblem

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
    from kbapi.qmk.keymap import KEYBOARD_PATTERN

    if not isinstance(keyboard, str) or not KEYBOARD_PATTERN.match(keyboard):
        raise InputError(f"not a QMK keyboard name: {keyboard!r} (expected e.g. planck/rev6)")
    return f"/v1/keyboards/{keyboard}/info.json"


def read_info(response: httpx.Response, keyboard: str) -> KeyboardInfo:
    """Parse an info.json response; a 404 means the metadata server has no such keyboard."""
    from kbapi.qmk.keyboard_info import KeyboardInfo, KeyboardInfoError

    if response.status_code == 404:
        raise UnknownKeyboardError(keyboard, hint="the metadata server has no info.json for it")
    raise_for_status(response)
    method, url = request_target(response)
    try:
        payload = json.loads(response.content)
        return KeyboardInfo.from_document(payload, keyboard)
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
    from kbapi.qmk.downloads import NAME_FIELDS

    name: str = getattr(worker, NAME_FIELDS[artifact])
    return name or None


_MOVED = ("ApiStatus", "BuildResult", "build_status", "build_log", "keyboard_build")


def __getattr__(name: str) -> Any:
    # What moved to kbapi.qmk.service keeps its old address (it loads on first use).
    if name in _MOVED:
        from kbapi.qmk import service

        return getattr(service, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
