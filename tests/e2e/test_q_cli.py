"""`kbapi q` commands and the `make demo` Q part against the Q mocks over loopback sockets."""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from kbapi.cli import app
from kbapi.mock.daskeyboard import DEMO_API_KEY, QMockConfig, create_cloud_app, create_local_app
from kbapi.testing import serve
from rich.console import Console
from typer.testing import CliRunner, Result

from tests.support.recorder import Recorder

LOCAL_APP = create_local_app(QMockConfig())
LOCAL = Recorder(LOCAL_APP)
CLOUD_APP = create_cloud_app(QMockConfig())
runner = CliRunner()
TOOLS = Path(__file__).resolve().parents[2] / "tools"


@pytest.fixture(scope="module")
def local_server() -> Iterator[str]:
    with serve(LOCAL) as url:
        yield url


@pytest.fixture(scope="module")
def cloud_server() -> Iterator[str]:
    with serve(CLOUD_APP) as url:
        yield url


@pytest.fixture
def local_url(local_server: str) -> str:
    LOCAL_APP.state.mock.reset()
    LOCAL.reset()
    return local_server


@pytest.fixture
def cloud_url(cloud_server: str) -> str:
    CLOUD_APP.state.mock.reset()
    return cloud_server


def q(url: str, *args: str, key: str | None = None, **env: str) -> Result:
    variables = {"KBAPI_Q_URL": url, "KBAPI_Q_API_KEY": key or "", "COLUMNS": "120", **env}
    return runner.invoke(app, ["q", *args], env=variables)


def test_send_shadows_show_clear(local_url: str) -> None:
    sent = q(local_url, "send", "--zone", "KEY_Q", "--color", "red")
    assert sent.exit_code == 0, sent.output
    assert "zone 2,2 #FF0000 SET_COLOR on DK5QPID (local)" in sent.stdout
    assert q(local_url, "send", "-z", "76", "-c", "#00F", "--effect", "blink").exit_code == 0
    listed = q(local_url, "shadows", "--json")
    rows = json.loads(listed.stdout)
    assert [(r["zone"], r["key"], r["color"], r["effect"]) for r in rows] == [
        ("2,2", "Q", "#FF0000", "SET_COLOR"),
        ("4,2", "E", "#0000FF", "BLINK"),
    ]
    table = q(local_url, "shadows")
    assert "2,2" in table.stdout and "#0000FF" in table.stdout
    shown = q(local_url, "show", FORCE_COLOR="1", COLORTERM="truecolor")
    assert shown.exit_code == 0, shown.output
    assert "48;2;255;0;0" in shown.stdout  # Q drawn on red, in truecolor
    assert "48;2;0;0;255" in shown.stdout
    assert "2 zones lit" in shown.stdout
    cleared = q(local_url, "clear")
    assert cleared.stdout.strip() == "deleted 2 signals"
    assert q(local_url, "shadows").stdout.strip() == "no zone shows a signal"


@pytest.mark.parametrize("columns", ["80", "120"])
def test_show_piped_brackets_lit_keys_and_lists_them(local_url: str, columns: str) -> None:
    assert (
        q(local_url, "send", "-z", "KEY_SPACE", "-c", "red", "--effect", "BREATHE").exit_code == 0
    )
    assert q(local_url, "send", "-z", "KEY_F10", "-c", "#00F").exit_code == 0
    for env in ({}, {"NO_COLOR": "1", "FORCE_COLOR": "1"}):
        shown = q(local_url, "show", COLUMNS=columns, **env)
        assert shown.exit_code == 0, shown.output
        assert ("\x1b[" in shown.stdout) == bool(env)  # NO_COLOR keeps bold, drops colour
        assert "38;2;" not in shown.stdout and "48;2;" not in shown.stdout
        text = re.sub(r"\x1b\[[0-9;]*m", "", shown.stdout)
        assert max(len(line) for line in text.splitlines()) <= int(columns)
        assert re.search(r"\[\s+SPACE\s+\]", text)
        assert re.search(r"\[(F10|10)\]", text)
        assert re.search(r"SPACE\s+KEY_SPACE\s+7,5\s+#FF0000\s+BREATHE", text)
        assert re.search(r"F10\s+KEY_F10\s+13,0\s+#0000FF\s+SET_COLOR", text)


def test_send_in_other_layouts_and_formats(local_url: str) -> None:
    fr = q(local_url, "send", "--zone", "KEY_Q", "--color", "red", "--layout", "fr-FR")
    assert "zone 3,3" in fr.stdout
    code = q(local_url, "send", "--zone", "2,2", "--color", "red", "--zone-format", "code")
    assert "zone KEY_Q" in code.stdout
    rows = json.loads(q(local_url, "shadows", "--json").stdout)
    assert sorted(r["zone"] for r in rows) == ["2,2", "3,3"]


def test_paint_a_file_and_stdin(local_url: str, tmp_path: Path) -> None:
    keys = tmp_path / "keys.json"
    keys.write_text(json.dumps({"KEY_K": "#8000FF", "3,3": "green", "76": [255, 128, 0]}))
    painted = q(local_url, "paint", str(keys))
    assert painted.exit_code == 0, painted.output
    assert painted.stdout.strip() == "painted 3 zones with 1 v2 request"
    assert LOCAL.count(method="POST", path="/api/2.0/signals") == 1
    v1 = runner.invoke(
        app,
        ["q", "paint", "-", "--method", "v1"],
        input='{"KEY_Z": "red", "KEY_X": "red"}',
        env={"KBAPI_Q_URL": local_url, "KBAPI_Q_API_KEY": ""},
    )
    assert v1.stdout.strip() == "painted 2 zones with 2 v1 requests"
    rows = json.loads(q(local_url, "shadows", "--json").stdout)
    assert {r["zone"]: r["color"] for r in rows}["4,2"] == "#FF8000"
    assert len(rows) == 5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not JSON"),
        ("[]", "must hold a JSON object"),
        ('{"2,4": "red"}', "no key at cell 2,4"),
        ('{"KEY_Q": "nope"}', "unknown colour"),
    ],
)
def test_paint_bad_files_exit_2(local_url: str, tmp_path: Path, content: str, message: str) -> None:
    keys = tmp_path / "keys.json"
    keys.write_text(content)
    result = q(local_url, "paint", str(keys))
    assert result.exit_code == 2
    assert message in result.stderr
    assert LOCAL.count() == 0


def test_bad_input_exits_2_before_sending(local_url: str) -> None:
    for args in (
        ["send", "--zone", "2,4", "--color", "red"],
        ["send", "--zone", "KEY_Q", "--color", "red", "--effect", "sparkle"],
        ["send", "--zone", "KEY_Q", "--color", "red", "--layout", "xx"],
        ["paint", "/no/such/file.json"],
    ):
        result = q(local_url, *args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("error: ")
    assert LOCAL.count() == 0


def test_zones_lists_a_layout_without_a_server() -> None:
    rows = json.loads(runner.invoke(app, ["q", "zones", "--layout", "fr-FR", "--json"]).stdout)
    by_code = {row["code"]: row for row in rows}
    assert (by_code["KEY_Q"]["xy"], by_code["KEY_Q"]["linear"]) == ("3,3", 99)
    assert len(rows) == 111
    table = runner.invoke(app, ["q", "zones", "--layout", "de"], env={"COLUMNS": "120"})
    assert "KEY_UBERMUT" in table.stdout and "de-DE 5Q" in table.stdout
    four = runner.invoke(app, ["q", "zones", "--device", "4Q"])
    assert four.exit_code == 2
    assert "unknown for the 4Q" in four.stderr


def test_cloud_with_an_api_key(cloud_url: str) -> None:
    sent = q(cloud_url, "send", "--zone", "KEY_Q", "--color", "red", "--zone-format", "code",
             key=DEMO_API_KEY)  # fmt: skip
    assert "zone 74" in sent.stdout and "(cloud)" in sent.stdout  # the cloud rewrote the code
    rows = json.loads(q(cloud_url, "shadows", "--json", key=DEMO_API_KEY).stdout)
    assert [(r["zone"], r["zoneId"]) for r in rows] == [("2,2", "74")]
    assert q(cloud_url, "clear", key=DEMO_API_KEY).stdout.strip() == "deleted 1 signal"


def test_cloud_with_a_wrong_api_key(cloud_url: str) -> None:
    result = q(cloud_url, "shadows", key="wrong-key")
    assert result.exit_code == 1
    assert "401 Unauthorized: invalid API key" in result.stderr
    assert "the API key was refused" in result.stderr
    assert "wrong-key" not in result.output


def test_demo_paints_three_zone_systems_and_draws_the_keyboard(local_url: str) -> None:
    sys.path.insert(0, str(TOOLS))
    try:
        from demo_q import run_q_demo
    finally:
        sys.path.remove(str(TOOLS))
    out = io.StringIO()
    console = Console(file=out, width=120, color_system="truecolor", force_terminal=True)
    run_q_demo(local_url, console)
    text = out.getvalue()
    for line in ("as key code", "as x,y", "as linear id", "with 1 v2 request", "8 zones lit"):
        assert line in text
    assert "48;2;255;0;0" in text  # ESC and I drawn on red
    assert len(LOCAL_APP.state.store.snapshot()) == 4


def test_clear_removes_every_layer_kbapi_lit_and_all_removes_the_rest(local_url: str) -> None:
    for color in ("red", "lime", "blue"):  # three layers in one zone
        assert q(local_url, "send", "-z", "KEY_Q", "-c", color).exit_code == 0
    foreign = {"name": "x", "pid": "DK5QPID", "zoneId": "0,0", "color": "#FFF", "clientName": "app"}
    assert httpx.post(f"{local_url}/api/1.0/signals", json=foreign).status_code == 200
    assert q(local_url, "clear").stdout.strip() == "deleted 3 signals"
    rows = json.loads(q(local_url, "shadows", "--json").stdout)
    assert [r["zone"] for r in rows] == ["0,0"]  # the other app's signal stays
    assert q(local_url, "clear", "--all").stdout.strip() == "deleted 1 signal"
    assert q(local_url, "shadows").stdout.strip() == "no zone shows a signal"
