"""Run one generated operation inside kbapi's error tree and return what it answered.

    job = await aparsed(get_compile_job.asyncio_detailed, job_id, client=api, expect=CompileJob)

`aparsed` runs one generated ``*_detailed`` operation inside `translate_errors()`, checks the
status and the parsed type, and returns the parsed model; `acall` returns the whole generated
``Response``, for operations whose body is not a model (redirects, text).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast

from kbapi._core.calls import ResponseLike, check_response, translate_errors

R = TypeVar("R", bound=ResponseLike)
T = TypeVar("T")


async def acall(
    operation: Callable[..., Awaitable[R]],
    *args: Any,
    ok: tuple[int, ...] = (200,),
    **kwargs: Any,
) -> R:
    """Run a generated ``asyncio_detailed`` operation; raise kbapi errors on a status not ok."""
    with translate_errors(ok) as record:
        response = await operation(*args, **kwargs)
    return check_response(response, ok, record=record)


async def aparsed(
    operation: Callable[..., Awaitable[Any]],
    *args: Any,
    expect: type[T],
    ok: tuple[int, ...] = (200,),
    **kwargs: Any,
) -> T:
    """Run a generated ``asyncio_detailed`` operation and return its parsed body as `expect`.

    A body the generated client parsed into something else (an error model, None, a raw dict
    from a lenient union) raises `APIResponseValidationError`.
    """
    with translate_errors(ok) as record:
        response = await operation(*args, **kwargs)
    return cast(T, check_response(response, ok, expect=expect, record=record).parsed)
