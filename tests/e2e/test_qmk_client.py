"""The QMK clients, both faces (sync and async), against the QMK mock over loopback sockets."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from kbapi._core.errors import APIConnectionError, ResponseTooLargeError
from kbapi._data import data_file
from kbapi.mock.faults import FaultConfig, with_faults
from kbapi.mock.qmk import QMKMockConfig, create_qmk_app
from kbapi.mock.qmk.http import html_error
from kbapi.qmk import (
    CompileFailed,
    CompileInfrastructureError,
    CompileTimeout,
    JobNotFoundError,
    Keymap,
    KeymapError,
    PollPolicy,
    Progress,
    UnknownKeyboardError,
)
from kbapi.qmk.history import BuildHistory
from kbapi.qmk.keyboard_info import KeyboardInfo
from kbapi.testing import SimClock, serve

from tests.support.faces import Face, options
from tests.support.firmware import check_uf2, parse_intel_hex
from tests.support.recorder import Recorder


class FailStatusPolls:
    """Answer the 2nd..(1 + failures)th status poll with the live HTML 500, then pass through;
    `then()` runs before the first poll passed through after the failures."""

    def __init__(self, app: Any, failures: int, then: Callable[[], None]) -> None:
        self.app = app
        self.failures = failures
        self.then = then
        self.polls = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if path.startswith("/v1/compile/") and path.count("/") == 3:
            self.polls += 1
            if 1 < self.polls <= 1 + self.failures:
                await html_error(500)(scope, receive, send)
                return
            if self.polls == 2 + self.failures:
                self.then()
        await self.app(scope, receive, send)


FAST = PollPolicy(initial=0.01, max_interval=0.05, queue_interval=0)
KEYMAPS = sorted(p.name for p in Path(str(data_file("qmk_keymaps"))).iterdir())


def fixture_keymap(name: str = "planck_rev6_default.json") -> dict[str, Any]:
    return dict(json.loads(data_file("qmk_keymaps", name).read_text(encoding="utf-8")))


class Clock:
    """A settable clock for the mock, so a test decides when a job finishes."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def mock() -> Iterator[tuple[str, Recorder]]:
    log = Recorder(create_qmk_app(QMKMockConfig(queue_seconds=0, run_seconds=0)))
    with serve(log) as url:
        yield url, log


@pytest.fixture
def qmk(mock: tuple[str, Recorder], face: Face) -> Iterator[Any]:
    """A `QMKClient`, or an `AsyncQMKClient` driven through `Blocking`."""
    with face.qmk(mock[0], poll=FAST) as client:
        yield client


def check_firmware(path: Path, info: KeyboardInfo) -> None:
    assert path.suffix == f".{info.firmware_format}"
    content = path.read_bytes()
    if info.firmware_format == "hex":
        assert parse_intel_hex(content.decode("ascii"))
    elif info.firmware_format == "uf2":
        assert check_uf2(content) > 0
    else:
        assert len(content) > 1024


@pytest.mark.parametrize("name", KEYMAPS)
def test_every_fixture_keyboard_compiles_to_firmware_of_its_format(
    qmk: Any, name: str, tmp_path: Path
) -> None:
    keymap = Keymap.from_dict(fixture_keymap(name))
    path = qmk.compile_and_download(keymap, tmp_path)
    assert path.parent == tmp_path.resolve()
    check_firmware(path, qmk.info(keymap.keyboard))
    assert list(tmp_path.iterdir()) == [path]


def test_progress_reports_each_status_change(face: Face, mock: tuple[str, Recorder]) -> None:
    seen: list[Progress] = []
    clock = Clock()  # simulated: the client's sleeps advance the mock's clock, nothing waits

    def sleep(seconds: float) -> None:
        clock.now += seconds

    app = create_qmk_app(QMKMockConfig(queue_seconds=0.2, run_seconds=0.2), clock=clock)
    poll = PollPolicy(initial=0.02, max_interval=0.05, queue_interval=0)
    with serve(app) as url, face.qmk(url, poll=poll, sleep=sleep, clock=clock) as q:
        result = q.compile_and_wait(fixture_keymap(), on_progress=seen.append)
    assert [p.status for p in seen] == ["queued", "running", "finished"]
    assert seen[0].queue_length == 1 and seen[-1].elapsed >= 0.4
    assert result.firmware_filename == "planck_rev6_default.bin"


def test_keymap_and_source_downloads(qmk: Any, tmp_path: Path) -> None:
    job = qmk.compile(fixture_keymap())
    keymap_file = job.download_keymap(tmp_path)
    source = job.download_source(tmp_path)
    assert json.loads(keymap_file.read_text())["layers"] == fixture_keymap()["layers"]
    assert source.suffix == ".zip" and source.read_bytes()[:2] == b"PK"


def test_wrong_length_layer_is_refused_before_anything_is_sent(
    qmk: Any, mock: tuple[str, Recorder]
) -> None:
    body = fixture_keymap()
    body["layers"][1] = body["layers"][1][:-2]
    before = mock[1].count(method="POST", path="/v1/compile")
    with pytest.raises(KeymapError) as caught:
        qmk.compile(body)
    assert "layer 1 has 46 keys, LAYOUT_ortho_4x12 expects 48" in str(caught.value)
    assert mock[1].count(method="POST", path="/v1/compile") == before


def test_build_failure_raises_compile_failed_with_the_build_output(qmk: Any) -> None:
    body = fixture_keymap()
    body["layers"][0] = body["layers"][0][:-1]
    with pytest.raises(CompileFailed) as caught:
        qmk.compile_and_wait(body, check=False)
    assert caught.value.returncode != 0 and caught.value.job_id
    assert "requires 48 arguments, but only 47 given" in caught.value.output
    assert "\x1b[" not in caught.value.output


def test_unknown_keyboard_before_sending_and_from_the_service(qmk: Any) -> None:
    body = fixture_keymap() | {"keyboard": "no_such/board"}
    with pytest.raises(UnknownKeyboardError) as early:
        qmk.compile(body)
    assert early.value.job_id is None and early.value.keyboard == "no_such/board"
    with pytest.raises(UnknownKeyboardError) as late:
        qmk.compile_and_wait(body, check=False)
    assert late.value.job_id and late.value.keyboard == "no_such/board"


@pytest.mark.parametrize(
    ("keymap", "state"), [("__fail__", "failed"), ("__exception__", "finished")]
)
def test_service_failures_are_infrastructure_errors(qmk: Any, keymap: str, state: str) -> None:
    with pytest.raises(CompileInfrastructureError) as caught:
        qmk.compile_and_wait(fixture_keymap() | {"keymap": keymap})
    assert caught.value.status == state and caught.value.job_id


def test_timeout_keeps_the_job_id_and_the_job_can_be_resumed(face: Face, tmp_path: Path) -> None:
    clock = Clock()
    app = create_qmk_app(QMKMockConfig(queue_seconds=1, run_seconds=60), clock=clock)
    with serve(app) as url, face.qmk(url, poll=FAST) as qmk:
        job = qmk.compile(fixture_keymap())
        with pytest.raises(CompileTimeout) as caught:
            job.wait(timeout=0.2)
        assert caught.value.job_id == job.id and caught.value.last_status == "queued"
        clock.now += 120
        resumed = qmk.job(caught.value.job_id)
        assert resumed.wait().firmware_filename == "planck_rev6_default.bin"
        assert resumed.download_firmware(tmp_path).exists()


def test_stored_metadata_shape_after_expiry_still_gives_the_result(face: Face) -> None:
    app = create_qmk_app(QMKMockConfig(queue_seconds=0, run_seconds=0, result_ttl=0))
    with serve(app) as url, face.qmk(url, poll=FAST) as qmk:
        job = qmk.compile(fixture_keymap())
        assert "status" not in job.status().raw
        assert job.wait().keymap == "default"


def test_unknown_job_ids_404_on_the_mock_and_html_500_like_the_live_service(face: Face) -> None:
    unknown = "00000000-0000-0000-0000-000000000000"
    documented = create_qmk_app(QMKMockConfig())
    with (
        serve(documented) as url,
        face.qmk(url) as qmk,
        pytest.raises(JobNotFoundError, match="no such job"),
    ):
        qmk.status(unknown)
    live = Recorder(create_qmk_app(QMKMockConfig(live_deviations=True)))
    with (
        serve(live) as url,
        face.qmk(url, poll=FAST) as qmk,
        pytest.raises(JobNotFoundError, match="live service answers 500") as caught,
    ):
        qmk.job(unknown).wait()
    assert caught.value.job_id == unknown
    assert live.count(path=f"/v1/compile/{unknown}") == 2  # one retry, no poll-failure budget


def test_a_500_on_a_job_seen_alive_stays_a_transient_poll_failure(face: Face) -> None:
    now = [1_800_000_000.0]  # the job runs until the failures are over, whatever the load
    config = QMKMockConfig(live_deviations=True, queue_seconds=0, run_seconds=60)
    app = create_qmk_app(config, clock=lambda: now[0])
    flaky = Recorder(FailStatusPolls(app, failures=2, then=lambda: now.__setitem__(0, now[0] + 61)))
    no_retries = options(retries=None)
    with serve(flaky) as url, face.qmk(url, poll=FAST, http_options=no_retries) as qmk:
        job = qmk.compile(fixture_keymap())
        result = job.wait()
    assert result.firmware_filename
    assert flaky.count(path=f"/v1/compile/{job.id}", status=500) == 2


def test_injected_503_and_429_are_retried_honouring_retry_after(face: Face, tmp_path: Path) -> None:
    faults = FaultConfig(error_rate=0.3, rate_limit_rate=0.3, retry_after=3, seed=11)
    app = with_faults(create_qmk_app(QMKMockConfig(queue_seconds=0, run_seconds=0)), faults)
    waits: list[float] = []
    recorded = options(sleep=waits.append)
    with serve(app) as url, face.qmk(url, poll=FAST, http_options=recorded) as qmk:
        path = qmk.compile_and_download(fixture_keymap(), tmp_path)
    assert path.exists()
    assert app.stats.rate_limited and app.stats.errors
    assert 3.0 in waits  # the Retry-After of every injected 429
    assert all(w <= 8 for w in waits if w != 3.0)


def test_failed_polls_are_tolerated_while_the_job_runs(face: Face, tmp_path: Path) -> None:
    # Simulated time: how many polls the job's 0.4 s take (about 9, 0.05 s apart), and so which
    # of the seeded faults they meet, does not depend on how fast the client or the machine is.
    clock = SimClock()
    poll = PollPolicy(initial=0.05, max_interval=0.05, queue_interval=0)
    faults = FaultConfig(error_rate=0.5, drop_rate=0.2, seed=3, paths="^/v1/compile/[^/]+$")
    config = QMKMockConfig(queue_seconds=0.1, run_seconds=0.3)
    app = with_faults(create_qmk_app(config, clock=clock), faults)
    no_retries = options(retries=None)
    with (
        serve(app) as url,
        face.qmk(url, poll=poll, http_options=no_retries, sleep=clock.sleep, clock=clock) as qmk,
    ):
        result = qmk.compile_and_wait(fixture_keymap())
    assert result.firmware_filename == "planck_rev6_default.bin"
    assert app.stats.errors + app.stats.dropped >= 3


@pytest.mark.parametrize("drop_rate", [0.5, 1.0])
def test_a_download_that_breaks_off_is_fetched_again_or_leaves_nothing(
    face: Face, drop_rate: float, tmp_path: Path
) -> None:
    faults = FaultConfig(drop_rate=drop_rate, seed=3, paths="^/files/")  # seed 3: drop, then not
    app = with_faults(create_qmk_app(QMKMockConfig(queue_seconds=0, run_seconds=0)), faults)
    with serve(app) as url, face.qmk(url, poll=FAST) as qmk:
        job = qmk.compile(fixture_keymap())
        if drop_rate < 1:
            assert job.download_firmware(tmp_path).stat().st_size > 0
        else:
            with pytest.raises(APIConnectionError, match="connection failed"):
                job.download_firmware(tmp_path)
    assert app.stats.dropped >= 1
    assert len(list(tmp_path.iterdir())) == (1 if drop_rate < 1 else 0)


def test_watch_yields_each_status_then_wait_returns_the_result(qmk: Any) -> None:
    job = qmk.compile(fixture_keymap("newgame40_default.json"))
    statuses = [p.status for p in job.watch()]
    assert statuses[-1] == "finished"
    assert job.wait().firmware_filename == "newgame40_default.hex"
    assert job.status().result.returncode == 0


def test_keyboard_metadata_and_build_results(qmk: Any) -> None:
    assert "planck/rev6" in qmk.keyboards()
    assert qmk.search("clueboard 66") == ["clueboard/66/rev2", "clueboard/66/rev3"]
    info = qmk.info("clueboard/66/rev3")
    assert info.key_count("LAYOUT") == 73 and info.firmware_format == "hex"
    assert qmk.api_status().status in {"running", "degraded", "starting"}
    assert qmk.build_status()["planck/rev6"] is True
    assert set(qmk.build_log()) == set(qmk.keyboards())
    build = qmk.keyboard_build("planck/rev6")
    assert build is not None and build.works and "planck/rev6" in (build.message or "")


def _polls_of_two_builds(history: BuildHistory | None, face: Face) -> list[int]:
    """Build the same keymap twice on a simulated clock; GET /v1/compile/<id> count of each."""
    clock = Clock()

    def sleep(seconds: float) -> None:
        clock.now += seconds

    log = Recorder(create_qmk_app(QMKMockConfig(queue_seconds=1, run_seconds=40), clock=clock))
    counts = []
    with serve(log) as url:
        for _ in range(2):
            before = log.count()
            with face.qmk(url, sleep=sleep, clock=clock, build_history=history) as qmk:
                qmk.compile_and_wait(fixture_keymap(), check=False)
            counts.append(log.count() - before - 1)  # less the POST
    return counts


def test_a_remembered_build_is_polled_less_by_a_new_client(tmp_path: Path, face: Face) -> None:
    path = tmp_path / "builds.json"
    first, second = _polls_of_two_builds(BuildHistory(path), face)
    assert second <= first / 2  # a 41 s build: ~15 polls cold, a handful warm
    assert json.loads(path.read_text(encoding="utf-8"))["builds"]


def test_no_history_polls_like_the_first_build_every_time(face: Face) -> None:
    first, second = _polls_of_two_builds(None, face)
    assert abs(first - second) <= 1


def test_each_artifact_kind_has_its_own_size_cap(
    qmk: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kbapi.qmk.downloads import ARTIFACT_LIMITS

    job = qmk.compile(fixture_keymap())
    source_size = job.download_source(tmp_path / "before").stat().st_size
    monkeypatch.setitem(ARTIFACT_LIMITS, "source", source_size - 1)
    with pytest.raises(ResponseTooLargeError, match=f"larger than {source_size - 1} bytes"):
        job.download_source(tmp_path / "capped")
    assert not (tmp_path / "capped").exists() or not list((tmp_path / "capped").iterdir())
    assert job.download_firmware(tmp_path / "firmware").stat().st_size > 0  # its own cap
