"""Configuration of the Das Keyboard Q mocks and the demo accounts of the cloud mock."""

from __future__ import annotations

from dataclasses import dataclass

LAYOUT_TAGS = ("en-US", "fr-FR", "de-DE", "it-IT", "es-ES", "ru-RU")


@dataclass(frozen=True)
class QAccount:
    """One cloud user and every credential that identifies them.

    `client_id`/`client_secret`: OAuth client (`client_credentials`, `refresh_token`);
    `authorization_code`: a fixed, reusable code for the `authorization_code` grant;
    `login_token`: the `oneTimeLoginToken` that `POST /api/1.0/users/api_key` exchanges.
    """

    user_id: int
    email: str
    password: str
    api_key: str
    client_id: str
    client_secret: str
    authorization_code: str
    login_token: str

    @property
    def client_name(self) -> str:
        """The auto-generated OAuth client name the real service shows (`User_<id>`)."""
        return f"User_{self.user_id}"


DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "demo-password"
DEMO_API_KEY = "demo-api-key"
DEMO_CLIENT_ID = "demo-client"
DEMO_CLIENT_SECRET = "demo-secret"
DEMO_CODE = "demo-code"
DEMO_LOGIN_TOKEN = "demo-login-token"

DEMO_ACCOUNT = QAccount(
    user_id=1,
    email=DEMO_EMAIL,
    password=DEMO_PASSWORD,
    api_key=DEMO_API_KEY,
    client_id=DEMO_CLIENT_ID,
    client_secret=DEMO_CLIENT_SECRET,
    authorization_code=DEMO_CODE,
    login_token=DEMO_LOGIN_TOKEN,
)
OTHER_ACCOUNT = QAccount(
    user_id=2,
    email="other@example.com",
    password="other-password",
    api_key="other-api-key",
    client_id="other-client",
    client_secret="other-secret",
    authorization_code="other-code",
    login_token="other-login-token",
)
DEFAULT_ACCOUNTS = (DEMO_ACCOUNT, OTHER_ACCOUNT)

_CREDENTIALS = ("email", "password", "api_key", "client_id", "client_secret", "authorization_code")
DEMO_CREDENTIALS: dict[str, str] = {name: getattr(DEMO_ACCOUNT, name) for name in _CREDENTIALS}


@dataclass(frozen=True)
class QMockConfig:
    """Behaviour knobs of the Q mocks (one config serves both the local and the cloud app).

    `layout`: keyboard layout tag (one of `LAYOUT_TAGS`) used to compare zone ids.
    `device_pid`: the user's device (cloud `/devices`; the local `Q_MATRIX` target).
    `local_quota_per_second`: local requests allowed per 1-second window (0 = no quota).
    `starting_seconds`: the local app answers 500 `Waiting for application to start` this long.
    `token_lifetime`: OAuth access-token lifetime in seconds (`expires_in`).
    `accounts`: cloud users. `rewrite_key_codes`: the cloud turns `KEY_*` zone ids into linear ids
    and writes a NOTICE into `clientName` (reference §6.3). `max_body_bytes`: larger -> 413.
    """

    layout: str = "en-US"
    device_pid: str = "DK5QPID"
    local_quota_per_second: int = 50
    starting_seconds: float = 0.0
    token_lifetime: float = 86400.0
    accounts: tuple[QAccount, ...] = DEFAULT_ACCOUNTS
    rewrite_key_codes: bool = True
    max_body_bytes: int = 64 * 1024

    def __post_init__(self) -> None:
        if self.layout not in LAYOUT_TAGS:
            raise ValueError(f"layout must be one of {', '.join(LAYOUT_TAGS)}, got {self.layout!r}")
        if self.local_quota_per_second < 0:
            raise ValueError("local_quota_per_second must not be negative")
        if self.starting_seconds < 0:
            raise ValueError("starting_seconds must not be negative")
        if self.token_lifetime <= 0:
            raise ValueError("token_lifetime must be positive")
        if self.max_body_bytes < 1:
            raise ValueError("max_body_bytes must be positive")
        if not self.device_pid:
            raise ValueError("device_pid must not be empty")
        _check_accounts(self.accounts)


def _check_accounts(accounts: tuple[QAccount, ...]) -> None:
    for attribute in ("user_id", "email", "api_key", "client_id", "authorization_code"):
        values = [getattr(account, attribute) for account in accounts]
        if len(set(values)) != len(values):
            raise ValueError(f"accounts must have distinct {attribute} values")
