"""Tensor.storage() / untyped_storage(): the memory a tensor and its views share, as PyTorch shows it (Karpathy's
makemore lecture prints ``emb.view(...).storage()`` to show that view() copies nothing). ``storage()`` warns once
per process that TypedStorage is deprecated, with PyTorch's text. The legacy typed storages of old lessons
(``torch.FloatStorage(5)``, ``torch.LongStorage([1, 2])``, ``torch.TypedStorage(data, dtype=...)``) make
TypedStorages too, and ``torch.FloatTensor(storage)`` a tensor on their memory."""
import numbers
import warnings

import numpy as np

from . import dtypes
from .size import device as _device

_WARNED = [False]
_MESSAGE = ("TypedStorage is deprecated. It will be removed in the future and UntypedStorage will be the only storage "
            "class. This should only matter to you if you are using storages directly.  To access UntypedStorage "
            "directly, use tensor.untyped_storage() instead of tensor.storage()")


def _root(a):
    while isinstance(a.base, np.ndarray):
        a = a.base
    return a


def memory_layout(a):
    """a's place in the memory that owns it, as PyTorch keeps a tensor in its storage: (root, byte offset, shape,
    byte strides, dtype), root the array owning the memory; None when that memory is not one dense run."""
    root = _root(a)
    if not a.size or not (root.flags.c_contiguous or root.flags.f_contiguous):
        return None
    offset = a.__array_interface__["data"][0] - root.__array_interface__["data"][0]
    return root, offset, a.shape, a.strides, a.dtype


def over_memory(root, offset, shape, strides, dtype):
    """The array that memory_layout described, seen in root's memory (root may be a copy of the original)."""
    if not offset and root.shape == shape and root.strides == strides and root.dtype == dtype:
        return root   # (the whole of it: an array that owns its memory, as a plain tensor's)
    flat = root.reshape(-1, order="A").view(np.uint8)
    return np.ndarray(shape, dtype, buffer=flat, offset=offset, strides=strides)


def copy_keeping_layout(a, memo):
    """A copy of a as deepcopy copies a tensor in PyTorch: its whole storage copied (once per deepcopy: memo), a
    seen there at the same offset with the same strides (a view stays a strided view, t.t() keeps its strides)."""
    layout = memory_layout(a)
    if layout is None:
        return a.copy(order="K")
    root = layout[0]
    key = ("autograd_magic storage", id(root))
    if key not in memo:
        memo[key] = (root, root.copy(order="K"))   # (root kept alive with its copy: the id stays unique)
    return over_memory(memo[key][1], *layout[1:])


def _warn(stacklevel=3):
    if not _WARNED[0]:
        _WARNED[0] = True
        warnings.warn(_MESSAGE, UserWarning, stacklevel=stacklevel)


def _new_data(name, args, np_dtype):
    """The memory of a new storage: zeros of a size, or the values of a sequence (PyTorch's TypeError otherwise)."""
    if not args:
        return np.zeros(0, np_dtype)
    if len(args) > 1:
        raise TypeError(f"{name}(): takes at most 1 positional argument ({len(args)} given)")
    arg = args[0]
    if isinstance(arg, numbers.Integral) and not isinstance(arg, bool):
        return np.zeros(int(arg), np_dtype)
    if isinstance(arg, (str, bytes)) or not hasattr(arg, "__len__"):
        raise TypeError(f"new(): invalid data type '{type(arg).__name__}'")
    return np.array(list(arg), dtype=np_dtype).reshape(-1)


class TypedStorage:
    """A tensor's whole storage, element by element (flat, in memory order); ``TypedStorage(data or size,
    dtype=None)`` makes a new one (deprecated, as in PyTorch)."""

    def __init__(self, *args, dtype=None, device=None, wrap_storage=None):
        _warn()
        self.dtype = dtype if dtype is not None else dtypes.get_default_dtype()
        self._root = _new_data("TypedStorage", args, self.dtype.np) if wrap_storage is None else \
            wrap_storage._root.view(self.dtype.np)
        self.device = _device("cpu")

    @classmethod
    def of(cls, root, dtype):
        """The storage of a tensor's memory (no warning here: storage() warns)."""
        self = object.__new__(cls)
        self._root, self.dtype, self.device = root, dtype, _device("cpu")
        return self

    def __setitem__(self, i, value):
        flat = self._flat()
        flat[i] = value
        if not np.shares_memory(flat, self._root):
            self._root[...] = flat.reshape(self._root.shape, order="K")

    def fill_(self, value):
        self._root[...] = value
        return self

    def __iter__(self):
        return iter(self.tolist())

    def untyped(self):
        return UntypedStorage(self._root)

    def _tensor_data(self):
        """The storage's elements as one flat array on its memory (what torch.FloatTensor(storage) wraps)."""
        return self._root.reshape(-1) if self._root.flags.c_contiguous else self._flat()

    def _flat(self):
        return self._root.reshape(-1, order="A") if self._root.flags.forc else np.ravel(self._root, order="K")

    def size(self):
        return int(self._root.size)

    def __len__(self):
        return self.size()

    def __getitem__(self, i):
        """One element as a Python number (no slices: PyTorch's TypedStorage refuses them)."""
        if isinstance(i, slice):
            raise RuntimeError("slices are only supported in UntypedStorage.__getitem__")
        return self._flat()[_index(self, i)].item()

    def type(self, dtype=None):
        """The legacy class's name ('torch.FloatStorage')."""
        if dtype is None:
            return f"torch.{self.dtype.scalar_name}Storage"
        raise NotImplementedError("autograd_magic implements a subset of PyTorch, and TypedStorage.type(dtype) is "
                                  "not part of it")

    def _to(self, dtype):
        """A storage of dtype: on the same memory for the same dtype, else a converted copy (float(), long() ...)."""
        if dtype is self.dtype:
            return TypedStorage.of(self._root, dtype)
        return TypedStorage.of(self._flat().astype(dtype.np), dtype)

    def clone(self):
        return TypedStorage.of(self._flat().copy(), self.dtype)

    def copy_(self, source, non_blocking=None):
        """source's elements (a storage of as many bytes) written into this one."""
        if source.nbytes() != self.nbytes():
            raise RuntimeError(f"size does not match, self was {self.nbytes()} bytes but src was {source.nbytes()} "
                               "bytes")
        self[:] = np.asarray(source.tolist(), dtype=self.dtype.np)
        return self

    def cpu(self):
        return TypedStorage.of(self._root, self.dtype)

    def tolist(self):
        return self._flat().tolist()

    def element_size(self):
        return int(self._root.itemsize)

    def nbytes(self):
        return int(self._root.nbytes)

    def data_ptr(self):
        return self._root.__array_interface__["data"][0] if self._root.size else 0

    is_cuda = False

    def is_shared(self):
        return False

    def is_pinned(self, device="cuda"):
        return False

    def __str__(self):
        info = f"[torch.storage.TypedStorage(dtype={self.dtype}, device=cpu) of size {len(self)}]"
        return " " + "\n ".join(str(v) for v in self.tolist()) + "\n" + info

    __repr__ = __str__


for _name, _dt in (("float", dtypes.float32), ("double", dtypes.float64), ("half", dtypes.float16),
                   ("long", dtypes.int64), ("int", dtypes.int32), ("short", dtypes.int16), ("char", dtypes.int8),
                   ("byte", dtypes.uint8), ("bool", dtypes.bool_)):
    setattr(TypedStorage, _name, (lambda dt: lambda self: self._to(dt))(_dt))
TypedStorage.__module__ = "torch.storage"


def _index(st, i):
    """i as an index into the storage st of n elements (PyTorch's errors for a non-integer and for one out of
    range; a negative one counts from the end)."""
    if isinstance(i, bool) or not isinstance(i, numbers.Integral):
        if isinstance(st, UntypedStorage):
            raise TypeError(f"can't index a torch.UntypedStorage with {type(i).__name__}")
        raise (TypeError if isinstance(i, bool) else RuntimeError)(f"can't index a {type(st)} with {type(i)}")
    n = len(st)
    if not -n <= i < n:
        raise IndexError(f"index {i} out of range for storage of size {n}")
    return int(i) + (n if i < 0 else 0)


class UntypedStorage:
    """The same memory as bytes (``UntypedStorage(n)``: n new bytes)."""

    def __init__(self, root=0):
        if isinstance(root, numbers.Integral) and not isinstance(root, bool):
            root = np.zeros(int(root), np.uint8)
        elif not isinstance(root, np.ndarray):
            root = _new_data("UntypedStorage", (root,), np.uint8)
        self._root = root
        self.device = _device("cpu")

    is_cuda = False

    def is_shared(self):
        return False

    def is_pinned(self, device="cuda"):
        return False

    def type(self):
        return "torch.storage.UntypedStorage"

    def _bytes(self):
        """The bytes, on the memory when it is one contiguous block (the root of a tensor's views always is)."""
        root = self._root
        if root.flags.forc:
            return root.reshape(-1, order="A").view(np.uint8)
        return np.frombuffer(np.ascontiguousarray(root).tobytes(), np.uint8)

    def __getitem__(self, i):
        """A byte (an int), or a slice of step 1 as an UntypedStorage on the same memory."""
        if isinstance(i, slice):
            start, stop, step = i.indices(self.nbytes())
            if step != 1:
                raise RuntimeError(f"Trying to slice with a step of {step}, but only a step of 1 is supported")
            return UntypedStorage(self._bytes()[start:max(start, stop)])
        return int(self._bytes()[_index(self, i)])

    def tolist(self):
        return self._bytes().tolist()

    def nbytes(self):
        return int(self._root.nbytes)

    def size(self):
        return self.nbytes()

    def __len__(self):
        return self.nbytes()

    def data_ptr(self):
        return self._root.__array_interface__["data"][0] if self._root.size else 0

    def __str__(self):
        data = self._bytes()
        return (" " + "\n ".join(str(int(v)) for v in data) + "\n"
                + f"[torch.storage.UntypedStorage(device=cpu) of size {self.nbytes()}]")

    __repr__ = __str__


UntypedStorage.__module__ = "torch.storage"


def storage(self):
    """The tensor's TypedStorage (deprecated in PyTorch: warns once per process)."""
    _warn()
    return TypedStorage.of(_root(self._data), self.dtype)


def untyped_storage(self):
    return UntypedStorage(_root(self._data))


class _LegacyStorageType(type):
    """torch.FloatStorage, torch.LongStorage ...: calling one makes a TypedStorage of its dtype (deprecated);
    isinstance(s, torch.FloatStorage) asks whether s is a float32 TypedStorage, as in PyTorch."""

    def __call__(cls, *args, device=None):
        _warn()
        return TypedStorage.of(_new_data(cls.__name__, args, cls.dtype.np), cls.dtype)

    def __instancecheck__(cls, obj):
        return isinstance(obj, TypedStorage) and obj.dtype is cls.dtype


def _legacy(dt):
    name = f"{dt.scalar_name}Storage"
    return _LegacyStorageType(name, (), {"dtype": dt, "__module__": "torch", "__qualname__": name})


LEGACY_STORAGES = {cls.__name__: cls for cls in (_legacy(dt) for dt in (
    dtypes.float32, dtypes.float64, dtypes.float16, dtypes.int64, dtypes.int32, dtypes.int16, dtypes.int8,
    dtypes.uint8, dtypes.bool_, dtypes.complex64, dtypes.complex128))}


def is_storage(obj):
    """Whether obj is a storage (typed or untyped)."""
    return isinstance(obj, (TypedStorage, UntypedStorage))


def storage_type(self):
    """Tensor.storage_type(): the legacy storage class of the tensor's dtype (torch.FloatStorage)."""
    return LEGACY_STORAGES[f"{self.dtype.scalar_name}Storage"]
