from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    keyboard: str,
    keymap: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/keyboards/{keyboard}/keymaps/{keymap}/readme".format(
            keyboard=quote(str(keyboard), safe=""),
            keymap=quote(str(keymap), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | None:
    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    keyboard: str,
    keymap: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error]:
    """Readme of a keymap (removed, always 404)

     Deprecated in qmk_api a3862bc (2020-03-07): always answers 404
    `No such keymap: <keymap>`.

    Args:
        keyboard (str):
        keymap (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error]
    """

    kwargs = _get_kwargs(
        keyboard=keyboard,
        keymap=keymap,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    keyboard: str,
    keymap: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | None:
    """Readme of a keymap (removed, always 404)

     Deprecated in qmk_api a3862bc (2020-03-07): always answers 404
    `No such keymap: <keymap>`.

    Args:
        keyboard (str):
        keymap (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error
    """

    return sync_detailed(
        keyboard=keyboard,
        keymap=keymap,
        client=client,
    ).parsed


async def asyncio_detailed(
    keyboard: str,
    keymap: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error]:
    """Readme of a keymap (removed, always 404)

     Deprecated in qmk_api a3862bc (2020-03-07): always answers 404
    `No such keymap: <keymap>`.

    Args:
        keyboard (str):
        keymap (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error]
    """

    kwargs = _get_kwargs(
        keyboard=keyboard,
        keymap=keymap,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    keyboard: str,
    keymap: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | None:
    """Readme of a keymap (removed, always 404)

     Deprecated in qmk_api a3862bc (2020-03-07): always answers 404
    `No such keymap: <keymap>`.

    Args:
        keyboard (str):
        keymap (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error
    """

    return (
        await asyncio_detailed(
            keyboard=keyboard,
            keymap=keymap,
            client=client,
        )
    ).parsed
