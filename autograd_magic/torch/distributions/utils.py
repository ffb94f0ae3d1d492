"""Helpers shared by the distributions: broadcasting parameters, probabilities <-> logits."""
import numbers

from ...engine.tensor import Tensor
from ...engine.composed import broadcast_tensors
from ...engine.creation import empty, tensor
from ...engine.dtypes import get_default_dtype
from ...engine.functions import finfo
from ..grad_mode import enable_grad
from ..nn import functional as F


def broadcast_all(*values):
    """Numbers become tensors (float32, or like the tensor arguments), then all are broadcast together."""
    if not all(isinstance(v, (Tensor, numbers.Number)) for v in values):
        raise ValueError("Input arguments must all be instances of numbers.Number, torch.Tensor or objects "
                         "implementing __torch_function__.")
    if not all(isinstance(v, Tensor) for v in values):
        like = next((v for v in values if isinstance(v, Tensor)), None)
        dtype = like.dtype if like is not None else get_default_dtype()
        values = [v if isinstance(v, Tensor) else tensor(v, dtype=dtype) for v in values]
    return broadcast_tensors(*values)


def clamp_probs(probs):
    eps = finfo(probs.dtype).eps
    return probs.clamp(min=eps, max=1 - eps)


def probs_to_logits(probs, is_binary=False):
    ps_clamped = clamp_probs(probs)
    if is_binary:
        return ps_clamped.log() - (-ps_clamped).log1p()
    return ps_clamped.log()


def logits_to_probs(logits, is_binary=False):
    if is_binary:
        return logits.sigmoid()
    return F.softmax(logits, dim=-1)


class lazy_property:
    """A parameter computed from the other one on first use (probs from logits, or logits from probs)."""

    def __init__(self, wrapped):
        self.wrapped = wrapped
        self.__doc__ = wrapped.__doc__

    def __get__(self, instance, obj_type=None):
        if instance is None:
            return self
        with enable_grad():
            value = self.wrapped(instance)
        setattr(instance, self.wrapped.__name__, value)
        return value


def _standard_normal(shape, dtype, device=None):
    return empty(shape, dtype=dtype).normal_()


def _sum_rightmost(value, dim):
    """Sum out the dim rightmost dimensions of value."""
    if dim == 0:
        return value
    return value.reshape(value.shape[:-dim] + (-1,)).sum(-1)
