"""Stateful mocks of the Das Keyboard Q API: the Q Desktop local server and the cloud.

- `create_local_app(config)`: `/api/1.0` and `/api/2.0` like Q Desktop on 127.0.0.1:27301
  (no auth, negative ids, 50 requests/s quota, Express-style 404 pages).
- `create_cloud_app(config)`: `/api/1.0` (X-API-KEY or OAuth bearer, per-user signals, paging,
  metadata) and `POST /oauth/1.4/token` (client_credentials, password, authorization_code,
  refresh_token).

Both apps expose `app.state.mock` (`.reset()` forgets all state) and `app.state.store` (the
`SignalStore`; `.snapshot()` returns every stored signal body). Zone ids are compared after
conversion with the configured layout's table (`KEY_Q`, `2,2` and `74` are one zone on en-US).
The demo cloud credentials are the `DEMO_*` constants (`DEMO_CREDENTIALS` as a dict).
"""

from kbapi.mock.daskeyboard.cloud import CloudMock, create_cloud_app
from kbapi.mock.daskeyboard.config import (
    DEFAULT_ACCOUNTS,
    DEMO_ACCOUNT,
    DEMO_API_KEY,
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_CODE,
    DEMO_CREDENTIALS,
    DEMO_EMAIL,
    DEMO_LOGIN_TOKEN,
    DEMO_PASSWORD,
    OTHER_ACCOUNT,
    QAccount,
    QMockConfig,
)
from kbapi.mock.daskeyboard.local import LocalMock, create_local_app

__all__ = [
    "DEFAULT_ACCOUNTS",
    "DEMO_ACCOUNT",
    "DEMO_API_KEY",
    "DEMO_CLIENT_ID",
    "DEMO_CLIENT_SECRET",
    "DEMO_CODE",
    "DEMO_CREDENTIALS",
    "DEMO_EMAIL",
    "DEMO_LOGIN_TOKEN",
    "DEMO_PASSWORD",
    "OTHER_ACCOUNT",
    "CloudMock",
    "LocalMock",
    "QAccount",
    "QMockConfig",
    "create_cloud_app",
    "create_local_app",
]
