"""What the `kbapi` commands say when the network or the URL is wrong, and their exit status.

Real servers on loopback: the mocks, a web server that only serves HTML pages, a socket that
accepts connections and never answers, and a port nothing listens on. Backoff waits go through
an injected sleep (`Runtime`), so nothing here waits for real beyond the socket timeouts.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from kbapi.cli import app
from kbapi.cli.options import Runtime, hoist
from kbapi.mock.daskeyboard import QMockConfig, create_local_app
from kbapi.mock.qmk import QMKMockConfig, create_qmk_app
from kbapi.testing import free_port, serve
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route
from typer.testing import CliRunner, Result

runner = CliRunner()
NETWORK_COMMANDS = [
    ["q", "shadows"],
    ["q", "show"],
    ["qmk", "info", "planck/rev6"],
    ["qmk", "status", "some-job"],
    ["qmk", "keyboards"],
]


class Sleeps:
    """An injected sleep that records the waits instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def invoke(args: list[str], url: str, sleeps: Sleeps | None = None) -> Result:
    env = {"KBAPI_Q_URL": url, "KBAPI_QMK_URL": url, "KBAPI_Q_API_KEY": "", "COLUMNS": "200"}
    return runner.invoke(app, args, env=env, obj=Runtime(sleep=sleeps or Sleeps()))


@pytest.fixture(scope="module")
def q_url() -> Iterator[str]:
    with serve(create_local_app(QMockConfig())) as url:
        yield url


@pytest.fixture(scope="module")
def qmk_url() -> Iterator[str]:
    with serve(create_qmk_app(QMKMockConfig(queue_seconds=0, run_seconds=0))) as url:
        yield url


@pytest.fixture(scope="module")
def html_url() -> Iterator[str]:
    async def page(request: Request) -> HTMLResponse:
        status = 200 if request.url.path == "/" else 404
        return HTMLResponse("<!DOCTYPE html><html><body><h1>My router</h1></body></html>", status)

    with serve(Starlette(routes=[Route("/{path:path}", page)])) as url:
        yield url


@pytest.fixture
def silent_url() -> Iterator[str]:
    """A socket that accepts connections (the kernel's backlog) and never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"


@pytest.mark.parametrize("args", NETWORK_COMMANDS, ids=" ".join)
def test_nothing_listening_is_a_usage_error_naming_the_url(args: list[str]) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    result = invoke(args, url)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: ")
    assert f"nothing answers at {url}" in result.stderr
    variable = "KBAPI_Q_URL" if args[0] == "q" else "KBAPI_QMK_URL"
    assert f"--base-url or {variable}" in result.stderr
    assert ("Q Desktop running?" in result.stderr) == (args[0] == "q")


@pytest.mark.parametrize("args", NETWORK_COMMANDS, ids=" ".join)
def test_a_server_that_never_answers_gives_up_at_timeout(args: list[str], silent_url: str) -> None:
    sleeps = Sleeps()
    result = invoke([args[0], "--timeout", "0.2", *args[1:]], silent_url, sleeps)
    assert result.exit_code == 1, result.output
    assert "timed out" in result.stderr
    assert f"{silent_url} did not answer in time; try a larger --timeout" in result.stderr
    # A GET is tried 3 times (2 injected backoff waits); a job id this client never saw alive
    # only twice, since the live service answers an unknown id with errors (JobNotFoundError).
    assert len(sleeps.waits) == (1 if args[1] == "status" else 2)


@pytest.mark.parametrize(
    ("args", "api"),
    [(["q", "shadows"], "Das Keyboard Q API"), (["qmk", "keyboards"], "QMK compile API")],
)
def test_a_web_page_does_not_look_like_the_api(args: list[str], api: str, html_url: str) -> None:
    result = invoke(args, html_url)
    assert result.exit_code == 1, result.output
    assert f"{html_url} answered with a web page: it does not look like the {api}" in result.stderr


def test_base_urls_with_the_api_prefix_are_normalised(q_url: str, qmk_url: str) -> None:
    sent = invoke(["q", "send", "-z", "KEY_Q", "-c", "red"], f"{q_url}/api/1.0/")
    assert sent.exit_code == 0, sent.output
    assert "zone 2,2 #FF0000" in sent.stdout
    info = invoke(["qmk", "info", "planck/rev6"], f"{qmk_url}/v1")
    assert info.exit_code == 0, info.output
    assert "LAYOUT_ortho_4x12" in info.stdout
    pasted = invoke(["qmk", "--base-url", f"{qmk_url}/v1/", "keyboards", "planck"], "")
    assert "planck/rev6" in pasted.stdout.split()


@pytest.mark.parametrize(
    "args",
    [
        ["q", "--layout", "fr-FR", "send", "-z", "KEY_Q", "-c", "red"],
        ["q", "send", "-z", "KEY_Q", "-c", "red", "--layout", "fr-FR"],
        ["q", "send", "--layout=fr-FR", "-z", "KEY_Q", "-c", "red"],
    ],
)
def test_shared_options_go_before_or_after_the_command(args: list[str], q_url: str) -> None:
    result = invoke(args, q_url)
    assert result.exit_code == 0, result.output
    assert "zone 3,3 #FF0000" in result.stdout  # KEY_Q of fr-FR


def test_subcommand_help_names_the_shared_options() -> None:
    result = runner.invoke(app, ["q", "send", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "--zone" in result.stdout
    assert "Also takes the options of `kbapi q` (--api-key, --base-url" in result.stdout


def test_hoist_moves_only_the_group_options() -> None:
    arity = {"--layout": True, "--json": False}
    args = ["send", "-z", "KEY_Q", "--layout", "fr", "--json", "--", "--layout", "x"]
    assert hoist(args, arity) == ["--layout", "fr", "--json", "send", "-z", "KEY_Q", "--",
                                  "--layout", "x"]  # fmt: skip
    assert hoist(["--layout=de", "zones"], arity) == ["--layout=de", "zones"]


def test_bad_input_exits_2_and_usage_errors_too(q_url: str) -> None:
    bad_zone = invoke(["q", "send", "-z", "9,9", "-c", "red"], q_url)
    assert bad_zone.exit_code == 2 and "off the grid" in bad_zone.stderr
    missing_option = invoke(["q", "send", "-c", "red"], q_url)
    assert missing_option.exit_code == 2 and "--zone" in missing_option.output
    bad_url = invoke(["q", "shadows"], "ftp://example.invalid")
    assert bad_url.exit_code == 2 and "not an http(s) URL" in bad_url.stderr
