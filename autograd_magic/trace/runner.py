"""The run layer of %%grad: execute a cell's source like a normal cell, on the engine, and report what it did.

``run_cell(source, user_ns)`` runs the code with ``torch`` meaning ``autograd_magic.torch`` (as a name and through
``import torch``), tags the tensors it makes with the names and expressions of the source, listens to every
backward pass, and returns a ``CellRun``: the value of the last expression plus the tensors and the backward
graph the cell touched. Nothing stays patched afterwards.
"""
import ast
import contextlib
import sys
import weakref

import numpy as np

from .. import torch as engine_torch
from ..engine import inspect as ei
from .build import build_trace
from .names import NAMES
from .recorder import Recorder

TAG = "__autograd_magic_tag__"


def engine_modules():
    """{"torch.x.y": the engine's module} for every module of autograd_magic.torch (torch.nn.functional,
    torch.optim.lr_scheduler, torch.utils.data, torch.cuda ...): what `import torch...` resolves to in a cell."""
    prefix = engine_torch.__name__
    mods = {"torch" + name[len(prefix):]: mod for name, mod in list(sys.modules.items())
            if mod is not None and (name == prefix or name.startswith(prefix + "."))}
    for attr in ("cuda", "backends"):  # namespaces that may be plain objects rather than modules
        obj = getattr(engine_torch, attr, None)
        if obj is not None and "torch." + attr not in mods:
            mods["torch." + attr] = obj
    return mods


# ---------------------------------------------------------------- tagging tensors with their source


class _Tagger(ast.NodeTransformer):
    """Wrap assignments and sub-expressions so that each tensor learns its name or its source text."""

    def __init__(self, source):
        self.lines = [line.encode("utf-8") for line in source.splitlines(True)]

    def _text(self, node):
        """The node's source text (ast offsets count UTF-8 bytes); lines are split once per cell."""
        try:
            first, last = node.lineno - 1, node.end_lineno - 1
            if first == last:
                raw = self.lines[first][node.col_offset:node.end_col_offset]
            else:
                raw = b"".join([self.lines[first][node.col_offset:], *self.lines[first + 1:last],
                                self.lines[last][:node.end_col_offset]])
            return raw.decode("utf-8")
        except (AttributeError, IndexError, TypeError, UnicodeDecodeError):
            return ""

    def _wrap(self, value, kind, text):
        where = dict(lineno=value.lineno, col_offset=value.col_offset, end_lineno=value.end_lineno,
                     end_col_offset=value.end_col_offset)
        call = ast.Call(func=ast.Name(id=TAG, ctx=ast.Load(), **where),
                        args=[value, ast.Constant(kind, **where), ast.Constant(text, **where),
                              ast.Constant(value.lineno, **where)], keywords=[], **where)
        return call

    def visit_Assign(self, node):
        self.generic_visit(node)
        names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        if names:
            node.value = self._wrap(node.value, "name", names[0])
        return node

    def visit_AnnAssign(self, node):
        self.generic_visit(node)
        if node.value is not None and isinstance(node.target, ast.Name):
            node.value = self._wrap(node.value, "name", node.target.id)
        return node

    def _expr(self, node):
        self.generic_visit(node)
        return self._wrap(node, "expr", self._text(node))

    visit_BinOp = visit_UnaryOp = _expr

    def _opaque(self, node):
        """Code that may run after the cell (functions, lambdas, classes, generators) is left as written: the
        tagging helper exists only while the cell runs."""
        return node

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = visit_ClassDef = visit_GeneratorExp = _opaque

    def visit_Call(self, node):
        return self._expr(node)

    def visit_Subscript(self, node):
        if isinstance(node.ctx, ast.Load):
            return self._expr(node)
        self.generic_visit(node)
        return node


def _tag(value, kind, text, line=None, names=None):
    """Runs inside the cell: remember a tensor's name (assignment) or source expression (temporary), in the side
    table (names.py), never on the tensor."""
    if ei.is_tensor(value):
        names = names or NAMES
        if kind == "name":
            names.name_tensor(value, text, line)
        else:
            names.note_expr(value, text, line)
    return value


def parse(source, filename):
    """The cell as (statements, last expression or None, binds torch?), tagged; SyntaxError as a cell raises it."""
    tree = ast.parse(source, filename)
    rebinds = _binds_torch(tree)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    tagger = _Tagger(source)
    tree = ast.fix_missing_locations(tagger.visit(tree))
    if last is not None:
        last = ast.fix_missing_locations(tagger.visit(last))
    return (compile(tree, filename, "exec"), (compile(last, filename, "eval") if last is not None else None),
            rebinds)


# ---------------------------------------------------------------- running


@contextlib.contextmanager
def engine_torch_modules():
    """While inside: ``import torch`` (and torch.nn, torch.optim ...) resolves to the engine's modules; afterwards
    sys.modules is as it was. Used by run_cell and by the tests that run lesson code on the engine."""
    modules = engine_modules()
    saved = {k: sys.modules.get(k) for k in modules}
    sys.modules.update(modules)
    try:
        yield modules
    finally:
        for k, mod in saved.items():
            if mod is None:
                sys.modules.pop(k, None)
            else:
                sys.modules[k] = mod


@contextlib.contextmanager
def torch_swap(user_ns, rebinds_torch=False):
    """The ``torch`` swap of a %%grad cell, as one context manager: the name ``torch`` in user_ns and every
    ``torch...`` module mean the engine while inside; afterwards the user's binding comes back, unless the cell
    itself bound ``torch`` (rebinds_torch), as a normal cell keeps what it binds."""
    had_torch, old_torch = "torch" in user_ns, user_ns.get("torch")
    user_ns["torch"] = engine_torch
    try:
        with engine_torch_modules():
            yield
    finally:
        if not rebinds_torch and user_ns.get("torch") is engine_torch:
            if had_torch:
                user_ns["torch"] = old_torch
            else:
                user_ns.pop("torch", None)


class CellRun:
    """What one %%grad run did: its last value, the tensors it touched and their backward passes.

    ``trace(max_nodes)`` builds the plain model (trace/model.py) the views read; after that the run lets go of
    the engine objects it held.
    """

    def __init__(self, value, has_value, recorder, assigned, user_ns, names=None):
        self.value = value
        self.has_value = has_value
        self.recorder = recorder
        self.assigned = assigned
        self.user_ns = user_ns
        self.names = names or NAMES
        self._traces = {}

    def trace(self, max_nodes=None):
        """The trace model of this run (built once per node cap)."""
        if max_nodes not in self._traces:
            self._traces[max_nodes] = build_trace(self, max_nodes)
        return self._traces[max_nodes]

    def tensors(self):
        return self.trace().tensors

    def graph(self, max_nodes=None):
        return self.trace(max_nodes).graph

    def inputs(self):
        """[(name, values)] of the leaves that require grad assigned in the cell: what sliders can move."""
        out = {}
        for name, ref in self.assigned:
            t = ref()
            if t is not None and ei.is_leaf(t) and ei.requires_grad(t) and ei.dtype_name(t).startswith("float"):
                out[name] = ei.value(t, copy=True)
        return list(out.items())


def run_cell(source, user_ns, filename="<%%grad>", overrides=None, transform=None, caps=None, record=True):
    """Execute source in user_ns like a normal cell (exceptions propagate); return a CellRun.

    overrides: {variable name: array}: a leaf tensor assigned to that name gets these values instead of the
    ones written in the cell (what a slider does); a Tensor given there takes the leaf's place.
    transform: called on every value the cell assigns to a name or computes in an expression; its result is used
    instead (trace.probe turns float32 constants into float64 for central differences).
    caps: model.Caps, what the recorder keeps arrays for; record=False: no backward events are recorded (a re-run
    that only wants the cell's values, as trace.probe's).
    """
    code, last, rebinds_torch = parse(source, filename)
    recorder = Recorder(NAMES, caps)
    assigned = []

    def tag(value, kind, text, line=None):
        if transform is not None:  # trace.probe: every value the source names or computes passes through it
            value = transform(value)
        if kind == "name" and ei.is_tensor(value):
            if overrides and text in overrides and ei.is_leaf(value):
                new = overrides[text]
                if ei.is_tensor(new):  # a probe's own leaf (trace.probe) takes the input's place
                    value = new
                else:
                    new = np.array(new, dtype=ei.dtype_name(value)).reshape(ei.shape(value))
                    value.data = engine_torch.from_numpy(new)
            assigned.append((text, weakref.ref(value)))
        return _tag(value, kind, text, line)

    user_ns[TAG] = tag
    try:
        with torch_swap(user_ns, rebinds_torch), (recorder.listening() if record else contextlib.nullcontext()):
            exec(code, user_ns)
            value = eval(last, user_ns) if last is not None else None
    finally:
        user_ns.pop(TAG, None)
    return CellRun(value, last is not None, recorder, assigned, user_ns)


def _binds_torch(tree):
    """Does the cell itself bind the name torch (import torch, torch = ...)? Then it keeps it, as a cell would."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            if any((a.asname or a.name.split(".")[0]) == "torch" for a in node.names):
                return True
        elif isinstance(node, ast.Name) and node.id == "torch" and isinstance(node.ctx, ast.Store):
            return True
    return False
