"""Backward graph nodes, grad mode and the (iterative) backward pass."""
import re
import itertools
import operator
import weakref

import numpy as np

from . import dtypes, events, memory_format, sparse_grad
from .argcheck import tp_name
from .bufpool import sole_view as _sole_view, sum_into
from .fperror import FP_ERROR_STATE, ALL_IGNORED
from .node_saved_names import SAVED_NAMES


class _GradMode:
    enabled = True


GRAD_MODE = _GradMode()
# torch.autograd.graph.saved_tensors_hooks: a stack of (pack, unpack) pairs, the innermost last (saved_hooks.py)
SAVED_HOOKS = []
_sequence = itertools.count()
_NDARRAY = np.ndarray   # (a module global: compiled, np.ndarray is a module attribute read each time)
# anomaly mode while it is on (torch/autograd/anomaly_mode.py): [made(node), called as each node is made; failed(node),
# called when a node's work raises in a backward pass], as PyTorch's AnomalyMetadata keeps the Python stack where each
# node was made and warns with it when the node fails. [None, None] while the mode is off.
ANOMALY_HOOKS = [None, None]

FREED_MESSAGE = (
    "Trying to backward through the graph a second time (or directly access saved tensors after they have "
    "already been freed). Saved intermediate values of the graph are freed when you call .backward() or "
    "autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if "
    "you need to access saved tensors after calling backward.")


class RemovableHandle:
    """What ``register_hook`` returns: ``.remove()`` takes the hook away."""
    __module__ = "torch.utils.hooks"   # (printed <torch.utils.hooks.RemovableHandle object at 0x...>, as PyTorch's)
    _ids = itertools.count()

    def __init__(self, hooks, *more):
        self._hooks = hooks
        self._more = more   # other dicts the hook is in (a non-leaf tensor's own, see Tensor._backward_hooks)
        self.id = next(self._ids)

    def remove(self):
        self._hooks.pop(self.id, None)
        for hooks in self._more:
            hooks.pop(self.id, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


_SCALARS = frozenset((int, float, bool))   # tested as `x.__class__ in _SCALARS`


class Slot:
    """One output of a multi-output node (an autograd.Function returning several tensors, an LSTM layer): such an
    output's consumers have the edge (node, Slot, dtype), and the gradient they send is wrapped in Parts."""
    __slots__ = ("nr", "shape")

    def __init__(self, nr, shape):
        self.nr = nr
        self.shape = shape


class Parts(dict):
    """The gradients flowing into a multi-output node, by output number (added output by output)."""
    __slots__ = ()

    def __add__(self, other):
        out = Parts(self)
        for k, v in other.items():
            prev = out.get(k)
            out[k] = v if prev is None else prev + v
        return out

    def first(self):
        """The gradient of the lowest-numbered output that received one (what observers see of the node)."""
        return self[min(self)]


def edge_node(e):
    """The node an edge leads to (an edge is None, a node, or (node, input shape, input dtype))."""
    return e[0] if e.__class__ is tuple else e
_NO_EDGE = (None, 0)
FREED = ("freed",)  # Node.saved after a backward without retain_graph


class _getset(property):
    """A read-only attribute of a graph node, refused as PyTorch's C getsets refuse it."""

    def __set_name__(self, owner, name):
        self.attr = name

    def __set__(self, obj, value):
        raise AttributeError(f"attribute '{self.attr}' of '{type(obj).__name__}' objects is not writable")

    def __delete__(self, obj):
        self.__set__(obj, None)


# The pieces of one unbind / split / chunk call: node -> a token shared by the call's nodes. PyTorch runs one node
# for the call, whose backward stacks (cats) the pieces' gradients, a piece without one as zeros; here each piece
# has its own node, whose gradient is zeros but its piece. Added together, a piece's -0.0 would become +0.0
# (d(a - b*c)/dc of the row that does not use c), so the backward pass writes a sibling's piece in instead of
# adding it (_call_node).
PIECES = weakref.WeakKeyDictionary()
_PIECES_DATA = PIECES.data   # (its dict, the same object for good: read as a module global, cheap when empty)
_PIECE = "piece of"   # buffers[(_PIECE, node)]: the call whose pieces node's gradient holds so far


class Node:
    """A backward function (``grad_fn``): one output, one entry in ``next_functions`` per input.

    Inputs may be Python scalars (``x * 2``): they get the edge ``(None, 0)``, as in PyTorch.
    """
    # note: None for the engine; a reader of the source may keep what it says about the node there
    # (engine.inspect.note / set_note): it goes when the node goes, and nothing of it is visible in PyTorch's API.
    __slots__ = ("op", "edges", "saved", "consts", "seq", "extra", "note", "__weakref__")
    multi = False  # one output; MultiNode's outputs are told apart by Slot edges
    hooks_see_all_grads = False  # a custom Function's post hooks also see what it returned for inputs without grad

    def __init__(self, op, inputs, saved, consts, out):
        # edges[i]: None when input i wants no gradient; the node its gradient flows to when the input has the
        # output's shape and dtype; else (node, input shape, input dtype) for the final reduction.
        # Few objects per op keep the garbage collector's work low on long graphs.
        if SAVED_HOOKS and getattr(op, "saved_spec", None) is None:
            refuse_saved_hooks(op)
        self.op = op
        shape, dtype = out.shape, out.dtype
        edges = []
        for t in inputs:
            if t.__class__ in _SCALARS or not t._rg:
                edges.append(None)
                continue
            fn = t._fn or t._accum or t._accumulator()
            d = t._data
            if fn.multi:
                edges.append((fn, t._slot, d.dtype))
            elif d.shape == shape and d.dtype == dtype:
                edges.append(fn)
            else:
                edges.append((fn, d.shape, d.dtype))
        self.edges = tuple(edges)
        self.saved = saved
        self.consts = consts
        self.seq = next(_sequence)
        self.extra = self.note = None
        if ANOMALY_HOOKS[0] is not None:
            ANOMALY_HOOKS[0](self)

    @classmethod
    def with_scalar(cls, op, a, b, saved, out):
        """The node of `a (op) b` for a tensor a that requires grad and a Python number b (x * 2, y + 0.5): the
        same fields as __init__ gives, without its loop over inputs (the hottest path of scalar lessons)."""
        if SAVED_HOOKS and op.saved_spec is None:
            refuse_saved_hooks(op)
        node = object.__new__(cls)
        node.op = op
        fn = a._fn or a._accum or a._accumulator()
        d = a._data
        if fn.multi:
            node.edges = ((fn, a._slot, d.dtype), None)
        else:
            node.edges = (fn if d.shape == out.shape and d.dtype == out.dtype else (fn, d.shape, d.dtype), None)
        node.saved = saved
        node.consts = ()
        node.seq = next(_sequence)
        node.extra = node.note = None
        if ANOMALY_HOOKS[0] is not None:
            ANOMALY_HOOKS[0](node)
        return node

    @_getset
    def next_functions(self):
        edges = self.edges
        if self.op.node == "NotImplemented":   # (PyTorch's NotImplemented node has edges to grad-requiring inputs only)
            edges = [e for e in edges if e is not None]
        return tuple(_NO_EDGE if e is None else (_named(e[0]), e[1].nr) if e.__class__ is tuple and
                     e[1].__class__ is Slot else (_named(edge_node(e)), 0) for e in edges)

    def _extra(self):
        if self.extra is None:
            self.extra = {}
        return self.extra

    @property
    def pre_hooks(self):
        return self.extra and self.extra.get("pre")

    @property
    def post_hooks(self):
        return self.extra and self.extra.get("post")

    @property
    def out_ref(self):
        return self.extra and self.extra.get("out")

    @out_ref.setter
    def out_ref(self, ref):
        self._extra()["out"] = ref

    @_getset
    def metadata(self):
        return self._extra().setdefault("metadata", {})

    def _hooks(self, kind):
        return self._extra().setdefault(kind, {})

    requires_grad = _getset(lambda self: True)   # (a node exists only for outputs that require grad)

    def name(self):
        return self.op.qualname

    def __repr__(self):
        return f"<{self.op.node} object at {hex(id(self))}>"

    def register_hook(self, fn):
        """fn(grad_inputs, grad_outputs), called after this node computed its gradients."""
        hooks = self._hooks("post")
        handle = RemovableHandle(hooks)
        hooks[handle.id] = fn
        return handle

    def register_prehook(self, fn):
        """fn(grad_outputs) -> new grad_outputs or None, called before this node runs."""
        hooks = self._hooks("pre")
        handle = RemovableHandle(hooks)
        hook = hooks[handle.id] = lambda g, fn=fn: _unwrap1(check_hook_results(fn, (g,), fn((g,))))
        hook.node_prehook = fn   # a several-output node calls fn with one gradient per output
        return handle

    def __call__(self, *grads):
        raise NotImplementedError(
            "autograd_magic implements a subset of PyTorch: calling a grad_fn node directly is not supported")


class MultiNode(Node):
    """A node with several outputs (one grad_fn shared by all, told apart by output number): its vjp receives
    Parts, {output number: gradient}, holding the outputs that received a gradient."""
    __slots__ = ("out_meta",)
    multi = True

    def _init(self, op, inputs, saved, consts, outputs):
        """Fill the node's fields and make it the grad_fn of each output (outputs: Tensors, in output order)."""
        if SAVED_HOOKS and getattr(op, "saved_spec", None) is None:
            refuse_saved_hooks(op)
        self.op = op
        edges = []
        for t in inputs:
            if t is None or t.__class__ in _SCALARS or not t._rg:
                edges.append(None)
                continue
            fn = t._fn or t._accum or t._accumulator()
            d = t._data
            edges.append((fn, t._slot, d.dtype) if fn.multi else (fn, d.shape, d.dtype))
        self.edges = tuple(edges)
        self.saved = saved
        self.consts = consts
        self.seq = next(_sequence)
        self.extra = self.note = None
        if ANOMALY_HOOKS[0] is not None:
            ANOMALY_HOOKS[0](self)
        self.out_meta = [None if out is None else (out._data.shape, out._data.dtype) for out in outputs]
        for i, out in enumerate(outputs):
            if out is not None:
                out._rg = True
                out._fn = self
                out._slot = Slot(i, out._data.shape)
        return self


# forward_ad.unsupported while a dual level is open: several-output ops call it with their name and inputs, and it
# raises when an input carries a tangent (tangents do not pass through these ops)
MULTI_OUTPUT_TANGENTS = [None]


def record_multi(op, inputs, outputs, saved=None, consts=()):
    """Record a multi-output op whose forward already ran: outputs (Tensors) share one node of op.node_cls."""
    return object.__new__(op.node_cls)._init(op, inputs, saved, consts, outputs)


def multi_node_type(name, module="builtins", attrs=None):
    """A MultiNode subclass named like PyTorch's backward class (``attrs`` may add methods; without __slots__
    in attrs, instances get a __dict__, as a custom Function's ctx needs)."""
    ns = {"__module__": module, "__qualname__": name, "__getattr__": _saved_attribute}
    ns.update(attrs or {"__slots__": ()})
    return type(name, (MultiNode,), ns)


# [saved_hooks.saved_attribute], set when saved_hooks loads (it imports this module)
SAVED_ATTRIBUTE = [None]


def _saved_attribute(node, attr):
    """``__getattr__`` of the PyTorch-named node classes (only reached for names a node does not have: the
    ``_saved_`` family, saved_hooks.saved_attribute). Not on Node itself: a class with ``__getattr__`` makes every
    attribute read of its instances take CPython's slow path, and the engine's nodes are plain Nodes until one
    reaches the user (``_named``)."""
    return SAVED_ATTRIBUTE[0](node, attr)


def _unwrap1(result):
    return None if result is None else result[0]


def _named(node):
    """node as an instance of its PyTorch-named class (see Tensor.grad_fn), once it reaches the user."""
    if node.__class__ is Node:
        node.__class__ = node.op.node_cls
    return node


_NODE_TYPES = {}


def node_type(name):
    """The Node subclass named like PyTorch's backward class (``type(y._fn)`` prints ``<class 'MulBackward0'>``)."""
    cls = _NODE_TYPES.get(name)
    if cls is None:
        cls = _NODE_TYPES[name] = type(name, (Node,), {"__slots__": (), "__module__": "builtins",
                                                        "__qualname__": name, "__getattr__": _saved_attribute})
    return cls


def cpp_function_type():
    """The class PyTorch gives a node that has no Python binding of its own (torch::autograd::Identity):
    ``<class 'CppFunction'>``, printed ``<CppFunction object at ...>``; a tensor's repr and name() still say which."""
    cls = _NODE_TYPES.get("CppFunction")
    if cls is None:
        cls = _NODE_TYPES["CppFunction"] = type("CppFunction", (Node,), {
            "__slots__": (), "__module__": "builtins", "__qualname__": "CppFunction", "__getattr__": _saved_attribute,
            "__repr__": lambda self: f"<CppFunction object at {hex(id(self))}>"})
    return cls


# what dir() of a PyTorch node lists besides its _saved_ attributes (those the engine's nodes have)
_NODE_DIR = ("__call__", "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
             "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__",
             "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__",
             "__str__", "__subclasshook__", "metadata", "name", "next_functions", "register_hook",
             "register_prehook", "requires_grad")


class _AccumulateOp:
    node = "AccumulateGrad"
    qualname = "torch::autograd::AccumulateGrad"


class AccumulateGrad:
    """The node that adds a leaf's gradient into ``leaf.grad``."""
    __slots__ = ("variable", "extra", "trace_id", "note", "__weakref__")
    __module__ = "builtins"  # type(...) prints <class 'AccumulateGrad'>, as in PyTorch
    op = _AccumulateOp
    multi = False
    saved = ()
    seq = -1
    next_functions = _getset(lambda self: ())
    edges = ()

    def __init__(self, variable):
        self.variable = variable
        self.extra = self.note = None
        self.trace_id = None   # engine.inspect.node_id's number for it, given when first asked

    name = Node.name
    requires_grad = Node.requires_grad
    __repr__ = Node.__repr__
    __dir__ = lambda self: sorted({*_NODE_DIR, "variable"})   # noqa: E731 - as PyTorch lists it
    register_hook = Node.register_hook
    register_prehook = Node.register_prehook
    _extra = Node._extra
    _hooks = Node._hooks
    pre_hooks = Node.pre_hooks
    post_hooks = Node.post_hooks
    metadata = Node.metadata
    out_ref = None


# ---------------------------------------------------------------- the backward pass

def reachable(roots):
    """Every node reachable from roots (iteratively: graphs can be 1e5 deep): the engine's one graph traversal,
    which orders the backward pass and inspect.graph_nodes."""
    seen = set()
    stack = []
    for r in roots:
        if r not in seen:
            seen.add(r)
            stack.append(r)
    order = list(stack)
    while stack:
        for e in stack.pop().edges:
            if e is None:
                continue
            fn = e[0] if e.__class__ is tuple else e
            if fn not in seen:
                seen.add(fn)
                stack.append(fn)
                order.append(fn)
    return order


_seq = operator.attrgetter("seq")


# The backward passes running (the innermost last), each [id, roots, capture, accumulate_into, nodes it runs or None
# until asked]: PyTorch's graph tasks, for torch.autograd.graph.register_multi_grad_hook.
GRAPH_TASKS = []
_TASK_IDS = itertools.count()


def current_graph_task_id():
    """The running backward pass's id (-1 outside one), as torch._C._current_graph_task_id."""
    return GRAPH_TASKS[-1][0] if GRAPH_TASKS else -1


def is_checkpoint_valid():
    """Whether a reentrant checkpoint may run its backward here: not inside a pass that computes gradients for given
    inputs only (autograd.grad, backward(inputs=)), nor nested in one (PyTorch's Engine::is_checkpoint_valid)."""
    return all(task[2] is None and task[3] is None for task in GRAPH_TASKS)


def will_execute(node):
    """Whether the running backward pass calls node: it is reachable from the roots and, when the pass computes
    gradients for given inputs only (autograd.grad, backward(inputs=)), leads to one of them or is one (its
    gradient is taken there), as PyTorch's exec_info says (``should_execute``)."""
    task = GRAPH_TASKS[-1]
    if task[4] is None:
        order = reachable([r._fn if r._fn is not None else r._accumulator() for r in task[1]])
        targets = task[2] if task[2] is not None else task[3]
        task[4] = set(order) if targets is None else set(_needed(sorted(order, key=_seq, reverse=True), targets)[0])
    return node in task[4]


class EngineSeeds(tuple):
    """root_grads the engine made for this pass alone (backward() of a scalar output: its ones): still never
    adopted as a leaf's .grad, but observers need not copy them (events.Tape.own_seeds)."""
    __slots__ = ()


def run_backward(roots, root_grads, *, keep_graph, create_graph, capture=None, accumulate_into=None,
                 xp=None, to_tensor=None):
    """The backward pass (see _run_backward), with numpy's floating-point warnings off as PyTorch is silent."""
    token = FP_ERROR_STATE.set(ALL_IGNORED)
    GRAPH_TASKS.append([next(_TASK_IDS), roots, capture, accumulate_into, None])
    try:
        if events.SUBSCRIBERS:
            return _observed_backward(roots, root_grads, keep_graph, create_graph, capture, accumulate_into, xp,
                                      to_tensor)
        return _run_backward(roots, root_grads, keep_graph, create_graph, capture, accumulate_into, xp, to_tensor)
    finally:
        GRAPH_TASKS.pop()
        FP_ERROR_STATE.reset(token)


def _observed_backward(roots, root_grads, keep_graph, create_graph, capture, accumulate_into, xp, to_tensor):
    """_run_backward with events (see events.py) around it and for each node."""
    pass_id = events.begin(roots, root_grads, capture, create_graph, keep_graph)
    error = None
    nodes = events.node_mode(create_graph)
    try:
        return _run_backward(roots, root_grads, keep_graph, create_graph, capture, accumulate_into, xp, to_tensor,
                             pass_id, nodes)
    except BaseException as exc:
        error = exc
        raise
    finally:
        events.end(pass_id, error, nodes if nodes.__class__ is events.Tape else None)


def _run_backward(roots, root_grads, keep_graph, create_graph, capture, accumulate_into, xp, to_tensor,
                  pass_id=None, node_events=True):
    """Propagate root_grads from the roots' grad_fns.

    A node is always created after its inputs, so decreasing creation number is a topological order:
    one sort replaces dependency counting.
    capture: {node: slot} whose incoming gradient is returned instead of accumulated (autograd.grad);
    accumulate_into: None for every leaf, else the set of AccumulateGrad nodes that may accumulate.
    pass_id: set when someone subscribed to backward events: each leaf's accumulation is then reported, and each
    node's work as node_events says (events.node_mode): None: not at all; an events.Tape: appended to it; else a
    NodeRun event per node.
    """
    nodes = [r._fn if r._fn is not None else r._accumulator() for r in roots]
    order = reachable(nodes)
    order.sort(key=_seq, reverse=True)
    run_op = None
    if capture is not None or accumulate_into is not None:
        # gradients for given inputs only (autograd.grad, backward(inputs=)): as PyTorch, only the nodes on a path
        # to one of them run (hooks elsewhere do not fire, nodes elsewhere keep what they saved), and an input's
        # own node runs only if it also leads to another input
        order, run_op = _needed(order, capture if capture is not None else accumulate_into)
    buffers = {}
    for r, node, g in zip(roots, nodes, root_grads):
        if node.multi:
            g = Parts({r._slot.nr: g})
        prev = buffers.get(node)
        buffers[node] = g if prev is None else prev + g
    captured = {}
    step = 0
    tape = node_events if node_events.__class__ is events.Tape else None
    leaves = tape   # where the leaves' accumulations go (a tape of steps=0 takes no node)
    if tape is not None and tape.steps == 0:
        tape = None
        node_events = None
    if leaves is not None:
        leaves.xp = xp
    nodes_seen = pass_id is not None and tape is None and bool(node_events)
    pop = buffers.pop
    # Arrays a leaf may adopt as its .grad without a copy: not the caller's, not adopted twice.
    taken = {id(g) for g in root_grads}
    if leaves is not None:
        leaves.handed_out = taken
        if root_grads.__class__ is EngineSeeds:
            leaves.own_seeds = len(taken)
    if tape is not None:
        tape_steps, tape_elements, tape_sent, along_edges = tape.steps, tape.elements, tape.sent, events.ALONG_EDGES
    node = None
    try:
        for node in order:
            grad = pop(node, None)
            if grad is None:
                continue
            if node.op is _AccumulateOp:
                # a leaf's own hooks (Tensor.register_hook) come first, and run for autograd.grad's captured
                # gradient too; the AccumulateGrad node's own pre-hooks only when the node runs
                hooks = node.variable._hooks
                if hooks and not node.variable._untracked_view:
                    hooked = _run_tensor_hooks(hooks, grad, to_tensor, create_graph)
                    if hooked is not grad:
                        taken.add(id(hooked))
                        grad = hooked
            if node.extra is not None and (capture is None or node.op is not _AccumulateOp or node not in capture):
                hooked = _run_pre_hooks(node, grad, to_tensor, create_graph)
                if hooked is None:
                    continue   # a grad_fn pre-hook took the gradient away: the node does not run
                if hooked is not grad:   # a hook's own tensor: someone else may hold it
                    taken.add(id(hooked))
                    grad = hooked
            if capture is not None and node in capture:
                captured[node] = grad
                taken.add(id(grad))   # returned to the caller: not adopted as a .grad too, and observers copy it
            op = node.op
            if run_op is not None and op is not _AccumulateOp and node not in run_op:
                # an input's node that leads to no other input: its gradient is taken, it does not run (observers hear
                # that the gradient reached it, with nothing sent on)
                if tape is not None:
                    _tape_node(tape, step, node, grad if grad.__class__ is not Parts else _first_output_grad(node, grad),
                               None, ())
                    step += 1
                elif nodes_seen:
                    events.node_ran(pass_id, step, node, _first_output_grad(node, grad), None, ())
                    step += 1
                continue
            if op is _AccumulateOp:
                if tape is not None:
                    tape.leaf_steps.append(len(tape))
                    _tape_node(tape, step, node, grad, None, ())
                    step += 1
                elif nodes_seen:
                    events.node_ran(pass_id, step, node, grad, None, ())
                    step += 1
                if capture is None and (accumulate_into is None or node in accumulate_into):
                    # PyTorch's AccumulateGrad reads the leaf's requires_grad when it runs: a leaf frozen
                    # (requires_grad_(False)) after the graph was built takes no gradient; its hooks (the tensor's
                    # post-accumulate-grad hooks too) run as before
                    frozen = not node.variable._rg
                    if pass_id is not None and not node.variable._untracked_view and not frozen:
                        if leaves is not None:
                            events.tape_accumulate(leaves, node.variable, grad, node)
                        else:
                            events.accumulate(pass_id, node.variable, grad, node)
                    _accumulate(node.variable, grad, create_graph, to_tensor, taken, xp, frozen)
                    if node.extra is not None and node.post_hooks:
                        # grad_fn.register_hook on an AccumulateGrad: fn((), (grad,)), after the accumulation
                        g = to_tensor(grad)
                        for fn in list(node.post_hooks.values()):
                            check_hook_results(fn, (), fn((), (g,)))
                continue
            if tape is not None:
                g = grad if grad.__class__ is not Parts else _first_output_grad(node, grad)
                keep = step < tape_steps and g.size <= tape_elements
                if tape_sent:
                    saved, sent = _call_node(node, grad, keep_graph, xp, buffers, tape_elements if keep else -1,
                                             to_tensor)
                    _tape_node(tape, step, node, g, saved, sent, keep)
                else:   # the observer reads incoming gradients only: no list of what each edge sent
                    _call_node(node, grad, keep_graph, xp, buffers, to_tensor=to_tensor)
                    _tape_node(tape, step, node, g, None, along_edges, keep)
                step += 1
            elif not nodes_seen:
                _call_node(node, grad, keep_graph, xp, buffers, to_tensor=to_tensor)
            else:
                saved, sent = _call_node(node, grad, keep_graph, xp, buffers, True, to_tensor)
                events.node_ran(pass_id, step, node, _first_output_grad(node, grad), saved, sent, xp)
                step += 1
    except BaseException:
        if ANOMALY_HOOKS[1] is not None and node is not None:
            ANOMALY_HOOKS[1](node)   # (PyTorch's GraphTask::set_exception: the failing node's stack)
        raise
    return captured


def _needed(order, targets):
    """(the nodes of order, outputs first, that lead to a target or are one; the nodes among them whose op runs:
    those that lead to a target), as PyTorch's exec_info marks them."""
    needed, run = set(), set()
    for node in reversed(order):   # (a node's inputs' nodes come before it)
        for e in node.edges:
            if e is not None and (e[0] if e.__class__ is tuple else e) in needed:
                run.add(node)
                needed.add(node)
                break
        else:
            if node in targets:
                needed.add(node)
    return [n for n in order if n in needed], run


def _tape_node(tape, step, node, grad, saved, sent, keep=None):
    """One entry of an events.Tape (see there): the arrays themselves within the tape's limits, else markers."""
    if keep is None:
        keep = step < tape.steps and grad.size <= tape.elements
    if keep:
        tape.append((node, grad, saved, sent))
        return
    tape.append((node, None, None, sent))
    tape.omitted += 1
    if step < tape.steps and tape.oversize is not None:
        tape.oversize(node, grad)


def _first_output_grad(node, grad):
    """What backward events report as a node's incoming gradient: for a several-output node, its output 0's
    (zeros when none flowed into it; the other outputs' gradients are not reported)."""
    if grad.__class__ is not Parts:
        return grad
    g = grad.get(0)
    if g is None:
        meta = node.out_meta[0]
        g = np.zeros(meta[0], meta[1]) if meta is not None else grad.first()
    return g


def _call_hook(fn, g):
    """A tensor hook's result for gradient g (None: g stays), refused as PyTorch refuses it (check_hook_result)."""
    new = fn(g)
    if new is not None:
        check_hook_result(fn, g, new)
    return new


def _hook_name(fn):
    name = getattr(fn, "__name__", None)
    return name if isinstance(name, str) else "<unknown>"


def check_hook_result(fn, original, new):
    """PyTorch's checks of one gradient a hook returned in place of original (None: kept)."""
    if new is None:
        return
    if original is None:
        raise RuntimeError("can't replace a None gradient with a non-None value")
    if not hasattr(new, "_data") or not hasattr(new, "grad_fn"):
        raise TypeError(f"expected Variable, but hook returned '{type(new).__name__}'")
    if new.dtype != original.dtype or new.layout != original.layout:
        raise RuntimeError(f"hook '{_hook_name(fn)}' has changed the type of value (was {original.type()} got "
                           f"{new.type()})")
    if new.shape != original.shape:
        raise RuntimeError(f"hook '{_hook_name(fn)}' has changed the size of value")


def check_hook_results(fn, originals, new):
    """PyTorch's checks of what a grad_fn hook returned in place of the tuple originals (None: kept)."""
    if new is None:
        return None
    if not isinstance(new, tuple):
        raise TypeError(f"expected tuple, but hook returned '{type(new).__name__}'")
    if len(new) != len(originals):
        raise RuntimeError(f"hook '{_hook_name(fn)}' has returned an incorrect number of values (got {len(new)}, "
                           f"but expected {len(originals)})")
    for o, n in zip(originals, new):
        check_hook_result(fn, o, n)
    return new


def _run_tensor_hooks(hooks, grad, to_tensor, create_graph):
    for fn in list(hooks.values()):
        new = _call_hook(fn, to_tensor(grad))
        if new is not None:
            grad = new if create_graph else _grad_of(new)
    return grad


def _run_pre_hooks(node, grad, to_tensor, create_graph):
    if grad.__class__ is Parts:
        return _run_multi_pre_hooks(node, grad, to_tensor, create_graph)
    ref = node.out_ref
    out = ref() if ref else None
    hooks = node.pre_hooks
    # PyTorch's order: the tensor's hooks (register_hook), then retain_grad(), then grad_fn.register_prehook's
    hooks = list(hooks.values()) if hooks else ()
    for fn in hooks:
        if not hasattr(fn, "node_prehook"):
            new = _call_hook(fn, to_tensor(grad))
            if new is not None:
                grad = new if create_graph else _grad_of(new)
    if out is not None and out._retains_grad:
        _retain(out, to_tensor(grad), create_graph)
    for fn in hooks:
        raw = getattr(fn, "node_prehook", None)
        if raw is not None:
            g = (to_tensor(grad),)
            new = check_hook_results(raw, g, raw(g))
            if new is not None:
                if new[0] is None:
                    return None
                grad = new[0] if create_graph else _grad_of(new[0])
    return grad


def _grad_of(t):
    """The gradient array a hook's returned tensor stands for (a sparse one stays sparse)."""
    return t._data if t._coo is None else sparse_grad.of_tensor(t)


def _retain(out, g, create_graph):
    """retain_grad(): g added into out.grad."""
    if out._grad is None:
        out._grad = g if create_graph else g.detach().clone()
    else:
        out._grad = out._grad + g if create_graph else out._grad.__class__._wrap(out._grad._data + g._data)


def _run_multi_pre_hooks(node, grad, to_tensor, create_graph):
    """The hooks before a several-output node runs, in PyTorch's order: each output's tensor hooks (outputs in the
    order their first hook came, an output that received no gradient called with None), then each output's
    retain_grad(), then grad_fn.register_prehook's hooks: fn(grad_outputs), one entry per output (None where none
    flowed); a returned tuple replaces the gradients."""
    extra = node.extra
    for nr, hooks in list(extra.get("out_hooks", {}).items()):
        g = grad.get(nr)
        g = None if g is None else to_tensor(g)
        changed = False
        for fn in list(hooks.values()):
            new = fn(g) if g is None else _call_hook(fn, g)
            if new is not None:
                if g is None:
                    raise RuntimeError("can't replace a None gradient with a non-None value")
                g, changed = new, True
        if changed:
            grad = Parts(grad)
            grad[nr] = g if create_graph else g._data
    for nr, ref in extra.get("out_refs", {}).items():
        out = ref()
        if out is not None and out._retains_grad and out._fn is node and grad.get(nr) is not None:
            _retain(out, to_tensor(grad[nr]), create_graph)
    for fn in list((node.pre_hooks or {}).values()):
        raw = getattr(fn, "node_prehook", None)
        if raw is None:
            continue
        outs = tuple(None if grad.get(i) is None else to_tensor(grad[i]) for i in range(len(node.out_meta)))
        new = check_hook_results(raw, outs, raw(outs))
        if new is not None:
            grad = Parts({i: (t if create_graph else t._data) for i, t in enumerate(new) if t is not None})
    return grad


def _call_node(node, grad, keep_graph, xp, buffers, observed=False, to_tensor=None):
    """Run node's vjp and add each input's gradient into buffers[the node it flows to].

    observed: return (the saved values the vjp used, the gradient sent along each edge or None), for events;
    a number: the same, each gradient sent of more elements than that given as events.OMITTED (events.Tape).
    Post hooks (Node.register_hook) see the gradients as Tensors and may return replacements, as in PyTorch."""
    op = node.op
    saved = node.saved
    if saved is FREED:
        if op.saves or _frees(op, node):
            raise RuntimeError(FREED_MESSAGE)
        saved = None
    elif not saved:
        if not keep_graph and _frees(op, node):
            node.saved = FREED
    else:
        unpacked = []
        hooked = False
        for s in saved:
            if s.__class__ is Saved:
                vb = s.vbox if s.is_output else s.tensor._vb   # s.current(), inlined (every saved tensor)
                if (0 if vb is None else vb[0]) != s.version:
                    raise RuntimeError(_first_stale(node, saved, s)._version_message(node))
                s = s.data if xp.is_numpy else s.unpack(xp, node)
            elif s.__class__ is Packed:
                hooked = True
            unpacked.append(s)
        if hooked:
            _unpack_hooked(unpacked, xp, node)
        saved = unpacked
        if not keep_graph:
            node.saved = FREED
    edges = node.edges
    grads = op.vjp(xp, grad, saved, node.consts, edges)  # edges[i] is falsy iff input i wants no gradient
    hooked = node.extra is not None and node.post_hooks
    if hooked:
        grads = _run_post_hooks(node, grads, edges, grad, xp, to_tensor)
    grads_in = None
    if observed is not False:
        grads_in = []
        limit = None if observed is True else observed
    piece = PIECES.get(node) if _PIECES_DATA else None   # (no unbind/split piece alive: one dict's truth)
    for g, e in zip(grads, edges):
        if g is None or e is None:
            if grads_in is not None:
                grads_in.append(None)
            continue
        if e.__class__ is tuple:
            shape = e[1]
            if shape.__class__ is Slot:
                if g.shape != shape.shape or g.dtype != e[2]:
                    g = xp.fit(g, shape.shape, e[2])
                if grads_in is not None:
                    grads_in.append(g if limit is None or g.size <= limit else events.OMITTED)
                prev = buffers.get(e[0])
                g = Parts({shape.nr: g})
                buffers[e[0]] = g if prev is None else prev + g
                continue
            if g.shape != shape or g.dtype != e[2]:
                g = xp.fit(g, shape, e[2])
            e = e[0]
        prev = buffers.get(e)
        if prev is None:
            buffers[e] = g
            if piece is not None:
                buffers[(_PIECE, e)] = piece
        elif _PIECES_DATA and buffers.pop((_PIECE, e), None) is (piece or e):
            buffers[e] = _with_piece(prev, g, node.consts[0])   # (a sibling's piece: prev holds only zeros there)
            buffers[(_PIECE, e)] = piece
        else:
            buffers[e] = sum_into(prev, g)
        if grads_in is not None:
            grads_in.append(g if limit is None or g.size <= limit else events.OMITTED)
    if grads_in is not None:
        return saved, grads_in


def _with_piece(prev, g, key):
    """prev (the gradient of the call's pieces so far) with the piece at key taken from g, as PyTorch's stack of the
    pieces' gradients has it: prev + g but for the sign of a zero. When the backward pass is recorded, the sum's
    node is kept (its values made those of the stack)."""
    if prev.__class__ is np.ndarray and g.__class__ is np.ndarray:
        out = prev.copy()
        out[key] = g[key]
        return out
    summed = prev + g
    dst, a, b = (getattr(t, "_data", None) for t in (summed, prev, g))
    if all(x.__class__ is np.ndarray and x.shape == dst.shape for x in (dst, a, b)):
        dst[...] = a
        dst[key] = b[key]
    return summed


def _frees(op, node):
    """Whether a node that saved nothing is freed by a backward all the same: its op says so (OpDef.frees), or it
    keeps an index or mask array among its constants (embedding, gather, sort, where, nll_loss, max_pool2d's
    indices ...), a tensor PyTorch saves for backward; then a second backward without retain_graph raises."""
    if getattr(op, "frees", False):
        return True
    for c in node.consts:   # (loops, not any() over a generator: this runs for most nodes of every pass)
        cls = c.__class__
        if cls is _NDARRAY:
            return True
        if cls is tuple:
            for x in c:
                if x.__class__ is _NDARRAY:
                    return True
    return False


def _run_post_hooks(node, grads, edges, grad, xp, to_tensor):
    """fn(grad_inputs, grad_outputs) for each post hook, both tuples of Tensors (None where nothing flows; a
    several-output node's grad_outputs has one entry per output); a hook's returned tuple replaces grad_inputs."""
    wrap = to_tensor or (lambda g: g)
    fitted = []
    for g, e in zip(grads, edges):
        if g is not None and e is not None and e.__class__ is tuple:
            shape = e[1].shape if e[1].__class__ is Slot else e[1]
            if g.shape != shape or g.dtype != e[2]:
                g = xp.fit(g, shape, e[2])
        fitted.append(None if g is None or (e is None and not node.hooks_see_all_grads) else g)
    if grad.__class__ is Parts:
        outs = tuple(None if grad.get(i) is None else wrap(grad[i]) for i in range(len(node.out_meta)))
    else:
        outs = (wrap(grad),)
    grads_in = tuple(None if g is None else wrap(g) for g in fitted)
    for fn in list(node.post_hooks.values()):
        new = check_hook_results(fn, grads_in, fn(grads_in, outs))
        if new is not None:
            grads_in = new
    if xp.is_numpy:
        return [None if g is None else g._data if hasattr(g, "_data") else g for g in grads_in]
    return list(grads_in)




def _accumulate(leaf, grad, create_graph, to_tensor, taken, xp, frozen=False):
    if leaf._untracked_view:
        return
    if not frozen:   # (a leaf frozen since its graph was built takes no gradient; its post-accumulate hooks run)
        want = leaf.__dict__.get("_grad_dtype")   # Tensor.grad_dtype set to another dtype than the leaf's
        if want is not None and leaf._grad is None:
            grad = to_tensor(grad).to(want) if create_graph else np.asarray(grad).astype(want.np)
        if create_graph:
            g = to_tensor(grad)
            # the copy a leaf's .grad receives under create_graph (PyTorch records it: CopyBackwards)
            leaf._grad = xp.call("copy_grad", (g,)) if leaf._grad is None else leaf._grad + g
        else:
            _accumulate_data(leaf, grad, to_tensor, taken)
    post = leaf._post_acc_hooks
    if post:
        for fn in list(post.values()):
            _check_post_accumulate_result(fn(leaf))


def _check_post_accumulate_result(result):
    """PyTorch's check of what a post-accumulate-grad hook returned: None only."""
    if result is None:
        return
    if hasattr(result, "_data") and hasattr(result, "grad_fn"):
        raise RuntimeError("Tensor post accumulate grad hooks should return None.")
    raise TypeError(f"expected Variable, but hook returned '{tp_name(result)}'")


def _accumulate_data(leaf, grad, to_tensor, taken):
    if leaf._coo is not None or grad.__class__ is not _NDARRAY and grad.__class__ is sparse_grad.SparseGrad or \
            leaf._grad is not None and leaf._grad._coo is not None:
        # a sparse leaf, gradient or .grad: sparse or dense as PyTorch gives it (sparse_grad.py)
        return sparse_grad.ACCUMULATE[0](leaf, grad)
    data = grad
    if leaf._grad is None:
        own = leaf._data
        if not own.flags.c_contiguous and data.__class__ is _NDARRAY and data.shape == own.shape \
                and memory_format.dense(own):
            # PyTorch's layout contract: the .grad of a dense leaf has the leaf's strides (a channels-last or a
            # transposed parameter gets a channels-last or transposed .grad); any other leaf's is row-major
            if data.strides != own.strides or id(data) in taken or not data.flags.writeable \
                    or not _sole_view(data):
                data = memory_format.as_laid_out_as(data, own)
        elif data.__class__ is not _NDARRAY or id(data) in taken or not data.flags.writeable \
                or not _sole_view(data):
            data = np.array(data, order="C")  # a contiguous .grad, as PyTorch gives
        taken.add(id(data))
        leaf._grad = to_tensor(data)
    else:
        np.add(leaf._grad._data, data, out=leaf._grad._data, casting="unsafe")
        leaf._grad._vbox[0] += 1


def refuse_saved_hooks(op):
    """A node recorded under saved_tensors_hooks for an op whose saved tensors were not checked against PyTorch's."""
    raise NotImplementedError(
        "autograd_magic implements a subset of PyTorch: torch.autograd.graph.saved_tensors_hooks (and save_on_cpu) "
        f"around an op recorded as {getattr(op, 'node', op)} is not part of it (for this op the engine may save "
        "other tensors for backward than PyTorch, so the hooks would see another sequence)")


class Packed:
    """A tensor saved for backward as a saved_tensors_hooks pack hook returned it (packed), unpacked by its unpack
    hook when backward (or grad_fn._saved_*) uses it; rank is its place in PyTorch's order of the node's tensors.
    origin: whose autograd identity the unpacked tensor takes (PyTorch's SavedVariable keeps the saved tensor's
    grad_fn, or its grad accumulator): OUTPUT for the node's own output, the input tensor when it required grad,
    else None."""
    __slots__ = ("packed", "unpack_hook", "rank", "origin")

    def __init__(self, packed, unpack_hook, rank, origin=None):
        self.packed, self.unpack_hook, self.rank, self.origin = packed, unpack_hook, rank, origin

    def tensor(self):
        t = self.unpack_hook(self.packed)
        if not hasattr(t, "_data") or not hasattr(t, "grad_fn"):
            raise TypeError("Output of saved tensor unpack_hook expected to be a Tensor but got result of type "
                            f"{tp_name(t)}")
        return t

    def unpacked(self, node, rewrap):
        """The unpack hook's tensor as PyTorch's SavedVariable::unpack makes it: a new tensor of its data with the
        saved tensor's history (the node for an output: differentiable again under create_graph; an input's
        grad_fn or AccumulateGrad), so that a second derivative flows through hooked saved tensors."""
        t = self.tensor()
        origin = self.origin
        if origin is None or not hasattr(t, "_data"):
            return t
        if origin is OUTPUT:
            return rewrap(t._data, node)
        new = rewrap(t._data, origin._fn)
        if origin._fn is None:
            new._accum = origin._accumulator()
        elif origin._fn.multi:
            new._slot = origin._slot
        return new


# id(Saved) -> (that Saved, its output's tangent (level, tensor)) for the outputs made while a dual level is open
# (engine/forward_ad.py fills it, clears it when the level closes): PyTorch's SavedVariable keeps an output's forward
# gradient, so a backward under create_graph inside the level (forward-over-reverse) differentiates `g * result`
OUTPUT_TANGENTS = {}

OUTPUT = "output"   # (Packed.origin of a node's output: not the node itself, which would make a reference cycle)


def saved_origin(s):
    """Packed.origin of a Saved entry."""
    if s.is_output:
        return OUTPUT
    return s.tensor if s.tensor._rg else None


def pack_saved(node, out):
    """Give each tensor the node saved to the innermost pack hook, in PyTorch's order, with grad mode off (as
    PyTorch calls it); the node keeps what the hook returns."""
    spec, saved = node.op.saved_spec, node.saved
    if not spec or not saved:
        return
    pack, unpack = SAVED_HOOKS[-1]
    prev = GRAD_MODE.enabled
    GRAD_MODE.enabled = False
    try:
        for rank, (_, pos) in enumerate(spec):
            s = saved[pos]
            if s.__class__ is Saved:
                saved[pos] = Packed(pack(out if s.is_output else s.tensor), unpack, rank, saved_origin(s))
    finally:
        GRAD_MODE.enabled = prev


def _unpack_hooked(saved, xp, node):
    """Replace the Packed entries of saved by their unpack hooks' tensors (arrays in a plain backward; under
    create_graph with the saved tensors' history, Packed.unpacked), the hooks called in PyTorch's order with grad
    mode as PyTorch's backward has it (on only under create_graph)."""
    prev = GRAD_MODE.enabled
    GRAD_MODE.enabled = not xp.is_numpy
    try:
        for _, i in sorted((s.rank, i) for i, s in enumerate(saved) if s.__class__ is Packed):
            saved[i] = saved[i].tensor()._data if xp.is_numpy else saved[i].unpacked(node, xp.rewrap)
    finally:
        GRAD_MODE.enabled = prev


# the names PyTorch's generated nodes give an op's inputs and output when saved (torch.minimum: self, other)
_SAVE_NAMES = {0: "self", 1: "other", -1: "result"}


def _first_stale(node, saved, found):
    """The saved tensor a backward reports changed in place when several were: PyTorch's node unpacks its saved
    variables in the order of their names (MinimumBackward0: other, then self), so torch.minimum(D, D.t()) names
    the transpose. That order comes from the op's saved_spec where it has one, else from the engine's saves when
    they are the node's saved tensors under the usual names (self, other, result); else the engine's first (a custom
    Function's ctx.save_for_backward order is its own)."""
    op = node.op
    spec = getattr(op, "saved_spec", None)   # (a custom Function's node: its ctx order, the engine's own)
    if spec:
        order = [k for _, k in spec]
    else:
        names = [_SAVE_NAMES.get(i) for i in getattr(op, "saves", ())]
        listed = SAVED_NAMES.get(op.node)
        if listed is None or len(names) != len(saved) or None in names or sorted(names) != sorted(
                n[:-1] for n in (listed if listed.__class__ is str else "".join(listed)).split() if n[-1] == "*"):
            return found
        order = sorted(range(len(names)), key=names.__getitem__)
    for k in order:
        s = saved[k] if k < len(saved) else None
        if s.__class__ is Saved and s.current() != s.version:
            return s
    return found


_HINT = ("enable anomaly detection to find the operation that failed to compute its gradient, with "
         "torch.autograd.set_detect_anomaly(True, check_nan=False).")
# (the hint under anomaly mode, which has just warned with the failing node's forward stack)
_ANOMALY_HINT = ("the backtrace further above shows the operation that failed to compute its gradient. The variable "
                 "in question was changed in there or anywhere later. Good luck!")


class Saved:
    """A tensor saved for backward, with the version it had when saved.

    An input is kept as its Tensor (its version counter may not exist yet: a tensor never changed in place is at
    version 0); an output keeps only its array and counter, since output -> grad_fn -> output would be a cycle.
    """
    __slots__ = ("tensor", "data", "version", "vbox", "is_output")

    def __init__(self, tensor, is_output=False):
        self.data = tensor._data
        self.is_output = is_output
        if is_output:
            self.tensor = None
            self.vbox = tensor._vbox
            self.version = self.vbox[0]
        else:
            self.tensor = tensor
            self.vbox = None
            vb = tensor._vb
            self.version = vb[0] if vb is not None else 0

    def current(self):
        vb = self.vbox if self.is_output else self.tensor._vb
        return vb[0] if vb is not None else 0

    def unpack(self, xp, node):
        if self.current() != self.version:
            raise RuntimeError(self._version_message(node))
        if xp.is_numpy:
            return self.data
        if self.is_output:
            t = xp.rewrap(self.data, node)
            if OUTPUT_TANGENTS:   # a backward under create_graph inside a dual level: the output is dual there
                kept = OUTPUT_TANGENTS.get(id(self))
                if kept is not None and kept[0] is self:
                    t._fwt = kept[1]
            return t
        return self.tensor

    def _version_message(self, node):
        kind = dtypes.type_string(self.data.dtype)
        # the tensor's shape now (an in-place view change such as t_() may have changed it), as PyTorch prints it
        shape = ", ".join(str(n) for n in (self.data if self.is_output else self.tensor._data).shape)
        producer = node if self.is_output else self.tensor._current_fn()
        op = producer and producer.op
        if op is not None and op.name == "copy_slices_inplace" and self.is_output:
            # the result of a view's in-place op (its tensor: a weak reference to the view): PyTorch names the view's
            # grad_fn while the view lives, else the op's own node; a saved input names its own grad_fn, CopySlices
            view = self.tensor() if self.tensor is not None else None
            op = view._fn.op if view is not None and view._fn is not None else producer.consts[1]
        # PyTorch names the node without "Backward0" (AddBackward0: Add) or "Backward" (TBackward1: T1)
        where = f", which is output 0 of {re.sub(r'Backward(0$)?', '', op.qualname)}," if producer else ""
        return ("one of the variables needed for gradient computation has been modified by an inplace operation: "
                f"[{kind} [{shape}]]{where} is at version {self.current()}; expected version "
                f"{self.version} instead. Hint: {_ANOMALY_HINT if ANOMALY_HOOKS[1] is not None else _HINT}")
