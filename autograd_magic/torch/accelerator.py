"""torch.accelerator as PyTorch's CPU build has it (the device line of its current tutorials:
``torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"``): no accelerator
is available, and what would need one raises PyTorch's error."""
from ._stubs import failing as _failing

_NONE = "Cannot access accelerator device when none is available."


def is_available():
    """False: the engine runs on the CPU only."""
    return False


def device_count():
    return 0


def current_accelerator(check_available=False):
    """None: there is no accelerator (PyTorch's CPU build gives None too)."""
    return None


def empty_cache():
    pass


def _none_available(name):
    raise RuntimeError(_NONE)


globals().update(_failing("torch.accelerator", _none_available, (
    "current_device_index", "current_device_idx", "set_device_index", "set_device_idx", "synchronize",
    "current_stream", "set_stream")))


from ..engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.accelerator", name)
