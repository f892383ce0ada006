"""Make the pictures of docs/cli.md: `kbapi q show` and `kbapi qmk compile` as users see them.

    .venv/bin/python tools/cli_pictures.py [docs/images]

Starts the mocks on free loopback ports, lights a few keys, then

- exports `kbapi q show` as SVG with rich at 80 and 120 columns;
- runs the real commands in tmux windows of 80 and 120 columns and saves what the pane shows
  (text files; the compile one while the build runs and after it);
- turns each SVG into a PNG with headless Chromium, when it is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kbapi.daskeyboard import QClient
from kbapi.daskeyboard.render import render_shadows
from kbapi.mock.qmk import QMKMockConfig
from kbapi.mock.runner import MockSettings, running_mocks
from rich.console import Console

ROOT = Path(__file__).resolve().parents[1]
KBAPI = str(ROOT / ".venv" / "bin" / "kbapi")
KEYMAP = ROOT / "wrapper" / "kbapi" / "_data" / "qmk_keymaps" / "crkbd_rev1_default.json"
LIT = [
    ("KEY_ESCAPE", "#FF0000", "BLINK"),
    ("KEY_F10", "#FF8000", "SET_COLOR"),
    ("KEY_W", "#00C0FF", "SET_COLOR"),
    ("KEY_A", "#00C0FF", "SET_COLOR"),
    ("KEY_S", "#00C0FF", "SET_COLOR"),
    ("KEY_D", "#00C0FF", "SET_COLOR"),
    ("KEY_SPACE", "#40FF40", "BREATHE"),
    ("KEY_ENTER", "#FFD000", "SET_COLOR"),
    ("KEY_LIGHT_PIPE_LEFT", "#8000FF", "SET_COLOR"),
]


def light(q_url: str) -> QClient:
    q = QClient.local(q_url)
    for zone, color, effect in LIT:
        q.send(zone, color, effect=effect)
    return q


def svgs(q: QClient, out: Path) -> list[Path]:
    shadows = q.shadows()
    made = []
    for width in (80, 120):
        with open(os.devnull, "w") as sink:
            console = Console(
                width=width, record=True, force_terminal=True, color_system="truecolor", file=sink
            )
            console.print(render_shadows(q.layout, shadows))
        name = f"q-show-{width}.svg"
        console.save_svg(str(out / name), title=f"kbapi q show ({width} columns)")
        made.append(out / name)
    return made


def tmux(session: str, width: int, command: str, env: dict[str, str]) -> None:
    exports = " ".join(f"{k}={v}" for k, v in env.items())
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", str(width), "-y", "30",
         f"env {exports} TERM=xterm-256color {command}; sleep 30"],
        check=True,
    )  # fmt: skip


def capture(session: str) -> str:
    done = subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], check=True, capture_output=True, text=True
    )
    return done.stdout.rstrip() + "\n"


def capture_when(session: str, text: str, limit: float = 60.0) -> str:
    """The pane once it shows `text` (bounded wait: start-up is slow on a busy machine)."""
    deadline = time.monotonic() + limit
    shown = capture(session)
    while text not in shown and time.monotonic() < deadline:
        time.sleep(0.2)
        shown = capture(session)
    return shown


def captures(q_url: str, qmk_url: str, out: Path) -> None:
    env = {"KBAPI_Q_URL": q_url, "KBAPI_QMK_URL": qmk_url}
    for width in (80, 120):
        session = f"kbapi-show-{width}"
        tmux(session, width, f"{KBAPI} q show", env)
        (out / f"q-show-{width}.txt").write_text(capture_when(session, "╰"))
        subprocess.run(["tmux", "kill-session", "-t", session], check=True)
    session = "kbapi-show-piped"
    tmux(session, 80, f"sh -c '{KBAPI} q show | cat'", env)
    (out / "q-show-80-piped.txt").write_text(capture_when(session, "╰"))
    subprocess.run(["tmux", "kill-session", "-t", session], check=True)
    with tempfile.TemporaryDirectory() as folder:
        session = "kbapi-compile-80"
        tmux(session, 80, f"{KBAPI} qmk compile {KEYMAP} --out {folder}", env)
        (out / "qmk-compile-80-running.txt").write_text(capture_when(session, "running"))
        (out / "qmk-compile-80-done.txt").write_text(capture_when(session, ".hex\n"))
        subprocess.run(["tmux", "kill-session", "-t", session], check=True)


def compile_svgs(out: Path) -> list[Path]:
    """The compile captures drawn as an 80-column terminal (SVG), for the docs site."""
    made = []
    for stage in ("running", "done"):
        console = Console(record=True, width=80, force_terminal=True, color_system="truecolor")
        console.print(
            (out / f"qmk-compile-80-{stage}.txt").read_text().rstrip("\n"), highlight=False
        )
        path = out / f"qmk-compile-80-{stage}.svg"
        console.save_svg(str(path), title=f"kbapi qmk compile ({stage})")
        made.append(path)
    return made


def pngs(svg_files: list[Path]) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("no chromium: SVGs only")
        return
    for svg in svg_files:
        width = 1000 if "-80" in svg.name else 1250
        height = 200 if "compile" in svg.name else 330
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             f"--screenshot={svg.with_suffix('.png')}", f"--window-size={width},{height}",
             svg.as_uri()],
            check=True, capture_output=True,
        )  # fmt: skip


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "images")
    out.mkdir(parents=True, exist_ok=True)
    settings = MockSettings(
        qmk_port=0, q_local_port=0, q_cloud_port=0,
        qmk=QMKMockConfig(queue_seconds=2, run_seconds=5),
    )  # fmt: skip
    with running_mocks(settings) as mocks:
        assert mocks.q_local is not None
        with light(mocks.q_local) as q:
            made = svgs(q, out)
        captures(mocks.q_local, mocks.qmk, out)
    pngs([*made, *compile_svgs(out)])
    for path in sorted(out.iterdir()):
        print(path)


if __name__ == "__main__":
    main()
