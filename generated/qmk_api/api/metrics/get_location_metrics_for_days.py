from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.location_metrics import LocationMetrics
from ...types import Response


def _get_kwargs(
    days: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/metrics/locations/days/{days}".format(
            days=quote(str(days), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LocationMetrics | str | None:
    if response.status_code == 200:
        response_200 = LocationMetrics.from_dict(response.json())

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
) -> Response[LocationMetrics | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    days: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[LocationMetrics | str]:
    """Compile counts per location over some days

     Like `GET /v1/metrics/locations` over the last `days` days. Stubbed: always an empty
    mapping. A `days` that is not a non-negative integer answers an HTML 404.

    Args:
        days (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LocationMetrics | str]
    """

    kwargs = _get_kwargs(
        days=days,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    days: int,
    *,
    client: AuthenticatedClient | Client,
) -> LocationMetrics | str | None:
    """Compile counts per location over some days

     Like `GET /v1/metrics/locations` over the last `days` days. Stubbed: always an empty
    mapping. A `days` that is not a non-negative integer answers an HTML 404.

    Args:
        days (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LocationMetrics | str
    """

    return sync_detailed(
        days=days,
        client=client,
    ).parsed


async def asyncio_detailed(
    days: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[LocationMetrics | str]:
    """Compile counts per location over some days

     Like `GET /v1/metrics/locations` over the last `days` days. Stubbed: always an empty
    mapping. A `days` that is not a non-negative integer answers an HTML 404.

    Args:
        days (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LocationMetrics | str]
    """

    kwargs = _get_kwargs(
        days=days,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    days: int,
    *,
    client: AuthenticatedClient | Client,
) -> LocationMetrics | str | None:
    """Compile counts per location over some days

     Like `GET /v1/metrics/locations` over the last `days` days. Stubbed: always an empty
    mapping. A `days` that is not a non-negative integer answers an HTML 404.

    Args:
        days (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LocationMetrics | str
    """

    return (
        await asyncio_detailed(
            days=days,
            client=client,
        )
    ).parsed
