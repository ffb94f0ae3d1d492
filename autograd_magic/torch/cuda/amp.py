"""torch.cuda.amp: ``autocast`` and ``GradScaler``, deprecated by PyTorch for ``torch.amp.autocast("cuda")`` and
``torch.amp.GradScaler("cuda")`` (with their FutureWarnings); on a machine without CUDA both end up disabled, with
PyTorch's warnings (nanoGPT's train.py makes ``torch.cuda.amp.GradScaler(enabled=False)`` on every device)."""
import warnings

from .. import amp as _amp
from ...engine import dtypes


class autocast(_amp.autocast):
    """torch.cuda.amp.autocast(enabled=True, dtype=torch.float16, cache_enabled=True): a disabled region here."""
    __module__ = "torch.cuda.amp.autocast_mode"

    def __init__(self, enabled=True, dtype=dtypes.float16, cache_enabled=True):
        warnings.warn("`torch.cuda.amp.autocast(args...)` is deprecated. Please use `torch.amp.autocast('cuda', "
                      "args...)` instead.", FutureWarning, stacklevel=2)
        super().__init__("cuda", enabled=enabled, dtype=dtype, cache_enabled=cache_enabled)


class GradScaler(_amp.GradScaler):
    """torch.cuda.amp.GradScaler(init_scale=65536.0, ..., enabled=True): a disabled scaler here (scale() returns
    the loss, step() calls optimizer.step())."""
    __module__ = "torch.cuda.amp.grad_scaler"

    def __init__(self, init_scale=2.0 ** 16, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000,
                 enabled=True):
        warnings.warn("`torch.cuda.amp.GradScaler(args...)` is deprecated. Please use `torch.amp.GradScaler('cuda', "
                      "args...)` instead.", FutureWarning, stacklevel=2)
        super().__init__("cuda", init_scale=init_scale, growth_factor=growth_factor, backoff_factor=backoff_factor,
                         growth_interval=growth_interval, enabled=enabled)


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.cuda.amp", name)
