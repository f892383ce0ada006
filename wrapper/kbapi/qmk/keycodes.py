"""QMK keycodes as they appear in keymap.json `layers`: checked against current QMK firmware.

The API pastes keycodes into C unchanged, so a typo only shows up minutes later as a compiler
error in the job output. The vocabulary of current QMK (every keycode, alias and function form,
generated from QMK's own keycode definitions by tools/gen_qmk_keycodes.py) lets this module
refuse before anything is sent what the build would refuse: unknown names (with "did you
mean"), keycodes QMK removed (naming the replacement, which `migrate_keycode` writes in), wrong
argument counts and out-of-range layers (`LT` keeps 4 bits).

Keycodes are compared after trimming spaces and tabs, as the C compiler does once json2c pastes
them in.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from kbapi._core.errors import InputError
from kbapi._core.text import shown
from kbapi._data import data_file
from kbapi.qmk.keycode_syntax import SPACE, Arg, Call, KeycodeSyntaxError, Union
from kbapi.qmk.keycode_syntax import parse_keycode as _parse

MAX_KEYCODE_CHARS: Final = 256
_IDENTIFIER = re.compile(r"(?<![0-9A-Za-z_])[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Vocabulary:
    """The keycode names of one QMK version (`kbapi/_data/qmk_keycodes.json`)."""

    source: Mapping[str, Any]
    names: frozenset[str]
    basic: frozenset[str]
    mods: frozenset[str]
    functions: Mapping[str, tuple[tuple[Any, ...], ...]]
    removed: Mapping[str, str | None]
    removed_functions: Mapping[str, str]
    folded: Mapping[str, str] = field(repr=False)  # upper-case name -> name, for "did you mean"
    prefixes: frozenset[str] = field(repr=False)  # KC, QK, MS, ...: not a host-language keycode
    keyboards: Mapping[str, frozenset[str]] = field(repr=False)  # a keyboard's own keycodes


@functools.cache
def vocabulary() -> Vocabulary:
    """The packaged vocabulary, loaded once."""
    data = json.loads(data_file("qmk_keycodes.json").read_text(encoding="utf-8"))
    boards = json.loads(data_file("qmk_keyboard_keycodes.json").read_text(encoding="utf-8"))
    names = frozenset(data["keycodes"]) | frozenset(data["mods"])
    return Vocabulary(
        source=data["source"],
        names=frozenset(data["keycodes"]),
        basic=frozenset(data["basic"]),
        mods=frozenset(data["mods"]),
        functions={k: tuple(tuple(a) for a in v) for k, v in data["functions"].items()},
        removed={k: v["replacement"] for k, v in data["removed"].items()},
        removed_functions={k: v["replacement"] for k, v in data["removed_functions"].items()},
        folded={name.upper(): name for name in sorted(names, reverse=True)},
        prefixes=frozenset(n.split("_")[0] for n in names | set(data["removed"]) if "_" in n[1:]),
        keyboards={k: frozenset(v) for k, v in boards["keyboards"].items()},
    )


@dataclass(frozen=True)
class KeycodeContext:
    """Names defined outside QMK's core: the keymap's `keycodes` field, the keyboard's own keycodes
    (info.json `keycodes`, or seen in its Configurator default keymap) and a host language's."""

    custom: frozenset[str] = frozenset()
    host_language: bool = False


class KeycodeError(InputError):
    """A keycode string QMK would not compile. `keycode` is the offending value."""

    def __init__(self, keycode: object, reason: str) -> None:
        self.keycode = keycode
        self.reason = reason
        super().__init__(f"{shown(keycode)} is not a valid keycode: {reason}")


class _Problem(Exception):
    """Internal: carries the reason out of the recursive check."""


def suggestion(name: str, choices: Collection[str] | None = None) -> str | None:
    """The closest known keycode name to `name` (case-insensitive first), or None."""
    vocab = vocabulary()
    if choices is None:
        exact = vocab.folded.get(name.upper())
        if exact is not None and exact != name:
            return exact
        choices = vocab.names
    close = difflib.get_close_matches(name.upper(), [c.upper() for c in choices], n=1, cutoff=0.75)
    if not close:
        return None
    return next(c for c in choices if c.upper() == close[0])


def removed_message(name: str) -> str:
    replacement = vocabulary().removed[name]
    if replacement is None:
        return f"{name} was removed from QMK and has no replacement; remove it"
    return f"{name} was removed from QMK; use {replacement} (`kbapi qmk migrate` rewrites it)"


def _unknown(name: str, what: str, choices: Collection[str] | None = None) -> _Problem:
    hint = suggestion(name, choices)
    return _Problem(f"unknown {what} {name}" + (f"; did you mean {hint}?" if hint else ""))


def _language_keycode(name: str, context: KeycodeContext) -> bool:
    # keymap_<lang>.h (included for host_language) defines e.g. DE_Z; those tables are not packaged.
    prefix = name.split("_")[0]
    return context.host_language and "_" in name[1:] and prefix not in vocabulary().prefixes


def _check_name(name: str, context: KeycodeContext) -> None:
    vocab = vocabulary()
    if name in vocab.names or name in context.custom or _language_keycode(name, context):
        return
    if name in vocab.removed:
        raise _Problem(removed_message(name))
    raise _unknown(name, "keycode")


def _check_number(name: str, spec: tuple[Any, ...], arg: Arg) -> None:
    kind, low, high = spec
    if isinstance(arg, Union):
        raise _Problem(f"{name}() takes a single {kind} number")
    if isinstance(arg, Call):
        raise _Problem(f"{name}() takes a {kind} number {low}-{high}, not {arg.name}")
    if not low <= arg.value <= high:
        raise _Problem(f"{name}() {kind} {arg.value} is out of range {low}-{high}")


def _check_mods(name: str, arg: Arg) -> None:
    vocab = vocabulary()
    for term in arg.terms if isinstance(arg, Union) else (arg,):
        # MT(KC_RGUI, ...) compiles too (QMK masks the value), so any keycode name is accepted.
        plain = isinstance(term, Call) and term.args is None
        if isinstance(term, Call) and not (plain and term.name in vocab.names | vocab.mods):
            raise _unknown(term.name, f"modifier in {name}():", vocab.mods)


def _check_call(call: Call, context: KeycodeContext) -> None:
    vocab = vocabulary()
    if call.args is None:
        _check_name(call.name, context)
        return
    if call.name in vocab.removed_functions:
        new = vocab.removed_functions[call.name]
        raise _Problem(f"{call.name}() was removed from QMK; use {new}() (`kbapi qmk migrate`)")
    spec = vocab.functions.get(call.name)
    if spec is None:
        raise _unknown(call.name + "()", "function", [f + "()" for f in vocab.functions])
    if len(call.args) != len(spec):
        plural = "s" if len(spec) != 1 else ""
        raise _Problem(f"{call.name}() takes {len(spec)} argument{plural}, {len(call.args)} given")
    for kind, arg in zip(spec, call.args, strict=True):
        if kind[0] == "mods":
            _check_mods(call.name, arg)
        elif kind[0] != "keycode":
            _check_number(call.name, kind, arg)
        else:
            for term in arg.terms if isinstance(arg, Union) else (arg,):
                if isinstance(term, Call):
                    _check_call(term, context)


@functools.lru_cache(maxsize=8192)
def _problem(code: str, context: KeycodeContext) -> str | None:
    text = strip_any(code).strip(SPACE)
    if not text:
        return "empty string" if not code else "only spaces"
    try:
        _check_call(_parse(text), context)
    except (KeycodeSyntaxError, _Problem) as problem:
        return str(problem)
    return None


def keycode_problem(code: object, context: KeycodeContext | None = None) -> str | None:
    """Return why `code` is not a usable keycode string, or None if it is fine."""
    if not isinstance(code, str):
        return f"expected a string, got {type(code).__name__}"
    if len(code) > MAX_KEYCODE_CHARS:
        return f"longer than {MAX_KEYCODE_CHARS} characters"
    return _problem(code, context or KeycodeContext())


def is_valid_keycode(code: object, context: KeycodeContext | None = None) -> bool:
    """True if `code` is a keycode current QMK compiles."""
    return keycode_problem(code, context) is None


def check_keycode(code: object, context: KeycodeContext | None = None) -> str:
    """Return `code` unchanged if it is a valid keycode string, else raise `KeycodeError`."""
    problem = keycode_problem(code, context)
    if problem is not None:
        raise KeycodeError(code, problem)
    assert isinstance(code, str)  # keycode_problem rejects everything else
    return code


def macro_keycode_problem(name: object) -> str | None:
    """Why `name` cannot follow `X_` in a macro's tap/down/up `keycodes`, or None."""
    if not isinstance(name, str) or not name:
        return "expected a keycode name such as LSFT or A"
    if "KC_" + name in vocabulary().basic:
        return None
    if name.startswith("KC_") and name in vocabulary().basic:
        return f"macro keycodes are written without KC_: use {name[3:]}"
    hint = suggestion("KC_" + name, vocabulary().basic)
    return f"X_{name} does not exist" + (f"; did you mean {hint[3:]}?" if hint else "")


def migrate_keycode(code: str) -> str:
    """`code` with every removed keycode replaced as the QMK Configurator's importer does."""
    vocab = vocabulary()

    def replace(match: re.Match[str]) -> str:
        name = match.group()
        call = code[match.end() : match.end() + 1] == "("
        if call and name in vocab.removed_functions:
            return vocab.removed_functions[name]
        new = vocab.removed.get(name) if not call else None
        return new if new is not None else name

    return _IDENTIFIER.sub(replace, code)


def strip_any(code: str) -> str:
    """Remove an `ANY(...)` wrapper like qmk json2c does (`ANY(KC_A)` -> `KC_A`)."""
    if code.startswith("ANY(") and code.endswith(")"):
        return code[4:-1]
    return code
