"""Both faces (QClient, AsyncQClient) against the Q mocks over loopback sockets, no mocks of kbapi.

Every server is wrapped in a `Recorder` that sees requests exactly as the server answers them,
so the tests can count requests, 429s, 401s and concurrent requests on the server side.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from kbapi._core.auth import OAuth2Auth
from kbapi._core.client import TransportOptions
from kbapi._core.errors import AuthenticationError, InputError, NotFoundError
from kbapi._core.ratelimit import RateLimiter
from kbapi._core.retry import RetryPolicy
from kbapi.daskeyboard import (
    AsyncQClient,
    AuthorizationCodeGrant,
    ClientCredentials,
    ColorError,
    EffectError,
    EmptyCellError,
    OffGridError,
    PasswordGrant,
    QClient,
    RefreshTokenGrant,
    TargetError,
    UnknownKeyCodeError,
    ZoneSyntaxError,
    get_layout,
)
from kbapi.daskeyboard.targets import LOCAL_RATE
from kbapi.mock.daskeyboard import (
    DEMO_API_KEY,
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_CODE,
    DEMO_EMAIL,
    DEMO_PASSWORD,
    QMockConfig,
    create_cloud_app,
    create_local_app,
)
from kbapi.testing import SimClock, serve

from tests.support.faces import Face
from tests.support.recorder import Recorder

US = get_layout("en-US")
FULL_KEYBOARD = {  # the 104 one-LED keys (all but the pipes, M1-M3 and the Q button)
    zone.xy: f"#{(zone.linear * 2) % 256:02X}80{zone.x * 10:02X}"
    for zone in US.zones()
    if len(zone.led_ids) == 1
}

LOCAL_APP = create_local_app(QMockConfig())
LOCAL = Recorder(LOCAL_APP)
CLOUD_APP = create_cloud_app(QMockConfig())
CLOUD = Recorder(CLOUD_APP)
SLOW_CLOUD_APP = create_cloud_app(QMockConfig(rewrite_key_codes=False))
SLOW_CLOUD = Recorder(SLOW_CLOUD_APP, delay=0.03)


def test_the_full_keyboard_is_104_keys() -> None:
    assert len(FULL_KEYBOARD) == 104


def _served(recorder: Recorder) -> Iterator[str]:
    with serve(recorder) as url:
        yield url


@pytest.fixture(scope="module")
def local_server() -> Iterator[str]:
    yield from _served(LOCAL)


@pytest.fixture(scope="module")
def cloud_server() -> Iterator[str]:
    yield from _served(CLOUD)


@pytest.fixture(scope="module")
def slow_cloud_server() -> Iterator[str]:
    yield from _served(SLOW_CLOUD)


@pytest.fixture
def local_url(local_server: str) -> str:
    LOCAL_APP.state.mock.reset()
    LOCAL.reset()
    return local_server


@pytest.fixture
def cloud_url(cloud_server: str) -> str:
    CLOUD_APP.state.mock.reset()
    CLOUD.reset()
    return cloud_server


@pytest.fixture
def slow_cloud_url(slow_cloud_server: str) -> str:
    SLOW_CLOUD_APP.state.mock.reset()
    SLOW_CLOUD.reset()
    return slow_cloud_server


@pytest.fixture
def local(face: Face, local_url: str) -> Iterator[Any]:
    """A local `QClient`, or an `AsyncQClient` driven through `Blocking`."""
    with face.q("local", local_url) as client:
        yield client


@pytest.fixture
def cloud(face: Face, cloud_url: str) -> Iterator[Any]:
    """A cloud `QClient` (API key), or an `AsyncQClient` driven through `Blocking`."""
    with face.q("cloud", DEMO_API_KEY, base_url=cloud_url) as client:
        yield client


def _stored(app: Any) -> list[dict[str, Any]]:
    return list(app.state.store.snapshot())


# --- one zone in three systems is one shadow ------------------------------------------------


def test_local_send_in_each_zone_system_is_one_shadow(local: Any) -> None:
    for zone, color in (("KEY_Q", "#F00"), ("2,2", "#00FF00"), (74, "blue")):
        signal = local.send(zone, color)
        assert signal.zone_id == "2,2"  # sent in XY, as the docs recommend
        assert signal.id < 0
    shadows = local.shadows()
    assert [(s.xy, s.label, s.color) for s in shadows] == [("2,2", "Q", "#0000FF")]
    assert [s["zoneId"] for s in _stored(LOCAL_APP)] == ["2,2", "2,2", "2,2"]


def test_local_zone_formats_on_the_wire_still_one_shadow(local: Any) -> None:
    local.send("2,2", "#F00", zone_format="code")
    local.send("KEY_Q", "#0F0", zone_format="linear")
    local.send(74, "#00F", zone_format="xy")
    assert [s["zoneId"] for s in _stored(LOCAL_APP)] == ["KEY_Q", "74", "2,2"]
    assert [(s.xy, s.color) for s in local.shadows()] == [("2,2", "#0000FF")]


def test_cloud_send_in_each_zone_system_is_one_shadow(cloud: Any) -> None:
    cloud.send("KEY_Q", "#F00", zone_format="code")  # the cloud rewrites it to linear 74
    cloud.send("2,2", "#0F0")
    cloud.send(74, "#00F", zone_format="linear")
    assert sorted(s["zoneId"] for s in _stored(CLOUD_APP)) == ["2,2", "74", "74"]
    shadows = cloud.shadows()
    assert [(s.xy, s.color) for s in shadows] == [("2,2", "#0000FF")]
    assert cloud.shadows("DK5QPID")[0].xy == "2,2"


def test_fr_layout_sends_key_q_to_its_own_cell(face: Face, local_url: str) -> None:
    with face.q("local", local_url, layout="fr-FR") as fr:
        assert fr.send("KEY_Q", "red").zone_id == "3,3"
        assert fr.send("KEY_Q", "red", layout="en-US").zone_id == "2,2"
        assert fr.send("KEY_Z", "red", layout="de-DE").zone_id == "7,2"


# --- painting -----------------------------------------------------------------------------


def test_paint_104_keys_locally_is_one_v2_request(local: Any) -> None:
    result = local.paint(FULL_KEYBOARD)
    assert (result.mode, result.requests, len(result.zones)) == ("v2", 1, 104)
    assert LOCAL.count(method="POST") == 1
    assert LOCAL.count(path="/api/2.0/signals", method="POST") == 1
    assert LOCAL.count(status=429) == 0
    shown = {s.xy: s.color for s in local.shadows()}
    assert shown == {xy: color.upper() for xy, color in FULL_KEYBOARD.items()}
    assert local.clear() == 1
    assert local.shadows() == []
    assert LOCAL.count(method="DELETE", path="/api/2.0/signals/") == 1


@contextmanager
def local_on(clock: SimClock, *, v2: bool = True, **config: Any) -> Iterator[tuple[str, Recorder]]:
    """A local mock whose quota window runs on `clock`, behind a recorder."""
    recorder = Recorder(create_local_app(QMockConfig(**config), clock=clock), v2=v2)
    with serve(recorder) as url:
        yield url, recorder


def paced(clock: SimClock) -> RateLimiter:
    """The client-side limit of the local app (LOCAL_RATE per second), on simulated time."""
    return RateLimiter(LOCAL_RATE, clock=clock, sleep=clock.sleep, async_sleep=clock.asleep)


def test_paint_104_keys_without_v2_never_hits_the_quota(face: Face) -> None:
    clock = SimClock()
    with (
        local_on(clock, v2=False) as (url, log),
        face.q("local", url, rate_limiter=paced(clock)) as q,
    ):
        started = clock()
        result = q.paint(FULL_KEYBOARD)
        took = clock() - started
        assert (result.mode, result.v2_missing, result.requests) == ("v1", True, 105)
        assert log.count(path="/api/2.0", status=404) == 1
        assert log.count(path="/api/1.0/signals", method="POST", status=200) == 104
        assert log.count(status=429) == 0  # the client-side limiter kept under 50/s
        assert len(q.shadows()) == 104
        again = q.paint({"KEY_Q": "red", "KEY_W": "blue"})  # v2 is not asked again
        assert (again.mode, again.requests) == ("v1", 2)
        assert log.count(path="/api/2.0") == 1
        assert q.clear(again) == 2
    assert log.count(status=429) == 0
    assert took >= 2.0  # 105 requests at <= 45 per second need two whole windows


def test_a_forced_v2_paint_without_v2_is_not_found(face: Face) -> None:
    with (
        local_on(SimClock(), v2=False) as (url, log),
        face.q("local", url) as q,
        pytest.raises(NotFoundError, match="404 Not Found"),
    ):
        q.paint({"KEY_Q": "red"}, method="v2")
    assert log.count(path="/api/2.0", status=404) == 1
    assert log.count(path="/api/1.0") == 0  # no fallback when v2 was asked for


def test_paint_104_keys_v1_never_hits_the_quota(face: Face) -> None:
    clock = SimClock()
    with local_on(clock) as (url, log), face.q("local", url, rate_limiter=paced(clock)) as q:
        result = q.paint(FULL_KEYBOARD, method="v1")
        shown = len(q.shadows())
    assert (result.mode, result.requests, shown) == ("v1", 104, 104)
    assert log.count(path="/api/1.0/signals", method="POST", status=200) == 104
    assert log.count(status=429) == 0
    assert max(clock.slept) > 0  # paced: some requests waited for the next window


def test_429_is_still_retried_with_backoff(face: Face) -> None:
    clock = SimClock()
    # Equal-jitter backoff waits at least 0.05 + 0.1 + 6 x 0.2 s over 8 retries: past a window.
    retries = RetryPolicy(max_retries=8, backoff_base=0.1, backoff_cap=0.4)
    http = TransportOptions(retries=retries, sleep=clock.sleep, async_sleep=clock.asleep)
    with (
        local_on(clock, local_quota_per_second=4) as (url, log),
        face.q("local", url, rate_limiter=None, http_options=http, max_concurrency=1) as q,
    ):
        zones = ["KEY_Q", "KEY_W", "KEY_E", "KEY_R", "KEY_T", "KEY_Y"]
        result = q.paint(dict.fromkeys(zones, "red"), method="v1")
    assert result.requests == 6
    assert log.count(status=429) >= 1  # no limiter: the quota was hit ...
    assert log.count(method="POST", status=200) == 6  # ... and every 429 was retried
    assert len(log.app.state.store.snapshot()) == 6
    assert clock.slept  # after a backoff on the simulated clock


def test_cloud_paint_runs_with_bounded_concurrency(face: Face, slow_cloud_url: str) -> None:
    keys = dict(list(FULL_KEYBOARD.items())[:24])
    with face.q("cloud", DEMO_API_KEY, base_url=slow_cloud_url, max_concurrency=6) as q:
        result = q.paint(keys)
    assert (result.mode, result.requests) == ("v1", 24)
    assert 2 <= SLOW_CLOUD.max_in_flight <= 6
    assert len(_stored(SLOW_CLOUD_APP)) == 24


def test_cloud_paint_v2_is_refused(cloud: Any) -> None:
    with pytest.raises(InputError, match="only on the local app"):
        cloud.paint({"KEY_Q": "red"}, method="v2")
    assert CLOUD.count() == 0


def test_clear_removes_only_what_this_client_painted(face: Face, local_url: str) -> None:
    with face.q("local", local_url) as mine, face.q("local", local_url) as other:
        other.send("KEY_ESCAPE", "white")
        first = mine.paint({"KEY_Q": "red", "KEY_W": "red"})
        mine.send("KEY_E", "blue")
        assert mine.clear(first) == 1
        assert sorted(s.xy for s in mine.shadows()) == ["1,0", "4,2"]
        assert mine.clear() == 1
        assert [s.xy for s in mine.shadows()] == ["1,0"]
        assert mine.clear_all() == 1
        assert mine.shadows() == []


# --- OAuth ----------------------------------------------------------------------------------


def _refresh_token(cloud_url: str) -> str:
    body = {"grant_type": "client_credentials", "client_id": DEMO_CLIENT_ID,
            "client_secret": DEMO_CLIENT_SECRET}  # fmt: skip
    response = httpx.post(f"{cloud_url}/oauth/1.4/token", json=body)
    response.raise_for_status()
    return str(response.json()["refresh_token"])


@pytest.mark.parametrize("grant_name", ["client_credentials", "password", "code", "refresh"])
def test_oauth_every_grant(face: Face, cloud_url: str, grant_name: str) -> None:
    grants = {
        "client_credentials": lambda: ClientCredentials(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
        "password": lambda: PasswordGrant(DEMO_EMAIL, DEMO_PASSWORD),
        "code": lambda: AuthorizationCodeGrant(DEMO_CLIENT_ID, DEMO_CODE),
        "refresh": lambda: RefreshTokenGrant(_refresh_token(cloud_url), client_id=DEMO_CLIENT_ID),
    }
    with face.q("oauth", grants[grant_name](), base_url=cloud_url) as q:
        assert q.target == "cloud"
        q.send("KEY_Q", "red")
        assert [d.pid for d in q.devices()] == ["DK5QPID"]
        assert q.current_user().email == DEMO_EMAIL
    assert CLOUD.count(path="/oauth/1.4/token", status=200) == 1 + (grant_name == "refresh")


def _oauth_client(face: Face, url: str, clock: SimClock | None = None, margin: float = 60.0) -> Any:
    grant = ClientCredentials(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
    kwargs: dict[str, Any] = {"refresh_margin": margin}
    if clock is not None:
        kwargs["clock"] = clock
    auth = OAuth2Auth(f"{url}/oauth/1.4/token", grant, body_format="json", **kwargs)
    return face.q("__call__", url, target="cloud", auth=auth)


@pytest.fixture
def server_clock(cloud_url: str) -> Iterator[SimClock]:
    """Simulated time for the cloud mock's tokens and signal timestamps, for one test."""
    mock = CLOUD_APP.state.mock
    clock, originals = SimClock(), (mock.auth.clock, mock.store.clock)
    mock.auth.clock = mock.store.clock = clock
    try:
        yield clock
    finally:
        mock.auth.clock, mock.store.clock = originals


def test_oauth_token_expiry_mid_run_loses_no_signal(
    face: Face, cloud_url: str, server_clock: SimClock
) -> None:
    zones = [zone.xy for zone in US.zones()[:12]]
    with _oauth_client(face, cloud_url) as q:  # the client believes its token lasts 24 h
        for xy in zones[:6]:
            q.send(xy, "red")
        server_clock.now += 86400 + 1  # ... but the server lets it expire now
        for xy in zones[6:]:
            q.send(xy, "blue")
    assert CLOUD.count(status=401) == 1  # one request bounced, was re-authorized and resent
    assert CLOUD.count(path="/oauth/1.4/token", status=200) == 2
    assert sorted(s["zoneId"] for s in _stored(CLOUD_APP)) == sorted(zones)


def test_oauth_expiry_during_a_concurrent_paint(
    face: Face, cloud_url: str, server_clock: SimClock
) -> None:
    keys = dict(list(FULL_KEYBOARD.items())[:20])
    grant = ClientCredentials(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
    with face.q("oauth", grant, base_url=cloud_url, max_concurrency=8) as q:
        q.send("KEY_ESCAPE", "white")
        server_clock.now += 86400 + 1
        result = q.paint(keys)
    assert result.requests == 20
    assert CLOUD.count(method="POST", path="/api/1.0/signals", status=200) == 21
    assert CLOUD.count(path="/oauth/1.4/token", status=200) == 2  # one refresh for all of them
    assert len(_stored(CLOUD_APP)) == 21


def test_oauth_refreshes_before_expiry(face: Face, cloud_url: str, server_clock: SimClock) -> None:
    with _oauth_client(face, cloud_url, clock=server_clock, margin=60.0) as q:
        q.send("KEY_Q", "red")
        server_clock.now += 86400 - 30  # inside the margin: refresh before sending
        q.send("KEY_W", "red")
    assert CLOUD.count(status=401) == 0
    assert CLOUD.count(path="/oauth/1.4/token", status=200) == 2
    assert len(_stored(CLOUD_APP)) == 2


def test_no_secret_in_logs_or_repr(
    face: Face, cloud_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="kbapi")
    grant = ClientCredentials(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
    with (
        face.q("oauth", grant, base_url=cloud_url) as q,
        face.q("cloud", DEMO_API_KEY, base_url=cloud_url) as k,
    ):
        q.send("KEY_Q", "red")
        k.send("KEY_W", "red")
        auth = q._core.auth
        assert isinstance(auth, OAuth2Auth) and auth.token is not None
        secrets = [auth.token.access_token.get_secret_value(), DEMO_CLIENT_SECRET, DEMO_API_KEY]
        assert auth.token.refresh_token is not None
        secrets.append(auth.token.refresh_token.get_secret_value())
        shown = " ".join([repr(q), str(q), repr(k), str(k), caplog.text])
    assert "kbapi.http" in {record.name for record in caplog.records}
    for secret in secrets:
        assert secret not in shown


# --- errors -------------------------------------------------------------------------------


def test_wrong_api_key_is_a_clear_authentication_error(face: Face, cloud_url: str) -> None:
    with (
        face.q("cloud", "not-the-key", base_url=cloud_url) as q,
        pytest.raises(AuthenticationError) as caught,
    ):
        q.send("KEY_Q", "red")
    error = caught.value
    assert error.status_code == 401
    assert "401 Unauthorized: invalid API key" in str(error)
    assert "not-the-key" not in str(error)
    assert any("API key was refused" in note for note in error.__notes__)
    assert _stored(CLOUD_APP) == []


def test_wrong_oauth_secret_is_a_clear_authentication_error(face: Face, cloud_url: str) -> None:
    grant = ClientCredentials(DEMO_CLIENT_ID, "wrong-secret")
    with (
        face.q("oauth", grant, base_url=cloud_url) as q,
        pytest.raises(AuthenticationError, match="invalid client_id or client_secret") as caught,
    ):
        q.devices()
    assert "wrong-secret" not in str(caught.value)


@pytest.mark.parametrize(
    "build",
    [
        lambda: QClient.cloud("k", base_url="http://192.0.2.10"),
        lambda: QClient.cloud("k", base_url="http://q2.daskeyboard.com"),
        lambda: QClient.oauth(ClientCredentials("id", "s"), base_url="http://q.daskeyboard.com"),
        lambda: QClient.oauth(
            ClientCredentials("id", "s"), token_url="http://q.daskeyboard.com/oauth/1.4/token"
        ),
        lambda: AsyncQClient.cloud("k", base_url="http://10.1.2.3:27301"),
        lambda: QClient("http://example.com", auth=httpx.BasicAuth("u", "p")),
    ],
)
def test_credentials_are_never_sent_over_plain_http_to_a_remote_host(build: Any) -> None:
    with pytest.raises(InputError, match="refusing to send credentials"):
        build()


def test_plain_http_is_fine_without_credentials_or_on_loopback(face: Face) -> None:
    face.q("local", "http://192.0.2.10:27301").close()  # LAN access, no credentials
    face.q("cloud", "k", base_url="http://127.0.0.1:1").close()
    face.q("cloud", "k", base_url="http://localhost:1").close()


@pytest.mark.parametrize(
    ("call", "error", "why"),
    [
        (lambda q: q.send("2,4", "red"), EmptyCellError, "no key at cell 2,4"),
        (lambda q: q.send("24,0", "red"), OffGridError, "zone 24,0 is off the grid"),
        (lambda q: q.send("KEY_UBERMUT", "red"), UnknownKeyCodeError, "it exists on de-DE"),
        (lambda q: q.send("Q", "red"), ZoneSyntaxError, "'Q' is not a zone id"),
        (lambda q: q.send("KEY_Q", "#12"), ColorError, "invalid colour '#12'"),
        (lambda q: q.send("KEY_Q", "reddish"), ColorError, "unknown colour 'reddish'"),
        (lambda q: q.send("KEY_Q", "red", effect="SPARKLE"), EffectError, "'SPARKLE'"),
        (lambda q: q.paint({"KEY_Q": "red", "2,4": "red"}), EmptyCellError, "cell 2,4"),
        (lambda q: q.paint({}), InputError, "nothing to paint"),
        (lambda q: q.zone_color("KEY_NOPE"), UnknownKeyCodeError, "KEY_NOPE"),
        (lambda q: q.delete_zone("0,9"), OffGridError, "zone 0,9 is off the grid"),
        (lambda q: q.signals(), TargetError, "GET /signals is cloud only"),
        (lambda q: q.devices(), TargetError, "devices, .* are cloud only"),
        (lambda q: q.update_status(-1, read=True), TargetError, "not available on the local"),
    ],
)
def test_bad_input_is_refused_before_sending(local: Any, call: Any, error: type, why: str) -> None:
    with pytest.raises(error, match=why):
        call(local)
    assert LOCAL.count() == 0


def test_validate_false_sends_zones_as_given(local: Any) -> None:
    assert local.send("2,4", "red", validate=False).zone_id == "2,4"
    assert local.send("KEY_UBERMUT", "red", validate=False).zone_id == "KEY_UBERMUT"
    assert local.send("KEY_Q", "red", validate=False).zone_id == "2,2"


# --- the other endpoints ------------------------------------------------------------------


def test_paging_across_several_pages(cloud: Any) -> None:
    keys = [zone.xy for zone in US.zones()[1:8]]
    for xy in keys:
        cloud.send(xy, "red")
    CLOUD.reset()
    assert [s.zone_id for s in cloud.signals(size=3)] == keys
    assert CLOUD.count(path="/api/1.0/signals", method="GET") == 3
    pages = list(cloud.signals(size=3).pages())
    assert [(p.page, len(p.content), p.has_next_page) for p in pages] == [
        (0, 3, True), (1, 3, True), (2, 1, False),
    ]  # fmt: skip
    assert len(list(cloud.signals(size=3, max_pages=2))) == 6
    newest_first = [s.zone_id for s in cloud.signals(size=2, sort="createdAt,DESC")]
    assert sorted(newest_first) == sorted(keys)
    CLOUD.reset()
    first = cloud.signals(size=3, start_page=1).first_page()
    assert (first.page, [s.zone_id for s in first.content]) == (1, keys[3:6])
    assert [s.zone_id for s in cloud.signals(size=3, start_page=1).to_list()] == keys[3:]
    assert CLOUD.count(path="/api/1.0/signals", method="GET") == 3  # first_page is one request


def test_signals_after_and_status(cloud: Any, server_clock: SimClock) -> None:
    first = cloud.send("KEY_Q", "red", name="Build", message="passed")
    server_clock.advance(0.002)
    second = cloud.send("KEY_W", "red")
    assert [s.id for s in cloud.signals_after(first.created_at)] == [second.id]
    updated = cloud.update_status(first.id, read=True, muted=True)
    assert (updated.is_read, updated.is_muted, bool(updated.read_at)) == (True, True, True)
    cloud.update_status(first.id, archived=True)
    assert [s.xy for s in cloud.shadows()] == ["3,2"]  # archived signals are not displayed
    with pytest.raises(InputError, match="at least one"):
        cloud.update_status(first.id)


@pytest.mark.parametrize("legacy", [False, True])
def test_zone_color_reads_both_response_shapes(cloud: Any, legacy: bool) -> None:
    cloud.send("KEY_Q", "#F00")
    assert cloud.zone_color("KEY_Q", legacy=legacy) == "#FF0000"
    assert cloud.zone_color(74, legacy=legacy) == "#FF0000"
    assert cloud.zone_color("KEY_W", legacy=legacy) == "#000000"
    path = "/api/1.0/signals/DK5QPID/2,2" if legacy else "/api/1.0/signals/pid/DK5QPID/zoneId/"
    assert CLOUD.count(path=path) >= 1


def test_a_painted_signal_is_deleted_by_the_v2_route(local: Any) -> None:
    ((version, signal_id),) = local.paint({"KEY_Q": "red", "KEY_W": "blue"}).signals
    assert version == "v2"
    local.delete(signal_id)
    assert local.shadows() == []
    assert LOCAL.count(path=f"/api/2.0/signals/{signal_id}", method="DELETE", status=200) == 1
    assert LOCAL.count(path="/api/1.0/signals/", method="DELETE") == 0


def test_clear_skips_signals_deleted_meanwhile(local: Any) -> None:
    mine = local.send("KEY_Q", "red")
    local.send("KEY_W", "red")
    local.delete_zone("KEY_Q")  # deletes the signal behind this client's back
    assert local.clear() == 1  # only KEY_W's: the other one answers 404 and is not counted
    assert LOCAL.count(path=f"/api/1.0/signals/{mine.id}", method="DELETE", status=404) == 1
    assert local.shadows() == []


def test_local_zone_color_signal_and_deletes(local: Any) -> None:
    signal = local.send("KEY_Q", "orange")
    assert local.zone_color("2,2") == "#FFA500"
    found = local.zone_signal("KEY_Q")
    assert found is not None and found.id == signal.id
    local.delete_zone(74)
    assert local.zone_signal("KEY_Q") is None
    assert local.zone_color("KEY_Q") == "#000000"
    other = local.send("KEY_W", "red")
    local.delete(other.id)
    assert local.shadows() == []
    with pytest.raises(NotFoundError, match=f"signal {other.id} not found"):
        local.delete(other.id)
    with pytest.raises(TargetError, match=r"legacy colour route .* is cloud only"):
        local.zone_color("KEY_Q", legacy=True)


def test_metadata_and_learnt_catalogues(cloud: Any) -> None:
    assert cloud.devices()[0].pid == "DK5QPID"
    assert {d.pid for d in cloud.device_definitions()} >= {"DK5QPID", "DK4QPID", "X50QPID"}
    assert cloud.detect_layout() == US
    assert len(cloud.zones()) == 110
    assert cloud.send("KEY_Q", "orange").color == "#FFA500"  # built-in name
    names = {c.name for c in cloud.colors()}
    assert "Orange" in names
    assert cloud.send("KEY_Q", "orange").color == "#FF8800"  # the server's #F80 now wins
    codes = [e.code for e in cloud.effects()]
    assert "WAVE" in codes
    assert cloud.send("KEY_Q", "red", effect="wave").effect == "WAVE"


def test_authorized_clients_and_revoke(cloud: Any) -> None:
    assert [c.name for c in cloud.authorized_clients()] == ["User_1", "Desktop App"]
    cloud.revoke_client("Desktop App")
    assert [c.name for c in cloud.authorized_clients()] == ["User_1"]
    with pytest.raises(NotFoundError, match="no authorized client named 'Desktop App'"):
        cloud.revoke_client("Desktop App")


def test_two_clients_of_one_app_share_its_rate_limiter(local_url: str) -> None:
    b = AsyncQClient.local(local_url)
    with QClient.local(local_url) as a:
        assert a._core.options.rate_limiter is b._core.options.rate_limiter
    asyncio.run(b.aclose())
    with QClient.local(local_url, rate_limiter=None) as c:
        assert c._core.options.rate_limiter is None


def test_async_close_is_a_deprecated_alias_of_aclose(local_url: str) -> None:
    # aclose() is the name httpx and AsyncQMKClient use; close() still works, with a warning.
    client = AsyncQClient.local(local_url)
    with pytest.warns(DeprecationWarning, match=r"close\(\) is deprecated; use aclose\(\)"):
        asyncio.run(client.close())
    assert client._http.is_closed
    assert not hasattr(QClient, "aclose")


# --- clearing what was lit ------------------------------------------------------------------


@pytest.mark.parametrize("target", ["local", "cloud"])
def test_paint_three_times_then_one_clear_all_leaves_no_shadow(
    face: Face, local_url: str, cloud_url: str, target: str
) -> None:
    keys = dict(list(FULL_KEYBOARD.items())[:5])
    with (
        face.q("local", local_url)
        if target == "local"
        else face.q("cloud", DEMO_API_KEY, base_url=cloud_url) as q
    ):
        for color in ("red", "lime", "blue"):
            q.paint(dict.fromkeys(keys, color))
        assert len(q.shadows()) == 5
        deleted = q.clear_all()
        assert q.shadows() == []
    app = LOCAL_APP if target == "local" else CLOUD_APP
    assert _stored(app) == []  # every layer gone, not only the top one
    assert deleted == (3 if target == "local" else 15)  # one v2 signal per paint, else per key


def test_clear_all_by_client_name_keeps_other_senders(face: Face, local_url: str) -> None:
    other = httpx.post(  # another app (an applet) lights KEY_ESCAPE
        f"{local_url}/api/1.0/signals",
        json={
            "name": "x",
            "pid": "DK5QPID",
            "zoneId": "0,0",
            "color": "#FFF",
            "clientName": "app",
        },
    )
    assert other.status_code == 200
    with face.q("local", local_url) as q:
        q.send("KEY_ESCAPE", "red")  # above the applet's signal in the same zone
        q.send("KEY_Q", "red")
        q.send("KEY_Q", "blue")
        assert q.clear_all(client_name="kbapi") == 3
        left = q.shadows()
    assert [(s.xy, s.color, s.signal.client_name) for s in left] == [("0,0", "#FFFFFF", "app")]


def test_a_client_remembers_only_its_newest_signals(
    face: Face, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kbapi.daskeyboard._shared as shared

    monkeypatch.setattr(shared, "REMEMBERED_SIGNALS", 3)
    app = create_local_app(QMockConfig(local_quota_per_second=0))
    with serve(app) as url, face.q("local", url, rate_limiter=None) as q:
        sent = [q.send(zone, "#FF0000").id for zone in ("2,2", "3,2", "4,2", "5,2", "6,2")]
        assert q.clear() == 3
        assert sorted(s["id"] for s in app.state.store.snapshot()) == sorted(sent[:2])
