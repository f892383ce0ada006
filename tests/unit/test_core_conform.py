"""kbapi._core.conform: parsed models hold the types their annotations promise, and the rules."""

from __future__ import annotations

from typing import Any

import pytest
from kbapi._core.conform import ShapeError, at_least, conform, conform_object, conform_to, matches
from kbapi._generated.q_api.models import EffectSetting, Signal, SignalPage
from kbapi._generated.qmk_api.models import BuildLog, BuildStatus, CompileJob, CompileResult

SIGNAL = {"id": 1, "name": "", "pid": "DK5QPID", "zoneId": "2,2", "color": "#F00", "createdAt": 1,
          "updatedAt": 2}  # fmt: skip
JOB = {"id": "j", "created_at": "x", "enqueued_at": None, "is_failed": None, "result": None}
RULES: Any = {Signal: {"color": matches(r"#[0-9A-F]{3}", "a colour")}}


def _job(**changes: Any) -> CompileJob:
    return CompileJob.from_dict({**JOB, **changes})


def test_a_model_of_the_documented_types_passes_unchanged() -> None:
    job = _job(status="finished", result={"returncode": 0, "output": "", "command": ["qmk"]})
    assert conform(job) is job
    assert conform(Signal.from_dict(SIGNAL), RULES).color == "#F00"


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"id": 5}, "id: expected str, got int"),
        ({"is_failed": "no"}, "is_failed: expected bool | null, got str"),
        ({"is_failed": 0}, "is_failed: expected bool | null, got int"),
        ({"result": ["x"]}, "result: expected CompileResult | null, got list"),
        (
            {"result": {"returncode": True, "output": ""}},
            "result.returncode: expected int, got bool",
        ),
        ({"result": {"returncode": 0, "output": "", "command": ["a", 1]}}, "result.command[1]: "),
        ({"status": None}, "status: expected str | Unset, got null"),
    ],
)
def test_a_value_of_another_type_is_named_by_its_path(
    changes: dict[str, Any], problem: str
) -> None:
    with pytest.raises(ShapeError) as caught:
        conform(_job(**changes))
    assert str(caught.value).startswith(problem)


def test_an_integral_float_becomes_an_int_and_other_floats_do_not() -> None:
    job = conform(_job(result={"returncode": 2.0, "output": ""}))
    assert job.result.returncode == 2 and type(job.result.returncode) is int
    with pytest.raises(ShapeError, match=r"result\.returncode: expected int, got float"):
        conform(_job(result={"returncode": 2.5, "output": ""}))


def test_extra_keys_of_typed_maps_are_named_by_their_key() -> None:
    assert conform(BuildStatus.from_dict({"planck/rev6": True})).additional_properties
    with pytest.raises(ShapeError, match=r"^planck/rev6: expected bool, got str"):
        conform(BuildStatus.from_dict({"planck/rev6": "yes"}))
    with pytest.raises(ShapeError, match=r"^kb\.works: expected bool, got int"):
        conform(BuildLog.from_dict({"kb": {"works": 1, "last_tested": 3}}))


def test_rules_apply_to_nested_models_and_lists() -> None:
    page = {"content": [SIGNAL, {**SIGNAL, "color": "red"}], "size": 2, "sort": "",
            "hasNextPage": False, "page": 0, "totalElements": 2, "totalPages": 1}  # fmt: skip
    with pytest.raises(ShapeError, match=r"^content\[1\]\.color: 'red' is not a colour"):
        conform(SignalPage.from_dict(page), RULES)
    with pytest.raises(ShapeError, match=r"^\[1\]\.color: 'red' is not a colour"):
        conform([Signal.from_dict(SIGNAL), Signal.from_dict(page["content"][1])], RULES)
    assert conform(SignalPage.from_dict(page)) is not None  # no rules: the types hold


def test_conform_to_checks_plain_lists() -> None:
    assert conform_to(["a", "b"], list[str]) == ["a", "b"]
    with pytest.raises(ShapeError, match=r"^\[1\]: expected str, got int"):
        conform_to(["a", 1], list[str])
    with pytest.raises(ShapeError, match=r"^the body: expected a list, got dict"):
        conform_to({}, list[str])


def test_the_rule_builders() -> None:
    colour, positive = matches(r"#[0-9A-F]{3}", "a colour"), at_least(0)
    assert colour("#F00") is None and colour(None) is None  # only strings are matched
    assert colour("#F00\n") == "'#F00\\n' is not a colour"  # the whole string, as JSON Schema
    assert matches(r"\d+", "digits")("\u0663") == "'\u0663' is not digits"  # \d is ASCII only
    assert positive(0) is None and positive(-1) == "-1 is below 0" and positive("x") is None


def test_integral_floats_become_ints_inside_lists_maps_and_unions() -> None:
    numbers = conform_to([1, 3.0], list[int])
    assert numbers == [1, 3] and [type(n) for n in numbers] == [int, int]
    counts = conform_to({"a": 2.0, "b": [4.0]}, dict[str, int | list[int]])
    assert type(counts["a"]) is int and type(counts["b"][0]) is int
    assert type(conform_to(4.0, int | None)) is int
    with pytest.raises(ShapeError, match=r"^k\[0\]: expected int, got float"):
        conform_to({"k": [1.5]}, dict[str, list[int]])


def test_a_union_names_the_whole_union_or_the_path_inside_the_arm_that_fit() -> None:
    with pytest.raises(ShapeError, match=r"^the body: expected list\[str\] \| null, got int$"):
        conform_to(5, list[str] | None)
    with pytest.raises(ShapeError, match=r"^\[0\]: expected list\[str\] \| null, got int$"):
        conform_to([5], list[list[str] | None])
    with pytest.raises(ShapeError, match=r"^\[0\]\[1\]: expected str, got int$"):
        conform_to([["a", 1]], list[list[str] | None])


def test_conform_object_checks_a_flat_object_without_its_model() -> None:
    body = {"returncode": 2.0, "output": "", "command": ["qmk", "compile"], "extra": object()}
    checked = conform_object(CompileResult, body, "result")
    assert checked == {**body, "returncode": 2} and type(checked["returncode"]) is int
    assert type(body["returncode"]) is float  # converted in a copy
    same = {"returncode": 0, "output": "", "firmware": None}
    assert conform_object(CompileResult, same, "result") is same
    with pytest.raises(ShapeError, match=r"^result\.command\[1\]: expected str, got int"):
        conform_object(
            CompileResult, {"returncode": 0, "output": "", "command": ["a", 1]}, "result"
        )
    with pytest.raises(KeyError, match="output"):
        conform_object(CompileResult, {"returncode": 0}, "result")
    with pytest.raises(TypeError, match="SignalPage holds models"):
        conform_object(SignalPage, {}, "page")


def test_nested_models_are_checked_in_place_and_named_by_their_path() -> None:
    effects = {"passiveEffect": {"name": 0, "color": "#F00"}, "activeEffect": {"color": 5}}
    signal = Signal.from_dict({**SIGNAL, "zoneConfiguration": effects})
    with pytest.raises(
        ShapeError, match=r"^zone_configuration\.active_effect\.color: expected str"
    ):
        conform(signal)
    effects["activeEffect"] = {"name": 3.0, "color": "red"}
    colour_rules: Any = {EffectSetting: {"color": matches(r"#[0-9A-F]{3}", "a colour")}}
    signal = Signal.from_dict({**SIGNAL, "zoneConfiguration": effects})
    with pytest.raises(ShapeError, match=r"^zone_configuration\.active_effect\.color: 'red' is"):
        conform(signal, colour_rules)
    active = signal.zone_configuration.active_effect  # type: ignore[union-attr]
    assert type(active.name) is int  # converted in place before the rule refused the colour


def test_a_models_extra_keys_must_be_an_object() -> None:
    signal = Signal.from_dict(SIGNAL)
    signal.additional_properties = ["x"]  # type: ignore[assignment]
    with pytest.raises(ShapeError, match=r"^the body: expected an object, got list"):
        conform(signal)


def test_a_pattern_rule_remembers_matches_but_never_a_mismatch() -> None:
    colour = matches(r"#[0-9A-F]{3}", "a colour")
    assert colour("#F00") is None and colour("#F00") is None
    assert colour("red") == "'red' is not a colour" and colour("red") == "'red' is not a colour"
    for n in range(5000):  # past what it remembers: it still matches each one
        assert colour(f"#{n % 4096:03X}") is None
    assert colour("#F0") == "'#F0' is not a colour"


def test_conform_object_passes_lists_of_plain_items_and_checks_the_others() -> None:
    body = {"returncode": 0, "output": "", "command": "qmk", "firmware_binary_url": ["u"]}
    assert conform_object(CompileResult, body, "result") is body
    assert conform_object(CompileResult, {**body, "firmware_binary_url": []}, "r") is not None
    with pytest.raises(ShapeError, match=r"^r\.firmware_binary_url\[0\]: expected str, got null"):
        conform_object(CompileResult, {**body, "firmware_binary_url": [None]}, "r")
