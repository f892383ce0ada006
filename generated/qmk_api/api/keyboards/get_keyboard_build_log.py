from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.build_log_entry import BuildLogEntry
from ...types import Response


def _get_kwargs(
    keyboard: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/keyboards/{keyboard}/build_log".format(
            keyboard=quote(str(keyboard), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BuildLogEntry | None | str:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> BuildLogEntry | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = BuildLogEntry.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BuildLogEntry | None, data)

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = response.text
        return response_404

    if response.status_code == 500:
        response_500 = response.text
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BuildLogEntry | None | str]:
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
) -> Response[BuildLogEntry | None | str]:
    """Latest test build log of one keyboard

     One build log entry, or `null` for a keyboard without one. Deviation: with an empty store
    the live service answers an HTML 500.

    Args:
        keyboard (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuildLogEntry | None | str]
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
) -> BuildLogEntry | None | str:
    """Latest test build log of one keyboard

     One build log entry, or `null` for a keyboard without one. Deviation: with an empty store
    the live service answers an HTML 500.

    Args:
        keyboard (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BuildLogEntry | None | str
    """

    return sync_detailed(
        keyboard=keyboard,
        client=client,
    ).parsed


async def asyncio_detailed(
    keyboard: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[BuildLogEntry | None | str]:
    """Latest test build log of one keyboard

     One build log entry, or `null` for a keyboard without one. Deviation: with an empty store
    the live service answers an HTML 500.

    Args:
        keyboard (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuildLogEntry | None | str]
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
) -> BuildLogEntry | None | str:
    """Latest test build log of one keyboard

     One build log entry, or `null` for a keyboard without one. Deviation: with an empty store
    the live service answers an HTML 500.

    Args:
        keyboard (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BuildLogEntry | None | str
    """

    return (
        await asyncio_detailed(
            keyboard=keyboard,
            client=client,
        )
    ).parsed
