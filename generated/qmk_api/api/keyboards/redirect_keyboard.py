from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import Response


def _get_kwargs(
    keyboard: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/keyboards/{keyboard}".format(
            keyboard=quote(str(keyboard), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | str | None:
    if response.status_code == 302:
        response_302 = cast(Any, None)
        return response_302

    if response.status_code == 404:
        response_404 = response.text
        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | str]:
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
) -> Response[Any | str]:
    """Redirect to a keyboard's info.json

     Meant to answer 302 to `https://keyboards.qmk.fm/v1/keyboards/{keyboard}/info.json`.

    Deviation (live since 2021-09-02): the handler uses an f-string without braces, so the
    `Location` is the literal `https://keyboards.qmk.fm/v1/keyboards/%3Ckeyboard%3E/info.json`
    (or with a raw `<keyboard>`), which 404s. Clients should fetch
    `/v1/keyboards/{keyboard}/info.json` from keyboards.qmk.fm (spec `qmk-keyboards.yaml`)
    directly. The kbapi mock redirects to the intended URL on its metadata mirror.

    Args:
        keyboard (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | str]
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
) -> Any | str | None:
    """Redirect to a keyboard's info.json

     Meant to answer 302 to `https://keyboards.qmk.fm/v1/keyboards/{keyboard}/info.json`.

    Deviation (live since 2021-09-02): the handler uses an f-string without braces, so the
    `Location` is the literal `https://keyboards.qmk.fm/v1/keyboards/%3Ckeyboard%3E/info.json`
    (or with a raw `<keyboard>`), which 404s. Clients should fetch
    `/v1/keyboards/{keyboard}/info.json` from keyboards.qmk.fm (spec `qmk-keyboards.yaml`)
    directly. The kbapi mock redirects to the intended URL on its metadata mirror.

    Args:
        keyboard (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | str
    """

    return sync_detailed(
        keyboard=keyboard,
        client=client,
    ).parsed


async def asyncio_detailed(
    keyboard: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | str]:
    """Redirect to a keyboard's info.json

     Meant to answer 302 to `https://keyboards.qmk.fm/v1/keyboards/{keyboard}/info.json`.

    Deviation (live since 2021-09-02): the handler uses an f-string without braces, so the
    `Location` is the literal `https://keyboards.qmk.fm/v1/keyboards/%3Ckeyboard%3E/info.json`
    (or with a raw `<keyboard>`), which 404s. Clients should fetch
    `/v1/keyboards/{keyboard}/info.json` from keyboards.qmk.fm (spec `qmk-keyboards.yaml`)
    directly. The kbapi mock redirects to the intended URL on its metadata mirror.

    Args:
        keyboard (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | str]
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
) -> Any | str | None:
    """Redirect to a keyboard's info.json

     Meant to answer 302 to `https://keyboards.qmk.fm/v1/keyboards/{keyboard}/info.json`.

    Deviation (live since 2021-09-02): the handler uses an f-string without braces, so the
    `Location` is the literal `https://keyboards.qmk.fm/v1/keyboards/%3Ckeyboard%3E/info.json`
    (or with a raw `<keyboard>`), which 404s. Clients should fetch
    `/v1/keyboards/{keyboard}/info.json` from keyboards.qmk.fm (spec `qmk-keyboards.yaml`)
    directly. The kbapi mock redirects to the intended URL on its metadata mirror.

    Args:
        keyboard (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | str
    """

    return (
        await asyncio_detailed(
            keyboard=keyboard,
            client=client,
        )
    ).parsed
