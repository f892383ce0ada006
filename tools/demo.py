"""`make demo`: the main job end to end against the built-in mock servers.

Starts `kbapi mock` in-process on free loopback ports, compiles a real keymap (the clueboard
example from the QMK docs) and downloads its firmware, paints keys on the mock's local Das
Keyboard Q server using the three zone systems and draws the keyboard, then stops the mocks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console

sys.path.insert(0, str(Path(__file__).resolve().parent))

from demo_q import run_q_demo
from demo_qmk import run_qmk_demo
from kbapi.mock.qmk import QMKMockConfig
from kbapi.mock.runner import MockSettings, running_mocks

OUT_DIR = Path("build/demo")


def main() -> int:
    console = Console()
    settings = MockSettings(
        qmk_port=0,
        q_local_port=0,
        q_cloud_port=0,
        qmk=QMKMockConfig(queue_seconds=1.0, run_seconds=3.0),
    )
    with running_mocks(settings) as mocks:
        console.rule("[bold]kbapi demo[/] against the built-in mock servers")
        console.print(f"QMK mock:        {mocks.qmk}")
        console.print(f"Q local mock:    {mocks.q_local}")
        console.print(f"Q cloud mock:    {mocks.q_cloud}")
        console.rule("QMK: keymap -> firmware")
        firmware = run_qmk_demo(mocks.qmk, OUT_DIR, console)
        console.print(f"[green]firmware written to[/] {firmware}")
        console.rule("Das Keyboard Q: paint keys on the local server")
        run_q_demo(mocks.q_local, console)
    console.rule("done: the mock servers are stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
