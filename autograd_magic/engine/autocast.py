"""CPU autocast (torch.autocast("cpu")): the state its regions set and the casts its ops make.

PyTorch's CPU autocast casts the floating-point inputs (not float64) of its lower-precision ops (linear, matmul,
mm, bmm, addmm, baddbmm, conv*, prelu ...) to the region's dtype, and those of its float32 ops (mse_loss,
cross_entropy, nll_loss, l1_loss ...) to float32; every other op runs in its inputs' dtype. The casts are
recorded (ToCopyBackward0), so gradients flow back in each input's own dtype. A float32 leaf that requires grad
(a weight) is cast once per outermost region and the cast reused (PyTorch's cache).

The engine's functions call ``lower`` and ``fp32`` at their top; ``CPU.dtype`` is None outside an enabled region,
so that costs one test there. The torch-side context manager is torch/amp.py.
"""
import weakref

from . import dtypes


class _State:
    __slots__ = ("dtype", "enabled", "fast_dtype", "nesting", "cache_enabled", "cache")

    def __init__(self):
        self.dtype = None          # the cast-to dtype while an enabled region is open, else None
        self.enabled = False       # torch.is_autocast_enabled("cpu")
        self.fast_dtype = None     # torch.get_autocast_dtype("cpu") (bfloat16, set when first asked for)
        self.nesting = 0
        self.cache_enabled = True
        self.cache = {}            # id(weight) -> (weakref to it, its cast)


CPU = _State()


def set_region(enabled, fast_dtype, cache_enabled):
    """Enter a region: returns what exit_region restores."""
    before = (CPU.enabled, CPU.fast_dtype, CPU.cache_enabled)
    CPU.enabled, CPU.fast_dtype, CPU.cache_enabled = enabled, fast_dtype, cache_enabled
    CPU.dtype = fast_dtype if enabled else None
    CPU.nesting += 1
    return before


def exit_region(before):
    CPU.nesting -= 1
    if CPU.nesting == 0:
        CPU.cache.clear()
    CPU.enabled, CPU.fast_dtype, CPU.cache_enabled = before
    CPU.dtype = CPU.fast_dtype if CPU.enabled else None


def _eligible(t):
    d = getattr(t, "_data", None)
    return d is not None and dtypes.is_float_np(d.dtype) and d.dtype != dtypes.float64.np


def lower(*tensors):
    """The tensors a lower-precision op computes with inside a region: floating ones (not float64) cast to its
    dtype; a float32 leaf weight's cast comes from the cache."""
    target = CPU.dtype
    out = []
    for t in tensors:
        if not _eligible(t) or t._data.dtype == target.np:
            out.append(t)
            continue
        cacheable = (CPU.cache_enabled and t._data.dtype == dtypes.float32.np and t._rg and t._fn is None
                     and t._vbase is None)
        hit = CPU.cache.get(id(t)) if cacheable else None
        if hit is not None and hit[0]() is t:
            out.append(hit[1])
            continue
        cast = t.to(target)
        if cacheable:
            CPU.cache[id(t)] = (weakref.ref(t), cast)
        out.append(cast)
    return out


def fp32(*tensors):
    """The tensors a float32 op computes with inside a region: bfloat16 and float16 ones cast to float32."""
    return [t.to(dtypes.float32) if _eligible(t) and t._data.dtype != dtypes.float32.np else t for t in tensors]


def refuse(name):
    """An op of PyTorch's lower-precision list that the engine cannot compute in bfloat16 as PyTorch does."""
    raise NotImplementedError(f"autograd_magic implements a subset of PyTorch: {name} inside torch.autocast is not "
                              f"part of it")
