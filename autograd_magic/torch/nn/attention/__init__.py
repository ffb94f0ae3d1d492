"""torch.nn.attention: SDPBackend and the ``sdpa_kernel`` context manager of the "Scaled Dot Product Attention"
recipe. PyTorch's CPU build has two backends, the fused flash kernel and the math path; F.scaled_dot_product_attention
picks between them as PyTorch does (torch/nn/functional_attention.py), and the choice made here does not change the
results differ in their last bits: inside ``sdpa_kernel(SDPBackend.MATH)`` the math path runs, as in PyTorch."""
import contextlib
import enum


class _EnumType(enum.EnumMeta):
    def __repr__(cls):
        return f"<class '{cls.__module__}.{cls.__qualname__}'>"


class SDPBackend(enum.Enum, metaclass=_EnumType):
    """The attention backends (PyTorch's enum: ``SDPBackend.MATH`` prints as such)."""
    ERROR = -1
    MATH = 0
    FLASH_ATTENTION = 1
    EFFICIENT_ATTENTION = 2
    CUDNN_ATTENTION = 3
    OVERRIDEABLE = 4


SDPBackend.__module__, SDPBackend.__qualname__ = "torch.nn.attention", "_SDPBackend"   # type() as PyTorch's


_ENABLED = {SDPBackend.MATH, SDPBackend.FLASH_ATTENTION}   # the CPU build's backends, all on by default


def cpu_backends():
    """(flash kernel allowed, math path allowed): what F.scaled_dot_product_attention may use now."""
    return SDPBackend.FLASH_ATTENTION in _ENABLED, SDPBackend.MATH in _ENABLED


@contextlib.contextmanager
def sdpa_kernel(backends, set_priority=False):
    """Use only these backends inside the block (a backend or a list of them)."""
    chosen = list(backends) if isinstance(backends, (list, tuple, set)) else [backends]
    for b in chosen:
        if not isinstance(b, SDPBackend):
            raise AssertionError("Backend must be an instance of SDPBackend or a list of SDPBackend instances, "
                                 f"got {type(b).__name__}")
    before = set(_ENABLED)
    _ENABLED.clear()
    _ENABLED.update(chosen)
    try:
        yield
    finally:
        _ENABLED.clear()
        _ENABLED.update(before)
