"""Read chosen keys of a JSON object in one pass, with every documented key held to its type.

A poll of a finished compile job reads twelve keys of a result object that documents twenty-one,
after checking all of them. `object_reader` writes one straight-line function per field table
and choice of keys that does both, as attrs writes an ``__init__``: reading such a poll took
3.8 us this way, 4.4 us with `conform_object` and a second pass over the keys read.

    reader = object_reader(fields_of(CompileResult), {"returncode": None, "keyboard": ""})
    reader.checked(result)   # (0, "planck/rev6"), or None when a value is in doubt
    reader.values(result)    # the same values, unchecked: for an object conform_object accepted

`checked` answers None rather than raising. Then `conform_object` decides: it converts an
integral float where an int is due, or raises the `ShapeError` that names the field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, NamedTuple

from kbapi._core.conform import Field


class _Missing:
    """The class of what is read for an absent key (never a JSON value)."""


MISSING: Final = _Missing()


class ObjectReader(NamedTuple):
    """The two functions `object_reader` writes for one field table and one choice of keys."""

    checked: Callable[[dict[str, Any]], tuple[Any, ...] | None]
    values: Callable[[dict[str, Any]], tuple[Any, ...]]


def object_reader(fields: Sequence[Field], wanted: Mapping[str, Any]) -> ObjectReader:
    """Read the keys of `wanted` (each with the value for its absence) from a JSON object
    whose documented keys are `fields` (`fields_of` a flat generated model whose JSON keys are
    its attribute names, as the QMK models).

    `checked` returns their values, in the order of `wanted`, when each required key is there
    and every documented key holds a value of a class its field allows as it is (a list: of
    such items); otherwise None. Undocumented keys pass, as they do in a model.
    """
    if any(field.holds_model for field in fields):
        raise TypeError("a field holds models: read the parsed model instead")
    index = {field.name: n for n, field in enumerate(fields)}
    unknown = [key for key in wanted if key not in index]
    if unknown:
        raise ValueError(f"no field {', '.join(unknown)} to read")
    names: dict[str, Any] = {"MISSING": MISSING}
    tests = [_test(n, field, names) for n, field in enumerate(fields)]
    picked = []
    for key, default in wanted.items():
        n = index[key]
        names[f"default_{n}"] = default
        # A required key is there once checked.
        picked.append(
            f"v{n}" if fields[n].required else f"(default_{n} if v{n} is MISSING else v{n})"
        )
    gets = [f"get({key!r}, default_{index[key]})" for key in wanted]
    lines = [
        "def checked(data):",
        "    get = data.get",
        "    if (",
        "        " + "\n        and ".join(tests),
        "    ):",
        f"        return ({', '.join(picked)},)",
        "    return None",
        "",
        "def values(data):",
        "    get = data.get",
        f"    return ({', '.join(gets)},)",
    ]
    exec("\n".join(lines), names)  # keys go in as reprs, nothing else from outside
    return ObjectReader(names["checked"], names["values"])


def _test(n: int, field: Field, names: dict[str, Any]) -> str:
    """One key's test in `checked`; it binds the value to ``v{n}`` (and its class to ``t``)."""
    value = f"v{n}"
    unset = {kind for kind in field.plain if kind.__name__ == "Unset"}
    names[f"plain_{n}"] = (field.plain - unset) | ({_Missing} if not field.required else set())
    tests = [f"(t := type(({value} := get({field.name!r}, MISSING)))) in plain_{n}"]
    if field.items:
        names[f"items_{n}"] = field.items
        tests.append(f"(t is list and items_{n}.issuperset(map(type, {value})))")
    return f"({' or '.join(tests)})"
