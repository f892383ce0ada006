from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.signal_page import SignalPage
from ...types import Response


def _get_kwargs(
    epoch: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/1.0/signals/after/{epoch}".format(
            epoch=quote(str(epoch), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SignalPage | None:
    if response.status_code == 200:
        response_200 = SignalPage.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | SignalPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    epoch: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | SignalPage]:
    """List the signals created after a time.

     Cloud only. `epoch` is epoch milliseconds like `createdAt` (inferred). The time filter is this path;
    no `afterTs` query parameter exists. The answer is assumed to be the same page envelope as
    `GET /api/1.0/signals` (inferred; the 2018 docs show no body).

    Args:
        epoch (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SignalPage]
    """

    kwargs = _get_kwargs(
        epoch=epoch,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    epoch: int,
    *,
    client: AuthenticatedClient,
) -> Error | SignalPage | None:
    """List the signals created after a time.

     Cloud only. `epoch` is epoch milliseconds like `createdAt` (inferred). The time filter is this path;
    no `afterTs` query parameter exists. The answer is assumed to be the same page envelope as
    `GET /api/1.0/signals` (inferred; the 2018 docs show no body).

    Args:
        epoch (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SignalPage
    """

    return sync_detailed(
        epoch=epoch,
        client=client,
    ).parsed


async def asyncio_detailed(
    epoch: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | SignalPage]:
    """List the signals created after a time.

     Cloud only. `epoch` is epoch milliseconds like `createdAt` (inferred). The time filter is this path;
    no `afterTs` query parameter exists. The answer is assumed to be the same page envelope as
    `GET /api/1.0/signals` (inferred; the 2018 docs show no body).

    Args:
        epoch (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SignalPage]
    """

    kwargs = _get_kwargs(
        epoch=epoch,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    epoch: int,
    *,
    client: AuthenticatedClient,
) -> Error | SignalPage | None:
    """List the signals created after a time.

     Cloud only. `epoch` is epoch milliseconds like `createdAt` (inferred). The time filter is this path;
    no `afterTs` query parameter exists. The answer is assumed to be the same page envelope as
    `GET /api/1.0/signals` (inferred; the 2018 docs show no body).

    Args:
        epoch (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SignalPage
    """

    return (
        await asyncio_detailed(
            epoch=epoch,
            client=client,
        )
    ).parsed
