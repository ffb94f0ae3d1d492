"""torch.cuda as PyTorch built without CUDA has it: nothing is available, seeding is a no-op, the rest asserts;
``torch.cuda.amp`` holds PyTorch's deprecated spellings of autocast and GradScaler (disabled, as without CUDA)."""
import collections
import warnings

from . import amp  # noqa: F401
from .._stubs import device_index as _device_index, failing as _failing
from ...engine.creation import CUDA_LEGACY_TYPES as _LEGACY_TYPES

globals().update(_LEGACY_TYPES)   # (torch.cuda.FloatTensor ...: they exist, but make no tensor)

_NOT_COMPILED = "Torch not compiled with CUDA enabled"


def is_available():
    return False


def is_bf16_supported(including_emulation=True):
    """No CUDA device, so no bfloat16 on one."""
    return False


def device_count():
    return 0


def is_initialized():
    return False


def manual_seed(seed):
    """No CUDA generator to seed: silently ignored, as in PyTorch (after its ``int(seed)``)."""
    int(seed)


def manual_seed_all(seed):
    """No CUDA generator to seed: silently ignored, as in PyTorch (after its ``int(seed)``)."""
    int(seed)


def seed():
    pass


def seed_all():
    pass


def empty_cache():
    pass


def _not_compiled(name):
    raise AssertionError(_NOT_COMPILED)


_BINDINGS = {"set_device": "_cuda_setDevice", "reset_peak_memory_stats": "_cuda_resetPeakMemoryStats",
             "reset_accumulated_memory_stats": "_cuda_resetAccumulatedMemoryStats"}


def _no_binding(name):
    """What PyTorch's CPU build says where torch.cuda reaches for a binding only a CUDA build has."""
    raise AttributeError(f"module 'torch._C' has no attribute '{_BINDINGS[name]}'")


globals().update(_failing("torch.cuda", _not_compiled, (
    "current_device", "get_device_name", "get_device_properties", "synchronize", "get_device_capability", "init",
    "ipc_collect", "mem_get_info", "current_stream", "default_stream", "initial_seed", "get_rng_state",
    "current_blas_handle", "get_sync_debug_mode")))
globals().update(_failing("torch.cuda", _no_binding, ("reset_peak_memory_stats", "reset_accumulated_memory_stats")))


def set_device(device):
    """A negative index is ignored; any other reaches for the CUDA runtime, which a CPU build does not have."""
    if _device_index(device, kind="cuda") >= 0:
        _no_binding("set_device")


def memory_stats(device=None):
    """CUDA was never initialised: no statistics (an empty OrderedDict, as PyTorch gives)."""
    return collections.OrderedDict()


def memory_allocated(device=None):
    """0: nothing was ever allocated on a GPU (what a training loop's memory log prints on a laptop)."""
    return 0


max_memory_allocated = memory_reserved = max_memory_reserved = memory_allocated


def memory_cached(device=None):
    warnings.warn("`torch.cuda.memory_cached` has been renamed to `torch.cuda.memory_reserved`", FutureWarning,
                  stacklevel=2)
    return 0


def max_memory_cached(device=None):
    warnings.warn("`torch.cuda.max_memory_cached` has been renamed to `torch.cuda.max_memory_reserved`",
                  FutureWarning, stacklevel=2)
    return 0


def reset_max_memory_allocated(device=None):
    warnings.warn("torch.cuda.reset_max_memory_allocated now calls torch.cuda.reset_peak_memory_stats, which resets "
                  "/all/ peak memory stats.", FutureWarning, stacklevel=2)
    reset_peak_memory_stats(device)


def memory_summary(device=None, abbreviated=False):
    """PyTorch formats the empty statistics and fails on the first key it reads."""
    raise KeyError("allocated_bytes.all.current")


def get_rng_state_all():
    return []


def set_rng_state(new_state, device="cuda"):
    """No CUDA generator: ignored, as in PyTorch."""


def set_rng_state_all(new_states):
    """No CUDA generator: ignored, as in PyTorch."""


def get_arch_list():
    return []


def get_gencode_flags():
    return ""


class device:
    """torch.cuda.device(idx): a context manager that selects a GPU; entering it fails without CUDA."""
    __module__ = "torch.cuda"

    def __init__(self, device):
        self.idx = _device_index(device, optional=True, kind="cuda")
        self.prev_idx = -1

    def __enter__(self):
        if self.idx is None:   # (PyTorch compares the index it did not find with 0)
            raise TypeError("'<' not supported between instances of 'NoneType' and 'int'")
        if self.idx >= 0:
            raise RuntimeError("PyTorch was compiled without CUDA support")

    def __exit__(self, *exc):
        return False


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.cuda", name)
