"""Secrets never leak through headers, URLs, bodies or reprs."""

from __future__ import annotations

import json
import pickle

import httpx
import pytest
from kbapi._core.redact import (
    REDACTED,
    Secret,
    redact_body,
    redact_headers,
    redact_text,
    redact_url,
)


def test_secret_hides_its_value() -> None:
    secret = Secret("hunter2")
    assert "hunter2" not in repr(secret)
    assert "hunter2" not in str(secret)
    assert "hunter2" not in f"{secret} {[secret]} {secret!r}"
    assert secret.get_secret_value() == "hunter2"
    assert Secret(secret) == secret
    assert Secret("a") != Secret("b")
    with pytest.raises(TypeError, match="a Secret cannot be pickled"):
        pickle.dumps(secret)


def test_headers_redacted_case_insensitively() -> None:
    headers = httpx.Headers(
        {
            "Authorization": "Bearer abc",
            "x-api-key": "k1",
            "Cookie": "s=1",
            "Proxy-Authorization": "Basic x",
            "Accept": "application/json",
        }
    )
    cleaned = redact_headers(headers)
    assert cleaned["authorization"] == REDACTED
    assert cleaned["x-api-key"] == REDACTED
    assert cleaned["cookie"] == REDACTED
    assert cleaned["proxy-authorization"] == REDACTED
    assert cleaned["accept"] == "application/json"


def test_url_query_and_userinfo_redacted() -> None:
    url = "https://user:pw@host.example/p?apiKey=K&token=T&code=C&page=2&client_secret=S"
    cleaned = redact_url(url)
    for secret in ("user", "pw", "=K", "=T", "=C", "=S"):
        assert secret not in cleaned
    assert "page=2" in cleaned
    assert cleaned.startswith("https://")
    assert "host.example/p" in cleaned


def test_url_without_secrets_unchanged() -> None:
    assert redact_url(httpx.URL("http://127.0.0.1:5001/v1/compile/abc")) == (
        "http://127.0.0.1:5001/v1/compile/abc"
    )


def test_json_body_redacted_recursively() -> None:
    body = {
        "access_token": "A",
        "nested": [{"password": "P", "keep": 1}],
        "refresh_token": "R",
        "user_id": 7,
    }
    cleaned = redact_body(body)
    assert cleaned == {
        "access_token": REDACTED,
        "nested": [{"password": REDACTED, "keep": 1}],
        "refresh_token": REDACTED,
        "user_id": 7,
    }
    assert body["access_token"] == "A"


def test_text_bodies_json_and_form() -> None:
    as_json = redact_text(json.dumps({"client_secret": "S3", "error": "bad"}))
    assert "S3" not in as_json
    assert "bad" in as_json
    form = redact_text("grant_type=password&email=a%40b&password=pw123")
    assert "pw123" not in form
    assert "grant_type=password" in form
    assert redact_text("plain text error") == "plain text error"
