"""Ordered backward events: what each node of a backward pass received and what it sent on, for any observer.

``subscribe(observer)`` registers a callable that is called with one event object at a time, in the order the
engine does the work of each backward pass (``Tensor.backward``, ``torch.autograd.backward`` and
``torch.autograd.grad``, with or without ``create_graph``)::

    BackwardBegin   roots, the gradient given for each root, what kind of call it is
    NodeRun         a node ran: the gradient that came in, and for each input edge the contribution it sent
                    (and, for elementwise ops, the local derivative); one per node, in the engine's order
    Accumulate      a leaf's ``.grad`` is about to receive a gradient (``before`` is its value until then)
    BackwardEnd     the pass finished (``error`` says why it stopped, if it raised)

Every array in an event is a numpy array, also when ``create_graph=True`` made the gradients Tensors (then a
read-only view of their values): observers never see a Tensor that requires grad. The arrays are the engine's own
buffers, given without a copy so that observing stays cheap: never write to them, and copy what you keep after
the call returns (a leaf may adopt one as its ``.grad`` and add into it later).

Cost: the engine looks at ``SUBSCRIBERS`` once per backward pass; with no subscriber nothing else happens. An
observer with a false ``wants_nodes`` attribute gets no NodeRun events (when no other subscriber wants them, the
engine does no work per node at all). An observer that is the only subscriber may take a pass's nodes in one
piece instead of one NodeRun each: its ``tape(create_graph)`` returns a ``Tape`` (or None for NodeRun events), the
engine appends one raw entry per node to it and hands it over in ``BackwardEnd.tape`` (see Tape: a training loop
then pays a list append per node, not an event).

>>> from autograd_magic import torch
>>> seen = []
>>> x = torch.tensor(2.0, requires_grad=True)
>>> with subscribe(seen.append):
...     (x * x).backward()
>>> [type(e).__name__ for e in seen]
['BackwardBegin', 'NodeRun', 'NodeRun', 'Accumulate', 'BackwardEnd']
>>> seen[1].node.name(), float(seen[1].grad_in), [float(f.local) for f in seen[1].inputs]
('MulBackward0', 1.0, [2.0, 2.0])
"""
import itertools

import numpy as np

_NDARRAY = np.ndarray   # (a module global: compiled, read without a lookup in the numpy module)

SUBSCRIBERS = []   # the engine reads this list; subscribe() and Subscription.remove() change it

_pass_ids = itertools.count(1)

# Ops whose output element i depends only on element i of each (broadcast) input: for them the local derivative
# is the vjp of a gradient of ones, in the output's shape.
ELEMENTWISE = frozenset("""
    add sub rsub mul div div_scalar mul_scalar neg reciprocal pow pow_tensor rpow abs sign zero fill frac log1p exp
    log sqrt sin cos tan tanh sigmoid relu clamp clamp_min clamp_max maximum minimum where masked_fill
    masked_fill_t clone to_copy alias rsqrt erf atan asin acos sinh cosh log2 log10 exp2 expm1 logit atan2 hypot
    xlogy xlogy_other xlogy_self logaddexp lerp lerp_tensor addcmul addcdiv fmod fmod_tensor leaky_relu elu gelu
    softplus silu leaky_relu_ elu_ nan_to_num tanh_backward sigmoid_backward threshold_backward softplus_backward
""".split())


class Subscription:
    """What ``subscribe`` returns: ``.remove()`` (or leaving the ``with`` block) stops the events."""
    __slots__ = ("observer",)

    def __init__(self, observer):
        self.observer = observer

    def remove(self):
        try:
            SUBSCRIBERS.remove(self.observer)
        except ValueError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


def wants_nodes():
    """False when no subscriber reads NodeRun events (each says so by ``wants_nodes = False``): the engine then
    reports only the begin, the accumulations and the end of a pass, at no cost per node."""
    for observer in SUBSCRIBERS:
        if getattr(observer, "wants_nodes", True):
            return True
    return False


def node_mode(create_graph):
    """How the engine reports the nodes of a pass: None (nobody reads them), a Tape (the only subscriber takes
    the pass whole, see Tape), or True (a NodeRun event per node)."""
    if len(SUBSCRIBERS) == 1:
        observer = SUBSCRIBERS[0]
        take = getattr(observer, "tape", None)
        tape = take(create_graph) if take is not None else None
        if tape is not None:
            return tape   # (with steps=0: the pass's leaves only, no node)
        return True if getattr(observer, "wants_nodes", True) else None
    return True if wants_nodes() else None


class Tape(list):
    """The nodes of one backward pass as the engine ran them, for an observer that reads a pass whole
    (``steps=0``: no node at all, only the leaves' accumulations, see ``accumulated``).

    One entry per node, in order: ``(node, grad_in, saved, sent)``, the engine's own arrays without a copy
    (never write to them; copy what you keep when ``BackwardEnd`` arrives: after that the code may change them,
    e.g. ``.grad.zero_()``). Within the first ``steps`` entries, ``grad_in`` is given when it has at most
    ``elements`` elements (else None: a bigger one is passed to ``oversize(node, grad)`` during the pass, for the
    observer to copy what it wants at once), ``sent`` has per input edge the gradient sent (None: none;
    ``OMITTED``: over ``elements``), and ``saved`` what the vjp read (elementwise ops' local derivatives come
    from it; None for an AccumulateGrad). Past ``steps``: ``(node, None, None, sent)`` with every gradient
    ``OMITTED`` (which edges carried one). Nothing bigger than ``elements`` is held until the pass ends."""
    __slots__ = ("steps", "elements", "oversize", "xp", "sent", "handed_out", "accumulated", "leaf_steps",
                 "omitted", "values", "own_seeds")

    def __init__(self, steps, elements, oversize=None, sent=True, values=True):
        self.steps, self.elements, self.oversize = steps, elements, oversize
        # False: no view reads the leaves' values at each pass (tape_accumulate then copies none)
        self.values = values
        # False: the observer reads incoming gradients only; each entry's ``sent`` is then ALONG_EDGES (a gradient
        # along each edge that wants one, all OMITTED) and ``saved`` None
        self.sent = sent
        # ids of the pass's arrays that someone else holds and may change (the caller's root gradients, arrays a
        # leaf adopted as its .grad, autograd.grad's results); the engine writes to no other incoming gradient
        # after the pass, so an observer need copy only these (set by the engine)
        self.handed_out = frozenset()
        # how many of handed_out are seeds the engine made for this pass (backward() of a scalar output): no one
        # else holds them, and no leaf adopts them (so when handed_out has no more, nothing needs a copy)
        self.own_seeds = 0
        self.xp = None   # what the vjps were called with (set by the engine): flows() needs it for local derivatives
        # what Accumulate events would have said, for each leaf .grad received in the pass, in order (the
        # observer of a tape gets no Accumulate event): see tape_accumulate
        self.accumulated = []
        self.leaf_steps = []   # the indices of the AccumulateGrad entries (their leaves' values are in accumulated)
        self.omitted = 0       # entries whose grad_in is None (past steps or elements)


def is_elementwise(node):
    """Is node's op one whose local derivative is elementwise (see ELEMENTWISE)?"""
    return node.op.name in ELEMENTWISE


def subscribe(observer):
    """Call ``observer(event)`` for every backward event from now on; returns a Subscription."""
    SUBSCRIBERS.append(observer)
    return Subscription(observer)


def readonly(a):
    """A gradient as a numpy array: the engine's own array (plain backward: observers must not write to it), or
    a read-only view of a Tensor's array (create_graph=True), so that no observer ever holds a Tensor."""
    if a is None or a.__class__ is np.ndarray:
        return a
    view = np.asarray(getattr(a, "_data", a)).view()
    view.flags.writeable = False
    return view


class BackwardBegin:
    """A backward pass starts. ``call`` is "backward" or "grad" (torch.autograd.grad, which returns the
    gradients of ``inputs`` instead of accumulating them)."""
    __slots__ = ("pass_id", "call", "roots", "grads", "inputs", "create_graph", "retain_graph")

    def __init__(self, pass_id, call, roots, grads, inputs, create_graph, retain_graph):
        self.pass_id, self.call, self.roots, self.grads = pass_id, call, roots, grads
        self.inputs, self.create_graph, self.retain_graph = inputs, create_graph, retain_graph


class Flow:
    """One input edge of a node that ran: the gradient it sent to ``target`` (a node) and its local derivative;
    ``slot``: which output of a several-output target it went to (an SVD's U, S or Vh), None for a target of one
    output (gradients sent to different outputs of one node do not add up)."""
    __slots__ = ("index", "target", "contribution", "_local", "slot")

    def __init__(self, index, target, contribution, local, slot=None):
        self.index, self.target, self.contribution, self._local = index, target, contribution, local
        self.slot = slot

    @property
    def local(self):
        """d(output)/d(input) elementwise, in the output's shape, for elementwise ops; else None."""
        local = self._local
        if local.__class__ is _LocalProbe:
            local = self._local = local.compute(self.index)
        return local


class NodeRun:
    """A node ran: ``grad_in`` came in, ``inputs`` (one Flow per input edge that carries a gradient) went out.
    ``step`` counts the nodes of this pass from 0 in the order the engine ran them.

    ``inputs`` is built when first read (an observer that keeps only a few passes pays for those only); read it,
    or call ``keep()``, during the call: afterwards the values the local derivatives come from may have changed
    (an in-place update of a leaf, ``.grad.zero_()``)."""
    __slots__ = ("pass_id", "step", "node", "grad_in", "sent", "saved", "xp", "_inputs")

    def __init__(self, pass_id, step, node, grad_in, sent, saved=None, xp=None):
        self.pass_id, self.step, self.node, self.grad_in = pass_id, step, node, grad_in
        self.sent, self.saved, self.xp, self._inputs = sent, saved, xp, None

    @property
    def inputs(self):
        flows = self._inputs
        if flows is None:
            flows = self._inputs = _flows(self.node, self.sent, self._probe())
        return flows

    def _probe(self):
        if not self.sent or self.node.op.name not in ELEMENTWISE:
            return None
        return _LocalProbe(self.node, self.grad_in, self.saved, self.node.edges, self.xp)

    def keep(self, limit):
        """What stays true after the call, as ``(sent, local)``: per input edge a copy of the gradient sent (None:
        none sent; OMITTED: over ``limit`` elements), and what the local derivatives need (copies of the saved
        values, a probe computed now under create_graph, or None; always None for a negative limit).
        ``flows(node, grad, sent, local, xp)`` makes the Flows later (grad: any array of grad_in's shape)."""
        kept = []
        for g in self.sent:   # a loop, not a generator: this runs for every node of every recorded pass
            if g is not None:
                if g.__class__ is not np.ndarray:
                    g = readonly(g)
                g = g.copy() if g.size <= limit else OMITTED
            kept.append(g)
        sent = tuple(kept)
        local = None
        if limit >= 0 and kept and self.node.op.name in ELEMENTWISE:
            xp = self.xp
            if xp is None or not xp.is_numpy:  # create_graph: computed now (its few nodes are dropped)
                local = self._probe()
                local.compute(0)
            else:
                saved = self.saved
                local = tuple(s.copy() if s.__class__ is np.ndarray else s for s in saved) if saved else ()
        return sent, local


OMITTED = object()   # in NodeRun.keep(): a gradient was sent along this edge, its values were not kept


class _AlongEdges:
    """A Tape entry's ``sent`` when the tape was made with ``sent=False``: a gradient went along each of the
    node's edges that wants one (every one OMITTED), without a list per node."""
    __slots__ = ()

    def __bool__(self):
        return True

    def __repr__(self):
        return "ALONG_EDGES"


ALONG_EDGES = _AlongEdges()


def flows(node, grad, sent, local, xp):
    """The Flows of a node from what ``NodeRun.keep`` returned (contributions: the copies, None if OMITTED)."""
    if local is not None and local.__class__ is not _LocalProbe:
        local = _LocalProbe(node, grad, list(local) if local else None, node.edges, xp)
    return _flows(node, sent, local)


def _flows(node, sent, probe):
    """One Flow per input edge a gradient was sent along (its values: None when OMITTED)."""
    if not sent:
        return ()
    if sent is ALONG_EDGES:
        sent = [OMITTED] * len(node.edges)
    out = []
    for i, (g, e) in enumerate(zip(sent, node.edges)):
        if g is None or e is None:
            continue
        if g is OMITTED:
            g = None
        elif g.__class__ is not np.ndarray:
            g = readonly(g)
        if e.__class__ is tuple:   # (node, shape or Slot of a several-output node, dtype)
            out.append(Flow(i, e[0], g, probe, getattr(e[1], "nr", None)))
        else:
            out.append(Flow(i, e, g, probe))
    return tuple(out)


class Accumulate:
    """``leaf.grad`` is about to receive ``grad`` (after the leaf's hooks may change it); ``before`` is its
    current ``.grad`` as an array, or None; ``node``: the leaf's AccumulateGrad node (None when not given)."""
    __slots__ = ("pass_id", "leaf", "grad", "before", "node")

    def __init__(self, pass_id, leaf, grad, before, node=None):
        self.pass_id, self.leaf, self.grad, self.before, self.node = pass_id, leaf, grad, before, node


class BackwardEnd:
    """The pass is over; ``error`` is the exception that stopped it, or None; ``tape``: the pass's nodes, when
    the observer asked for them whole (see Tape), else None."""
    __slots__ = ("pass_id", "error", "tape")

    def __init__(self, pass_id, error, tape=None):
        self.pass_id, self.error, self.tape = pass_id, error, tape


class _LocalProbe:
    """Computes the local derivatives of an elementwise node on demand: its vjp applied to a gradient of ones."""
    __slots__ = ("node", "grad", "saved", "edges", "xp", "results")

    def __init__(self, node, grad, saved, edges, xp):
        self.node, self.grad, self.saved, self.edges, self.xp, self.results = node, grad, saved, edges, xp, None

    def compute(self, index):
        if self.results is None:
            self.results = ()
            xp = self.xp
            try:
                ones = np.ones(self.grad.shape, self.grad.dtype)
                if not xp.is_numpy:  # create_graph: the vjp is written for Tensors (its few nodes are dropped)
                    ones = xp.wrap(ones)
                got = self.node.op.vjp(xp, ones, self.saved, self.node.consts, self.edges)  # numpy quiet (fperror)
                self.results = tuple(None if r is None else np.asarray(getattr(r, "_data", r)) for r in got)
            except Exception:  # noqa: BLE001 - an op whose vjp cannot be probed has no local derivative shown
                self.results = ()
        if index < len(self.results) and self.results[index] is not None:
            local = self.results[index]
            if local.shape != self.grad.shape:
                local = np.broadcast_to(local, self.grad.shape)
            return readonly(local)
        return None


# ---------------------------------------------------------------- called by the engine (autograd.py)

def begin(roots, grads, capture, create_graph, retain_graph):
    """Emit BackwardBegin; returns the pass id the other calls carry."""
    pass_id = next(_pass_ids)
    inputs = None if capture is None else tuple(capture.values())
    grads = tuple(grads)
    for g in grads:   # (a plain pass's gradients are arrays: the tuple as it is)
        if g is not None and g.__class__ is not _NDARRAY:
            grads = tuple(readonly(g) for g in grads)
            break
    _emit(BackwardBegin(pass_id, "grad" if capture is not None else "backward", tuple(roots), grads, inputs,
                        create_graph, retain_graph))
    return pass_id


def node_ran(pass_id, step, node, grad, saved, sent, xp=None):
    """Emit NodeRun for a node whose vjp gave ``sent`` (one gradient or None per edge, reduced to the input);
    saved and xp: what the vjp was called with (for the local derivatives)."""
    if grad.__class__ is not np.ndarray:
        grad = readonly(grad)
    event = NodeRun(pass_id, step, node, grad, sent, saved, xp)
    if len(SUBSCRIBERS) == 1:
        SUBSCRIBERS[0](event)
        return
    for observer in tuple(SUBSCRIBERS):
        observer(event)


def accumulate(pass_id, leaf, grad, node=None):
    before = leaf._grad
    if before is not None:
        before = before._data   # the engine's own array, as a plain pass's gradients (observers only read)
        if before.__class__ is not np.ndarray:
            before = readonly(before)
    _emit(Accumulate(pass_id, leaf, grad if grad.__class__ is np.ndarray else readonly(grad), before, node))


ZERO_GRAD = "zero"         # past the elements cap: the leaf's .grad before the pass was all zeros (zero_())
NONZERO_GRAD = "nonzero"   # past the elements cap: it held other values (what they were is not kept)


def big_before(leaf):
    """What a pass past the elements cap says of the leaf's .grad before it: None (no .grad), ZERO_GRAD or
    NONZERO_GRAD (enough to tell a reset from an accumulation without a copy)."""
    before = leaf._grad
    if before is None:
        return None
    return NONZERO_GRAD if np.count_nonzero(before._data) else ZERO_GRAD


def tape_accumulate(tape, leaf, grad, node):
    """Instead of an Accumulate event: (leaf, node, grad, before, value) on ``tape.accumulated``, copies taken
    now (a hook after the accumulation may change the leaf or zero its .grad: what the event's observer would
    have copied at once); past ``tape.elements`` elements, grad and value are None and before is big_before's
    word for it; value is None too when ``tape.values`` is False."""
    if grad.size > tape.elements:
        tape.accumulated.append((leaf, node, None, big_before(leaf), None))
        return
    before = leaf._grad
    # (ndarray.copy: np.array's copy without its coercion of any input, ~100 ns less a copy, three a leaf a pass)
    tape.accumulated.append((leaf, node, grad.copy() if grad.__class__ is _NDARRAY else np.array(grad),
                             None if before is None else before._data.copy(),
                             leaf._data.copy() if tape.values else None))


def end(pass_id, error, tape=None):
    _emit(BackwardEnd(pass_id, error, tape))


def _emit(event):
    if len(SUBSCRIBERS) == 1:   # the common case (one %%grad cell listening), without a copy of the list
        SUBSCRIBERS[0](event)
        return
    for observer in tuple(SUBSCRIBERS):
        observer(event)
