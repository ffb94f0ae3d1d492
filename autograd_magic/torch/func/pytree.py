"""A small pytree (tuples, lists, dicts, namedtuples; everything else is a leaf), as torch.utils._pytree flattens
what the function transforms take and return; specs print as PyTorch's TreeSpec does (they appear in its errors)."""
from collections import OrderedDict


class Spec:
    """The structure of a pytree: a node type, its context (dict keys, a namedtuple's class) and children."""

    def __init__(self, kind, context, children):
        self.kind, self.context, self.children = kind, context, children

    @property
    def num_leaves(self):
        return sum(1 if c is LEAF else c.num_leaves for c in self.children)

    def __eq__(self, other):
        return isinstance(other, Spec) and (self.kind, self.context, self.children) == \
            (other.kind, other.context, other.children)

    def __repr__(self, indent=0):
        head = f"TreeSpec({self.kind.__name__}, {self.context}, ["
        body = ""
        if self.children:
            indent += 2
            body = _repr(self.children[0], indent) + ("," if len(self.children) > 1 else "")
            body += ",".join("\n" + " " * indent + _repr(c, indent) for c in self.children[1:])
        return head + body + "])"


class _Leaf:
    def __repr__(self, indent=0):
        return "*"


LEAF = _Leaf()


def _repr(spec, indent):
    return spec.__repr__(indent)


def _is_namedtuple(x):
    return isinstance(x, tuple) and hasattr(x, "_fields")


def _node(x):
    """(kind, context, children) of a container, or None for a leaf."""
    if _is_namedtuple(x):
        return type(x), type(x), list(x)
    if isinstance(x, (tuple, list)):
        return type(x), None, list(x)
    if isinstance(x, dict):
        keys = list(x)
        return type(x), keys, [x[k] for k in keys]
    return None


def flatten(tree):
    """(leaves, spec)."""
    node = _node(tree)
    if node is None:
        return [tree], LEAF
    kind, context, children = node
    leaves, specs = [], []
    for c in children:
        sub, spec = flatten(c)
        leaves.extend(sub)
        specs.append(spec)
    return leaves, Spec(kind, context, specs)


def unflatten(leaves, spec):
    it = iter(leaves)
    return _build(it, spec)


def _build(it, spec):
    if spec is LEAF:
        return next(it)
    children = [_build(it, c) for c in spec.children]
    if spec.kind is dict or spec.kind is OrderedDict or issubclass(spec.kind, dict):
        return spec.kind(zip(spec.context, children))
    if spec.context is not None and spec.kind is spec.context:   # a namedtuple
        return spec.kind(*children)
    return spec.kind(children)


def tree_map(fn, tree):
    leaves, spec = flatten(tree)
    return unflatten([fn(x) for x in leaves], spec)


def broadcast_to_and_flatten(prefix, spec):
    """prefix (an int, None or a tree that is a prefix of spec) as one value per leaf of spec; None if it does not
    fit."""
    if spec is LEAF or _node(prefix) is None:
        if _node(prefix) is not None:
            return None
        return [prefix] * (1 if spec is LEAF else spec.num_leaves)
    kind, context, children = _node(prefix)
    if kind is not spec.kind and not (issubclass(kind, (tuple, list)) and issubclass(spec.kind, (tuple, list))
                                      and kind is spec.kind) or len(children) != len(spec.children):
        return None
    if context is not None and context != spec.context and kind is not spec.context:
        return None
    out = []
    for p, s in zip(children, spec.children):
        sub = broadcast_to_and_flatten(p, s)
        if sub is None:
            return None
        out.extend(sub)
    return out
