"""Go, Java and TypeScript clients generated from our specs, built offline, run against the mocks.

`tools/build_other.sh LANG` generates the clients (openapi-generator for Go and Java, hey-api for
TypeScript), builds them with Debian's Go 1.19 / javac and Debian's jars / the npm package installed
from its `npm pack` tarball, and compiles the smoke programs in tests/other_lang/{go,java,ts}. Each
test then runs one smoke flow against the QMK, Q local or Q cloud mock on free loopback ports.

A language whose tool chain is missing is skipped with the reason (the fail-instead switch is
KBAPI_REQUIRE_OTHER_LANG=1, which .ci/run sets after installing them all).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from kbapi._version import __version__ as kbapi_version
from kbapi.mock.qmk import QMKMockConfig
from kbapi.mock.runner import MockSettings, RunningMocks, running_mocks

from tests.other_lang.helpers import (
    BUILD,
    ROOT,
    SMOKE_DIR,
    build_lock,
    explain,
    generator_problem,
    missing_tools,
    node_problem,
    run,
    skip_or_fail,
)

BUILD_TIMEOUT = 900
DEBIAN_GO_DEPS = Path("/usr/share/gocode/src/golang.org/x/oauth2")
DEBIAN_JARS = ("jackson-databind", "jackson-core", "jackson-annotations", "jsr305")
TS_PROGRAMS = {"qmk": "qmk_smoke", "q-local": "q_smoke", "q-cloud": "q_cloud_smoke"}
Smoke = Callable[[str], list[str]]


def toolchain_problem(lang: str) -> str | None:
    """Why `lang` cannot be built here, or None."""
    if lang == "typescript":
        return node_problem()
    needs = {"go": ("go",), "java": ("javac", "java")}[lang]
    package = {"go": "golang-go", "java": "openjdk-17-jdk-headless"}[lang]
    missing = missing_tools(*needs)
    if missing:
        return f"{missing}; apt-get install {package}"
    if lang == "go" and not DEBIAN_GO_DEPS.is_dir():
        return f"{DEBIAN_GO_DEPS} is missing; apt-get install golang-golang-x-oauth2-dev"
    absent = [jar for jar in DEBIAN_JARS if not Path(f"/usr/share/java/{jar}.jar").is_file()]
    if lang == "java" and absent:
        return f"Debian jars missing: {absent}; apt-get install libjackson2-databind-java ..."
    return generator_problem()


def smoke_command(lang: str) -> Smoke:
    """How to start one smoke flow ("qmk", "q-local", "q-cloud") of the built `lang` programs."""
    built = SMOKE_DIR / lang
    if lang == "go":
        return lambda flow: [str(built / "smoke"), flow]
    if lang == "java":
        classpath = (built / "classpath.txt").read_text().strip()
        return lambda flow: ["java", "-cp", classpath, "kbapismoke.Smoke", flow]
    return lambda flow: ["node", str(built / "app" / "out" / f"{TS_PROGRAMS[flow]}.js")]


def build(lang: str) -> None:
    """Build one language's clients and smoke programs (a no-op when its inputs did not change)."""
    problem = toolchain_problem(lang)
    if problem:
        skip_or_fail(f"{lang} smoke tests skipped: {problem}")
    with build_lock(f"smoke-{lang}"):
        built = run([str(BUILD), lang], timeout=BUILD_TIMEOUT)
    assert built.returncode == 0, explain(built)
    print(built.stdout.strip())


@pytest.fixture(scope="module", params=["go", "java", "typescript"])
def smoke(request: pytest.FixtureRequest) -> Smoke:
    build(request.param)
    return smoke_command(request.param)


@pytest.fixture(scope="module")
def ts_tarball() -> Path:
    build("typescript")
    return Path((SMOKE_DIR / "typescript" / "tarball.txt").read_text().strip())


@pytest.fixture(scope="module")
def mocks() -> Iterator[RunningMocks]:
    """QMK and Q mocks on free loopback ports; compile jobs finish after a short run."""
    fast_jobs = QMKMockConfig(queue_seconds=0.0, run_seconds=0.2)
    with running_mocks(
        MockSettings(qmk_port=0, q_local_port=0, q_cloud_port=0, qmk=fast_jobs)
    ) as running:
        yield running


def run_smoke(args: list[str]) -> subprocess.CompletedProcess[str]:
    return run(args, timeout=60)


@pytest.mark.timeout(BUILD_TIMEOUT + 60)
def test_qmk_compile_job_finishes_with_a_firmware_url(smoke: Smoke, mocks: RunningMocks) -> None:
    result = run_smoke([*smoke("qmk"), mocks.qmk])
    assert result.returncode == 0, explain(result)
    assert "OK qmk_smoke" in result.stdout
    assert re.search(r"poll \d+: status=finished", result.stdout), result.stdout
    job = re.search(r"job ([0-9a-f-]{36}) enqueued", result.stdout)
    assert job, result.stdout
    assert f"firmware: {mocks.qmk}/v1/compile/{job.group(1)}/download" in result.stdout


@pytest.mark.timeout(BUILD_TIMEOUT + 60)
def test_q_local_signal_is_found_in_the_shadows(smoke: Smoke, mocks: RunningMocks) -> None:
    assert mocks.q_local is not None
    result = run_smoke([*smoke("q-local"), mocks.q_local])
    assert result.returncode == 0, explain(result)
    assert "OK q_smoke" in result.stdout
    assert "shadow of DK5QPID/KEY_Q: #FF0000" in result.stdout


@pytest.mark.timeout(BUILD_TIMEOUT + 60)
def test_q_cloud_call_with_the_api_key(smoke: Smoke, mocks: RunningMocks) -> None:
    assert mocks.q_cloud is not None
    key = mocks.credentials["api_key"]
    result = run_smoke([*smoke("q-cloud"), mocks.q_cloud, key])
    assert result.returncode == 0, explain(result)
    assert "OK q_cloud_smoke" in result.stdout
    assert f"user: {mocks.credentials['email']}" in result.stdout
    assert re.search(r"cloud signal \d+ listed for ", result.stdout), result.stdout


@pytest.mark.timeout(BUILD_TIMEOUT + 60)
def test_smoke_program_fails_against_the_wrong_server(smoke: Smoke, mocks: RunningMocks) -> None:
    # The Q local flow pointed at the QMK mock must fail: the programs' checks are real.
    result = run_smoke([*smoke("q-local"), mocks.qmk])
    assert result.returncode == 1, explain(result)
    assert "FAIL q_smoke" in result.stderr


def test_build_script_refuses_an_unknown_language() -> None:
    result = run([str(BUILD), "cobol"])
    assert result.returncode == 1
    assert "usage: tools/build_other.sh go|java|typescript" in result.stderr


def tar_names(tarball: Path) -> set[str]:
    listing = run(["tar", "tzf", str(tarball)])
    assert listing.returncode == 0, explain(listing)
    return set(listing.stdout.split())


@pytest.mark.timeout(BUILD_TIMEOUT + 60)
@pytest.mark.skipif(shutil.which("tar") is None, reason="`tar` is not on PATH")
def test_npm_package_is_publishable_and_installed_from_its_tarball(ts_tarball: Path) -> None:
    assert ts_tarball.name == f"kbapi-clients-{kbapi_version}.tgz"
    names = tar_names(ts_tarball)
    assert {"package/package.json", "package/README.md"} <= names
    for api in ("qmk", "qmk-keyboards", "daskeyboard-q"):
        assert {f"package/dist/{api}/index.d.ts", f"package/dist/{api}/client/index.js"} <= names
    assert [name for name in names if name.endswith(".ts") and not name.endswith(".d.ts")] == []
    lock = (SMOKE_DIR / "typescript" / "app" / "package-lock.json").read_text()
    assert f'"resolved": "file:../{ts_tarball.name}"' in lock


def generator_warnings(lang: str) -> set[str]:
    """The distinct WARN messages of the last generation of `lang`, without logger prefixes."""
    logs = sorted((SMOKE_DIR / lang / "generated" / lang).glob("*.log"))
    assert len(logs) == 3, logs
    text = "\n".join(log.read_text() for log in logs)
    assert not re.search(r"^\[[^]]*\] ERROR\b|^Exception in thread", text, re.M)
    return set(re.findall(r"^\[[^]]*\] WARN +\S+ - (.+)$", text, re.M))


@pytest.mark.timeout(BUILD_TIMEOUT + 60)
@pytest.mark.parametrize("lang", ["go", "java"])
def test_every_generator_warning_is_explained_in_the_codegen_notes(lang: str) -> None:
    build(lang)
    notes = (ROOT / "wrapper" / "kbapi" / "_data" / "codegen.md").read_text()
    warnings = generator_warnings(lang)
    assert warnings, "no warning at all: the log format changed?"
    unexplained = [text for text in warnings if text.split(". ")[0] not in notes]
    assert unexplained == [], "explain them in wrapper/kbapi/_data/codegen.md (Known warnings)"


def script_options(*calls: str) -> list[str]:
    """What generate_other.sh's option functions print for `calls` ("lang_props go qmk", ...)."""
    script = (ROOT / "tools" / "generate_other.sh").read_text()
    bodies = re.findall(r"^(?:lang_props|lang_mappings)\(\) \{\n.*?^\}$", script, re.M | re.S)
    assert len(bodies) == 2, "lang_props/lang_mappings not found in generate_other.sh"
    result = run(["bash", "-c", "\n".join([*bodies, *calls])])
    assert result.returncode == 0, explain(result)
    return result.stdout.splitlines()


@pytest.mark.parametrize("lang", ["go", "java"])
def test_codegen_notes_show_the_options_the_tests_build_with(lang: str) -> None:
    notes = (ROOT / "wrapper" / "kbapi" / "_data" / "codegen.md").read_text()
    props, mappings = script_options(f"lang_props {lang} qmk", f"lang_mappings {lang}")
    assert f"--additional-properties {props}" in notes
    assert mappings in notes
