"""Hooks for saved tensors (torch.autograd.graph.saved_tensors_hooks, save_on_cpu, disable_saved_tensors_hooks) and
``grad_fn._saved_<name>``.

PyTorch calls the pack hook each time an op saves a tensor for backward and the unpack hook when backward (or a
``_saved_`` attribute) uses it; which tensors an op saves, and in which order, is PyTorch's choice
(tools/autograd/derivatives.yaml and the generated code). SAVED lists, for the ops where the engine saves the same
tensors as PyTorch, PyTorch's names in PyTorch's order with their place in the op's ``saves``; the engine refuses
the hooks around any other op (autograd.refuse_saved_hooks names it) rather than show another sequence.
"""
import numpy as np

from .autograd import (_NODE_DIR, FREED, FREED_MESSAGE, GRAD_MODE, SAVED_ATTRIBUTE, SAVED_HOOKS, Node, Packed,
                       Saved, saved_origin)
from .node_saved_names import SAVED_NAMES
from .optable import OPS
from .tensor_base import wrap

_SELF, _RESULT = (("self", 0),), (("result", 0),)

SAVED = {
    # binary: PyTorch saves `other` for self's gradient first, then `self` for other's (each only when needed)
    "mul": (("other", 1), ("self", 0)), "div": (("other", 1), ("self", 0)),
    "maximum": (("other", 1), ("self", 0)), "mse_loss": (("self", 0), ("target", 1)),
    "pow": _SELF, "pow_tensor": (("exponent", 1), ("self", 0), ("result", 2)),
    "sin": _SELF, "cos": _SELF, "log": _SELF, "abs": _SELF, "clamp": _SELF, "leaky_relu": _SELF,
    "exp": _RESULT, "sqrt": _RESULT, "reciprocal": _RESULT, "relu": _RESULT, "sigmoid": _RESULT, "tanh": _RESULT,
    "softmax": _RESULT, "log_softmax": _RESULT,
    # reductions to one of the elements whose gradient is shared among the ties: self, then result
    "max_all": (("self", 0), ("result", 1)), "min_all": (("self", 0), ("result", 1)),
    "median": (("self", 0), ("result", 1)), "nanmedian": (("self", 0), ("result", 1)),
    "prod": (("self", 0), ("result", 1)), "prod_dim": (("self", 0), ("result", 1)),
    "mm": (("mat2", 1), ("self", 0)), "bmm": (("mat2", 1), ("self", 0)), "mv": (("self", 0), ("vec", 1)),
    "dot": (("self", 0), ("tensor", 1)), "addmm": (("mat1", 0), ("mat2", 1)),
    "addmm_scaled": (("mat1", 0), ("mat2", 1)),
    "fft_r2c": _SELF, "angle": _SELF,
    **{f"{kind}_pad{nd}d": _SELF for kind in ("reflection", "replication") for nd in (1, 2, 3)},
}
# ops PyTorch saves no tensor for (sizes, dims and scalars only), nor does the engine
NOTHING = ("add", "sub", "rsub", "neg", "div_scalar", "mul_scalar", "sum", "sum_dim", "mean", "mean_dim", "view",
           "unsafe_view", "reshape_alias", "alias", "t", "transpose", "permute", "expand", "squeeze", "squeeze_dim", "squeeze_dims",
           "unsqueeze", "select", "slice", "clone", "to_copy", "cat", "stack", "flip", "repeat", "roll",
           "unfold", "as_strided", "fft_c2r", "fft_c2c", "squeeze_mm", "squeeze_all_inplace",
           "squeeze_dims_inplace", "unsqueeze_inplace", "transpose_inplace", "t_inplace", "constant_pad_nd",
           "unfold_backward", "view_as_real", "view_as_complex", "acosh_inplace", "asinh_inplace", "atanh_inplace")

for _name, _spec in SAVED.items():
    OPS[_name].saved_spec = _spec
for _name in NOTHING:
    OPS[_name].saved_spec = ()

_DISABLED = []  # disable_saved_tensors_hooks: its error message while active


def push(pack_hook, unpack_hook):
    """Enter a saved_tensors_hooks context: the innermost pair is the one used."""
    if _DISABLED and _DISABLED[-1] is not None:
        raise RuntimeError(_DISABLED[-1])
    SAVED_HOOKS.append((pack_hook, unpack_hook))


def pop():
    SAVED_HOOKS.pop()


def disable(message):
    """Enter disable_saved_tensors_hooks(message): pushing hooks raises RuntimeError(message)."""
    _DISABLED.append(message)


def enable():
    _DISABLED.pop()


def disabled_message():
    return _DISABLED[-1] if _DISABLED else None


class SavedTensor:
    """grad_fn._raw_saved_<name>: one saved tensor, whose own pack/unpack hooks can be registered."""
    __module__ = "torch._C._autograd"

    def __init__(self, node, pos):
        self._node, self._pos = node, pos

    def register_hooks(self, *args, **kwargs):
        """Pack the saved tensor now with pack_hook; backward will use unpack_hook(what it returned)."""
        if kwargs or len(args) != 2 or not all(map(callable, args)):
            # (a pybind11 method of two positional callables: its error lists what it was called with)
            given = ", ".join(map(repr, (self,) + args))
            if kwargs:
                given += "; kwargs: " + ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
            raise TypeError("register_hooks(): incompatible function arguments. The following argument types are "
                            "supported:\n    1. (self: torch._C._autograd.SavedTensor, arg0: collections.abc.Callable, "
                            f"arg1: collections.abc.Callable) -> None\n\nInvoked with: {given}")
        pack_hook, unpack_hook = args
        saved = self._node.saved
        if saved is FREED:
            raise RuntimeError(FREED_MESSAGE)
        s = saved[self._pos]
        if s.__class__ is Packed:
            raise RuntimeError("Calling register_hooks on a saved tensor whose hooks have already been set. Hint: "
                               "only one pair of hooks is allowed at a time.")
        if s.__class__ is not Saved:
            raise RuntimeError("Calling register_hooks on a saved tensor with value None is forbidden")
        prev = GRAD_MODE.enabled
        GRAD_MODE.enabled = False
        try:
            # (PyTorch hands this hook the saved data without its autograd metadata)
            saved[self._pos] = Packed(pack_hook(_value(self._node, s).detach()), unpack_hook, self._pos,
                                      saved_origin(s))
        finally:
            GRAD_MODE.enabled = prev


def _value(node, s):
    """The tensor a Saved entry stands for: the input itself, or the output (a new Tensor with grad_fn node)."""
    if s.current() != s.version:
        raise RuntimeError(s._version_message(node))
    return wrap(s.data, True, node) if s.is_output else s.tensor


def saved_attribute(node, attr):
    """node._saved_<name> (the saved tensor, unpacked by its hook if one packed it) and node._raw_saved_<name>."""
    raw = attr.startswith("_raw_saved_")
    if not raw and not attr.startswith("_saved_"):
        raise AttributeError(f"'{type(node).__name__}' object has no attribute '{attr}'")
    if not raw and attr[7:] in ARGUMENTS.get(node.op.name, ()):   # (a dim, a size, a scalar: whatever it saves)
        return _as_saved(ARGUMENTS[node.op.name][attr[7:]](node))
    spec = getattr(node.op, "saved_spec", None)
    name = attr[len("_raw_saved_" if raw else "_saved_"):]
    pos = None if spec is None else dict(spec).get(name)
    if pos is None:
        pytorch = pytorch_saved(node)
        if name in pytorch and (not raw or pytorch[name]):
            raise NotImplementedError(f"autograd_magic implements a subset of PyTorch: {type(node).__name__}.{attr} "
                                      "is not part of it (the engine may save other tensors for this op than PyTorch)")
        raise AttributeError(f"'{type(node).__name__}' object has no attribute '{attr}'")
    if raw:
        return SavedTensor(node, pos)
    saved = node.saved
    if saved is FREED:
        raise RuntimeError(FREED_MESSAGE)
    s = saved[pos] if saved else None
    if s.__class__ is Packed:
        return s.unpacked(node, _rewrap)
    if s.__class__ in _NUMBERS:   # a Python number operand (x * 3): PyTorch saved it as a wrapped 0-d tensor
        return wrap(np.array(s, dtype=_NUMBERS[s.__class__]))
    return _value(node, s) if s.__class__ is Saved else s


def _rewrap(data, fn):
    return wrap(data, True, fn)


_NUMBERS = {bool: np.bool_, int: np.int64, float: np.float64}


# ---------------------------------------------------------------- the non-tensor arguments a node saved

def _as_saved(value):
    """A saved argument as PyTorch's node hands it out: an int64 read as unsigned (dim=-1 shows 2**64 - 1), int
    tuples for sizes and dims."""
    if value.__class__ is int or isinstance(value, np.integer):
        return int(value) % (1 << 64) if value < 0 else int(value)
    if isinstance(value, (tuple, list)):
        return tuple(_as_saved(v) for v in value)
    return value


def _input_sizes(node, i=0):
    """The shape of the node's input i: its edge carries it when it differs from the output's."""
    edge = node.edges[i] if i < len(node.edges) else None
    return tuple(edge[1]) if edge.__class__ is tuple and edge[1].__class__ is tuple else None


def _as_tuple(value):
    return () if value is None else tuple(value) if isinstance(value, (tuple, list)) else (value,)


def _const(i):
    return lambda node: node.consts[i]


def _sizes_from(i):
    return lambda node: tuple(node.consts[i])


def _last(key_at):
    """The dim and the index or slice of a select / slice / split key (slices of ':' before the last item)."""
    def read(node):
        key = node.consts[key_at]
        return len(key) - 1, key[-1]
    return read


def _slice_part(which):
    def read(node):
        s = _last(0)(node)[1]
        return {"start": s.start or 0, "end": (1 << 63) - 1 if s.stop is None else s.stop, "step": s.step or 1}[which]
    return read


def _operand_sizes(i):
    """The shape of a matrix product's operand i: its edge's when it wants a gradient, else the saved tensor's."""
    def read(node):
        sizes = _input_sizes(node, i)
        saved = node.saved
        if sizes is None and saved and saved is not FREED and saved[i].__class__ is Saved:
            sizes = tuple(saved[i].data.shape)
        if sizes is None:
            raise NotImplementedError(f"autograd_magic implements a subset of PyTorch: {type(node).__name__}"
                                      f"._saved_{('self', 'mat2')[i]}_sym_sizes is not part of it once its tensors "
                                      "were freed")
        return sizes
    return read


def _addmm_layout(i, part):
    """addmm's mat1 (i=1) or mat2 (i=2) sizes (part 0) or strides in elements (part 1), from the node's consts
    (the last two: each factor's sizes, strides in bytes, item size); PyTorch keeps a factor's strides only when
    it wants a gradient (else ())."""
    def read(node):
        if part and node.edges[i] is None:
            return ()
        sizes, strides, itemsize = node.consts[i - 3]
        return tuple(sizes) if part == 0 else tuple(n // itemsize for n in strides)
    return read


def _max_indices(node):
    """max(dim) / min(dim): the indices of the extremes, without the kept dimension unless keepdim."""
    dim, keepdim, idx = node.consts[0], node.consts[1], node.consts[2]
    return wrap(np.ascontiguousarray(idx if keepdim else np.squeeze(idx, dim)).astype(np.int64))


def _index_parts(node):
    """x[key] with tensors in key, as PyTorch runs it: the integers, slices, None and ... first (a view), then
    the index tensors over that view's dims, None for a dim they leave alone (trailing ones dropped).
    Returns (the view's sizes, the index tensors)."""
    key, sizes = node.consts[0], tuple(node.consts[1])
    key = key if key.__class__ is tuple else (key,)
    basic = tuple(slice(None) if k.__class__ is np.ndarray else k for k in key)
    used = sum(k.ndim if k.__class__ is np.ndarray and k.dtype == np.bool_ else 1 for k in key
               if k is not None and k is not Ellipsis)
    indices = []
    for k in key:
        if k.__class__ is np.ndarray:
            indices.append(wrap(k.copy()))
        elif k is Ellipsis:
            indices += [None] * (len(sizes) - used)
        elif k is None or k.__class__ is slice:
            indices.append(None)
    while indices and indices[-1] is None:
        indices.pop()
    view = np.broadcast_to(np.empty((), np.int8), sizes)[basic]
    return view.shape, tuple(indices)


_ALPHA = {"alpha": lambda node: node.consts[0] if node.consts else 1}
_DIM_KEEPDIM = {"dim": _const(0), "keepdim": _const(1)}
_DIM = {"dim": _const(0)}
_ADDMM_LAYOUT = {f"mat{i}_sym_{what}": _addmm_layout(i, part) for i in (1, 2)
                 for part, what in enumerate(("sizes", "strides"))}
# ops whose node the engine builds with PyTorch's arguments in its consts: PyTorch's names for them (the values
# computed when read, so that building a node costs nothing more); dims as the engine holds them (wrapped)
ARGUMENTS = {
    "sum": {"self_sym_sizes": _sizes_from(0)},
    "sum_dim": {**_DIM_KEEPDIM, "self_sym_sizes": _sizes_from(2)},
    "mean": {"self_sym_sizes": _sizes_from(0), "self_sym_numel": lambda node: int(np.prod(node.consts[0]))},
    "mean_dim": {**_DIM_KEEPDIM, "self_sym_sizes": _sizes_from(2),
                 "self_sym_numel": lambda node: int(np.prod(node.consts[2]))},
    "add": _ALPHA, "sub": _ALPHA, "rsub": {"alpha": lambda node: 1},
    "pow": {"exponent": _const(0)},
    "view": {"self_sym_sizes": _sizes_from(1)},
    "transpose": {"dim0": _const(0), "dim1": _const(1)},
    "permute": {"dims": _sizes_from(0)},
    "expand": {"self_sym_sizes": lambda node: _input_sizes(node) or tuple(node.consts[0])},
    "repeat": {"self_sym_sizes": lambda node: _input_sizes(node)},
    "select": {"dim": lambda node: _last(0)(node)[0], "index": lambda node: _last(0)(node)[1],
               "self_sym_sizes": _sizes_from(1)},
    "slice": {"dim": lambda node: _last(0)(node)[0], "start": _slice_part("start"), "end": _slice_part("end"),
              "step": _slice_part("step"), "self_sym_sizes": _sizes_from(1)},
    "unbind": {"dim": lambda node: _last(0)(node)[0]},
    "split": {"dim": lambda node: _last(0)(node)[0], "self_sym_sizes": _sizes_from(1)},
    "squeeze": {"self_sym_sizes": _sizes_from(1)}, "squeeze_dim": {"self_sym_sizes": _sizes_from(1)},
    "cat": _DIM, "stack": _DIM, "softmax": _DIM, "log_softmax": _DIM, "cumsum": _DIM,
    "max_dim": {**_DIM_KEEPDIM, "self_sym_sizes": _sizes_from(3), "indices": _max_indices},
    "min_dim": {**_DIM_KEEPDIM, "self_sym_sizes": _sizes_from(3), "indices": _max_indices},
    "mm": {"self_sym_sizes": _operand_sizes(0), "mat2_sym_sizes": _operand_sizes(1)},
    "addmm": {"alpha": lambda node: 1, "beta": lambda node: 1, **_ADDMM_LAYOUT},
    "addmm_scaled": {"beta": _const(0), "alpha": _const(1), **_ADDMM_LAYOUT},
    "index": {"indices": lambda node: _index_parts(node)[1], "self_sym_sizes": lambda node: _index_parts(node)[0]},
    "prod_dim": _DIM_KEEPDIM, "amax": _DIM_KEEPDIM, "amin": _DIM_KEEPDIM, "logsumexp": _DIM_KEEPDIM,
    "clamp": {"min": _const(0), "max": _const(1)},
    "flip": {"dims": _sizes_from(0)},
    "roll": {"shifts": lambda node: _as_tuple(node.consts[0]), "dims": lambda node: _as_tuple(node.consts[1])},
    "leaky_relu": {"negative_slope": _const(0)},
    "mse_loss": {"reduction": lambda node: ("none", "mean", "sum").index(node.consts[0])},
    # the Fourier transforms: their dims as given, ATen's fft_norm_mode, the kind of transform
    "fft_r2c": {"dim": _sizes_from(0), "normalization": _const(1), "onesided": _const(2)},
    "fft_c2r": {"dim": _sizes_from(0), "normalization": _const(1)},
    "fft_c2c": {"dim": _sizes_from(0), "normalization": _const(1), "forward": _const(2)},
}


_PYTORCH_SAVED = {}


def pytorch_saved(node):
    """PyTorch's saved attributes of the node's class: {name: whether it is a tensor} (node_saved_names.py)."""
    cls = node.op.node
    names = _PYTORCH_SAVED.get(cls)
    if names is None:
        names = _PYTORCH_SAVED[cls] = {n.rstrip("*"): n.endswith("*") for n in SAVED_NAMES.get(cls, "").split()}
    return names


def node_dir(node):
    """dir(grad_fn) as PyTorch lists it: the node's methods and its class's saved attributes, _saved_<name> for
    each and _raw_saved_<name> for each tensor (a custom Function's node, with its ctx's own attributes, lists
    what Python finds)."""
    if hasattr(node, "__dict__"):
        return object.__dir__(node)
    saved = pytorch_saved(node).items()
    return sorted({*_NODE_DIR, *("_saved_" + n for n, _ in saved), *("_raw_saved_" + n for n, t in saved if t)})


Node.__dir__ = node_dir
SAVED_ATTRIBUTE[0] = saved_attribute   # (the named node classes' __getattr__, autograd._saved_attribute)
