"""Every install the README names works from the built wheel, each in a fresh venv outside the
repository: `kbapi` (library only), `kbapi[cli]`, `kbapi[cli,mock]` and `kbapi[contract]`.

The wheel is built once per session (shared by the xdist workers) from a fresh sdist, as a
release would be. Venvs and installs use `uv` (pinned in the dev extra): with pip the four installs
took minutes on a loaded machine, with uv seconds. Dependencies come from PyPI (uv's cache after
the first run), pinned by requirements/constraints.txt; none is skipped.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = ROOT / "requirements" / "constraints.txt"
UV = [str(Path(sysconfig.get_path("scripts")) / "uv"), "--no-config", "--quiet"]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def run(*args: str | Path, cwd: Path, check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run a command with no trace of the repository's venv in its environment."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "100"
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The kbapi wheel, built once for all xdist workers of this session."""
    base = tmp_path_factory.getbasetemp()
    # Under xdist each worker's basetemp is a child of the session's; alone it is the session's.
    # (Its parent then is shared by every session of the user: a wheel there would go stale.)
    session = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    shared = session / "kbapi-wheel"
    shared.mkdir(exist_ok=True)
    with (shared / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built = sorted(shared.glob("kbapi-*.whl"))
        if not built:
            run(*UV, "build", "--out-dir", shared, ROOT, cwd=shared, check=True)
            built = sorted(shared.glob("kbapi-*.whl"))
    assert len(built) == 1, built
    return built[0]


Install = Callable[[str], Path]


@pytest.fixture
def install(wheel: Path, tmp_path: Path) -> Install:
    """`install(extras)`: a fresh venv holding the wheel with `extras`; returns its bin/ folder."""

    def make(extras: str) -> Path:
        venv = tmp_path / "venv"
        run(*UV, "venv", "--python", sys.executable, venv, cwd=tmp_path, check=True)
        target = f"{wheel}[{extras}]" if extras else str(wheel)
        python = venv / "bin" / "python"
        pip = [*UV, "pip", "install", "--python", python, "-c", CONSTRAINTS, target]
        run(*pip, cwd=tmp_path, check=True)
        return venv / "bin"

    return make


def test_the_wheel_holds_one_top_level_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert tops == {"kbapi", wheel.name.split("-py3")[0] + ".dist-info"}
    assert "kbapi/_generated/qmk_api/client.py" in names
    assert "kbapi/_generated/specs/qmk.yaml" in names
    assert not [n for n in names if n.startswith("kbapi/_generated/qmk_keyboards/")]


LIBRARY = (
    "import kbapi, kbapi._generated.qmk_api, kbapi._generated.q_api\n"
    "from kbapi._specs import spec_path\n"
    "assert kbapi.QMKClient and kbapi.QClient and kbapi.AsyncQMKClient and kbapi.AsyncQClient\n"
    "assert all(spec_path(n).is_file() for n in ('qmk', 'qmk-keyboards', 'daskeyboard-q'))\n"
    "print(kbapi.__file__)\n"
)


def check_library(bin_dir: Path, cwd: Path) -> None:
    done = run(bin_dir / "python", "-c", LIBRARY, cwd=cwd, check=True)
    assert done.stdout.strip().startswith(str(bin_dir.parent))  # the venv's copy, not the repo's


def importable(bin_dir: Path, module: str, cwd: Path) -> bool:
    probe = f"import importlib.util as u; print(u.find_spec({module!r}) is not None)"
    return run(bin_dir / "python", "-c", probe, cwd=cwd, check=True).stdout.strip() == "True"


def assert_names_extra(done: subprocess.CompletedProcess[str], install: str) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    assert install in done.stderr
    assert "Traceback" not in done.stdout + done.stderr


def test_bare_install_is_the_library_and_kbapi_names_the_cli_extra(
    install: Install, tmp_path: Path
) -> None:
    bin_dir = install("")
    check_library(bin_dir, tmp_path)
    assert not importable(bin_dir, "typer", tmp_path)
    assert not importable(bin_dir, "stamina", tmp_path)
    assert_names_extra(run(bin_dir / "kbapi", "--help", cwd=tmp_path), "pip install 'kbapi[cli]'")


def test_cli_extra_runs_the_cli_and_names_the_mock_and_contract_extras(
    install: Install, tmp_path: Path
) -> None:
    bin_dir = install("cli")
    check_library(bin_dir, tmp_path)
    top = run(bin_dir / "kbapi", "--help", cwd=tmp_path, check=True)
    assert {"qmk", "q", "mock", "contract"} <= set(top.stdout.split())
    assert "compile" in run(bin_dir / "kbapi", "qmk", "--help", cwd=tmp_path, check=True).stdout
    mock = run(bin_dir / "kbapi", "mock", "--port", "0", cwd=tmp_path)
    assert_names_extra(mock, "pip install 'kbapi[cli,mock]'")
    contract = run(bin_dir / "kbapi", "contract", "qmk", "--help", cwd=tmp_path)
    assert_names_extra(contract, "pip install 'kbapi[contract]'")


def test_cli_mock_extras_run_the_mock_command(install: Install, tmp_path: Path) -> None:
    bin_dir = install("cli,mock")
    check_library(bin_dir, tmp_path)
    assert "--qmk-port" in run(bin_dir / "kbapi", "mock", "--help", cwd=tmp_path, check=True).stdout
    assert importable(bin_dir, "kbapi.mock.runner", tmp_path)
    contract = run(bin_dir / "kbapi", "contract", cwd=tmp_path)
    assert_names_extra(contract, "pip install 'kbapi[contract]'")


def test_contract_extra_runs_the_contract_command(install: Install, tmp_path: Path) -> None:
    bin_dir = install("contract")
    check_library(bin_dir, tmp_path)
    run(bin_dir / "kbapi", "--help", cwd=tmp_path, check=True)
    help_text = run(bin_dir / "kbapi", "contract", "qmk", "--help", cwd=tmp_path, check=True).stdout
    assert "--url" in help_text
    assert_names_extra(
        run(bin_dir / "kbapi", "mock", cwd=tmp_path), "pip install 'kbapi[cli,mock]'"
    )


def test_cli_extra_exports_the_packaged_specs_for_other_languages(install, tmp_path: Path) -> None:
    bin_dir = install("cli")
    out = tmp_path / "specs"
    run(bin_dir / "kbapi", "spec", "export", out, cwd=tmp_path, check=True)
    names = ("qmk", "qmk-keyboards", "daskeyboard-q")
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["CODEGEN.md", *(f"{n}.yaml" for n in names)]
    )
    for name in names:
        assert (out / f"{name}.yaml").read_bytes() == (ROOT / "spec" / f"{name}.yaml").read_bytes()
    assert "## Type mappings" in (out / "CODEGEN.md").read_text()
    printed = run(bin_dir / "kbapi", "spec", "path", "qmk", cwd=tmp_path, check=True).stdout.strip()
    assert printed.startswith(str(bin_dir.parent))  # the venv's packaged copy, not the repo's


def test_testing_extra_runs_the_documented_user_test_file(install: Install, tmp_path: Path) -> None:
    """Acceptance (issue 15): a user's test file using the kbapi.testing fixtures passes in a
    fresh venv holding only the wheel (with its testing extra: the mock servers and pytest)."""
    bin_dir = install("testing")
    check_library(bin_dir, tmp_path)
    example = ROOT / "docs" / "examples" / "test_my_dashboard.py"
    (tmp_path / example.name).write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    done = run(bin_dir / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", example.name,
               cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "5 passed" in done.stdout
