"""torch.mps as PyTorch built without Metal has it (the Apple-laptop branch of tutorials' device code): nothing is
available, seeding is skipped, and what would ask the MPS runtime raises PyTorch's error naming the call."""
from ._stubs import failing as _failing

# each function and the MPS runtime call whose absence it reports
_CALLS = {"seed": "getDefaultGenerator", "get_rng_state": "getDefaultGenerator",
          "set_rng_state": "getDefaultGenerator", "empty_cache": "emptyCache", "synchronize": "deviceSynchronize",
          "current_allocated_memory": "getCurrentAllocatedMemory",
          "driver_allocated_memory": "getDriverAllocatedMemory",
          "recommended_max_memory": "getRecommendedMaxMemory", "set_per_process_memory_fraction": "setMemoryFraction"}


def _without_mps(name):
    raise RuntimeError(f"Cannot execute {_CALLS[name]}() without MPS backend.")


def is_available():
    return False


def device_count():
    return 0


def manual_seed(seed):
    """No MPS device: PyTorch returns before it reads the seed."""


globals().update(_failing("torch.mps", _without_mps, _CALLS))


from ..engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.mps", name)
