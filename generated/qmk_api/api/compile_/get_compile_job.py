from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.compile_job import CompileJob
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    job_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/compile/{job_id}".format(
            job_id=quote(str(job_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CompileJob | Error | str | None:
    if response.status_code == 200:
        response_200 = CompileJob.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

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
) -> Response[CompileJob | Error | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[CompileJob | Error | str]:
    """Status of a compile job

     The job status. `status` is `queued`, `running`, `finished`, `failed` or `unknown`; treat
    other values like `unknown`. A compile error is `finished` with `is_failed: true` and a
    non-zero `result.returncode`, never `failed` (`failed` means the worker infrastructure
    failed). `result.returncode`: 0 ok, above 0 build failure (extra `cmd`, no
    `firmware_binary_url`), -1 unknown keyboard (exactly four result keys), -3 worker exception
    (`exception`, `stacktrace`). `is_failed` is `null` while queued, running or unknown.

    After about 500 s the job leaves Redis and the service returns the stored metadata
    document instead: no `status` key, `is_finished`/`is_queued`/`is_started` booleans and
    dates formatted `YYYY-MM-DD HH:MM:SS UTC`.

    Deviation: an unknown or expired id (including jobs that never stored metadata, such as
    unknown-keyboard jobs) answers a Werkzeug HTML 500; the JSON 404 `Compile job not found`
    is unreachable on the live service (the kbapi mock answers it unless live deviations are on).

    Args:
        job_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompileJob | Error | str]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> CompileJob | Error | str | None:
    """Status of a compile job

     The job status. `status` is `queued`, `running`, `finished`, `failed` or `unknown`; treat
    other values like `unknown`. A compile error is `finished` with `is_failed: true` and a
    non-zero `result.returncode`, never `failed` (`failed` means the worker infrastructure
    failed). `result.returncode`: 0 ok, above 0 build failure (extra `cmd`, no
    `firmware_binary_url`), -1 unknown keyboard (exactly four result keys), -3 worker exception
    (`exception`, `stacktrace`). `is_failed` is `null` while queued, running or unknown.

    After about 500 s the job leaves Redis and the service returns the stored metadata
    document instead: no `status` key, `is_finished`/`is_queued`/`is_started` booleans and
    dates formatted `YYYY-MM-DD HH:MM:SS UTC`.

    Deviation: an unknown or expired id (including jobs that never stored metadata, such as
    unknown-keyboard jobs) answers a Werkzeug HTML 500; the JSON 404 `Compile job not found`
    is unreachable on the live service (the kbapi mock answers it unless live deviations are on).

    Args:
        job_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompileJob | Error | str
    """

    return sync_detailed(
        job_id=job_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[CompileJob | Error | str]:
    """Status of a compile job

     The job status. `status` is `queued`, `running`, `finished`, `failed` or `unknown`; treat
    other values like `unknown`. A compile error is `finished` with `is_failed: true` and a
    non-zero `result.returncode`, never `failed` (`failed` means the worker infrastructure
    failed). `result.returncode`: 0 ok, above 0 build failure (extra `cmd`, no
    `firmware_binary_url`), -1 unknown keyboard (exactly four result keys), -3 worker exception
    (`exception`, `stacktrace`). `is_failed` is `null` while queued, running or unknown.

    After about 500 s the job leaves Redis and the service returns the stored metadata
    document instead: no `status` key, `is_finished`/`is_queued`/`is_started` booleans and
    dates formatted `YYYY-MM-DD HH:MM:SS UTC`.

    Deviation: an unknown or expired id (including jobs that never stored metadata, such as
    unknown-keyboard jobs) answers a Werkzeug HTML 500; the JSON 404 `Compile job not found`
    is unreachable on the live service (the kbapi mock answers it unless live deviations are on).

    Args:
        job_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompileJob | Error | str]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> CompileJob | Error | str | None:
    """Status of a compile job

     The job status. `status` is `queued`, `running`, `finished`, `failed` or `unknown`; treat
    other values like `unknown`. A compile error is `finished` with `is_failed: true` and a
    non-zero `result.returncode`, never `failed` (`failed` means the worker infrastructure
    failed). `result.returncode`: 0 ok, above 0 build failure (extra `cmd`, no
    `firmware_binary_url`), -1 unknown keyboard (exactly four result keys), -3 worker exception
    (`exception`, `stacktrace`). `is_failed` is `null` while queued, running or unknown.

    After about 500 s the job leaves Redis and the service returns the stored metadata
    document instead: no `status` key, `is_finished`/`is_queued`/`is_started` booleans and
    dates formatted `YYYY-MM-DD HH:MM:SS UTC`.

    Deviation: an unknown or expired id (including jobs that never stored metadata, such as
    unknown-keyboard jobs) answers a Werkzeug HTML 500; the JSON 404 `Compile job not found`
    is unreachable on the live service (the kbapi mock answers it unless live deviations are on).

    Args:
        job_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompileJob | Error | str
    """

    return (
        await asyncio_detailed(
            job_id=job_id,
            client=client,
        )
    ).parsed
