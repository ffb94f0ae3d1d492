"""torch.cpu.amp: ``autocast()``, deprecated by PyTorch for ``torch.amp.autocast("cpu")`` (with its FutureWarning)."""
from ..amp import _CpuAutocast as autocast  # noqa: F401


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.cpu.amp", name)
