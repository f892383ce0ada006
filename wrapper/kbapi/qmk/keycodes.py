"""Syntax checking of QMK keycode strings as they appear in keymap.json `layers`.

The API pastes keycodes into C unchanged, so a typo only shows up minutes later as a compiler error
in the job output. This module catches the mistakes that are certain before anything is sent:
lowercase junk, unbalanced parentheses, stray spaces, wrong argument counts of the well-known
layer and modifier functions, and `RESET`, which QMK removed (use `QK_BOOT`).

Unknown uppercase identifiers are accepted: keymaps may use custom keycodes and macros.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from kbapi._core.errors import InputError
from kbapi._core.text import shown

MAX_KEYCODE_CHARS: Final = 256
MAX_NESTING: Final = 8
MAX_LAYER: Final = 31

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER = re.compile(r"0[xX][0-9A-Fa-f]+|[0-9]+")

LAYER_FUNCTIONS: Final = frozenset({"MO", "TG", "TO", "TT", "OSL", "DF", "PDF"})
MODIFIER_WRAPPERS: Final = frozenset(
    {
        "LCTL", "LSFT", "LALT", "LGUI", "LOPT", "LCMD", "LWIN",
        "RCTL", "RSFT", "RALT", "RGUI", "ROPT", "RCMD", "RWIN", "ALGR",
        "C", "S", "A", "G", "HYPR", "MEH", "LCAG", "LSG", "LAG", "RSG", "RAG",
        "LCA", "LSA", "RSA", "RCS", "SGUI", "SCMD", "SWIN", "C_S", "LCS", "LSAG", "RCAG",
    }
)  # fmt: skip
REMOVED: Final = {"RESET": "QK_BOOT"}


class KeycodeError(InputError):
    """A keycode string QMK would not compile. `keycode` is the offending value."""

    def __init__(self, keycode: object, reason: str) -> None:
        self.keycode = keycode
        self.reason = reason
        super().__init__(f"{shown(keycode)} is not a valid keycode: {reason}")


class _SyntaxProblem(Exception):
    """Internal: carries the reason out of the recursive parser."""


@dataclass(frozen=True)
class _Call:
    name: str
    args: tuple[_Arg, ...] | None  # None = a plain identifier, no parentheses


@dataclass(frozen=True)
class _Number:
    value: int


@dataclass(frozen=True)
class _Union:
    """`MOD_LSFT | MOD_LCTL`: several terms or-ed together inside an argument."""

    terms: tuple[_Call | _Number, ...]


_Arg = _Call | _Number | _Union


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def fail(self, reason: str) -> _SyntaxProblem:
        return _SyntaxProblem(f"{reason} at position {self.pos}")

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def skip_spaces(self) -> None:
        while self.peek() == " ":
            self.pos += 1

    def keycode(self) -> _Call:
        term = self.term(depth=0)
        if self.pos != len(self.text):
            raise self.fail(f"unexpected {self.peek()!r}")
        if not isinstance(term, _Call):
            raise self.fail("a bare number is not a keycode")
        return term

    def term(self, depth: int) -> _Call | _Number:
        if depth > MAX_NESTING:
            raise self.fail(f"nested deeper than {MAX_NESTING} levels")
        number = _NUMBER.match(self.text, self.pos)
        if number:
            self.pos = number.end()
            text = number.group()
            base = 16 if text[:2] in ("0x", "0X") else 10
            return _Number(int(text, base))
        ident = _IDENT.match(self.text, self.pos)
        if not ident:
            found = self.peek()
            raise self.fail(f"expected a keycode, found {found!r}" if found else "missing keycode")
        name = ident.group()
        if name != name.upper():
            raise self.fail(f"{name!r} has lowercase letters (keycodes are uppercase)")
        self.pos = ident.end()
        if self.peek() != "(":
            return _Call(name, None)
        self.pos += 1
        return _Call(name, self.arguments(depth + 1))

    def arguments(self, depth: int) -> tuple[_Arg, ...]:
        args: list[_Arg] = []
        while True:
            self.skip_spaces()
            if self.peek() == ")" and not args:
                raise self.fail("empty argument list")
            args.append(self.argument(depth))
            self.skip_spaces()
            char = self.peek()
            self.pos += 1
            if char == ")":
                return tuple(args)
            if char != ",":
                self.pos -= 1
                raise self.fail(f"expected ',' or ')', found {char!r}" if char else "missing ')'")

    def argument(self, depth: int) -> _Arg:
        terms = [self.term(depth)]
        self.skip_spaces()
        while self.peek() == "|":
            self.pos += 1
            self.skip_spaces()
            terms.append(self.term(depth))
            self.skip_spaces()
        return terms[0] if len(terms) == 1 else _Union(tuple(terms))


def _names(node: _Arg) -> list[str]:
    if isinstance(node, _Number):
        return []
    if isinstance(node, _Union):
        return [n for term in node.terms for n in _names(term)]
    names = [node.name]
    for arg in node.args or ():
        names += _names(arg)
    return names


def _arity(name: str) -> int | None:
    if name in LAYER_FUNCTIONS or name in MODIFIER_WRAPPERS or name in ("OSM", "ANY"):
        return 1
    if name.endswith("_T") and len(name) > 2:
        return 1
    if name in ("LT", "MT", "LM"):
        return 2
    return None


def _check_layer(name: str, arg: _Arg) -> None:
    if isinstance(arg, _Number) and arg.value > MAX_LAYER:
        raise _SyntaxProblem(f"{name}() layer {arg.value} is out of range 0-{MAX_LAYER}")
    if isinstance(arg, _Union):
        raise _SyntaxProblem(f"{name}() takes a single layer number")


def _check_call(call: _Call) -> None:
    if call.args is None:
        return
    expected = _arity(call.name)
    if expected is not None and len(call.args) != expected:
        plural = "s" if expected != 1 else ""
        given = len(call.args)
        raise _SyntaxProblem(f"{call.name}() takes {expected} argument{plural}, {given} given")
    if call.name in LAYER_FUNCTIONS or call.name in ("LT", "LM"):
        _check_layer(call.name, call.args[0])
    for arg in call.args:
        for term in arg.terms if isinstance(arg, _Union) else (arg,):
            if isinstance(term, _Call):
                _check_call(term)


def keycode_problem(code: object) -> str | None:
    """Return why `code` is not a usable keycode string, or None if it is fine."""
    if not isinstance(code, str):
        return f"expected a string, got {type(code).__name__}"
    if not code:
        return "empty string"
    if len(code) > MAX_KEYCODE_CHARS:
        return f"longer than {MAX_KEYCODE_CHARS} characters"
    try:
        call = _Parser(code).keycode()
        _check_call(call)
    except _SyntaxProblem as problem:
        return str(problem)
    for name in _names(call):
        if name in REMOVED:
            return f"{name} no longer exists in QMK and fails to build; use {REMOVED[name]}"
    return None


def is_valid_keycode(code: object) -> bool:
    """True if `code` is a syntactically valid keycode string."""
    return keycode_problem(code) is None


def check_keycode(code: object) -> str:
    """Return `code` unchanged if it is a valid keycode string, else raise `KeycodeError`."""
    problem = keycode_problem(code)
    if problem is not None:
        raise KeycodeError(code, problem)
    assert isinstance(code, str)  # keycode_problem rejects everything else
    return code


def strip_any(code: str) -> str:
    """Remove an `ANY(...)` wrapper like qmk json2c does (`ANY(KC_A)` -> `KC_A`)."""
    if code.startswith("ANY(") and code.endswith(")"):
        return code[4:-1]
    return code
