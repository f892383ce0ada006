"""schemathesis against the Das Keyboard Q mocks, in process, one run per deployment.

Local (Q Desktop, `/api/1.0` + `/api/2.0`, no credentials, quota off) and cloud (`/api/1.0` and
the token endpoint) once with the demo `X-API-KEY` and once with an OAuth bearer token from the
mock's own token endpoint. Every check, positive and negative data, then the stateful phase along
the spec's links (create a signal, read its zone, patch it, delete it).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import settings
from kbapi.mock.daskeyboard import (
    DEMO_API_KEY,
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    QMockConfig,
    create_cloud_app,
    create_local_app,
)

from tests.support.contract import COMMON, load_schema, q_target_spec
from tests.support.depth import examples

# Not traced by coverage (pytest-cov's no_cover): under the tracer these schemathesis runs take
# twice the CPU, and they reach a few dozen mock lines that no other test does (measured: 95.2 %
# of the handwritten code with them, 95.9 % without them, when the rest of the suite ran).
pytestmark = [pytest.mark.timeout(240), pytest.mark.no_cover]

CONFIG = QMockConfig(local_quota_per_second=0)
LOCAL_APP = create_local_app(CONFIG)
CLOUD_APP = create_cloud_app(CONFIG)
CLOUD_URL = "http://127.0.0.1:27302"
LOCAL = load_schema(q_target_spec("local"), "http://127.0.0.1:27301")
CLOUD_KEY = load_schema(q_target_spec("cloud"), CLOUD_URL)
CLOUD_TOKEN = load_schema(q_target_spec("cloud"), CLOUD_URL)
LOCAL.app = LOCAL_APP
CLOUD_KEY.app = CLOUD_TOKEN.app = CLOUD_APP


def cloud(method: str, path: str, **kwargs: Any) -> httpx.Response:
    """One request to the cloud app, in process."""

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=CLOUD_APP)
        async with httpx.AsyncClient(transport=transport, base_url=CLOUD_URL) as client:
            return await client.request(method, path, **kwargs)

    return asyncio.run(send())


def bearer_token() -> str:
    """A fresh access token from the cloud mock's `POST /oauth/1.4/token` (client credentials)."""
    grant = {
        "grant_type": "client_credentials",
        "client_id": DEMO_CLIENT_ID,
        "client_secret": DEMO_CLIENT_SECRET,
    }
    response = cloud("POST", "/oauth/1.4/token", json=grant)
    response.raise_for_status()
    return str(response.json()["access_token"])


@CLOUD_KEY.auth()
class ApiKey:
    """The demo account's API key in `X-API-KEY`."""

    def get(self, case: Any, ctx: Any) -> str:
        return DEMO_API_KEY

    def set(self, case: Any, data: str, ctx: Any) -> None:
        case.headers = {**(case.headers or {}), "X-API-KEY": data}


@CLOUD_TOKEN.auth(refresh_interval=None)
class Bearer:
    """A token per case: resets drop the mock's tokens, so none is cached."""

    def get(self, case: Any, ctx: Any) -> str:
        return bearer_token()

    def set(self, case: Any, data: str, ctx: Any) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


def reset() -> None:
    LOCAL_APP.state.mock.reset()
    CLOUD_APP.state.mock.reset()


@pytest.fixture(autouse=True)
def fresh_mocks() -> Iterator[None]:
    """Each test starts without signals, tokens or revocations."""
    reset()
    yield


def test_the_credentials_work() -> None:
    for headers in ({"X-API-KEY": DEMO_API_KEY}, {"Authorization": f"Bearer {bearer_token()}"}):
        assert cloud("GET", "/api/1.0/signals/shadows", headers=headers).status_code == 200
    assert cloud("GET", "/api/1.0/signals/shadows").status_code == 401
    # Every credential sent must hold: a bad token next to the good key is refused.
    both = {"X-API-KEY": DEMO_API_KEY, "Authorization": "Bearer not-a-token"}
    assert cloud("GET", "/api/1.0/signals/shadows", headers=both).status_code == 401


@LOCAL.parametrize()
@settings(max_examples=examples(40), **COMMON)
def test_local(case: Any) -> None:
    case.call_and_validate()


@CLOUD_KEY.parametrize()
@settings(max_examples=examples(30), **COMMON)
def test_cloud_with_api_key(case: Any) -> None:
    case.call_and_validate()


@CLOUD_TOKEN.parametrize()
@settings(max_examples=examples(15), **COMMON)
def test_cloud_with_bearer_token(case: Any) -> None:
    case.call_and_validate()


class LocalWorkflow(LOCAL.as_state_machine()):  # type: ignore[misc]
    """Create v1 and v2 signals, then follow the links: read, colour and clear the zone, delete."""

    def setup(self) -> None:
        reset()


class CloudWorkflow(CLOUD_KEY.as_state_machine()):  # type: ignore[misc]
    """Create signals, then follow the links: read the zone, patch the status, delete."""

    def setup(self) -> None:
        reset()


LocalWorkflow.TestCase.settings = settings(
    max_examples=examples(30), stateful_step_count=8, **COMMON
)
CloudWorkflow.TestCase.settings = settings(
    max_examples=examples(30), stateful_step_count=8, **COMMON
)
TestLocalWorkflow = LocalWorkflow.TestCase
TestCloudWorkflow = CloudWorkflow.TestCase
