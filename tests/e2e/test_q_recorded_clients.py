"""The requests real Q clients send, replayed against the mocks and validated against the spec.

Fixtures: tests/fixtures/recorded/daskeyboard/ (the applet SDK, py5Q and the Go client recorded
by tools/record_q_clients.py; the PHP and C# clients read from their source). Every request gets
a 2xx from the mock, fits the spec operation it is for, and is answered in the documented shape;
a request marked `client_defect` (a bug of that client, refused by any server) gets the status
recorded with it instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from kbapi.mock.daskeyboard import QMockConfig, create_cloud_app, create_local_app
from kbapi.testing import serve
from starlette.applications import Starlette

from tests.support.recorded_q import fixtures, replay, request_errors, response_errors, sequences

CLOUD_APP = create_cloud_app()
LOCAL_APP = create_local_app(QMockConfig(local_quota_per_second=0))
SEQUENCES = sequences()
# The clients of reference §8 that issue 11 names: applet SDK, Python, Go, PHP, C#.
SURVEYED = {
    "daskeyboard/daskeyboard-applet",
    "nathonius/py5Q",
    "clockworksoul/daskeyboard-q-client",
    "tjlytle/qclient",
    "jordanbtucker/DasKeyboard.Q",
    "wedge206/DasKeyboardQClient",
}


@pytest.fixture(scope="module")
def urls() -> Iterator[dict[str, str]]:
    with serve(CLOUD_APP) as cloud, serve(LOCAL_APP) as local:
        yield {"cloud": cloud, "local": local}


@pytest.fixture
def fresh(urls: dict[str, str]) -> dict[str, str]:
    app: Starlette
    for app in (CLOUD_APP, LOCAL_APP):
        app.state.mock.reset()
    return urls


def test_fixtures_cover_the_surveyed_clients_and_name_their_source() -> None:
    found = fixtures()
    assert {f["client"] for f in found} == SURVEYED
    for fixture in found:
        assert re.fullmatch(r"[0-9a-f]{40}", fixture["commit"]), fixture["client"]
        assert fixture["how"].startswith(("recorded:", "read from source")), fixture["client"]
        for sequence in fixture["sequences"]:
            assert sequence["requests"], f"{fixture['client']}: empty sequence"
            for entry in sequence["requests"]:
                assert entry["target"] in ("cloud", "local")
                recorded = fixture["how"].startswith("recorded:")
                assert recorded == ("status" in entry) or "client_defect" in entry


def test_no_recorded_client_sends_back_a_cookie_the_server_set() -> None:
    # Why kbapi keeps none either (kbapi._core.http.ServerCookiesIgnored): every answer of the
    # recording set a cookie, and no request after it carried one.
    probed = [f for f in fixtures() if "cookie_probe" in f]
    clients = {f["client"] for f in probed}
    assert clients >= {"daskeyboard/daskeyboard-applet", "nathonius/py5Q"}
    for fixture in probed:
        requests = [e for s in fixture["sequences"] for e in s["requests"]]
        assert len(requests) > len(fixture["sequences"]), "no request followed an answer"
        assert [e for e in requests if "cookie" in e] == [], fixture["client"]


def expected_status(entry: dict[str, Any]) -> int | None:
    """A defect's recorded status; None = any 2xx."""
    return int(entry["status"]) if "client_defect" in entry else None


@pytest.mark.parametrize(("name", "fixture", "sequence"), SEQUENCES, ids=[s[0] for s in SEQUENCES])
def test_recorded_requests_are_accepted_valid_and_answered_as_documented(
    name: str, fixture: dict[str, Any], sequence: dict[str, Any], fresh: dict[str, str]
) -> None:
    for sent in replay(sequence, fresh):
        what = f"{name}: {sent.entry['method']} {sent.path}"
        status = sent.response.status_code
        defect_status = expected_status(sent.entry)
        if defect_status is not None:
            assert status == defect_status, f"{what}: {status} {sent.response.text}"
            continue
        assert 200 <= status < 300, f"{what}: {status} {sent.response.text}"
        if "status" in sent.entry:
            assert status == sent.entry["status"], what
        assert request_errors(sent) == [], what
        assert response_errors(sent) == [], what


def test_the_validator_catches_a_request_that_breaks_the_spec(fresh: dict[str, str]) -> None:
    # The oracle can fail: a body the real services refuse and a route no target serves.
    bad = {"name": "x", "pid": "DK5QPID", "zoneId": "Q", "color": "red"}
    sequence = {
        "requests": [
            {"target": "local", "method": "POST", "path": "/api/1.0/signals", "query": "",
             "auth": "none", "content_type": "application/json", "json": bad},
            {"target": "local", "method": "GET", "path": "/api/1.0/signals", "query": "",
             "auth": "none"},
        ]
    }  # fmt: skip
    refused, unrouted = replay(sequence, fresh)
    assert refused.response.status_code == 422
    assert any(e.startswith("zoneId") for e in request_errors(refused))
    assert any(e.startswith("color") for e in request_errors(refused))
    assert request_errors(unrouted) == ["no operation for GET /api/1.0/signals on local"]


def test_real_clients_send_nulls_the_mocks_accept(fresh: dict[str, str]) -> None:
    # What issue 11 found: py5Q, the C# clients and the applet SDK send explicit nulls.
    nulls = {
        (f["client"], key)
        for f in fixtures()
        for s in f["sequences"]
        for e in s["requests"]
        for key, value in (e.get("json") or {}).items()
        if value is None and e["method"] == "POST"
    }
    assert ("nathonius/py5Q", "isMuted") in nulls and ("nathonius/py5Q", "action") in nulls
    assert ("daskeyboard/daskeyboard-applet", "clientName") in nulls
    assert ("jordanbtucker/DasKeyboard.Q", "effect") in nulls
    assert ("wedge206/DasKeyboardQClient", "message") in nulls
