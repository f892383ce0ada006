# Generated from wrapper/kbapi/_core/async_ops.py by tools/unasync.py: do not edit.
# Change the async source and run `make generate`.
"""Run one generated operation inside kbapi's error tree and return what it answered.

    job = parsed(get_compile_job.sync_detailed, job_id, client=api, expect=CompileJob)

`parsed` runs one generated ``*_detailed`` operation inside `translate_errors()`, checks the
status and the parsed type, and returns the parsed model; `call` returns the whole generated
``Response``, for operations whose body is not a model (redirects, text). `read_json` is the
lean path of the hottest calls (a job poll, a signal create): the request goes straight to
kbapi's httpx client and the JSON body to a reader, with the same errors as `parsed`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import httpx

from kbapi._core.calls import check_response, translate_errors
from kbapi._core.conform import NO_RULES, Rules
from kbapi._core.errors import status_error

if TYPE_CHECKING:
    from kbapi._core.calls import ResponseLike

R = TypeVar("R", bound="ResponseLike")
T = TypeVar("T")


def call(
    operation: Callable[..., R],
    *args: Any,
    ok: tuple[int, ...] = (200,),
    **kwargs: Any,
) -> R:
    """Run a generated ``sync_detailed`` operation; raise kbapi errors on a status not ok."""
    with translate_errors(ok) as record:
        response = operation(*args, **kwargs)
    return check_response(response, ok, record=record)


def parsed(
    operation: Callable[..., Any],
    *args: Any,
    expect: type[T],
    ok: tuple[int, ...] = (200,),
    rules: Rules = NO_RULES,
    **kwargs: Any,
) -> T:
    """Run a generated ``sync_detailed`` operation and return its parsed body as `expect`.

    A body the generated client parsed into something else (an error model, None, a raw dict
    from a lenient union), or whose values are not of the annotated types or break `rules`
    (`kbapi._core.conform`), raises `APIResponseValidationError`.
    """
    with translate_errors(ok) as record:
        response = operation(*args, **kwargs)
    checked = check_response(response, ok, expect=expect, rules=rules, record=record)
    return cast(T, checked.parsed)


def parsed_or_null(
    operation: Callable[..., Any],
    *args: Any,
    expect: type[T],
    ok: tuple[int, ...] = (200,),
    rules: Rules = NO_RULES,
    **kwargs: Any,
) -> T | None:
    """`parsed` for a body documented as `expect` or JSON ``null`` (None)."""
    with translate_errors(ok) as record:
        response = operation(*args, **kwargs)
    nullable = (expect, type(None))
    checked = check_response(response, ok, expect=nullable, rules=rules, record=record)
    return cast(T | None, checked.parsed)


def read_json(
    http: httpx.Client,
    method: str,
    url: str,
    read: Callable[[Any], T],
    *,
    ok: tuple[int, ...] = (200,),
    **kwargs: Any,
) -> T:
    """Send one request through `http` and return ``read(body)`` of its JSON body.

    Errors are those of `parsed`: transport failures and a body `read` refuses (`KeyError`,
    `TypeError`, `ValueError`, ...) raise inside `translate_errors`, a status not in `ok` raises
    its `APIStatusError`. For operations whose generated parse costs more than the request
    itself; `read` must refuse what the generated parser refuses (each has a test saying so).
    """
    with translate_errors(ok) as record:
        response = http.request(method, url, **kwargs)
        if response.status_code in ok:
            return read(response.json())
    raise status_error(
        response.status_code,
        response.headers,
        response.content,
        request_method=record.method,
        request_url=record.url,
    )
