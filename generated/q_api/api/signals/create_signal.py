from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.signal import Signal
from ...models.signal_create import SignalCreate
from ...models.signal_create_form import SignalCreateForm
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SignalCreate | SignalCreateForm | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/1.0/signals",
    }

    if isinstance(body, SignalCreate):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, SignalCreateForm):
        _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Signal | str | None:
    if response.status_code == 200:
        response_200 = Signal.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = response.text
        return response_429

    if response.status_code == 500:
        response_500 = response.text
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | Signal | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SignalCreate | SignalCreateForm | Unset = UNSET,
) -> Response[Error | Signal | str]:
    """Create a signal (light a zone, optionally notify).

     Cloud and local v1. The cloud accepts JSON and form-urlencoded bodies; the local server JSON.
    The answer is 200 (never 201) with the stored signal. Local signals have negative ids and `userId`
    null. The cloud may rewrite `KEY_` zone ids to the linear id of the user's layout and write a NOTICE
    into `clientName`, so `zoneId` does not always round-trip. An unknown zone still answers 200.

    Args:
        body (SignalCreate): A signal to create (v1). Every optional field may also be sent as an
            explicit JSON `null`, which means the
            same as leaving it out (the default applies): real clients do this (C# and Go serialisers
            write unset
            members as `null`, the applet SDK sends `clientName: null`), and a signal read back
            (`action: null`,
            `readAt: null`) can be posted again. Read-only fields of such a body (`id`, `userId`,
            `readAt`,
            `createdAt`, `updatedAt`, `zoneConfiguration`, ...) are ignored.
        body (SignalCreateForm): `SignalCreate` sent as `application/x-www-form-urlencoded` (cloud
            only): the same fields, but a form
            field is always a string (booleans `true`/`false`), so there is no `null`. A schema of its
            own, so that
            the generated client gets one body class per media type and can tell them apart.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Signal | str]
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
    client: AuthenticatedClient,
    body: SignalCreate | SignalCreateForm | Unset = UNSET,
) -> Error | Signal | str | None:
    """Create a signal (light a zone, optionally notify).

     Cloud and local v1. The cloud accepts JSON and form-urlencoded bodies; the local server JSON.
    The answer is 200 (never 201) with the stored signal. Local signals have negative ids and `userId`
    null. The cloud may rewrite `KEY_` zone ids to the linear id of the user's layout and write a NOTICE
    into `clientName`, so `zoneId` does not always round-trip. An unknown zone still answers 200.

    Args:
        body (SignalCreate): A signal to create (v1). Every optional field may also be sent as an
            explicit JSON `null`, which means the
            same as leaving it out (the default applies): real clients do this (C# and Go serialisers
            write unset
            members as `null`, the applet SDK sends `clientName: null`), and a signal read back
            (`action: null`,
            `readAt: null`) can be posted again. Read-only fields of such a body (`id`, `userId`,
            `readAt`,
            `createdAt`, `updatedAt`, `zoneConfiguration`, ...) are ignored.
        body (SignalCreateForm): `SignalCreate` sent as `application/x-www-form-urlencoded` (cloud
            only): the same fields, but a form
            field is always a string (booleans `true`/`false`), so there is no `null`. A schema of its
            own, so that
            the generated client gets one body class per media type and can tell them apart.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Signal | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SignalCreate | SignalCreateForm | Unset = UNSET,
) -> Response[Error | Signal | str]:
    """Create a signal (light a zone, optionally notify).

     Cloud and local v1. The cloud accepts JSON and form-urlencoded bodies; the local server JSON.
    The answer is 200 (never 201) with the stored signal. Local signals have negative ids and `userId`
    null. The cloud may rewrite `KEY_` zone ids to the linear id of the user's layout and write a NOTICE
    into `clientName`, so `zoneId` does not always round-trip. An unknown zone still answers 200.

    Args:
        body (SignalCreate): A signal to create (v1). Every optional field may also be sent as an
            explicit JSON `null`, which means the
            same as leaving it out (the default applies): real clients do this (C# and Go serialisers
            write unset
            members as `null`, the applet SDK sends `clientName: null`), and a signal read back
            (`action: null`,
            `readAt: null`) can be posted again. Read-only fields of such a body (`id`, `userId`,
            `readAt`,
            `createdAt`, `updatedAt`, `zoneConfiguration`, ...) are ignored.
        body (SignalCreateForm): `SignalCreate` sent as `application/x-www-form-urlencoded` (cloud
            only): the same fields, but a form
            field is always a string (booleans `true`/`false`), so there is no `null`. A schema of its
            own, so that
            the generated client gets one body class per media type and can tell them apart.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Signal | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SignalCreate | SignalCreateForm | Unset = UNSET,
) -> Error | Signal | str | None:
    """Create a signal (light a zone, optionally notify).

     Cloud and local v1. The cloud accepts JSON and form-urlencoded bodies; the local server JSON.
    The answer is 200 (never 201) with the stored signal. Local signals have negative ids and `userId`
    null. The cloud may rewrite `KEY_` zone ids to the linear id of the user's layout and write a NOTICE
    into `clientName`, so `zoneId` does not always round-trip. An unknown zone still answers 200.

    Args:
        body (SignalCreate): A signal to create (v1). Every optional field may also be sent as an
            explicit JSON `null`, which means the
            same as leaving it out (the default applies): real clients do this (C# and Go serialisers
            write unset
            members as `null`, the applet SDK sends `clientName: null`), and a signal read back
            (`action: null`,
            `readAt: null`) can be posted again. Read-only fields of such a body (`id`, `userId`,
            `readAt`,
            `createdAt`, `updatedAt`, `zoneConfiguration`, ...) are ignored.
        body (SignalCreateForm): `SignalCreate` sent as `application/x-www-form-urlencoded` (cloud
            only): the same fields, but a form
            field is always a string (booleans `true`/`false`), so there is no `null`. A schema of its
            own, so that
            the generated client gets one body class per media type and can tell them apart.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Signal | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
