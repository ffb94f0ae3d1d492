"""What the cell's source says about its tensors, kept beside them (never on them).

The tagger (runner.py) reports every assignment ``y = ...`` and every operator/call expression of the cell; this
side table remembers, weakly, the variable name of each tensor, and keeps on each graph node (the engine's
``note`` slot, engine.inspect.note) the name or source text of its output, plus the output's values for the most
recently made nodes (bounded: a 20000-op chain keeps the values of the last ``MAX_VALUES`` nodes, not of 20000).
Nothing is written on user tensors: ``vars(x)`` after a cell shows nothing of ours, and the names go when the
tensors and nodes go.
"""
import collections
import inspect
import linecache
import os
import sys
import weakref

from ..engine import inspect as ei

note, set_note = ei.note, ei.set_note

MAX_VALUES = 512        # nodes whose output values are kept (most recent first): more than any view draws
MAX_ELEMENTS = 4096     # a node's values are kept only up to this many elements


class NodeLabel:
    """How the source names a node's output: variable name and/or expression, where, and its values."""
    __slots__ = ("name", "expr", "site", "value", "shape", "_dtype", "tensor")

    def __init__(self, expr, tensor, site):
        self.name = None
        self.expr = expr
        self.site = site
        value = ei.array(tensor)   # the tensor's own array: its values for as long as the label keeps them
        self.shape = value.shape
        self._dtype = value.dtype
        self.value = value if value.size <= MAX_ELEMENTS else None
        self.tensor = weakref.ref(tensor)

    @property
    def dtype(self):
        """numpy's name of the output's dtype ("float32")."""
        return self._dtype.name

    def current_value(self):
        """The output's values now (from the live tensor if it still exists), or None beyond the caps: a
        read-only view."""
        t = self.tensor()
        if t is not None and ei.size(t) <= MAX_ELEMENTS:
            return ei.value(t)
        if self.value is None:
            return None
        view = self.value.view()
        view.flags.writeable = False
        return view


class SourceNames:
    """Side tables: tensor -> variable name (by identity, weakly); each node's NodeLabel is kept on the node
    (engine.inspect.note: it goes with the node, no weak table entry per op of a loop)."""

    def __init__(self):
        # id(tensor) -> (weakref, name); a dead tensor's entry stays until the table is pruned (when it has doubled
        # since the last pruning): a plain weak reference, the one CPython shares with every other plain reference
        # to the tensor (the runner's), costs a loop less than one with a callback per named tensor
        self._tensor_names = {}
        self._prune_at = 1024
        self._recent = collections.deque()            # labels holding values, oldest first
        self.made = 0                                 # labels made so far

    # ------------------------------------------------------------ recording (called while the cell runs)

    def name_tensor(self, t, name, site=None, label=True, expr=None):
        """Remember t's variable name; with label, its node (if any) is named too (what graphs and tables show),
        and learns expr, the assignment's source text, if it has no label yet."""
        key = id(t)
        table = self._tensor_names
        entry = table.get(key)
        if entry is not None and entry[0]() is t:
            table[key] = (entry[0], name)
        else:
            table[key] = (weakref.ref(t), name)
            if len(table) > self._prune_at:
                self._prune()
        node = ei.grad_fn(t) if label else None
        if node is not None:
            self._label(node, t, expr, site).name = name

    def _prune(self):
        """Drop the entries of tensors that are gone."""
        table = self._tensor_names
        for key in [k for k, entry in table.items() if entry[0]() is None]:
            del table[key]
        self._prune_at = max(1024, 2 * len(table))

    def note_expr(self, t, text, site=None):
        node = ei.unnoted_node(t)
        if node is not None:
            self.new_label(node, t, text, site)

    def _label(self, node, t, expr, site):
        label = note(node)
        return self.new_label(node, t, expr, site) if label is None else label

    def new_label(self, node, t, expr, site):
        """Give node (made t, has no label yet) its label."""
        label = NodeLabel(expr, t, site)
        set_note(node, label)
        self.made += 1
        if label.value is not None:   # the latest MAX_VALUES labels keep their values
            recent = self._recent
            recent.append(label)
            if len(recent) > MAX_VALUES:
                recent.popleft().value = None
        return label

    # ------------------------------------------------------------ reading

    def tensor_name(self, t):
        entry = self._tensor_names.get(id(t))
        if entry is not None and entry[0]() is t:
            return entry[1]
        return None

    def label(self, node):
        return note(node)

    def node_text(self, node):
        """The best short name for a node's output: the leaf's or output's variable name, else the source
        expression, else None."""
        if ei.is_accumulate(node):
            return self.tensor_name(ei.node_tensor(node))
        label = note(node)
        if label is None:
            return None
        return label.name or label.expr


NAMES = SourceNames()   # one table for the session: names given in one cell still name the tensors in the next


_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


def caller_names(t, skip=()):
    """How the function that called backward() on t names it: (the name of a local variable holding t, None), or
    (None, the source text backward() was called on: ``criterion(out, y)`` of ``criterion(out, y).backward()``),
    or (None, None). The caller is the first frame outside this package (and the directories in skip: real
    PyTorch's); a cell's top level gives (None, None): its names and expressions are tagged. A training
    function's or a closure's ``loss``, which the tagger does not see (it leaves function bodies alone)."""
    prefixes = (_PACKAGE, *skip)
    # from the innermost frame, not a count of frames: a compiled module's functions have none (_compiled.py)
    frame = sys._getframe(0)
    while frame is not None and frame.f_code.co_filename.startswith(prefixes):
        frame = frame.f_back
    if frame is None or frame.f_code.co_name == "<module>" or not frame.f_code.co_flags & inspect.CO_NEWLOCALS:
        return None, None
    for key, value in frame.f_locals.items():
        if value is t and not key.startswith("_"):
            return key, None
    line = linecache.getline(frame.f_code.co_filename, frame.f_lineno).strip()
    head, dot, _ = line.partition(".backward(")
    if not dot or not head or len(head) > 80:
        return None, None
    return None, head
