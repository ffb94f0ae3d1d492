"""torch.nn.functional: activations, linear and the losses of the first lessons."""
import numpy as np

from ...engine import functions as F
from ...engine import shaping as S
from ...engine.optable import OPS
from ...engine.tensor import _dim, apply

relu = F.relu
sigmoid = F.sigmoid
tanh = F.tanh


def _reduction(size_average, reduce, reduction):
    if size_average is None and reduce is None:
        return reduction
    if reduce is False:
        return "none"
    return "sum" if size_average is False else "mean"


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    t = input if dtype is None else input.to(dtype)
    return apply(OPS["softmax"], (t,), _dim(dim, t.ndim))


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    t = input if dtype is None else input.to(dtype)
    return apply(OPS["log_softmax"], (t,), _dim(dim, t.ndim))


def linear(input, weight, bias=None):
    """input @ weight.T + bias, recorded as PyTorch records it (AddmmBackward0 between views)."""
    wt = S.t(weight)
    if input.ndim == 2:
        return F.addmm(bias, input, wt) if bias is not None else F.mm(input, wt)
    if bias is None:
        return F.matmul(input, wt)
    flat = S.view(input, -1, input.shape[-1])
    return S.view(F.addmm(bias, flat, wt), *input.shape[:-1], weight.shape[0])


def _check_same(input, target, name):
    if input.shape != target.shape:
        import warnings
        warnings.warn(f"Using a target size ({target.shape}) that is different to the input size ({input.shape}). "
                      "This will likely lead to incorrect results due to broadcasting. Please ensure they have the "
                      "same size.", UserWarning, stacklevel=3)


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    _check_same(input, target, "mse_loss")
    if input.shape != target.shape:
        shape = _bshape(input, target)
        input, target = S.expand(input, shape), S.expand(target, shape)
    return apply(OPS["mse_loss"], (input, target), _reduction(size_average, reduce, reduction))


def _bshape(a, b):
    return np.broadcast_shapes(a._data.shape, b._data.shape)


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction="mean"):
    if input.shape != target.shape:
        raise ValueError(f"Using a target size ({target.shape}) that is different to the input size ({input.shape}) "
                         "is deprecated. Please ensure they have the same size.")
    if ((input._data < 0) | (input._data > 1)).any():
        raise RuntimeError("all elements of input should be between 0 and 1")
    out = apply(OPS["binary_cross_entropy"], (input, target), _reduction(size_average, reduce, reduction))
    return out if weight is None else out * weight


def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None, reduction="mean",
                                     pos_weight=None):
    if input.shape != target.shape:
        raise ValueError(f"Target size ({target.shape}) must be the same as input size ({input.shape})")
    return apply(OPS["binary_cross_entropy_with_logits"], (input, target), _reduction(size_average, reduce, reduction))


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean"):
    t = target._data
    if t.dtype.kind not in "iu":
        raise RuntimeError(f"expected scalar type Long but found {target.dtype.name.capitalize()}")
    shape = input._data.shape
    n_classes = shape[1] if len(shape) > 1 else shape[0]
    if t.size:
        lo, hi = t.min(), t.max()
        if lo < 0 or hi >= n_classes:
            raise IndexError(f"Target {int(hi if hi >= n_classes else lo)} is out of bounds.")
    return apply(OPS["nll_loss"], (input,), t, _reduction(size_average, reduce, reduction), input._data.shape)


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean",
                  label_smoothing=0.0):
    if target.is_floating_point():
        logp = log_softmax(input, 1 if input.ndim > 1 else 0)
        loss = -(target * logp).sum(1 if input.ndim > 1 else 0)
        red = _reduction(size_average, reduce, reduction)
        return loss.mean() if red == "mean" else loss.sum() if red == "sum" else loss
    return nll_loss(log_softmax(input, 1 if input.ndim > 1 else 0), target,
                    reduction=_reduction(size_average, reduce, reduction))


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    diff = (input - target).abs()
    red = _reduction(size_average, reduce, reduction)
    return diff.mean() if red == "mean" else diff.sum() if red == "sum" else diff


def __getattr__(name):
    raise AttributeError(f"module 'torch.nn.functional' has no attribute '{name}': autograd_magic implements a "
                         f"subset of PyTorch, and torch.nn.functional.{name} is not part of it")


__all__ = ["relu", "sigmoid", "tanh", "softmax", "log_softmax", "linear", "mse_loss", "binary_cross_entropy",
           "binary_cross_entropy_with_logits", "nll_loss", "cross_entropy", "l1_loss"]
