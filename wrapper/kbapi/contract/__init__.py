"""`kbapi contract`: check any server against our packaged OpenAPI specs with schemathesis.

Public names: `ContractOptions`, `run_contract`, `plan`, `ContractReport`, the deviations table
`KNOWN_DEVIATIONS`, and `render` / `write` for output.
"""

from kbapi.contract.deviations import KNOWN_DEVIATIONS, Deviation, find_deviation
from kbapi.contract.guard import RequestGuard, default_rate, is_loopback_url
from kbapi.contract.report import junit, render, write
from kbapi.contract.results import ContractReport, Failure, OperationResult
from kbapi.contract.runner import ContractOptions, plan, run_contract, select_operations

__all__ = [
    "KNOWN_DEVIATIONS",
    "ContractOptions",
    "ContractReport",
    "Deviation",
    "Failure",
    "OperationResult",
    "RequestGuard",
    "default_rate",
    "find_deviation",
    "is_loopback_url",
    "junit",
    "plan",
    "render",
    "run_contract",
    "select_operations",
    "write",
]
