"""Parse one keycode string the way C reads it: a name, a number, or a call with arguments.

`LT(1, KC_A)` becomes `Call("LT", (Number(1), Call("KC_A")))`; `MOD_LCTL
 MOD_LSFT` inside an argument
becomes a `Union`. Only the shape is checked here; whether the names exist is `keycodes`' business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

MAX_NESTING: Final = 8
SPACE: Final = " \t"

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER = re.compile(r"0[xX][0-9A-Fa-f]+|[0-9]+")


class KeycodeSyntaxError(Exception):
    """The text is not a C keycode expression; the message says why and where."""


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Arg, ...] | None = None  # None = a plain name, no parentheses


@dataclass(frozen=True)
class Number:
    value: int


@dataclass(frozen=True)
class Union:
    """`MOD_LSFT | MOD_LCTL`: several terms or-ed together inside an argument."""

    terms: tuple[Call | Number, ...]


Arg = Call | Number | Union


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def fail(self, reason: str) -> KeycodeSyntaxError:
        return KeycodeSyntaxError(f"{reason} at position {self.pos}")

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def skip_spaces(self) -> None:
        while self.peek() and self.peek() in SPACE:
            self.pos += 1

    def keycode(self) -> Call:
        term = self.term(depth=0)
        if self.pos != len(self.text):
            raise self.fail(f"unexpected {self.peek()!r}")
        if not isinstance(term, Call):
            raise self.fail("a bare number is not a keycode")
        return term

    def term(self, depth: int) -> Call | Number:
        if depth > MAX_NESTING:
            raise self.fail(f"nested deeper than {MAX_NESTING} levels")
        number = _NUMBER.match(self.text, self.pos)
        if number:
            self.pos = number.end()
            text = number.group()
            return Number(int(text, 16 if text[:2] in ("0x", "0X") else 10))
        ident = _IDENT.match(self.text, self.pos)
        if not ident:
            found = self.peek()
            raise self.fail(f"expected a keycode, found {found!r}" if found else "missing keycode")
        self.pos = ident.end()
        if self.peek() != "(":
            return Call(ident.group())
        self.pos += 1
        return Call(ident.group(), self.arguments(depth + 1))

    def arguments(self, depth: int) -> tuple[Arg, ...]:
        args: list[Arg] = []
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

    def argument(self, depth: int) -> Arg:
        terms = [self.term(depth)]
        self.skip_spaces()
        while self.peek() == "|":
            self.pos += 1
            self.skip_spaces()
            terms.append(self.term(depth))
            self.skip_spaces()
        return terms[0] if len(terms) == 1 else Union(tuple(terms))


def parse_keycode(text: str) -> Call:
    """The parse tree of `text` (already trimmed); raise `KeycodeSyntaxError` if it is not one."""
    return _Parser(text).keycode()
