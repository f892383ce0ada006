from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.v2_signal import V2Signal
from ...types import Response


def _get_kwargs(
    applet_uuid: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/2.0/signals/applets/{applet_uuid}".format(
            applet_uuid=quote(str(applet_uuid), safe=""),
        ),
    }

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

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
    applet_uuid: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | V2Signal | str]:
    """Get the latest signal of an applet (local v2).

     Local v2 only. `appletUuid` is the applet's extension id (the `clientName` it signs with).

    Args:
        applet_uuid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | V2Signal | str]
    """

    kwargs = _get_kwargs(
        applet_uuid=applet_uuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    applet_uuid: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | V2Signal | str | None:
    """Get the latest signal of an applet (local v2).

     Local v2 only. `appletUuid` is the applet's extension id (the `clientName` it signs with).

    Args:
        applet_uuid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | V2Signal | str
    """

    return sync_detailed(
        applet_uuid=applet_uuid,
        client=client,
    ).parsed


async def asyncio_detailed(
    applet_uuid: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | V2Signal | str]:
    """Get the latest signal of an applet (local v2).

     Local v2 only. `appletUuid` is the applet's extension id (the `clientName` it signs with).

    Args:
        applet_uuid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | V2Signal | str]
    """

    kwargs = _get_kwargs(
        applet_uuid=applet_uuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    applet_uuid: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | V2Signal | str | None:
    """Get the latest signal of an applet (local v2).

     Local v2 only. `appletUuid` is the applet's extension id (the `clientName` it signs with).

    Args:
        applet_uuid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | V2Signal | str
    """

    return (
        await asyncio_detailed(
            applet_uuid=applet_uuid,
            client=client,
        )
    ).parsed
