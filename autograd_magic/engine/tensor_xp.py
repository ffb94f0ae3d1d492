"""TensorXP: the array namespace a vjp is written against when create_graph=True. Its operations are recorded
Tensor ops, so the backward pass is itself a graph that can be differentiated (xp.NumpyXP is the numpy side)."""
import numpy as np

from . import dtypes
from .functions import where as _where
from .optable import OPS
from .tensor_base import TensorBase, apply, wrap
from .xp import restored_shape


class TensorXP:
    is_numpy = False
    wrap = staticmethod(lambda arr: wrap(np.asarray(arr)))

    @staticmethod
    def fit(g, shape, dtype):
        if g._data.shape != shape:
            lead = g._data.ndim - len(shape)
            dims = tuple(range(lead)) + tuple(i + lead for i, n in enumerate(shape)
                                              if n == 1 and g._data.shape[i + lead] != 1)
            if dims:
                g = g.sum(dims, keepdim=True)
            if g._data.shape != shape:
                g = g.reshape(shape)
        if g._data.dtype != dtype:
            g = g.to(dtypes._FROM_NP[dtype])
        return g

    @staticmethod
    def rewrap(data, node):
        return wrap(data, True, node)

    exp = staticmethod(lambda a: a.exp())
    log = staticmethod(lambda a: a.log())
    sin = staticmethod(lambda a: a.sin())
    cos = staticmethod(lambda a: a.cos())
    sqrt = staticmethod(lambda a: a.sqrt())
    abs = staticmethod(lambda a: a.abs())
    sign = staticmethod(lambda a: a.sign())
    matmul = staticmethod(lambda a, b: a @ b)
    outer = staticmethod(lambda a, b: a.unsqueeze(1) * b.unsqueeze(0))
    maximum = staticmethod(lambda a, lo: a.clamp(min=lo))
    expand = staticmethod(lambda g, shape: g.expand(shape))
    reshape = staticmethod(lambda g, shape: g.reshape(shape))
    permute = staticmethod(lambda g, axes: g.permute(axes))
    swap = staticmethod(lambda g, a, b: g.transpose(a, b))
    mT = staticmethod(lambda g: g.t() if g.ndim == 2 else g.transpose(-1, -2))
    take = staticmethod(lambda g, key: g[key])
    ties = staticmethod(lambda a, out: (a == out) | (a.isnan() & out.isnan()))
    float_mask = staticmethod(lambda mask, like: mask.to(like.dtype))

    @staticmethod
    def where(cond, a, b):
        return _where(cond if isinstance(cond, TensorBase) else wrap(np.asarray(cond)), a, b)

    @staticmethod
    def constant(like, value):
        return wrap(np.full(like._data.shape, value, like._data.dtype))

    @staticmethod
    def sum(g, dims=None, keepdim=False):
        if not g._data.ndim:
            return g.sum()
        return g.sum() if dims is None and not keepdim else g.sum(dims if dims is not None else
                                                                     tuple(range(g.ndim)), keepdim=keepdim)

    @staticmethod
    def restore_dims(g, dims, ndim, keepdim):
        shape = restored_shape(g._data.shape, dims, ndim, keepdim)
        return g.reshape(shape) if shape != g._data.shape else g

    @staticmethod
    def div_scalar(g, n):
        """g / n as PyTorch's C++ backward formulas divide (div.Scalar: DivBackward1)."""
        return apply(OPS["div_scalar"], (g,), n)

    @staticmethod
    def call(name, tensors, *consts):
        return apply(OPS[name], tensors, *consts)

    @staticmethod
    def scatter(g, shape, key, accumulate=True, kind=None):
        return apply(OPS[kind or "scatter_back"], (g,), key, shape)

    @staticmethod
    def masked_zero(g, key):
        mask = np.ones(g._data.shape, g._data.dtype)
        mask[key] = 0
        return g * wrap(mask)

    @staticmethod
    def split(g, axis, sizes):
        out, start = [], 0
        for n in sizes:
            key = (slice(None),) * axis + (slice(start, start + n),)
            out.append(g[key])
            start += n
        return out

    @staticmethod
    def unstack(g, axis):
        return [g.select(axis, i) for i in range(g._data.shape[axis])]

    @staticmethod
    def prod_of_others(a, axis):
        """For each element, the product of the others along axis, exact where a holds zeros (no division):
        the values laid out n times with the diagonal set to 1, then a product."""
        if axis is None:
            return TensorXP.prod_of_others(a.reshape(-1), 0).reshape(a.shape)
        moved = a.transpose(axis, -1) if axis != a.ndim - 1 else a
        n = moved.shape[-1]
        tiled = moved.unsqueeze(-2).expand(*moved.shape[:-1], n, n)
        eye = wrap(np.eye(n, dtype=bool))
        others = TensorXP.where(eye, 1.0, tiled).prod(-1)
        return others.transpose(axis, -1) if axis != a.ndim - 1 else others
