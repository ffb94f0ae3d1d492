"""torch.cpu: the CPU is the one device there is; ``torch.cpu.amp.autocast`` is PyTorch's deprecated CPU autocast."""
from . import amp  # noqa: F401


def is_available():
    return True


def device_count():
    return 1


def current_device():
    return "cpu"


def __getattr__(name):
    raise AttributeError(f"module 'torch.cpu' has no attribute '{name}': autograd_magic implements a subset of "
                         f"PyTorch, and torch.cpu.{name} is not part of it")
