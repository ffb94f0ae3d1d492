"""The recorder: listens to the engine's backward events while a cell runs and writes them down as model Passes.

It keeps arrays only within the caps (model.Caps): the first ``caps.steps`` steps of a pass (the nodes nearest
its outputs, which are the ones a graph can draw), arrays of at most ``caps.elements`` elements, and the step
arrays of the first pass and the ``caps.passes - 1`` latest ones (a loop's steady state under compact caps: the
LEAN_RING latest, see _lean_end). A failure while recording never reaches the
user's code: it becomes a note, and recording stops for the rest of the cell.
"""
import contextlib
import functools
import traceback

import numpy as np

from ..engine import events
from ..engine import inspect as ei
from ..engine.inspect import is_accumulate, node_id, node_name
from .loops import HIDDEN, LeafHistory, LeafThinning, Outputs, summary
from .model import Caps, LeafGrad, Pass
from .names import caller_names


# the event classes, read at every event (module globals: compiled, without a lookup in the events module)
_NODE_RUN, _ACCUMULATE, _BEGIN, _END = events.NodeRun, events.Accumulate, events.BackwardBegin, events.BackwardEnd
_ZERO_GRAD, _TAPE = events.ZERO_GRAD, events.Tape


class Recorder:
    """Subscribe with ``with recorder.listening(): ...``; afterwards read ``passes``, ``outputs``, ``node_grads``."""

    def __init__(self, names, caps=None):
        self.names = names
        self.caps = caps or Caps()
        self.passes = []         # the passes a view may show (compact caps: without those a long loop hid)
        self.count = 0           # backward passes begun
        self._sweep_at = 256     # (compact) passes kept when the next sweep for hidden passes runs
        self.outputs = Outputs()  # one entry per output name: the last tensor, pass count, history
        self.leaf_history = LeafHistory()
        # node -> gradient that flowed into it, summed over passes (within the caps), worked out when read
        self.node_grads = NodeGrads()
        self.notes = []          # short texts: what went wrong while recording
        self.details = []        # the tracebacks behind the notes
        self._pass = None
        self._raw = []           # what _node kept of the current pass's nodes
        self._shapes = {}        # node-name sequences of passes already seen (a loop repeats one)
        self._last_after = {}    # leaf node id -> its .grad when its latest pass ended (_UNKNOWN: past the caps)
        self._thinning = LeafThinning(_thin)
        self._leaves = []        # [(leaf tensor, LeafGrad)] of the current pass
        self._broken = False
        # a loop's steady state (compact caps only: nothing reads every pass): passes like the one before them
        # are kept as what they are (see _lean_end) and made into Passes only while they are among the latest
        # LEAN_RING (``_close_lean``); the others only add to the histories and the counts
        self._lean_on = self.caps.compact and (not self.caps.flows or self.caps.steps == 0)   # (steps=0: no step)
        self._lean = None        # the begun pass that may be lean: [index, roots, root_ids, gradient, oversized]
        self._ring = []          # the latest lean passes, not made into Passes yet (at most LEAN_RING + 1)
        # (AccumulateGrad nodes, continued flags, node ids) of the latest pass, when it can lead lean ones
        self._sig = None
        self._prev = None        # (root names, seeds) of the latest pass
        caps = self.caps
        # what each pass's events.Tape is made with besides _oversize (see tape; not held here: the recorder would
        # hold itself); the leaves' values at each pass are read by the table (histories) and the graph (nodes) only
        self._tape_args = (caps.steps, caps.elements, caps.flows, caps.histories or caps.steps > 0)

    @contextlib.contextmanager
    def listening(self):
        with events.subscribe(self):
            try:
                yield self
            finally:
                self._finish()

    def _finish(self):
        """The cell is over: the latest lean passes become Passes (what the views read)."""
        if self._broken:
            return
        try:
            if self._lean is not None:   # (a pass that began and never ended: as any pass would be)
                lean, self._lean = self._lean, None
                self._close_lean()
                self._lean_pass(lean)
                self._pass = None
            self._close_lean()
        except Exception as exc:  # noqa: BLE001 - recording must never change what the cell does
            self._fail(exc)

    @property
    def wants_nodes(self):
        """Read by the engine (events.wants_nodes): with ``caps.steps == 0`` no NodeRun event is asked for."""
        return self.caps.steps > 0

    def tape(self, create_graph):
        """Read by the engine (events.node_mode): a plain pass's nodes come whole, as an events.Tape handed over
        at its end (one list append per node while the pass runs); create_graph passes, whose gradients are
        Tensors, come as NodeRun events."""
        if create_graph or self._broken:
            return None
        args = self._tape_args
        return _TAPE(args[0], args[1], self._oversize, args[2], args[3])

    def __call__(self, event):
        if self._broken:
            return
        try:
            kind = event.__class__
            if kind is _END:
                self._end(event)
            elif kind is _BEGIN:
                self._begin(event)
            elif kind is _NODE_RUN:
                self._node(event)
            elif kind is _ACCUMULATE:
                self._accumulate(event)
        except Exception as exc:  # noqa: BLE001 - recording must never change what the cell does
            self._fail(exc)

    def _fail(self, exc):
        self._broken = True
        self.notes.append(f"recording the backward pass failed ({type(exc).__name__}: {exc}); "
                          "the views show what was recorded before")
        self.details.append(traceback.format_exc())

    # ------------------------------------------------------------ events

    def _begin(self, event):
        names, caps = self.names, self.caps
        backward = event.call == "backward"
        gradient, root_names, root_ids = [], [], []
        roots, grads = event.roots, event.grads
        for i in range(min(len(roots), len(grads))):   # (zip's pairs, without an iterator a pass)
            t, g = roots[i], grads[i]
            seed = None if g is None or (g.size == 1 and g.item() == 1) else np.array(g)
            gradient.append(seed)
            name = names.tensor_name(t)
            node = ei.graph_node(t)
            # an unnamed output is one output over the passes by its source text (a loop's
            # ``(w * w).sum().backward()`` is one row, not one per pass) ...
            label = names.label(node) if name is None and node is not None else None
            expr = label.expr if label is not None else None
            if name is None and expr is None and backward:
                # ... or as the function that called backward() names it: the local variable that holds it (a
                # training function's or a closure's ``loss``), else the text backward() was called on
                # (``criterion(out, y).backward()``): the tagger does not look inside functions
                name, expr = caller_names(t)
                if name is not None:
                    names.name_tensor(t, name)
                elif expr is not None:
                    names.note_expr(t, expr)
            root_names.append(name)
            root_ids.append(None if node is None else ei.node_id(node))
            if backward:
                if caps.histories:
                    data = ei.array(t)
                    size = data.size   # (a loss: its value, without a call)
                    self.outputs.add(t, seed, name, float(data.item()) if size == 1 else
                               summary(data) if size <= caps.elements else None, expr)
                else:
                    self.outputs.add(t, seed, name, None, expr)
        prev = self._prev
        if prev is not None:   # a loop's passes share one list of root names and of seeds (never written to)
            if prev[0] == root_names:
                root_names = prev[0]
            seeds = prev[1]
            if len(seeds) == len(gradient) and _all_none(gradient) and _all_none(seeds):
                gradient = seeds
        self._prev = (root_names, gradient)
        if self._lean_on and backward and self._sig is not None and root_names is prev[0] \
                and gradient is prev[1] and not event.create_graph and not event.retain_graph \
                and None not in root_names:
            # like the pass before (roots, seeds): its Pass is made only if it is among the latest (_lean_end)
            self._lean = [self.count, root_names, root_ids, gradient, []]
            self.count += 1
            self._leaves = []
            return
        if self._ring:
            self._close_lean()
        self._new_pass(self.count, root_names, root_ids, gradient, event.call, event.create_graph,
                       event.retain_graph)

    def _new_pass(self, index, root_names, root_ids, gradient, call, create_graph, retain_graph):
        p = Pass(index=index, call=call, roots=root_names, root_ids=root_ids, gradient=gradient,
                 create_graph=create_graph, retain_graph=retain_graph)
        raw = self._raw = []
        # (a function of the names, not a method of the recorder: a Pass that held the recorder would make each
        # run's recorder a reference cycle, freed only by the garbage collector's slower sweeps)
        p.pending = functools.partial(_steps_of, self.names, raw)
        self.node_grads.keep(raw)
        self.passes.append(p)
        self._sig = None   # (set again by _tape_leaves when this pass can lead lean ones)
        if index == self.count:
            self.count += 1
        self._pass = p
        self._leaves = []
        if self.count > self.caps.passes:
            self._forget_old_arrays()
        return p

    def _node(self, event):
        """Copies what can change later (gradients, the values local derivatives come from) and nothing else:
        names, targets and local derivatives are worked out when a view first reads the pass's steps
        (``_steps_of``), so a loop of 1000 passes pays only for copies."""
        node = event.node
        caps = self.caps
        grad = event.grad_in
        within = event.step < caps.steps
        if within and grad.size <= caps.elements:
            arr = np.array(grad, dtype=float) if grad.ndim == 0 else np.array(grad)
            value = ei.value(ei.node_tensor(node), copy=True) if is_accumulate(node) else None
            sent, local = event.keep(caps.elements if caps.flows else -1)
            self._raw.append((node, arr if grad.ndim else np.array(grad), sent, local, value, event.xp))
        else:
            self._pass.omitted_arrays += 1
            self._raw.append((node, None, event.keep(-1)[0], None, None, None))
            if within and self._named(node):   # a named node past the elements cap keeps its gradient
                self.node_grads.add(node, np.array(grad, dtype=float) if grad.ndim == 0 else np.array(grad),
                                    self._raw)

    def _oversize(self, node, grad):
        """A node within the steps cap whose incoming gradient is over the elements cap (events.Tape): no arrays
        of its step are kept, but a node the source names keeps that gradient for the views."""
        if self._broken:
            return
        try:
            if self._named(node):
                arr = np.array(grad, dtype=float) if grad.ndim == 0 else np.array(grad)
                if self._lean is not None:   # (kept with its pass: see _lean_end)
                    self._lean[4].append((node, arr))
                else:
                    self.node_grads.add(node, arr, self._raw)
        except Exception as exc:  # noqa: BLE001 - recording must never change what the cell does
            self._fail(exc)

    def _take_tape(self, tape):
        """What _node keeps, for a whole pass (events.Tape) at once: copies of the arrays that can change later,
        nothing else (a loop of 1000 passes runs this for every node of every pass, so it is kept to copies and
        appends)."""
        raw, xp, omitted, elementwise = self._raw, tape.xp, events.OMITTED, events.is_elementwise
        ndarray, flows, handed_out = np.ndarray, self.caps.flows, tape.handed_out
        if not flows:
            self._take_gradients(tape)
            return
        # the values of the pass's leaves, copied when they received their gradients (tape.accumulated)
        values = {entry[1]: entry[4] for entry in tape.accumulated} if tape.accumulated else {}
        skipped = 0
        for node, grad, saved, sent in tape:
            if grad is None:
                skipped += 1
                raw.append((node, None, sent, None, None, None))
                continue
            if sent and not flows:
                # every gradient sent is OMITTED (which edges carried one is all there is), and the incoming
                # gradient is kept without a copy unless the engine handed it out (Tape.handed_out: a leaf's
                # .grad, the caller's gradient=, autograd.grad's result): its other buffers nothing writes to after
                # the pass (a sum into a big buffer checks that no one else refers to it, and this does)
                arr = grad if grad.__class__ is ndarray and id(grad) not in handed_out else np.array(grad)
                raw.append((node, arr, sent, None, None, None))
            elif sent:
                arr = grad.copy() if grad.__class__ is ndarray else np.array(grad)   # a numpy scalar: an array
                sent = [g if g is None or g is omitted else g.copy() if g.__class__ is ndarray else np.array(g)
                        for g in sent]
                local = None
                if elementwise(node):   # the engine's public question, not its op table
                    local = [v.copy() if v.__class__ is np.ndarray else v for v in saved] if saved else ()
                raw.append((node, arr, sent, local, None, xp))
            else:  # an AccumulateGrad, or a node that sent nothing
                arr = grad.copy() if grad.__class__ is ndarray else np.array(grad)
                value = None
                if is_accumulate(node):
                    value = values.get(node)
                    if value is None:
                        value = ei.value(ei.node_tensor(node), copy=True)
                raw.append((node, arr, (), None, value, None))
        self.node_grads.added += len(tape) - skipped
        self._pass.omitted_arrays += skipped

    def _take_gradients(self, tape):
        """_take_tape without flows (each step keeps its incoming gradient only): one comprehension over the
        tape, then the AccumulateGrad entries (tape.leaf_steps) get their leaves' values. An incoming gradient is
        kept without a copy unless the engine handed it out (Tape.handed_out: a leaf's .grad, the caller's
        gradient=, autograd.grad's result): nothing writes to the engine's other buffers after the pass."""
        raw, ndarray, handed_out = self._raw, np.ndarray, tape.handed_out
        base = len(raw)
        raw.extend([(node, grad if grad is None or (grad.__class__ is ndarray and id(grad) not in handed_out)
                     else np.array(grad), sent, None, None, None) for node, grad, _, sent in tape])
        leaf_steps = tape.leaf_steps
        if leaf_steps:
            values = {entry[1]: entry[4] for entry in tape.accumulated}
            for i in leaf_steps:
                node, arr = raw[base + i][:2]
                if arr is None:
                    continue
                value = values.get(node)
                if value is None:   # (autograd.grad: the leaf received nothing, its values as they are)
                    value = ei.value(ei.node_tensor(node), copy=True)
                raw[base + i] = (node, arr, (), None, value, None)
            if not base:
                self.node_grads.leaf_steps[id(raw)] = leaf_steps
        self.node_grads.added += len(tape) - tape.omitted
        self._pass.omitted_arrays += tape.omitted

    def _accumulate(self, event):
        leaf, grad = event.leaf, event.grad
        if grad.size <= self.caps.elements:
            before = event.before
            self._leaf(leaf, event.node, grad.copy(), None if before is None else before.copy(),
                       ei.value(leaf, copy=True))
        else:
            self._leaf(leaf, event.node, None, events.big_before(leaf), None)

    def _leaf(self, leaf, node, added, before, value):
        """A leaf's .grad received ``added`` (None: past the caps) in this pass: before, value: copies of its
        .grad before and of its values then."""
        nid = node_id(node) if node is not None else node_id(ei.leaf_node(leaf))
        if added is not None:
            prev = self._last_after.get(nid, _UNKNOWN)
            record = LeafGrad(self.names.tensor_name(leaf), nid, before, added, None, value,
                              None if prev is _UNKNOWN else _same(before, prev))
            if self.caps.histories:   # (a one-element leaf, a lesson's w and b: its value, without a call)
                self.leaf_history.add(nid, float(value.item()) if value.size == 1 else summary(value))
        else:
            # past the caps: no array, but whether .grad was reset before this pass (None, zero_()) is known, so
            # the history tells resets from accumulation (``before``: None, or a zero-strided view of zeros)
            continued, shown = None, None
            if before is None:
                continued = False if nid in self._last_after else None
            elif before is events.ZERO_GRAD:
                continued = False
                shown = _zeros(ei.shape(leaf), np.dtype(ei.dtype_name(leaf)))
            record = LeafGrad(self.names.tensor_name(leaf), nid, shown, None, None, None, continued)
        self._thinning.add(record)
        self._pass.leaves.append(record)
        self._leaves.append((leaf, record))

    def _tape_leaves(self, accumulated):
        """_leaf for each (leaf, node, added, before, value) of a tape (what a loop's every pass runs: the
        common case, a leaf within the caps, without a call per leaf)."""
        names, last_after, thinning = self.names, self._last_after, self._thinning
        history = self.leaf_history if self.caps.histories else None
        records, limit = self._pass.leaves, self.caps.elements
        sig = self._lean_on and not self._pass.retain_graph and not self._pass.create_graph and bool(accumulated)
        self._sig = None
        for leaf, node, added, before, value in accumulated:
            if added is None or node is None:
                sig = sig and node is not None
                self._leaf(leaf, node, added, before, value)
                continue
            nid = ei.node_id(node)
            prev = last_after.get(nid, _UNKNOWN)
            record = LeafGrad(names.tensor_name(leaf), nid, before, added, None, value,
                              None if prev is _UNKNOWN else _same(before, prev))
            if history is not None:
                history.add(nid, float(value.item()) if value.size == 1 else summary(value))
            thinning.add(record)
            records.append(record)
            # .grad right after the pass (this runs when the pass has ended): what _end reads for _leaf's leaves
            after = ei.grad_copy_upto(leaf, limit, _UNKNOWN)
            if after is None or after is _UNKNOWN:
                last_after[nid] = after
            else:
                record.after = last_after[nid] = after
        if sig:   # (a pass like this one may be lean: see _lean_end)
            flags = tuple(r.continued for r in records)
            if None not in flags and all(thinning.past_shown(r.node_id, c) for r, c in zip(records, flags)):
                self._sig = (tuple(e[1] for e in accumulated), flags, tuple(r.node_id for r in records))

    def _end(self, event):
        tape = event.tape
        if self._lean is not None:
            lean, self._lean = self._lean, None
            if event.error is None and tape is not None and not self._leaves and self._lean_end(lean, tape):
                return
            # not like the pass before after all: the latest lean passes become Passes, then this one
            self._close_lean()
            self._lean_pass(lean)
        p = self._pass
        if p is None:
            return
        if tape is not None:
            self._tape_leaves(tape.accumulated)
            if tape:   # (a tape of steps=0 has no node)
                self._take_tape(tape)
        limit, last = self.caps.elements, self._last_after
        for leaf, record in self._leaves:
            g = ei.grad_copy_upto(leaf, limit, _UNKNOWN)
            if g is None:
                last[record.node_id] = None
            elif g is not _UNKNOWN:
                record.after = last[record.node_id] = g
            else:
                last[record.node_id] = _UNKNOWN
        if event.error is not None:
            p.error = f"{type(event.error).__name__}: {event.error}"
            self._sig = None
        self._pass = None
        self._leaves = []

    # ------------------------------------------------------------ a loop's steady state

    def _lean_end(self, lean, tape):
        """A pass like the one before it ended (the same leaves, each reset or not as before): what can change
        later is copied (the leaves' .grad after it, the gradients the engine handed out), its histories are
        added, and it waits among the latest LEAN_RING passes. False (nothing done): it is not like the one
        before after all."""
        nodes, flags, nids = self._sig
        accumulated = tape.accumulated
        n = len(nodes)
        if len(accumulated) != n:
            return False
        last_after = self._last_after
        for i in range(n):   # (like the pass before: the same leaves, each reset or not as then)
            entry = accumulated[i]
            if entry[1] is not nodes[i]:
                return False
            if entry[2] is not None:
                prev = last_after.get(nids[i], _UNKNOWN)
                cont = None if prev is _UNKNOWN else _same(entry[3], prev)
            else:   # past the elements cap: whether .grad was reset, as _leaf tells it
                before = entry[3]
                cont = (False if nids[i] in last_after else None) if before is None else \
                    False if before is _ZERO_GRAD else None
            if cont != flags[i]:
                return False
        history = self.leaf_history if self.caps.histories else None
        limit = self.caps.elements
        records = []
        for i in range(n):
            leaf, node, added, before, value = accumulated[i]
            nid, cont = nids[i], flags[i]
            after = ei.grad_copy_upto(leaf, limit, _UNKNOWN)
            last_after[nid] = after
            if after is _UNKNOWN:
                after = None
            if added is None:   # (no arrays, no history: as _leaf keeps a leaf past the caps)
                records.append((leaf, nid, _zeros(ei.shape(leaf), np.dtype(ei.dtype_name(leaf)))
                                if before is _ZERO_GRAD else None, None, after, None, cont))
                continue
            if history is not None:
                history.add(nid, float(value.item()) if value.size == 1 else summary(value))
            records.append((leaf, nid, before, added, after, value, cont))
        handed_out = tape.handed_out
        if len(handed_out) > tape.own_seeds:   # (what the code may change later: copied now, the tape's other
            # arrays are the engine's, and so is a seed backward() made for a scalar output: never adopted)
            for i, entry in enumerate(tape):
                grad = entry[1]
                if grad is not None and id(grad) in handed_out and grad.__class__ is np.ndarray:
                    tape[i] = (entry[0], np.array(grad), entry[2], entry[3])
        ring = self._ring
        ring.append((lean, tape, records))
        if len(ring) > LEAN_RING:
            self._push_out(ring.pop(0))
        return True

    def _push_out(self, entry):
        """A lean pass that is no longer among the latest: only its leaves' gradients stay (summed into what
        the graph shows), and each leaf's record is one the history counts without showing."""
        lean, tape, records = entry
        folded = self.node_grads
        self._thinning.add_hidden(records, 1, 6)
        root = tape[0][0] if tape else None
        # the root held by: the tape's entry, the name ``root``, references()'s argument; more: by a tensor (its
        # graph may run again: every node's gradient is summed in, as _forget_old_arrays does)
        alive = root is not None and ei.references(root) > 3
        del root
        for i in (range(len(tape)) if alive else tape.leaf_steps):
            node, grad = tape[i][0], tape[i][1]
            if grad is not None:
                _fold(folded.folded, node, grad)
        if alive:
            for node, arr in lean[4]:
                _fold(folded.folded, node, arr)
        folded.added += len(tape) - tape.omitted
        folded._sums = None

    def _close_lean(self):
        """The latest lean passes become Passes, as if each had been recorded as it ended."""
        ring = self._ring
        while ring:
            lean, tape, records = ring.pop(0)
            p = self._lean_pass(lean)
            for leaf, nid, before, added, after, value, cont in records:
                record = LeafGrad(self.names.tensor_name(leaf), nid, before, added, after, value, cont)
                self._thinning.add(record)
                p.leaves.append(record)
            if tape:
                self._take_tape(tape)
            self._pass = None

    def _lean_pass(self, lean):
        """The Pass of a begun lean pass ([index, roots, root_ids, gradient, oversized]), with the gradients of
        its named nodes past the elements cap (what _oversize kept aside for it)."""
        p = self._new_pass(*lean[:4], "backward", False, False)
        for node, arr in lean[4]:
            self.node_grads.add(node, arr, self._raw)
        return p

    # ------------------------------------------------------------ caps

    def _named(self, node):
        label = self.names.label(node)
        return label is not None and label.name is not None

    def _forget_old_arrays(self):
        """Keep step arrays for the first pass and the latest caps.passes - 1: the one that fell out keeps each
        step's node name and id only (memory stays bounded by the caps, whatever the number of passes)."""
        k = len(self.passes) - self.caps.passes   # (the window's passes are the last ones, none let go)
        if k >= 1:
            old = self.passes[k]
            if old.pending is not None:
                raw = old.pending.args[-1]
                old.omitted_arrays = len(raw)   # no step of it keeps arrays now
                root = raw[0][0] if raw else None
                # the root held by: raw's entry, the name ``root``, references()'s argument; more: by a tensor
                self.node_grads.fold(raw, old.retain_graph or (root is not None and ei.references(root) > 3))
                del root
                if (self.caps.flows and not self.caps.compact) or old.error is not None:
                    # two objects per pass, not one per step (the garbage collector counts what a loop keeps)
                    nodes = [r[0] for r in raw]
                    labels = tuple(map(node_name, nodes))
                    labels = self._shapes.setdefault(labels, labels)
                    old.pending = functools.partial(_stripped, labels,
                                                    np.fromiter(map(node_id, nodes), np.int64, len(nodes)))
                else:
                    # without flows nothing reads the steps of a pass out of the window (the views that walk
                    # steps, the stepper and -o/-v's .steps, keep flows; a failed pass keeps its names for the
                    # graph's mark): no step list is kept at all
                    old.pending = None
                raw.clear()
            for leaf in old.leaves:
                leaf.value = None
                self._thinning.left(leaf)
            if self.caps.compact:
                if _hidden(old):   # nothing of it is shown any more: only counted (memory bounded by what is drawn)
                    del self.passes[k]
                elif len(self.passes) > self._sweep_at:   # passes whose shown records a longer loop hid since
                    tail = len(self.passes) - self.caps.passes
                    self.passes[:tail] = [p for p in self.passes[:tail] if not _hidden(p)]
                    self._sweep_at = 2 * len(self.passes) + 256

    def leaf_records(self):
        """{leaf node id: its records in order} (what views/history.py reads; hidden ones as stand-ins)."""
        return dict(self._thinning)


def _all_none(items):
    """Is every item None? (a loop, not all() of a generator: compiled, the recorder's methods that call this are
    cpdef, which cannot hold a generator's closure)"""
    for item in items:
        if item is not None:
            return False
    return True


def _hidden(p):
    """Can pass p go (compact caps): not the first, no error, no steps kept, every leaf record hidden for good
    (or none: a loop of ``torch.autograd.grad`` calls accumulates into no leaf)."""
    return p.index > 0 and p.error is None and p.pending is None and all(leaf.place is HIDDEN for leaf in p.leaves)


def _steps_of(names, raw):
    """The model's raw steps (model.Step.from_raw) of one pass from what _node kept."""
    out = []
    for node, grad, sent, local, value, xp in raw:
        inputs = tuple((f.index, names.node_text(f.target) or node_name(f.target), node_id(f.target),
                        None if f.local is None else np.array(f.local), f.contribution, f.slot)
                       for f in events.flows(node, grad, sent, local, xp))
        if grad is not None and value is None and not is_accumulate(node):
            label = names.label(node)
            current = label.current_value() if label is not None else None
            value = None if current is None else np.array(current)
        out.append((node_name(node), node_id(node), names.node_text(node), grad, value, inputs))
    return out


def _stripped(labels, ids):
    """The raw steps of a pass whose arrays were let go: each node's name and id."""
    return [(label, int(i), None, None, None, ()) for label, i in zip(labels, ids)]


_UNKNOWN = object()
_ZEROS = {}
LEAN_RING = 4   # a loop's latest passes made into Passes (a history shows the last 2 resets and 3 terms of each)


def _zeros(shape, dtype):
    """One shared read-only view of zeros per shape and dtype (no memory)."""
    key = (tuple(shape), dtype)
    got = _ZEROS.get(key)
    if got is None:
        got = _ZEROS[key] = np.broadcast_to(np.zeros((), dtype), key[0])
    return got


def _thin(leaf):
    """A middle pass's leaf record keeps what a history needs to place it (whether the code reset .grad before
    it, and to what) and lets the arrays go: memory stays bounded in a 20000-step loop. A reset to zeros is kept
    as a zero-strided view (no memory); values nobody reset are dropped (they are the previous .grad)."""
    before = leaf.before
    if leaf.continued or before is None:
        leaf.before = None
    elif not np.count_nonzero(before):   # (count_nonzero: a fifth of .any()'s cost)
        leaf.before = _zeros(before.shape, before.dtype)
    leaf.added = leaf.after = None


def _same(a, b):
    """The same array bit for bit, or both None: nothing changed ``.grad`` between two passes."""
    if a is None or b is None:
        return a is None and b is None
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


class NodeGrads:
    """node -> the gradient that flowed into it, summed over one recorder's passes (within the caps).

    Worked out when first read, from the steps the recorder still keeps (the first pass and the window); a pass
    leaving the window first folds in the gradients of its nodes that something else still holds (a graph run
    again with retain_graph, a leaf's AccumulateGrad): the nodes of a loop's old passes, which nothing holds,
    cost nothing per pass, and no table entry is written for each node of every pass. The gradients of named
    nodes past the elements cap (kept whole: a view shows them) belong to their pass the same way: a loop's
    ``h`` of (32, 200) is let go with its pass, not kept for every pass."""
    __slots__ = ("added", "raws", "oversized", "folded", "_sums", "leaf_steps")

    def __init__(self):
        self.added = 0
        self.raws = {}     # id -> the raw step list of each pass whose steps are kept (Recorder._raw of each)
        self.oversized = {}   # id(raw) -> [(node, gradient)]: that pass's named nodes past the elements cap
        self.folded = {}   # id(node) -> (node, sum): passes that left the window
        self.leaf_steps = {}   # id(raw) -> the indices of its AccumulateGrad entries, where the recorder knows them
        self._sums = None

    def keep(self, raw):
        self.raws[id(raw)] = raw
        self._sums = None

    def fold(self, raw, graph_alive):
        """raw's pass leaves the window (its steps are about to be let go). graph_alive: its graph may run again
        (retain_graph, or something holds its root): every node's gradient is folded in; else only the leaves'
        AccumulateGrad nodes', which live as long as their leaves (the other nodes of a loop's old pass are
        about to go with it)."""
        leaf_steps = self.leaf_steps.pop(id(raw), None)
        if graph_alive or leaf_steps is None:
            for entry in raw:
                arr = entry[1]
                if arr is not None and (graph_alive or is_accumulate(entry[0])):
                    _fold(self.folded, entry[0], arr)
        else:   # (a loop's old pass: only its leaves' gradients, where the tape said they are)
            for i in leaf_steps:
                entry = raw[i]
                if entry[1] is not None:
                    _fold(self.folded, entry[0], entry[1])
        for node, arr in self.oversized.pop(id(raw), ()):
            if graph_alive:
                _fold(self.folded, node, arr)
        self.raws.pop(id(raw), None)
        self._sums = None

    def add(self, node, arr, raw=None):
        """node's incoming gradient arr, over the elements cap, in the pass whose steps are raw."""
        if raw is not None and id(raw) in self.raws:
            self.oversized.setdefault(id(raw), []).append((node, arr))
        else:
            _fold(self.folded, node, arr)
        self.added += 1
        self._sums = None

    def __bool__(self):
        return self.added > 0

    def get(self, node, default=None):
        sums = self._sums
        if sums is None:
            sums = dict(self.folded)
            for raw in self.raws.values():
                for entry in raw:
                    if entry[1] is not None:
                        _add(sums, entry[0], entry[1])
            for kept in self.oversized.values():
                for other, arr in kept:
                    _add(sums, other, arr)
            self._sums = sums
        got = sums.get(id(node))
        if got is None or got[0] is not node:
            return default
        total, dtype = got[1], got[2]
        if total.__class__ is float:   # (one number, see _fold)
            return np.full(got[3], total, dtype)
        return total if total.dtype == dtype else total.astype(dtype)


def _add(sums, node, arr):
    """sums[id(node)] + arr as a new entry (a sum over passes that get() works out, in a dict whose arrays
    NodeGrads.folded also holds: never added to in place)."""
    got = sums.get(id(node))
    if got is None or got[0] is not node:
        _fold(sums, node, arr)
    elif got[1].__class__ is float:   # (_fold makes a new entry for a one-number sum: nothing shared is written)
        _fold(sums, node, arr)
    else:
        sums[id(node)] = (node, got[1] + arr, got[2])


def _fold(sums, node, arr):
    """sums[id(node)] += arr, in float64 for floating dtypes (given back in arr's dtype by get): a sum over many
    passes then reads the same whichever passes were folded in first (a loop's steady state folds them in
    another order than a recorder that keeps every pass). The sum is an array of its own, added to in place;
    one number (a lesson's scalar weight or bias) is summed as a Python float, the same float64 arithmetic
    without an array operation each pass: the entry is then (node, float, dtype, shape)."""
    got = sums.get(id(node))
    if got is None or got[0] is not node:
        dtype = np.dtype(float) if arr.ndim == 0 else arr.dtype   # (a 0-d gradient: read as a float, as before)
        if arr.size == 1 and arr.dtype.kind == "f":
            sums[id(node)] = (node, float(arr.item()), dtype, arr.shape)
            return
        # (np.array: an array of its own even for a numpy scalar, which a 0-d gradient can be)
        total = np.array(arr, dtype=np.float64) if arr.ndim == 0 or dtype.kind == "f" else np.array(arr)
        sums[id(node)] = (node, total, dtype)
        return
    total = got[1]
    if total.__class__ is float:
        if arr.size == 1 and (arr.shape == got[3] or arr.ndim == 0):
            sums[id(node)] = (node, total + arr.item(), got[2], got[3])
            return
        total = np.full(got[3], total)   # (another shape after all: an array from here on)
        got = sums[id(node)] = (node, total, got[2])
    if total.shape == arr.shape or arr.ndim == 0:
        np.add(total, arr, out=total)
    else:   # (a gradient of another shape: what numpy's broadcasting gives, as a new array)
        sums[id(node)] = (node, total + arr, got[2])
