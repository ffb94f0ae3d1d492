"""The trace model: one plain description of what a %%grad cell did, for every view to read.

No engine objects, no IPython, no formatting for a screen here: values are numpy arrays, names are strings,
nodes are named by ids (numbers). The parts:

- ``TensorInfo``: a tensor the cell touched (name, kind, shape, dtype, values, gradient, where it was made);
- ``GraphNode`` / ``GraphEdge`` / ``GraphSpec``: the backward graph as drawn (op nodes with PyTorch's names and
  tensor boxes; edges in the direction gradients flow), capped at a number of nodes;
- ``Pass``: one ``backward()`` or ``torch.autograd.grad`` call: roots, the gradient given, the ``Step`` s in
  the order the engine ran them, and each leaf's ``.grad`` before and after (``LeafGrad``);
- ``Step``: one node run: its name, the gradient that came in, and per input edge (``StepInput``) the target,
  the local derivative (elementwise ops) and the contribution sent;
- ``Trace``: all of the above for one run of a cell.

Arrays are kept only within caps (``Trace.caps``): steps past the cap keep their names and targets but no
arrays (``None``), so memory follows what can be drawn, not the length of the computation.
"""
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

LEAF, OUTPUT, INTERMEDIATE = "leaf", "output", "intermediate"

# What a leaf's .grad history shows of a long loop (views/history.py): the first and last SEGMENTS runs between
# two resets of .grad, and of each the first and last TERMS passes; the rest is counted (the recorder keeps
# arrays for just those, trace/loops.py).
SEGMENTS, TERMS = 2, 3


@dataclass
class TensorInfo:
    """One tensor the cell touched."""
    key: str                      # stable id within the result ("t3")
    name: Optional[str]           # the variable name the cell's source gives it ("x"), if any
    expr: Optional[str]           # the source expression of an unnamed temporary ("y * y"), if known
    kind: str                     # LEAF, OUTPUT or INTERMEDIATE
    shape: tuple
    dtype: str                    # "float32", "float64", ...
    value: np.ndarray             # a copy of the values
    grad: Optional[np.ndarray]    # d(output)/d(this tensor) summed over the cell's backward calls; None = not yet
    seed_grad: Optional[np.ndarray] = None   # for an OUTPUT: the gradient= given to backward, if any
    retained: bool = False        # PyTorch itself keeps .grad for it (a leaf, or retain_grad())
    site: Optional[str] = None    # where the cell made or named it ("line:column"), if known
    node_id: Optional[int] = None # its node in the graph (grad_fn, or a leaf's AccumulateGrad), if any
    passes: int = 0               # backward passes that started here (OUTPUT) or reached it (LEAF), when > 1
    history: Optional[list] = None   # its value (a scalar, else the norm) at each of those passes (loops)
    notes: list = field(default_factory=list)   # what else the row must say ("the code zeroed it ...")
    reset: Optional[str] = None   # "zero" / "none": after its last backward the code zeroed .grad / set it to None
    parameter: bool = False       # an nn.Parameter (printed as "Parameter containing:"; the table summarises it)

    @property
    def label(self):
        return self.name or self.expr or self.key


@dataclass
class GraphNode:
    """A node of the backward graph: an op (PyTorch's grad_fn name) or a tensor box."""
    id: str
    kind: str                     # "op" or "tensor"
    label: str                    # "MulBackward0", "AccumulateGrad", or the tensor's label
    tensor: Optional[TensorInfo] = None
    grad: Optional[np.ndarray] = None   # for an op node: the gradient that flowed into it (its output's grad)
    node_id: Optional[int] = None       # the trace's id of the engine node this box stands for
    scope: tuple = ()                   # the modules (keys of GraphSpec.scopes) that made it, outer to inner


@dataclass
class GraphEdge:
    src: str                      # gradient flows src -> dst (as in grad_fn.next_functions)
    dst: str


@dataclass
class GraphSpec:
    nodes: list = field(default_factory=list)
    edges: list = field(default_factory=list)
    has_gradients: bool = False   # False: drawn before any backward, gradients not shown
    omitted: int = 0              # nodes left out because of the node cap
    scopes: dict = field(default_factory=dict)   # module key -> label ("model.0: Linear(3 → 5)")
    repeats: int = 1              # backward passes that ran over graphs of this shape (a loop): one is drawn
    drawn: str = "last"           # which of them is drawn: "last" or "first"


@dataclass
class StepInput:
    """One input edge of a step: the gradient sent along it."""
    index: int                            # which input of the node (its place in next_functions)
    target: Optional[str]                 # name of the tensor or node the gradient flows to ("x", "y * y", "MulBackward0")
    target_id: int                        # the node it flows to (a node id of the trace)
    local: Optional[np.ndarray]           # d(node output)/d(input), elementwise ops only (output's shape); else None
    contribution: Optional[np.ndarray]    # the gradient sent, reduced to the input's shape
    slot: Optional[int] = None            # which output of a several-output target it went to (None: one output)


@dataclass
class Step:
    """One node run in a backward pass, in the engine's order."""
    index: int                            # position within its pass
    pass_index: int                       # which Pass it belongs to
    node: str                             # PyTorch's name: "MulBackward0", "AccumulateGrad"
    node_id: int
    tensor: Optional[str]                 # the source's name or expression of the node's output (or the leaf)
    grad_in: Optional[np.ndarray]         # the gradient that flowed into the node; None past the caps
    inputs: list = field(default_factory=list)   # [StepInput], one per input edge that carries a gradient
    value: Optional[np.ndarray] = None    # the node's output values when backward ran (within the caps)

    @classmethod
    def from_raw(cls, pass_index, index, raw):
        """raw: (node, node_id, tensor, grad_in, value, ((index, target, target_id, local, contribution), ...)),
        the tuple the recorder keeps (plain tuples cost the garbage collector nothing)."""
        node, node_id, tensor, grad_in, value, inputs = raw
        return cls(index=index, pass_index=pass_index, node=node, node_id=node_id, tensor=tensor, grad_in=grad_in,
                   inputs=[StepInput(*i) for i in inputs], value=value)


@dataclass(slots=True)   # (slots: one object a record, not two; a loop makes one per leaf per pass)
class LeafGrad:
    """What one pass did to a leaf's ``.grad``."""
    name: Optional[str]
    node_id: int
    before: Optional[np.ndarray]          # .grad before this pass (None: no gradient yet)
    added: Optional[np.ndarray]           # what this pass added
    after: Optional[np.ndarray]           # .grad right after the pass
    value: Optional[np.ndarray] = None    # the leaf's values when backward ran
    continued: Optional[bool] = None      # .grad before this pass is what the leaf's previous pass left (nothing
                                          # changed it in between); None: not known (first pass, arrays past caps)
    place: Optional[tuple] = field(default=None, repr=False, compare=False)   # (segment, term): the recorder's
                                          # bookkeeping of which records a history shows (trace/loops.py)


@dataclass(slots=True, weakref_slot=True)   # (slots: one object a pass, not two)
class Pass:
    """One backward call: ``backward()`` / ``torch.autograd.backward`` ("backward") or
    ``torch.autograd.grad`` ("grad", which returns gradients instead of accumulating them)."""
    index: int
    call: str
    roots: list                           # names of the tensors backward started from (None when unnamed)
    root_ids: list                        # their node ids
    gradient: list                        # per root: the gradient= given (np.ndarray), None for the implicit 1
    leaves: list = field(default_factory=list)    # [LeafGrad] in the order they were accumulated
    create_graph: bool = False
    retain_graph: bool = False
    error: Optional[str] = None           # the error that stopped the pass, if any
    omitted_arrays: int = 0               # steps whose arrays were not kept (caps)
    raw_steps: list = field(default_factory=list, repr=False)   # what the recorder wrote (see Step.from_raw)
    pending: Optional[object] = field(default=None, repr=False)  # a callable giving raw_steps, called once when
    _steps: Optional[list] = field(default=None, repr=False)     # steps are first read (the recorder's)

    @property
    def steps(self):
        """[Step] in the order the engine ran them (made from raw_steps when first asked for)."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            self.raw_steps[:0] = pending()
        if self._steps is None or len(self._steps) != len(self.raw_steps):
            self._steps = [Step.from_raw(self.index, k, raw) for k, raw in enumerate(self.raw_steps)]
        return self._steps

@dataclass
class Caps:
    """What the recorder keeps arrays for."""
    steps: int = 200                      # per pass, the first steps (nearest the outputs) keep their arrays;
                                          # 0: no step is recorded at all (no view shows nodes: the engine then
                                          # reports no node, and a loop pays per pass, not per op)
    elements: int = 4096                  # arrays with more elements are not kept per step
    passes: int = 20                      # passes that keep step arrays: the first and the most recent ones
    flows: bool = True                    # a step keeps what each edge sent and its local derivative (views that
                                          # walk a pass's edges read them: --steps, .steps of -o/-v); False: a
                                          # step keeps its incoming gradient and its edges' targets only
    histories: bool = True                # each output's value and each leaf's value and gradient norm per pass
                                          # (the table's loss curves and trajectories); False: pass counts only
    compact: bool = False                 # passes out of the window whose leaf records no history shows are let
                                          # go (counted only): nothing reads every pass (no -o/-v, no stepper)


@dataclass
class Trace:
    """Everything a view may show about one run of a cell."""
    tensors: list = field(default_factory=list)   # [TensorInfo]: the table's rows
    graph: GraphSpec = field(default_factory=GraphSpec)
    passes: list = field(default_factory=list)    # [Pass] (with compact caps: the ones a view may show)
    leaf_records: Optional[dict] = None   # {leaf node id: [LeafGrad] of every pass that reached it} (the recorder's)
    notes: list = field(default_factory=list)     # short notes about recording (a failure, caps reached)
    details: list = field(default_factory=list)   # the traceback behind each note ("" when none)
    caps: Caps = field(default_factory=Caps)

    @property
    def steps(self):
        """Every step of every pass, in the order the engine ran them."""
        return [s for p in self.passes for s in p.steps]
