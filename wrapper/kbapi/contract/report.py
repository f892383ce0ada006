"""Show a contract report: a rich summary for people, JUnit XML or JSON for CI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal
from xml.etree import ElementTree as ET

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kbapi.contract.results import ContractReport, Failure, OperationResult

ReportFormat = Literal["junit", "json"]


def render(report: ContractReport, console: Console) -> None:
    """Print the report: operations table, failures with curl lines, known deviations, verdict."""
    console.print(
        f"[bold]kbapi contract {report.api}[/] against {escape(report.url)}", soft_wrap=True
    )
    console.print(f"spec: {escape(report.spec)}", soft_wrap=True)
    for problem in report.spec_problems:
        console.print(f"[yellow]spec problem, operation skipped:[/] {escape(problem)}")
    if report.dry_run:
        _render_plan(report, console)
        return
    console.print(_operations_table(report.operations))
    for failure in report.real_failures:
        _render_failure(failure, console, style="red", label="FAILED")
    for failure in report.known:
        _render_failure(failure, console, style="yellow", label="KNOWN DEVIATION")
    _render_summary(report, console)


def _render_plan(report: ContractReport, console: Console) -> None:
    table = Table(title=f"dry run: {len(report.operations)} operations would be called")
    table.add_column("method")
    table.add_column("path", overflow="fold")
    table.add_column("operationId", overflow="fold")
    for op in report.operations:
        table.add_row(op.method, escape(op.path), escape(op.operation_id or ""))
    console.print(table)
    console.print("nothing was sent (--dry-run)")


def _operations_table(operations: list[OperationResult]) -> Table:
    table = Table(title="operations")
    for column in ("operation", "requests", "statuses", "passed", "failed", "known", "note"):
        table.add_column(column, overflow="fold")
    for op in operations:
        statuses = " ".join(f"{code}x{n}" for code, n in sorted(op.statuses.items()))
        table.add_row(
            escape(op.operation),
            str(op.requests),
            statuses,
            str(op.checks_passed),
            str(op.checks_failed),
            str(op.known_deviations),
            escape(op.note or ""),
        )
    return table


def _render_failure(failure: Failure, console: Console, *, style: str, label: str) -> None:
    status = failure.status if failure.status is not None else "no response"
    times = f" (x{failure.occurrences})" if failure.occurrences > 1 else ""
    console.print(
        f"\n[{style} bold]{label}[/] {escape(failure.operation)}: "
        f"{escape(failure.title)} {escape(f'[{status}]')}{times}",
        soft_wrap=True,
    )
    if failure.deviation:
        console.print(f"  deviation {failure.deviation}: {escape(failure.deviation_summary or '')}")
    message = failure.message.strip()
    if message:
        console.print("  " + escape(_shorten(message)).replace("\n", "\n  "))
    console.print("  reproduce:", style="dim")
    console.print("  " + escape(failure.curl), soft_wrap=True)


def _render_summary(report: ContractReport, console: Console) -> None:
    called = sum(1 for op in report.operations if op.requests)
    console.print(
        f"\n{called}/{len(report.operations)} operations tried, "
        f"{report.requests_sent} requests in {report.elapsed:.1f} s; "
        f"checks: {report.checks_passed} passed, {report.checks_failed} failed; "
        f"{len(report.real_failures)} failures, {len(report.known)} known deviations",
        soft_wrap=True,
    )
    if report.stop_reason:
        console.print(f"[yellow]stopped early: {escape(report.stop_reason)}[/]")
    verdict = "[red bold]FAILED[/]" if report.failed else "[green bold]PASSED[/]"
    console.print(verdict)


def _shorten(text: str, limit: int = 1500) -> str:
    return text if len(text) <= limit else text[:limit] + " ..."


def write(report: ContractReport, fmt: ReportFormat, path: Path) -> None:
    """Write the report to `path` as JUnit XML or JSON."""
    if fmt == "json":
        path.write_text(json.dumps(report.as_dict(), indent=2, default=str) + "\n", "utf-8")
    elif fmt == "junit":
        ET.ElementTree(junit(report)).write(path, encoding="utf-8", xml_declaration=True)
    else:
        raise ValueError(f"unknown report format {fmt!r}")


def junit(report: ContractReport) -> ET.Element:
    """A JUnit <testsuites> tree: one test case per operation, known deviations as skipped."""
    suites = ET.Element("testsuites")
    suite = ET.SubElement(suites, "testsuite", name=f"kbapi contract {report.api}")
    by_operation: dict[str, list[Failure]] = {}
    for failure in report.failures:
        by_operation.setdefault(failure.operation, []).append(failure)
    failed = skipped = 0
    for op in report.operations:
        case = ET.SubElement(suite, "testcase", name=op.operation, classname=report.api)
        case.set("time", "0")
        problems = by_operation.get(op.operation, [])
        real = [f for f in problems if not f.is_known]
        if real:
            failed += 1
            for failure in real:
                node = ET.SubElement(case, "failure", message=failure.title, type=failure.kind)
                node.text = f"{failure.message}\n\nreproduce:\n{failure.curl}"
        elif problems or not op.requests:
            skipped += 1
            reason = (
                "; ".join(f"known deviation {f.deviation}" for f in problems)
                if problems
                else (op.note or "not run")
            )
            ET.SubElement(case, "skipped", message=reason)
    suite.set("tests", str(len(report.operations)))
    suite.set("failures", str(failed))
    suite.set("skipped", str(skipped))
    suite.set("errors", "0")
    return suites
