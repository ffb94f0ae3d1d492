"""The ``*_copy`` forms of the view functions (``torch.view_copy``, ``t_copy``, ``select_copy`` ... from functionalized
and exported code) and ``unsafe_chunk`` / ``unsafe_split`` / ``unsafe_split_with_sizes`` (the gates of PyTorch's RNN
cells).

A copy is the view's values in a new contiguous tensor: the view is taken (its checks and messages are the view's,
``t() expects a tensor with <= 2 dimensions``), then its node is handed to the copy under PyTorch's name for it, the
view's node name with ``_copy`` (ViewBackward0_copy): the gradient is the view's. ``detach_copy`` has PyTorch's
NotImplemented node, ``view_as_complex_copy`` refuses autograd as PyTorch does."""
import numpy as np

from . import arg_parser
from .autograd import GRAD_MODE, Node
from .complex_fns import view_as_complex, view_as_real
from .functions import with_out
from .indexing import diagonal, select
from .optable import OPS, defop, renamed
from .shaping import _infer_shape, _view_out, split_sizes as checked_split_sizes
from .strided import as_strided
from .tensor_base import _dim, apply, wrap

def _copy_op(op):
    """op under its *_copy node name (the same forward, vjp and saved values)."""
    return op if op.node.endswith("_copy") else renamed(op, op.node + "_copy")


def copied(view):
    """A new contiguous tensor with view's values whose grad_fn is view's node renamed ``..._copy``."""
    out = wrap(np.array(view._data, order="C", copy=True))
    fn = view._fn
    if fn is not None and view._rg and not fn.multi:
        fn.op = _copy_op(fn.op)
        if fn.__class__ is not Node:   # (already handed out under its view name)
            fn.__class__ = fn.op.node_cls
        out._rg, out._fn = True, fn
    return out


def _parsed(name, texts, impl, out=True):
    """impl behind PyTorch's parser for these overloads (its TypeErrors), with out= when the function has one."""
    sigs = [arg_parser.Signature(t) for t in texts]

    def call(*args, **kwargs):
        values = arg_parser.check_call(name, sigs, args, {k: v for k, v in kwargs.items() if k != "out"})
        return impl(**values)
    call.__name__ = call.__qualname__ = name
    call.__doc__ = impl.__doc__
    return with_out(call, name) if out else call


# ---------------------------------------------------------------- the copies of one view

def _view_copy(input, size=None, dtype=None):
    """view's values in a new tensor (of any layout: a copy needs no compatible strides); a dtype: its bits."""
    if dtype is not None:
        return input.view(dtype).clone()
    shape = _infer_shape(tuple(int(s) for s in size), input._data.size)
    data = np.ascontiguousarray(input._data).reshape(shape)
    return copied(apply(OPS["view"], (input,), shape, input._data.shape, data=data))


def _slice_copy(input, dim=0, start=None, end=None, step=1):
    d = _dim(dim, input._data.ndim)
    if step <= 0:
        raise RuntimeError("slice step must be positive")
    return copied(input[(slice(None),) * d + (slice(start, end, step),)])


def alias(input):
    """A view of all of input, node AliasBackward0 (aten::alias; torch.func.jvp's primal outputs are such views)."""
    return _view_out(input, apply(OPS["alias"], (input,)))


def _view_as_complex_copy(input):
    if GRAD_MODE.enabled and input._rg:
        raise RuntimeError("view_as_complex_copy does not support automatic differentiation for outputs with complex "
                           "dtype.")
    return copied(view_as_complex(input))


@defop("detach_copy", "NotImplemented", lambda a: np.array(a, order="C", copy=True),
       qualname="torch::autograd::NotImplemented")
def detach_copy_vjp(xp, grad, saved, consts, needs):
    raise RuntimeError("derivative for aten::detach_copy is not implemented")


def _detach_copy(input):
    """A copy that says it requires grad (PyTorch's NotImplemented node), whose backward raises."""
    return apply(OPS["detach_copy"], (input,))


_ONE = {   # name: (PyTorch's signatures without out=, the view taken)
    "t_copy": (["(Tensor input)"], lambda input: input.t()),
    "transpose_copy": (["(Tensor input, int dim0, int dim1)"], lambda input, dim0, dim1: input.transpose(dim0, dim1)),
    "permute_copy": (["(Tensor input, tuple of ints dims)"], lambda input, dims: input.permute(tuple(dims))),
    "expand_copy": (["(Tensor input, tuple of ints size, *, bool implicit = False)"],
                    lambda input, size, implicit=False: input.expand(tuple(size))),
    "squeeze_copy": (["(Tensor input)", "(Tensor input, int dim)", "(Tensor input, tuple of ints dim)"],
                     lambda input, dim=None: input.squeeze() if dim is None else input.squeeze(dim)),
    "unsqueeze_copy": (["(Tensor input, int dim)"], lambda input, dim: input.unsqueeze(dim)),
    "select_copy": (["(Tensor input, int dim, int index)"], lambda input, dim, index: select(input, dim, index)),
    "slice_copy": (["(Tensor input, int dim = 0, int? start = None, int? end = None, int step = 1)"], _slice_copy),
    "diagonal_copy": (["(Tensor input, int offset = 0, int dim1 = 0, int dim2 = 1)"],
                      lambda input, offset=0, dim1=0, dim2=1: diagonal(input, offset, dim1, dim2)),
    "alias_copy": (["(Tensor input)"], alias),
    "unfold_copy": (["(Tensor input, int dimension, int size, int step)"],
                    lambda input, dimension, size, step: input.unfold(dimension, size, step)),
    "view_as_real_copy": (["(Tensor input)"], view_as_real),
    "as_strided_copy": (["(Tensor input, tuple of ints size, tuple of ints stride, int? storage_offset = None)"],
                        lambda input, size, stride, storage_offset=None: as_strided(input, size, stride,
                                                                                    storage_offset)),
}


def _one(view):
    return lambda **values: copied(view(**values))


def _out(texts):
    return [t[:-1] + ", *, Tensor out = None)" for t in texts]


FUNCTIONS = {name: _parsed(name, _out(texts), _one(view)) for name, (texts, view) in _ONE.items()}
FUNCTIONS.update({
    "view_copy": _parsed("view_copy", ["(Tensor input, torch.dtype dtype, *, Tensor out = None)",
                                       "(Tensor input, tuple of ints size, *, Tensor out = None)"], _view_copy),
    "detach_copy": _parsed("detach_copy", ["(Tensor input, *, Tensor out = None)"], _detach_copy),
    "view_as_complex_copy": _parsed("view_as_complex_copy", ["(Tensor input, *, Tensor out = None)"],
                                    _view_as_complex_copy),
})


# ---------------------------------------------------------------- the copies of several views, unsafe_split

def _pieces(input, sizes, d, op):
    pieces, start = [], 0
    for size in sizes or [0]:
        key = (slice(None),) * d + (slice(start, start + size),)
        pieces.append(apply(OPS[op], (input,), key, input._data.shape))
        start += size
    return pieces


def _sizes(input, split_size, dim):
    if input._data.ndim == 0:
        raise RuntimeError("split expects at least a 1-dimensional tensor")
    d = _dim(dim, input._data.ndim)
    n = input._data.shape[d]
    if split_size < 0:
        raise RuntimeError(f"split expects split_size be non-negative, but got split_size={split_size}")
    if split_size == 0 and n:
        raise RuntimeError(f"split_size can only be 0 if dimension size is 0, but got dimension size of {n}")
    return d, [min(split_size, n - start) for start in range(0, n, split_size)] if split_size else [n]


def _unsafe_split(input, split_size, dim=0):
    """split without the view's autograd restrictions: pieces that are not views (UnsafeSplitBackward0)."""
    d, sizes = _sizes(input, int(split_size), dim)
    return tuple(_pieces(input, sizes, d, "unsafe_split"))


def _checked_sizes(input, split_sizes, dim):
    d = _dim(dim, input._data.ndim)
    return d, checked_split_sizes(split_sizes, input._data.shape[d], d)


def _unsafe_split_with_sizes(input, split_sizes, dim=0):
    d, sizes = _checked_sizes(input, split_sizes, dim)
    return tuple(_pieces(input, sizes, d, "unsafe_split_with_sizes"))


def _unsafe_chunk(input, chunks, dim=0):
    if input._data.ndim == 0:
        raise RuntimeError("chunk expects at least a 1-dimensional tensor")
    if chunks <= 0:
        raise RuntimeError(f"chunk expects `chunks` to be greater than 0, got: {chunks}")
    d = _dim(dim, input._data.ndim)
    n = input._data.shape[d]
    size = -(-n // chunks)
    if n == 0:   # (ATen: as many empty pieces as asked)
        return _unsafe_split_with_sizes(input, [0] * chunks, d)
    return _unsafe_split(input, size, d)


@defop("unsafe_split_with_sizes", "UnsafeSplitWithSizesBackward0", lambda a, key, shape: np.array(a[key]))
def unsafe_split_with_sizes_vjp(xp, grad, saved, consts, needs):
    key, shape = consts[:2]
    return (xp.scatter(grad, shape, key, True, "slice_backward"),)


def _copies(pieces):
    return tuple(copied(p) for p in pieces)


FUNCTIONS.update({
    "unbind_copy": _parsed("unbind_copy", ["(Tensor input, int dim = 0)"],
                           lambda input, dim=0: _copies(input.unbind(dim)), out=False),
    "split_copy": _parsed("split_copy", ["(Tensor input, int split_size, int dim = 0)"],
                          lambda input, split_size, dim=0: _copies(input.split(int(split_size), dim)), out=False),
    "split_with_sizes_copy": _parsed("split_with_sizes_copy",
                                     ["(Tensor input, tuple of ints split_sizes, int dim = 0)"],
                                     lambda input, split_sizes, dim=0: _copies(input.split(list(split_sizes), dim)),
                                     out=False),
    "unsafe_chunk": _parsed("unsafe_chunk", ["(Tensor input, int chunks, int dim = 0)"], _unsafe_chunk, out=False),
    "unsafe_split": _parsed("unsafe_split", ["(Tensor input, int split_size, int dim = 0)"], _unsafe_split, out=False),
    "unsafe_split_with_sizes": _parsed("unsafe_split_with_sizes",
                                       ["(Tensor input, tuple of ints split_sizes, int dim = 0)"],
                                       _unsafe_split_with_sizes, out=False),
})


def _method(fn):
    def method(self, *args, **kwargs):
        return fn(self, *args, **kwargs)
    method.__name__ = method.__qualname__ = fn.__name__
    return method


# Tensor.unsafe_chunk, unsafe_split, unsafe_split_with_sizes (the *_copy functions have no methods)
METHODS = {name: _method(FUNCTIONS[name]) for name in ("unsafe_chunk", "unsafe_split", "unsafe_split_with_sizes")}
