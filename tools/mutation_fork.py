"""Run pytest against one mutant per forked process, without writing any mutant to disk.

The parent imports pytest, its plugins and the third-party libraries once; each job forks a
child that imports kbapi afresh with one module's source replaced (a finder in front of
``sys.meta_path`` serves the mutant under the real file name), runs only the chosen tests with
``-x`` and reports the exit code and the first failing test through a pipe. A child that
outlives its deadline is killed with its process group. The files on disk are never changed,
so two jobs can run at once and an interrupted run leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.machinery
import importlib.util
import json
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

import pytest

OWN_PREFIXES = ("kbapi", "tests")


@dataclass(frozen=True)
class Job:
    """One pytest run: `module` (dotted name) loaded from `source`, the tests in `wanted` order."""

    key: str
    module: str
    path: Path
    source: str
    files: tuple[str, ...]
    wanted: tuple[str, ...] | None  # node ids; None runs every test of `files`
    timeout: float
    extra_args: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Outcome:
    """What a job's pytest run said: exit code (-1: timed out or died), first failing test."""

    code: int
    failed: str | None
    ran: int
    seconds: float


class _MutantLoader(importlib.machinery.SourceFileLoader):
    def __init__(self, fullname: str, path: str, source: str) -> None:
        super().__init__(fullname, path)
        self._source = source

    def get_code(self, fullname: str) -> CodeType:
        return compile(self._source, self.path, "exec", dont_inherit=True)


class _MutantFinder:
    def __init__(self, module: str, path: Path, source: str) -> None:
        self.module, self.path, self.source = module, path, source

    def find_spec(self, fullname: str, path: Any = None, target: ModuleType | None = None) -> Any:
        if fullname != self.module:
            return None
        loader = _MutantLoader(fullname, str(self.path), self.source)
        locations = [str(self.path.parent)] if self.path.name == "__init__.py" else None
        spec: ModuleSpec | None = importlib.util.spec_from_file_location(
            fullname, self.path, loader=loader, submodule_search_locations=locations
        )
        return spec


class _Select:
    """pytest plugin: keep only the wanted tests, in the wanted order; note the first failure."""

    def __init__(self, wanted: Sequence[str] | None) -> None:
        self.wanted = None if wanted is None else {node: i for i, node in enumerate(wanted)}
        self.failed: str | None = None
        self.ran = 0

    def pytest_collection_modifyitems(
        self, config: pytest.Config, items: list[pytest.Item]
    ) -> None:
        if self.wanted is None:
            return
        order = self.wanted
        config.hook.pytest_deselected(items=[i for i in items if i.nodeid not in order])
        items[:] = sorted((i for i in items if i.nodeid in order), key=lambda i: order[i.nodeid])

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call":
            self.ran += 1
        if report.failed and self.failed is None:
            self.failed = report.nodeid


def preload(modules: Iterable[str]) -> None:
    """Import what every child would import anyway; never kbapi's or the tests' own modules."""
    for name in modules:
        if name.split(".")[0] in OWN_PREFIXES:
            continue
        try:
            importlib.import_module(name)
        except BaseException:  # a module that cannot be imported alone is skipped
            continue
    leaked = sorted(m for m in sys.modules if m.split(".")[0] in OWN_PREFIXES)
    if leaked:
        raise RuntimeError(f"preloading imported our own modules: {leaked[:5]}")


Work = Callable[[Job], tuple[int, str | None, int]]
"""What a child does with its job: (pytest's exit code, the first failing test, tests run)."""


def import_and_test(args: Sequence[str]) -> Work:
    """The child's work: import kbapi with the job's source served, run pytest with `args`."""

    def work(job: Job) -> tuple[int, str | None, int]:
        sys.meta_path.insert(0, _MutantFinder(job.module, job.path, job.source))
        select = _Select(job.wanted)
        code = int(pytest.main([*args, *job.extra_args, *job.files], plugins=[select]))
        return code, select.failed, select.ran

    return work


def _child(job: Job, write_fd: int, work: Work) -> None:
    os.setpgid(0, 0)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.write(write_fd, json.dumps(work(job)).encode())
    os._exit(0)


@dataclass
class _Running:
    job: Job
    pid: int
    read_fd: int
    started: float


def run(
    jobs: Iterable[Job], args: Sequence[str], workers: int, work: Work | None = None
) -> Iterator[tuple[Job, Outcome]]:
    """Run the jobs, `workers` at a time, each in a child doing `work` (default: import kbapi
    with the mutant and run pytest with `args`); yield each job with its outcome as it ends."""
    work = work or import_and_test(args)
    pending = iter(jobs)
    running: list[_Running] = []
    try:
        while True:
            while len(running) < workers and (job := next(pending, None)) is not None:
                running.append(_start(job, work))
            if not running:
                return
            for item in list(running):
                outcome = _poll(item)
                if outcome is not None:
                    running.remove(item)
                    yield item.job, outcome
            time.sleep(0.005)
    finally:
        for item in running:
            _kill(item)


def _start(job: Job, work: Work) -> _Running:
    read_fd, write_fd = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        try:
            os.close(read_fd)
            _child(job, write_fd, work)
        finally:
            os._exit(3)
    os.close(write_fd)
    os.set_blocking(read_fd, False)
    return _Running(job, pid, read_fd, time.monotonic())


def _poll(item: _Running) -> Outcome | None:
    seconds = time.monotonic() - item.started
    pid, _ = os.waitpid(item.pid, os.WNOHANG)
    if pid == 0 and seconds <= item.job.timeout:
        return None
    if pid == 0:
        _kill(item)
        return Outcome(-1, "timeout", 0, seconds)
    try:
        data = os.read(item.read_fd, 1 << 16)
    except BlockingIOError:
        data = b""
    os.close(item.read_fd)
    _reap_group(item.pid)
    if not data:
        return Outcome(-1, "died", 0, seconds)
    code, failed, ran = json.loads(data)
    return Outcome(code, failed, ran, seconds)


def _kill(item: _Running) -> None:
    _reap_group(item.pid)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(item.pid, 0)
    with contextlib.suppress(OSError):
        os.close(item.read_fd)


def _reap_group(pgid: int) -> None:
    """Kill whatever the child left in its process group (servers, subprocesses)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)
