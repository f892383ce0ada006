"""openapi-generator's typescript-fetch output from all three specs passes `tsc --strict`.

The Go, Java and hey-api TypeScript clients are built and run against the mocks in test_smoke.py;
typescript-fetch is only type-checked. Skips, with the reason, when Java or Node is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.other_lang.helpers import (
    GENERATE,
    ROOT,
    explain,
    generator_problem,
    node_problem,
    run,
    skip_or_fail,
)

SPECS = ("qmk", "qmk-keyboards", "daskeyboard-q")
TSC = ROOT / "build" / "node" / "node_modules" / ".bin" / "tsc"
TSC_STRICT_NO_EMIT = [
    "--strict",
    "--noEmit",
    "--target",
    "ES2022",
    "--module",
    "commonjs",
    "--moduleResolution",
    "node10",
    "--lib",
    "ES2022,DOM",
    "--types",
    "node",
    "--typeRoots",
    str(ROOT / "build" / "node" / "node_modules" / "@types"),
]


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_openapi_generator_typescript_fetch_passes_tsc_strict(tmp_path: Path) -> None:
    problem = generator_problem() or node_problem()
    if problem:
        skip_or_fail(f"typescript-fetch check skipped: {problem}")
    # Three generator runs (one JVM each): minutes on a loaded 2-core machine.
    result = run(
        [str(GENERATE), "typescript-fetch", *SPECS], timeout=600, KBAPI_OTHER_OUT=str(tmp_path)
    )
    assert result.returncode == 0, explain(result)
    entries = [str(tmp_path / "typescript-fetch" / api / "src" / "index.ts") for api in SPECS]
    checked = run([str(TSC), *TSC_STRICT_NO_EMIT, *entries], timeout=600)
    assert checked.returncode == 0, "tsc --strict failed on typescript-fetch: " + explain(checked)
