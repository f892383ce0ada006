"""Regenerate every client and sync twin into a temporary folder; fail on any difference.

The generated clients are compared with generated/, the sync twins of the async modules
(tools/unasync.py) with the committed ones under wrapper/.
"""

from __future__ import annotations

import filecmp
import subprocess
import sys
import tempfile
from pathlib import Path

from unasync import PACKAGE, PAIRS

ROOT = Path(__file__).resolve().parent.parent
IGNORE = {"__pycache__", ".ruff_cache"}


def differences(left: Path, right: Path) -> list[str]:
    """Return the relative paths that differ between two trees (missing, extra or changed files)."""
    cmp = filecmp.dircmp(left, right, ignore=list(IGNORE))
    found = [f"only in committed: {left / n}" for n in cmp.left_only]
    found += [f"only in regenerated: {n}" for n in cmp.right_only]
    _, mismatch, errors = filecmp.cmpfiles(left, right, cmp.common_files, shallow=False)
    found += [f"differs: {left / n}" for n in mismatch + errors]
    for sub in cmp.common_dirs:
        found += differences(left / sub, right / sub)
    return found


def twin_differences(regenerated: Path) -> list[str]:
    """The sync twins that differ from their regeneration under `regenerated`."""
    committed = ROOT / PACKAGE
    return [
        f"differs: {committed / target} (generated from {source})"
        for source, target in PAIRS
        if not filecmp.cmp(committed / target, regenerated / target, shallow=False)
    ]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="kbapi-gen-") as tmp:
        subprocess.run(
            [
                "make",
                "--no-print-directory",
                "-s",
                "generate",
                f"GEN_ROOT={tmp}/generated",
                f"SYNC_ROOT={tmp}/sync",
            ],
            cwd=ROOT,
            check=True,
        )
        found = differences(ROOT / "generated", Path(tmp) / "generated")
        found += twin_differences(Path(tmp) / "sync")
    for line in found:
        print(line, file=sys.stderr)
    if found:
        print("generated code is stale: run `make generate` and commit the result", file=sys.stderr)
        return 1
    print("generated/ matches the specs, the sync twins their async sources")
    return 0


if __name__ == "__main__":
    sys.exit(main())
