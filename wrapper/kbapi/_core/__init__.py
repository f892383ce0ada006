"""Transport policy shared by both APIs: timeouts, retries, errors, auth, logging."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kbapi._lazy import exports

_EXPORTS = {
    "AsyncRetryTransport": "kbapi._core.async_transport",
    "build_async_client": "kbapi._core.async_transport",
    "ApiKeyAuth": "kbapi._core.credentials",
    "AuthorizationCodeGrant": "kbapi._core.auth",
    "BearerTokenAuth": "kbapi._core.credentials",
    "ClientCredentials": "kbapi._core.auth",
    "OAuth2Auth": "kbapi._core.auth",
    "PasswordGrant": "kbapi._core.auth",
    "RefreshTokenGrant": "kbapi._core.auth",
    "ensure_secure_url": "kbapi._core.credentials",
    "check_response": "kbapi._core.calls",
    "translate_errors": "kbapi._core.calls",
    "TransportOptions": "kbapi._core.client",
    "acall": "kbapi._core.client",
    "aparsed": "kbapi._core.client",
    "call": "kbapi._core.client",
    "parsed": "kbapi._core.client",
    "wire": "kbapi._core.client",
    "APIConnectionError": "kbapi._core.errors",
    "APIError": "kbapi._core.errors",
    "APIResponseValidationError": "kbapi._core.errors",
    "APIStatusError": "kbapi._core.errors",
    "APITimeoutError": "kbapi._core.errors",
    "AuthenticationError": "kbapi._core.errors",
    "BadRequestError": "kbapi._core.errors",
    "ConflictError": "kbapi._core.errors",
    "InputError": "kbapi._core.errors",
    "InternalServerError": "kbapi._core.errors",
    "KbapiError": "kbapi._core.errors",
    "NotFoundError": "kbapi._core.errors",
    "PayloadTooLargeError": "kbapi._core.errors",
    "PermissionDeniedError": "kbapi._core.errors",
    "RateLimitError": "kbapi._core.errors",
    "ResponseTooLargeError": "kbapi._core.errors",
    "UnprocessableEntityError": "kbapi._core.errors",
    "error_for_response": "kbapi._core.errors",
    "raise_for_status": "kbapi._core.errors",
    "DEFAULT_TIMEOUT": "kbapi._core.http",
    "RateLimiter": "kbapi._core.ratelimit",
    "gather_bounded": "kbapi._core.ratelimit",
    "Secret": "kbapi._core.redact",
    "RetryPolicy": "kbapi._core.retry",
    "RetryTransport": "kbapi._core.transport",
    "build_client": "kbapi._core.transport",
}

__all__ = [
    "DEFAULT_TIMEOUT",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "ApiKeyAuth",
    "AsyncRetryTransport",
    "AuthenticationError",
    "AuthorizationCodeGrant",
    "BadRequestError",
    "BearerTokenAuth",
    "ClientCredentials",
    "ConflictError",
    "InputError",
    "InternalServerError",
    "KbapiError",
    "NotFoundError",
    "OAuth2Auth",
    "PasswordGrant",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimiter",
    "RefreshTokenGrant",
    "ResponseTooLargeError",
    "RetryPolicy",
    "RetryTransport",
    "Secret",
    "TransportOptions",
    "UnprocessableEntityError",
    "acall",
    "aparsed",
    "build_async_client",
    "build_client",
    "call",
    "check_response",
    "ensure_secure_url",
    "error_for_response",
    "gather_bounded",
    "parsed",
    "raise_for_status",
    "translate_errors",
    "wire",
]

# The names load on first use; type checkers read them here.
if TYPE_CHECKING:
    from kbapi._core.async_transport import AsyncRetryTransport, build_async_client
    from kbapi._core.auth import (
        AuthorizationCodeGrant,
        ClientCredentials,
        OAuth2Auth,
        PasswordGrant,
        RefreshTokenGrant,
    )
    from kbapi._core.calls import check_response, translate_errors
    from kbapi._core.client import TransportOptions, acall, aparsed, call, parsed, wire
    from kbapi._core.credentials import ApiKeyAuth, BearerTokenAuth, ensure_secure_url
    from kbapi._core.errors import (
        APIConnectionError,
        APIError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        InputError,
        InternalServerError,
        KbapiError,
        NotFoundError,
        PayloadTooLargeError,
        PermissionDeniedError,
        RateLimitError,
        ResponseTooLargeError,
        UnprocessableEntityError,
        error_for_response,
        raise_for_status,
    )
    from kbapi._core.http import DEFAULT_TIMEOUT
    from kbapi._core.ratelimit import RateLimiter, gather_bounded
    from kbapi._core.redact import Secret
    from kbapi._core.retry import RetryPolicy
    from kbapi._core.transport import RetryTransport, build_client

__getattr__, __dir__ = exports(__name__, _EXPORTS)
