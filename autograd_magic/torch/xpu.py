"""torch.xpu as PyTorch built without Intel GPU support has it: nothing is available, seeding and emptying the
cache do nothing, and what needs a device asserts as PyTorch does."""

from ._stubs import failing as _failing

_NOT_COMPILED = "Torch not compiled with XPU enabled"


def is_available():
    return False


def device_count():
    return 0


def is_bf16_supported(including_emulation=True):
    return False


def manual_seed(seed):
    """No XPU generator to seed: silently ignored, as in PyTorch."""


manual_seed_all = manual_seed


def empty_cache():
    pass


def memory_allocated(device=None):
    return 0


max_memory_allocated = memory_reserved = max_memory_reserved = memory_allocated


def _not_compiled(name):
    raise AssertionError(_NOT_COMPILED)


globals().update(_failing("torch.xpu", _not_compiled, ("synchronize", "current_device", "get_device_name",
                                                        "get_device_properties", "set_device")))


from ..engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.xpu", name)
