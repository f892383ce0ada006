"""A job poll's body held to the spec's types (spec/qmk.yaml `CompileJob`), without its model.

`JobStatus.from_body` reads a poll without building the generated model (the hot path of
`wait()`), in one pass over `JOB_FIELDS` and the result's model fields (`kbapi._core.readers`).
A body in doubt goes to `checked_result`, which holds it to the types the generated model
annotates, as `kbapi._core.conform` does for every other answer, so that a poll refuses what any
other answer would: a value of another type raises `ShapeError` naming the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Final

from kbapi._core.conform import Field, ShapeError, conform_object

_NULL = type(None)
# The top-level fields and the classes their values may have (bool is never an int here).
_FIELDS: Final = (  # in the model's order: the first wrong one is named, as conform names it
    ("id", (str,), "str"),
    ("created_at", (str,), "str"),
    ("enqueued_at", (str, _NULL), "str | null"),
    ("is_failed", (bool, _NULL), "bool | null"),
    ("status", (str,), "str"),
    ("is_finished", (bool,), "bool"),
    ("is_queued", (bool,), "bool"),
    ("is_started", (bool,), "bool"),
)
_RESULT: Final = "expected CompileResult | null"
_REQUIRED: Final = ("id", "created_at", "enqueued_at", "is_failed")
# The same for `kbapi._core.readers`, the result as an object (read with its model's fields).
JOB_FIELDS: Final = (
    *(
        Field(key, key in _REQUIRED, frozenset(kinds), frozenset(), False)
        for key, kinds, _ in _FIELDS
    ),
    Field("result", True, frozenset((dict, _NULL)), frozenset(), False),
)


def checked_result(job: Mapping[str, Any]) -> dict[str, Any] | None:
    """Check `job`'s fields; return its `result` as the spec types it (None while pending).

    A result that is an integral float where an integer is due comes back as an int.
    """
    for key, kinds, name in _FIELDS:
        if key in job and type(job[key]) not in kinds:
            raise ShapeError(key, f"expected {name}, got {_kind(job[key])}")
    result = job["result"]
    if result is None:
        return None
    if type(result) is not dict:
        raise ShapeError("result", f"{_RESULT}, got {_kind(result)}")
    try:  # checked as its model would be, without building it
        return conform_object(result_model(), result, "result")
    except KeyError:
        raise ShapeError("result", f"{_RESULT}, got an object without its fields") from None


@cache
def result_model() -> type:
    """The generated `CompileResult`, imported on first use (a poll's import cost a tenth of
    reading its body)."""
    from kbapi._generated.qmk_api.models.compile_result import CompileResult

    return CompileResult


def _kind(value: object) -> str:
    return "null" if value is None else type(value).__name__
