"""The fast path of `make mutation`: mutants in function bodies, in one collected pytest session.

Run as a script by tools/mutation.py (a process of its own, since it imports kbapi):

    python tools/mutation_fast.py JOBS.json RESULTS.json WORKERS -- PYTEST_ARGS... FILES...

It collects the test files once, then for each job forks a child that swaps the code of the
live functions whose bodies the mutant changes (``function.__code__``, so every reference to
the function sees it, whatever imported it) and runs the chosen, already collected tests. No
import and no collection per mutant. A mutant that changes anything else (module or class level,
a signature, a decorator), or whose functions cannot all be found, is reported "unpatchable";
tools/mutation.py runs those, and every survivor of this path, the slow way (a fresh import of
the mutated module), so a value computed from the module before the fork cannot hide a kill.
"""

from __future__ import annotations

import functools
import json
import sys
import types
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _pytest.runner import runtestprotocol

UNPATCHABLE = 99  # exit code of a child that could not apply the mutant


def code_objects(code: types.CodeType) -> Iterator[types.CodeType]:
    """Every code object nested in `code` (functions, methods, class bodies, comprehensions)."""
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield const
            yield from code_objects(const)


def _shallow(code: types.CodeType) -> tuple[Any, ...]:
    consts = tuple(c.co_qualname if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.co_code, consts, code.co_names, code.co_flags


def changed_functions(path: str, original: str, mutant: str) -> list[str] | None:
    """Qualified names of the functions whose own code the mutant changes; None if it changes
    anything that is not inside a function body."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)  # `x is 1` and the like, mutants' own
        before = compile(original, path, "exec", dont_inherit=True)
        try:
            after = compile(mutant, path, "exec", dont_inherit=True)
        except SyntaxError:  # not Python at all: the slow path shows it fails to import
            return None
    if _shallow(before) != _shallow(after):
        return None
    old = [(c.co_qualname, _shallow(c)) for c in code_objects(before)]
    new = [(c.co_qualname, _shallow(c), c.co_flags) for c in code_objects(after)]
    if [name for name, _ in old] != [name for name, _, _ in new]:
        return None
    changed = [(n, flags) for (n, a), (_, b, flags) in zip(old, new, strict=True) if a != b]
    names = [name for name, _ in old]
    if any(not flags & 0x2 or names.count(n) > 1 for n, flags in changed):  # CO_NEWLOCALS
        return None
    return [n for n, _ in changed]


def live_functions(module: types.ModuleType) -> Iterator[types.FunctionType]:
    """The module's functions and methods reachable from its namespace, unwrapped."""
    filename = module.__file__
    seen: set[int] = set()

    def visit(value: object, depth: int) -> Iterator[types.FunctionType]:
        if id(value) in seen or depth > 3:
            return
        seen.add(id(value))
        if isinstance(value, staticmethod | classmethod):
            yield from visit(value.__func__, depth)
        elif isinstance(value, property):
            for part in (value.fget, value.fset, value.fdel):
                yield from visit(part, depth)
        elif isinstance(value, types.FunctionType) and value.__code__.co_filename == filename:
            yield value
            yield from visit(getattr(value, "__wrapped__", None), depth)
        elif isinstance(value, functools._lru_cache_wrapper):
            yield from visit(value.__wrapped__, depth)
        elif isinstance(value, type) and value.__module__ == module.__name__:
            for member in vars(value).values():
                yield from visit(member, depth + 1)

    for value in list(vars(module).values()):
        yield from visit(value, 0)


def patch(module: types.ModuleType, mutant: str, changed: list[str]) -> bool:
    """Give the live functions the mutant's code; False unless every changed one is reached."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        compiled = compile(mutant, str(module.__file__), "exec", dont_inherit=True)
    codes = {c.co_qualname: c for c in code_objects(compiled)}
    patched = []
    for function in live_functions(module):
        name = function.__code__.co_qualname
        if name in codes and function.__code__ != codes[name]:
            try:
                function.__code__ = codes[name]
            except ValueError:  # a different closure: not this way
                return False
            patched.append(name)
    for value in vars(module).values():
        if isinstance(value, functools._lru_cache_wrapper):
            value.cache_clear()  # results computed by the unmutated code
    return all(any(n == p or n.startswith(f"{p}.<locals>.") for p in patched) for n in changed)


class Driver:
    """pytest plugin: after collection, run the jobs in forked children instead of the tests."""

    def __init__(self, jobs: list[dict[str, Any]], out: Path, workers: int) -> None:
        self.jobs, self.out, self.workers = jobs, out, workers

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        import mutation_fork  # beside this script (imported lazily: the tests import this file)

        items = {item.nodeid: item for item in session.items}
        jobs = [_job(j) for j in self.jobs]
        changed = {j["key"]: j["changed"] for j in self.jobs}

        def work(job: Any) -> tuple[int, str | None, int]:
            module = sys.modules.get(job.module)
            if module is None or not patch(module, job.source, changed[job.key]):
                return UNPATCHABLE, None, 0
            chosen = [items[n] for n in job.wanted or () if n in items]
            for index, item in enumerate(chosen):
                following = chosen[index + 1] if index + 1 < len(chosen) else None
                if any(r.failed for r in runtestprotocol(item, nextitem=following, log=False)):
                    return 1, item.nodeid, index + 1
            return (0 if chosen else 5), None, len(chosen)

        with self.out.open("w", encoding="utf-8") as out:
            for job, outcome in mutation_fork.run(jobs, (), self.workers, work):
                out.write(json.dumps([job.key, outcome.code, outcome.failed, outcome.ran]) + "\n")
                out.flush()
        return True


def _job(data: dict[str, Any]) -> Any:
    import mutation_fork

    return mutation_fork.Job(
        data["key"],
        data["module"],
        Path(data["path"]),
        data["source"],
        (),
        tuple(data["wanted"]),
        data["timeout"],
    )


def main() -> int:
    jobs_file, out, workers, separator, *rest = sys.argv[1:]
    assert separator == "--"
    jobs = json.loads(Path(jobs_file).read_text(encoding="utf-8"))
    sys.dont_write_bytecode = False
    code = pytest.main(rest, plugins=[Driver(jobs, Path(out), int(workers))])
    return 0 if code in (0, 5) else int(code)


if __name__ == "__main__":
    sys.exit(main())
