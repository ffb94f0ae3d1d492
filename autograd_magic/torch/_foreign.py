"""Real PyTorch's functions called with the engine's tensors.

A tensor made inside a ``%%grad`` cell stays an engine tensor afterwards. A later plain cell (where ``torch`` is
real PyTorch again) or a module imported with real PyTorch may give it to ``torch.sin``, ``torch.stack``,
``F.relu`` or a method of ``torch.Tensor``: real PyTorch then hands the call to the tensor's class through
``__torch_function__``, as it does for any tensor-like class that takes part in that protocol. The engine's
answer is its own counterpart of the function, found by the function's name where PyTorch keeps it:
``torch.sin`` -> the engine's ``torch.sin``, ``torch._C._nn.linear`` -> its ``F.linear``, ``torch.Tensor.add``
-> its ``Tensor.add``. ``counterpart(func)`` is read by engine/torch_function.py (``FOREIGN``).
"""
import sys

from .. import torch as engine   # (the package, partly made when this runs: its names are read at call time)
from ..engine import torch_function as _torch_function

# where real PyTorch defines a function -> (the engine's module under autograd_magic.torch, the prefix its C
# name carries there: torch._C._fft.fft_rfft is torch.fft.rfft)
_MODULES = {
    "torch": ("", ""), "torch.functional": ("", ""), "torch._C._VariableFunctions": ("", ""),
    "torch.nn.functional": ("nn.functional", ""), "torch._C._nn": ("nn.functional", ""),
    "torch.fft": ("fft", ""), "torch._C._fft": ("fft", "fft_"),
    "torch.linalg": ("linalg", ""), "torch._C._linalg": ("linalg", "linalg_"),
    "torch.special": ("special", ""), "torch._C._special": ("special", "special_"),
    "torch.autograd": ("autograd", ""), "torch.autograd.functional": ("autograd.functional", ""),
}
_TENSOR_CLASSES = ("Tensor", "TensorBase", "_TensorBase")
_CACHE = {}


def counterpart(func):
    """The engine's function or method real PyTorch's func stands for; None when func is not real PyTorch's
    (the engine's own, a user's function); a TypeError naming func when the engine has none."""
    try:
        found = _CACHE[func]
    except (KeyError, TypeError):   # (TypeError: an unhashable callable, never real PyTorch's)
        found = _lookup(func)
        try:
            _CACHE[func] = found
        except TypeError:
            pass
    if found is False:
        raise TypeError(f"real PyTorch's {_shown(func)} was given a tensor of autograd_magic's engine (one made "
                        "inside a %%grad cell), and autograd_magic has no counterpart for it: run this code under "
                        "%%grad (where `torch` is the engine), or make a PyTorch tensor with "
                        "torch.from_numpy(t.numpy())")
    return found


def _shown(func):
    """func as a learner calls it: ``torch.int_repr``, ``Tensor.add``."""
    name = getattr(func, "__name__", None) or repr(func)
    qualname, module = getattr(func, "__qualname__", "") or "", getattr(func, "__module__", None)
    if getattr(func, "__objclass__", None) is not None or qualname.split(".")[0] in _TENSOR_CLASSES:
        return "Tensor." + name
    if isinstance(module, str):
        return f"{module.replace('._C._VariableFunctions', '')}.{name}"
    return name


def _ours(func):
    """Is func the engine's (some keep PyTorch's module name, to print as PyTorch's do)?"""
    if type(func).__name__ == "cython_function_or_method":   # (real PyTorch has no Cython)
        return True
    code = getattr(func, "__code__", None) or getattr(getattr(func, "__func__", None), "__code__", None)
    return code is not None and "autograd_magic" in code.co_filename


def _lookup(func):
    if "torch._C" not in sys.modules or _ours(func):   # (real PyTorch never imported: nothing is its)
        return None
    owner = getattr(func, "__objclass__", None)
    module = getattr(func, "__module__", None) or getattr(owner, "__module__", None)
    if not isinstance(module, str) or not (module == "torch" or module.startswith("torch.")):
        return None
    name = getattr(func, "__name__", None)
    qualname = getattr(func, "__qualname__", "") or ""
    if name == "__get__" and hasattr(func, "__self__"):   # a property of real Tensor (``t.T``, ``t.grad``)
        prop = getattr(func.__self__, "__name__", None)
        if prop is None or not hasattr(engine.Tensor, prop):
            return False
        return lambda self, *_: getattr(self, prop)
    if owner is not None or qualname.split(".")[0] in _TENSOR_CLASSES:   # a method of real Tensor
        own = getattr(engine.Tensor, name, None) if name else None
        return False if own is None or own is func else own
    where = _MODULES.get(module)
    if where is None or not name:
        return False
    target = engine
    for part in filter(None, where[0].split(".")):
        target = getattr(target, part)
    if where[1] and name.startswith(where[1]):
        name = name[len(where[1]):]
    own = getattr(target, name, None)
    if own is None:
        return False
    return None if own is func else own


_torch_function.FOREIGN[0] = counterpart
