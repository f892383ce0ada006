"""A user's own tests, run against kbapi's mock servers through the kbapi.testing pytest plugin.

Needs only `pip install 'kbapi[testing]'`: the fixtures below come from the plugin, nothing to
import or configure. The "dashboard" is the kind of code a user writes; the tests check what it
did through the mocks' own state, as one would check a real keyboard.
"""

import httpx
from kbapi.daskeyboard import QClient
from kbapi.qmk import QMKClient


def light_build_status(base_url: str, passed: bool) -> None:
    """The user's code under test: a build light on the Q key, through the local Q API."""
    with QClient.local(base_url=base_url) as q:
        q.send("KEY_Q", "green" if passed else "red", name="CI")


def test_a_passing_build_lights_the_q_key_green(q_local_mock):
    light_build_status(q_local_mock.url, passed=True)
    [signal] = q_local_mock.signals()
    assert signal["zoneId"] == "2,2"  # KEY_Q on en-US, sent as XY
    assert signal["color"].upper() == "#00FF00"


def test_each_test_starts_from_an_empty_keyboard(q_local_mock):
    assert q_local_mock.signals() == []
    shadows = httpx.get(f"{q_local_mock.url}/api/1.0/signals/shadows").json()
    assert shadows == []


def test_the_cloud_takes_the_mocks_demo_api_key(q_cloud_mock):
    with QClient.cloud(q_cloud_mock.api_key, base_url=q_cloud_mock.url) as q:
        q.send("KEY_A", "blue", name="Deploy", message="done")
    assert [s["name"] for s in q_cloud_mock.signals()] == ["Deploy"]


def test_a_keymap_compiles_to_firmware(qmk_mock, tmp_path):
    keymap = {
        "keyboard": "1upkeyboards/super16",
        "keymap": "default",
        "layout": "LAYOUT_ortho_4x4",
        "layers": [["KC_A"] * 16],
    }
    with QMKClient(qmk_mock.url) as qmk:
        path = qmk.compile_and_download(keymap, tmp_path)
    assert path.read_text().startswith(":")  # Intel HEX


def test_a_flaky_service_is_survived(q_local_mock):
    q_local_mock.set_faults("error=1,seed=1,paths=^/api/1.0/signals$")
    with QClient.local(base_url=q_local_mock.url) as q:
        try:
            q.send("KEY_W", "red")
        except Exception as error:  # the user's code decides what a failure means
            failure = error
    assert "500" in str(failure) or "502" in str(failure) or "503" in str(failure)
    q_local_mock.set_faults(None)
    light_build_status(q_local_mock.url, passed=False)
    assert len(q_local_mock.signals()) == 1
