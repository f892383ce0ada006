"""Where each zone's keycap sits on a real Das Keyboard 5Q / X50Q, in key units (1u = one
letter key), so that a drawing spaces keys like the keyboard does: a 6.25u space bar, a 2u
backspace, gaps between the F-key groups, the tall numpad + and Enter, ANSI or ISO Enter.

Standard full-size geometry: main block 15u wide, navigation keys from 15.25u, numpad from
18.5u; 22.5u in all. The light pipes are drawn as columns beside it. Pure data and functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

TOTAL_UNITS: Final = 22.5
LEFT_PIPE: Final = (0, 0)
RIGHT_PIPE: Final = (23, 1)


@dataclass(frozen=True)
class Part:
    """One rectangle of a keycap: `row` 0-5, from `start` to `start + width` key units."""

    row: int
    start: float
    width: float


def _run(row: int, xs: Iterable[int], start: float) -> dict[tuple[int, int], tuple[Part, ...]]:
    """1u keys side by side: grid columns `xs` of `row`, the first at `start`."""
    return {(x, row): (Part(row, start + i, 1.0),) for i, x in enumerate(xs)}


def _keys(row: int, *keys: tuple[int, float, float]) -> dict[tuple[int, int], tuple[Part, ...]]:
    """Keys given as (grid column, start, width) on `row`."""
    return {(x, row): (Part(row, start, width),) for x, start, width in keys}


def _navigation_and_numpad() -> dict[tuple[int, int], tuple[Part, ...]]:
    caps = {
        **_run(0, range(16, 19), 15.25), **_run(0, range(19, 23), 18.5),  # PrtSc.. M1.. Q
        **_run(1, range(16, 19), 15.25), **_run(1, range(19, 23), 18.5),  # Ins.. NumLock..
        **_run(2, range(16, 19), 15.25), **_run(2, range(19, 22), 18.5),  # Del.. 7 8 9
        **_run(3, range(19, 22), 18.5),  # 4 5 6
        **_keys(4, (17, 16.25, 1)), **_run(4, range(19, 22), 18.5),  # Up, 1 2 3
        **_run(5, range(16, 19), 15.25), **_keys(5, (20, 18.5, 2), (21, 20.5, 1)),  # arrows 0 .
    }  # fmt: skip
    caps[(22, 2)] = (Part(2, 21.5, 1), Part(3, 21.5, 1))  # numpad +
    caps[(22, 5)] = (Part(4, 21.5, 1), Part(5, 21.5, 1))  # numpad Enter, zone in the lower row
    return caps


def _main_block(iso: bool) -> dict[tuple[int, int], tuple[Part, ...]]:
    caps = {
        **_keys(0, (1, 0, 1)), **_run(0, range(3, 7), 2), **_run(0, range(8, 12), 6.5),
        **_run(0, range(12, 16), 11),  # Esc, F1-F4, F5-F8, F9-F12
        **_run(1, range(1, 14), 0), **_keys(1, (15, 13, 2)),  # ` 1 .. =, Backspace
        **_keys(2, (1, 0, 1.5)), **_run(2, range(2, 14), 1.5),  # Tab, Q .. ]
        **_keys(3, (1, 0, 1.75)), **_run(3, range(3, 14), 1.75),  # Caps, A .. '
        **_run(4, range(3, 13), 2.25),  # Z .. /
        **_keys(5, (1, 0, 1.25), (2, 1.25, 1.25), (3, 2.5, 1.25), (7, 3.75, 6.25),
                (11, 10, 1.25), (12, 11.25, 1.25), (13, 12.5, 1.25), (15, 13.75, 1.25)),
    }  # fmt: skip
    if iso:  # tall Enter at (15,2), the extra key left of it, a short left Shift and `<`
        caps[(15, 2)] = (Part(2, 13.5, 1.5), Part(3, 13.75, 1.25))
        caps.update(_keys(3, (15, 12.75, 1)))
        caps.update(_keys(4, (1, 0, 1.25), (2, 1.25, 1), (15, 12.25, 2.75)))
    else:
        caps.update(_keys(2, (15, 13.5, 1.5)))
        caps.update(_keys(3, (15, 12.75, 2.25)))
        caps.update(_keys(4, (1, 0, 2.25), (15, 12.25, 2.75)))
    return caps


ANSI: Final[Mapping[tuple[int, int], tuple[Part, ...]]] = {
    **_main_block(iso=False),
    **_navigation_and_numpad(),
}
ISO: Final[Mapping[tuple[int, int], tuple[Part, ...]]] = {
    **_main_block(iso=True),
    **_navigation_and_numpad(),
}

_SHORT: Final[Mapping[str, str]] = {
    "SPACE": "SPC",
    "Q-BUT": "Q",
    "PRT-SC": "PRT",
    "SRC-LK": "SCR",
    "PAUSE": "PAU",
    "CTR-L": "CTL",
    "CTR-R": "CTL",
    "ALT-L": "ALT",
    "ALT-R": "ALT",
    "WIN-L": "WIN",
    "WIN-R": "WIN",
    "HOME": "HOM",
    "P-UP": "PGU",
    "P-DN": "PGD",
}


def fit_label(label: str | None, width: int) -> str:
    """`label` in at most `width` cells: as it is, or shortened (``PRT-SC`` -> ``PRT`` -> ``PS``).

    Numpad labels lose their ``N-`` prefix: the numpad's place says it.
    """
    if not label or width <= 0:
        return ""
    text = label[2:] if label.startswith("N-") and len(label) > 2 else label
    candidates = [text, _SHORT.get(text, "")]
    parts = [part for part in text.split("-") if part]
    if len(parts) > 1:  # IMPR-ECR -> IMP, then IE
        candidates += [parts[0][:width] if width >= 3 else "", "".join(p[0] for p in parts)]
    if text[:1] == "F" and text[1:].isdigit():
        candidates.append(text[1:])  # F10 -> 10, in the F-key row
    candidates.append((text[:1] + text[1:].lower())[:width])  # ESC -> Es
    return next(c for c in candidates if c and len(c) <= width)
