"""Helpers shared by the distributions: broadcasting parameters, probabilities <-> logits, the probs-or-logits
parametrisation, enumerated supports."""
import numbers

from ...engine.tensor import Tensor
from ...engine.composed import broadcast_tensors
from ...engine.creation import arange, empty, tensor
from ...engine.dtypes import get_default_dtype
from ...engine.functions import finfo
from ..grad_mode import enable_grad
from ..nn import functional as F


def broadcast_all(*values):
    """Numbers become tensors (float32, or like the tensor arguments), then all are broadcast together."""
    if not all(isinstance(v, (Tensor, numbers.Number)) for v in values):
        raise ValueError("Input arguments must all be instances of Number, torch.Tensor or objects "
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
    __module__ = "torch.distributions.utils"

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


def _probs_or_logits(probs, logits):
    """The name and value of the one of probs and logits given (PyTorch's error for both or neither)."""
    if (probs is None) == (logits is None):
        raise ValueError("Either `probs` or `logits` must be specified, but not both.")
    return ("probs", probs) if probs is not None else ("logits", logits)


class _ProbsOrLogits:
    """What Bernoulli, Binomial, Geometric, LogitRelaxedBernoulli and Categorical share: exactly one of probs and
    logits is stored (also as _param), the other computed from it on first use. (param_shape stays with each
    class: PyTorch's Geometric has none.)"""
    _is_binary = True   # Categorical: False (a softmax over the last dim)

    def _init_param(self, probs, logits, *others):
        """Store the one of probs and logits given, broadcast with others (numbers first), which are returned."""
        name, given = _probs_or_logits(probs, logits)
        *others, param = broadcast_all(*others, given)
        setattr(self, name, param)
        self._param = param
        return others

    @lazy_property
    def logits(self):
        return probs_to_logits(self.probs, is_binary=self._is_binary)

    @lazy_property
    def probs(self):
        return logits_to_probs(self.logits, is_binary=self._is_binary)

    def _expand_param(self, new, param_shape):
        """expand's step for the parameter: the one stored, as a view of param_shape, on new."""
        if "probs" in self.__dict__:
            new.probs = new._param = self.probs.expand(param_shape)
        if "logits" in self.__dict__:
            new.logits = new._param = self.logits.expand(param_shape)


def _enumerated(values, batch_shape, expand=True):
    """enumerate_support's values (1-D) as a column to broadcast over batch_shape, or expanded to it."""
    values = values.view((-1,) + (1,) * len(batch_shape))
    if expand:
        values = values.expand((-1,) + tuple(batch_shape))
    return values


def _standard_normal(shape, dtype, device=None):
    return empty(shape, dtype=dtype).normal_()


def _sum_rightmost(value, dim):
    """Sum out the dim rightmost dimensions of value."""
    if dim == 0:
        return value
    return value.reshape(value.shape[:-dim] + (-1,)).sum(-1)


def tril_matrix_to_vec(mat, diag=0):
    """The lower-triangular elements (below the diag-th diagonal) of a (batch of) D x D matrix, in row order."""
    n = mat.shape[-1]
    if diag < -n or diag >= n:
        raise ValueError(f"diag ({diag}) provided is outside [{-n}, {n - 1}].")
    idx = arange(n)
    tril_mask = idx < idx.view(-1, 1) + (diag + 1)
    return mat[..., tril_mask]


def vec_to_tril_matrix(vec, diag=0):
    """A (batch of) D x D lower-triangular matrix holding vec's elements in row order (tril_matrix_to_vec's
    inverse)."""
    # the positive root of D**2 + (1+2*diag)*D - |diag| * (diag+1) - 2*vec.shape[-1] = 0
    n = (-(1 + 2 * diag) + ((1 + 2 * diag) ** 2 + 8 * vec.shape[-1] + 4 * abs(diag) * (diag + 1)) ** 0.5) / 2
    if round(n) - n > finfo(vec.dtype).eps:
        raise ValueError(f"The size of last dimension is {vec.shape[-1]} which cannot be expressed as the lower "
                         "triangular part of a square D x D matrix.")
    n = round(n)
    mat = vec.new_zeros(vec.shape[:-1] + (n, n))
    idx = arange(n)
    tril_mask = idx < idx.view(-1, 1) + (diag + 1)
    mat[..., tril_mask] = vec
    return mat
