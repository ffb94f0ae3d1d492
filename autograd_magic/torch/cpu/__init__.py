"""torch.cpu: the CPU is the one device there is; ``torch.cpu.amp.autocast`` is PyTorch's deprecated CPU autocast."""
from . import amp  # noqa: F401


def is_available():
    return True


def device_count():
    return 1


def current_device():
    return "cpu"


def is_initialized():
    return True


def synchronize(device=None):
    """Nothing runs asynchronously on the CPU (tutorials' timing code calls it after each step)."""


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.cpu", name)
