"""What `make bench` writes beside results.json: the polling plot (PNG) and docs/benchmarks.md.

    .venv/bin/python tools/bench_report.py build/bench/results.json docs/benchmarks.md

rebuilds the Markdown page from a results file and the figures between the `bench` markers of
README.md (neither is ever written by hand).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

README = Path(__file__).resolve().parent.parent / "README.md"
START = "<!-- bench: written by tools/bench_report.py from build/bench/results.json -->"
END = "<!-- /bench -->"
STRATEGIES = (("cfg", "QMK Configurator"), ("cold", "kbapi, no history"), ("warm", "kbapi, warm"))


def plot(rows: list[dict[str, Any]], path: Path) -> None:
    """Requests against detection latency per job length, one line per strategy."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(8, 5), dpi=110)
    for (key, label), marker in zip(STRATEGIES, "osD", strict=True):
        xs = [row[f"{key}_requests"] for row in rows]
        ys = [row[f"{key}_latency_s"] for row in rows]
        axes.plot(xs, ys, marker=marker, label=label)
        for row, x, y in zip(rows, xs, ys, strict=True):
            axes.annotate(
                f"{row['job_seconds']}s",
                (x, y),
                fontsize=7,
                xytext=(3, 3),
                textcoords="offset points",
            )
    axes.set_xscale("log")
    axes.set_xlabel("requests per job (mean, log scale)")
    axes.set_ylabel("detection latency, s (mean)")
    axes.set_title("Compile polling per job length: requests against latency")
    axes.grid(True, alpha=0.3)
    axes.legend()
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)


def _table(rows: list[dict[str, Any]]) -> list[str]:
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    for row in rows:
        lines.append("| " + " | ".join(_cell(row[key]) for key in keys) + " |")
    return lines


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "**no**"
    return str(value)


def markdown(results: dict[str, Any]) -> str:
    """docs/benchmarks.md from results.json."""
    facts = ", ".join(f"{key} {value}" for key, value in results["machine"].items())
    lines = [
        "# Benchmarks",
        "",
        "Every figure on this page comes from `build/bench/results.json`, written by `make bench`",
        "(this page is rebuilt from it by `tools/bench_report.py`; do not edit it by hand).",
        f"Machine: {facts}. The machine is shared: the load average says how",
        "busy it was; ratios are paired (measured in alternating blocks of the same run), so they",
        "hold up under load far better than absolute times. Each per-call overhead is shown twice:",
        "against httpx as it comes (the goal), and against httpx set to keep no cookies, as kbapi",
        "is (`ServerCookiesIgnored`), which leaves the cost of kbapi's own code.",
        "",
        "## Goals",
        "",
        "| figure | value | goal | met | how it was measured |",
        "|---|---|---|---|---|",
    ]
    for name, found in results["figures"].items():
        goal = found.get("goal", "")
        met = _cell(found["met"]) if "met" in found else ""
        lines.append(
            f"| {name} | {found['value']} {found['unit']} | {goal} | {met} | {found['how']} |"
        )
    for key, title in results["titles"].items():
        lines += ["", f"## {title}", "", *_table(results["tables"][key])]
        if key == "polling":
            lines += ["", "![requests against latency](benchmarks-polling.png)"]
    lines += ["", f"`make bench` took {results['bench_s']} s.", ""]
    return "\n".join(lines)


def _span(results: dict[str, Any], prefix: str, *, goals: bool = True) -> str:
    """The range of the figures named `prefix...`: those with a goal, or (`goals=False`) those
    without one."""
    found = results["figures"].items()
    values = sorted(v["value"] for k, v in found if k.startswith(prefix) and ("goal" in v) == goals)
    return f"{values[0]}x" if values[0] == values[-1] else f"{values[0]}x to {values[-1]}x"


def readme_figures(results: dict[str, Any]) -> str:
    """The README's summary of results.json: one sentence per kind of figure."""
    figures = results["figures"]
    mocks = sorted(v["value"] for k, v in figures.items() if k.startswith("mock: "))
    load = results["machine"].get("load_average", ["?"])[0]
    calls, imports = _span(results, "overhead: "), _span(results, "import: ")
    own = _span(results, "overhead: ", goals=False)
    requests = figures["polling (warm): mean requests"]["value"]
    latency = figures["polling (warm): mean latency"]["value"]
    return "\n".join(
        [
            f"Measured by `make bench` on 2 cores (load average {load}): a call costs {calls}",
            "the client CPU of the same request made with plain httpx (job status, signal create;",
            f"sync and async), and {own} that of httpx set, as kbapi is, to keep no cookies;",
            f"importing a client takes {imports} the time of `import httpx`;",
            f"the mock serves {mocks[0]} to {mocks[-1]} requests/s; compile polling that knows",
            f"the keyboard's build times sends {requests}x the QMK Configurator's requests and",
            f"sees the end in {latency}x its time. Every figure, with how it was measured:",
            "[docs/benchmarks.md](docs/benchmarks.md).",
        ]
    )


def update_readme(results: dict[str, Any], readme: Path = README) -> None:
    """Replace what stands between the `bench` markers of `readme` with `readme_figures`."""
    text = readme.read_text(encoding="utf-8")
    before, start, rest = text.partition(START)
    _, end, after = rest.partition(END)
    if not start or not end:
        raise SystemExit(f"{readme}: the {START} ... {END} markers are missing")
    readme.write_text(f"{before}{START}\n{readme_figures(results)}\n{END}{after}", encoding="utf-8")


def main(argv: list[str]) -> int:
    results = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    out = Path(argv[1])
    out.write_text(markdown(results), encoding="utf-8")
    update_readme(results)
    plot(results["tables"]["polling"], out.with_name("benchmarks-polling.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
