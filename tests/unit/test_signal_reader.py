"""`read_signal` (what `send()` reads its answer with) builds what the generated
`Signal.from_dict` builds and refuses what it refuses, on bodies of every property the spec gives
a Signal and its nested models, and on malformed ones."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from kbapi._generated.q_api.models import EffectSetting, Signal, ZoneConfiguration
from kbapi._specs import spec_path
from kbapi.daskeyboard.reader import read_signal

from tests.support.depth import examples

FUZZ = settings(
    max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
SCHEMAS = yaml.safe_load(spec_path("daskeyboard-q").read_text(encoding="utf-8"))["components"][
    "schemas"
]


def properties(model: str) -> list[str]:
    return list(SCHEMAS[model]["properties"])


NESTED = {"zoneConfiguration": "ZoneConfiguration", "passiveEffect": "EffectSetting"}
NESTED["activeEffect"] = "EffectSetting"
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.text(max_size=4), st.just("#FF0000")
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=4,
)


def objects(model: str, depth: int = 0) -> st.SearchStrategy[Any]:
    """Objects with any subset of the model's properties (nested models nested), extra keys,
    and now and then something that is not an object at all."""
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for key in properties(model):
        nested = NESTED.get(key)
        fields[key] = objects(nested, depth + 1) if nested and depth < 2 else values
    shaped = st.fixed_dictionaries({}, optional=fields | {"extra": values, "id2": values})
    odd = st.one_of(st.none(), st.integers(), st.text(max_size=3), st.lists(scalars, max_size=2))
    return st.one_of(shaped, shaped, shaped, odd)


def whole(model: str) -> st.SearchStrategy[dict[str, Any]]:
    """Objects with every property of the model, required ones included."""
    return st.fixed_dictionaries(
        {key: objects(NESTED[key], 1) if key in NESTED else values for key in properties(model)}
    )


def test_the_reader_knows_every_property_the_spec_gives_these_models() -> None:
    # A property added to the spec is an attribute of the generated model, which read_signal
    # would leave in additional_properties: the comparisons below would fail, this says why.
    models = {"Signal": Signal, "ZoneConfiguration": ZoneConfiguration}
    for model, cls in (models | {"EffectSetting": EffectSetting}).items():
        names = {f.name for f in attrs.fields(cls)} - {"additional_properties"}
        assert len(names) == len(properties(model)), model


@given(st.one_of(objects("Signal"), whole("Signal")))
@example({"id": 1, "name": "", "pid": "P", "zoneId": "2,2", "color": "#F00", "createdAt": 1,
          "updatedAt": 2, "zoneConfiguration": None})  # fmt: skip
@example(
    [
        ("id", 1),
        ("name", ""),
        ("pid", "P"),
        ("zoneId", "1"),
        ("color", "#F00"),
        ("createdAt", 1),
        ("updatedAt", 1),
        ("zoneConfiguration", [("activeEffect", [])]),
    ]
)
@FUZZ
def test_read_signal_builds_and_refuses_what_the_generated_parser_does(body: Any) -> None:
    try:
        expected = Signal.from_dict(body)
    except (KeyError, TypeError, ValueError) as exc:
        with pytest.raises(type(exc)) as caught:
            read_signal(body)
        assert caught.value.args == exc.args
        return
    assert read_signal(body) == expected


def test_read_signal_reads_a_local_answer() -> None:
    body = {
        "zoneId": "2,2", "color": "#FF0000", "effect": "SET_COLOR", "pid": "DK5QPID",
        "clientName": None, "message": "", "name": "", "id": -1, "createdAt": 1, "updatedAt": 1,
        "isArchived": False, "isMuted": False, "userId": None, "isComingFromPublicApiOnly": True,
        "zoneConfiguration": {"passiveEffect": {"name": 0, "color": "#FF0000"}, "x": 1},
    }  # fmt: skip
    signal = read_signal(body)
    assert signal == Signal.from_dict(body)
    assert isinstance(signal.zone_configuration, ZoneConfiguration)
    assert signal.zone_configuration.additional_properties == {"x": 1}
    assert signal.to_dict() == body
