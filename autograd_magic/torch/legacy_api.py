"""Small top-level names of PyTorch that older lessons and utility code reach: the sym_* helpers on plain Python
numbers, the exception classes (``except torch.OutOfMemoryError:``), the legacy typed storages
(``torch.FloatStorage``), ``torch.lu_solve`` (deprecated) and the in-place top-level forms (``torch.addmv_`` ...),
``empty_permuted``, ``get_device_module``, ``from_dlpack`` / ``to_dlpack`` and the build queries."""
import builtins
import math
import sys

import numpy as np

from ..engine import creation, storage
from ..engine.linalg_more import lu_solve as _linalg_lu_solve
from ..engine.tensor import Tensor
from ..engine.tensor_base import warn_once, wrap
from .nn.functional_more import embedding_renorm_checked

_NUMBERS = (np.integer, np.floating, int, float)


# ---------------------------------------------------------------- sym_* (torch/__init__.py's, on plain numbers)

def sym_not(a):
    return not a


def sym_float(a):
    return builtins.float(a)


def sym_int(a):
    return math.trunc(a) if isinstance(a, float) else builtins.int(a)


def _sym_extreme(pick, a, b):
    """sym_max / sym_min on plain numbers: PyTorch's asserts, a float when either is one."""
    assert isinstance(a, _NUMBERS), f"expected {_NUMBERS}, got {type(a)}"
    assert isinstance(b, _NUMBERS), f"expected {_NUMBERS}, got {type(b)}"
    if isinstance(a, (float, np.floating)) or isinstance(b, (float, np.floating)):
        return builtins.float(pick(a, b))
    return pick(a, b)


def sym_max(a, b):
    return _sym_extreme(builtins.max, a, b)


def sym_min(a, b):
    return _sym_extreme(builtins.min, a, b)


def sym_sqrt(a):
    return math.sqrt(a)


def sym_sum(args):
    return builtins.sum(args)


def sym_ite(b, t, f):
    assert isinstance(b, bool), f"expected SymBool or bool, got {type(b)}"
    return t if b else f


# ---------------------------------------------------------------- exceptions, build queries, devices

class OutOfMemoryError(RuntimeError):
    """Raised by an accelerator's allocator when it runs out of memory (never on the CPU)."""


class AcceleratorError(RuntimeError):
    """Raised by an accelerator's runtime (never on the CPU)."""


OutOfMemoryError.__module__ = AcceleratorError.__module__ = "torch"


def compiled_with_cxx11_abi():
    """Whether PyTorch was built with _GLIBCXX_USE_CXX11_ABI=1 (the current wheels are)."""
    return True


def init_num_threads():
    """Initialises the intra-op thread pool of the calling thread (nothing to do for numpy)."""


def is_vulkan_available():
    return False


def is_distributed(input):
    return False


def get_device_module(device=None):
    """The torch.cpu or torch.cuda module of a device (a device, its name or its type); the CPU's by default."""
    from_module = sys.modules[__name__.rpartition(".")[0]]
    kind = getattr(device, "type", device)
    if kind is None:
        return from_module.cpu
    if not isinstance(kind, str):
        raise RuntimeError(f"Invalid value of device '{device}', expect torch.device, str, or None")
    kind = kind.partition(":")[0]
    module = getattr(from_module, kind, None) if kind in ("cpu", "cuda", "mps", "xpu", "mtia") else None
    if module is None:
        raise RuntimeError(f"Device '{kind}' does not have a corresponding module registered as 'torch.{kind}'.")
    return module


def empty_permuted(size, physical_layout, *, dtype=None, layout=None, device=None, requires_grad=False,
                   pin_memory=False):
    """An uninitialised tensor of size whose dims lie in memory in physical_layout's order (outermost first)."""
    size, order = tuple(builtins.int(s) for s in size), tuple(builtins.int(d) for d in physical_layout)
    if len(size) != len(order):
        raise RuntimeError(f"Number of dimensions in size does not match the length of the physical_layout; i.e. "
                           f"len(size) = {len(size)} is not equal to len(physical_layout) = {len(order)}")
    if sorted(order) != list(range(len(size))):
        raise RuntimeError("physical_layout must be a permutation of the dimensions")
    base = creation.empty(*(size[d] for d in order), dtype=dtype)
    out = base.permute(*np.argsort(order).tolist()).detach()
    out = wrap(out._data)
    return out._requires_grad(True) if requires_grad else out


_CAPSULES = {}   # id(capsule) -> (capsule, array): the capsules to_dlpack made, for from_dlpack to take back


def from_dlpack(ext_tensor):
    """A tensor on the memory of an object that speaks DLPack (a numpy array, a tensor ...) or of a capsule that
    to_dlpack made."""
    if isinstance(ext_tensor, Tensor):
        return ext_tensor.detach()
    kept = _CAPSULES.get(id(ext_tensor))
    if kept is not None and kept[0] is ext_tensor:
        return wrap(kept[1])
    return wrap(np.from_dlpack(ext_tensor))


def to_dlpack(tensor):
    """A DLPack capsule (a PyCapsule) of the tensor's memory."""
    capsule = tensor._data.__dlpack__()
    if len(_CAPSULES) > 64:
        _CAPSULES.pop(next(iter(_CAPSULES)))
    _CAPSULES[id(capsule)] = (capsule, tensor._data)
    return capsule


# ---------------------------------------------------------------- legacy linear algebra and in-place forms

_LU_SOLVE = ("torch.lu_solve is deprecated in favor of torch.linalg.lu_solveand will be removed in a future PyTorch "
             "release.\nNote that torch.linalg.lu_solve has its arguments reversed.\nX = torch.lu_solve(B, LU, "
             "pivots)\nshould be replaced with\nX = torch.linalg.lu_solve(LU, pivots, B) (Triggered internally at "
             "/__w/pytorch/pytorch/aten/src/ATen/native/BatchLinearAlgebra.cpp:2230.)")


def lu_solve(b, LU_data, LU_pivots, *, out=None):
    """Deprecated: torch.linalg.lu_solve(LU_data, LU_pivots, b) (warns once per process)."""
    warn_once(_LU_SOLVE)
    return _linalg_lu_solve(LU_data, LU_pivots, b, out=out)


def _inplace_form(name):
    """torch.NAME_(input, ...): the method Tensor.NAME_ called on input."""
    def fn(input, *args, **kwargs):
        return getattr(input, name)(*args, **kwargs)
    fn.__name__ = fn.__qualname__ = name
    return fn


def as_strided_(input, size, stride, storage_offset=None):
    """input made a view of its own storage with this size and stride (as_strided written back onto it)."""
    view = input.as_strided(size, stride, storage_offset).detach()
    input._data = view._data
    return input


FUNCTIONS = {f.__name__: f for f in (
    sym_not, sym_float, sym_int, sym_max, sym_min, sym_sqrt, sym_sum, sym_ite, compiled_with_cxx11_abi,
    init_num_threads, is_vulkan_available, is_distributed, get_device_module, empty_permuted, from_dlpack, to_dlpack,
    lu_solve, as_strided_)}
FUNCTIONS["embedding_renorm_"] = embedding_renorm_checked
FUNCTIONS.update({name: _inplace_form(name) for name in ("addmv_", "i0_", "ldexp_", "conj_physical_", "resize_as_")})
FUNCTIONS.update({"OutOfMemoryError": OutOfMemoryError, "AcceleratorError": AcceleratorError,
                  "is_storage": storage.is_storage, "TypedStorage": storage.TypedStorage,
                  "UntypedStorage": storage.UntypedStorage, "Storage": storage.LEGACY_STORAGES["FloatStorage"]})
FUNCTIONS.update(storage.LEGACY_STORAGES)
