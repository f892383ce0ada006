"""Where credentials may go (`kbapi._core.credentials`): loopback hosts and the header auths."""

from __future__ import annotations

import httpx
import pytest
from kbapi._core.credentials import (
    ApiKeyAuth,
    BearerTokenAuth,
    ensure_secure_url,
    is_loopback_host,
)
from kbapi._core.errors import InputError
from kbapi._core.redact import Secret


@pytest.mark.parametrize(
    "host", ["localhost", "LOCALHOST", "q.localhost", "127.0.0.1", "127.255.0.9", "[::1]", "::1"]
)
def test_loopback_hosts(host: str) -> None:
    assert is_loopback_host(host)


@pytest.mark.parametrize(
    "host", ["localhost.example", "notlocalhost", "10.0.0.1", "128.0.0.1", "::2", "example.com"]
)
def test_other_hosts_are_not_loopback(host: str) -> None:
    assert not is_loopback_host(host)


def test_https_is_accepted_for_any_host_and_returned_as_a_url() -> None:
    url = ensure_secure_url("https://10.0.0.1/x")
    assert isinstance(url, httpx.URL)
    assert url.host == "10.0.0.1"


def test_the_refusal_names_the_redacted_url() -> None:
    with pytest.raises(InputError, match=r"^refusing to send credentials to http://h\.example/\?"):
        ensure_secure_url("http://h.example/?token=T0K")
    with pytest.raises(InputError, match="use https"):
        ensure_secure_url("http://h.example/")


def test_header_auths_take_secrets_and_show_only_the_header_name() -> None:
    request = httpx.Request("GET", "http://127.0.0.1:1/x")
    next(ApiKeyAuth("X-Key", Secret("s1")).sync_auth_flow(request))
    next(BearerTokenAuth(Secret("s2")).sync_auth_flow(request))
    assert (request.headers["X-Key"], request.headers["Authorization"]) == ("s1", "Bearer s2")
    assert (
        repr(ApiKeyAuth("X-Key", "s1"))
        == "ApiKeyAuth(header_name='X-Key', key=Secret('**********'))"
    )
    assert repr(BearerTokenAuth("s2")) == "BearerTokenAuth(token=Secret('**********'))"


def test_bearer_auth_refuses_plain_http_to_a_remote_host() -> None:
    flow = BearerTokenAuth("s2").sync_auth_flow(httpx.Request("GET", "http://h.example/x"))
    with pytest.raises(InputError, match="refusing to send credentials"):
        next(flow)
