"""The numpy side of the array namespace a vjp is written against (``NumpyXP``; grad.TensorXP is the other, used
under create_graph=True), and the numpy helpers vjps share: sum_to (the one broadcasting reduction), restore_dims,
prod_of_others, along_axis_key, rounded_f32."""

import math

import numpy as np

from . import blas, bufpool, ckernels, mkl_order
from .optable import OPS
from .reduce import dim_sum

# the backward of a slice or a select (and of split, unbind) copies the gradient into zeros, as ATen's
# slice_backward / select_backward do, so a -0.0 stays -0.0 (adding it to 0.0 would give +0.0); their positions never
# repeat. An index's backward accumulates (index_put_ with accumulate=True), as here.
COPIED_BACK = frozenset(("slice_backward", "select_backward"))


_F32, _F64 = np.dtype(np.float32), np.dtype(np.float64)
# (module globals: compiled, np.X is a module attribute read)
_NDARRAY, _np_zeros, _I64 = np.ndarray, np.zeros, np.dtype(np.int64)
BIG = bufpool.BIG_ELEMENTS  # elements: from here on, backward avoids fresh arrays (see bufpool.sum_into)


def rounded_f32(fn):
    """fn for float32 arrays computed in float64 and rounded once: PyTorch's float32 exp, log, tanh, sin, cos
    agree with the correctly rounded value far more often (exp: 99% of random inputs) than numpy's float32 loops
    (exp: 61%); other dtypes go straight to fn."""
    def f32(a):
        if a.dtype == np.float32:
            return fn(a.astype(np.float64)).astype(np.float32)
        return fn(a)
    return f32


def vml_or(fn, name):
    """fn, except where MKL is installed: then float32 and float64 arrays get MKL's vector function ``name``
    ("Sin"), which is what PyTorch computes that op with (blas.vml); other dtypes still go to fn."""
    def vml_fn(a):
        got = blas.vml(name, a)
        return fn(a) if got is None else got
    return vml_fn


def sum_to(g, shape):
    """Sum a broadcast gradient back down to ``shape``."""
    gshape = g.shape
    if gshape == shape:
        return g
    if ckernels.LIB is not None and g.flags.c_contiguous and (g.dtype == _F32 or g.dtype == _F64):
        if len(gshape) > 1 and gshape[1:] == shape and 1 not in gshape and g.size:
            # the commonest case, a bias's gradient summed over the batch: what dim_sum(g, (0,)) does, at once
            return ckernels.column_sums(g, 1, gshape[0], g.size // gshape[0]).reshape(shape)
        if 0 < g.size <= 32768 and math.prod(shape) == 1:
            # a one-element parameter's gradient (a lesson's w and b): the whole array summed, as dim_sum's
            # torch_sum does it (size-1 dims dropped, one contiguous row), without its layers
            return ckernels.row_sums(g.reshape(1, -1)).reshape(shape)
    lead = g.ndim - len(shape)
    axes = tuple(range(lead)) + tuple(i + lead for i, n in enumerate(shape) if n == 1 and g.shape[i + lead] != 1)
    if axes:
        # Added in PyTorch's order (a bias's gradient over the batch, a scalar weight's): numpy's order drifts over
        # a training loop.
        g = dim_sum(g, axes) if g.dtype.kind == "f" and g.size > 2 else np.add.reduce(g, axis=axes)
    return g.reshape(shape)


def restored_shape(shape, dims, ndim, keepdim):
    """The shape of a reduction's result with its reduced dims put back as size 1 (so it broadcasts against the
    input): dims None means all of them."""
    if dims is None:
        return (1,) * ndim
    if keepdim:
        return tuple(shape)
    shape = list(shape)
    for d in sorted(dims):
        shape.insert(d, 1)
    return tuple(shape)


def restore_dims(g, dims, ndim, keepdim, unsqueeze=True):  # noqa: ARG001 (the recorded form's choice of node)
    """g reshaped to restored_shape (a view)."""
    shape = restored_shape(g.shape, dims, ndim, keepdim)
    return g if shape == g.shape else g.reshape(shape)


def prod_of_others(a, axis):
    """For each element, the product of the other elements along axis (exact with zeros)."""
    if axis is None:
        flat = a.reshape(-1)
        return prod_of_others(flat, 0).reshape(a.shape)
    ones_shape = list(a.shape)
    ones_shape[axis] = 1
    one = np.ones(ones_shape, a.dtype)
    # (ATen's prod_safe_zeros_backward: its cumprod (float32 accumulated in double) and complex product, as they
    # round)
    cumprod, times = (lambda x: OPS["cumprod"].fwd(x, axis)), COMPLEX_MUL[0] if a.dtype.kind == "c" else np.multiply
    left = cumprod(np.concatenate([one, a], axis))
    right = np.flip(cumprod(np.flip(np.concatenate([a, one], axis), axis)), axis)
    n = a.shape[axis]
    return times(np.take(left, range(n), axis), np.take(right, range(1, n + 1), axis))


def along_axis_key(index, axis):
    """An advanced-indexing key that picks ``index`` along ``axis`` (like take_along_axis)."""
    key = list(np.indices(index.shape, sparse=True))
    key[axis] = index
    return tuple(key)


# the complex product as ATen's mul kernel rounds it: ops_complex.cmul, put here when ops_complex is imported (it
# imports the op table, which imports this module); numpy's own complex multiply fuses its products
COMPLEX_MUL = [np.multiply]


def _outer(a, b):
    """ATen's outer (ger): ``a.reshape(n, 1) * b``, complex products rounded as its mul kernel rounds them."""
    if a.dtype.kind == "c" or b.dtype.kind == "c":
        return COMPLEX_MUL[0](a[:, None], b[None, :])
    return np.outer(a, b)


class NumpyXP:
    is_numpy = True
    wrap = staticmethod(lambda arr: arr)  # a constant array as this namespace's value
    # at::exp, at::log in derivative formulas: MKL's vector math, as the ops' forward (it is not always correctly
    # rounded, and on an AVX-512 Intel processor it differs from the rounded float64 value more often)
    exp = staticmethod(vml_or(rounded_f32(np.exp), "Exp"))
    log = staticmethod(vml_or(rounded_f32(np.log), "Ln"))
    sin = staticmethod(vml_or(rounded_f32(np.sin), "Sin"))   # at::sin, at::cos in derivative formulas
    cos = staticmethod(vml_or(rounded_f32(np.cos), "Cos"))
    sqrt = staticmethod(np.sqrt)
    sign = staticmethod(np.sign)
    abs = staticmethod(np.abs)
    where = staticmethod(np.where)
    matmul = staticmethod(mkl_order.matmul_any)   # MKL's products; batches as at::matmul's bmm
    outer = staticmethod(_outer)
    maximum = staticmethod(np.maximum)
    restore_dims = staticmethod(restore_dims)
    prod_of_others = staticmethod(prod_of_others)

    @staticmethod
    def fit(g, shape, dtype):
        if g.shape != shape:
            g = sum_to(g, shape)
        if g.dtype != dtype:
            if g.dtype.kind == "c" and dtype.kind != "c":   # a real input's gradient: the real part (PyTorch's
                g = g.real                                  # handle_r_to_c)
            g = g.astype(dtype)
        return g

    @staticmethod
    def expand(g, shape):
        if g.ndim == 0:
            if math.prod(shape) >= BIG:  # a read-only view, as PyTorch's expand: no fresh multi-MB array to fault in
                return np.broadcast_to(g, shape)
            out = np.empty(shape, g.dtype)  # small: faster than broadcast_to's Python layer
            out.fill(g)
            return out
        return np.broadcast_to(g, shape)

    @staticmethod
    def reshape(g, shape):
        return g.reshape(shape)

    @staticmethod
    def permute(g, axes):
        return g.transpose(axes)

    @staticmethod
    def swap(g, a, b):
        return np.swapaxes(g, a, b) if g.ndim else g   # (a scalar's transpose: itself)

    @staticmethod
    def mT(g):
        return g.swapaxes(-1, -2)

    @staticmethod
    def sum(g, dims=None, keepdim=False):
        return np.add.reduce(g, axis=dims if g.ndim else None, keepdims=keepdim)

    @staticmethod
    def constant(like, value):
        """An array of value shaped like `like`, that no gradient depends on."""
        return np.full(like.shape, value, like.dtype)

    @staticmethod
    def scatter(g, shape, key, accumulate=True, kind=None):
        out = _np_zeros(shape, g.dtype)
        if accumulate and kind not in COPIED_BACK:
            k = key[0] if key.__class__ is tuple and len(key) == 1 else None
            if (k.__class__ is _NDARRAY and k.dtype.kind in "iu" and len(shape) > 1 and k.size and shape[0]
                    and g.shape == k.shape + tuple(shape[1:])):
                # rows picked by an index array (an embedding's C[X]): add.at on the flat array adds each element
                # in the same order as the row-wise add.at does, about twice as fast; the compiled loop too
                if (k.dtype == _I64 and g.dtype == _F32 and ckernels.LIB is not None and k.flags.c_contiguous
                        and g.flags.c_contiguous):
                    ckernels.index_add_rows(out, k, g)
                    return out
                row = out[0].size
                flat = ((k.reshape(-1, 1) % shape[0]) * row + np.arange(row)).reshape(-1)
                np.add.at(out.reshape(-1), flat, g.reshape(-1))
            else:
                np.add.at(out, key, g)
        else:
            out[key] = g
        return out

    @staticmethod
    def masked_zero(g, key):
        out = np.array(g)
        out[key] = 0
        return out

    @staticmethod
    def take(g, key):
        return g[key]

    @staticmethod
    def split(g, axis, sizes):
        return np.split(g, np.cumsum(sizes)[:-1], axis=axis)

    @staticmethod
    def unstack(g, axis):
        return [np.take(g, i, axis) for i in range(g.shape[axis])]

    @staticmethod
    def call(name, arrays, *consts):
        """A backward function that is an op of its own (see ops.py): here just its forward."""
        return OPS[name].fwd(*arrays, *consts)

    @staticmethod
    def div_scalar(g, n):
        return g / n

    @staticmethod
    def ties(a, out):
        return (a == out) | (np.isnan(a) & np.isnan(out))

    @staticmethod
    def float_mask(mask, like):
        return mask.astype(like.dtype)
