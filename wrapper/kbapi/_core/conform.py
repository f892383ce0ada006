"""Hold a model the generated client parsed to the types its annotations promise.

The generated clients check the shape of a body (required keys, objects) but not its values:
a primitive is ``cast``, not checked (``id = d.pop("id")`` keeps ``5`` where ``str`` is
annotated), and a value that fits no variant of a union is returned as it came. `conform`
walks a parsed model and refuses any value that is not of its annotated type, so that what
kbapi returns holds what its types say; `rules` add what an annotation cannot say (a pattern,
a minimum), per model class and attribute.

    conform(job, rules)   # raises ShapeError("result.output: expected str, got int")
    conform_to(names, list[str])

A JSON number that is an integer (``3.0``) is an integer to JSON Schema: it is stored as
``int`` where ``int`` is annotated. Nothing else is converted.
"""

from __future__ import annotations

import re
import sys
import types
import typing
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, Final, TypeVar

from kbapi._core.text import shown

Rule = Callable[[Any], str | None]
"""A check of one attribute's value: None when it holds, else what is wrong with it."""
Rules = Mapping[type, Mapping[str, Rule]]
Check = Callable[[Any, str, "Rules"], Any]

NO_RULES: Final[Rules] = {}
T = TypeVar("T")
_Classes = frozenset[type]
_KNOWN_MATCHES: Final = 4096
_UNIONS: Final = (typing.Union, types.UnionType)


class ShapeError(ValueError):
    """A parsed value is not what its annotation (or a rule) says; `path` names it."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path or "the body"
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def matches(pattern: str, what: str) -> Rule:
    """A rule: a string value must match `pattern` whole (ASCII classes, as in JSON Schema)."""
    return _Pattern(re.compile(pattern, re.ASCII), what)


class _Pattern:
    """The rule `matches` makes. It remembers values seen to match, up to a bound: a client
    meets the same pids, zones and colours on every answer, and a model check looks them up
    in `known` without calling the rule (a set lookup costs a fraction of the match)."""

    __slots__ = ("known", "regex", "what")

    def __init__(self, regex: re.Pattern[str], what: str) -> None:
        self.regex, self.what = regex, what
        self.known: set[str] = set()

    def __call__(self, value: Any) -> str | None:
        if not isinstance(value, str) or value in self.known:
            return None
        if self.regex.fullmatch(value):
            if len(self.known) < _KNOWN_MATCHES:
                self.known.add(value)
            return None
        return f"{shown(value, 40)} is not {self.what}"


def at_least(minimum: int) -> Rule:
    """A rule: a number must be at least `minimum`."""

    def rule(value: Any) -> str | None:
        if not isinstance(value, int | float) or value >= minimum:
            return None
        return f"{value} is below {minimum}"

    return rule


def conform(value: T, rules: Rules = NO_RULES) -> T:
    """Check `value` (a generated model, or a list of them) and return it; raise `ShapeError`.

    Integral floats where ``int`` is annotated are replaced in place by ints.
    """
    check = _MODELS.get(type(value))
    if check is not None:  # a model checked before: every answer after the first
        check(value, "", rules)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if _is_model(type(item)):
                _model(type(item))(item, f"[{index}]", rules)
    elif _is_model(type(value)):
        _model(type(value))(value, "", rules)
    return value


def conform_object(cls: type, data: dict[str, Any], path: str) -> dict[str, Any]:
    """Check a JSON object as ``conform(cls.from_dict(data))`` would, without the model.

    For a generated model with no nested models: a missing required key raises `KeyError`, as
    `from_dict` does; a value of another type `ShapeError` named `path.key`. Integral floats
    where ``int`` is due come back as ints, in a copy; extra keys pass, as they do in the model.
    """
    required, checks = _object_checks(cls)
    for key in required:
        if key not in data:
            raise KeyError(key)  # what from_dict raises
    found = data
    for key, value in data.items():
        check = checks.get(key)
        checked = value if check is None else check(value, f"{path}.{key}", NO_RULES)
        if checked is not value:
            found = dict(data) if found is data else found
            found[key] = checked
    return found


class Field(typing.NamedTuple):
    """What a documented key of a generated model's JSON object may hold."""

    name: str
    required: bool
    plain: _Classes  # classes of a value that needs no check inside nor conversion
    items: _Classes  # plain classes of the items of a list that needs no check (none: empty)
    holds_model: bool  # a model (or a list of them) may stand here


@cache
def fields_of(cls: type) -> tuple[Field, ...]:
    """The documented keys of generated model `cls`, in the model's order."""
    hints = _hints(cls)
    return tuple(
        Field(
            name,
            not any(_is_unset(arm) for arm in _arms(hints[name])),
            _plain(hints[name]),
            _list_items(hints[name]),
            _holds_model(hints[name]),
        )
        for name in (f.name for f in cls.__attrs_attrs__)  # type: ignore[attr-defined]
        if name != "additional_properties"
    )


@cache
def _object_checks(cls: type) -> tuple[tuple[str, ...], dict[str, Check]]:
    """The required keys of flat model `cls` and a check per documented key."""
    fields = fields_of(cls)
    if any(field.holds_model for field in fields):
        raise TypeError(f"{cls.__name__} holds models: conform its parsed model instead")
    hints = _hints(cls)
    required = tuple(field.name for field in fields if field.required)
    return required, {field.name: _compile(hints[field.name]) for field in fields}


def _list_items(annotation: Any) -> _Classes:
    """The plain classes of the items of the ``list[...]`` arm of `annotation` (none: empty)."""
    for arm in _arms(annotation):
        if typing.get_origin(arm) is list:
            return _plain(typing.get_args(arm)[0])
    return frozenset()


def _arms(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) in _UNIONS:
        return typing.get_args(annotation)
    return (annotation,)


def _holds_model(annotation: Any) -> bool:
    return _is_model(annotation) or any(map(_holds_model, typing.get_args(annotation)))


def _is_unset(arm: Any) -> bool:
    return isinstance(arm, type) and arm.__name__ == "Unset"


def _is_model(cls: type) -> bool:
    """True for a generated (attrs) model class; attrs itself is not imported for this."""
    return hasattr(cls, "__attrs_attrs__")


def conform_to(value: Any, annotation: Any, rules: Rules = NO_RULES) -> Any:
    """Check `value` against a type such as ``list[str]`` or ``list[Signal]``; return it."""
    return _compile(annotation)(value, "", rules)


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__


_MODELS: dict[type, Check] = {}


def _model(cls: type) -> Check:
    """The checker of one generated model class (built once)."""
    check = _MODELS.get(cls)
    if check is None:
        check = _MODELS[cls] = _model_check(cls)
    return check


def _model_check(cls: type) -> Check:
    hints = _hints(cls)
    fields = [
        (
            field.name,
            _plain(hints[field.name]),
            _nested(hints[field.name]),
            _compile(hints[field.name]),
        )
        for field in cls.__attrs_attrs__  # type: ignore[attr-defined]
        if _compile(hints[field.name]) is not _any
    ]

    def odd(model: Any, index: int, value: Any, path: str, rules: Rules) -> None:
        """Check a value whose class is not plain: a list, a conversion or a wrong type."""
        name, _, _, check_value = fields[index]
        # Extra keys (`additional_properties`) are named by their key alone.
        where = (path if name == "additional_properties" else f"{path}.{name}").lstrip(".")
        checked = check_value(value, where, rules)
        if checked is not value:
            setattr(model, name, checked)

    def apply_rules(model: Any, path: str, own: Mapping[str, Rule]) -> None:
        for name, rule in own.items():
            value = getattr(model, name)
            if type(rule) is _Pattern and type(value) is str and value in rule.known:
                continue
            problem = rule(value)
            if problem is not None:
                raise ShapeError(f"{path}.{name}".lstrip("."), problem)

    # One statement per field, as attrs writes an `__init__`: a loop over the fields cost more
    # than the checks in it (a Signal's 20 fields: 1.5 us looped, 0.6 us unrolled).
    # A nested model is checked in place, without the calls of the union around it.
    lines = ["def check(model, path, rules):"]
    for index, (name, _, nested, _) in enumerate(fields):
        lines.append(f"    value = model.{name}")
        if nested is not None:
            lines.append(f"    if type(value) is nested_{index}:")
            where = f"(path + '.{name}').lstrip('.')"
            lines.append(f"        model_check(nested_{index})(value, {where}, rules)")
            lines.append(f"    elif type(value) not in plain_{index}:")
        else:
            lines.append(f"    if type(value) not in plain_{index}:")
        lines.append(f"        odd(model, {index}, value, path, rules)")
    lines += ["    own = rules.get(cls) if rules else None", "    if own:"]
    lines += ["        apply_rules(model, path, own)", "    return model"]
    names: dict[str, Any] = {f"plain_{index}": field[1] for index, field in enumerate(fields)}
    names |= {f"nested_{index}": field[2] for index, field in enumerate(fields)}
    names |= {"odd": odd, "apply_rules": apply_rules, "cls": cls, "model_check": _model}
    exec("\n".join(lines), names)  # attrs field names are identifiers: nothing else goes in
    check: Check = names["check"]
    return check


def _nested(annotation: Any) -> type | None:
    """The model class `annotation` allows (``Model | Unset``), if it allows exactly one."""
    models = [arm for arm in _arms(annotation) if isinstance(arm, type) and _is_model(arm)]
    return models[0] if len(models) == 1 else None


def _plain(annotation: Any) -> _Classes:
    """The classes a value of `annotation` may have that need no check inside or conversion."""
    found: set[type] = set()
    for arm in _arms(annotation):
        if arm in (str, bool, int, type(None)) or _is_unset(arm):
            found.add(arm)
        elif arm is float:
            found.update((float, int))
        elif typing.get_origin(arm) in (list, dict) and typing.get_args(arm)[-1] in (Any, object):
            found.add(typing.get_origin(arm))  # any items: e.g. a model's extra keys
    return frozenset(found)


def _hints(cls: type) -> dict[str, Any]:
    """The resolved annotations of a generated model (its imports under TYPE_CHECKING too)."""
    package = cls.__module__.rsplit(".", 2)[0]
    names = _Names(sys.modules[f"{package}.models"])
    names.update(vars(sys.modules[f"{package}.types"]))
    return typing.get_type_hints(cls, globalns=vars(sys.modules[cls.__module__]), localns=names)


class _Names(dict[str, Any]):
    """A namespace that finds the other models of a package (imported lazily) on first use."""

    def __init__(self, models: types.ModuleType) -> None:
        super().__init__()
        self._models = models

    def __missing__(self, key: str) -> Any:
        try:
            return getattr(self._models, key)
        except AttributeError:
            raise KeyError(key) from None


def _any(value: Any, path: str, rules: Rules) -> Any:
    return value


@cache
def _compile(annotation: Any) -> Check:
    """A function that returns a value of type `annotation` (maybe converted) or raises."""
    if annotation is Any or annotation is object:
        return _any
    origin = typing.get_origin(annotation)
    if origin in _UNIONS:
        return _union(typing.get_args(annotation))
    if origin is list:
        item = typing.get_args(annotation)[0]
        return _list(_compile(item), _plain(item))
    if origin is dict:
        return _dict(_compile(typing.get_args(annotation)[1]))
    if annotation is int:
        return _int
    if annotation is float:
        return _exact(float, int)  # JSON has one number type: 3 is a float too
    if annotation in (bool, str, type(None)):
        return _exact(annotation)
    if isinstance(annotation, type) and _is_model(annotation):
        return _nested_model(annotation)
    if isinstance(annotation, type):
        return _instance(annotation)
    raise TypeError(f"no check for the annotation {annotation!r}")


def _exact(*kinds: type) -> Check:
    name = _name(kinds[0])

    def check(value: Any, path: str, rules: Rules) -> Any:
        if type(value) in kinds:  # exact: True is an int to isinstance, never here
            return value
        raise ShapeError(path, f"expected {name}, got {_kind(value)}")

    return check


def _instance(kind: type) -> Check:
    """Enums and the other classes a generated parser builds itself (Unset, datetime, ...)."""

    def check(value: Any, path: str, rules: Rules) -> Any:
        if isinstance(value, kind):
            return value
        raise ShapeError(path, f"expected {_name(kind)}, got {_kind(value)}")

    return check


def _nested_model(cls: type) -> Check:
    def check(value: Any, path: str, rules: Rules) -> Any:
        if not isinstance(value, cls):
            raise ShapeError(path, f"expected {cls.__name__}, got {_kind(value)}")
        return _model(cls)(value, path, rules)

    return check


def _int(value: Any, path: str, rules: Rules) -> Any:
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer():
        return int(value)
    raise ShapeError(path, f"expected int, got {_kind(value)}")


def _union(arms: tuple[Any, ...]) -> Check:
    checks = [_compile(arm) for arm in arms]
    names = " | ".join(_name(arm) for arm in arms)

    def check(value: Any, path: str, rules: Rules) -> Any:
        for arm in checks:
            try:
                return arm(value, path, rules)
            except ShapeError as error:
                if error.path != (path or "the body"):  # it fit the arm, not inside it
                    raise
        raise ShapeError(path, f"expected {names}, got {_kind(value)}")

    return check


def _list(item: Check, plain: _Classes) -> Check:
    def check(value: Any, path: str, rules: Rules) -> Any:
        if type(value) is not list:
            raise ShapeError(path, f"expected a list, got {_kind(value)}")
        if item is not _any:
            for index, element in enumerate(value):
                if type(element) in plain:
                    continue
                checked = item(element, f"{path}[{index}]", rules)
                if checked is not element:
                    value[index] = checked
        return value

    return check


def _dict(item: Check) -> Check:
    def check(value: Any, path: str, rules: Rules) -> Any:
        if type(value) is not dict:
            raise ShapeError(path, f"expected an object, got {_kind(value)}")
        if item is not _any:
            for key, element in value.items():
                checked = item(element, f"{path}.{key}" if path else str(key), rules)
                if checked is not element:
                    value[key] = checked
        return value

    return check


def _name(annotation: Any) -> str:
    if annotation is type(None):
        return "null"
    if isinstance(annotation, type):
        return annotation.__name__
    return str(annotation).replace("typing.", "")
