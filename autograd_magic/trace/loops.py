"""Repeated backward passes (training loops, several cells): one entry per output and per leaf, not per call.

A loop that calls ``loss.backward()`` 100 times makes 100 different ``loss`` tensors. ``Outputs`` keeps, per
output name, the first and the last of them, how many passes started there, and the output's value at each pass
(its history, for the loss curve). ``LeafHistory`` keeps each leaf's value (a scalar, else its norm) and gradient
norm at each pass that reached it: the parameter's trajectory. Both are bounded (MAX_POINTS values each).

Iterating over ``Outputs`` gives ``(tensor, gradient given)`` of the last pass of each output, in the order the
outputs first appeared, which is what the table's rows and the graph's roots are drawn from.
"""
import math

import numpy as np

from .model import SEGMENTS, TERMS

MAX_POINTS = 10000


def summary(values):
    """One number for a history: the value of a one-element array, else its L2 norm (None when not finite-able).
    Called for every leaf at every backward pass of a loop: a float64 dot product, no temporaries of squares."""
    try:
        a = values if values.__class__ is np.ndarray else np.asarray(values)
        if a.size == 1:
            return float(a.item())
        if a.size <= 32 and a.dtype.kind == "f":
            # a small parameter (a lesson's weights): math.hypot over the values as Python floats, a third of the
            # numpy calls' cost, within 2 ulps of the formula below (and finite where float64 squares overflow);
            # an inf result goes to the formula below (an inf among NaNs: hypot says inf, the norm is nan)
            norm = math.hypot(*a.ravel().tolist())
            if norm != math.inf:
                return norm
        flat = a.ravel()
        if flat.dtype == np.float32 and flat.size <= 65536:
            # in float64: the squares of float32 values and their sum cannot overflow there, so no floating-point
            # warning can arise and no errstate is needed (a third of this function's cost for a small parameter)
            wide = flat.astype(np.float64)
            return math.sqrt(float(np.dot(wide, wide)))
        if flat.dtype != np.float64 and flat.dtype != np.float32:
            flat = flat.astype(np.float64)
        # float32: BLAS's float32 dot (partial sums in vector lanes: ~1e-7 relative for a parameter's norm, far
        # below the 4 digits a history shows) without a float64 copy of a parameter at every pass
        with np.errstate(all="ignore"):   # an overflow is handled below, never a warning in the user's cell
            square = float(flat @ flat)
        if flat.dtype == np.float32 and (not math.isfinite(square) or square < 1e-30):
            # overflowed or underflowed in float32 (or not finite at all): in float64, as before
            flat = flat.astype(np.float64)
            square = float(flat @ flat)
        return math.sqrt(square)
    except (TypeError, ValueError):
        return None


class OutputRun:
    """Every backward pass that started from one output (by name; an unnamed one by its source text)."""
    __slots__ = ("name", "expr", "first", "last", "count", "history")

    def __init__(self, name, tensor, seed, value, expr=None):
        self.name, self.expr = name, expr
        self.first = self.last = (tensor, seed)
        self.count = 1
        self.history = [value]

    def add(self, tensor, seed, value):
        self.last = (tensor, seed)
        self.count += 1
        if len(self.history) < MAX_POINTS:
            self.history.append(value)


class Outputs:
    """The outputs backward ran from, one OutputRun per name (unnamed ones by identity)."""

    def __init__(self):
        self.runs = {}

    def add(self, tensor, seed, name, value, expr=None):
        """A pass started from tensor; name: its variable name, else expr: the source text that made it (an
        unnamed output of the same text is the same output again: a loop's), else it is told apart by identity."""
        key = name if name is not None else ("expr", expr) if expr is not None else ("id", id(tensor))
        run = self.runs.get(key)
        if run is None:
            self.runs[key] = OutputRun(name, tensor, seed, value, expr)
        else:
            run.add(tensor, seed, value)

    def __iter__(self):
        return iter([run.last for run in self.runs.values()])

    def drawn(self, iteration="last"):
        """(tensor, gradient given) of each output's first or last pass: the roots of the graph drawn."""
        return [run.first if iteration == "first" else run.last for run in self.runs.values()]

    def __len__(self):
        return len(self.runs)

    def run_of(self, tensor):
        for run in self.runs.values():
            if run.last[0] is tensor:
                return run
        return None

    @property
    def passes(self):
        """The most backward passes any one output started."""
        return max((run.count for run in self.runs.values()), default=0)


class LeafHistory:
    """Per leaf (its node id): its value (a one-element leaf's number, else its norm) at each pass that reached
    it: the trajectory the table draws. (No gradient norm per pass: no view reads one, and a big parameter's cost
    a pass.)"""

    def __init__(self):
        self.values = {}

    def add(self, node_id, value):
        vs = self.values.get(node_id)
        if vs is None:
            vs = self.values[node_id] = []
        if len(vs) < MAX_POINTS:
            vs.append(value)


class LeafThinning:
    """Lets go of the arrays of leaf records (model.LeafGrad) that no history can show, as their passes leave
    the recorder's window: memory stays bounded in a 20000-step loop and the history reads the same.

    ``add(record)`` when a pass accumulates into a leaf; ``left(record)`` when the record's pass left the window
    (its arrays are then thinned at once, or later, when the loop has gone on far enough to hide them).
    Iterating gives (leaf node id, its records in order), what views/history.py reads; a record hidden for good is
    there as one shared stand-in (``hidden``: what a history reads of it, whether it continued the previous
    .grad), and its own object is marked ``place = HIDDEN`` (the recorder then lets its pass go)."""

    def __init__(self, thin):
        self.thin = thin          # thin(record): what a record keeps when no history shows it
        # leaf node id -> (segment lengths, records out of the window still shown, every record in order)
        self.leaves = {}

    def add(self, record):
        got = self.leaves.get(record.node_id)
        if got is None:
            got = self.leaves[record.node_id] = ([], [], [])
        lens, _, records = got
        if not lens or record.continued is False:
            lens.append(0)
        record.place = (len(lens) - 1, lens[-1], len(records))   # (segment, term, index)
        lens[-1] += 1
        records.append(record)

    def past_shown(self, node_id, continued):
        """Would the leaf's next record, reset before it as ``continued`` says and then every pass alike, be one
        that no history shows once LEAN_RING more passes followed it (not among the first SEGMENTS resets, not
        among the first TERMS passes of its run)? What the recorder asks before it keeps a loop's passes lean."""
        lens = self.leaves[node_id][0]
        return len(lens) >= SEGMENTS if continued is False else lens[-1] >= TERMS

    def add_hidden(self, hidden, id_at=0, continued_at=1):
        """Records no history shows (a loop's passes in the middle, see past_shown), given as sequences holding
        the leaf node id at ``id_at`` and whether it continued at ``continued_at``: counted where add() and
        left() would have put them, without objects or arrays."""
        leaves = self.leaves
        hidden_false = _stand_in(False)   # (a loop that resets .grad every pass: one look-up a call, not a record)
        for entry in hidden:
            node_id, continued = entry[id_at], entry[continued_at]
            lens, _, records = leaves[node_id]
            if continued is False:
                lens.append(1)
                records.append(hidden_false)
            else:
                lens[-1] += 1
                records.append(_stand_in(continued))

    def left(self, record):
        lens, pending, records = self.leaves[record.node_id]
        segment, term, index = record.place
        if not pending and SEGMENTS <= segment < len(lens) - SEGMENTS:
            self._hide(record, records, index)  # (a middle segment's record: hidden for good, a long loop's case)
            return
        pending.append((record, segment, term, index))
        kept = []
        closed = len(lens) - 1   # segments before this one can no longer grow
        for rec, seg, t, i in pending:   # at most 2 SEGMENTS x 2 TERMS shown records per leaf wait here
            if (seg < SEGMENTS or seg >= len(lens) - SEGMENTS) and (t < TERMS or t >= lens[seg] - TERMS):
                if seg >= SEGMENTS or seg >= closed:
                    kept.append((rec, seg, t, i))
                # else: one of the first segments, closed: shown for good, it need not wait any more (a loop that
                # resets .grad every pass then takes the branch above for each record that leaves the window)
            else:
                self._hide(rec, records, i)   # hidden for good: later passes only add segments and terms
        pending[:] = kept

    def _hide(self, record, records, index):
        self.thin(record)
        records[index] = _stand_in(record.continued)
        record.place = HIDDEN

    def __iter__(self):
        """(leaf node id, its records) in the order the leaves were first reached."""
        return ((nid, got[2]) for nid, got in self.leaves.items())


HIDDEN = "hidden"   # LeafGrad.place of a record no history shows any more
_STAND_INS = {}


def _stand_in(continued):
    """The one record that stands for every hidden record with this ``continued``: a history reads no array of
    it (its segment or its term is only counted), only whether it continued the previous .grad."""
    got = _STAND_INS.get(continued)
    if got is None:
        from .model import LeafGrad
        got = _STAND_INS[continued] = LeafGrad(None, -1, None, None, None, None, continued, place=HIDDEN)
    return got


ZEROED = "the gradient its last backward() gave; the code then zeroed it"
CLEARED = "the gradient its last backward() gave; the code then set .grad to None"
UNKEPT_CLEARED = "backward() reached it; the code then set .grad to None (that gradient was too big to keep)"


def add_loops(rows, graph, outputs, leaf_history, passes):
    """Mark what repeated: outputs and leaves with their pass counts and histories, the graph with how many
    passes ran over graphs like the one drawn, and leaf gradients that the code zeroed after the last pass."""
    by_name = {run.name: run for run in outputs.runs.values() if run.name is not None}
    by_expr = {run.expr: run for run in outputs.runs.values() if run.name is None and run.expr is not None}
    for row in rows:
        if row.kind == "output":
            run = by_name.get(row.name) if row.name is not None else by_expr.get(row.expr)
            if run is not None and run.count > 1:
                row.passes, row.history = run.count, list(run.history)
        elif row.kind == "leaf" and row.node_id is not None:
            values = leaf_history.values.get(row.node_id)
            if values is not None and len(values) > 1:
                row.passes, row.history = len(values), list(values)
            _unzero(row, passes)
    graph.repeats = max(1, outputs.passes)


def _unzero(row, passes):
    """A leaf whose .grad is zero or None now, while the last pass that reached it left a gradient: show that
    (a gradient of zeros too, when the code then set .grad to None: backward did reach the leaf)."""
    now = row.grad
    if now is not None and np.any(now != 0):
        return
    for p in reversed(passes):
        for leaf in reversed(p.leaves):
            if leaf.node_id == row.node_id:
                if leaf.after is None and leaf.added is None and now is None:
                    # past the caps: no copy of what it gave, but backward() did reach it ("no gradient yet"
                    # would say it never had one)
                    row.notes.append(UNKEPT_CLEARED)
                    row.reset = "none"
                    return
                if leaf.after is None or (now is not None and not np.any(np.asarray(leaf.after) != 0)):
                    return
                row.grad = np.array(leaf.after)
                row.notes.append(CLEARED if now is None else ZEROED)
                row.reset = "none" if now is None else "zero"
                return


def first_pass_boxes(outputs, row_of, node_of, value_of, node_id):
    """For drawing each output's first pass: the table's output rows (made from the last pass) as boxes of the
    first pass's root nodes, holding the first tensor's value (the rows' histories and counts are the same)."""
    import dataclasses
    out = dict(row_of)
    for run in outputs.runs.values():
        (first, seed), (last, _) = run.first, run.last
        node, row = node_of(first), row_of.get(node_of(last))
        if node is None or row is None or first is last:
            continue
        grad = row.grad if seed is None else np.asarray(seed)
        out[node] = dataclasses.replace(row, value=value_of(first), grad=grad, seed_grad=seed, node_id=node_id(node),
                                        notes=[])
    return out


def first_pass_leaves(graph, passes):
    """In a graph of the first pass, each leaf box as that pass saw it: its values when the first backward that
    reached it ran and its .grad right after (the table keeps the last pass's)."""
    import dataclasses
    first = {}
    for p in passes:
        for leaf in p.leaves:
            first.setdefault(leaf.node_id, leaf)
    for node in graph.nodes:
        t = node.tensor
        leaf = first.get(t.node_id) if node.kind == "tensor" and t is not None and t.kind == "leaf" else None
        if leaf is not None and leaf.value is not None:
            node.tensor = dataclasses.replace(t, value=np.array(leaf.value), notes=[],
                                              grad=None if leaf.after is None else np.array(leaf.after))
