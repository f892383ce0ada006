"""Fault injection over real loopback sockets: seeded rates, 429s, latency, dropped connections."""

from __future__ import annotations

import httpx
import pytest
from kbapi.mock.faults import FaultConfig, with_faults
from kbapi.mock.qmk import QMKMockConfig, create_qmk_app
from kbapi.testing import serve
from starlette.types import ASGIApp

REQUESTS = 200
SUPER16 = {
    "keyboard": "1upkeyboards/super16",
    "keymap": "default",
    "layout": "LAYOUT_ortho_4x4",
    "layers": [["KC_A"] * 16],
}

# What httpx says of a dropped connection: before the headers, or with the body missing.
DROPPED = "Server disconnected without sending a response|peer closed connection"


def qmk_app() -> ASGIApp:
    return create_qmk_app(QMKMockConfig(queue_seconds=60, run_seconds=60))


def statuses(config: FaultConfig, count: int = REQUESTS) -> tuple[list[int], dict[str, object]]:
    injector = with_faults(qmk_app(), config)
    with serve(injector) as base, httpx.Client(base_url=base, timeout=10) as http:
        codes = [http.get("/v1/converters").status_code for _ in range(count)]
    return codes, injector.stats.as_dict()


def test_parse_spec_and_env() -> None:
    spec = "error=0.2,429=0.05,retry_after=3,latency=0.1,latency_rate=0.1,drop=0.02,seed=7"
    config = FaultConfig.from_env({"KBAPI_MOCK_FAULTS": spec})
    assert config == FaultConfig(
        error_rate=0.2,
        rate_limit_rate=0.05,
        retry_after=3,
        latency=0.1,
        latency_rate=0.1,
        drop_rate=0.02,
        seed=7,
    )
    with_paths = FaultConfig.parse("drop=1,drop_after=true,paths=^/v1/(compile|a,b)$")
    assert with_paths.paths == "^/v1/(compile|a,b)$" and with_paths.drop_after_processing
    assert FaultConfig.parse("error=0.5", seed=3).seed == 3
    assert not FaultConfig.from_env({}).enabled
    for bad, why in (
        ("error=2", "error_rate must be between 0 and 1"),
        ("nonsense=1", "unknown fault setting 'nonsense'"),
        ("error=abc", "could not convert string to float"),
        ("paths=(", "paths is not a valid regex"),
    ):
        with pytest.raises(ValueError, match=why):
            FaultConfig.parse(bad)


def test_off_by_default() -> None:
    codes, stats = statuses(FaultConfig(), count=20)
    assert codes == [200] * 20
    assert stats["injected"] == 0


def test_error_rate_is_seeded_and_counted() -> None:
    config = FaultConfig(error_rate=0.3, seed=7)
    codes, stats = statuses(config)
    failures = [code for code in codes if code >= 500]
    assert set(failures) <= {500, 503}
    assert 30 <= len(failures) <= 90
    assert stats["errors"] == len(failures) and stats["requests"] == REQUESTS
    again, _ = statuses(config)
    assert again == codes
    other, _ = statuses(FaultConfig(error_rate=0.3, seed=8))
    assert other != codes


def test_rate_limit_with_retry_after() -> None:
    injector = with_faults(qmk_app(), FaultConfig(rate_limit_rate=1.0, retry_after=2.5, seed=1))
    with serve(injector) as base:
        response = httpx.get(f"{base}/v1")
    assert response.status_code == 429
    assert response.headers["retry-after"] == "3"
    assert response.json()["code"] == 429
    assert injector.stats.rate_limited == 1


def test_latency_share_is_counted() -> None:
    codes, stats = statuses(FaultConfig(latency=0.001, latency_rate=0.5, seed=2), count=60)
    assert codes == [200] * 60
    assert isinstance(stats["delayed"], int) and 10 <= stats["delayed"] <= 50


def test_dropped_connections_are_seen_by_httpx() -> None:
    injector = with_faults(qmk_app(), FaultConfig(drop_rate=1.0, seed=1))
    with serve(injector) as base, httpx.Client(base_url=base, timeout=10) as http:
        for _ in range(3):
            with pytest.raises(httpx.TransportError, match=DROPPED):
                http.get("/v1")
    assert injector.stats.dropped == 3


def test_drop_after_processing_still_runs_the_request() -> None:
    config = FaultConfig(drop_rate=1.0, drop_after_processing=True, paths=r"^/v1/compile$")
    injector = with_faults(qmk_app(), config)
    with serve(injector) as base, httpx.Client(base_url=base, timeout=10) as http:
        assert http.get("/v1").json()["queue_length"] == 0
        with pytest.raises(httpx.TransportError, match=DROPPED):
            http.post("/v1/compile", json=SUPER16)
        assert http.get("/v1").json()["queue_length"] == 1
    assert injector.stats.dropped == 1 and injector.stats.matched == 1


def test_drop_before_processing_does_not_run_the_request() -> None:
    config = FaultConfig(drop_rate=1.0, paths=r"^/v1/compile$")
    injector = with_faults(qmk_app(), config)
    with serve(injector) as base, httpx.Client(base_url=base, timeout=10) as http:
        with pytest.raises(httpx.TransportError, match=DROPPED):
            http.post("/v1/compile", json=SUPER16)
        assert http.get("/v1").json()["queue_length"] == 0


def test_paths_limit_faults() -> None:
    injector = with_faults(qmk_app(), FaultConfig(error_rate=1.0, paths=r"^/v1/skeletons"))
    with serve(injector) as base, httpx.Client(base_url=base, timeout=10) as http:
        assert http.get("/v1/converters").status_code == 200
        assert http.get("/v1/skeletons").status_code in (500, 503)
    assert injector.stats.requests == 2 and injector.stats.matched == 1


def test_reset_restarts_the_sequence() -> None:
    injector = with_faults(qmk_app(), FaultConfig(error_rate=0.5, seed=11))
    with serve(injector) as base, httpx.Client(base_url=base, timeout=10) as http:
        first = [http.get("/v1/converters").status_code for _ in range(30)]
        injector.reset()
        assert injector.stats.requests == 0
        second = [http.get("/v1/converters").status_code for _ in range(30)]
    assert first == second and len(set(first)) > 1


def test_late_faults_come_after_the_app_applied_the_request() -> None:
    config = FaultConfig.parse("late_error=1,seed=3", methods=("POST",))
    assert config.late_error_rate == 1 and config.enabled
    injector = with_faults(qmk_app(), config)
    with serve(injector) as base, httpx.Client(base_url=base, timeout=10) as http:
        answer = http.post("/v1/compile", json=SUPER16)
        listed = http.get("/v1/converters")  # not a POST: untouched
    assert answer.status_code in (500, 503) and listed.status_code == 200
    assert len(injector.app.state.mock.jobs.all()) == 1  # type: ignore[attr-defined]
    assert injector.stats.as_dict()["after_applied"] == 1


def test_a_scripted_late_latency_holds_an_applied_answer_until_released() -> None:
    injector = with_faults(qmk_app(), FaultConfig(methods=("POST",)))
    injector.script("late_latency")
    with serve(injector) as base, httpx.Client(base_url=base, timeout=10) as http:
        with pytest.raises(httpx.ReadTimeout, match="timed out"):
            http.post("/v1/compile", json=SUPER16, timeout=httpx.Timeout(10, read=0.5))
        assert len(injector.app.state.mock.jobs.all()) == 1  # type: ignore[attr-defined]
        injector.release()
        assert http.post("/v1/compile", json=SUPER16).status_code == 200
    assert injector.stats.late_delayed == 1 and injector.stats.matched == 2
    with pytest.raises(ValueError, match="unknown scripted"):
        injector.script("gremlins")
