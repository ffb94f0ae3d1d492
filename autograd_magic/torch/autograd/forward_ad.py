"""torch.autograd.forward_ad: dual tensors for forward-mode AD (one level at a time, as in PyTorch 2.13).

The tangents ride along the engine's ops (engine/forward_ad.py). Example::

    with fwAD.dual_level():
        y = f(fwAD.make_dual(x, v))
        jvp = fwAD.unpack_dual(y).tangent
"""
import contextlib
from typing import NamedTuple

from ...engine import forward_ad as _fw
from ...engine.tensor import Tensor


class UnpackedDualTensor(NamedTuple):
    """unpack_dual's result: the primal and the tangent (None for a tensor without one)."""
    primal: Tensor
    tangent: Tensor | None


def enter_dual_level():
    return _fw.enter_level()


def exit_dual_level(*, level=None):
    if level not in (None, 0) or not _fw.is_open():
        raise RuntimeError("Trying to exit a forward AD level that was not the last one that was created. This is "
                           "not supported.")
    _fw.exit_level()


def make_dual(tensor, tangent, *, level=None):
    """A view of tensor carrying tangent as its forward gradient."""
    return _fw.make_dual(tensor, tangent)


def unpack_dual(tensor, *, level=None):
    """(primal, tangent) of a dual tensor; tangent is None outside a level or for a tensor without one."""
    if not _fw.is_open():
        return UnpackedDualTensor(tensor, None)
    if not isinstance(tensor, Tensor):
        raise TypeError(f"_unpack_dual(): argument 'dual' (position 1) must be Tensor, not {type(tensor).__name__}")
    tangent = _fw.tangent(tensor)
    return UnpackedDualTensor(_fw.primal_view(tensor), tangent)   # (always a view inside a level, as in PyTorch)


class dual_level(contextlib.ContextDecorator):
    """Context manager (or decorator) in which dual tensors can be made and their tangents propagate."""

    def __enter__(self):
        return enter_dual_level()

    def __exit__(self, *exc):
        exit_dual_level()
        return False


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.autograd.forward_ad", name)
