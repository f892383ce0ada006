"""kbapi.testing, the pytest plugin users get: its fixtures, isolation between tests, faults.

The plugin is active here as for any user (the pytest11 entry point of the installed package);
`pytester` runs small user test files in their own pytest sessions to see what a user sees.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from kbapi.testing import MockServer

pytest_plugins = ["pytester"]
EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "test_my_dashboard.py"


def test_the_fixtures_are_running_mocks(
    qmk_mock: MockServer, q_local_mock: MockServer, q_cloud_mock: MockServer
) -> None:
    assert httpx.get(f"{qmk_mock.url}/v1").json()["children"]
    assert httpx.get(f"{q_local_mock.url}/api/1.0/signals/shadows").json() == []
    unauthorised = httpx.get(f"{q_cloud_mock.url}/api/1.0/signals")
    assert unauthorised.status_code == 401
    headers = {"X-API-KEY": str(q_cloud_mock.api_key)}
    assert httpx.get(f"{q_cloud_mock.url}/api/1.0/signals", headers=headers).status_code == 200
    assert len({qmk_mock.url, q_local_mock.url, q_cloud_mock.url}) == 3
    assert all(u.startswith("http://127.0.0.1:") for u in (qmk_mock.url, q_local_mock.url))


def test_state_and_faults_are_reset_between_tests(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import httpx

        BODY = {"zoneId": "KEY_Q", "color": "#FF0000", "pid": "DK5QPID", "name": "CI"}

        def test_first_lights_a_key_and_breaks_the_server(q_local_mock):
            assert httpx.post(f"{q_local_mock.url}/api/1.0/signals", json=BODY).status_code == 200
            assert len(q_local_mock.signals()) == 1
            q_local_mock.set_faults("error=1,seed=3")
            assert httpx.get(f"{q_local_mock.url}/api/1.0/signals/shadows").status_code >= 500

        def test_second_sees_a_fresh_server(q_local_mock):
            assert q_local_mock.signals() == []
            assert httpx.get(f"{q_local_mock.url}/api/1.0/signals/shadows").json() == []

        def test_the_session_fixture_keeps_state(kbapi_mocks):
            url = kbapi_mocks.q_local.url
            httpx.post(f"{url}/api/1.0/signals", json=BODY)
            httpx.post(f"{url}/api/1.0/signals", json=BODY)
            assert len(kbapi_mocks.q_local.signals()) == 2
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:randomly", "-q")
    result.assert_outcomes(passed=3)


def test_settings_can_be_overridden(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(
        """
        import pytest
        from kbapi.mock.qmk import QMKMockConfig
        from kbapi.mock.runner import MockSettings

        @pytest.fixture(scope="session")
        def kbapi_mock_settings():
            slow = QMKMockConfig(queue_seconds=3600, run_seconds=0)
            return MockSettings(qmk_port=0, q_local_port=0, q_cloud_port=0, qmk=slow)
        """
    )
    pytester.makepyfile(
        """
        import httpx

        def test_jobs_stay_queued(qmk_mock):
            body = {"keyboard": "1upkeyboards/super16", "keymap": "default",
                    "layout": "LAYOUT_ortho_4x4", "layers": [["KC_A"] * 16]}
            job = httpx.post(f"{qmk_mock.url}/v1/compile", json=body).json()["job_id"]
            assert httpx.get(f"{qmk_mock.url}/v1/compile/{job}").json()["status"] == "queued"
        """
    )
    pytester.runpytest_subprocess("-q").assert_outcomes(passed=1)


def test_the_documented_example_passes(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_my_dashboard=EXAMPLE.read_text(encoding="utf-8"))
    pytester.runpytest_subprocess("-q").assert_outcomes(passed=5)
