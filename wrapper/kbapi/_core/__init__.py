"""Transport policy shared by both APIs: timeouts, retries, errors, auth, logging."""

from kbapi._core.async_transport import AsyncRetryTransport, build_async_client
from kbapi._core.auth import (
    ApiKeyAuth,
    AuthorizationCodeGrant,
    BearerTokenAuth,
    ClientCredentials,
    OAuth2Auth,
    PasswordGrant,
    RefreshTokenGrant,
    ensure_secure_url,
)
from kbapi._core.calls import check_response, translate_errors
from kbapi._core.client import TransportOptions, acall, aparsed, call, parsed, wire
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
