"""More Tensor methods (``METHODS``, bound by methods.py): the methods of more.py's functions, and storage
queries, unfold, index_add/index_fill/index_copy, sum_to_size, fill_diagonal_, the in-place comparisons and view
changes (t_, transpose_, squeeze_, unsqueeze_ under PyTorch's node names) and register_post_accumulate_grad_hook."""
import collections
import numbers

import numpy as np

from . import batching, creation, determinism, dtypes, overlap as _overlap, storage, strided
from . import functions as F
from . import indexing as IX
from . import shaping as S
from .arg_parser import GENERATOR_OVERLOADS, Signature, check_call, check_generator, invalid_combination
from .autograd import GRAD_MODE, RemovableHandle
from .functions import dims_arg
from .method_signatures import SIGNATURES as METHOD_SIGNATURES
from .more import FUNCTIONS
from .optable import OPS, defop
from .tensor_base import TensorBase, _dim, apply, check_inplace, inplace, wrap


def _root(a):
    while isinstance(a.base, np.ndarray):
        a = a.base
    return a


def data_ptr(self):
    """The address of the first element: equal for views that start at the same place, as in PyTorch."""
    return self._data.__array_interface__["data"][0] if self._data.size else 0


def storage_offset(self):
    a = self._data
    if not a.size:
        return 0
    root = _root(a)
    return (a.__array_interface__["data"][0] - root.__array_interface__["data"][0]) // a.itemsize


def unfold(self, dimension, size, step):
    """The windows of size elements, step apart, along dimension: a view (writes through it reach self)."""
    a = self._data
    dimension, size, step = int(dimension), int(size), int(step)   # (the parser lets one-element int tensors in)
    if size < 0:
        raise RuntimeError(f"size is {size} but must be >= 0")
    if not a.ndim:
        if size > 1:
            raise RuntimeError(f"maximum size for tensor at dimension 0 is 1 but size is {size}")
        if step <= 0:
            raise RuntimeError(f"step is {step} but must be > 0")
        return S._view_out(self, apply(OPS["unfold"], (self,), (np.zeros(1, np.int64),), (),
                                       data=strided.unfold_view(a, 0, size, step)))
    d = _dim(dimension, a.ndim)
    if size > a.shape[d]:
        raise RuntimeError(f"maximum size for tensor at dimension {d} is {a.shape[d]} but size is {size}")
    if step <= 0:
        raise RuntimeError(f"step is {step} but must be > 0")
    n = (a.shape[d] - size) // step + 1
    starts = np.arange(n) * step
    out_nd = a.ndim + 1
    key = []
    for j in range(a.ndim):
        shape = [1] * out_nd
        if j == d:
            shape[j], shape[-1] = n, size
            key.append((starts[:, None] + np.arange(size)).reshape(shape))
        else:
            shape[j] = a.shape[j]
            key.append(np.arange(a.shape[j]).reshape(shape))
    return S._view_out(self, apply(OPS["unfold"], (self,), tuple(key), a.shape,
                                   data=strided.unfold_view(a, d, size, step)))


_INT32_64 = (np.dtype(np.int32), np.dtype(np.int64))


def _index_checks(index, name):
    """Each kernel's checks of index, in its order: index_add_ and index_copy_ look at the dims first (then int32 or
    int64, int64 only), index_fill_ at the dtype first (int64 only)."""
    shaped = isinstance(index, TensorBase)
    kind = index.dtype.scalar_name if shaped else type(index).__name__
    if name == "index_fill_":
        if shaped and index._data.dtype != np.int64:
            raise IndexError("index_fill_(): Expected dtype int64 for index.")
        if shaped and index.ndim > 1:
            raise RuntimeError("Index has to be a vector/scalar")
    elif shaped and index.ndim > 1:
        if name == "index_copy_":
            raise IndexError(f"index_copy_(): Index should have dimension 1 or 0 (got {index.ndim})")
        raise IndexError(f"{name}(): Index is supposed to be a vector, but got dim: {index.ndim} with type: {kind} "
                         f"and size: [{', '.join(map(str, index.shape))}]")
    elif name == "index_copy_" and shaped and index._data.dtype != np.int64:
        raise RuntimeError(f"index_copy_(): Expected a long tensor for index, but got {kind}")
    if not shaped or index._data.dtype not in _INT32_64:
        raise RuntimeError(f"{name}(): Expected dtype int32/int64 for index but got: {kind}")


def _index_key(self, dim, index, name, meta=None):
    """The dim and the numpy key of an index_* op; meta(d, number of indices): the op's own checks, which ATen makes
    before its kernel checks the indices' bounds."""
    _index_checks(index, name)
    d = _dim(dim, self.ndim)
    idx = index._data.reshape(-1).astype(np.int64)
    if meta is not None:
        meta(d, idx.size)
    n = self.shape[d] if self.ndim else 1
    # index_fill_ wraps a negative index as Python does; index_add_ and index_copy_ take 0 <= i < n only
    bad = idx[(idx >= n) | (idx < (-n if name == "index_fill_" else 0))]
    if bad.size:
        raise _index_error(self, name, int(bad[0]), d, n)
    return d, (slice(None),) * d + (idx % n if n else idx,)


def _index_error(self, name, i, d, n):
    """ATen's check of each op's own CPU kernel (index_add_'s is _index_add_refuse): index_copy_ and index_fill_
    IndexErrors, index_copy_ naming itself."""
    where = f"index {i} is out of bounds for dimension {d} with size {n}"
    return IndexError(f"index_copy_(): {where}" if name == "index_copy_" else where)


def index_add(self, dim, index, source, *, alpha=1):
    return _index_add(self, dim, index, source, alpha, None)


def _index_add(self, dim, index, source, alpha, into):
    """index_add; into: the tensor index_add_ writes, which keeps what the kernel added before a bad index."""
    _index_checks(index, "index_add_")
    d = _dim(dim, self.ndim)
    idx = index._data.reshape(-1).astype(np.int64)
    _index_add_meta(self, source, d, idx.size)
    n = self.shape[d] if self.ndim else 1
    bad = np.flatnonzero((idx >= n) | (idx < 0))
    scatters = _index_add_scatters(self, source, index, d, alpha)
    if bad.size:
        _index_add_refuse(self, source, d, idx, int(bad[0]), alpha, into, scatters)
    key = (slice(None),) * d + (idx,)
    if scatters and self._data.dtype == np.float16:   # (scatter_add_ sums float16 in float32, rounds once)
        return apply(OPS["index_add"], (self, source), key, alpha, True)
    return apply(OPS["index_add"], (self, source), key, alpha)


def _index_add_scatters(self, source, index, d, alpha):
    """Whether ATen's index_add_cpu_out hands the call to scatter_add_: a tensor of 2 dims or more along its first
    or last dim, alpha 1, int64 indices and a source of self's other sizes (scatter_add_'s bounds message and its
    float32 sums of float16)."""
    nd = self.ndim
    return (nd > 1 and d in (0, nd - 1) and alpha == 1 and index._data.dtype == np.int64 and source.ndim == nd
            and all(a == b for j, (a, b) in enumerate(zip(self.shape, source.shape)) if j != d))


def _index_add_refuse(self, source, d, idx, first, alpha, into, scatter):
    """ATen's index_add_ kernels stop at the first index out of range, having added what came before it. A call
    handed to scatter_add_ (scatter, _index_add_scatters) raises a RuntimeError naming the index (dim 0 walks the
    indices outermost, the last dim walks them within each row and stops in the first); the others add slice by
    slice (an IndexError without the index)."""
    nd = self.ndim
    if into is not None and first and into._data.flags.writeable and self.numel():
        src = source._data if alpha == 1 else source._data * self._data.dtype.type(alpha)
        if not nd:
            into._data[()] += src.reshape(())
        elif scatter and d == nd - 1:
            row = (0,) * (nd - 1)
            np.add.at(into._data, row + (idx[:first],), src[row + (slice(0, first),)])
        else:
            take = (slice(None),) * d + (slice(0, first),)
            np.add.at(into._data, (slice(None),) * d + (idx[:first],), src[take] if src.ndim else src)
    if scatter:
        raise RuntimeError(f"index {int(idx[first])} is out of bounds for dimension {d} with size {self.shape[d]}")
    raise IndexError("index out of range in self")


def _index_add_inplace(self, dim, index, source, *, alpha=1):
    def index_add(t, src):   # (named as the op: vmap's refusal of a batched source names it, batching.refuse_inplace)
        return _index_add(t, dim, index, src, alpha, self)
    return inplace(index_add, self, source)


def _index_add_meta(self, source, d, numel):
    """ATen's index_add meta checks: the dtypes, the dim in source, the number of indices (a scalar source takes
    one: asking a scalar's size(dim) for the message raises first), then the other dims' sizes."""
    if source._data.dtype != self._data.dtype:
        raise RuntimeError(f"index_add_(): self ({self.dtype.scalar_name}) and source ({source.dtype.scalar_name}) "
                           "must have the same scalar type")
    if d and d >= source.ndim:
        raise RuntimeError(f"index_add_(): Indexing dim {d} is out of bounds of the source tensor with dim "
                           f"{source.ndim}")
    if not source.ndim:
        if numel != 1:
            raise IndexError(f"Dimension specified as {d} but tensor has no dimensions")
    elif source.shape[d] != numel:
        raise RuntimeError(f"index_add_(): Number of indices ({numel}) should be equal to source.size(dim): "
                           f"({source.shape[d]}), for dim: {d}")
    a, b = tuple(self.shape), tuple(source.shape)
    if a != b and (not a or not b or a[:d] + a[d + 1:] != b[:d] + b[d + 1:]):
        raise RuntimeError("source tensor shape must match self tensor shape, excluding the specified dimension. Got "
                           f"self.shape = [{', '.join(map(str, a))}] source.shape = [{', '.join(map(str, b))}]")


def index_fill(self, dim, index, value):
    d, key = _index_key(self, dim, index, "index_fill_")
    if self._data.dtype.kind != "c" and (isinstance(value, (complex, np.complexfloating)) or (
            isinstance(value, TensorBase) and value._data.dtype.kind == "c")):
        raise RuntimeError("index_fill_(): Converting complex Scalar to non-complex type is not supported")
    if isinstance(value, TensorBase):
        if value.ndim:
            raise RuntimeError(f"index_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                               f"{value.ndim} dimension(s).")
        dtypes.fitted(value._data.item(), self._data.dtype)   # (ATen fills value.item())
        return apply(OPS["index_fill_t"], (self, value.to(self.dtype)), key)
    return apply(OPS["index_fill"], (self,), key, dtypes.fitted(value, self._data.dtype))


def index_copy(self, dim, index, source):
    d, key = _index_key(self, dim, index, "index_copy_")
    if source._data.dtype != self._data.dtype:
        raise RuntimeError(f"index_copy_(): self and source expected to have the same dtype, but got (self) "
                           f"{self.dtype.scalar_name} and (source) {source.dtype.scalar_name}")
    if source.ndim and (source.shape[:d] + source.shape[d + 1:] != self.shape[:d] + self.shape[d + 1:]
                        or source.shape[d] != key[d].size):
        for j in range(self.ndim):
            if j != d and source.shape[j] != self.shape[j]:
                raise RuntimeError(f"index_copy_(): Source/destination tensor must have same slice shapes. "
                                   f"Destination slice shape: {self.shape[j]} at dimension {d} and source slice "
                                   f"shape: {source.shape[j]} at dimension {d}.")
        raise IndexError(f"index_copy_(): Number of indices ({key[d].size}) should be equal to "
                         f"source.size(dim) ({source.shape[d]})")
    return apply(OPS["index_copy"], (self, source), key)


def sum_to_size(self, *size, **kwargs):
    if "size" in kwargs and not size:   # (x.sum_to_size(size=(1, 3)); the torch layer parses the arguments)
        size = (kwargs.pop("size"),)
    if kwargs:
        raise TypeError(f"sum_to_size() got an unexpected keyword argument '{next(iter(kwargs))}'")
    size = tuple(size[0]) if len(size) == 1 and isinstance(size[0], (tuple, list)) else tuple(size)
    shape = tuple(self.shape)
    lead = len(shape) - len(size)
    if lead < 0 or any(s != 1 and s != t for s, t in zip(size, shape[lead:])):
        raise RuntimeError(f"size {{[{', '.join(map(str, size))}]}} is not expandable to size "
                           f"{{[{', '.join(map(str, shape))}]}}.")
    if size == shape:
        return self
    dims = tuple(range(lead)) + tuple(lead + i for i, s in enumerate(size) if s == 1 and shape[lead + i] != 1)
    out = S.sum(self, dims, True) if dims else self
    return S.view(out, size) if lead else out


_FILL_DIAGONAL = [Signature(t) for t in METHOD_SIGNATURES["fill_diagonal_"]]


def fill_diagonal_(self, fill_value, wrap=False):
    """ATen's fill_diagonal_: the main diagonal taken as an as_strided view of self's storage and filled (a second
    one below it when wrap=True and the matrix is taller than wide + 1), so that autograd records CopySlices and a
    leaf's refusal names a view, as PyTorch's."""
    if not isinstance(fill_value, (numbers.Number, TensorBase)):   # (its parser's Number, before fill_'s)
        check_call("fill_diagonal_", _FILL_DIAGONAL, (fill_value, wrap), {})
    a = self._data
    if a.ndim < 2:
        raise RuntimeError("dimensions must larger than 1")
    if a.ndim > 2 and len(set(a.shape)) != 1:
        raise RuntimeError("all dimensions of input must be of equal length")
    height, width = a.shape[:2]
    strides = self.stride()
    size, step, offset = min(height, width), sum(strides), storage_offset(self)
    strided.as_strided(self, (size,), (step,), offset).fill_(fill_value)
    if wrap and a.ndim == 2 and height > width + 1:
        rest = (a.size + width) // (width + 1) - size
        strided.as_strided(self, (rest,), (step,), offset + strides[0] * (width + 1)).fill_(fill_value)
    return self


def _compare_inplace(name):
    def method(self, other):
        kind = "tensor" if isinstance(other, TensorBase) else "number"
        F.check_operands(self, other)
        value = other._data if isinstance(other, TensorBase) else other
        if kind == "tensor" and value.dtype != self._data.dtype:   # (other cast to the promoted dtype, as in a.eq(b))
            value = F._common(self, other)[1]
        return inplace(lambda t: apply(OPS[f"{name}_{kind}"], (t,), value), self)
    method.__name__ = name + "_"
    return method


def _view_inplace(compute):
    """t_, transpose_, squeeze_, unsqueeze_: self becomes the view (its history: the op's node over the old one)."""
    def method(self, *args, **kwargs):
        recording = GRAD_MODE.enabled and self._rg
        if recording:
            check_inplace(self)
        op, consts = compute(self, *args, **kwargs)
        if recording:
            old = wrap(self._data, self._rg, self._fn)
            if self._fn is not None and self._fn.multi:   # (an output of a several-output node: which one)
                old._slot = self._slot
            new = apply(OPS[op], (old,), *consts)
            self._data, self._fn = new._data, new._fn
        else:
            self._data = OPS[op].fwd(self._data, *consts)
        self._vbox[0] += 1  # PyTorch bumps the version of a tensor whose view changed in place
        return self
    return method


def resize_(self, *sizes, memory_format=None, **kwargs):
    """Tensor.resize_(*sizes): self takes the new shape over its elements in memory order. Its storage never
    shrinks: a size that still fits in it from self's offset reuses the old elements (a view grown back sees its
    base's values); beyond it the storage grows, the elements past the old ones being PyTorch's uninitialised
    memory (zeros here; PyTorch's fill under deterministic algorithms), and a view's base moves to the grown
    storage with it. A non-contiguous tensor becomes contiguous at its offset, as in PyTorch."""
    if not sizes and "size" in kwargs:
        sizes = (kwargs.pop("size"),)
    if not sizes:   # (PyTorch's parser: the missing size before an unknown keyword)
        raise TypeError('resize_() missing 1 required positional arguments: "size"')
    if kwargs:
        raise TypeError(f"resize_() got an unexpected keyword argument '{next(iter(kwargs))}'")
    shape = tuple(sizes[0]) if len(sizes) == 1 and isinstance(sizes[0], (tuple, list)) else sizes
    shape = tuple(int(s) for s in shape)
    if self._rg:
        raise RuntimeError("cannot resize variables that require grad")
    if any(s < 0 for s in shape):   # (PyTorch's size check multiplies the sizes unsigned)
        raise RuntimeError("numel: integer multiplication overflow")
    data = self._data
    if shape == data.shape:
        return self
    n = int(np.prod(shape, dtype=np.int64))
    flat, offset = _flat_storage(data)
    if not data.flags.c_contiguous and (flat is None or any(st < 0 for st in data.strides)):
        raise NotImplementedError("autograd_magic implements a subset of PyTorch: Tensor.resize_ of a non-contiguous "
                                  "tensor is not part of it")
    if flat is None:   # (memory that is not one flat run of self's dtype: only what self holds counts)
        if n <= data.size:
            self._data = data.reshape(-1)[:n].reshape(shape)
        elif self._vbase is not None:
            raise NotImplementedError("autograd_magic implements a subset of PyTorch: growing a view of memory "
                                      "of another dtype with Tensor.resize_ is not part of it")
        else:
            self._data = _grown(data.reshape(-1), n).reshape(shape)
    elif offset + n <= flat.size:
        self._data = flat[offset:offset + n].reshape(shape)   # the same memory: views of self still see it
    else:
        grown = _grown(flat, offset + n)
        base = self._vbase
        if base is not None and storage._root(base._data) is storage._root(data):
            # (the base shares the storage that grew: it moves with it, as in PyTorch)
            old = base._data
            base._data = np.ndarray(old.shape, old.dtype, buffer=grown, strides=old.strides,
                                    offset=_flat_storage(old)[1] * old.itemsize)
        self._data = grown[offset:offset + n].reshape(shape)
    self._vbox[0] += 1
    return self


# what a tensor's __dict__ holds of its place among views: let go when set_ gives it other memory
_VIEW_STATE = ("_vbase", "_view_of_leaf", "_multi_view", "_untracked_view", "_custom_view", "_attr_version", "_views")
_SET_SIGNATURES = ["()", "(torch.Storage source)",
                   "(torch.Storage source, int storage_offset, tuple of ints size, tuple of ints stride = None)",
                   "(Tensor source)",
                   "(Tensor source, int storage_offset, tuple of ints size, tuple of ints stride = None)"]


def _storage_bytes(source):
    """The memory of a storage or a tensor's storage, as a flat run of bytes (a view of it)."""
    root = storage._root(source._data) if isinstance(source, TensorBase) else source._root
    if not root.flags.c_contiguous:
        root = root.reshape(-1, order="A")
    return root.reshape(-1).view(np.uint8)


@defop("set_", "NotImplemented", lambda a: np.array(a, copy=True), qualname="torch::autograd::NotImplemented")
def _set_vjp(xp, grad, saved, consts, needs):
    raise RuntimeError("derivative for set_ is not implemented")


def _refuse_set(args):
    raise invalid_combination("set_", _SET_SIGNATURES, args, {})


def set_(self, source=None, storage_offset=None, size=None, stride=None):
    """Tensor.set_: self takes other memory, in place: a tensor's (its storage, offset, sizes and strides, shared
    from now on: a write through either shows in both), a storage's (all of it as a flat tensor, or the given
    offset, size and stride within it), or none (an empty tensor). Its version counter moves on (its own, not the
    source's); the tensor it was a view of, and its own views, keep the old memory. In grad mode a leaf that
    requires grad refuses it; otherwise a tensor that requires grad on either side gets PyTorch's NotImplemented
    node (its backward raises)."""
    is_tensor = isinstance(source, TensorBase)
    if source is None and (storage_offset is not None or size is not None or stride is not None) or \
            source is not None and not is_tensor and not storage.is_storage(source):   # (a list, a number ...)
        _refuse_set(tuple(a for a in (source, storage_offset, size, stride) if a is not None))
    dt = self._data.dtype
    if is_tensor and source._data.dtype != dt:
        raise RuntimeError(f"Could not set tensor of type {dtypes.c_name(source._data.dtype)} to a tensor of type "
                           f"{dtypes.c_name(dt)}")
    if GRAD_MODE.enabled:
        check_inplace(self)   # (a leaf that requires grad: PyTorch's in-place error)
    if source is None:
        data = np.empty(0, dt)
    elif is_tensor and storage_offset is None:
        data = source._data.view()
    else:
        flat = _storage_bytes(source)
        if storage_offset is None:   # (a whole storage: a flat tensor over it)
            data = flat[:flat.size - flat.size % dt.itemsize].view(dt)
        else:
            size = tuple(int(n) for n in size)
            if stride is None:   # (a contiguous layout of size)
                stride, step = [], 1
                for n in reversed(size):
                    stride.insert(0, step)
                    step *= max(n, 1)
            stride = tuple(int(n) for n in stride)
            data = np.lib.stride_tricks.as_strided(flat[int(storage_offset) * dt.itemsize:].view(dt), size,
                                                    tuple(n * dt.itemsize for n in stride))
    old = wrap(self._data)   # (self before: what a NotImplemented node of a self that requires grad points to)
    old._fn, old._rg = self._fn, self._rg
    state = self.__dict__
    for key in _VIEW_STATE:
        state.pop(key, None)
    self._data = data
    self._vbox[0] += 1   # (its own version counter, moved on: PyTorch's set_ keeps the tensor's counter)
    if GRAD_MODE.enabled and (old._rg or is_tensor and source._rg):
        made = apply(OPS["set_"], (source if is_tensor and source._rg else old,))
        self._fn, self._rg = made._fn, True
    return self


def is_set_to(self, tensor):
    """Whether self and tensor are the same memory seen the same way: storage, offset, sizes and strides."""
    a, b = self._data, tensor._data
    return (storage._root(a) is storage._root(b) and a.__array_interface__["data"][0] ==
            b.__array_interface__["data"][0] and a.shape == b.shape and a.strides == b.strides)


def _flat_storage(data):
    """data's storage as a flat array of its dtype and data's offset in it, or (None, 0) when data's root memory
    is not a C-contiguous run of data's dtype."""
    root = storage._root(data)
    if root.dtype != data.dtype or not root.flags.c_contiguous or not root.flags.writeable:
        return None, 0
    flat = root.reshape(-1)
    start = data.__array_interface__["data"][0] - root.__array_interface__["data"][0] if root.size else 0
    return flat, start // data.itemsize


def _grown(flat, n):
    """A new flat storage of n elements starting with flat's."""
    grown = np.full(n, determinism.uninitialized(flat.dtype), flat.dtype)
    grown[:flat.size] = flat
    return grown


def _t_args(self):
    if self.ndim > 2:
        raise RuntimeError(f"t_() expects a tensor with <= 2 dimensions, but self is {self.ndim}D")
    return "t_inplace", ()


def _transpose_args(self, dim0, dim1):
    n = self.ndim
    return "transpose_inplace", (_dim(dim0, n), _dim(dim1, n))


def _swapaxes_args(self, axis0, axis1):   # (swapaxes_ takes numpy's names, as torch.swapaxes)
    return _transpose_args(self, axis0, axis1)


def _squeeze_args(self, *dims, dim=None):
    if dims:   # (x.squeeze_(1, 3): dims one by one are the tuple of dims, as in Tensor.squeeze)
        dim = dims[0] if len(dims) == 1 else dims
    shape = tuple(self.shape)
    if dim is None:
        return "squeeze_all_inplace", (tuple(s for s in shape if s != 1), shape)
    dims = dims_arg(dim, self.ndim) or ()
    new = tuple(s for i, s in enumerate(shape) if not (i in dims and s == 1))
    return ("squeeze_dims_inplace" if isinstance(dim, (tuple, list)) else "squeeze_mm"), (new, shape)


def _unsqueeze_args(self, dim):
    shape = list(self.shape)
    shape.insert(_dim(dim, self.ndim + 1), 1)
    return "unsqueeze_inplace", (tuple(shape), tuple(self.shape))


def register_post_accumulate_grad_hook(self, hook):
    """hook(tensor) runs after the leaf's .grad has been accumulated in a backward pass."""
    if not self._rg:
        raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
    if self._fn is not None:
        raise RuntimeError("post accumulate grad hooks cannot be registered on non-leaf tensors")
    if self._post_acc_hooks is None:
        self._post_acc_hooks = collections.OrderedDict()
    handle = RemovableHandle(self._post_acc_hooks)
    self._post_acc_hooks[handle.id] = hook
    return handle


_TENSOR_BERNOULLI = [Signature(t) for t in GENERATOR_OVERLOADS["Tensor.bernoulli"]]


def _bernoulli(self, *args, **kwargs):
    """Tensor.bernoulli([p]): torch.bernoulli's draws; a p other than a number goes through PyTorch's parser (a
    tensor of probabilities is refused: that is bernoulli_'s)."""
    if kwargs.get("generator") is not None:
        check_generator("Tensor.bernoulli", kwargs["generator"], args)
    elif len(args) > 1 or kwargs.keys() - {"generator"} or (args and args[0].__class__ not in (int, float)):
        args, kwargs = (), check_call("bernoulli", _TENSOR_BERNOULLI, args, kwargs)
    return creation.draw_bernoulli(self, *args, **kwargs)


TENSOR_METHODS = {
    "byte": lambda s, memory_format=None: F.to_dtype(s, dtypes.uint8),
    "char": lambda s, memory_format=None: F.to_dtype(s, dtypes.int8),
    "short": lambda s, memory_format=None: F.to_dtype(s, dtypes.int16),
    "data_ptr": data_ptr, "storage_offset": storage_offset, "storage": storage.storage,
    "untyped_storage": storage.untyped_storage, "storage_type": storage.storage_type, "is_cpu": property(lambda s: True),
    "get_device": lambda s: -1, "multinomial": creation.multinomial, "bernoulli": _bernoulli, "unfold": unfold,
    "as_strided": strided.as_strided, "index_reduce": strided.index_reduce, "index_reduce_": strided.index_reduce_,
    "index_add": index_add, "index_fill": index_fill, "index_copy": index_copy,
    "index_add_": _index_add_inplace,
    "index_fill_": lambda s, dim, index, value: inplace(lambda t, *v: index_fill(t, dim, index, *(v or (value,))),
                                                       s, *((value,) if isinstance(value, TensorBase) else ())),
    "index_copy_": lambda s, dim, index, source: inplace(_overlap.named("index_copy", lambda t, src: index_copy(t, dim, index, src)), s, source),
    "sum_to_size": sum_to_size, "fill_diagonal_": fill_diagonal_,
    "register_post_accumulate_grad_hook": register_post_accumulate_grad_hook,
    **{n + "_": _compare_inplace(n) for n in ("eq", "ne", "lt", "le", "gt", "ge")},
    "cumsum_": S.running_inplace("cumsum"), "cumprod_": S.running_inplace("cumprod"), "resize_": resize_,
    "resize_as_": lambda self, other, *, memory_format=None: resize_(self, other.shape),
    "set_": set_, "is_set_to": is_set_to,
    "t_": _view_inplace(_t_args), "transpose_": _view_inplace(_transpose_args),
    "swapaxes_": _view_inplace(_swapaxes_args), "swapdims_": _view_inplace(_transpose_args),
    "squeeze_": _view_inplace(_squeeze_args), "unsqueeze_": _view_inplace(_unsqueeze_args),
    **{n + "_": (lambda fn: lambda s, *a, **k: inplace(fn, s, *a, **k))(fn) for n, fn in (
        ("square", F.square), ("sign", F.sign), ("floor", F.floor), ("ceil", F.ceil),
        ("round", F.round), ("trunc", F.trunc))},
}

# Tensor methods PyTorch has for them (self first).
METHODS = {name: FUNCTIONS[name] for name in (
    "fliplr", "flipud", "rot90", "argwhere", "take_along_dim", "tensor_split", "cummax", "cummin", "kthvalue",
    "mode", "msort", "aminmax", "nansum", "nanmean", "quantile", "unique_consecutive",
    "kron", "signbit", "heaviside", "copysign", "float_power", "logaddexp2")}
METHODS.update(TENSOR_METHODS)
