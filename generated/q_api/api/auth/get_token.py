from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.token_request import TokenRequest
from ...models.token_request_form import TokenRequestForm
from ...models.token_response import TokenResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TokenRequest | TokenRequestForm | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth/1.4/token",
    }

    if isinstance(body, TokenRequest):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, TokenRequestForm):
        _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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
) -> Response[Error | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest | TokenRequestForm | Unset = UNSET,
) -> Response[Error | TokenResponse]:
    """Obtain or refresh an OAuth 2 access token.

     One endpoint for the four grants: `client_credentials` (recommended; `client_id` + `client_secret`),
    `password` (`email` + `password`), `authorization_code` (`client_id` + `code` from
    `GET /oauth/auth?client_id=...&redirect_uri=...`) and `refresh_token` (`client_id` +
    `refresh_token`).
    Accepts JSON and form-urlencoded bodies. `expires_in` is in seconds (86400 = 24 h). Errors are not
    documented by the vendor; kbapi assumes 400 for a bad grant or body and 401 for bad credentials.

    Args:
        body (TokenRequest): One body for the four grants. `client_credentials`: `client_id`,
            `client_secret`. `password`: `email`,
            `password`. `authorization_code`: `client_id`, `code`. `refresh_token`: `client_id`,
            `refresh_token`.
            Fields another grant needs may be left out or sent as `null` (a client serialising one
            credentials class
            for every grant writes them as `null`); a field the grant needs must be a non-empty
            string.
        body (TokenRequestForm): `TokenRequest` sent as `application/x-www-form-urlencoded`: the
            same fields, without `null` (a form field
            is a string). A schema of its own, so that the generated client gets one body class per
            media type.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TokenResponse]
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
    body: TokenRequest | TokenRequestForm | Unset = UNSET,
) -> Error | TokenResponse | None:
    """Obtain or refresh an OAuth 2 access token.

     One endpoint for the four grants: `client_credentials` (recommended; `client_id` + `client_secret`),
    `password` (`email` + `password`), `authorization_code` (`client_id` + `code` from
    `GET /oauth/auth?client_id=...&redirect_uri=...`) and `refresh_token` (`client_id` +
    `refresh_token`).
    Accepts JSON and form-urlencoded bodies. `expires_in` is in seconds (86400 = 24 h). Errors are not
    documented by the vendor; kbapi assumes 400 for a bad grant or body and 401 for bad credentials.

    Args:
        body (TokenRequest): One body for the four grants. `client_credentials`: `client_id`,
            `client_secret`. `password`: `email`,
            `password`. `authorization_code`: `client_id`, `code`. `refresh_token`: `client_id`,
            `refresh_token`.
            Fields another grant needs may be left out or sent as `null` (a client serialising one
            credentials class
            for every grant writes them as `null`); a field the grant needs must be a non-empty
            string.
        body (TokenRequestForm): `TokenRequest` sent as `application/x-www-form-urlencoded`: the
            same fields, without `null` (a form field
            is a string). A schema of its own, so that the generated client gets one body class per
            media type.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest | TokenRequestForm | Unset = UNSET,
) -> Response[Error | TokenResponse]:
    """Obtain or refresh an OAuth 2 access token.

     One endpoint for the four grants: `client_credentials` (recommended; `client_id` + `client_secret`),
    `password` (`email` + `password`), `authorization_code` (`client_id` + `code` from
    `GET /oauth/auth?client_id=...&redirect_uri=...`) and `refresh_token` (`client_id` +
    `refresh_token`).
    Accepts JSON and form-urlencoded bodies. `expires_in` is in seconds (86400 = 24 h). Errors are not
    documented by the vendor; kbapi assumes 400 for a bad grant or body and 401 for bad credentials.

    Args:
        body (TokenRequest): One body for the four grants. `client_credentials`: `client_id`,
            `client_secret`. `password`: `email`,
            `password`. `authorization_code`: `client_id`, `code`. `refresh_token`: `client_id`,
            `refresh_token`.
            Fields another grant needs may be left out or sent as `null` (a client serialising one
            credentials class
            for every grant writes them as `null`); a field the grant needs must be a non-empty
            string.
        body (TokenRequestForm): `TokenRequest` sent as `application/x-www-form-urlencoded`: the
            same fields, without `null` (a form field
            is a string). A schema of its own, so that the generated client gets one body class per
            media type.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest | TokenRequestForm | Unset = UNSET,
) -> Error | TokenResponse | None:
    """Obtain or refresh an OAuth 2 access token.

     One endpoint for the four grants: `client_credentials` (recommended; `client_id` + `client_secret`),
    `password` (`email` + `password`), `authorization_code` (`client_id` + `code` from
    `GET /oauth/auth?client_id=...&redirect_uri=...`) and `refresh_token` (`client_id` +
    `refresh_token`).
    Accepts JSON and form-urlencoded bodies. `expires_in` is in seconds (86400 = 24 h). Errors are not
    documented by the vendor; kbapi assumes 400 for a bad grant or body and 401 for bad credentials.

    Args:
        body (TokenRequest): One body for the four grants. `client_credentials`: `client_id`,
            `client_secret`. `password`: `email`,
            `password`. `authorization_code`: `client_id`, `code`. `refresh_token`: `client_id`,
            `refresh_token`.
            Fields another grant needs may be left out or sent as `null` (a client serialising one
            credentials class
            for every grant writes them as `null`); a field the grant needs must be a non-empty
            string.
        body (TokenRequestForm): `TokenRequest` sent as `application/x-www-form-urlencoded`: the
            same fields, without `null` (a form field
            is a string). A schema of its own, so that the generated client gets one body class per
            media type.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
