"""Run a generated operation and turn whatever goes wrong into the kbapi exception tree.

    with translate_errors():
        response = get_job.sync_detailed(job_id, client=client)
        job = check_response(response, ok=(200,), expect=Job).parsed

The same block works around ``await get_job.asyncio_detailed(...)``.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from http import HTTPStatus
from types import GenericAlias
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

import httpx

from kbapi._core.conform import NO_RULES, Rules, ShapeError, conform, conform_to
from kbapi._core.context import CallRecord, close_record, current_call, recording
from kbapi._core.errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    KbapiError,
    request_target,
    status_error,
)

# What generated parsing raises on a body that breaks the schema; RecursionError is what
# `json.loads` raises on a deeply nested body (a few hundred kB of `[[[[...`).
PARSE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, RecursionError)
_SCHEMA = "response body does not match the documented schema"


if TYPE_CHECKING:  # for type checkers only: a Protocol class costs much to create at import

    class ResponseLike(Protocol):
        """What `check_response` needs: a generated ``Response`` or an ``httpx.Response``."""

        @property
        def status_code(self) -> int | HTTPStatus: ...

        @property
        def content(self) -> bytes: ...

        @property
        def headers(self) -> Mapping[str, str]: ...


R = TypeVar("R", bound="ResponseLike")


class translate_errors(recording):
    """Convert httpx and parse errors raised in the block into kbapi errors.

    `httpx.TimeoutException` -> `APITimeoutError`; other `httpx.TransportError` ->
    `APIConnectionError`; `httpx.TooManyRedirects` -> `APIError` (the connection worked, so no
    retry helps); `httpx.DecodingError` (a body that does not match its Content-Encoding) and
    `KeyError`/`TypeError`/`ValueError`/`AttributeError`/`RecursionError` (what generated
    ``from_dict`` raises on a body that breaks the schema) -> `APIResponseValidationError`.
    With `ok`, a parse error on a response whose status is not in `ok` raises that status's
    `APIStatusError` instead (an HTML error page where the error model was documented is still
    a 404, not a schema violation), as `check_response` would.
    kbapi's own errors (including `InputError`, a ValueError) pass through untouched, so keep
    only the generated call and its parsing inside the block. Gives the `CallRecord` the
    kbapi transports fill (method, URL, final response, retries).
    """

    __slots__ = ("_ok",)

    def __init__(self, ok: tuple[int, ...] | None = None) -> None:
        self._ok = ok

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        close_record(self._token)  # recording.__exit__, without a call of it on every request
        if exc is not None and isinstance(exc, Exception) and not isinstance(exc, KbapiError):
            translated = _translated(exc, self.record, self._ok)
            if translated is not None:
                raise translated from exc


def _translated(exc: Exception, record: CallRecord, ok: tuple[int, ...] | None) -> Exception | None:
    """The kbapi error for an exception raised inside `translate_errors`, or None."""
    if isinstance(exc, httpx.RequestError):
        method, url = _exc_target(exc, record)
        target: dict[str, Any] = {"request_method": method, "request_url": url}
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(f"request timed out ({type(exc).__name__})", **target)
        if isinstance(exc, httpx.TransportError):
            return APIConnectionError(f"connection failed ({type(exc).__name__}: {exc})", **target)
        if isinstance(exc, httpx.DecodingError):
            # Raised while the transport reads the body, before the record has the response.
            message = "response body does not match its Content-Encoding"
            return APIResponseValidationError(message, error=exc, **target)
        return APIError(f"request failed ({type(exc).__name__}: {exc})", **target)
    if isinstance(exc, PARSE_ERRORS):
        response = record.response
        if ok is not None and response is not None and response.status_code not in ok:
            return status_error(
                response.status_code,
                response.headers,
                _content(response),
                request_method=record.method,
                request_url=record.url,
            )
        return _validation_error(exc, record)
    return None


def _exc_target(exc: httpx.RequestError, record: CallRecord) -> tuple[str | None, Any]:
    try:
        request = exc.request
    except RuntimeError:
        return record.method, record.url
    return request.method, request.url


def _validation_error(exc: BaseException, record: CallRecord) -> APIResponseValidationError:
    response = record.response
    status = response.status_code if response is not None else None
    body = _body_text(response) if response is not None else None
    return APIResponseValidationError(
        _SCHEMA,
        status_code=status,
        body_text=body,
        error=exc,
        request_method=record.method,
        request_url=record.url,
    )


def _body_text(response: httpx.Response) -> str | None:
    try:
        content = response.content
    except httpx.ResponseNotRead:
        return None
    return content[:4096].decode("utf-8", errors="replace")


def _content(response: httpx.Response) -> bytes:
    try:
        return response.content
    except httpx.ResponseNotRead:
        return b""


def check_response(
    response: R,
    ok: tuple[int, ...] = (200,),
    *,
    expect: type | tuple[type, ...] | GenericAlias | None = None,
    rules: Rules = NO_RULES,
    record: CallRecord | None = None,
) -> R:
    """Return `response` if its status is in `ok`, else raise the matching `APIStatusError`.

    With `expect` (a class, a tuple of classes or a type such as ``list[Signal]``), also require
    ``response.parsed`` to be of it (a generated client returns None or an error model when the
    body or status was not the documented one), holding the types its annotations promise and
    the `rules` (`kbapi._core.conform`), and raise
    `APIResponseValidationError` otherwise. Request details come from `record` or the enclosing
    `translate_errors()` block, if any.
    """
    record = record or current_call()
    method = record.method if record else None
    url = record.url if record else None
    if isinstance(response, httpx.Response):
        method, url = request_target(response)
    status = int(response.status_code)
    if status not in ok:
        raise status_error(
            status, response.headers, response.content, request_method=method, request_url=url
        )
    if expect is None:
        return response
    parsed = getattr(response, "parsed", None)
    error: ShapeError | None = None
    generic = typing.get_origin(expect) is not None  # list[Signal], list[str]
    if not generic and not isinstance(parsed, cast(type | tuple[type, ...], expect)):
        problem = f"expected {_names(expect)}, got {type(parsed).__name__}"
    elif typing.get_origin(expect) is list and response.content.lstrip()[:1] != b"[":
        # A generated list parser iterates what it got: an empty object reads as [].
        problem, error = _SCHEMA, ShapeError("", "expected a list, got an object")
    else:
        try:
            conform_to(parsed, expect, rules) if generic else conform(parsed, rules)
        except ShapeError as exc:
            problem, error = _SCHEMA, exc
        else:
            return response
    raise APIResponseValidationError(
        problem,
        status_code=status,
        body_text=response.content[:4096].decode("utf-8", errors="replace"),
        error=error,
        request_method=method,
        request_url=url,
    )


def _names(expect: type | tuple[type, ...] | GenericAlias) -> str:
    types = expect if isinstance(expect, tuple) else (expect,)
    return " | ".join(t.__name__ for t in types)
