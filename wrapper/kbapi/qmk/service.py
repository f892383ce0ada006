"""What the QMK service says about itself: its status and queue, and its test builds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from kbapi._core.conform import Rules, at_least
from kbapi._generated.qmk_api.models.api_root import ApiRoot

if TYPE_CHECKING:
    from kbapi._generated.qmk_api.models import BuildLog, BuildLogEntry, BuildStatus

# What a QMK answer must hold beyond its annotated types (kbapi._core.conform): the spec's minimum.
RULES: Final[Rules] = {ApiRoot: {"queue_length": at_least(0)}}


@dataclass(frozen=True)
class ApiStatus:
    """`GET /v1`: service status (`running`, `degraded`, `starting`), queue length, version."""

    status: str
    queue_length: int
    version: str

    @classmethod
    def from_model(cls, root: ApiRoot) -> ApiStatus:
        """Read the generated model as `api_status` parsed it: held to its annotated types
        (`kbapi._core.conform`), so `queue_length` is an int and `version` a string."""
        return cls(status=root.status, queue_length=root.queue_length, version=root.version.strip())


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
        from kbapi._generated.qmk_api.types import Unset

        return cls(
            works=entry.works,
            last_tested=entry.last_tested,
            warnings=None if isinstance(entry.warnings, Unset) else entry.warnings,
            message=None if isinstance(entry.message, Unset) else entry.message,
        )


def build_status(parsed: BuildStatus | None) -> dict[str, bool]:
    """`build_status` as a dict; the service sends `null` until its tests ran."""
    return dict(parsed.additional_properties) if parsed is not None else {}


def build_log(parsed: BuildLog | None) -> dict[str, BuildResult]:
    """`build_log` as a dict of `BuildResult`; `null` gives an empty dict."""
    if parsed is None:
        return {}
    return {
        name: BuildResult.from_model(entry) for name, entry in parsed.additional_properties.items()
    }


def keyboard_build(parsed: BuildLogEntry | None) -> BuildResult | None:
    """One keyboard's build log entry, or None if it was not tested recently."""
    return BuildResult.from_model(parsed) if parsed is not None else None
