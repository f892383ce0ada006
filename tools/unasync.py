"""Generate the sync twins of kbapi's async modules (the httpcore ``unasync`` technique).

The async module is the one written by hand; its sync twin is produced by token replacement
(`async def` -> `def`, ``await`` dropped, ``AsyncQMKClient`` -> ``QMKClient``, ...), then
formatted and import-sorted with the pinned ruff. A block between ``# unasync: async only`` and
``# unasync: end`` stays out of the twin. `make generate` writes the twins; with
``--check`` nothing is written and any difference with the committed twin is an error
(`make check-generated`). ``--out DIR`` writes the twins under DIR instead of the repository.
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "wrapper"
# (async source, generated sync twin), relative to wrapper/. DESIGN: each twin repeats its source
# by construction (`duplicates` lists every pair); the source is the one implementation.
PAIRS: tuple[tuple[str, str], ...] = (
    ("kbapi/_core/async_transport.py", "kbapi/_core/transport.py"),
    ("kbapi/_core/async_ops.py", "kbapi/_core/ops.py"),
    ("kbapi/_core/async_reconcile.py", "kbapi/_core/reconcile.py"),
    ("kbapi/qmk/async_fetch.py", "kbapi/qmk/fetch.py"),
    ("kbapi/qmk/async_job.py", "kbapi/qmk/job.py"),
    ("kbapi/qmk/async_client.py", "kbapi/qmk/client.py"),
    ("kbapi/daskeyboard/async_pager.py", "kbapi/daskeyboard/pager.py"),
    ("kbapi/daskeyboard/async_executor.py", "kbapi/daskeyboard/executor.py"),
    ("kbapi/daskeyboard/async_base.py", "kbapi/daskeyboard/base.py"),
    ("kbapi/daskeyboard/async_client.py", "kbapi/daskeyboard/client.py"),
)
HEADER = (
    "# Generated from {source} by tools/unasync.py: do not edit.\n"
    "# Change the async source and run `make generate`.\n"
)

# Applied in order, on whole words. Specific names first, then the generic Async* rules.
SUBS: tuple[tuple[str, str], ...] = (
    (r"async def\b", "def"),
    (r"async with\b", "with"),
    (r"async for\b", "for"),
    (r"await ", ""),
    (r"__aenter__", "__enter__"),
    (r"__aexit__", "__exit__"),
    (r"__aiter__", "__iter__"),
    (r"__anext__", "__next__"),
    (r"Awaitable\[([^\[\]]*)\]", r"\1"),
    (r"AsyncByteStream", "SyncByteStream"),
    (r"handle_async_request", "handle_request"),
    (r"asyncio_detailed", "sync_detailed"),
    (r"build_async_client", "build_client"),
    (r"kbapi\.(\w+)\.async_(\w+)", r"kbapi.\1.\2"),  # module paths: before `async_client`
    (r"async_client", "sync_client"),
    (r"async_(\w)", r"\1"),
    (r"aclose", "close"),
    (r"aread", "read"),
    (r"aiter_bytes", "iter_bytes"),
    (r"aacquire", "acquire"),
    (r"aparsed", "parsed"),
    (r"acall", "call"),
    (r"asave", "save"),
    (r"amap_bounded", "map_bounded"),
    (r"arun_paint", "run_paint"),
    (r"_Async([A-Z])", r"_\1"),
    (r"Async([A-Z])", r"\1"),
    (r"asynchronous", "synchronous"),
)
_COMPILED = tuple((re.compile(rf"\b{pattern}"), repl) for pattern, repl in SUBS)


# Lines from an `ASYNC_ONLY` marker to `ASYNC_ONLY_END` (both included) are left out of the
# twin: what exists on the async face alone (a deprecated alias the blocking face never had).
ASYNC_ONLY = re.compile(r"^[ \t]*# unasync: async only\b.*?^[ \t]*# unasync: end\n", re.M | re.S)


def unasync_text(text: str) -> str:
    """`text` (an async module) with every substitution of `SUBS` applied."""
    text = ASYNC_ONLY.sub("", text)
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    return text


def _ruff(args: list[str], text: str, filename: str) -> str:
    ruff = Path(sys.executable).with_name("ruff")
    done = subprocess.run(
        [str(ruff), *args, "--stdin-filename", filename, "-"],
        input=text,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if done.returncode not in (0, 1) or not done.stdout:
        raise SystemExit(f"ruff {' '.join(args)} failed on {filename}:\n{done.stderr}")
    return done.stdout


def generate(source: str, target: str) -> str:
    """The sync twin of `source` (paths relative to wrapper/), formatted like the rest."""
    text = (ROOT / PACKAGE / source).read_text(encoding="utf-8")
    text = HEADER.format(source=f"{PACKAGE}/{source}") + unasync_text(text)
    filename = str(ROOT / PACKAGE / target)
    fixes = ["--fix-only", "--unsafe-fixes", "--select", "I,F401,UP028", "--quiet"]
    text = _ruff(["check", *fixes], text, filename)
    return _ruff(["format", "--quiet"], text, filename)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a committed twin differs")
    parser.add_argument("--out", type=Path, help="write the twins under this folder")
    args = parser.parse_args()
    stale = []
    for source, target in PAIRS:
        text = generate(source, target)
        if args.check:
            path = ROOT / PACKAGE / target
            committed = path.read_text(encoding="utf-8") if path.exists() else ""
            if committed != text:
                stale.append(target)
                diff = difflib.unified_diff(
                    committed.splitlines(True), text.splitlines(True), target, "regenerated"
                )
                sys.stderr.writelines(list(diff)[:40])
            continue
        path = (args.out or ROOT / PACKAGE) / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if stale:
        print(f"stale sync twins: {', '.join(stale)}; run `make generate`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
