from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.keyboards_document import KeyboardsDocument
from ...types import Response


def _get_kwargs(
    keyboard: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/keyboards/{keyboard}/info.json".format(
            keyboard=quote(str(keyboard), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> KeyboardsDocument | str | None:
    if response.status_code == 200:
        response_200 = KeyboardsDocument.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = response.text
        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[KeyboardsDocument | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    keyboard: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[KeyboardsDocument | str]:
    """Metadata of one keyboard

     The info.json of one keyboard, wrapped as `{last_updated, keyboards: {<keyboard>: info}}`
    (read it as `keyboards[keyboard]`). An unknown keyboard answers the HTML 404.

    Args:
        keyboard (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KeyboardsDocument | str]
    """

    kwargs = _get_kwargs(
        keyboard=keyboard,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    keyboard: str,
    *,
    client: AuthenticatedClient | Client,
) -> KeyboardsDocument | str | None:
    """Metadata of one keyboard

     The info.json of one keyboard, wrapped as `{last_updated, keyboards: {<keyboard>: info}}`
    (read it as `keyboards[keyboard]`). An unknown keyboard answers the HTML 404.

    Args:
        keyboard (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KeyboardsDocument | str
    """

    return sync_detailed(
        keyboard=keyboard,
        client=client,
    ).parsed


async def asyncio_detailed(
    keyboard: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[KeyboardsDocument | str]:
    """Metadata of one keyboard

     The info.json of one keyboard, wrapped as `{last_updated, keyboards: {<keyboard>: info}}`
    (read it as `keyboards[keyboard]`). An unknown keyboard answers the HTML 404.

    Args:
        keyboard (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KeyboardsDocument | str]
    """

    kwargs = _get_kwargs(
        keyboard=keyboard,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    keyboard: str,
    *,
    client: AuthenticatedClient | Client,
) -> KeyboardsDocument | str | None:
    """Metadata of one keyboard

     The info.json of one keyboard, wrapped as `{last_updated, keyboards: {<keyboard>: info}}`
    (read it as `keyboards[keyboard]`). An unknown keyboard answers the HTML 404.

    Args:
        keyboard (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KeyboardsDocument | str
    """

    return (
        await asyncio_detailed(
            keyboard=keyboard,
            client=client,
        )
    ).parsed
