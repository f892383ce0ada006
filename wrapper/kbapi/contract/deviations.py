"""The documented deviations of the live services, as data, and the matcher that recognises them.

Each row names where a live server is known to break our spec (qmk-api.md §10,
daskeyboard-q-api.md §5 and §6.3). A failure that matches a row is reported as a
"known deviation" instead of failing the run (unless `--no-known-deviations`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Failure kinds, named after schemathesis' failure classes plus our own transport errors.
SERVER_ERROR = "ServerError"
UNDOCUMENTED_STATUS = "UndefinedStatusCode"
UNDOCUMENTED_CONTENT_TYPE = "UndefinedContentType"
SCHEMA_VIOLATION = "JsonSchemaError"
BAD_JSON = "MalformedJson"
ACCEPTED_NEGATIVE = "AcceptedNegativeData"
_READS = ("GET", "HEAD")


@dataclass(frozen=True)
class Deviation:
    """One documented deviation: which failures it explains and where it is written down.

    `path` is a regex on the spec's path template (e.g. ``/v1/compile/{job_id}``); empty tuples
    mean "any". `message` is a regex searched in the failure message.
    """

    id: str
    api: str
    summary: str
    reference: str
    methods: tuple[str, ...]
    path: str
    statuses: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()
    message: str | None = None

    def matches(
        self, *, api: str, method: str, path: str, status: int | None, kind: str, message: str
    ) -> bool:
        """True if a failure with these properties is explained by this deviation."""
        if api != self.api or (self.methods and method.upper() not in self.methods):
            return False
        if not re.fullmatch(self.path, path):
            return False
        if self.statuses and status not in self.statuses:
            return False
        if self.kinds and kind not in self.kinds:
            return False
        return self.message is None or re.search(self.message, message) is not None


def _html_500(
    *, id: str, summary: str, reference: str, path: str, methods: tuple[str, ...] = _READS
) -> Deviation:
    """A QMK route that crashes into Flask's HTML 500 page: any kind of failure a broken
    answer gives (server error, undocumented status or content type, not JSON)."""
    kinds = (SERVER_ERROR, UNDOCUMENTED_STATUS, UNDOCUMENTED_CONTENT_TYPE, BAD_JSON)
    return Deviation(id, "qmk", summary, reference, methods, path, (500,), kinds)


def _status_shape(*, id: str, summary: str, reference: str, message: str) -> Deviation:
    """A job status (``GET /v1/compile/{job_id}``, 200) whose body breaks the schema where
    `message` says."""
    path = r"/v1/compile/\{[^/]+\}"
    return Deviation(
        id, "qmk", summary, reference, _READS, path, (200,), (SCHEMA_VIOLATION,), message
    )


# DESIGN: a table of records, one per documented deviation, so its rows share their shape (the
# `duplicates` tool lists them); what rows have in common is stated once in _html_500 and
# _status_shape.
KNOWN_DEVIATIONS: tuple[Deviation, ...] = (
    _html_500(
        id="qmk-download-before-result-500",
        summary="a download route answers an HTML 500 until the job stored its result",
        reference="qmk-api.md §4.3, §10.2",
        path=r"/v1/compile/\{[^/]+\}/(download|hex|keymap|source)",
    ),
    _html_500(
        id="qmk-keyboards-upstream-500",
        summary="GET /v1/keyboards answers an HTML 500 when keyboards.qmk.fm is unreachable",
        reference="qmk-api.md §7",
        path=r"/v1/keyboards",
    ),
    _html_500(
        id="qmk-empty-build-store-500",
        summary="build_summary and /{keyboard}/build_log answer an HTML 500 on an empty store",
        reference="qmk-api.md §7",
        path=r"/v1/keyboards/(build_summary|\{[^/]+\}/build_log)",
    ),
    _html_500(
        id="qmk-unknown-job-html-500",
        summary="unknown or expired job id answers an HTML 500, not the JSON 404",
        reference="qmk-api.md §10.1-2",
        path=r"/v1/compile/\{[^/]+\}(/[a-z]+)?",
    ),
    _html_500(
        id="qmk-compile-missing-keys-500",
        summary="POST /v1/compile with missing or mistyped keys answers an HTML 500, not a 400",
        reference="qmk-api.md §10.4",
        path=r"/v1/compile",
        methods=("POST",),
    ),
    Deviation(
        id="qmk-keyboard-redirect-broken",
        api="qmk",
        summary="GET /v1/keyboards/{kb} (and /readme) redirects to a literal '<keyboard>' URL",
        reference="qmk-api.md §10.3",
        methods=_READS,
        path=r"/v1/keyboards/\{[^/]+\}(/readme)?",
        statuses=(302, 404),
    ),
    _status_shape(
        id="qmk-status-expired-shape",
        summary="after ~500 s a job status has the S3 metadata shape (no `status`, other dates)",
        reference="qmk-api.md §10.6",
        message=r"[\"']status[\"'] is a required property|UTC",
    ),
    _status_shape(
        id="qmk-is-failed-null",
        summary="`is_failed` is null (not false) while a job is queued, running or unknown",
        reference="qmk-api.md §10.5",
        message=r"/is_failed\b",
    ),
    _html_500(
        id="qmk-sorted-keys-kle-500",
        summary="keys may come back sorted (unpinned Flask) and KLE parse errors answer 500",
        reference="qmk-api.md §10.8",
        path=r"/v1/converters/kle(2qmk)?",
        methods=("POST",),
    ),
    Deviation(
        id="q-unknown-zone-200",
        api="q",
        summary="a signal for an unknown zone is accepted with 200 (nothing lights up)",
        reference="daskeyboard-q-api.md §5",
        methods=("POST", "PUT"),
        path=r"/api/[0-9.]+/signals.*",
        statuses=(200,),
        kinds=(ACCEPTED_NEGATIVE, UNDOCUMENTED_STATUS),
    ),
    Deviation(
        id="q-cloud-keycode-rewrite",
        api="q",
        summary="the cloud rewrites KEY_ zone ids to linear ids and writes a NOTICE in clientName",
        reference="daskeyboard-q-api.md §6.3",
        methods=(),
        path=r"/api/1\.0/signals.*",
        kinds=(SCHEMA_VIOLATION,),
        message=r"zoneId|clientName",
    ),
)


def find_deviation(
    *,
    api: str,
    method: str,
    path: str,
    status: int | None,
    kind: str,
    message: str,
    table: tuple[Deviation, ...] = KNOWN_DEVIATIONS,
) -> Deviation | None:
    """The first deviation of `table` that explains this failure, or None."""
    for row in table:
        if row.matches(
            api=api, method=method, path=path, status=status, kind=kind, message=message
        ):
            return row
    return None
