from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.kle_conversion import KleConversion
from ...models.kle_source import KleSource
from ...types import Response


def _get_kwargs(
    *,
    body: KleSource,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/converters/kle",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | KleConversion | str | None:
    if response.status_code == 200:
        response_200 = KleConversion.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 500:
        response_500 = response.text
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | KleConversion | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KleSource,
) -> Response[Error | KleConversion | str]:
    """Convert KLE raw data to an info.json layout

     Converts Keyboard Layout Editor data, given as a gist id (`id`, fetched from the GitHub
    API) or as raw data (`raw`), into an info.json fragment. The success body is pretty-printed
    JSON. Decals are skipped; `w`/`h` appear only when not 1; `label` is the first legend line.

    Deviations: a parse failure is meant to answer 400 `Could not parse KLE raw data: ...`, but
    the handler passes the exception as the status code, so the live service answers an HTML
    500; on Flask 2.3 or newer every call answers 500. Invalid JSON answers an HTML 400.

    Args:
        body (KleSource): Give `id` or `raw`; with both, `id` wins. Neither accepts an explicit
            `null`: the handler
            calls `id.split` or parses `raw` unchecked and answers an HTML 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | KleConversion | str]
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
    body: KleSource,
) -> Error | KleConversion | str | None:
    """Convert KLE raw data to an info.json layout

     Converts Keyboard Layout Editor data, given as a gist id (`id`, fetched from the GitHub
    API) or as raw data (`raw`), into an info.json fragment. The success body is pretty-printed
    JSON. Decals are skipped; `w`/`h` appear only when not 1; `label` is the first legend line.

    Deviations: a parse failure is meant to answer 400 `Could not parse KLE raw data: ...`, but
    the handler passes the exception as the status code, so the live service answers an HTML
    500; on Flask 2.3 or newer every call answers 500. Invalid JSON answers an HTML 400.

    Args:
        body (KleSource): Give `id` or `raw`; with both, `id` wins. Neither accepts an explicit
            `null`: the handler
            calls `id.split` or parses `raw` unchecked and answers an HTML 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | KleConversion | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KleSource,
) -> Response[Error | KleConversion | str]:
    """Convert KLE raw data to an info.json layout

     Converts Keyboard Layout Editor data, given as a gist id (`id`, fetched from the GitHub
    API) or as raw data (`raw`), into an info.json fragment. The success body is pretty-printed
    JSON. Decals are skipped; `w`/`h` appear only when not 1; `label` is the first legend line.

    Deviations: a parse failure is meant to answer 400 `Could not parse KLE raw data: ...`, but
    the handler passes the exception as the status code, so the live service answers an HTML
    500; on Flask 2.3 or newer every call answers 500. Invalid JSON answers an HTML 400.

    Args:
        body (KleSource): Give `id` or `raw`; with both, `id` wins. Neither accepts an explicit
            `null`: the handler
            calls `id.split` or parses `raw` unchecked and answers an HTML 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | KleConversion | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: KleSource,
) -> Error | KleConversion | str | None:
    """Convert KLE raw data to an info.json layout

     Converts Keyboard Layout Editor data, given as a gist id (`id`, fetched from the GitHub
    API) or as raw data (`raw`), into an info.json fragment. The success body is pretty-printed
    JSON. Decals are skipped; `w`/`h` appear only when not 1; `label` is the first legend line.

    Deviations: a parse failure is meant to answer 400 `Could not parse KLE raw data: ...`, but
    the handler passes the exception as the status code, so the live service answers an HTML
    500; on Flask 2.3 or newer every call answers 500. Invalid JSON answers an HTML 400.

    Args:
        body (KleSource): Give `id` or `raw`; with both, `id` wins. Neither accepts an explicit
            `null`: the handler
            calls `id.split` or parses `raw` unchecked and answers an HTML 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | KleConversion | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
