"""What is wrong with a keymap: one `KeymapProblem` per finding, raised together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kbapi._core.errors import InputError


@dataclass(frozen=True)
class KeymapProblem:
    """One thing wrong with a keymap. `layer`/`position` are 0-based when the problem has them."""

    message: str
    kind: str
    field: str | None = None
    layer: int | None = None
    position: int | None = None

    def __str__(self) -> str:
        return self.message


class KeymapError(InputError):
    """A keymap kbapi refuses; `problems` lists every problem found, not just the first."""

    def __init__(self, problems: Sequence[KeymapProblem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"- {p.message}" for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in keymap:\n{lines}")


def problem(message: str, kind: str, name: str | None = None, **where: int) -> KeymapProblem:
    return KeymapProblem(message, kind=kind, field=name, **where)


def type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__
