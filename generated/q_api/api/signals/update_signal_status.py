from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.signal import Signal
from ...models.signal_status_patch import SignalStatusPatch
from ...types import Response


def _get_kwargs(
    id: int,
    *,
    body: SignalStatusPatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/1.0/signals/{id}/status".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Signal | None:
    if response.status_code == 200:
        response_200 = Signal.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | Signal]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: SignalStatusPatch,
) -> Response[Error | Signal]:
    """Mark a signal read, archived or muted.

     Cloud only. Only `isRead`, `isArchived` and `isMuted` can be updated: the server applies those three
    flags and ignores every other field of the body, so sending a whole signal (as read from the API,
    with
    `id`, `name`, `action: null`, `readAt: null`, ...) updates its flags and nothing else. A flag left
    out
    or `null` keeps its value; a body without any flag changes nothing and answers the signal as it is.
    A
    flag that is neither a boolean nor `null` is refused (422). The response is undocumented; existing
    clients read the updated signal from it, and so does kbapi.

    Args:
        id (int):
        body (SignalStatusPatch): The only updatable signal fields. A flag left out or sent as
            `null` keeps its value. Any other field is
            ignored, so a whole signal as read back (a PHP client's own example sends one) is a valid
            body: only its
            three flags are applied.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Signal]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    body: SignalStatusPatch,
) -> Error | Signal | None:
    """Mark a signal read, archived or muted.

     Cloud only. Only `isRead`, `isArchived` and `isMuted` can be updated: the server applies those three
    flags and ignores every other field of the body, so sending a whole signal (as read from the API,
    with
    `id`, `name`, `action: null`, `readAt: null`, ...) updates its flags and nothing else. A flag left
    out
    or `null` keeps its value; a body without any flag changes nothing and answers the signal as it is.
    A
    flag that is neither a boolean nor `null` is refused (422). The response is undocumented; existing
    clients read the updated signal from it, and so does kbapi.

    Args:
        id (int):
        body (SignalStatusPatch): The only updatable signal fields. A flag left out or sent as
            `null` keeps its value. Any other field is
            ignored, so a whole signal as read back (a PHP client's own example sends one) is a valid
            body: only its
            three flags are applied.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Signal
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: SignalStatusPatch,
) -> Response[Error | Signal]:
    """Mark a signal read, archived or muted.

     Cloud only. Only `isRead`, `isArchived` and `isMuted` can be updated: the server applies those three
    flags and ignores every other field of the body, so sending a whole signal (as read from the API,
    with
    `id`, `name`, `action: null`, `readAt: null`, ...) updates its flags and nothing else. A flag left
    out
    or `null` keeps its value; a body without any flag changes nothing and answers the signal as it is.
    A
    flag that is neither a boolean nor `null` is refused (422). The response is undocumented; existing
    clients read the updated signal from it, and so does kbapi.

    Args:
        id (int):
        body (SignalStatusPatch): The only updatable signal fields. A flag left out or sent as
            `null` keeps its value. Any other field is
            ignored, so a whole signal as read back (a PHP client's own example sends one) is a valid
            body: only its
            three flags are applied.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Signal]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    body: SignalStatusPatch,
) -> Error | Signal | None:
    """Mark a signal read, archived or muted.

     Cloud only. Only `isRead`, `isArchived` and `isMuted` can be updated: the server applies those three
    flags and ignores every other field of the body, so sending a whole signal (as read from the API,
    with
    `id`, `name`, `action: null`, `readAt: null`, ...) updates its flags and nothing else. A flag left
    out
    or `null` keeps its value; a body without any flag changes nothing and answers the signal as it is.
    A
    flag that is neither a boolean nor `null` is refused (422). The response is undocumented; existing
    clients read the updated signal from it, and so does kbapi.

    Args:
        id (int):
        body (SignalStatusPatch): The only updatable signal fields. A flag left out or sent as
            `null` keeps its value. Any other field is
            ignored, so a whole signal as read back (a PHP client's own example sends one) is a valid
            body: only its
            three flags are applied.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Signal
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
