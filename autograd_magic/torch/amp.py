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

from ..engine import arg_parser as _arg_parser, autocast as _state
from ..engine import dtypes
from ..engine.argcheck import user_level
from ..engine.size import device as _device
from ..engine.tensor_base import enable_bfloat16
from .amp_grad_scaler import GradScaler  # noqa: F401

__all__ = ["GradScaler", "autocast", "is_autocast_available"]


def is_autocast_available(device_type):
    """Whether autocast exists for a device type (PyTorch's answer: every accelerator type has it)."""
    _check_device(device_type)
    return device_type.partition(":")[0] in _BF16_KINDS + _FP16_KINDS


_BF16_KINDS = ("cpu", "hpu", "xla", "maia")   # the device types with autocast, by their default dtype
_FP16_KINDS = ("cuda", "xpu", "ipu", "mps", "mtia", "privateuseone")


def _check_device(device_type):
    """The device string parsed as c10::Device does, with its errors ("Expected one of cpu, cuda, ... device type at
    start of device string: gpu", "Device string must not be empty", "Invalid device string: 'cuda0'")."""
    _device(device_type)


class autocast:
    """torch.autocast(device_type, dtype=None, enabled=True, cache_enabled=None): inside the block, linear, matmul,
    mm, bmm and addmm compute in bfloat16 and mse_loss, cross_entropy, nll_loss ... in float32."""
    __module__ = "torch.amp.autocast_mode"

    def __init__(self, device_type, dtype=None, enabled=True, cache_enabled=None):
        if not isinstance(device_type, str):
            raise ValueError(f"Expected `device_type` of type `str`, got: `{type(device_type)}`")
        self.fast_dtype = get_autocast_dtype(device_type) if dtype is None else dtype   # (first, as PyTorch)
        if not is_autocast_available(device_type):
            raise RuntimeError(f"User specified an unsupported autocast device_type '{device_type}'")
        self.device = device_type
        is_cuda = device_type.partition(":")[0] == "cuda"
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
        if not isinstance(self.fast_dtype, dtypes.dtype):   # (PyTorch's set_autocast_dtype refuses it on entry)
            _arg_parser.check_call("set_autocast_dtype", _SET_DTYPE, (self.device, self.fast_dtype), {})
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
    if device_type is None:
        return _OTHER_ENABLED.get("cuda", False)
    if not isinstance(device_type, str):
        raise TypeError(f"is_autocast_enabled(): argument 'device_type' (position 1) must be str, not "
                        f"{type(device_type).__name__}")
    _check_device(device_type)
    if device_type.partition(":")[0] not in _BF16_KINDS + _FP16_KINDS:
        raise RuntimeError("unknown device type for autocast in get_autocast_dispatch_key_from_device_type")
    return _enabled(device_type.partition(":")[0])


def get_autocast_dtype(device_type):
    """The dtype an autocast region of that device computes in by default (or the open region's, or the one
    set_autocast_dtype gave)."""
    _check_device(device_type)
    kind = device_type.partition(":")[0]
    if kind == "cpu":
        return _state.CPU.fast_dtype if _state.CPU.fast_dtype is not None else enable_bfloat16()
    if kind in _OTHER_DTYPES:
        return _OTHER_DTYPES[kind]
    if kind in _BF16_KINDS:   # at::autocast's default lower-precision dtypes by device type
        return enable_bfloat16()
    if kind in _FP16_KINDS:
        return dtypes.float16
    raise RuntimeError("unsupported scalarType")   # (meta, lazy, vulkan ...: no autocast dtype of their own)


# ---------------------------------------------------------------- the state functions of torch.* (torch._C's)

_OTHER_DTYPES = {}    # set_autocast_dtype of the devices the engine has no autocast for: the dtype is kept
_OTHER_ENABLED = {}   # ... and set_autocast_enabled's flag


def _set_cpu_enabled(enabled):
    cpu = _state.CPU
    cpu.enabled = enabled
    fast = get_autocast_dtype("cpu")
    # (the engine computes a CPU region in bfloat16 only: another dtype's flag is kept, nothing is cast)
    cpu.dtype = fast if enabled and fast is dtypes.bfloat16 else None


def set_autocast_enabled(*args, **kwargs):
    """set_autocast_enabled(device_type, enabled), or set_autocast_enabled(enabled) for CUDA."""
    values = _arg_parser.check_call("set_autocast_enabled", _SET_ENABLED, args, kwargs)
    kind = values.get("device_type", "cuda")
    _check_device(kind)
    kind = kind.partition(":")[0]
    if kind == "cpu":
        _set_cpu_enabled(values["enabled"])
    else:
        _OTHER_ENABLED[kind] = values["enabled"]


def set_autocast_dtype(*args, **kwargs):
    values = _arg_parser.check_call("set_autocast_dtype", _SET_DTYPE, args, kwargs)
    _check_device(values["device_type"])
    kind = values["device_type"].partition(":")[0]
    if kind == "cpu":
        _state.CPU.fast_dtype = values["dtype"]
        _set_cpu_enabled(_state.CPU.enabled)
    else:
        _OTHER_DTYPES[kind] = values["dtype"]


def _enabled(kind):
    return _state.CPU.enabled if kind == "cpu" else _OTHER_ENABLED.get(kind, False)


def is_autocast_cache_enabled():
    return _state.CPU.cache_enabled


def set_autocast_cache_enabled(enabled):
    _state.CPU.cache_enabled = bool(enabled)


def clear_autocast_cache():
    _state.CPU.cache.clear()


def autocast_increment_nesting():
    _state.CPU.nesting += 1
    return _state.CPU.nesting


def autocast_decrement_nesting():
    _state.CPU.nesting -= 1
    if _state.CPU.nesting == 0:
        _state.CPU.cache.clear()
    return _state.CPU.nesting


_INIT_LINES = {("is", "cpu"): 883, ("set", "cpu"): 874, ("get", "cpu"): 1016, ("setd", "cpu"): 967,
               ("get", "gpu"): 1007, ("setd", "gpu"): 952, ("get", "ipu"): 1025, ("setd", "ipu"): 982,
               ("is", "ipu"): 909, ("set", "ipu"): 900, ("get", "xla"): 1034, ("setd", "xla"): 997,
               ("is", "xla"): 935, ("set", "xla"): 926}


def _deprecated(kind, dev):
    """PyTorch's deprecated per-device spellings (torch.is_autocast_cpu_enabled() ...), with its warning."""
    name = {"is": f"is_autocast_{dev}_enabled", "set": f"set_autocast_{dev}_enabled",
            "get": f"get_autocast_{dev}_dtype", "setd": f"set_autocast_{dev}_dtype"}[kind]
    device = "cuda" if dev == "gpu" else dev
    call, new = {"is": ("()", f"is_autocast_enabled('{device}')"),
                 "set": ("(enabled)", f"set_autocast_enabled('{device}', enabled)"),
                 "get": ("()", f"get_autocast_dtype('{device}')"),
                 "setd": ("(dtype)", f"set_autocast_dtype('{device}', dtype)")}[kind]
    message = (f"torch.{name}{call} is deprecated. Please use torch.{new} instead. (Triggered internally at "
               f"/__w/pytorch/pytorch/torch/csrc/autograd/init.cpp:{_INIT_LINES[kind, dev]}.)")

    def fn(*args):
        # (the caller's line, past the engine's frames: a wrapper of the pure-Python build's torch_function layer
        # would otherwise be named, and a DeprecationWarning from there is hidden by Python's default filters)
        warnings.warn(message, DeprecationWarning, stacklevel=user_level())
        if kind == "is":
            return _enabled(device)
        if kind == "get":
            return get_autocast_dtype(device)
        if kind == "set":
            return set_autocast_enabled(device, *args)
        return set_autocast_dtype(device, *args)
    fn.__name__ = fn.__qualname__ = name
    return fn


STATE_FUNCTIONS = {f.__name__: f for f in (
    set_autocast_enabled, set_autocast_dtype, is_autocast_cache_enabled, set_autocast_cache_enabled,
    clear_autocast_cache, autocast_increment_nesting, autocast_decrement_nesting)}
STATE_FUNCTIONS.update({fn.__name__: fn for fn in (_deprecated(kind, dev) for kind, dev in _INIT_LINES)})
_SET_ENABLED = [_arg_parser.Signature("(str device_type, bool enabled)"), _arg_parser.Signature("(bool enabled)")]
_SET_DTYPE = [_arg_parser.Signature("(str device_type, torch.dtype dtype)")]


from ..engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.amp", name)
