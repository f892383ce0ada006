"""What the Q client decides without a server: targets, URLs, auth, options, repr, rendering.
The client tests run against both faces (`face`).

Clients built here point at a transport that fails the test if anything is sent.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from kbapi._core.auth import ApiKeyAuth, OAuth2Auth
from kbapi._core.client import TransportOptions
from kbapi._core.errors import InputError
from kbapi._core.ratelimit import RateLimiter
from kbapi._generated.q_api.models import Effect as EffectInfo
from kbapi.daskeyboard import (
    CLOUD_URL,
    DEFAULT_LOCAL_URL,
    LEGACY_CLOUD_URL,
    ClientCredentials,
    EffectError,
    TargetError,
    get_layout,
)
from kbapi.daskeyboard.arguments import epoch_millis
from kbapi.daskeyboard.keycaps import fit_label
from kbapi.daskeyboard.render import keyboard_text, render_keyboard, text_color
from kbapi.daskeyboard.targets import (
    auth_hint,
    infer_target,
    normalize_base_url,
    require,
    shared_local_limiter,
)
from rich.console import Console

from tests.support.faces import Face


def _refuse(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"nothing may be sent, got {request.method} {request.url}")


NO_NETWORK = TransportOptions(
    transport=httpx.MockTransport(_refuse), async_transport=httpx.MockTransport(_refuse)
)


# --- targets --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "root"),
    [
        ("http://localhost:27301", "http://localhost:27301"),
        ("http://localhost:27301/", "http://localhost:27301"),
        ("http://localhost:27301/api/1.0", "http://localhost:27301"),
        ("https://q2.daskeyboard.com/api/1.0/", "https://q2.daskeyboard.com"),
        ("http://127.0.0.1:9/API/2.0", "http://127.0.0.1:9"),
        (" https://example.com/proxy/q ", "https://example.com/proxy/q"),
    ],
)
def test_normalize_base_url(given: str, root: str) -> None:
    assert normalize_base_url(given) == root


@pytest.mark.parametrize("bad", ["localhost:27301", "ftp://example.com", "http://", ""])
def test_normalize_base_url_refuses(bad: str) -> None:
    with pytest.raises(InputError, match="not an http"):
        normalize_base_url(bad)


def test_target_inference_and_availability() -> None:
    assert infer_target(None, False) == "local"
    assert infer_target(None, True) == "cloud"
    assert infer_target("local", True) == "local"
    with pytest.raises(InputError, match="target must be 'local' or 'cloud'"):
        infer_target("legacy", False)  # type: ignore[arg-type]
    require("list_signals", "cloud")
    require("paint_v2", "local")
    with pytest.raises(TargetError, match="use shadows"):
        require("list_signals", "local")
    with pytest.raises(TargetError, match="only on the local app"):
        require("paint_v2", "cloud")


def test_shared_limiter_is_per_app() -> None:
    a = shared_local_limiter("http://127.0.0.1:27301")
    assert shared_local_limiter("http://127.0.0.1:27301") is a
    assert shared_local_limiter("http://127.0.0.1:27302") is not a
    assert (a.rate, a.per) == (45, 1.0)


def test_auth_hints() -> None:
    assert "API key" in auth_hint(ApiKeyAuth("X-API-KEY", "k"))
    oauth = OAuth2Auth("https://q.daskeyboard.com/oauth/1.4/token", ClientCredentials("i", "s"))
    assert "OAuth" in auth_hint(oauth)
    assert "credentials" in auth_hint(None)


# --- construction ---------------------------------------------------------------------------


def test_constructors_pick_hosts_and_targets(face: Face) -> None:
    with face.q("local") as local:
        assert (local.target, local.base_url, local.pid) == ("local", DEFAULT_LOCAL_URL, "DK5QPID")
    with face.q("cloud", "key") as cloud:
        assert (cloud.target, cloud.base_url) == ("cloud", CLOUD_URL)
    with face.q("oauth", ClientCredentials("id", "secret")) as oauth:
        assert (oauth.target, oauth.base_url) == ("cloud", LEGACY_CLOUD_URL)
        auth = oauth._core.auth
        assert isinstance(auth, OAuth2Auth)
        assert str(auth.token_url) == f"{LEGACY_CLOUD_URL}/oauth/1.4/token"
    with face.q(layout="fr", device="X50Q") as x50:
        assert (x50.layout, x50.pid) == (get_layout("fr-FR", "X50Q"), "X50QPID")


def test_from_env(face: Face) -> None:
    env = {"KBAPI_Q_URL": "http://127.0.0.1:5555/api/1.0", "KBAPI_Q_API_KEY": "k"}
    with face.q("from_env", environ=env) as q:
        assert (q.target, q.base_url) == ("cloud", "http://127.0.0.1:5555")
    with face.q("from_env", environ={}) as q:
        assert (q.target, q.base_url) == ("local", DEFAULT_LOCAL_URL)
    with face.q("from_env", environ={"KBAPI_Q_API_KEY": "k"}) as q:
        assert q.base_url == CLOUD_URL
    with face.q("from_env", environ=env, base_url="http://localhost:1") as q:
        assert q.base_url == "http://localhost:1"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"api_key": ""}, "api_key must be"),
        ({"api_key": "k", "auth": httpx.BasicAuth("u", "p")}, "not both"),
        ({"zone_format": "hex"}, "zone_format"),
        ({"max_concurrency": 0}, "max_concurrency"),
        ({"pid": "dk5q"}, "pid must look like"),
        ({"layout": "xx-XX"}, "unknown keyboard layout"),
        ({"device": "6Q"}, "unknown Q device"),
    ],
)
def test_constructor_refuses(face: Face, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=message):
        face.q("__call__", "https://q2.daskeyboard.com", **kwargs)


def test_transport_options(face: Face) -> None:
    with face.q("local") as q:  # by default, every client of one local app shares its limiter
        assert q._core.options.rate_limiter is shared_local_limiter("http://localhost:27301")
    mine = RateLimiter(10)
    with face.q("local", rate_limiter=mine) as q:
        assert q._core.options.rate_limiter is mine
    with face.q("local", http_options=TransportOptions(rate_limiter=mine), timeout=3) as q:
        assert q._core.options.rate_limiter is mine
        assert q._core.options.timeout == 3
    with face.q("cloud", "key") as q:
        assert q._core.options.rate_limiter is None  # no documented cloud quota


def test_repr_never_shows_credentials(face: Face) -> None:
    with face.q("cloud", "SECRET-KEY-1") as q:
        assert "SECRET-KEY-1" not in repr(q)
        assert "X-API-KEY" in repr(q)
    grant = ClientCredentials("id", "SECRET-2")
    with face.q("oauth", grant, base_url="https://u:pw@h.example") as o:
        assert "SECRET-2" not in repr(o) and "pw" not in repr(o)


# --- decisions before sending ----------------------------------------------------------------


def test_cloud_only_operations_are_refused_locally(face: Face) -> None:
    with face.q("local", http_options=NO_NETWORK) as q:
        for call in (q.signals, q.devices, q.colors, q.effects, q.zones, q.current_user,
                     q.authorized_clients, q.device_definitions):  # fmt: skip
            with pytest.raises(TargetError, match="cloud only"):
                call()
        with pytest.raises(TargetError, match=r"signals/after/.* is cloud only"):
            q.signals_after(0)
        with pytest.raises(TargetError, match="users and authorized clients are cloud only"):
            q.revoke_client("x")


def test_learnt_effects_are_checked_before_sending(face: Face) -> None:
    with face.q("cloud", "k", http_options=NO_NETWORK) as q:
        q._core.learn_effects("DK5QPID", [EffectInfo(code="SET_COLOR"), EffectInfo(code="BLINK")])
        with pytest.raises(EffectError, match="this device's effects: BLINK, SET_COLOR, NONE"):
            q.send("KEY_Q", "red", effect="WAVE")
        with pytest.raises(InputError, match="size"):
            q.signals(size=0)


def test_revoke_client_needs_a_name(face: Face) -> None:
    with face.q("cloud", "k", http_options=NO_NETWORK) as q:
        for bad in ("", None, 5):
            with pytest.raises(InputError, match="client name must be a non-empty string"):
                q.revoke_client(bad)


def test_a_server_that_ignores_the_page_number_is_read_once(face: Face) -> None:
    asked: list[str | None] = []

    def page_zero(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.params.get("page"))
        signal = {"id": 1, "name": "", "pid": "DK5QPID", "zoneId": "2,2", "color": "#FF0000",
                  "createdAt": 1, "updatedAt": 1}  # fmt: skip
        return httpx.Response(200, json={"content": [signal], "size": 1, "sort": "",
            "hasNextPage": True, "page": 0, "totalElements": 3, "totalPages": 3})  # fmt: skip

    mock = TransportOptions(
        transport=httpx.MockTransport(page_zero), async_transport=httpx.MockTransport(page_zero)
    )
    with face.q("cloud", "k", http_options=mock) as q:
        # Page 1 came back as page 0 again: the pager stops instead of repeating it forever.
        assert [s.id for s in q.signals(size=1)] == [1]
    assert asked == ["0", "1"]


def test_a_zone_off_the_layout_is_refused_before_sending(face: Face) -> None:
    with face.q("local", http_options=NO_NETWORK) as q, pytest.raises(InputError, match="2,4"):
        q.send("2,4", "red")


def test_epoch_millis() -> None:
    assert epoch_millis(5) == 5
    assert epoch_millis(datetime(2018, 3, 7, tzinfo=UTC)) == 1520380800000
    for bad in (-1, True, 1.5, datetime(2018, 3, 7)):
        with pytest.raises(InputError, match=r"milliseconds since 1970|timezone-aware"):
            epoch_millis(bad)  # type: ignore[arg-type]


# --- rendering --------------------------------------------------------------------------------


def _draw(
    width: int, colors: dict[Any, str], layout: str = "en-US", device: str = "5Q", **kw: Any
) -> str:
    console = Console(width=width, color_system="truecolor", force_terminal=True, record=True)
    console.print(render_keyboard(get_layout(layout, device), colors, **kw))
    return console.export_text(styles=True)


def test_render_keyboard_in_truecolor() -> None:
    drawn = _draw(120, {"KEY_Q": "#FF0000", 75: "#0F0", "0,3": "blue"})
    assert "48;2;255;0;0" in drawn  # Q on red
    assert "48;2;0;255;0" in drawn  # W on green
    assert drawn.count("48;2;0;0;255") == 6  # every cell of the left pipe
    assert "3 zones lit" in drawn
    assert "Das Keyboard 5Q · en-US" in drawn


def _plain(width: int, colors: dict[Any, str], layout: str = "en-US", **kw: Any) -> list[str]:
    """The drawing as a pipe or NO_COLOR terminal gets it: no colour, so brackets and a legend."""
    console = Console(width=width, record=True, color_system=None)
    console.print(render_keyboard(get_layout(layout), colors, **kw))
    return console.export_text().splitlines()


@pytest.mark.parametrize("width", [80, 120])
def test_render_keyboard_fits_and_keeps_labels_apart(width: int) -> None:
    lines = _plain(width, {"KEY_Z": "red"}, layout="de-DE")
    assert max(len(line) for line in lines) <= width
    assert "T[Z]U" in lines[3].replace(" ", "")  # the German Z is in the QWERTY Y cell, lit
    row0 = _plain(width, {})[1]
    if width >= 97:
        assert "F9 F10 F11 F12  PRT SCR PAU" in row0
    else:
        assert "F9 10 11 12  PS SL Pa" in row0
    assert all(len(line.split()) > 1 for line in lines[1:7])  # no row is one run of letters


def test_render_draws_the_space_bar_wide_and_iso_enter_tall() -> None:
    lines = _plain(120, {"KEY_SPACE": "red", "KEY_ENTER": "blue"}, layout="fr-FR")
    space = re.search(r"\[\s*SPACE\s*\]", lines[6])
    assert space and len(space.group()) >= 6 * 4  # 6.25 key units at 4 columns each
    assert "↵" in lines[3] and "µ" in lines[4]  # ISO Enter on the Q row, µ left of it below
    colored = _draw(120, {"KEY_ENTER": "blue"}, layout="fr-FR").splitlines()
    assert sum("48;2;0;0;255" in line for line in colored) == 2  # both rows of the tall Enter


def test_without_colour_lit_keys_are_bracketed_and_listed_with_effects() -> None:
    lines = _plain(80, {"KEY_Q": "red", "KEY_W": "#00FF00"}, effects={"KEY_W": "blink"})
    assert "[Q |W ]" in lines[3]
    legend = [line.strip("│ ").split() for line in lines[8:10]]
    assert legend == [["Q", "KEY_Q", "2,2", "#FF0000", "SET_COLOR"],
                      ["W", "KEY_W", "3,2", "#00FF00", "BLINK"]]  # fmt: skip


def test_with_colour_effects_are_listed_under_the_drawing() -> None:
    drawn = _draw(120, {"KEY_Q": "red", "KEY_E": "red"}, effects={"KEY_E": "BREATHE"})
    assert "BREATHE: E" in drawn and "SET_COLOR" not in drawn


def test_render_labels_and_contrast() -> None:
    text = keyboard_text(get_layout("en-US"), {}).plain.splitlines()
    assert text[0].startswith("│ ESC ")
    assert "SPACE" in text[5]
    assert fit_label("PRT-SC", 3) == "PRT" and fit_label("PRT-SC", 2) == "PS"
    assert fit_label("N-7", 3) == "7" and fit_label(None, 3) == ""
    assert (text_color("#FFFF00"), text_color("#000080")) == ("#000000", "#FFFFFF")
    assert "4Q" in _draw(120, {"2,2": "red"}, device="4Q")
    with pytest.raises(InputError, match="no key at cell 2,4"):
        render_keyboard(get_layout("en-US"), {"2,4": "red"})


def test_the_package_does_not_need_rich() -> None:
    code = (
        "import sys; sys.modules['rich'] = None; import kbapi.daskeyboard as d; "
        "assert d.QClient and d.AsyncQClient and 'kbapi.daskeyboard.render' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
