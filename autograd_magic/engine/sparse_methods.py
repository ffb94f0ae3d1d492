"""The methods of sparse COO tensors (the SparseMethods mixin their class puts before Tensor's: engine/tensor.py),
the sparse methods' dense forms (PyTorch's layout errors), the torch functions that know the layout, and the
deprecated torch.sparse.FloatTensor constructors. A sparse result is made by the dense method on the dense values,
then given its sparse parts (sparse.attach): the node is the one PyTorch records (MulBackward0, ToCopyBackward0 ...).
"""
import numpy as np

from . import dtypes, sparse_grad as SG
from . import linalg as L
from .ops_sparse import coalesced, dense_array
from .printing import format_sparse
from .sparse import (SPARSE_CLASS, attach, check_dense_sparse, coalesce, indices, is_coalesced, needs_sparse,
                     pattern_and_values, set_sparse, sparse_cat, sparse_coo, sparse_coo_tensor, sparse_mm, sparse_stack, sparse_t,
                     sparse_permute, sparse_transpose, to_dense,
                     to_sparse, values)
from .tensor_base import TensorBase, warn_once, wrap
from .tensor_base import _declared_methods as _DECLARED_METHODS


def _no_reshape(self, *args, **kwargs):
    raise RuntimeError("reshape is not implemented for sparse tensors")


def sparse_dim(self):
    return 0 if self._coo is None else self._coo.indices.shape[0]


def dense_dim(self):
    return self._data.ndim if self._coo is None else self._coo.values.ndim - 1


def _nnz(self):
    return needs_sparse(self, "_nnz").values.shape[0]


def _indices(self):
    return wrap(needs_sparse(self, "_indices").indices)


def _values(self):
    return wrap(needs_sparse(self, "_values", "sparse tensor").values)


# the methods of sparse tensors that dense tensors have too, in their dense form: PyTorch's layout errors
DENSE_METHODS = {
    "coalesce": coalesce, "is_coalesced": is_coalesced, "indices": indices, "values": values,
    "_indices": _indices, "_values": _values, "_nnz": _nnz, "sparse_dim": sparse_dim, "dense_dim": dense_dim,
    "to_dense": to_dense, "to_sparse": to_sparse, "to_sparse_coo": to_sparse,
    "is_sparse": property(lambda self: False),
}


def sparse_methods(methods):
    """The mixin of the sparse tensor class (SparseMethods, before Tensor's own): the layout, printing and the
    sparse forms of the methods, given Tensor's dense ones (methods._BINDINGS; the op table's methods too)."""
    new = {
        "layout": property(lambda self: sparse_coo), "is_sparse": property(lambda self: True),
        "__repr__": _repr, "__str__": _repr, "numpy": _numpy, "detach": _detach, "__rmatmul__": _rmatmul,
        "__deepcopy__": _deepcopy,
        "t": sparse_t, "reshape": _no_reshape, "zero_": _sparse_zero_,
        "type": _sparse_type(methods["type"]), "sum": _sparse_sum_method(methods["sum"]),
        "add_": _sparse_add_, "mul_": _sparse_mul_, "tolist": _refuse_storage, "data_ptr": _refuse_storage,
        "contiguous": _refuse_contiguous, "is_contiguous": lambda self, memory_format=None: False,
        "data": property(_detach, _set_data),
        "transpose": sparse_transpose, "swapaxes": sparse_transpose, "swapdims": sparse_transpose,
        "permute": sparse_permute, "T": property(_sparse_T),
        "mT": property(lambda self: sparse_transpose(self, -2, -1)),
    }
    for name in ("mm", "matmul", "__matmul__"):
        new[name] = lambda self, other, _d=methods[name]: _matmul(self, other, _d)
    for name in ("mul", "__mul__", "__rmul__", "div", "__truediv__"):
        new[name] = lambda self, other, *a, _d=methods[name], **k: _elementwise(self, other, _d, a, k)
    for name in ("add", "__add__"):
        new[name] = lambda self, other, *a, _d=methods[name], **k: _sparse_add(self, other, _d, a, k)
    for name in ("sub", "__sub__", "subtract"):   # (ATen: sub is add with -alpha)
        new[name] = lambda self, other, *a, _d=methods[name], **k: _sparse_add(self, other, _d, a, k, -1)
    new["sub_"] = lambda self, other, *a, **k: _sparse_add_(self, other, *a, _sign=-1, **k)
    for name in ("__radd__", "__rsub__"):   # (Python asks the sparse operand first: a subclass of the dense one)
        new[name] = lambda self, other, _d=methods[name], _n=name: _sparse_reflected(self, other, _d, _n)
    for name in ("neg", "negative", "__neg__"):   # (the pattern kept as it is, coalesced or not)
        new[name] = lambda self, _d=methods[name]: attach(_d(self), self._coo.indices, -self._coo.values,
                                                           self._coo.coalesced)
    for name in _CONVERSIONS:   # a copy in another dtype (or the tensor itself): still sparse
        new[name] = _converting(methods[name])
    for name in _ZERO_PRESERVING:   # f(0) == 0: computed on the coalesced values, the result sparse
        dense = methods.get(name) or _DECLARED_METHODS.get(name)   # (the op table's methods: sqrt, tanh ...)
        if dense is not None:
            new[name] = _on_values(dense)
    return type("SparseMethods", (), {"__slots__": (), "__module__": __name__, **new})


def _sparse_T(self):
    """x.T: PermuteBackward0 over the reversed dims (the dense form's warnings for other than 2 dims)."""
    if self._data.ndim != 2:
        return TensorBase.T.fget(self)
    return sparse_permute(self, 1, 0)


def _repr(self, *, tensor_contents=None):
    fn = self._fn
    coo = self._coo
    return format_sparse(coo.indices, coo.values, self.dtype.name, self._data.shape, requires_grad=self._rg,
                         grad_fn_name=None if fn is None else fn.op.node)


def _numpy(self, *, force=False):
    raise TypeError("can't convert Sparse layout tensor to numpy. Use Tensor.to_dense() first.")


def _detach(self):
    coo = self._coo
    return attach(TensorBase.detach(self), coo.indices, coo.values, coo.coalesced)


def _set_data(self, value):
    """``s.data = other``: the dense setter's checks (a dense ``other`` is refused), then other's sparse parts."""
    TensorBase.data.fset(self, value)
    coo = value._coo
    attach(self, coo.indices, coo.values, coo.coalesced)


def _deepcopy(self, memo):
    coo = self._coo
    return attach(TensorBase.__deepcopy__(self, memo), coo.indices.copy(), coo.values.copy(), coo.coalesced)


def _rmatmul(self, other):
    """dense @ sparse (Python asks the sparse operand first: its class is a subclass of the dense one's)."""
    if not isinstance(other, TensorBase):
        return NotImplemented
    check_dense_sparse(other, self)
    return L.matmul(other, self)


_CONVERSIONS = ("to", "float", "double", "half", "long", "int", "short", "char", "byte", "bool", "cpu", "clone",
                "type_as")
# unary ops that keep zeros zero: PyTorch has sparse kernels for them (their result coalesced)
_ZERO_PRESERVING = ("abs", "sqrt", "relu", "sin", "tan", "tanh", "asin", "atan", "sinh",
                    "asinh", "atanh", "expm1", "log1p", "sign", "sgn", "floor", "ceil", "round", "trunc", "frac",
                    "square", "pow", "deg2rad", "rad2deg", "erf", "erfinv", "nan_to_num")


def _converting(dense):
    def method(self, *args, **kwargs):
        out = dense(self, *args, **kwargs)
        if out is self:
            return self
        coo = self._coo
        vals = coo.values if out._data.dtype == coo.values.dtype else coo.values.astype(out._data.dtype)
        return attach(out, coo.indices.copy(), vals.copy(), coo.coalesced)
    return method


def _on_values(dense):
    def method(self, *args, **kwargs):
        idx, vals = pattern_and_values(self)
        out = dense(self, *args, **kwargs)
        return attach(out, idx, dense(wrap(vals), *args, **kwargs)._data, True)
    return method


def _sparse_type(dense):
    def method(self, dtype=None, non_blocking=False, **kwargs):
        if dtype is None and not kwargs:
            return dense(self).replace("torch.", "torch.sparse.", 1)
        return _converting(dense)(self, dtype, non_blocking, **kwargs)
    return method


def _sparse_sum_method(dense):
    def method(self, dim=None, keepdim=False, *, dtype=None):
        if dim is None or keepdim:
            return dense(self, dim, keepdim, dtype=dtype)
        ndim = self._data.ndim
        dims = tuple(sorted(d % ndim for d in ((dim,) if isinstance(dim, int) else dim)))
        out = dense(self, dims, dtype=dtype)
        idx, vals = pattern_and_values(self)
        keep = [d for d in range(idx.shape[0]) if d not in dims]
        if not keep:
            return out
        dense_dims = tuple(d - idx.shape[0] + 1 for d in dims if d >= idx.shape[0])
        new_idx, new_vals = coalesced(idx[keep], vals.sum(dense_dims) if dense_dims else vals, out._data.shape)
        return attach(out, new_idx, new_vals.astype(out._data.dtype), True)
    return method


def _sparse_zero_(self):
    self._data[...] = 0
    self._vbox[0] += 1
    coo = self._coo
    return attach(self, coo.indices[:, :0].copy(), coo.values[:0].copy(), True)


class _LegacySparseType(type):
    """torch.sparse.FloatTensor, DoubleTensor ...: the deprecated constructors of old GCN code (pygcn's
    ``torch.sparse.FloatTensor(indices, values, shape)``); isinstance asks for a sparse tensor of the dtype."""

    def __call__(cls, *args, device=None):
        if len(args) >= 2 and isinstance(args[0], TensorBase) and isinstance(args[1], TensorBase):
            indices, values = args[:2]
            form = "indices, values, shape" if len(args) > 2 else "indices, values"
            warn_once(f"torch.sparse.SparseTensor({form}, *, device=) is deprecated.  Please use "
                      f"torch.sparse_coo_tensor({form}, dtype=, device=). (Triggered internally at "
                      f"/__w/pytorch/pytorch/torch/csrc/utils/tensor_new.cpp:{653 if len(args) > 2 else 641}.)",
                      stacklevel=2)
            return sparse_coo_tensor(indices, values, args[2] if len(args) > 2 else None, check_invariants=False)
        shape = tuple(args[0]) if len(args) == 1 and isinstance(args[0], (tuple, list)) else tuple(args)
        warn_once("torch.sparse.SparseTensor(shape, *, device=) is deprecated.  Please use "
                  "torch.sparse_coo_tensor(shape, dtype=, device=). (Triggered internally at "
                  "/__w/pytorch/pytorch/torch/csrc/utils/tensor_new.cpp:684.)", stacklevel=2)
        empty = np.zeros((len(shape), 0), np.int64)
        return attach(wrap(np.zeros(shape, cls.dtype.np)), empty, np.zeros((0,), cls.dtype.np), True)

    def __instancecheck__(cls, obj):
        return isinstance(obj, TensorBase) and obj._coo is not None and obj.dtype is cls.dtype


LEGACY_TYPES = {name: _LegacySparseType(name, (), {"dtype": dt, "__module__": "torch.sparse", "__qualname__": name})
                for name, dt in (("FloatTensor", dtypes.float32), ("DoubleTensor", dtypes.float64),
                                 ("LongTensor", dtypes.int64), ("IntTensor", dtypes.int32),
                                 ("HalfTensor", dtypes.float16), ("ByteTensor", dtypes.uint8),
                                 ("ShortTensor", dtypes.int16), ("CharTensor", dtypes.int8),
                                 ("BoolTensor", dtypes.bool_))}


def _matmul(self, other, dense):
    if isinstance(other, TensorBase) and other._data.ndim == 2:
        return sparse_mm(self, other)
    return dense(self, other)


def functions(namespace):
    """The torch functions of the namespace given (torch's) that know the sparse layout: torch.add(s, ...),
    torch.sub, torch.mul, torch.div, torch.t, torch.neg, torch.reshape with a sparse first argument go to the method."""
    out = {}
    # (each wrapper costs a dense call one Python frame, about 2% of a small op)
    for name in ("add", "sub", "subtract", "mul", "multiply", "div", "divide", "t", "transpose", "swapaxes",
                 "swapdims", "permute", "reshape", "sum", "clone", "neg", "negative",
                 *_ZERO_PRESERVING):
        dense = namespace.get(name)
        if dense is None:
            continue
        method = {"multiply": "mul", "divide": "div", "negative": "neg"}.get(name, name)

        def fn(*args, _dense=dense, _method=method, **kwargs):
            if args and args[0].__class__ is SPARSE_CLASS[0]:   # (else the dense function: its own argument errors)
                return getattr(args[0], _method)(*args[1:], **kwargs)
            return _dense(*args, **kwargs)
        fn.__name__ = fn.__qualname__ = name
        fn.__doc__ = dense.__doc__
        out[name] = fn
    for name, join in (("cat", sparse_cat), ("concat", sparse_cat), ("concatenate", sparse_cat),
                       ("stack", sparse_stack)):
        dense = namespace.get(name)
        if dense is None:
            continue

        def joined(tensors, *args, _dense=dense, _join=join, **kwargs):
            # (a list whose first tensor is sparse: the sparse join, which refuses dense ones as ATen)
            if isinstance(tensors, (list, tuple)) and tensors and tensors[0].__class__ is SPARSE_CLASS[0]:
                return _join(tensors, *args, **kwargs)
            return _dense(tensors, *args, **kwargs)
        joined.__name__ = joined.__qualname__ = name
        joined.__doc__ = dense.__doc__
        out[name] = joined
    return out


def _elementwise(self, other, dense, args, kwargs):
    """sparse * number (or / number): sparse, the values scaled; sparse * dense: sparse, masked by the pattern."""
    out = dense(self, other, *args, **kwargs)
    coo = self._coo
    if isinstance(other, TensorBase) and other._data.ndim:
        if other._coo is not None:
            return out   # (a product of two sparse tensors: dense here)
        picked = np.broadcast_to(other._data, self._data.shape)[tuple(coo.indices)]
        vals = dense(wrap(coo.values), wrap(np.ascontiguousarray(picked)))._data
        out._data = dense_array(coo.indices, vals, self._data.shape)
    else:
        vals = dense(wrap(coo.values), other, *args, **kwargs)._data
    return attach(out, coo.indices, vals, coo.coalesced)


def _sparse_add(self, other, dense, args, kwargs, sign=1):
    """sparse + sparse (sign -1: sparse - sparse): ATen's sparse add (the entry lists merged, or joined:
    sparse_grad.add); the node the dense method's (AddBackward0, SubBackward0)."""
    if not (isinstance(other, TensorBase) and other._coo is not None):
        raise RuntimeError("add(sparse, dense) is not supported. Use add(dense, sparse) instead.")
    out = dense(self, other, *args, **kwargs)
    alpha = kwargs.get("alpha", args[0] if args else 1)
    idx, vals, _, coalesced_ = SG.add(self._coo, other._coo, self._data.shape, sign * alpha)
    return attach(out, idx, vals.astype(out._data.dtype, copy=False), coalesced_)


def _sparse_add_(self, other, *args, _sign=1, **kwargs):
    """sparse.add_(sparse) (_sign -1: sub_): in place, as ATen's sparse add."""
    if not (isinstance(other, TensorBase) and other._coo is not None):
        raise RuntimeError("add(sparse, dense) is not supported. Use add(dense, sparse) instead.")
    alpha = kwargs.get("alpha", args[0] if args else 1)
    return set_sparse(self, *SG.add(self._coo, other._coo, self._data.shape, _sign * alpha))


def _sparse_reflected(self, other, dense, name):
    """number + sparse, dense - sparse ...: a dense tensor of the sparse one's size gives the dense result; a number
    is added as sparse.add(number) (refused), subtracted as a 0-dim dense tensor (a size PyTorch refuses)."""
    if isinstance(other, TensorBase) and other._coo is None and other._data.shape == self._data.shape:
        return dense(self, other)
    if name == "__radd__" and not isinstance(other, TensorBase):
        raise RuntimeError("add(sparse, dense) is not supported. Use add(dense, sparse) instead.")
    out = dense(self, other)   # (its own errors first: a bool subtraction, a type it cannot take)
    if out is NotImplemented:
        return out
    size = list(other._data.shape) if isinstance(other, TensorBase) else []
    raise RuntimeError(f"add: expected 'self' and 'other' to have same size, but self has size {size} while other "
                       f"has size {list(self._data.shape)} (FYI: dense-sparse addition does not currently support "
                       "broadcasting)")


def _sparse_mul_(self, other):
    """sparse.mul_(number): the values scaled in place (the pattern kept)."""
    if isinstance(other, TensorBase):
        if other._coo is not None or other._data.ndim:
            raise NotImplementedError("autograd_magic implements a subset of PyTorch: an in-place product of a "
                                      "sparse tensor and a tensor is not part of it")
        other = other.item()
    coo = self._coo
    return set_sparse(self, coo.indices, coo.values * coo.values.dtype.type(other), self._data.shape,
                      coo.coalesced)


def _refuse_storage(self, *args, **kwargs):
    raise RuntimeError("Cannot access data pointer of Tensor that doesn't have storage")


def _refuse_contiguous(self, memory_format=None):
    raise RuntimeError("unsupported memory format option Contiguous")
