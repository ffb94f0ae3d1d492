"""torch.cpu.amp: ``autocast()``, deprecated by PyTorch for ``torch.amp.autocast("cpu")`` (with its FutureWarning)."""
from ..amp import _CpuAutocast as autocast  # noqa: F401


def __getattr__(name):
    raise AttributeError(f"module 'torch.cpu.amp' has no attribute '{name}': autograd_magic implements a subset of "
                         f"PyTorch, and torch.cpu.amp.{name} is not part of it")
