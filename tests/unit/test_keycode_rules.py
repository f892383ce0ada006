"""Keycode rules at their edges: length, arity, host-language names, macros, hints, migration."""

from __future__ import annotations

import dataclasses

import pytest
from kbapi.qmk.keycodes import (
    KeycodeContext,
    keycode_problem,
    macro_keycode_problem,
    migrate_keycode,
    suggestion,
    vocabulary,
)

HOST = KeycodeContext(host_language=True)


def test_a_keycode_may_be_256_characters_long_but_not_257() -> None:
    assert keycode_problem(" " * 252 + "KC_A") is None  # spaces around a name are trimmed
    assert keycode_problem(" " * 253 + "KC_A") == "longer than 256 characters"


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("LT(1)", "LT() takes 2 arguments, 1 given"),
        ("LT(1, KC_A, KC_B)", "LT() takes 2 arguments, 3 given"),
        ("TO(1, 2)", "TO() takes 1 argument, 2 given"),
    ],
)
def test_a_function_takes_exactly_its_arguments(code: str, problem: str) -> None:
    assert keycode_problem(code) == problem


@pytest.mark.parametrize(
    ("code", "context", "problem"),
    [
        ("DE_Z", HOST, None),
        ("DE_KC", HOST, None),  # the prefix is DE, not a QMK prefix
        ("Z_A", HOST, None),  # a one-letter prefix: the underscore may be the second character
        ("KC_NOPE", HOST, "unknown keycode KC_NOPE"),  # KC_ is QMK's own prefix
        ("_FOO", HOST, "unknown keycode _FOO"),  # a leading underscore names no language
        ("DE_Z", KeycodeContext(), "unknown keycode DE_Z"),
    ],
)
def test_host_language_keycodes_need_the_option_and_a_foreign_prefix(
    code: str, context: KeycodeContext, problem: str | None
) -> None:
    found = keycode_problem(code, context)
    assert found == problem or (problem is not None and found.startswith(problem + ";"))


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        (5, "expected a keycode name such as LSFT or A"),
        ("", "expected a keycode name such as LSFT or A"),
        ("A", None),
        ("LSFT", None),
        ("KC_A", "macro keycodes are written without KC_: use A"),
        ("KC_NOPE", "X_KC_NOPE does not exist"),
    ],
)
def test_macro_keycodes_are_basic_names_without_kc(name: object, problem: str | None) -> None:
    found = macro_keycode_problem(name)
    assert found == problem or (problem is not None and found.startswith(problem + ";"))


def test_suggestions_need_a_close_name() -> None:
    assert suggestion("KC_ENTR") == "KC_ENTER"
    assert suggestion("kc_a") == "KC_A"
    assert suggestion("XYZZY_QQQ") is None


@pytest.mark.parametrize(
    ("code", "migrated"),
    [
        ("X(1)", "UM(1)"),  # removed functions are renamed where they are called
        ("XP(1, 2)", "UP(1, 2)"),
        ("LSFT(RESET)", "LSFT(QK_BOOT)"),  # a removed keycode as an argument
        ("RESET", "QK_BOOT"),
        ("X", "X"),  # the function's name alone is no call
    ],
)
def test_migration_renames_removed_keycodes_and_functions(code: str, migrated: str) -> None:
    assert migrate_keycode(code) == migrated


def test_the_vocabulary_is_an_immutable_value_with_a_short_repr() -> None:
    vocab = vocabulary()
    shown = repr(vocab)
    assert "names=" in shown
    assert "folded=" not in shown and "prefixes=" not in shown and "keyboards=" not in shown
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign"):
        vocab.names = frozenset()  # type: ignore[misc]
