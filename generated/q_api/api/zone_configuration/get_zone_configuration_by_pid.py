from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.zone_configuration import ZoneConfiguration
from ...types import Response


def _get_kwargs(
    pid: str,
    zone_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/2.0/zoneConfiguration/pid/{pid}/zoneId/{zone_id}".format(
            pid=quote(str(pid), safe=""),
            zone_id=quote(str(zone_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ZoneConfiguration | str | None:
    if response.status_code == 200:
        response_200 = ZoneConfiguration.from_dict(response.json())

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
) -> Response[Error | ZoneConfiguration | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    pid: str,
    zone_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | ZoneConfiguration | str]:
    """Get the effect configuration of a zone of one device (local v2).

     Local v2 only. Same body as `getZoneConfiguration`, for one pid.

    Args:
        pid (str): Device model product id (`DK5QPID`, `DK4QPID`, `X50QPID`, `Q_MATRIX`, ...);
            open set. The upper-case
            pattern is kbapi's (every known pid fits it); it also keeps the legacy
            `/signals/{pid}/{zoneId}` apart
            from `/signals/shadows/{pid}` and `/signals/after/{epoch}`.
        zone_id (str): Key code (`KEY_Q`, layout dependent), linear id (`74`) or XY `x,y` (`2,2`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ZoneConfiguration | str]
    """

    kwargs = _get_kwargs(
        pid=pid,
        zone_id=zone_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pid: str,
    zone_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | ZoneConfiguration | str | None:
    """Get the effect configuration of a zone of one device (local v2).

     Local v2 only. Same body as `getZoneConfiguration`, for one pid.

    Args:
        pid (str): Device model product id (`DK5QPID`, `DK4QPID`, `X50QPID`, `Q_MATRIX`, ...);
            open set. The upper-case
            pattern is kbapi's (every known pid fits it); it also keeps the legacy
            `/signals/{pid}/{zoneId}` apart
            from `/signals/shadows/{pid}` and `/signals/after/{epoch}`.
        zone_id (str): Key code (`KEY_Q`, layout dependent), linear id (`74`) or XY `x,y` (`2,2`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ZoneConfiguration | str
    """

    return sync_detailed(
        pid=pid,
        zone_id=zone_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    pid: str,
    zone_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | ZoneConfiguration | str]:
    """Get the effect configuration of a zone of one device (local v2).

     Local v2 only. Same body as `getZoneConfiguration`, for one pid.

    Args:
        pid (str): Device model product id (`DK5QPID`, `DK4QPID`, `X50QPID`, `Q_MATRIX`, ...);
            open set. The upper-case
            pattern is kbapi's (every known pid fits it); it also keeps the legacy
            `/signals/{pid}/{zoneId}` apart
            from `/signals/shadows/{pid}` and `/signals/after/{epoch}`.
        zone_id (str): Key code (`KEY_Q`, layout dependent), linear id (`74`) or XY `x,y` (`2,2`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ZoneConfiguration | str]
    """

    kwargs = _get_kwargs(
        pid=pid,
        zone_id=zone_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pid: str,
    zone_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | ZoneConfiguration | str | None:
    """Get the effect configuration of a zone of one device (local v2).

     Local v2 only. Same body as `getZoneConfiguration`, for one pid.

    Args:
        pid (str): Device model product id (`DK5QPID`, `DK4QPID`, `X50QPID`, `Q_MATRIX`, ...);
            open set. The upper-case
            pattern is kbapi's (every known pid fits it); it also keeps the legacy
            `/signals/{pid}/{zoneId}` apart
            from `/signals/shadows/{pid}` and `/signals/after/{epoch}`.
        zone_id (str): Key code (`KEY_Q`, layout dependent), linear id (`74`) or XY `x,y` (`2,2`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ZoneConfiguration | str
    """

    return (
        await asyncio_detailed(
            pid=pid,
            zone_id=zone_id,
            client=client,
        )
    ).parsed
