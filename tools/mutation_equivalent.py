"""The rule that sets a mutant aside as equivalent, decided from the code alone, not by a test run.

A mutant is equivalent when no program can tell it from the original. `make mutation` excludes
the two kinds it can recognise from the source (every mutated module starts with
``from __future__ import annotations``, and nothing in kbapi evaluates annotations at run time):

- ``annotation``: the mutant differs from the original only inside type annotations or
  ``if TYPE_CHECKING:`` blocks (their condition included): code the interpreter never runs.
- ``interned-identity``: the only change is ``==``/``!=`` to ``is``/``is not`` (or back) against a
  literal CPython keeps one object of: ``None``, ``True``, ``False``, an int from -5 to 256, a
  string of at most one character. Whether the other side can be an equal object of another
  type (``0.0``, a str subclass) is beyond what the tool can see from the code.

Everything else that survives is a gap in the tests or an equivalent argued for one by one in
docs/contributing.md.
"""

from __future__ import annotations

import ast

IDENTITY_SWAPS = {
    (ast.Eq, ast.Is),
    (ast.Is, ast.Eq),
    (ast.NotEq, ast.IsNot),
    (ast.IsNot, ast.NotEq),
}


def equivalence(original: str, mutant: str) -> str | None:
    """The rule that makes `mutant` equivalent to `original`, or None when none does."""
    try:
        before, after = ast.parse(original), ast.parse(mutant)
    except SyntaxError:
        return None
    if ast.dump(_TypeOnly().visit(before)) == ast.dump(_TypeOnly().visit(after)):
        return "annotation"
    if _interned_identity(before, after):
        return "interned-identity"
    return None


class _TypeOnly(ast.NodeTransformer):
    """Blank out what only the type checker reads: annotations and ``if TYPE_CHECKING:`` blocks."""

    def visit_arg(self, node: ast.arg) -> ast.arg:
        node.annotation = None
        return node

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.FunctionDef:
        node.returns = None
        self.generic_visit(node)
        return node

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> ast.AsyncFunctionDef:
        node.returns = None
        self.generic_visit(node)
        return node

    def visit_AnnAssign(self, node: ast.AnnAssign) -> ast.AnnAssign:
        # The statement stays (a dataclass field is still a field); only its annotation goes.
        node.annotation = ast.Constant(value=None)
        if node.value is not None:
            node.value = self.visit(node.value)
        return node

    def visit_If(self, node: ast.If) -> ast.AST:
        names = {n.id for n in ast.walk(node.test) if isinstance(n, ast.Name)}
        if "TYPE_CHECKING" in names:
            return ast.Pass()
        self.generic_visit(node)
        return node


def _interned_identity(before: ast.Module, after: ast.Module) -> bool:
    """True when the trees differ only in one `==`/`is` swap against an interned literal."""
    nodes_before, nodes_after = list(ast.walk(before)), list(ast.walk(after))
    if len(nodes_before) != len(nodes_after):
        return False
    swaps = [
        (old, new, index)
        for old, new in zip(nodes_before, nodes_after, strict=True)
        if isinstance(old, ast.Compare) and isinstance(new, ast.Compare)
        for index, (a, b) in enumerate(zip(old.ops, new.ops, strict=False))
        if type(a) is not type(b)
    ]
    if len(swaps) != 1:
        return False
    old, new, index = swaps[0]
    if (type(old.ops[index]), type(new.ops[index])) not in IDENTITY_SWAPS:
        return False
    new.ops = list(old.ops)  # ast.dump compares types, so the trees are now equal or not
    operands = [old.left, *old.comparators][index : index + 2]
    return ast.dump(before) == ast.dump(after) and any(_interned(x) for x in operands)


def _interned(node: ast.expr) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = ast.Constant(value=-node.operand.value) if _is_int(node.operand) else node
    if not isinstance(node, ast.Constant):
        return False
    value = node.value
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, int):
        return -5 <= value <= 256
    return isinstance(value, str) and len(value) <= 1


def _is_int(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int
