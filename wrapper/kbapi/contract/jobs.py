"""`kbapi contract qmk --allow-writes`: follow one real compile job into the job routes.

Generated job ids are unknown to any server, so the generated cases only ever see the "no such
job" answers. With writes allowed, the run also submits the spec's first compile example, polls
that job until it is done (bounded by the run's request and time caps) and checks the status and
every download route with its real id, through the same checks as every other case.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from kbapi.contract.results import OperationResult

if TYPE_CHECKING:
    from kbapi.contract.runner import _Runner

SUBMIT: Final = "submitCompile"
STATUS: Final = "getCompileJob"
DOWNLOADS: Final = ("downloadFirmware", "downloadFirmwareHex", "downloadKeymap", "downloadSource")
PENDING: Final = frozenset({"queued", "running"})
POLL_SECONDS: Final = 1.0
MAX_POLLS: Final = 120


def _by_id(operations: list[Any]) -> dict[str, Any]:
    return {op.definition.raw.get("operationId"): op for op in operations}


def _result(runner: _Runner, operation: Any) -> OperationResult:
    """The report's row for `operation` (a new one if the operation was not run before)."""
    for row in runner.report.operations:
        if row.operation == operation.label:
            return row
    row = OperationResult.of(operation)
    runner.report.operations.append(row)
    return row


def example_body(operation: Any) -> Any:
    """The first request example of `operation` in the spec."""
    media = operation.definition.raw["requestBody"]["content"]["application/json"]
    examples = media.get("examples") or {}
    for example in examples.values():
        if "value" in example:
            return example["value"]
    return media["example"]


def _text(response: Any, key: str) -> str | None:
    """The non-empty string `key` of a 200 JSON object answer, else None."""
    if response is None or response.status_code != 200:
        return None
    try:
        value = response.json().get(key)
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) and value else None


def follow_compile_job(
    runner: _Runner, operations: list[Any], sleep: Callable[[float], None] = time.sleep
) -> str | None:
    """Submit, poll and download one job as described above; return its id (None if none)."""
    ops = _by_id(operations)
    if SUBMIT not in ops or STATUS not in ops:
        return None
    submit = ops[SUBMIT]
    case = submit.Case(body=example_body(submit), media_type="application/json")
    job_id = _text(runner._exercise(case, _result(runner, submit)), "job_id")
    if job_id is None:
        _result(runner, submit).note = "the compile example was not enqueued: no job to follow"
        return None
    status_op = ops[STATUS]
    for _ in range(MAX_POLLS):
        status_case = status_op.Case(path_parameters={"job_id": job_id})
        answer = runner._exercise(status_case, _result(runner, status_op))
        if _text(answer, "status") not in PENDING:
            break
        sleep(POLL_SECONDS)
    for name in DOWNLOADS:
        if name in ops:
            download = ops[name]
            download_case = download.Case(path_parameters={"job_id": job_id})
            runner._exercise(download_case, _result(runner, download))
    _result(runner, status_op).note = f"followed the real job {job_id}"
    return job_id
