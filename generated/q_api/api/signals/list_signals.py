from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.signal_page import SignalPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    pid: str | Unset = UNSET,
    page: int | Unset = 0,
    size: int | Unset = 50,
    sort: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["pid"] = pid

    params["page"] = page

    params["size"] = size

    params["sort"] = sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/1.0/signals",
        "params": params,
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
    *,
    client: AuthenticatedClient,
    pid: str | Unset = UNSET,
    page: int | Unset = 0,
    size: int | Unset = 50,
    sort: str | Unset = UNSET,
) -> Response[Error | SignalPage]:
    """List signals, one page at a time.

     Cloud only (the local server answers `404 text/html` `Cannot GET /api/1.0/signals`; use
    `GET /api/1.0/signals/shadows` locally). Pages are 0-based. The envelope is a custom page with
    exactly
    `content, size, sort, hasNextPage, page, totalElements, totalPages` (no Spring
    `first`/`last`/`number`).
    Defaults (inferred from examples): size 50, sort `createdAt: ASC,zoneId: ASC`.

    Args:
        pid (str | Unset): Device model product id (`DK5QPID`, `DK4QPID`, `X50QPID`, `Q_MATRIX`,
            ...); open set. The upper-case
            pattern is kbapi's (every known pid fits it); it also keeps the legacy
            `/signals/{pid}/{zoneId}` apart
            from `/signals/shadows/{pid}` and `/signals/after/{epoch}`.
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 50.
        sort (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SignalPage]
    """

    kwargs = _get_kwargs(
        pid=pid,
        page=page,
        size=size,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    pid: str | Unset = UNSET,
    page: int | Unset = 0,
    size: int | Unset = 50,
    sort: str | Unset = UNSET,
) -> Error | SignalPage | None:
    """List signals, one page at a time.

     Cloud only (the local server answers `404 text/html` `Cannot GET /api/1.0/signals`; use
    `GET /api/1.0/signals/shadows` locally). Pages are 0-based. The envelope is a custom page with
    exactly
    `content, size, sort, hasNextPage, page, totalElements, totalPages` (no Spring
    `first`/`last`/`number`).
    Defaults (inferred from examples): size 50, sort `createdAt: ASC,zoneId: ASC`.

    Args:
        pid (str | Unset): Device model product id (`DK5QPID`, `DK4QPID`, `X50QPID`, `Q_MATRIX`,
            ...); open set. The upper-case
            pattern is kbapi's (every known pid fits it); it also keeps the legacy
            `/signals/{pid}/{zoneId}` apart
            from `/signals/shadows/{pid}` and `/signals/after/{epoch}`.
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 50.
        sort (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SignalPage
    """

    return sync_detailed(
        client=client,
        pid=pid,
        page=page,
        size=size,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    pid: str | Unset = UNSET,
    page: int | Unset = 0,
    size: int | Unset = 50,
    sort: str | Unset = UNSET,
) -> Response[Error | SignalPage]:
    """List signals, one page at a time.

     Cloud only (the local server answers `404 text/html` `Cannot GET /api/1.0/signals`; use
    `GET /api/1.0/signals/shadows` locally). Pages are 0-based. The envelope is a custom page with
    exactly
    `content, size, sort, hasNextPage, page, totalElements, totalPages` (no Spring
    `first`/`last`/`number`).
    Defaults (inferred from examples): size 50, sort `createdAt: ASC,zoneId: ASC`.

    Args:
        pid (str | Unset): Device model product id (`DK5QPID`, `DK4QPID`, `X50QPID`, `Q_MATRIX`,
            ...); open set. The upper-case
            pattern is kbapi's (every known pid fits it); it also keeps the legacy
            `/signals/{pid}/{zoneId}` apart
            from `/signals/shadows/{pid}` and `/signals/after/{epoch}`.
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 50.
        sort (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SignalPage]
    """

    kwargs = _get_kwargs(
        pid=pid,
        page=page,
        size=size,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    pid: str | Unset = UNSET,
    page: int | Unset = 0,
    size: int | Unset = 50,
    sort: str | Unset = UNSET,
) -> Error | SignalPage | None:
    """List signals, one page at a time.

     Cloud only (the local server answers `404 text/html` `Cannot GET /api/1.0/signals`; use
    `GET /api/1.0/signals/shadows` locally). Pages are 0-based. The envelope is a custom page with
    exactly
    `content, size, sort, hasNextPage, page, totalElements, totalPages` (no Spring
    `first`/`last`/`number`).
    Defaults (inferred from examples): size 50, sort `createdAt: ASC,zoneId: ASC`.

    Args:
        pid (str | Unset): Device model product id (`DK5QPID`, `DK4QPID`, `X50QPID`, `Q_MATRIX`,
            ...); open set. The upper-case
            pattern is kbapi's (every known pid fits it); it also keeps the legacy
            `/signals/{pid}/{zoneId}` apart
            from `/signals/shadows/{pid}` and `/signals/after/{epoch}`.
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 50.
        sort (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SignalPage
    """

    return (
        await asyncio_detailed(
            client=client,
            pid=pid,
            page=page,
            size=size,
            sort=sort,
        )
    ).parsed
