"""Regenerate every client into a temporary folder; fail if it differs from generated/."""

from __future__ import annotations

import filecmp
import subprocess
import sys
import tempfile
from pathlib import Path

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


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="kbapi-gen-") as tmp:
        subprocess.run(
            ["make", "--no-print-directory", "-s", "generate", f"GEN_ROOT={tmp}"],
            cwd=ROOT,
            check=True,
        )
        found = differences(ROOT / "generated", Path(tmp))
    for line in found:
        print(line, file=sys.stderr)
    if found:
        print("generated/ is stale: run `make generate` and commit the result", file=sys.stderr)
        return 1
    print("generated/ matches the specs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
