"""The run layer of %%grad: execute a cell's source like a normal cell, on the engine, and report what it did.

``run_cell(source, user_ns)`` runs the code with ``torch`` meaning ``autograd_magic.torch`` (as a name and through
``import torch``), tags the tensors it makes with the names and expressions of the source, listens to every
backward pass, and returns a ``CellRun``: the value of the last expression plus the tensors and the backward
graph the cell touched. Nothing stays patched afterwards.
"""
import contextlib
import weakref

import numpy as np

from .. import torch as engine_torch
from ..engine import inspect as ei
from .build import build_trace
from .execute import TAG, compile_cell, engine_modules, run_code, torch_is_the_engine  # noqa: F401
from .names import NAMES
from .modules import ModuleScopes, engine_backend
from .recorder import Recorder

_ENGINE_SCOPES = engine_backend()
_weak = weakref.ref   # (a module global: compiled, read without a lookup in the weakref module)


# ---------------------------------------------------------------- tagging tensors with their source


def _tag(value, kind, text, site=None, names=NAMES):
    """Runs inside the cell: remember a tensor's name (assignment) or source expression (temporary), in the side
    table (names.py), never on the tensor."""
    if ei.is_tensor(value):
        if kind == "name":
            names.name_tensor(value, text, site)
        else:
            names.note_expr(value, text, site)
    return value


# ---------------------------------------------------------------- running


class CellRun:
    """What one %%grad run did: its last value, the tensors it touched and their backward passes.

    ``trace(max_nodes)`` builds the plain model (trace/model.py) the views read.
    """

    def __init__(self, value, has_value, recorder, assigned, user_ns, names=NAMES):
        self.value = value
        self.has_value = has_value
        self.recorder = recorder
        self.assigned = assigned
        self.user_ns = user_ns
        self.names = names
        self._traces = {}

    def trace(self, max_nodes=None, iteration="last"):
        """The trace model of this run (built once per node cap and drawn iteration: "last" or "first")."""
        key = (max_nodes, iteration)
        if key not in self._traces:
            self._traces[key] = build_trace(self, max_nodes, iteration)
        return self._traces[key]

    def tensors(self):
        return self.trace().tensors

    def graph(self, max_nodes=None):
        return self.trace(max_nodes).graph

    def inputs(self):
        """[(name, values)] of the cell's inputs, what sliders can move: for each name, the leaf that requires
        grad created at one place in the source, the first time the cell ran that place (a loop that rebinds
        the name to new leaves later does not make new inputs); values as they were created."""
        return [(name, values) for name, (_, values) in self.first_leaves.items()]

    @property
    def sites(self):
        """{input name: "line:column" of the assignment that created it}."""
        return {name: site for name, (site, _) in self.first_leaves.items()}


_SLIDER_COPY = 64  # inputs up to this many elements keep their created values (sliders need at most 8)


def run_cell(source, user_ns, filename="<%%grad>", overrides=None, transform=None, caps=None, record=True):
    """Execute Python source in user_ns like a normal cell (exceptions propagate); return a CellRun.

    overrides: {(name, site): array} (site as in CellRun.sites): the first leaf tensor the assignment at site
    creates gets these values instead of the ones written in the cell (what a slider does). When the cell now
    creates a tensor of another shape there, the override is left out and said so in CellRun.notes.
    A key that is a plain name (trace.probe) sets every leaf assigned to that name; a Tensor given there takes
    the leaf's place.
    transform: called on every value the cell assigns to a name or computes in an expression; its result is used
    instead (trace.probe turns float32 constants into float64 for central differences).
    caps: model.Caps, what the recorder keeps arrays for (``steps=0``: no view draws nodes, so neither nodes nor
    the source text of expressions nor module calls are recorded: names, outputs and leaves' .grad are);
    record=False: no backward events are recorded (a re-run that only wants the cell's values, as trace.probe's).
    """
    nodes = record and (caps is None or caps.steps > 0)   # a view draws nodes: expressions name them
    # (without a view that draws nodes nor a transform, only assignments are tagged: a training loop's
    # expressions cost nothing extra)
    cell = compile_cell(source, filename, names_only=not nodes and transform is None, lean=transform is None)
    recorder = Recorder(NAMES, caps)
    tag = Tagging(NAMES, transform, nodes, dict(overrides or {}))
    assigned, first_leaves, notes, plain_sites = tag.assigned, tag.first_leaves, tag.notes, tag.plain_sites
    user_ns[TAG] = tag
    scopes = ModuleScopes(_ENGINE_SCOPES) if nodes else None
    try:
        with torch_is_the_engine(user_ns, cell.bound), \
                (recorder.listening() if record else contextlib.nullcontext()), \
                (scopes.recording() if nodes else contextlib.nullcontext()):
            run_code(cell.body, user_ns)
            value = run_code(cell.last, user_ns) if cell.last is not None else None
    except BaseException as exc:
        # What the cell built before it raised, for the views to draw under the traceback
        # (``partial_run(exc)``); the exception itself propagates unchanged.
        partial = CellRun(None, False, recorder, assigned, user_ns)
        partial.first_leaves, partial.notes, partial.scopes = first_leaves, notes, scopes
        try:
            exc.__dict__[PARTIAL] = partial
        except (AttributeError, TypeError):  # an exception object without a __dict__
            pass
        raise
    finally:
        user_ns.pop(TAG, None)
    _late_leaves(user_ns, cell.bound, plain_sites, first_leaves, assigned)
    run = CellRun(value, cell.last is not None, recorder, assigned, user_ns)
    run.first_leaves, run.notes, run.scopes = first_leaves, notes, scopes
    return run


class Tagging:
    """What the tagged cell calls (``__autograd_magic_tag__(value, kind, text, site, expr)``) for every assignment
    and every operator/call expression it evaluates, and what it learns: the assignments (``assigned``: (name,
    weak reference)), the cell's first leaves (``first_leaves``), the sites of leaves made without requires_grad
    (``plain_sites``), notes. Kept short: a loop of 200k assignments calls it 400k times (an object, not a
    closure: compiled, its state is read without a lookup, see _compiled.py).

    overrides: {(name, site): array} or {name: values or Tensor} (see run_cell)."""

    def __init__(self, names, transform, nodes, overrides):
        self.names = names
        self.transform = transform
        self.nodes = nodes
        self.pending = overrides
        self.by_name = {k: v for k, v in overrides.items() if isinstance(k, str)}
        self.assigned = []
        self.first_leaves = {}
        self.notes = []
        self.plain_sites = {}   # name -> site of its first leaf that did not require grad (requires_grad_() may follow)
        self.prune_at = 256

    def __call__(self, value, kind, text, site=None, expr=None):
        if self.transform is not None:  # trace.probe: every value the source names or computes passes through it
            value = self.transform(value)
        if site is None:  # an expression: its node (if any, and not named yet) learns its source text
            if self.nodes:
                node = ei.unnoted_node(value)
                if node is not None:
                    self.names.new_label(node, value, text, None)
            return value
        if not ei.is_tensor(value):
            return value
        if ei.is_leaf(value):
            by_name = self.by_name
            if by_name and text in by_name:
                new = by_name[text]
                if ei.is_tensor(new):  # a probe's own leaf (trace.probe) takes the input's place
                    value = new
                else:
                    _set_values(value, np.array(new, dtype=ei.dtype_name(value)).reshape(ei.shape(value)))
            elif self.pending and (text, site) in self.pending:
                _override(value, text, self.pending.pop((text, site)), self.notes)
            if not ei.requires_grad(value):  # no graph, no row: only where it was made (see _late_leaves)
                self.plain_sites.setdefault(text, site)
                return value
            if text not in self.first_leaves and ei.dtype_name(value)[0] == "f":
                self.first_leaves[text] = (site, ei.value(value, copy=ei.size(value) <= _SLIDER_COPY))
        assigned = self.assigned
        ref = _weak(value)
        assigned.append((text, ref))
        if len(assigned) > self.prune_at:  # a loop's dead tensors leave the list: it holds what is alive (x2)
            assigned[:] = [entry for entry in assigned if entry[1]() is not None]
            self.prune_at = 2 * len(assigned) + 256
        self.names.name_tensor(value, text, site, self.nodes, expr, ref)
        return value


PARTIAL = "_autograd_magic_partial_run"


def partial_run(exc):
    """The CellRun of what a cell built before it raised exc (see run_cell), or None."""
    return getattr(exc, "__dict__", {}).get(PARTIAL)


def _late_leaves(user_ns, bound, plain_sites, first_leaves, assigned):
    """Leaves made without requires_grad and given it later in the cell (``x = torch.ones(2)`` then
    ``x.requires_grad_()``) are inputs too, tied to where they were made."""
    known = None
    for name, site in plain_sites.items():
        t = user_ns.get(name) if name in bound else None
        if not (ei.is_tensor(t) and ei.is_leaf(t) and ei.requires_grad(t)):
            continue
        if name not in first_leaves and ei.dtype_name(t)[0] == "f":
            first_leaves[name] = (site, ei.value(t, copy=ei.size(t) <= _SLIDER_COPY))
        known = {id(ref()) for _, ref in assigned} if known is None else known
        if id(t) not in known:
            assigned.append((name, _weak(t)))
            NAMES.name_tensor(t, name, site)


def _override(leaf, name, values, notes):
    values = np.asarray(values)
    if values.shape != ei.shape(leaf):
        notes.append(f"{name} now has shape {ei.shape(leaf)}, not {tuple(values.shape)}: "
                     "its slider values were not applied")
        return
    _set_values(leaf, np.array(values, dtype=ei.dtype_name(leaf)))


def _set_values(leaf, array):
    """Give a leaf the slider's values (through the public ``.data`` setter: the leaf keeps its identity)."""
    leaf.data = engine_torch.from_numpy(array)
