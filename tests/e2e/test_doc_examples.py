"""Every Python example of the README and the docs: type-checked with mypy --strict, then run
against the mock servers.

A page's examples run in order in one namespace, as a reader types them. Examples are written
for the real services; to run them here, the constructors that name a service get the mock's URL
(the substitutions below, the only changes made to an example), the working folder holds the
keymap files they open, and the environment holds the mock cloud's demo credentials. A block
that only includes a file (``--8<--``) is skipped here: the file is tested where it lives.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from kbapi.mock.daskeyboard import DEMO_API_KEY, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from kbapi.testing import MockServer

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
KEYMAPS = ROOT / "wrapper" / "kbapi" / "_data" / "qmk_keymaps"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)
# (pattern, replacement): where an example names a real service, the mock's URL is passed
# (<qmk>, <q_local> and <q_cloud> stand for the mocks' URLs).
SUBSTITUTIONS = [
    (r"QMKClient\(\)", "QMKClient(<qmk>)"),
    (r'"http://127\.0\.0\.1:5001"', "<qmk>"),
    (r"QClient\.local\((?=\w)", "QClient.local(base_url=<q_local>, "),
    (r"QClient\.local\(\)", "QClient.local(base_url=<q_local>)"),
    (r"QClient\.cloud\(([^()]*(?:\([^()]*\))?[^()]*)\)", r"QClient.cloud(\1, base_url=<q_cloud>)"),
    (r"QClient\.oauth\((\w+)\)", r"QClient.oauth(\1, base_url=<q_cloud>)"),
]


def examples(page: Path) -> list[str]:
    blocks = BLOCK.findall(page.read_text(encoding="utf-8"))
    return [b for b in blocks if not b.lstrip().startswith("--8<--")]


PAGES_WITH_EXAMPLES = [p for p in PAGES if examples(p)]
IDS = [p.relative_to(ROOT).as_posix() for p in PAGES_WITH_EXAMPLES]


def aimed_at(code: str, urls: dict[str, str]) -> str:
    for pattern, replacement in SUBSTITUTIONS:
        code = re.sub(pattern, replacement, code)
    for name, url in urls.items():
        code = code.replace(f"<{name}>", repr(url))
    return code


def test_the_substitutions_change_only_service_urls() -> None:
    urls = {"qmk": "http://q:1", "q_local": "http://l:2", "q_cloud": "http://c:3"}
    code = 'QMKClient()\nQClient.local(layout="fr-FR")\nQClient.cloud(os.environ["K"])\n'
    assert aimed_at(code, urls) == (
        "QMKClient('http://q:1')\n"
        "QClient.local(base_url='http://l:2', layout=\"fr-FR\")\n"
        "QClient.cloud(os.environ[\"K\"], base_url='http://c:3')\n"
    )


def test_the_docs_have_examples() -> None:
    assert len(PAGES_WITH_EXAMPLES) >= 6
    assert sum(len(examples(p)) for p in PAGES_WITH_EXAMPLES) >= 12


def test_every_example_type_checks_strictly(tmp_path: Path) -> None:
    files = []
    for page in PAGES_WITH_EXAMPLES:
        name = re.sub(r"\W", "_", page.relative_to(ROOT).as_posix()) + ".py"
        (tmp_path / name).write_text("\n\n".join(examples(page)), encoding="utf-8")
        files.append(name)
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *files],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture
def reader_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The folder a reader runs the examples in: the keymap files they open, the demo
    credentials of the mock cloud in the environment."""
    shutil.copy(KEYMAPS / "clueboard_66_rev2_default.json", tmp_path)
    shutil.copy(KEYMAPS / "1upkeyboards_super16_default.json", tmp_path / "my_keymap.json")
    shutil.copy(KEYMAPS / "crkbd_rev1_default.json", tmp_path / "my_export.json")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KBAPI_Q_API_KEY", DEMO_API_KEY)
    monkeypatch.setenv("KBAPI_Q_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("KBAPI_Q_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    yield tmp_path


@pytest.mark.parametrize("page", PAGES_WITH_EXAMPLES, ids=IDS)
def test_every_example_runs_against_the_mocks(
    page: Path,
    reader_folder: Path,
    qmk_mock: MockServer,
    q_local_mock: MockServer,
    q_cloud_mock: MockServer,
) -> None:
    urls = {"qmk": qmk_mock.url, "q_local": q_local_mock.url, "q_cloud": q_cloud_mock.url}
    namespace: dict[str, object] = {"__name__": "example"}
    for number, block in enumerate(examples(page), start=1):
        code = compile(aimed_at(block, urls), f"{page.name}, example {number}", "exec")
        exec(code, namespace)
    assert os.getcwd() == str(reader_folder)
