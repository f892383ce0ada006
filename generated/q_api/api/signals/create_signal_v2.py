from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.v2_signal import V2Signal
from ...models.v2_signal_create import V2SignalCreate
from ...types import Response


def _get_kwargs(
    *,
    body: V2SignalCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/2.0/signals",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | V2Signal | str | None:
    if response.status_code == 200:
        response_200 = V2Signal.from_dict(response.json())

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
) -> Response[Error | V2Signal | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: V2SignalCreate,
) -> Response[Error | V2Signal | str]:
    """Create a multi-zone signal (local v2, applets).

     Local v2 only ("model version 2", undocumented; body as built by the official applet SDK).
    `actionValue`
    is a **string** holding the JSON of `[{zoneId, effect, color}]` (zones as `x,y`). `action` is `DRAW`
    (light until dismissed), `ERROR` (with `errors`) or `FLASH`. The answer carries the new (negative)
    id.

    Args:
        body (V2SignalCreate): A multi-zone signal (local v2), as built by the applet SDK. Every
            optional field may be sent as an explicit
            `null`, meaning the default: the SDK sends `clientName: null` for a signal without an
            extension id (always
            for its FLASH signal). A signal read back from the v2 routes can be posted again (read-
            only fields such as
            `id`, `zoneId`, `color`, `effect`, `createdAt` are ignored).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | V2Signal | str]
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
    body: V2SignalCreate,
) -> Error | V2Signal | str | None:
    """Create a multi-zone signal (local v2, applets).

     Local v2 only ("model version 2", undocumented; body as built by the official applet SDK).
    `actionValue`
    is a **string** holding the JSON of `[{zoneId, effect, color}]` (zones as `x,y`). `action` is `DRAW`
    (light until dismissed), `ERROR` (with `errors`) or `FLASH`. The answer carries the new (negative)
    id.

    Args:
        body (V2SignalCreate): A multi-zone signal (local v2), as built by the applet SDK. Every
            optional field may be sent as an explicit
            `null`, meaning the default: the SDK sends `clientName: null` for a signal without an
            extension id (always
            for its FLASH signal). A signal read back from the v2 routes can be posted again (read-
            only fields such as
            `id`, `zoneId`, `color`, `effect`, `createdAt` are ignored).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | V2Signal | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: V2SignalCreate,
) -> Response[Error | V2Signal | str]:
    """Create a multi-zone signal (local v2, applets).

     Local v2 only ("model version 2", undocumented; body as built by the official applet SDK).
    `actionValue`
    is a **string** holding the JSON of `[{zoneId, effect, color}]` (zones as `x,y`). `action` is `DRAW`
    (light until dismissed), `ERROR` (with `errors`) or `FLASH`. The answer carries the new (negative)
    id.

    Args:
        body (V2SignalCreate): A multi-zone signal (local v2), as built by the applet SDK. Every
            optional field may be sent as an explicit
            `null`, meaning the default: the SDK sends `clientName: null` for a signal without an
            extension id (always
            for its FLASH signal). A signal read back from the v2 routes can be posted again (read-
            only fields such as
            `id`, `zoneId`, `color`, `effect`, `createdAt` are ignored).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | V2Signal | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: V2SignalCreate,
) -> Error | V2Signal | str | None:
    """Create a multi-zone signal (local v2, applets).

     Local v2 only ("model version 2", undocumented; body as built by the official applet SDK).
    `actionValue`
    is a **string** holding the JSON of `[{zoneId, effect, color}]` (zones as `x,y`). `action` is `DRAW`
    (light until dismissed), `ERROR` (with `errors`) or `FLASH`. The answer carries the new (negative)
    id.

    Args:
        body (V2SignalCreate): A multi-zone signal (local v2), as built by the applet SDK. Every
            optional field may be sent as an explicit
            `null`, meaning the default: the SDK sends `clientName: null` for a signal without an
            extension id (always
            for its FLASH signal). A signal read back from the v2 routes can be posted again (read-
            only fields such as
            `id`, `zoneId`, `color`, `effect`, `createdAt` are ignored).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | V2Signal | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
