"""How many examples the property, fuzz and contract tests draw.

`make test` draws the counts written in the tests, sized so that the whole suite stays within
its minutes on two cores. `make test-deep` sets ``KBAPI_TEST_DEPTH=5`` and draws five times as
many (the seeds stay fixed, so a deeper run extends the shallow one).
"""

from __future__ import annotations

import os

DEPTH = int(os.environ.get("KBAPI_TEST_DEPTH", "1"))
if DEPTH < 1:
    raise ValueError(f"KBAPI_TEST_DEPTH must be a whole number >= 1, got {DEPTH}")


def examples(count: int) -> int:
    """`count` examples at depth 1, `count` times the depth deeper."""
    return count * DEPTH
