"""The benchmarks' paired ratios say how far the run's noise could move them."""

from __future__ import annotations

import statistics

import pytest

from tools.bench_util import _ratio_summary, median_interval


def test_the_interval_of_a_median_holds_it_and_narrows_with_more_rounds() -> None:
    few = [1.0, 1.2, 0.9, 1.1, 1.3, 1.05, 0.95]
    low, high = median_interval(few)
    assert low <= statistics.median(few) <= high and low < high
    many = few * 40
    narrow = median_interval(many)
    assert narrow[1] - narrow[0] < high - low
    assert median_interval([1.04] * 9) == (1.04, 1.04)
    assert median_interval(few) == (low, high)  # seeded: the same data, the same interval


def test_a_paired_summary_is_per_call_with_the_median_ratio_and_its_interval() -> None:
    summary = _ratio_summary({"raw": [1.0, 2.0, 1.0], "kbapi": [1.1, 2.4, 1.0]}, per_round=10)
    assert summary["ratio"] == 1.1  # the median of 1.1, 1.2 and 1.0
    assert summary["raw_us"] == pytest.approx(1e5) and summary["kbapi_us"] == pytest.approx(1.1e5)
    assert summary["ci_low"] <= 1.1 <= summary["ci_high"]
