from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.compile_enqueued import CompileEnqueued
from ...models.error import Error
from ...models.keymap import Keymap
from ...types import Response


def _get_kwargs(
    *,
    body: Keymap,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/compile",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CompileEnqueued | Error | str | None:
    if response.status_code == 200:
        response_200 = CompileEnqueued.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = response.text
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CompileEnqueued | Error | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Keymap,
) -> Response[CompileEnqueued | Error | str]:
    """Submit a keymap for compilation

     Enqueues a compile job and answers 200 (not 201/202) with its id. The body is a keymap.json
    or Configurator export; the Content-Type is ignored. Checks, in order: an empty body
    (`{}`, `[]`, `null`) answers 400 `Invalid JSON data!`; a `.` in `keyboard` or a `/` in
    `keymap` answers 422 `Buzz off hacker.`; a missing `layout`/`layers` answers 400
    `Invalid or missing keys: layout, layers`. Nothing else is checked before the job runs:
    layer lengths, keycodes, layout and keyboard existence surface in the job result.
    Without `documentation` the service inserts its standard text.

    Deviations: a body that is not JSON answers an HTML 400. The `.`/`/` check runs before the
    presence check, so a body without `keyboard` or `keymap`, a non-string keyboard or a
    top-level array answers an HTML 500 instead of the 400.

    Args:
        body (Keymap): A keymap.json / Configurator export (schema `qmk.keymap.v1`). Our contract
            requires the
            four keys the API checks; every other keymap.json field is passed to `qmk compile` and
            takes effect, so unknown fields are allowed. The API itself only rejects a `.` in
            `keyboard` and a `/` in `keymap`; key counts and keycodes are checked by the build.
            `null` for an optional field means the field is absent, as `qmk compile` reads it. The
            API enqueues any body with the four keys present (recorded: explicit nulls and `modules`
            items that are not strings are enqueued unchecked), but a `null` keyboard or keymap
            crashes the handler (HTML 500), and items of the wrong type (in `layers`, `modules`, ...)
            fail the build's `qmk.keymap.v1` schema check.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompileEnqueued | Error | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: Keymap,
) -> CompileEnqueued | Error | str | None:
    """Submit a keymap for compilation

     Enqueues a compile job and answers 200 (not 201/202) with its id. The body is a keymap.json
    or Configurator export; the Content-Type is ignored. Checks, in order: an empty body
    (`{}`, `[]`, `null`) answers 400 `Invalid JSON data!`; a `.` in `keyboard` or a `/` in
    `keymap` answers 422 `Buzz off hacker.`; a missing `layout`/`layers` answers 400
    `Invalid or missing keys: layout, layers`. Nothing else is checked before the job runs:
    layer lengths, keycodes, layout and keyboard existence surface in the job result.
    Without `documentation` the service inserts its standard text.

    Deviations: a body that is not JSON answers an HTML 400. The `.`/`/` check runs before the
    presence check, so a body without `keyboard` or `keymap`, a non-string keyboard or a
    top-level array answers an HTML 500 instead of the 400.

    Args:
        body (Keymap): A keymap.json / Configurator export (schema `qmk.keymap.v1`). Our contract
            requires the
            four keys the API checks; every other keymap.json field is passed to `qmk compile` and
            takes effect, so unknown fields are allowed. The API itself only rejects a `.` in
            `keyboard` and a `/` in `keymap`; key counts and keycodes are checked by the build.
            `null` for an optional field means the field is absent, as `qmk compile` reads it. The
            API enqueues any body with the four keys present (recorded: explicit nulls and `modules`
            items that are not strings are enqueued unchecked), but a `null` keyboard or keymap
            crashes the handler (HTML 500), and items of the wrong type (in `layers`, `modules`, ...)
            fail the build's `qmk.keymap.v1` schema check.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompileEnqueued | Error | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Keymap,
) -> Response[CompileEnqueued | Error | str]:
    """Submit a keymap for compilation

     Enqueues a compile job and answers 200 (not 201/202) with its id. The body is a keymap.json
    or Configurator export; the Content-Type is ignored. Checks, in order: an empty body
    (`{}`, `[]`, `null`) answers 400 `Invalid JSON data!`; a `.` in `keyboard` or a `/` in
    `keymap` answers 422 `Buzz off hacker.`; a missing `layout`/`layers` answers 400
    `Invalid or missing keys: layout, layers`. Nothing else is checked before the job runs:
    layer lengths, keycodes, layout and keyboard existence surface in the job result.
    Without `documentation` the service inserts its standard text.

    Deviations: a body that is not JSON answers an HTML 400. The `.`/`/` check runs before the
    presence check, so a body without `keyboard` or `keymap`, a non-string keyboard or a
    top-level array answers an HTML 500 instead of the 400.

    Args:
        body (Keymap): A keymap.json / Configurator export (schema `qmk.keymap.v1`). Our contract
            requires the
            four keys the API checks; every other keymap.json field is passed to `qmk compile` and
            takes effect, so unknown fields are allowed. The API itself only rejects a `.` in
            `keyboard` and a `/` in `keymap`; key counts and keycodes are checked by the build.
            `null` for an optional field means the field is absent, as `qmk compile` reads it. The
            API enqueues any body with the four keys present (recorded: explicit nulls and `modules`
            items that are not strings are enqueued unchecked), but a `null` keyboard or keymap
            crashes the handler (HTML 500), and items of the wrong type (in `layers`, `modules`, ...)
            fail the build's `qmk.keymap.v1` schema check.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompileEnqueued | Error | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Keymap,
) -> CompileEnqueued | Error | str | None:
    """Submit a keymap for compilation

     Enqueues a compile job and answers 200 (not 201/202) with its id. The body is a keymap.json
    or Configurator export; the Content-Type is ignored. Checks, in order: an empty body
    (`{}`, `[]`, `null`) answers 400 `Invalid JSON data!`; a `.` in `keyboard` or a `/` in
    `keymap` answers 422 `Buzz off hacker.`; a missing `layout`/`layers` answers 400
    `Invalid or missing keys: layout, layers`. Nothing else is checked before the job runs:
    layer lengths, keycodes, layout and keyboard existence surface in the job result.
    Without `documentation` the service inserts its standard text.

    Deviations: a body that is not JSON answers an HTML 400. The `.`/`/` check runs before the
    presence check, so a body without `keyboard` or `keymap`, a non-string keyboard or a
    top-level array answers an HTML 500 instead of the 400.

    Args:
        body (Keymap): A keymap.json / Configurator export (schema `qmk.keymap.v1`). Our contract
            requires the
            four keys the API checks; every other keymap.json field is passed to `qmk compile` and
            takes effect, so unknown fields are allowed. The API itself only rejects a `.` in
            `keyboard` and a `/` in `keymap`; key counts and keycodes are checked by the build.
            `null` for an optional field means the field is absent, as `qmk compile` reads it. The
            API enqueues any body with the four keys present (recorded: explicit nulls and `modules`
            items that are not strings are enqueued unchecked), but a `null` keyboard or keymap
            crashes the handler (HTML 500), and items of the wrong type (in `layers`, `modules`, ...)
            fail the build's `qmk.keymap.v1` schema check.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompileEnqueued | Error | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
