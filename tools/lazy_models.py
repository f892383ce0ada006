"""A step of `make generate`: make each generated `models/__init__.py` import lazily.

openapi-python-client writes a `models/__init__.py` that imports every model of the spec, so
``from pkg.models import CompileJob`` loaded all of them (~47 ms for the Q spec). This step
rewrites that file (and only that file) into the same names, loaded on first access through a
module `__getattr__` (PEP 562); type checkers read the `TYPE_CHECKING` imports. It runs on
the generator's output every time, so generated code is never edited by hand, and
`make check-generated` reproduces it.

    python tools/lazy_models.py wrapper/kbapi/_generated/qmk_api ...
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

IMPORT = re.compile(r"^from \.(\w+) import (\w+)$", re.MULTILINE)

TEMPLATE = '''"""{doc}

Loaded lazily: each model's module is imported on first use of its name (`make generate`
writes this file with tools/lazy_models.py from the generator's own).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
{type_imports}

_MODULES = {{
{modules}
}}

__all__ = (
{names}
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {{__name__!r}} has no attribute {{name!r}}")
    value = getattr(import_module(f"{{__name__}}.{{module}}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
'''


def lazy_init(source: str) -> str:
    """The lazy form of a generated `models/__init__.py` (the same public names)."""
    pairs = IMPORT.findall(source)
    if not pairs:
        raise ValueError("no `from .module import Name` lines: not a generated models package")
    doc = source.split('"""')[1].strip() if source.startswith('"""') else "Generated models."
    return TEMPLATE.format(
        doc=doc,
        type_imports="\n".join(f"    from .{module} import {name}" for module, name in pairs),
        modules="\n".join(f'    "{name}": "{module}",' for module, name in pairs),
        names="\n".join(f'    "{name}",' for _, name in pairs),
    )


def main(packages: list[str]) -> int:
    for package in packages:
        init = Path(package) / "models" / "__init__.py"
        text = init.read_text(encoding="utf-8")
        if "_MODULES = {" not in text:  # already lazy: leave it
            init.write_text(lazy_init(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
