"""The README's benchmark figures are written from results.json, between their markers only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tools.bench_report import END, START, readme_figures, update_readme


def _figure(value: float, goal: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"value": value, "unit": "", "how": "test"}
    return found if goal is None else found | {"goal": goal, "met": True}


RESULTS: dict[str, Any] = {
    "machine": {"cores": 2, "load_average": [0.42, 0.5, 0.6]},
    "figures": {
        "overhead: job status GET (sync)": _figure(1.02, "<= 1.05"),
        "overhead: job status GET (sync), httpx without cookies": _figure(1.04),
        "overhead: signal create (async)": _figure(1.07, "<= 1.1"),
        "overhead: signal create (async), httpx without cookies": _figure(1.09),
        "import: from kbapi.qmk import QMKClient": _figure(1.21, "<= 1.3"),
        "mock: QMK GET /v1": _figure(3100),
        "mock: Q local POST /api/1.0/signals": _figure(2600),
        "polling (warm): mean requests": _figure(0.46),
        "polling (warm): mean latency": _figure(0.31),
    },
}


def test_the_summary_states_each_kind_of_figure() -> None:
    text = readme_figures(RESULTS)
    parts = ("load average 0.42", "costs 1.02x to 1.07x", "and 1.04x to 1.09x that of httpx")
    for part in (*parts, "takes 1.21x the time", "2600 to 3100"):
        assert part in text.replace("\n", " ")
    assert "sends 0.46x" in text.replace("\n", " ")
    assert "in 0.31x its time" in text.replace("\n", " ")


def test_only_the_text_between_the_markers_is_replaced(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# kbapi\n\n{START}\nold figures\n{END}\n\n## Licence\n", encoding="utf-8")
    update_readme(RESULTS, readme)
    text = readme.read_text(encoding="utf-8")
    assert "old figures" not in text
    assert text.startswith(f"# kbapi\n\n{START}\nMeasured by `make bench`")
    assert text.endswith(f"[docs/benchmarks.md](docs/benchmarks.md).\n{END}\n\n## Licence\n")


def test_a_readme_without_the_markers_is_left_alone(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# kbapi\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="markers are missing"):
        update_readme(RESULTS, readme)
    assert readme.read_text(encoding="utf-8") == "# kbapi\n"


def test_the_readme_has_the_markers() -> None:
    text = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert text.count(START) == 1 and text.count(END) == 1
    assert text.index(START) < text.index(END)
