"""Cloud authentication: the OAuth token endpoint's four grants and the per-request check.

Access tokens are opaque random strings that expire after `token_lifetime`. Refresh tokens do
not expire and are rotated: a `refresh_token` grant returns a new one and the old one stops
working. The demo `authorization_code` is fixed and reusable. Revoking an authorized client
(`User_<id>` for client credentials, codes and refreshes; `Desktop App` for the password grant)
drops the tokens issued through it; the API key is not affected.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from kbapi.mock.daskeyboard.config import QAccount
from kbapi.mock.daskeyboard.http import ApiError

DESKTOP_CLIENT = "Desktop App"
# grant_type -> {request field: the `QAccount` credential it names} (a refresh token names an
# issued grant instead).
GRANT_FIELDS = {
    "client_credentials": {"client_id": "client_id", "client_secret": "client_secret"},
    "password": {"email": "email", "password": "password"},
    "authorization_code": {"client_id": "client_id", "code": "authorization_code"},
    "refresh_token": {"client_id": "client_id", "refresh_token": "refresh_token"},
}
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def unauthorized(message: str) -> ApiError:
    """401 with the `{code, message}` body."""
    return ApiError(401, message, dict(_CHALLENGE))


def _same(expected: str, given: str) -> bool:
    # compare_digest refuses non-ASCII str; header values may hold any latin-1 text.
    return secrets.compare_digest(expected.encode(), given.encode())


@dataclass(frozen=True)
class Grant:
    """What an access or refresh token stands for."""

    account: QAccount
    client: str
    expires_at: float


class AuthStore:
    """Accounts, issued tokens and revoked clients of one cloud mock."""

    def __init__(
        self,
        accounts: tuple[QAccount, ...],
        lifetime: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.accounts = accounts
        self.lifetime = lifetime
        self.clock = clock
        self._access: dict[str, Grant] = {}
        self._refresh: dict[str, Grant] = {}
        self._revoked: dict[int, set[str]] = {}
        self._lock = threading.Lock()

    def reset(self) -> None:
        """Forget every token and revocation."""
        with self._lock:
            self._access.clear()
            self._refresh.clear()
            self._revoked.clear()

    def _find(self, **wanted: str) -> QAccount | None:
        for account in self.accounts:
            if all(_same(getattr(account, k), v) for k, v in wanted.items()):
                return account
        return None

    def issue(self, account: QAccount, client: str) -> dict[str, Any]:
        """A fresh access and refresh token, in the documented response shape."""
        access, refresh = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
        with self._lock:
            self._access[access] = Grant(account, client, self.clock() + self.lifetime)
            self._refresh[refresh] = Grant(account, client, float("inf"))
            self._revoked.get(account.user_id, set()).discard(client)
        return {
            "access_token": access,
            "refresh_token": refresh,
            "user_id": account.user_id,
            "expires_in": int(self.lifetime),
        }

    def token(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Run one grant of `POST /oauth/1.4/token`."""
        grant_type = fields.get("grant_type")
        if not isinstance(grant_type, str) or grant_type not in GRANT_FIELDS:
            supported = ", ".join(GRANT_FIELDS)
            raise ApiError(400, f"unsupported grant_type {grant_type!r} (use one of {supported})")
        values = {name: fields.get(name) for name in GRANT_FIELDS[grant_type]}
        for name, value in values.items():
            if not isinstance(value, str) or not value:
                raise ApiError(400, f"{name} is required for grant_type {grant_type}")
        if grant_type == "refresh_token":
            return self._rotate(str(values["refresh_token"]), str(values["client_id"]))
        credentials = GRANT_FIELDS[grant_type]
        account = self._find(**{credentials[name]: str(value) for name, value in values.items()})
        if account is None:
            raise unauthorized(f"invalid {' or '.join(values)}")
        client = DESKTOP_CLIENT if grant_type == "password" else account.client_name
        return self.issue(account, client)

    def _rotate(self, token: str, client_id: str) -> dict[str, Any]:
        """The refresh_token grant: new tokens for the grant `token` stands for, which it ends."""
        with self._lock:
            grant = self._refresh.get(token)
            if grant is None or grant.account.client_id != client_id:
                raise unauthorized("invalid refresh_token or client_id")
            del self._refresh[token]
        return self.issue(grant.account, grant.client)

    def authenticate(self, headers: Mapping[str, str]) -> QAccount:
        """The account of `X-API-KEY` or `Authorization: Bearer` (an empty header counts as absent).

        Every credential sent must be valid: a bad bearer token next to a good API key is still
        401 (RFC 6750 §3.1), and both must name the same account.
        """
        api_key = headers.get("x-api-key")
        authorization = headers.get("authorization")
        if not api_key and not authorization:
            raise unauthorized("authentication required: send X-API-KEY or Authorization: Bearer")
        account = self._bearer(authorization) if authorization else None
        if api_key:
            keyed = self._find(api_key=api_key)
            if keyed is None:
                raise unauthorized("invalid API key")
            if account is not None and keyed != account:
                raise unauthorized("X-API-KEY and the bearer token belong to different accounts")
            account = keyed
        assert account is not None
        return account

    def _bearer(self, authorization: str) -> QAccount:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise unauthorized("Authorization must be 'Bearer <access token>'")
        with self._lock:
            grant = self._access.get(token.strip())
        if grant is None:
            raise unauthorized("invalid access token")
        if self.clock() >= grant.expires_at:
            raise unauthorized("access token expired")
        return grant.account

    def authorized_clients(self, account: QAccount) -> list[str]:
        """Client names the user has authorized (minus revoked ones)."""
        revoked = self._revoked.get(account.user_id, set())
        return [c for c in (account.client_name, DESKTOP_CLIENT) if c not in revoked]

    def revoke(self, account: QAccount, client: str) -> bool:
        """Revoke a client and drop its tokens; False if it is not authorized."""
        if client not in self.authorized_clients(account):
            return False
        with self._lock:
            self._revoked.setdefault(account.user_id, set()).add(client)
            for tokens in (self._access, self._refresh):
                for token, grant in list(tokens.items()):
                    if grant.account == account and grant.client == client:
                        del tokens[token]
        return True

    def api_key_for_login(self, login_token: str) -> str | None:
        """The API key that a one-time login token unlocks."""
        account = self._find(login_token=login_token)
        return account.api_key if account else None
