"""Tensor: what ``torch.Tensor`` is in the engine. TensorBase holds the data and autograd attributes,
TensorMethods the operators and the methods of hand-written functions, DeclaredMethods the methods generated from
the op table; all engine functions return Tensors (``result_class=True``: see tensor_base.wrap)."""
import numpy as np

from . import arg_parser, argcheck, dtypes, method_errors, method_objects, sparse, torch_function
from .creation import numpy_memory, tensors_in_list
from .legacy_new import legacy_args
from .methods import SparseMethods, TensorMethods
from .storage import memory_layout, over_memory
from . import tensor_base
from .tensor_base import DeclaredMethods, TensorBase


def _is_tensor(value):
    return isinstance(value, TensorBase)


class Tensor(TensorBase, TensorMethods, DeclaredMethods, result_class=True):
    """A tensor on the CPU, backed by a numpy array. See ``autograd_magic.torch`` for the functions."""
    __module__ = "torch"  # type(t) prints <class 'torch.Tensor'> as in PyTorch (pickling goes by __reduce_ex__)
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        if self.__class__ is not Tensor:
            try:   # made already by a subclass's own __new__ (as_subclass, _make_subclass ...) or by TensorBase's
                self._data   # for a subclass with an __init__ of its own: PyTorch builds a tensor in __new__ and
            except AttributeError:   # its __init__ is object's, which ignores the arguments, unless the class
                pass                 # has an __init__ of its own (then its super().__init__(data) is an error)
            else:
                if (args or kwargs) and type(self).__init__ is not Tensor.__init__:
                    raise TypeError("object.__init__() takes exactly one argument (the instance to initialize)")
                return
        # torch.Tensor(...) or a subclass's Sub(...): PyTorch's legacy constructor checks the arguments
        args, kwargs = legacy_args(args, kwargs, _is_tensor), {}
        if len(args) == 1 and isinstance(args[0], np.ndarray):   # (PyTorch's tensor_from_numpy: its checks and
            shared = numpy_memory(args[0])                           # warning; its memory when of the default dtype)
            if shared.dtype is dtypes.get_default_dtype():
                self._init(shared._data)
                return
        if len(args) == 1 and args[0].__class__ in (list, tuple):   # torch.Tensor([...]): tensors among the data
            args = (tensors_in_list(args[0], dtypes.get_default_dtype())[0],)   # as torch.tensor reads them
        super().__init__(*args, **kwargs)

    def __reduce_ex__(self, proto):
        """pickle: as PyTorch's, the tensor's whole storage and its place there (offset, sizes, strides): a view
        loads as a strided view, not as a compact copy. Each tensor pickles a storage of its own (PyTorch's storage
        pickles as bytes): a view and its base pickled together load apart. copy.copy(t) shares t's memory."""
        layout = memory_layout(self._data)
        if layout is None:
            return (_rebuild, (self._data, self._rg))
        return (_rebuild_strided, (_Memory(layout[0]), *layout[1:], self._rg))

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        torch_function.wrap_methods(cls, Tensor)   # (a subclass that takes part: its methods dispatch)

    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        """PyTorch's default for subclasses: func run as on plain tensors, its tensors made instances of cls."""
        return torch_function.default(cls, func, types, args, kwargs)

    @staticmethod
    def _make_subclass(cls, data, require_grad=False, **dispatch):
        """A new leaf of class cls over data's memory (and version counter), detached from data's graph, requiring
        grad if asked: how a Tensor subclass's __new__ makes its objects (fastbook's Parameter, nn.Parameter)."""
        if not isinstance(cls, type):
            raise TypeError(f"cls must be a type (got {argcheck.kind(cls)})")
        if not issubclass(cls, Tensor):
            raise TypeError("Creating a Tensor subclass from a class that does not inherit from Tensor is not "
                            "possible. Make sure your class inherits from Tensor.")
        if not isinstance(data, Tensor):
            raise TypeError(f"_make_subclass(): argument 'data' (position 2) must be Tensor, not "
                            f"{argcheck.kind(data)}")
        if require_grad.__class__ is not bool:
            raise TypeError(f"_make_subclass(): argument 'require_grad' (position 3) must be bool, not "
                            f"{argcheck.kind(require_grad)}")
        if require_grad and not dtypes.is_diff_np(data._data.dtype):
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        out = Tensor.detach(data)
        out.__class__ = cls
        out._rg = require_grad
        return out

    def as_subclass(self, cls):
        """An alias of this tensor (same memory, in the autograd graph: AliasBackward0) as an instance of cls."""
        if not (isinstance(cls, type) and issubclass(cls, Tensor)):
            raise TypeError("Creating a Tensor subclass from a class that does not inherit from Tensor is not "
                            "possible. Make sure your class inherits from Tensor.")
        out = Tensor.__getitem__(self, ...)
        out.__class__ = cls
        return out


# A method called with arguments PyTorch's parser refuses raises its TypeError (compiled builds: method_errors.py);
# not the methods parsed already (arg_parser.METHODS), the C-level ones of method_objects.py (item, sum, zero_ ...)
# nor view and abs, whose every call would pay the wrapper's ~80 ns (a training loop's hot methods)
method_errors.check_methods(Tensor, skip={*arg_parser.METHODS, *method_objects.NAMES, "view", "abs"})


def _rebuild(data, rg):
    return Tensor._wrap(data, rg)


class _Memory:
    """A tensor's storage in its __reduce_ex__: copy.copy passes it as it is (the copy shares the memory); pickle
    writes a copy of it each time, so two tensors over one storage pickle two (as PyTorch's storages do)."""
    __slots__ = ("root",)

    def __init__(self, root):
        self.root = root

    def __reduce__(self):
        return (_memory, (self.root.copy(order="K"),))


def _memory(root):
    return root


def _rebuild_strided(root, offset, shape, strides, dtype, rg):
    root = root.root if isinstance(root, _Memory) else root
    return Tensor._wrap(over_memory(root, offset, shape, strides, dtype), rg)


# A sparse COO tensor's class: Tensor with the sparse forms of its methods first (engine/sparse.py gives a tensor
# this class when it makes it sparse). It prints as torch.Tensor, as type() of a sparse tensor does in PyTorch.
SparseTensor = type("Tensor", (SparseMethods, Tensor), {"__slots__": (), "__module__": "torch", "__qualname__": "Tensor",
                                                 "__torch_function__": torch_function.DISABLED})
sparse.SPARSE_CLASS[0] = SparseTensor

# PyTorch's names the engine's tensors lack: its message when read (argcheck.Missing), not in dir()
tensor_base.MISSING = argcheck.refuse_missing(TensorBase, Tensor)
