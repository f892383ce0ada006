"""The HTTP defaults of every client (`kbapi._core.http`): User-Agent, headers, timeout."""

from __future__ import annotations

import re
import sys

import httpx
from kbapi._core.http import DEFAULT_RETRIES, DEFAULT_TIMEOUT, merged_headers, user_agent
from kbapi._core.retry import RetryPolicy
from kbapi._version import __version__


def test_the_user_agent_names_kbapi_python_and_httpx() -> None:
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert user_agent() == f"kbapi/{__version__} python/{python} httpx/{httpx.__version__}"
    assert re.fullmatch(r"kbapi/\S+ python/3\.\d+ httpx/\S+", user_agent())


def test_merged_headers_start_with_the_user_agent() -> None:
    assert dict(merged_headers(None)) == {"user-agent": user_agent()}
    merged = merged_headers({"Accept": "application/json"})
    assert list(merged.items()) == [("user-agent", user_agent()), ("accept", "application/json")]


def test_a_caller_may_replace_the_user_agent() -> None:
    assert merged_headers({"user-agent": "mine/1"})["User-Agent"] == "mine/1"


def test_the_default_timeout_and_retries() -> None:
    # docs/qmk.md: timeout 30 s (connect 5 s); up to 2 retries, 0.5 s doubling, capped at 8 s,
    # a Retry-After above 60 s is not waited for.
    timeout = DEFAULT_TIMEOUT
    assert (timeout.connect, timeout.read, timeout.write, timeout.pool) == (5.0, 30.0, 30.0, 30.0)
    policy = DEFAULT_RETRIES
    assert isinstance(policy, RetryPolicy)
    assert (policy.max_retries, policy.backoff_base, policy.backoff_cap) == (2, 0.5, 8.0)
    assert (policy.max_retry_after, policy.retry_unsafe) == (60.0, False)
    assert policy.retry_statuses == {408, 429, 500, 502, 503, 504}
