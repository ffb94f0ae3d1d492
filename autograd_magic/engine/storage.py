"""Tensor.storage() / untyped_storage(): the memory a tensor and its views share, as PyTorch shows it (Karpathy's
makemore lecture prints ``emb.view(...).storage()`` to show that view() copies nothing). ``storage()`` warns once
per process that TypedStorage is deprecated, with PyTorch's text."""
import warnings

import numpy as np

_WARNED = [False]
_MESSAGE = ("TypedStorage is deprecated. It will be removed in the future and UntypedStorage will be the only storage "
            "class. This should only matter to you if you are using storages directly.  To access UntypedStorage "
            "directly, use tensor.untyped_storage() instead of tensor.storage()")


def _root(a):
    while isinstance(a.base, np.ndarray):
        a = a.base
    return a


def _warn(stacklevel=3):
    if not _WARNED[0]:
        _WARNED[0] = True
        warnings.warn(_MESSAGE, UserWarning, stacklevel=stacklevel)


class TypedStorage:
    """A tensor's whole storage, element by element (flat, in memory order)."""

    def __init__(self, root, dtype):
        self._root, self.dtype = root, dtype
        self.device = "cpu"

    def _flat(self):
        return self._root.reshape(-1, order="A") if self._root.flags.forc else np.ravel(self._root, order="K")

    def size(self):
        return int(self._root.size)

    def __len__(self):
        return self.size()

    def __getitem__(self, i):
        return self._flat()[i].item()

    def tolist(self):
        return self._flat().tolist()

    def element_size(self):
        return int(self._root.itemsize)

    def nbytes(self):
        return int(self._root.nbytes)

    def data_ptr(self):
        return self._root.__array_interface__["data"][0] if self._root.size else 0

    def __str__(self):
        info = f"[torch.storage.TypedStorage(dtype={self.dtype}, device=cpu) of size {len(self)}]"
        return " " + "\n ".join(str(v) for v in self.tolist()) + "\n" + info

    __repr__ = __str__


TypedStorage.__module__ = "torch.storage"


class UntypedStorage:
    """The same memory as bytes."""

    def __init__(self, root):
        self._root = root

    def nbytes(self):
        return int(self._root.nbytes)

    def size(self):
        return self.nbytes()

    def __len__(self):
        return self.nbytes()

    def data_ptr(self):
        return self._root.__array_interface__["data"][0] if self._root.size else 0

    def __str__(self):
        data = np.frombuffer(np.ascontiguousarray(self._root).tobytes(), np.uint8)
        return (" " + "\n ".join(str(int(v)) for v in data) + "\n"
                + f"[torch.storage.UntypedStorage(device=cpu) of size {self.nbytes()}]")

    __repr__ = __str__


UntypedStorage.__module__ = "torch.storage"


def storage(self):
    """The tensor's TypedStorage (deprecated in PyTorch: warns once per process)."""
    _warn()
    return TypedStorage(_root(self._data), self.dtype)


def untyped_storage(self):
    return UntypedStorage(_root(self._data))
