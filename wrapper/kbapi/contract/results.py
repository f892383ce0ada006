"""What a contract run found: per-operation counts and the failures, each with a curl line."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Failure:
    """One distinct failure (same operation and kind are reported once, with a count)."""

    operation: str
    method: str
    path: str
    kind: str
    title: str
    message: str
    status: int | None
    curl: str
    deviation: str | None = None
    deviation_summary: str | None = None
    occurrences: int = 1

    @property
    def is_known(self) -> bool:
        """True if a documented deviation explains this failure."""
        return self.deviation is not None


@dataclass
class OperationResult:
    """Counts for one operation of the spec."""

    operation: str
    method: str
    path: str
    operation_id: str | None
    requests: int = 0
    checks_passed: int = 0
    checks_failed: int = 0
    known_deviations: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    note: str | None = None

    @classmethod
    def of(cls, operation: Any) -> OperationResult:
        """An empty row for a schemathesis operation."""
        return cls(
            operation=operation.label,
            method=operation.method.upper(),
            path=operation.path,
            operation_id=operation.definition.raw.get("operationId"),
        )


@dataclass
class ContractReport:
    """The outcome of a run; `failed` decides the exit code."""

    api: str
    url: str
    spec: str
    operations: list[OperationResult] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    requests_sent: int = 0
    elapsed: float = 0.0
    stop_reason: str | None = None
    dry_run: bool = False
    spec_problems: list[str] = field(default_factory=list)

    @property
    def real_failures(self) -> list[Failure]:
        """Failures no documented deviation explains."""
        return [f for f in self.failures if not f.is_known]

    @property
    def known(self) -> list[Failure]:
        """Failures reported as known deviations."""
        return [f for f in self.failures if f.is_known]

    @property
    def failed(self) -> bool:
        """True if the server broke the contract in a way not documented as a deviation."""
        return bool(self.real_failures)

    @property
    def checks_passed(self) -> int:
        """Passed checks over all operations."""
        return sum(op.checks_passed for op in self.operations)

    @property
    def checks_failed(self) -> int:
        """Failed checks over all operations (known deviations included)."""
        return sum(op.checks_failed for op in self.operations)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view of the whole report."""
        return {
            "api": self.api,
            "url": self.url,
            "spec": self.spec,
            "dry_run": self.dry_run,
            "passed": not self.failed,
            "requests_sent": self.requests_sent,
            "elapsed_seconds": round(self.elapsed, 3),
            "stop_reason": self.stop_reason,
            "checks": {
                "passed": self.checks_passed,
                "failed": self.checks_failed,
                "known_deviations": len(self.known),
            },
            "operations": [_operation_dict(op) for op in self.operations],
            "failures": [asdict(f) for f in self.failures],
            "spec_problems": list(self.spec_problems),
        }


def _operation_dict(op: OperationResult) -> dict[str, Any]:
    data = asdict(op)
    data["statuses"] = {str(code): count for code, count in sorted(op.statuses.items())}
    return data
