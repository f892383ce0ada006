"""kbapi._core.readers: one pass that reads chosen keys of an object and holds every documented
key to its type. The oracle is `conform_object`: what the reader passes, it accepts unchanged;
what the reader leaves in doubt, it converts or refuses."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kbapi._core.conform import Field, conform_object, fields_of
from kbapi._core.readers import object_reader
from kbapi._generated.qmk_api.models import CompileJob, CompileResult

from tests.support.depth import examples

RESULT = fields_of(CompileResult)  # returncode and output first, the required keys
WANTED = {"returncode": None, "keyboard": "", "firmware_binary_url": None, "exception": "none"}
READER = object_reader(RESULT, WANTED)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from([2.0, 0.5]), st.text(max_size=3)
)
values = st.one_of(
    scalars, st.lists(scalars, max_size=3), st.dictionaries(st.text(max_size=2), scalars)
)
keys = st.sampled_from([field.name for field in RESULT] + ["extra"])
objects = st.one_of(
    st.dictionaries(keys, values, max_size=8),
    st.fixed_dictionaries(
        {"returncode": st.integers(-3, 3), "output": st.text(max_size=3)},
        optional={field.name: values for field in RESULT[2:]} | {"extra": values},
    ),
)


def _conformed(data: dict[str, Any]) -> dict[str, Any] | None:
    """`conform_object`'s answer: the object it returns, or None when it refuses."""
    try:
        return conform_object(CompileResult, data, "result")
    except (KeyError, ValueError):
        return None


@settings(max_examples=examples(300), deadline=None)
@given(objects)
def test_what_the_reader_passes_conform_accepts_unchanged_and_nothing_else(
    data: dict[str, Any],
) -> None:
    read = READER.checked(data)
    conformed = _conformed(data)
    if read is None:
        # In doubt: conform refuses it or converts a value (a copy). The result's values need no
        # check inside, so nothing conform accepts as it is is left to it.
        assert conformed is not data
    else:
        assert conformed is data
        assert read == READER.values(data)
        assert read == tuple(data.get(key, default) for key, default in WANTED.items())


def test_the_objects_drawn_hold_the_required_keys_first() -> None:
    assert [field.name for field in RESULT if field.required] == ["returncode", "output"]
    assert RESULT[0].name == "returncode" and RESULT[1].name == "output"


def test_the_values_come_in_the_order_asked_with_defaults_for_absent_keys() -> None:
    data = {"output": "log", "returncode": 0, "firmware_binary_url": ["u"], "extra": object()}
    assert READER.checked(data) == (0, "", ["u"], "none")
    reader = object_reader(RESULT, {"output": None, "returncode": None})
    assert reader.checked(data) == reader.values(data) == ("log", 0)


@pytest.mark.parametrize(
    "data",
    [
        {"output": "log"},  # a required key absent
        {"returncode": 0, "output": None},  # null where a string is due
        {"returncode": True, "output": ""},  # a bool is not an int here
        {"returncode": 2.0, "output": ""},  # an integral float: conform converts it
        {"returncode": 0, "output": "", "firmware_binary_url": ["u", 1]},  # an item of another type
        {"returncode": 0, "output": "", "firmware_binary_url": "u"},  # not a list
        {"returncode": 0, "output": "", "keyboard": None},  # null where a string or nothing is due
    ],
)
def test_a_value_in_doubt_reads_as_none(data: dict[str, Any]) -> None:
    assert READER.checked(data) is None


def test_a_null_and_absence_pass_where_the_spec_allows_them() -> None:
    data = {"returncode": 0, "output": "", "firmware_filename": None, "firmware": None}
    reader = object_reader(RESULT, {"firmware_filename": "absent", "keymap": "absent"})
    assert reader.checked(data) == (None, "absent")


def test_what_it_cannot_read_is_refused_when_it_is_written() -> None:
    with pytest.raises(ValueError, match="no field nope, neither to read"):
        object_reader(RESULT, {"nope": None, "neither": None})
    with pytest.raises(TypeError, match="holds models"):
        object_reader(fields_of(CompileJob), {"id": None})


def test_a_field_of_any_class_is_tested_by_its_exact_class() -> None:
    class Odd:
        pass

    fields = (Field("x", True, frozenset({Odd}), frozenset(), False),)
    reader = object_reader(fields, {"x": None})
    value = Odd()
    assert reader.checked({"x": value}) == (value,)
    assert reader.checked({"x": "s"}) is None
