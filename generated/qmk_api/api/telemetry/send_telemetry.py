from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.message import Message
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: Any | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/telemetry",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Message | str | None:
    if response.status_code == 200:
        response_200 = Message.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = response.text
        return response_404

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | Message | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Any | Unset = UNSET,
) -> Response[Error | Message | str]:
    """Send client telemetry

     Accepts a telemetry report and thanks the sender. The body is ignored since qmk_api
    f5e9a630 (formerly `{action, keyboard, layout, location_ok}`).

    Args:
        body (Any | Unset): Historical telemetry report `{action, keyboard, layout, location_ok}`.
            The service ignores
            the body since f5e9a630 and accepts any JSON value, so no type is enforced here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Message | str]
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
    body: Any | Unset = UNSET,
) -> Error | Message | str | None:
    """Send client telemetry

     Accepts a telemetry report and thanks the sender. The body is ignored since qmk_api
    f5e9a630 (formerly `{action, keyboard, layout, location_ok}`).

    Args:
        body (Any | Unset): Historical telemetry report `{action, keyboard, layout, location_ok}`.
            The service ignores
            the body since f5e9a630 and accepts any JSON value, so no type is enforced here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Message | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Any | Unset = UNSET,
) -> Response[Error | Message | str]:
    """Send client telemetry

     Accepts a telemetry report and thanks the sender. The body is ignored since qmk_api
    f5e9a630 (formerly `{action, keyboard, layout, location_ok}`).

    Args:
        body (Any | Unset): Historical telemetry report `{action, keyboard, layout, location_ok}`.
            The service ignores
            the body since f5e9a630 and accepts any JSON value, so no type is enforced here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Message | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Any | Unset = UNSET,
) -> Error | Message | str | None:
    """Send client telemetry

     Accepts a telemetry report and thanks the sender. The body is ignored since qmk_api
    f5e9a630 (formerly `{action, keyboard, layout, location_ok}`).

    Args:
        body (Any | Unset): Historical telemetry report `{action, keyboard, layout, location_ok}`.
            The service ignores
            the body since f5e9a630 and accepts any JSON value, so no type is enforced here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Message | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
