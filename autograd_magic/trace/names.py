"""What the cell's source says about its tensors, kept beside them (never on them).

The tagger (runner.py) reports every assignment ``y = ...`` and every operator/call expression of the cell; this
side table remembers, weakly, the variable name of each tensor, and keeps on each graph node (the engine's
``note`` slot, engine.inspect.note) the name or source text of its output, plus the output's values for the most
recently made nodes (bounded: a 20000-op chain keeps the values of the last ``MAX_VALUES`` nodes, not of 20000).
Nothing is written on user tensors: ``vars(x)`` after a cell shows nothing of ours, and the names go when the
tensors and nodes go.
"""
import inspect
import linecache
import os
import sys
import weakref

from ..engine import inspect as ei


_weak = weakref.ref   # (a module global: compiled, read without a lookup in the weakref module)

MAX_VALUES = 512        # nodes whose output values are kept (most recent first): more than any view draws
MAX_ELEMENTS = 4096     # a node's values are kept only up to this many elements


# A label as kept on a node (engine.inspect.note): a list, not an object (a loop makes one for every expression it
# evaluates, and a list costs a third of an object's construction); NodeLabel is how readers see it.
NAME, EXPR, SITE, VALUE, TENSOR, SHAPE, DTYPE = range(7)


class NodeLabel:
    """How the source names a node's output: variable name and/or expression, where, and its values (a view of
    the list kept on the node: setting ``name`` names the node)."""
    __slots__ = ("raw",)

    def __init__(self, raw):
        self.raw = raw

    @property
    def name(self):
        return self.raw[NAME]

    @name.setter
    def name(self, value):
        self.raw[NAME] = value

    @property
    def expr(self):
        return self.raw[EXPR]

    @property
    def site(self):
        return self.raw[SITE]

    @property
    def value(self):
        """The output's values as they were made (None past the caps: see SourceNames.new_label)."""
        return self.raw[VALUE]

    @property
    def shape(self):
        raw = self.raw
        return raw[SHAPE] if raw[VALUE] is None else raw[VALUE].shape

    @property
    def dtype(self):
        """numpy's name of the output's dtype ("float32")."""
        raw = self.raw
        return (raw[DTYPE] if raw[VALUE] is None else raw[VALUE].dtype).name

    @property
    def tensor(self):
        return self.raw[TENSOR]

    def current_value(self):
        """The output's values now (from the live tensor if it still exists), or None beyond the caps: a
        read-only view."""
        t = self.raw[TENSOR]()
        if t is not None and ei.size(t) <= MAX_ELEMENTS:
            return ei.value(t)
        value = self.raw[VALUE]
        if value is None:
            return None
        view = value.view()
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
        # the labels holding values, the latest MAX_VALUES, in a ring (slot ``_slot`` is the oldest)
        self._ring = [None] * MAX_VALUES
        self._slot = 0
        self.made = 0                                 # labels made so far

    # ------------------------------------------------------------ recording (called while the cell runs)

    def name_tensor(self, t, name, site=None, label=True, expr=None, ref=None):
        """Remember t's variable name; with label, its node (if any) is named too (what graphs and tables show),
        and learns expr, the assignment's source text, if it has no label yet. ref: a weak reference to t the
        caller already made (the tagger's: one less to make)."""
        key = id(t)
        table = self._tensor_names
        entry = table.get(key)
        if entry is not None and entry[0]() is t:
            table[key] = (entry[0], name)
        else:
            table[key] = (_weak(t) if ref is None else ref, name)
            if len(table) > self._prune_at:
                self._prune()
        node = ei.grad_fn(t) if label else None
        if node is not None:
            raw = ei.note(node)
            if raw is None:
                raw = self.new_label(node, t, expr, site)
            raw[NAME] = name

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

    def new_label(self, node, t, expr, site):
        """Give node (made t, has no label yet) its label (the raw list NodeLabel reads)."""
        value = ei.array(t)   # the tensor's own array: its values for as long as the label keeps them
        if value.size <= MAX_ELEMENTS:   # the latest MAX_VALUES labels keep their values
            raw = [None, expr, site, value, _weak(t), None, None]
            ring, i = self._ring, self._slot
            old = ring[i]
            if old is not None:   # the oldest lets go of its values, keeping their shape and dtype
                kept = old[VALUE]
                old[SHAPE], old[DTYPE], old[VALUE] = kept.shape, kept.dtype, None
            ring[i] = raw
            i += 1
            self._slot = 0 if i == len(ring) else i
        else:
            raw = [None, expr, site, None, _weak(t), value.shape, value.dtype]
        ei.set_note(node, raw)
        self.made += 1
        return raw

    # ------------------------------------------------------------ reading

    def tensor_name(self, t):
        entry = self._tensor_names.get(id(t))
        if entry is not None and entry[0]() is t:
            return entry[1]
        return None

    def label(self, node):
        """The node's NodeLabel, or None."""
        raw = ei.note(node)
        return None if raw is None else NodeLabel(raw)

    def node_text(self, node):
        """The best short name for a node's output: the leaf's or output's variable name, else the source
        expression, else None."""
        if ei.is_accumulate(node):
            return self.tensor_name(ei.node_tensor(node))
        raw = ei.note(node)
        if raw is None:
            return None
        return raw[NAME] or raw[EXPR]


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
