"""Configuration of the QMK mock."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# The gist id of spec/qmk.yaml's KLE request example, served by default.
EXAMPLE_GISTS: Mapping[str, str] = {"4f2a1e4b9c8d7e6f5a4b": '[["Esc","Q",{w:1.5},"Tab"]]'}


@dataclass(frozen=True)
class QMKMockConfig:
    """Behaviour knobs of the QMK mock.

    `queue_seconds` / `run_seconds`: minimum time a job stays queued, then running (both 0 = jobs
    finish instantly, for tests). `workers`: jobs running at the same time (FIFO queue).
    `url_ttl`: lifetime of signed download URLs. `result_ttl`: after a job finished, how long its
    status keeps the RQ shape before switching to the stored S3-metadata shape (no `status` key).
    `live_deviations`: reproduce the live service's HTML 500 for unknown job ids and early downloads
    instead of the documented JSON 404. `public_base_url`: fixed base URL for redirects and result
    URLs; `None` = taken from each request's Host header. `keyboards`: fixture keyboards
    (`{name: info.json object}`); `None` = the packaged `kbapi/_data/qmk_keyboards.json`.
    `kle_gists`: the gists `POST /v1/converters/kle` can fetch by `id` (`{gist id: file
    content}`, the content being KLE JSON with its outer brackets); other ids fail like a gist
    GitHub does not have. `max_body_bytes`: request body cap (larger -> 413). `max_jobs`: jobs
    kept in memory; the oldest are forgotten beyond it (their ids then 404, like expired jobs
    upstream).
    """

    queue_seconds: float = 2.0
    run_seconds: float = 5.0
    workers: int = 1
    url_ttl: float = 7200.0
    result_ttl: float = 500.0
    live_deviations: bool = False
    public_base_url: str | None = None
    max_body_bytes: int = 1024 * 1024
    max_jobs: int = 1000
    keyboards: Mapping[str, Mapping[str, Any]] | None = None
    kle_gists: Mapping[str, str] = field(default_factory=lambda: dict(EXAMPLE_GISTS))

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        if self.queue_seconds < 0 or self.run_seconds < 0:
            raise ValueError("queue_seconds and run_seconds must not be negative")
