"""The QMK half of `make demo`: check a keymap, compile it, wait, download the firmware."""

from __future__ import annotations

from pathlib import Path

from kbapi._data import data_file
from kbapi.qmk import Keymap, KeymapError, PollPolicy, Progress, QMKClient, keymap_c
from rich.console import Console

# The QMK docs' example payload: clueboard/66/rev2 with LAYOUT_all (73 keys a layer).
EXAMPLE = "clueboard_66_rev2_default.json"


def run_qmk_demo(base_url: str, out_dir: Path, console: Console) -> Path:
    """Compile the example keymap on the QMK API at `base_url`; return the firmware's path."""
    keymap = Keymap.load(Path(str(data_file("qmk_keymaps", EXAMPLE))))
    console.print(f"keymap {keymap.keyboard}:{keymap.keymap}, layout {keymap.layout}")
    with QMKClient(base_url, poll=PollPolicy(initial=0.3, max_interval=1.0)) as qmk:
        _show_refusal(qmk, keymap, console)
        info = qmk.info(keymap.keyboard)
        console.print(f"{info.name}: {info.key_count(keymap.layout)} keys, {info.processor}")

        def report(progress: Progress) -> None:
            queue = "" if progress.queue_length is None else f" ({progress.queue_length} queued)"
            console.print(f"  {progress.elapsed:5.1f}s  {progress.status}{queue}")

        job = qmk.compile(keymap)
        console.print(f"submitted job {job.id}")
        job.wait(on_progress=report)
        firmware = job.download_firmware(out_dir)
        source = job.download_source(out_dir)
    first_line = firmware.read_text(encoding="ascii").splitlines()[0]
    console.print(f"firmware {firmware.name}: {firmware.stat().st_size} bytes, starts {first_line}")
    console.print(f"source archive {source.name}: {source.stat().st_size} bytes")
    layer0 = next(line for line in keymap_c(keymap).splitlines() if "[0] =" in line)
    console.print(f"keymap.c (offline, as qmk json2c writes it): {layer0.strip()[:60]}...")
    return firmware


def _show_refusal(qmk: QMKClient, keymap: Keymap, console: Console) -> None:
    """Show that a layer of the wrong length is caught before anything is sent."""
    broken = keymap.to_dict()
    broken["layers"][1] = broken["layers"][1][:-1]
    try:
        qmk.check(broken)
    except KeymapError as exc:
        console.print(f"[yellow]refused before sending[/]: {exc.problems[0].message}")
