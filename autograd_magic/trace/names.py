"""What the cell's source says about its tensors, kept beside them (never on them).

The tagger (runner.py) reports every assignment ``y = ...`` and every operator/call expression of the cell; this
side table remembers, weakly, the variable name of each tensor and the name or source text of each graph node's
output, plus the output's values for the most recently made nodes (bounded: a 20000-op chain keeps the values of
the last ``MAX_VALUES`` nodes, not of 20000). Nothing is written on user objects: ``vars(x)`` after a cell shows
nothing of ours, and the tables go when the tensors and nodes go.
"""
import collections
import weakref

from ..engine import inspect as ei

MAX_VALUES = 512        # nodes whose output values are kept (most recent first): more than any view draws
MAX_ELEMENTS = 4096     # a node's values are kept only up to this many elements


class NodeLabel:
    """How the source names a node's output: variable name and/or expression, where, and its values."""
    __slots__ = ("name", "expr", "site", "value", "shape", "dtype", "tensor", "__weakref__")

    def __init__(self, expr, tensor, site):
        self.name = None
        self.expr = expr
        self.site = site
        value = ei.value(tensor)
        self.shape = value.shape
        self.dtype = ei.dtype_name(tensor)
        self.value = value if value.size <= MAX_ELEMENTS else None
        self.tensor = weakref.ref(tensor)

    def current_value(self):
        """The output's values now (from the live tensor if it still exists), or None beyond the caps."""
        t = self.tensor()
        if t is not None and ei.size(t) <= MAX_ELEMENTS:
            return ei.value(t)
        return self.value


class SourceNames:
    """Side tables: tensor -> variable name (by identity, weakly), node -> NodeLabel (weakly)."""

    def __init__(self):
        self._tensor_names = {}                       # id(tensor) -> (weakref, name)
        self.labels = weakref.WeakKeyDictionary()     # node -> NodeLabel
        self._recent = collections.deque()            # labels holding values, oldest first

    # ------------------------------------------------------------ recording (called while the cell runs)

    def name_tensor(self, t, name, site=None, label=True):
        """Remember t's variable name; with label, its node (if any) is named too (what graphs and tables show)."""
        key = id(t)
        entry = self._tensor_names.get(key)
        if entry is not None and entry[0]() is t:
            self._tensor_names[key] = (entry[0], name)
        else:
            table = self._tensor_names
            self._tensor_names[key] = (weakref.ref(t, lambda _r, k=key, table=table: _drop(table, k, _r)), name)
        node = ei.grad_fn(t) if label else None
        if node is not None:
            self._label(node, t, None, site).name = name

    def note_expr(self, t, text, site=None):
        node = ei.grad_fn(t)
        if node is not None and node not in self.labels:
            self._label(node, t, text, site)

    def _label(self, node, t, expr, site):
        label = self.labels.get(node)
        if label is None:
            label = self.labels[node] = NodeLabel(expr, t, site)
            if label.value is not None:
                self._recent.append(weakref.ref(label))
                if len(self._recent) > MAX_VALUES:
                    old = self._recent.popleft()()
                    if old is not None:
                        old.value = None
        return label

    # ------------------------------------------------------------ reading

    def tensor_name(self, t):
        entry = self._tensor_names.get(id(t))
        if entry is not None and entry[0]() is t:
            return entry[1]
        return None

    def label(self, node):
        return self.labels.get(node)

    def node_text(self, node):
        """The best short name for a node's output: the leaf's or output's variable name, else the source
        expression, else None."""
        if ei.is_accumulate(node):
            return self.tensor_name(ei.node_tensor(node))
        label = self.labels.get(node)
        if label is None:
            return None
        return label.name or label.expr


def _drop(table, key, ref):
    entry = table.get(key)
    if entry is not None and entry[0] is ref:
        del table[key]


NAMES = SourceNames()   # one table for the session: names given in one cell still name the tensors in the next
