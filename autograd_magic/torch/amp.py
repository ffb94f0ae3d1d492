"""torch.amp and torch.autocast, on the CPU: a region in which PyTorch's lower-precision ops compute in bfloat16.

The state and the casts are the engine's (engine/autocast.py); this is the user's side: the context manager (also a
decorator), with PyTorch's checks, warnings and defaults. CUDA autocast is disabled with PyTorch's warning, as on a
machine without CUDA; float16 and other devices are not part of the engine.

>>> with torch.autocast("cpu"):          # doctest: +SKIP
...     y = nn.Linear(4, 3)(torch.randn(2, 4))
>>> y.dtype                              # doctest: +SKIP
torch.bfloat16
"""
import functools
import warnings

from ..engine import autocast as _state
from ..engine import dtypes
from ..engine.size import device as _device
from ..engine.tensor_base import enable_bfloat16
from .amp_grad_scaler import GradScaler  # noqa: F401

__all__ = ["GradScaler", "autocast", "is_autocast_available"]


def is_autocast_available(device_type):
    """Whether autocast exists for a device type (PyTorch's answer: every accelerator type has it)."""
    _check_device(device_type)
    return device_type.partition(":")[0] != "meta"


def _check_device(device_type):
    try:
        _device(device_type)
    except RuntimeError:
        raise RuntimeError(f"Invalid device string: '{device_type}'") from None


class autocast:
    """torch.autocast(device_type, dtype=None, enabled=True, cache_enabled=None): inside the block, linear, matmul,
    mm, bmm and addmm compute in bfloat16 and mse_loss, cross_entropy, nll_loss ... in float32."""
    __module__ = "torch.amp.autocast_mode"

    def __init__(self, device_type, dtype=None, enabled=True, cache_enabled=None):
        if not isinstance(device_type, str):
            raise ValueError(f"Expected `device_type` of type `str`, got: `{type(device_type)}`")
        if not is_autocast_available(device_type):
            raise RuntimeError(f"User specified an unsupported autocast device_type '{device_type}'")
        self.device = device_type
        is_cuda = device_type.partition(":")[0] == "cuda"
        self.fast_dtype = (dtypes.float16 if is_cuda else enable_bfloat16()) if dtype is None else dtype
        self._cache_enabled = _state.CPU.cache_enabled if cache_enabled is None else cache_enabled
        if enabled:
            if is_cuda:
                warnings.warn("CUDA is not available or torch_xla is imported. Disabling autocast.", stacklevel=2)
                enabled = False
            elif device_type != "cpu":
                raise NotImplementedError(f"autograd_magic implements a subset of PyTorch: torch.autocast on "
                                          f"device_type '{device_type}' is not part of it")
            elif self.fast_dtype not in (dtypes.bfloat16, dtypes.float16):
                name = device_type.upper()
                warnings.warn(f"In {name} autocast, but the target dtype is not supported. Disabling autocast.\n"
                              f"{name} Autocast only supports dtypes of torch.bfloat16, torch.float16 currently.",
                              stacklevel=2)
                enabled = False
            elif self.fast_dtype is dtypes.float16:
                raise NotImplementedError("autograd_magic implements a subset of PyTorch: torch.autocast with "
                                          "dtype=torch.float16 is not part of it (torch.bfloat16 is)")
        self._enabled = enabled

    def __enter__(self):
        # (a CUDA region is disabled: nothing to set on the CPU's state)
        cpu = self.device == "cpu"
        self._before = _state.set_region(self._enabled, self.fast_dtype, self._cache_enabled) if cpu else None
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        if self._before is not None:
            _state.exit_region(self._before)
        return False

    def __call__(self, func):
        if not callable(func):
            raise TypeError(f"autocast()(func) requires a callable, but got {type(func).__name__}. Did you mean to "
                            f"use autocast as a context manager? For example:\n"
                            f"    with torch.autocast(device_type=...):\n"
                            f"        output = model(input)")

        @functools.wraps(func)
        def decorate_autocast(*args, **kwargs):
            with self:
                return func(*args, **kwargs)
        return decorate_autocast


class _CpuAutocast(autocast):
    """torch.cpu.amp.autocast(enabled=True, dtype=torch.bfloat16, cache_enabled=True): deprecated by PyTorch."""
    __module__ = "torch.cpu.amp.autocast_mode"

    def __init__(self, enabled=True, dtype=None, cache_enabled=True):
        warnings.warn("`torch.cpu.amp.autocast(args...)` is deprecated. Please use `torch.amp.autocast('cpu', "
                      "args...)` instead.", FutureWarning, stacklevel=2)
        super().__init__("cpu", enabled=enabled, dtype=enable_bfloat16() if dtype is None else dtype,
                         cache_enabled=cache_enabled)


_CpuAutocast.__name__ = _CpuAutocast.__qualname__ = "autocast"


def is_autocast_enabled(device_type=None):
    """torch.is_autocast_enabled(): CUDA's (never here) without an argument, else that device's."""
    if device_type is None or device_type.partition(":")[0] != "cpu":
        return False
    return _state.CPU.enabled


def get_autocast_dtype(device_type):
    """The dtype an autocast region of that device computes in by default (or the open region's)."""
    if device_type == "cpu":
        return _state.CPU.fast_dtype if _state.CPU.nesting else enable_bfloat16()
    return dtypes.float16


from ..engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.amp", name)
