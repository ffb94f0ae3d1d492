"""A public, read-only view of the engine's tensors and backward graphs, for code outside the engine.

Everything the trace layer (``%%grad``) needs to know about a tensor or a node is asked here, so that no code
outside ``engine/`` reads a private attribute (``_data``, ``_fn``, ``_grad`` ...). Nothing here changes a tensor:
no warning is raised (``.grad`` of a non-leaf), no node is renamed, no version counter is created.

Safe on any object: ``is_tensor`` never calls a user object's ``__class__`` (a lazy proxy may raise there).

>>> from autograd_magic import torch
>>> x = torch.tensor([1.0, 2.0], requires_grad=True)
>>> y = (x * x).sum()
>>> node_name(grad_fn(y)), [node_name(n) for n in next_nodes(grad_fn(y))]
('SumBackward0', ['MulBackward0'])
>>> [node_name(n) for n in graph_nodes([grad_fn(y)])]
['SumBackward0', 'MulBackward0', 'AccumulateGrad']
>>> value(y).tolist(), shape(x), dtype_name(x), grad(x) is None
(5.0, (2,), 'float32', True)
"""
import itertools

import numpy as np

from .autograd import AccumulateGrad, Node, reachable
from .tensor import Tensor
from .bufpool import references  # noqa: F401  (re-exported: reference counts read in plain Python, see bufpool)

__all__ = ["references", "is_tensor", "value", "grad", "grad_fn", "is_leaf", "requires_grad", "retains_grad", "shape",
           "dtype_name", "size", "version", "leaf_node", "graph_node", "is_node", "is_accumulate", "node_name",
           "next_nodes", "node_tensor", "node_id", "creation_order", "graph_nodes", "array",
           "note", "set_note", "grad_copy_upto", "unnoted_node"]


# ---------------------------------------------------------------- tensors

def is_tensor(obj):
    """True for an engine Tensor (by its type: a proxy object's ``__class__`` is never asked)."""
    return issubclass(type(obj), Tensor)


def value(t, copy=False):
    """The tensor's values as a numpy array: a read-only view, or a copy with copy=True."""
    data = t._data
    if copy:
        return np.array(data)
    view = data.view()
    view.flags.writeable = False
    return view


def grad(t, copy=False):
    """``t.grad``'s values as a numpy array (read-only view, or a copy), or None; never warns."""
    g = t._grad
    if g is None:
        return None
    return value(g, copy)


def grad_copy_upto(t, limit, past=None):
    """A copy of ``t.grad``'s values when it has at most ``limit`` elements, ``past`` when it has more, None when
    there is no ``.grad`` (one call where a loop's recorder reads every leaf after every pass)."""
    g = t._grad
    if g is None:
        return None
    data = g._data
    return data.copy() if data.size <= limit else past   # (a tensor's data is an ndarray)


def grad_fn(t):
    """The node that made t, or None for a leaf (the engine's object, not renamed)."""
    return t._fn


def is_leaf(t):
    return t._fn is None


def array(t):
    """The tensor's own array, for reading at once (a summary, a comparison): never write to it or keep it."""
    return t._data


def requires_grad(t):
    return bool(t._rg)


def retains_grad(t):
    """True when t is a non-leaf whose ``.grad`` PyTorch keeps (``retain_grad()``)."""
    return t._fn is not None and t._retains_grad


def shape(t):
    return tuple(int(n) for n in t._data.shape)


def dtype_name(t):
    """numpy's name of the dtype: "float32", "float64", "int64", "bool" ..."""
    dt = t._data.dtype
    name = _DTYPE_NAMES.get(dt)
    if name is None:
        name = _DTYPE_NAMES[dt] = dt.name  # numpy works the name out on every read (a tagged loop asks often)
    return name


_DTYPE_NAMES = {}


def size(t):
    return int(t._data.size)


def version(t):
    """How many in-place changes t has seen (0 when none)."""
    vb = t._vb
    return vb[0] if vb is not None else 0


def leaf_node(t, create=True):
    """The AccumulateGrad node of a leaf that requires grad (made if needed and create), else None."""
    if t._fn is not None or not t._rg:
        return None
    return t._accumulator() if create else t._accum


def graph_node(t):
    """The node a gradient of t flows into: its grad_fn, or the AccumulateGrad of a leaf that requires grad."""
    return t._fn if t._fn is not None else leaf_node(t)


# ---------------------------------------------------------------- nodes

def is_node(obj):
    return isinstance(obj, (Node, AccumulateGrad))


def is_accumulate(node):
    return node.__class__ is AccumulateGrad


def node_name(node):
    """PyTorch's class name of the node: "MulBackward0", "AccumulateGrad" ..."""
    return node.op.node


def next_nodes(node):
    """The node each input's gradient flows to, or None (what ``next_functions`` lists, without the 0s)."""
    return tuple(None if e is None else (e[0] if e.__class__ is tuple else e) for e in node.edges)


def node_tensor(node):
    """The tensor a node belongs to, when the engine knows it: the leaf of an AccumulateGrad, the output of a
    node whose tensor asked to retain its gradient; else None (the engine keeps no reference to outputs)."""
    if node.__class__ is AccumulateGrad:
        return node.variable
    ref = node.out_ref
    return ref() if ref else None


_next_accumulate_id = itertools.count(-1, -1)


def node_id(node):
    """A number that names the node for as long as it lives: its creation number (AccumulateGrad: negative)."""
    if node.__class__ is AccumulateGrad:
        got = node.trace_id
        if got is None:
            got = node.trace_id = next(_next_accumulate_id)
        return got
    return node.seq


def note(node):
    """What a reader of the source keeps on a node (``set_note``), or None: one per node, it goes with the node."""
    return node.note


def set_note(node, value):
    node.note = value


def unnoted_node(obj):
    """The node that made obj when obj is a tensor made by a node that has no note yet, else None (one call for
    what a reader of the source asks of every expression a loop evaluates)."""
    if issubclass(type(obj), Tensor):
        fn = obj._fn
        if fn is not None and fn.note is None:
            return fn
    return None


def creation_order(node):
    """A key that sorts nodes as the engine runs them backwards (descending): later-made nodes run first."""
    return node.seq


def graph_nodes(roots):
    """Every node reachable from roots (nodes; None is skipped), outputs first, in the order backward runs
    them: the engine's own traversal (iterative: graphs can be 1e5 deep), so there is one."""
    order = reachable([r for r in roots if r is not None])
    order.sort(key=creation_order, reverse=True)
    return order
