"""schemathesis against the QMK mock, in process: spec/qmk.yaml on `/v1` and spec/qmk-keyboards.yaml
on the `/metadata` mirror. Every check, positive and negative data (examples, coverage and fuzzing
phases per operation), then the stateful phase along the specs' links. Jobs finish instantly.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import settings
from kbapi.mock.qmk import QMKMockConfig, create_qmk_app

from tests.support.contract import COMMON, load_schema, spec
from tests.support.depth import examples

# Not traced by coverage (pytest-cov's no_cover): under the tracer these schemathesis runs take
# twice the CPU, and they reach a few dozen mock lines that no other test does (measured: 95.2 %
# of the handwritten code with them, 95.9 % without them, when the rest of the suite ran).
pytestmark = [pytest.mark.timeout(240), pytest.mark.no_cover]

BASE = "http://127.0.0.1:5001"
APP = create_qmk_app(QMKMockConfig(queue_seconds=0, run_seconds=0))
QMK = load_schema(spec("qmk.yaml"), BASE)
KEYBOARDS = load_schema(spec("qmk-keyboards.yaml"), f"{BASE}/metadata")
QMK.app = KEYBOARDS.app = APP


@pytest.fixture(autouse=True)
def fresh_mock() -> Iterator[None]:
    """Each test starts with a mock that has no jobs."""
    APP.state.mock.reset()
    yield


@QMK.parametrize()
@settings(max_examples=examples(50), **COMMON)
def test_qmk_api(case: Any) -> None:
    case.call_and_validate()


@KEYBOARDS.parametrize()
@settings(max_examples=examples(25), **COMMON)
def test_keyboard_metadata(case: Any) -> None:
    case.call_and_validate()


class QMKWorkflow(QMK.as_state_machine()):  # type: ignore[misc]
    """Submit keymaps, then follow the links: poll the job, download its artifacts."""

    def setup(self) -> None:
        APP.state.mock.reset()


class KeyboardsWorkflow(KEYBOARDS.as_state_machine()):  # type: ignore[misc]
    """List the keyboards, then fetch the first one's info.json and readme."""


QMKWorkflow.TestCase.settings = settings(max_examples=examples(40), stateful_step_count=8, **COMMON)
KeyboardsWorkflow.TestCase.settings = settings(
    max_examples=examples(10), stateful_step_count=4, **COMMON
)
TestQMKWorkflow = QMKWorkflow.TestCase
TestKeyboardsWorkflow = KeyboardsWorkflow.TestCase
