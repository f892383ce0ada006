"""Generate wrapper/kbapi/_data/qmk_keycodes.json: the keycode vocabulary of current QMK firmware.

Usage: python tools/gen_qmk_keycodes.py QMK_FIRMWARE_DIR --commit SHA [--note TEXT] [-o OUT]
       [--configurator QMK_CONFIGURATOR_DIR --configurator-commit SHA] [--dump-spec]

Reads QMK's own keycode definitions, `data/constants/keycodes/keycodes_<version>[_<fragment>].hjson`
and `extras/keycodes_us_<version>.hjson`, and merges every version the way `qmk generate-keycodes`
does (per fragment, in version order: objects merge, lists append, a list starting with "!reset!"
or an object holding a "!reset!" key replaces, "!delete!" removes). The hjson files are not kept in
this repository. Function forms and removed keycodes are not in those files; they are recorded with
their sources in tools/qmk_keycode_facts.py. With --configurator, also writes the keycodes that
keyboards define themselves (qmk_keyboard_keycodes.json), as seen in the Configurator's defaults.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from qmk_keycode_facts import (
    CONFIGURATOR,
    CONFIGURATOR_TABLE,
    FUNCTIONS,
    GONE,
    LEGACY,
    LEGACY_TABLE,
    MACRO_NAMES,
    MIDI_019,
    MODS,
    OLD_019,
    OLD_TABLE,
    REMOVED_FUNCTIONS,
    SOURCES,
    midi_renames,
    pairs,
)

DATA = Path(__file__).resolve().parents[1] / "wrapper/kbapi/_data"
OUT = DATA / "qmk_keycodes.json"
KEYBOARD_OUT = DATA / "qmk_keyboard_keycodes.json"
IDENTIFIER = re.compile(r"(?<![0-9A-Za-z_])[A-Za-z_][A-Za-z0-9_]*")
VERSION_FILE = re.compile(r"^keycodes_(\d+\.\d+\.\d+)\.hjson$")


def read_hjson(path: Path) -> Any:
    """The JSON-with-comments subset QMK's keycode files use (also newline-separated items)."""
    text = path.read_text(encoding="utf-8")
    out, i, in_string = [], 0, False
    while i < len(text):
        char = text[i]
        if in_string:
            out.append(char)
            if char == "\\":
                out.append(text[i + 1])
                i += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
            out.append(char)
        elif text.startswith("//", i):
            i = text.find("\n", i) - 1 if "\n" in text[i:] else len(text)
        elif text.startswith("/*", i):
            i = text.index("*/", i) + 1
        else:
            out.append(char)
        i += 1
    cleaned = re.sub(r'(["\d\]}])(\s*\n\s*)(["{\[])', r"\1,\2\3", "".join(out))
    cleaned = re.sub(r",(\s*[}\]])", r"\1", cleaned)
    return json.loads(cleaned)


def merge(target: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    """QMK's merge of one hjson fragment onto the same fragment of the previous versions."""
    for key, value in update.items():
        if key == "!reset!":
            continue
        if value == "!delete!":
            target.pop(key, None)
        elif (
            isinstance(value, dict) and isinstance(target.get(key), dict) and "!reset!" not in value
        ):
            merge(target[key], value)
        elif isinstance(value, list) and isinstance(target.get(key), list):
            target[key] = value[1:] if value and value[0] == "!reset!" else target[key] + value
        elif isinstance(value, dict):
            target[key] = merge({}, value)
        elif isinstance(value, list):
            target[key] = value[1:] if value and value[0] == "!reset!" else list(value)
        else:
            target[key] = value
    return target


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def load_spec(folder: Path, prefix: str = "keycodes") -> tuple[str, dict[str, Any]]:
    """Merge every version of one keycode spec; returns (latest version, merged spec)."""
    pattern = re.compile(rf"^{re.escape(prefix)}_(\d+\.\d+\.\d+)\.hjson$")
    versions = sorted(
        (m.group(1) for p in folder.iterdir() if (m := pattern.match(p.name))), key=_version_key
    )
    if not versions:
        raise SystemExit(f"no {prefix}_<version>.hjson in {folder}")
    fragments: dict[str, dict[str, Any]] = {}
    for version in versions:
        base = f"{prefix}_{version}"
        files = [(folder / f"{base}.hjson", "")]
        files += [(p, p.stem[len(base) + 1 :]) for p in sorted(folder.glob(f"{base}_*.hjson"))]
        for path, fragment in files:
            merge(fragments.setdefault(fragment, {}), read_hjson(path))
    spec: dict[str, Any] = {}
    for fragment in fragments.values():  # QMK deep-updates the fragments onto each other, in order
        for section, entries in fragment.items():
            spec.setdefault(section, {}).update(entries)
    return versions[-1], spec


def removed_table(names: dict[str, str]) -> dict[str, dict[str, str | None]]:
    """Old name -> {replacement, source}; chains are followed to a name QMK defines."""
    table: dict[str, tuple[str | None, str]] = {}
    for old, new in pairs(CONFIGURATOR_TABLE):
        table[old] = (new, CONFIGURATOR)
    for text, source in ((LEGACY_TABLE, LEGACY), (OLD_TABLE, OLD_019)):
        for old, new in pairs(text):
            table.setdefault(old, (new, source))
    table |= {f"PROGRAMMABLE_BUTTON_{i}": (f"PB_{i}", LEGACY) for i in range(1, 33)}
    table |= {f"JS_BUTTON{i}": (f"JS_{i}", LEGACY) for i in range(32)}
    table |= {f"MACRO_{i}": (f"MC_{i}", OLD_019) for i in range(32)}
    table |= {old: (new, MIDI_019) for old, new in midi_renames().items()}
    table |= {old: (None, source) for old, source in GONE.items()}
    out: dict[str, dict[str, str | None]] = {}
    for old, (new, source) in sorted(table.items()):
        if old in names:
            continue  # still defined: the Configurator only shortens it
        for _ in range(5):  # GUI_ON -> GU_ON: follow the table until a defined name
            if new is None or new in names or new not in table:
                break
            new = table[new][0]
        if new is not None and new not in names:
            raise SystemExit(f"replacement {new!r} of {old!r} is not a QMK keycode")
        out[old] = {"replacement": new, "source": source}
    return out


def vocabulary(folder: Path) -> tuple[str, dict[str, str], list[str]]:
    """Every keycode and alias name -> its canonical key, and the basic keycodes (<= 0xFF)."""
    version, spec = load_spec(folder)
    names: dict[str, str] = {}
    basic: list[str] = []
    for value, entry in spec.get("keycodes", {}).items():
        for name in [entry["key"], *entry.get("aliases", [])]:
            names[name] = entry["key"]
            if int(value, 16) <= 0xFF:
                basic.append(name)
    _, us = load_spec(folder / "extras", "keycodes_us")
    for value, entry in us.get("aliases", {}).items():
        for name in [entry["key"], *entry.get("aliases", [])]:
            names[name] = value
    for name in MACRO_NAMES:
        names[name] = name
    return version, names, sorted(basic)


def build(firmware: Path, commit: str, note: str | None) -> dict[str, Any]:
    version, names, basic = vocabulary(firmware / "data/constants/keycodes")
    return {
        "source": {
            "repository": "qmk/qmk_firmware",
            "commit": commit,
            "files": "data/constants/keycodes/keycodes_*.hjson, extras/keycodes_us_*.hjson",
            "keycodes_version": version,
            "generated_by": "tools/gen_qmk_keycodes.py",
            **({"note": note} if note else {}),
        },
        "keycodes": dict(sorted(names.items())),
        # send_string's X_<name> exists for the basic keycodes: macros name them without KC_.
        "basic": basic,
        "mods": MODS,
        "functions": FUNCTIONS,
        "removed_sources": SOURCES,
        "removed": removed_table(names),
        "removed_functions": {
            old: {"replacement": new, "source": source}
            for old, (new, source) in REMOVED_FUNCTIONS.items()
        },
    }


def keyboard_keycodes(configurator: Path, data: dict[str, Any]) -> dict[str, list[str]]:
    """Names the Configurator's default keymaps use that QMK's core does not define, per keyboard.

    Those defaults are built from qmk_firmware's own keymaps, so such names are the keyboard's own
    keycodes (an enum in its C header, e.g. Keychron's `EF_DEC`, or keymap_steno.h's `STN_*`).
    """
    known = set(data["keycodes"]) | set(data["mods"]) | set(data["functions"]) | {"ANY"}
    known |= set(data["removed"]) | set(data["removed_functions"])
    found: dict[str, set[str]] = {}
    for path in sorted((configurator / "public/keymaps").rglob("*.json")):
        keymap = json.loads(path.read_text(encoding="utf-8"))
        codes = [code for layer in keymap.get("layers") or [] for code in layer]
        names = {n for code in codes if isinstance(code, str) for n in IDENTIFIER.findall(code)}
        if names - known:
            found.setdefault(keymap["keyboard"], set()).update(names - known)
    return {keyboard: sorted(names) for keyboard, names in sorted(found.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("firmware", type=Path, help="a qmk_firmware checkout (or its data/ tree)")
    parser.add_argument(
        "--commit", required=True, help="the qmk_firmware commit the files are from"
    )
    parser.add_argument("--note", help="how the files were obtained, recorded in the data")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    parser.add_argument("--configurator", type=Path, help="a qmk_configurator checkout")
    parser.add_argument("--configurator-commit", help="the qmk_configurator commit")
    parser.add_argument("--dump-spec", action="store_true", help="print the merged spec and stop")
    args = parser.parse_args()
    if args.dump_spec:
        version, spec = load_spec(args.firmware / "data/constants/keycodes")
        print(json.dumps({"version": version, **spec}, indent=1))
        return
    data = build(args.firmware, args.commit, args.note)
    if args.configurator:
        boards = {
            "source": {
                "repository": "qmk/qmk_configurator",
                "commit": args.configurator_commit,
                "files": "public/keymaps/**/*.json (default keymaps built from qmk_firmware)",
                "generated_by": "tools/gen_qmk_keycodes.py",
            },
            "keyboards": keyboard_keycodes(args.configurator, data),
        }
        KEYBOARD_OUT.write_text(json.dumps(boards, indent=0) + "\n", encoding="utf-8")
        print(f"{KEYBOARD_OUT}: {len(boards['keyboards'])} keyboards with their own keycodes")
    args.output.write_text(
        json.dumps(data, indent=0, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    removed = len(data["removed"])
    print(
        f"{args.output}: {len(data['keycodes'])} names, {removed} removed, version {data['source']}"
    )


if __name__ == "__main__":
    main()
