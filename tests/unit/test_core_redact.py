"""Secrets never leak through headers, URLs, bodies or reprs."""

from __future__ import annotations

import json
import pickle

import httpx
import pytest
from kbapi._core.redact import (
    REDACTED,
    Secret,
    as_secret,
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


def test_secrets_compare_and_hash_by_value_and_are_falsy_when_empty() -> None:
    assert Secret("a") == Secret("a")
    assert hash(Secret("a")) == hash(Secret("a"))
    assert len({Secret("a"), Secret("a"), Secret("b")}) == 2
    assert Secret("a") != "a"
    assert bool(Secret("a"))
    assert not Secret("")


def test_secret_repr_and_str_are_fixed_text() -> None:
    assert repr(Secret("x")) == f"Secret('{REDACTED}')"
    assert str(Secret("x")) == REDACTED


def test_as_secret_wraps_once() -> None:
    secret = Secret("v")
    assert as_secret(secret) is secret
    assert as_secret("v") == secret


def test_headers_as_pairs_are_redacted_too() -> None:
    pairs = [("Set-Cookie", "s=1"), ("X-Trace", "t")]
    assert redact_headers(pairs) == {"Set-Cookie": REDACTED, "X-Trace": "t"}
    assert redact_headers({"Authorization": "Bearer a"}) == {"Authorization": REDACTED}


def test_url_userinfo_is_replaced_keeping_host_and_port() -> None:
    cleaned = redact_url("https://me:p%40ss@host.example:8443/p")
    assert cleaned == f"https://{REDACTED}@host.example:8443/p"


def test_url_query_keeps_blank_values_order_and_fragment() -> None:
    cleaned = redact_url("https://h.example/p?a=&TOKEN=t&b=2#frag")
    assert cleaned == f"https://h.example/p?a=&TOKEN={REDACTED}&b=2#frag"


def test_url_without_a_query_keeps_its_fragment() -> None:
    assert redact_url("https://h.example/p#top") == "https://h.example/p#top"


def test_body_keys_named_like_url_only_parameters_are_kept() -> None:
    assert redact_body({"key": "KC_A", "Signature": "s", "Token": "t"}) == {
        "key": "KC_A",
        "Signature": "s",
        "Token": REDACTED,
    }
    assert redact_body([1, {"password": "p"}]) == [1, {"password": REDACTED}]
    assert redact_body("text") == "text"


def test_a_json_list_body_is_redacted() -> None:
    assert json.loads(redact_text(' [{"secret": "s"}] ')) == [{"secret": REDACTED}]


def test_text_that_only_looks_like_json_is_kept() -> None:
    assert redact_text("{not json password=x") == "{not json password=x"
    assert redact_text("[" * 100_000) == "[" * 100_000


def test_form_bodies_keep_blank_values_and_other_text_stays() -> None:
    assert redact_text("a=&password=p") == f"a=&password={REDACTED}"
    assert redact_text("password=p and more") == "password=p and more"
    assert redact_text("password=p\nx=1") == "password=p\nx=1"
    assert redact_text("no equals sign") == "no equals sign"


def test_secrets_are_equal_only_for_equal_values_built_at_run_time() -> None:
    built = "".join(["hun", "ter2"])
    assert Secret(built) == Secret("hunter2")
    assert Secret("b") != Secret("a")


def test_url_userinfo_with_an_at_sign_is_replaced_whole() -> None:
    assert redact_url("https://user@mail:pw@host.example/p") == f"https://{REDACTED}@host.example/p"
